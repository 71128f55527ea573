// @vscode/test-cli configuration (`npm run test:electron`): the same in-editor suite as `npm run test:vscode`, in
// VS Code desktop downloaded by @vscode/test-electron (needs internet access to update.code.visualstudio.com).
// Before launch it makes the test TLS material (the suite's fake Graph server serves with it; the editor trusts its
// CA) and lists the product in the downloaded copy's trustedExtensionAuthAccess, as the code-server launcher does.
import { defineConfig } from '@vscode/test-cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = import.meta.dirname;
const version = process.env.OM_VSCODE_VERSION ?? 'stable';
const extensionId = 'outlook-meetings.outlook-meetings';
const listingOnly = process.argv.includes('--list-configuration');

/** Adds the product to the downloaded VS Code's product.json `trustedExtensionAuthAccess` (idempotent). */
function trustProductForAuth(executable) {
  const dir = path.dirname(executable);
  const candidates = [
    path.join(dir, 'resources', 'app', 'product.json'),
    path.join(dir, '..', 'Resources', 'app', 'product.json'),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`product.json not found next to ${executable}`);
  const product = JSON.parse(fs.readFileSync(file, 'utf8'));
  const trusted = product.trustedExtensionAuthAccess ?? [];
  if (Array.isArray(trusted)) {
    if (!trusted.includes(extensionId)) product.trustedExtensionAuthAccess = [...trusted, extensionId];
  } else {
    trusted.microsoft = [...new Set([...(trusted.microsoft ?? []), extensionId])];
    product.trustedExtensionAuthAccess = trusted;
  }
  fs.writeFileSync(file, JSON.stringify(product, null, '\t'));
}

let env = {};
let useInstallation;
let workspaceFolder = path.join(os.tmpdir(), 'om.workspace');
if (!listingOnly) {
  workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'om.'));
  const { writeTestTls, tlsEnv } = await tsImport('./test/vscode/tls.ts', import.meta.url);
  const tls = await writeTestTls(fs.mkdtempSync(path.join(os.tmpdir(), 'om.')));
  env = tlsEnv(tls);
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  const executable = await downloadAndUnzipVSCode({ version, cachePath: path.join(root, '.vscode-test') });
  trustProductForAuth(executable);
  useInstallation = { fromPath: executable };
}

export default defineConfig({
  tests: [
    {
      label: 'integration',
      files: 'out/test/integration/**/*.test.js',
      version,
      ...(useInstallation ? { useInstallation } : {}),
      extensionDevelopmentPath: root,
      workspaceFolder,
      launchArgs: ['--disable-extension', 'vscode.microsoft-authentication', '--disable-workspace-trust'],
      env,
      mocha: {
        ui: 'bdd',
        timeout: 30000,
        color: false,
        preload: [path.join(root, 'out', 'test', 'integration', 'setup.js')],
      },
    },
  ],
});
