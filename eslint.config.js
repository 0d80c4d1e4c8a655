import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.output-test/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use text nodes / JSX.' },
        { property: 'outerHTML', message: 'Use text nodes / JSX.' },
        { property: 'insertAdjacentHTML', message: 'Use text nodes / JSX.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML sinks.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['lib/log.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Pages and their views: a provider's views, components and page entry (index.ts) never reach its network code.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/popup/**', 'entrypoints/options/**', 'lib/providers/*/views/**', 'lib/providers/*/components/**', 'lib/providers/*/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/background/**', '**/background', '**/http', '**/session', './client', '../client', '**/providers/*/client'], message: 'UI code talks to the background through its provider’s call (lib/client.ts) only.' },
      ] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/providers/*/components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['wxt/browser', '#imports', '**/lib/client*', '**/lib/background/**'], message: 'components/ are pure: props in, events out.' },
      ] }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['lib/zod-config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [
        { name: 'zod', message: 'Import z from lib/zod-config (jitless: the CSP forbids eval).', allowTypeImports: true },
      ] }],
    },
  },
  {
    // lib/ is not UI, except each provider's own views and components (and the page entry that lists them).
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/providers/*/views/**', 'lib/providers/*/components/**', 'lib/providers/*/index.ts', 'lib/providers/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/components/**', '**/entrypoints/**'], message: 'lib/ must not import UI.' },
      ] }],
    },
  },
);
