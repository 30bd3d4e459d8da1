// ESLint (flat config) with typescript-eslint. The restricted-imports rule
// enforces the one-way dependency direction: the pure core (parsers, model,
// checks, fixes, features) never touches the file system, VS Code or the LSP
// connection, so the CLI and the tests can use it directly.
import tseslint from 'typescript-eslint';

const glue = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'vscode', 'vscode-languageserver', 'vscode-languageserver/node'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'client/out/**', 'server/out/**', 'media/dist/**', 'test/fixtures/**', '**/*.vsix', '.stryker-tmp/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/**'],
    rules: {
      // push(...list) puts every element on the stack: a file with 130,000
      // findings overflowed it and took the CLI down. Push in a loop.
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='push'] > SpreadElement", message: 'push(...list) overflows the stack on a long list; push in a loop.' }],
    },
  },
  {
    files: ['server/src/parsers/**', 'server/src/model/**', 'server/src/checks/**', 'server/src/fixes/**', 'server/src/features/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: glue.map((name) => ({ name, message: 'The analysis core is pure: no I/O, no editor or LSP connection.' })) }],
    },
  },
  {
    files: ['server/src/parsers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: glue.map((name) => ({ name, message: 'Parsers are pure.' })),
          patterns: [{ group: ['../model/*', '../checks/*', '../fixes/*', '../features/*', '../lsp/*', '../workspace/*'], message: 'Parsers depend on nothing above them.' }],
        },
      ],
    },
  },
  {
    files: ['server/src/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: glue.map((name) => ({ name, message: 'The model is pure.' })),
          patterns: [{ group: ['../checks/*', '../fixes/*', '../features/*', '../lsp/*', '../workspace/*'], message: 'The model depends only on parsers.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
