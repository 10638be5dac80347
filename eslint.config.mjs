import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';

const uiPackages = ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*', 'zustand', 'zustand/*', 'uplot', 'mdx-bundler/client', 'mdx-bundler/client/*'];

export default tseslint.config(
  { ignores: ['.next/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'public/**', '**/.scratch/**', '.generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // lib/ is the product's logic: plain TypeScript that runs in Node, a worker or a test without a UI.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'lib/ must stay free of React, Next, zustand and UI libraries: move UI code to components/ or stores/.' },
            { group: ['@/components/*', '@/app/*', '@/stores/*', '../../components/*', '../../app/*', '../../stores/*'], message: 'lib/ must not depend on the UI layers.' },
          ],
        },
      ],
    },
  },
  {
    // Pure logic takes time and randomness as arguments so every run can be replayed.
    files: ['lib/sim/**/*.ts', 'lib/srs/**/*.ts', 'lib/quiz/**/*.ts', 'lib/exam/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Take `now` as an argument instead of calling Date.now().' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Take `now` as an argument instead of new Date().' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Take a seeded RNG as an argument instead of Math.random().' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', '@/lib/storage/db*'], message: 'Components render; storage goes through stores/.' }] }],
    },
  },
  {
    files: ['scripts/**/*.{mjs,js}', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
