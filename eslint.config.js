// @ts-check
// ESLint 10 flat config for the Dialkit monorepo.
//
// - Package sources and tests (packages/*/src, packages/*/test) get the type-checked
//   typescript-eslint rules (projectService), the RxJS rules, the no-cycle rule and no console.
// - packages/core/** additionally gets the boundary rules: no preact, no sip.js, no @dialkit/*
//   package, no DOM globals (house style, "Layout").
// - Plain JS at the root (config files, scripts/, bench/, examples/) gets @eslint/js recommended
//   with Node globals; those are CLIs and may print.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import rxjsX from 'eslint-plugin-rxjs-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PACKAGE_TS = ['packages/*/src/**/*.{ts,tsx,mts,cts}', 'packages/*/test/**/*.{ts,tsx,mts,cts}', 'e2e/**/*.ts', 'examples/*/src/**/*.{ts,tsx}'];
const TEST_TS = [
  'packages/*/src/**/*.test.{ts,tsx}',
  'packages/*/src/**/*.test-d.{ts,tsx}',
  'packages/*/test/**/*.{ts,tsx,mts,cts}',
  'e2e/**/*.ts',
];
const CORE = ['packages/core/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement'];
const CORE_BOUNDARY =
  '@dialkit/core is headless and vendor-free: it imports no UI framework, no SIP stack and no other Dialkit package. Put this in an adapter package.';

// packages/<pkg>/test holds cross-service tests; the package tsconfig only includes `src`. Until a
// package has its own `test/tsconfig.json` (recommended: extends ../tsconfig.json, includes `.` and
// `../src`), its test files are linted in typescript-eslint's default project. Once that tsconfig
// exists the project service finds it and the fallback is dropped automatically (typescript-eslint
// refuses a file that is both in a project and in allowDefaultProject).
const root = import.meta.dirname;
const testDirsWithoutTsconfig = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((pkg) => existsSync(join(root, 'packages', pkg, 'test')))
  .filter((pkg) => !existsSync(join(root, 'packages', pkg, 'test', 'tsconfig.json')));
const allowDefaultProject = testDirsWithoutTsconfig.flatMap((pkg) => [
  `packages/${pkg}/test/*.ts`,
  `packages/${pkg}/test/*/*.ts`,
]);

/** Applies the given configs only to `files`. */
const scoped = (files, configs) => configs.map((config) => ({ ...config, files }));

export default defineConfig(
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    'docs/api/**',
    '**/coverage/**',
    'bench/.tmp/**',
    'examples/**/dist/**',
  ]),

  // --- Plain JS/MJS outside the typed package sources: configs, scripts, bench, examples ----------
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },

  // --- Typed TypeScript in packages/*/src and packages/*/test -------------------------------------
  ...scoped(PACKAGE_TS, [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked]),
  {
    files: PACKAGE_TS,
    languageOptions: {
      parserOptions: {
        projectService:
          allowDefaultProject.length === 0
            ? true
            : {
                allowDefaultProject,
                defaultProject: 'tsconfig.base.json',
                maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 64,
              },
        tsconfigRootDir: root,
      },
    },
    plugins: {
      'import-x': importX,
      'rxjs-x': rxjsX,
    },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
          project: ['packages/*/tsconfig.json'],
          conditionNames: ['source', 'types', 'import', 'default'],
        }),
      ],
    },
    rules: {
      // Logging goes through the injected Logger, never the console.
      'no-console': 'error',

      // Runtime import cycles (type-only imports are ignored by the rule).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],

      // RxJS: `$` names for observables, private subjects, subscriptions kept for teardown.
      'rxjs-x/finnish': [
        'error',
        {
          functions: false,
          methods: false,
          // Private subjects are named `...Subject`; what they expose is an observable with `$`.
          types: { '^(Behavior|Replay|Async)?Subject$': false },
          parameters: true,
          properties: true,
          variables: true,
          objects: true,
        },
      ],
      'rxjs-x/no-exposed-subjects': ['error', { allowProtected: true }],
      'rxjs-x/no-ignored-subscription': 'error',
      'rxjs-x/no-implicit-any-catch': 'error',

      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // --- Boundary: core imports nothing of ours, no UI framework, no SIP stack, no DOM --------------
  {
    files: CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'preact', message: CORE_BOUNDARY },
            { name: 'sip.js', message: CORE_BOUNDARY },
          ],
          patterns: [
            { group: ['preact/*', 'sip.js/*'], message: CORE_BOUNDARY },
            { group: ['@dialkit/*'], message: CORE_BOUNDARY },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({
          name,
          message: `@dialkit/core has no DOM: '${name}' is not available. Inject a port (Storage, Clock, …) instead.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...DOM_GLOBALS.map((property) => ({
          object: 'globalThis',
          property,
          message: `@dialkit/core has no DOM: 'globalThis.${property}' is not available. Inject a port instead.`,
        })),
      ],
    },
  },

  // --- Tests: the usual relaxations ---------------------------------------------------------------
  {
    files: TEST_TS,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      // Tests subscribe to collect values and rely on the test's own teardown.
      'rxjs-x/no-ignored-subscription': 'off',
    },
  },
);
