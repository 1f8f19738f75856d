// Shared jest setup: SWC transpiles TypeScript (with decorator metadata, which NestJS DI needs)
// and workspace libs resolve to their sources, so tests never need a build first.
const path = require('node:path');

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@fremskudt/(contracts|messaging|persistence|service-kit|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  // e2e boots services in-process: a service package's entry point is its root module (not main.ts).
  '^@fremskudt/(caseload|counselling|companies|projects|reporting)-service$': path.join(__dirname, 'services/$1/src/app.module.ts'),
};

/**
 * Jest config for one Nx project: a `unit` jest project (*.spec.ts, pure logic) and an
 * `integration` one (*.int-spec.ts, real PostgreSQL and Kafka, started by globalSetup).
 * `options.integrationTestMatch` replaces the integration globs (e2e uses *.e2e-spec.ts).
 */
function projectJestConfig(projectDir, name, options = {}) {
  const common = {
    rootDir: projectDir,
    transform: { '^.+\\.ts$': swcTransform },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    testEnvironment: 'node',
  };
  return {
    projects: [
      { ...common, displayName: { name: `${name}:unit`, color: 'cyan' }, testMatch: ['<rootDir>/**/*.spec.ts'] },
      {
        ...common,
        displayName: { name: `${name}:integration`, color: 'magenta' },
        testMatch: options.integrationTestMatch ?? ['<rootDir>/**/*.int-spec.ts'],
        globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.js'),
        setupFilesAfterEnv: [path.join(__dirname, 'libs/testing/src/integration-setup.js')],
        slowTestThreshold: 30,
      },
    ].map((p) => ({ ...p, testPathIgnorePatterns: ['/node_modules/', '/dist/'] })),
  };
}

module.exports = { projectJestConfig, swcTransform, moduleNameMapper };
