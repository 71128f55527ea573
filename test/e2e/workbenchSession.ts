// The real-editor tests' set-up: the extension built and installed as its .vsix would be, with the sandbox sign-in,
// in code-server talking to the fake Graph (in this process, over HTTPS), and headless Chromium on the workbench.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeGraph } from '../fake/fakeGraph';
import { startFakeGraph } from '../fake/fakeGraph';
import type { CodeServer } from '../vscode/codeServer';
import { startCodeServer } from '../vscode/codeServer';
import { tlsEnv, writeTestTls } from '../vscode/tls';
import type { WorkbenchBrowser } from '../vscode/workbench';
import {
  launchBrowser,
  productExtensionId,
  trustExtensionsForAuth,
  waitForWorkbench,
} from '../vscode/workbench';

const root = path.resolve(__dirname, '..', '..');
/** What the product ships in its .vsix; installed the same way the sandbox installs it. */
const productFiles = ['package.json', 'package.nls.json', 'dist', 'l10n', 'media', 'README.md', 'LICENSE'];
/** The real Microsoft sign-in must never answer: the sandbox sign-in takes the `microsoft` id. */
const disabledBuiltins = ['vscode.microsoft-authentication'];

/** Options of {@link startWorkbenchSession}. */
export interface WorkbenchSessionOptions {
  /** The sandbox sign-in's token, the only one the fake accepts. */
  token: string;
  log(text: string): void;
  /** Print code-server's output (OM_VERBOSE=1). */
  verbose: boolean;
  /** Keep the scratch folders when the session closes (OM_KEEP=1). */
  keep?: boolean;
  /** Settings over the defaults (the fake's endpoint, Berlin, Light Modern, custom dialogs, no status-bar meeting). */
  userSettings?: Record<string, unknown>;
  /** More set-up of the editor's folders before it starts (e.g. key bindings). */
  beforeStart?(dirs: { userDataDir: string; extensionsDir: string }): void;
}

/** A running workbench with the product, the fake Graph behind it and the browser on it. */
export interface WorkbenchSession {
  fake: FakeGraph;
  server: CodeServer;
  browser: WorkbenchBrowser;
  page: Page;
  /** Closes the browser, code-server and the fake, and removes the scratch folders (unless `keep`). */
  close(): Promise<void>;
}

/** Copies `entries` (and the package.nls.*.json translations) from `from` into `to`. */
function copyInto(from: string, to: string, entries: string[]): void {
  fs.mkdirSync(to, { recursive: true });
  const nls = fs.readdirSync(from).filter((n) => /^package\.nls\..+\.json$/.test(n));
  for (const name of new Set([...entries, ...nls])) {
    const src = path.join(from, name);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(to, name), { recursive: true });
  }
}

/** Builds the extension, starts the fake Graph and code-server with the product installed, opens the workbench. */
export async function startWorkbenchSession(opts: WorkbenchSessionOptions): Promise<WorkbenchSession> {
  const { ensureEditor } = await import('../../scripts/ensureEditor.mjs');
  const editor = ensureEditor({ log: opts.log });
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  assert.equal(build.status, 0, 'building the extension (node esbuild.js) failed');

  const scratch = fs.mkdtempSync('/tmp/om.');
  let fake: FakeGraph | undefined;
  let server: CodeServer | undefined;
  let browser: WorkbenchBrowser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.stop(opts.keep);
    await fake?.close();
    if (!opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const tls = await writeTestTls(path.join(scratch, 'tls'));
    const read = (file: string): string => fs.readFileSync(file, 'utf8');
    const graph = await startFakeGraph({
      tokens: [opts.token],
      tls: { caPem: read(tls.caFile), certPem: read(tls.certFile), keyPem: read(tls.keyFile) },
    });
    fake = graph;
    const workspace = path.join(scratch, 'w');
    fs.mkdirSync(workspace);
    const pkg = JSON.parse(read(path.join(root, 'package.json'))) as {
      publisher: string;
      name: string;
      version: string;
    };
    const editorServer = await startCodeServer({
      editor,
      workspace,
      env: { ...tlsEnv(tls), OM_SANDBOX_TOKEN: opts.token },
      args: disabledBuiltins.flatMap((id) => ['--vscode-option', `disable-extension=${id}`]),
      userSettings: {
        'outlookMeetings.graph.endpoint': graph.url,
        'outlookMeetings.timeZone': 'Europe/Berlin',
        'workbench.colorTheme': 'Default Light Modern',
        'window.dialogStyle': 'custom',
        'outlookMeetings.nextMeeting.showInStatusBar': false,
        ...opts.userSettings,
      },
      beforeStart: (dirs) => {
        const { extensionsDir } = dirs;
        copyInto(root, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), productFiles);
        const auth = path.join(root, 'test', 'sandboxAuth');
        copyInto(
          auth,
          path.join(extensionsDir, 'outlook-meetings-sandbox.sandbox-auth-0.0.1'),
          fs.readdirSync(auth),
        );
        opts.beforeStart?.(dirs);
      },
      onOutput: opts.verbose ? (line) => opts.log(`code-server: ${line}`) : undefined,
    });
    server = editorServer;
    const workbench = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    browser = workbench;
    const page = workbench.page;
    page.on('pageerror', (e) => opts.verbose && opts.log(`page error: ${e.message}`));
    page.on('console', (m) => opts.verbose && m.type() === 'error' && opts.log(`console: ${m.text()}`));
    await trustExtensionsForAuth(page, [productExtensionId]);
    await page.goto(`${editorServer.url}?folder=${encodeURIComponent(workspace)}`);
    await waitForWorkbench(page);
    return { fake: graph, server: editorServer, browser: workbench, page, close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

/** Accepts the "wants to sign in" consent if VS Code shows it (it does when no session exists yet). */
export async function allowSignInIfAsked(page: Page): Promise<boolean> {
  const allow = page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button', { hasText: /^Allow$/ });
  try {
    await allow.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    return false;
  }
  await allow.click();
  return true;
}
