import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'tools/', '.stack/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON responses whose shape is the thing under test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O, and
    // activities only as types (the worker runs them outside the sandbox).
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code may not use Node built-ins; move the side effect into an activity.' })),
        patterns: [
          { group: ['**/activities', '**/activities/*'], allowTypeImports: true, message: 'Workflows may import activities only with `import type`.' },
          { group: ['**/lib/*', '!**/lib/integration-status', '!**/lib/failure-types'], allowTypeImports: true, message: 'Workflows may import only the pure lib files integration-status and failure-types.' },
        ],
      }],
    },
  },
);
