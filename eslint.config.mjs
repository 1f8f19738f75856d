// @ts-check
// Root ESLint flat config. Every Nx project's `lint` target runs `eslint {projectRoot}` against this file.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';

// @nx/enforce-module-boundaries reads the *cached* project graph (.nx/workspace-data). Under an Nx task
// (`nx lint`, `nx run-many -t lint`) Nx has just computed it. A bare `npx eslint ...` (or the IDE) may
// find none (after `nx reset` the rule is silently skipped with a warning) or a stale one (new projects
// unchecked), so outside Nx tasks refresh it first (~1.5 s without the Nx daemon).
if (!process.env.NX_TASK_TARGET_PROJECT) {
  try {
    await createProjectGraphAsync({ exitOnError: false });
  } catch {
    // The rule then prints "No cached ProjectGraph is available" and skips itself.
  }
}

/** Files that only run under test or as benchmarks: they may also use the `type:testing` helpers. */
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'];

/**
 * Options for @nx/enforce-module-boundaries. Constraints are per *project*, so test files get a
 * second block with `type:testing` added (a later block's options replace the earlier ones).
 */
const boundaries = (/** @type {boolean} */ testFiles) => ({
  enforceBuildableLibDependency: false,
  allowCircularSelfDependency: false,
  // A lib's specs import @fremskudt/testing, which itself imports libs: that is a project-graph
  // cycle only through test files. Production code importing testing still fails on the tags below.
  ignoredCircularDependencies: [['tag:type:lib', 'tag:type:testing']],
  depConstraints: [
    { sourceTag: 'type:service', onlyDependOnLibsWithTags: testFiles ? ['type:lib', 'type:testing'] : ['type:lib'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: testFiles ? ['type:lib', 'type:testing'] : ['type:lib'] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:service'] },
    // helm/: the chart's checks read the contracts and the tenant configuration schema.
    { sourceTag: 'type:delivery', onlyDependOnLibsWithTags: ['type:lib'] },
  ],
});

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.local/**',
      '.nx/**',
      // JS config files at the workspace root and at project roots (jest.config.js, ...)
      '*.{js,cjs,mjs}',
      '{libs,services}/*/*.{js,cjs,mjs}',
      'e2e/*.{js,cjs,mjs}',
      'libs/contracts/asyncapi.json',
    ],
  },

  // TypeScript: typescript-eslint recommended (not type-checked, to stay fast).
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),

  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },

  // Test files may additionally depend on `type:testing`.
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(true)],
    },
  },

  // e2e boots services in-process. Services are `projectType: application`, and Nx's rule rejects
  // any import of an app ("Imports of apps are forbidden") before it looks at tags. e2e may use every
  // project type anyway, so for e2e files the package entry points (`@fremskudt/<name>`, an anchored
  // regex: no deep imports) are allow-listed; relative imports into other projects stay errors.
  {
    files: ['e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...boundaries(true), allow: ['^@fremskudt/[^/]+$'] }],
    },
  },

  // Runtime code logs through the logger, not the console. CLIs/generators print by design, and tests
  // may spy on or assert about the console.
  {
    files: ['services/**/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: ['libs/**/src/**/*-cli.ts', '**/generate-*.ts', 'scripts/**', ...TEST_FILES],
    rules: {
      'no-console': 'error',
    },
  },
);
