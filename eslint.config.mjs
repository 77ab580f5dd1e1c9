import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'vscode', message: 'src/azure, src/policy and emulator/ run in plain Node: keep the vscode API out of them.' }] },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'artifacts/**', 'node_modules/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['src/azure/**/*.ts', 'src/policy/**/*.ts', 'src/vmCreation/**/*.ts', 'emulator/**/*.ts', 'src/jobs/jobWatcher.ts'], rules: noVscode },
  {
    // The restore model and rules run in the host and in a webview bundle: neither vscode nor an Azure SDK.
    files: ['src/restore/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/restore is pure: keep the vscode API out of it.' }],
          patterns: [{ group: ['@azure/*'], message: 'src/restore is pure (it runs in a webview bundle): keep the Azure SDKs out of it.' }],
        },
      ],
    },
  },
);
