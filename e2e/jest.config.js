// e2e suites (*.e2e-spec.ts) boot several services in-process against real PostgreSQL and Kafka.
// The integration project scans the whole run for CPR numbers (e2e/privacy-scan): its global setup
// makes the run's scan directory, each suite's process logs there and records its error answers,
// and the global teardown reads the run's topics and fails the run on any CPR number found.
const path = require('node:path');

const config = require('../jest.preset').projectJestConfig(__dirname, 'e2e', {
  integrationTestMatch: ['<rootDir>/**/*.e2e-spec.ts'],
});

const scan = (file) => path.join(__dirname, 'privacy-scan', file);

module.exports = {
  ...config,
  projects: config.projects.map((project) =>
    project.displayName.name === 'e2e:integration'
      ? {
          ...project,
          globalSetup: scan('global-setup.ts'),
          globalTeardown: scan('global-teardown.ts'),
          setupFilesAfterEnv: [...project.setupFilesAfterEnv, scan('test-process-setup.ts')],
        }
      : project,
  ),
};
