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
  'src/host/codeLink.ts',
  'src/host/codeMeeting.ts',
  'src/host/commandArgs.ts',
  'src/host/featureScopes.ts',
  'src/host/formDispatch.ts',
  'src/host/formFindTime.ts',
  'src/host/inertText.ts',
  'src/host/nextMeetingModel.ts',
  'src/host/notify.ts',
  'src/host/operations.ts',
  'src/host/redact.ts',
  'src/host/sandbox.ts',
  'src/host/toolsModel.ts',
  'src/host/settingsModel.ts',
  'src/host/treeModel.ts',
];

/** `no-restricted-syntax` entries: where the token may be read, and the storage the extension never uses. */
const tokenRules = [
  {
    selector:
      "MemberExpression[property.name='accessToken']:not(CallExpression[callee.name='rememberSecret'] > MemberExpression.arguments)",
    message:
      'Read the access token only as `rememberSecret(session.accessToken)` (src/host/auth.ts), so it is masked everywhere.',
  },
  {
    selector:
      'MemberExpression[property.name=/^(secrets|workspaceState|globalStorageUri|storageUri|logUri)$/]',
    message:
      'The extension keeps nothing but meeting records in globalState: no secret storage, workspace state or storage folders.',
  },
  {
    selector: 'Identifier[name=/^(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)$/]',
    message: 'The extension writes no files.',
  },
];

/** `no-restricted-syntax` entries for the host: untrusted text must never become markup. */
const markupRules = [
  {
    selector:
      "NewExpression[callee.property.name='MarkdownString'], NewExpression[callee.name='MarkdownString']",
    message: 'Use a plain string: a MarkdownString renders untrusted text (subjects, names) as markup.',
  },
  {
    selector:
      'MemberExpression[property.name=/^(isTrusted|supportHtml|supportThemeIcons)$/], Property[key.name=/^(isTrusted|supportHtml|supportThemeIcons)$/]',
    message: 'Nothing shown by the host is trusted markup.',
  },
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
    // Where a token could go (SECURITY guarantee 7): the access token is read only as the argument of
    // `rememberSecret` (so redaction knows it before anything else sees it); no secret storage, workspace state,
    // storage folders or file writes anywhere in the product.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...tokenRules],
    },
  },
  {
    // Untrusted text is never markup in the host (SECURITY guarantee 3): no MarkdownString at all, nothing trusted.
    files: ['src/host/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...tokenRules, ...markupRules],
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
