// Lint: type-aware TypeScript rules plus the import direction of ../shared/design.md §3:
// shared/ imports nothing of ours; server/ and workers/ never import each other; client/ imports
// only shared/; Node-only NLP libraries stay out of the browser bundle; no import cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const forbid = (...folders) =>
  folders.flatMap((f) => [`**/${f}/**`, `../${f}/*`, `../../${f}/*`, `../../../${f}/*`, `../../../../${f}/*`]);

const restrict = (files, folders, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbid(...folders), message: 'Import direction (design.md §3): this folder may not import from there.' },
          ...extra,
        ],
      },
    ],
  },
});

// Database drivers and the SQL layer belong to the store module alone (design.md §1b).
const STORE_ONLY = { group: ['better-sqlite3', 'pg', 'kysely'], message: 'Only the store module (shared/store/) talks to a database: use its repositories.' };

export default tseslint.config(
  // scratch/ is a git-ignored folder for local experiments.
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'scratch/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['client/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    ...restrict(['shared/**'], ['server', 'workers', 'client', 'test'], [
      { group: ['natural', 'natural/*', '@node-rs/*', 'better-sqlite3', 'pg', 'kysely', 'ioredis', 'bullmq', 'express', 'node:*'], message: 'shared/ holds pure logic: no Node-only or infrastructure imports (the store module, shared/store/, is the one exception).' },
    ]),
    ignores: ['shared/store/**'],
  },
  // The store module (Node-only) is the one place that talks to a database.
  restrict(['shared/store/**'], ['server', 'workers', 'client', 'test']),
  restrict(['server/**'], ['workers', 'client'], [STORE_ONLY]),
  restrict(['workers/**'], ['server', 'client'], [STORE_ONLY]),
  restrict(['client/**'], ['server', 'workers', 'shared/store'], [
    { group: ['natural', 'natural/*', '@node-rs/*', 'better-sqlite3', 'ioredis', 'bullmq', 'express', 'pino', 'node:*'], message: 'Node-only libraries stay out of the browser bundle.' },
  ]),
);
