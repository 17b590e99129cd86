import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Type-aware rules catch the bugs that matter in an app that talks to hardware: forgotten promises, `any` leaking in
// from a rig's reply, a switch that silently ignores a new status. Import boundaries keep the design card honest.
export default tseslint.config(
  {
    ignores: [
      'dist-renderer/**',
      'dist-main/**',
      'build/**',
      'release/**',
      'test-results/**',
      'node_modules/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The first project that holds a file lints it: src-shared under its own no-Node, no-DOM settings.
        project: ['./tsconfig.shared.json', './tsconfig.renderer.json', './tsconfig.node-tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'fs', 'net', 'http', 'path', 'os'],
              message: 'src-shared runs everywhere: no Node or Electron imports.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '../../src-*'],
              message: 'src-shared imports nothing from the sides.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**', 'src-main/sim/**', 'src-main/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message: 'The engine runs headless too: only src-main/electron may import electron.',
            },
            {
              group: ['**/src-renderer/**', '**/electron/**'],
              message: 'The engine never imports a shell or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'ws', 'fs', 'net'],
              message: 'The renderer has no Node: talk to the engine through src-renderer/api.',
            },
            { group: ['**/src-main/**'], message: 'The renderer imports only src-shared.' },
          ],
        },
      ],
    },
  },
);
