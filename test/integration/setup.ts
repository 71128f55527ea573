import { registerStandInAuth } from './standInAuth';

// Preloaded by @vscode/test-cli (see .vscode-test.mjs) before the test files, as index.ts does for code-server.
registerStandInAuth();
