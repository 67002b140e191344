// Lint: TypeScript rules plus the runtime boundaries (the folder says which runtime a file may use).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only src/main/desktop and src/preload may import electron.' };
const electronUpdater = { name: 'electron-updater', message: 'Only src/main/desktop may import electron-updater.' };
const runtimeFree = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'kysely', 'fastify', '@fastify/*', 'pino', 'react', 'react-dom', 'zustand', 'playwright-core'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/**/__snapshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electron, electronUpdater] }],
    },
  },
  {
    files: ['src/main/desktop/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronUpdater] }] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronUpdater],
          patterns: [
            { group: runtimeFree, message: 'src/shared imports no runtime: it is loaded by main, preload, renderer and workers alike.' },
            { group: ['**/main/**', '**/renderer/**', '**/workers/**', '**/preload/**'], message: 'src/shared depends on nothing else in src.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronUpdater],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'kysely', 'fastify', 'pino'], message: 'The renderer runs in a sandboxed page.' },
            { group: ['**/main/**', '**/workers/**', '**/preload/**'], message: 'The renderer imports only src/shared and itself; it talks to main through the client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron, electronUpdater],
          patterns: [{ group: ['**/main/**', 'better-sqlite3', 'kysely'], message: 'Workers never open the database; they speak the worker protocol.' }],
        },
      ],
    },
  },
);
