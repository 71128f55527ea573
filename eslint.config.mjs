// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that must stay free of the `vscode` runtime so they run (and are tested) in plain Node or a browser. */
const pureFolders = [
  'src/core/**',
  'src/graph/**',
  'src/shared/**',
  'src/webview/**',
  'src/store/**',
  'src/services/**',
  // Pure modules of the host, tested in plain Node (left where they are; the host's other files use `vscode`).
  'src/host/commandArgs.ts',
  'src/host/formDispatch.ts',
  'src/host/inertText.ts',
  'src/host/notify.ts',
  'src/host/operations.ts',
  'src/host/redact.ts',
  'src/host/settingsModel.ts',
  'src/host/treeModel.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: pureFolders,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'Pure modules may only `import type` from vscode.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Notifications render `[label](command:...)` as a link that runs a command: every one goes through the
    // helper (src/host/notify.ts via notifications.ts), which masks tokens and breaks link syntax.
    files: ['src/**/*.ts'],
    ignores: ['src/host/notifications.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['showInformationMessage', 'showWarningMessage', 'showErrorMessage'].map((property) => ({
          property,
          message:
            'Show notifications through `notify` (src/host/notifications.ts), which makes the text inert.',
        })),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
