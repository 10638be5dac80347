import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import boundaries from 'eslint-plugin-boundaries';

const uiPackages = ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*', 'zustand', 'zustand/*', 'uplot', 'mdx-bundler/client', 'mdx-bundler/client/*'];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url', 'module'];

/** lib/content modules that read the disk or run esbuild: build scripts and routes (at build time) only. */
export const CONTENT_NODE_ONLY = ['lib/content/compile-lesson.ts', 'lib/content/generated.ts', 'lib/content/paths.ts'];

/**
 * Folder-to-folder rules. Every file belongs to one element, matched on its whole path from the project root,
 * and a dependency is judged by the file it resolves to (through `@/…`, `../../…` or a barrel alike), so a
 * rule holds at every depth. The first element that matches a file wins: specific ones come first.
 * tests/unit/lint-boundaries.test.ts runs a fixture against each rule.
 */
const elements = [
  // Tests of lib/ run in Node: they may read the build's files and drive the CLIs in scripts/.
  { type: 'lib-test', partialMatch: false, pattern: 'lib/**/__tests__/**' },
  { type: 'storage', partialMatch: false, pattern: 'lib/storage/**' },
  { type: 'lib', partialMatch: false, pattern: 'lib/**' },
  { type: 'stores', partialMatch: false, pattern: 'stores/**' },
  { type: 'components', partialMatch: false, pattern: 'components/**' },
  { type: 'app', partialMatch: false, pattern: 'app/**' },
  { type: 'sw', partialMatch: false, pattern: 'sw/**' },
  { type: 'scripts', partialMatch: false, pattern: 'scripts/**' },
  { type: 'tests', partialMatch: false, pattern: 'tests/**' },
];
const libTypes = ['lib', 'storage'];
const libAndTests = [...libTypes, 'lib-test'];
const browserTypes = ['lib', 'storage', 'stores', 'components', 'sw'];

const policies = [
  {
    from: { element: { type: libAndTests } },
    disallow: { to: { element: { type: ['components', 'stores', 'app', 'sw'] } } },
    message: 'lib/ must not depend on the UI layers (components, stores, app): move the code it needs into lib/.',
  },
  {
    from: { element: { type: libTypes } },
    disallow: { to: { element: { type: ['scripts', 'tests'] } } },
    message: 'lib/ must not depend on scripts/ or tests/: move the code it needs into lib/.',
  },
  {
    from: { element: { type: 'stores' } },
    disallow: { to: { element: { type: ['components', 'app'] } } },
    message: 'stores/ sit below the UI: components call stores, never the other way.',
  },
  {
    from: { element: { type: 'components' } },
    disallow: { to: { element: { type: 'app' } } },
    message: 'components/ must not import routes: pass what they need as props.',
  },
  {
    // A type from a storage module is erased at build time and costs nothing; a value reaches IndexedDB.
    from: { element: { type: ['components', 'app'] } },
    disallow: { to: { element: { type: 'storage' } }, dependency: { kind: 'value' } },
    message: 'Components render; storage (lib/storage, through its barrel or any module) goes through stores/. Type-only imports are allowed.',
  },
  {
    from: { element: { type: browserTypes }, file: { categories: 'any-runtime' } },
    disallow: { to: { file: { categories: 'node-only' } }, dependency: { kind: 'value' } },
    message: 'This lib/content module runs only in Node (the content build, routes at build time): browser code must not import it. Type-only imports are allowed.',
  },
];

export default tseslint.config(
  { ignores: ['.next/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'public/**', '**/.scratch/**', '.generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // React code only: the hooks rules run the React Compiler's analysis on every file they see, which cost 70 %
    // of the lint time when lib/, scripts/ and tests/ (where React is not allowed or not used) were included.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'stores/**/*.{ts,tsx}', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': [
        { category: 'node-only', pattern: CONTENT_NODE_ONLY, stopMatching: true },
        { category: 'any-runtime', pattern: '**' },
      ],
      'boundaries/include': ['app/**', 'components/**', 'lib/**', 'stores/**', 'sw/**', 'scripts/**', 'tests/**'],
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkInternals: true, policies }],
    },
  },
  {
    // lib/ is the product's logic: plain TypeScript that runs in Node, a worker or a test without a UI.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: uiPackages, message: 'lib/ must stay free of React, Next, zustand and UI libraries: move UI code to components/ or stores/.' }] },
      ],
    },
  },
  {
    // Outside the Node-only content modules, lib/ also runs in the browser and a worker: no Node built-ins.
    files: ['lib/**/*.ts'],
    ignores: [...CONTENT_NODE_ONLY, '**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'lib/ must stay free of React, Next, zustand and UI libraries: move UI code to components/ or stores/.' },
            { group: nodeBuiltins, message: 'lib/ runs in the browser too: Node built-ins belong in a Node-only module (CONTENT_NODE_ONLY in eslint.config.mjs) or scripts/.' },
          ],
        },
      ],
    },
  },
  {
    // Pure logic takes time and randomness as arguments so every run can be replayed.
    files: ['lib/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take `now` as an argument instead of calling Date.now().' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'Take the time as an argument instead of calling performance.now().' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take `now` as an argument instead of new Date().' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Take a seeded RNG as an argument instead of Math.random().' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', 'dexie/*'], message: 'Components render; storage goes through stores/.' }] }],
    },
  },
  {
    files: ['scripts/**/*.{mjs,js}', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
