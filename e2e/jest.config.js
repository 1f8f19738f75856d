// e2e suites (*.e2e-spec.ts) boot several services in-process against real PostgreSQL and Kafka.
module.exports = require('../jest.preset').projectJestConfig(__dirname, 'e2e', {
  integrationTestMatch: ['<rootDir>/**/*.e2e-spec.ts'],
});
