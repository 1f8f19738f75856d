// Chart checks (*.spec.ts): the chart rendered by the real Helm engine (helm-java), validated
// against the Kubernetes schemas and the platform's policies. No Kafka or PostgreSQL needed.
module.exports = require('../jest.preset').projectJestConfig(__dirname, 'helm');
