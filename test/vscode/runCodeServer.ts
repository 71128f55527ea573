// `npm run test:vscode`: runs the in-editor mocha suite (test/integration) inside VS Code's extension host, using
// code-server (installed once into .vscode-test/) as the editor and headless Debian Chromium as the workbench.
// Works offline. Exits with the suite's exit code. Env: OM_TEST_GREP (mocha grep), OM_RUN_TIMEOUT_MS (whole run),
// OM_KEEP=1 (keep the scratch folders). The workspace is an empty scratch folder the tests may write into, OM_VERBOSE=1 (print code-server's own output).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeServer } from './codeServer';
import { startCodeServer, workbenchUrl } from './codeServer';
import { tlsEnv, writeTestTls } from './tls';
import type { WorkbenchBrowser } from './workbench';
import {
  exposeAutomationHooks,
  launchBrowser,
  productExtensionId,
  trustExtensionsForAuth,
} from './workbench';

const root = path.resolve(__dirname, '..', '..');
const runTimeoutMs = Number(process.env.OM_RUN_TIMEOUT_MS ?? 15 * 60_000);
const verbose = process.env.OM_VERBOSE === '1';

/** Built-in extensions switched off in test runs: the real Microsoft sign-in must never be the one answering. */
export const disabledBuiltins = ['vscode.microsoft-authentication'];

/** The next meeting's status bar item and reminders switched off (user settings). */
export const nextMeetingOff = {
  'outlookMeetings.nextMeeting.showInStatusBar': false,
  'outlookMeetings.nextMeeting.reminderMinutes': 0,
};

function log(text: string): void {
  process.stderr.write(`[test:vscode] ${text}\n`);
}

function runStep(what: string, cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0)
    throw new Error(`${what} failed (${cmd} ${args.join(' ')}), exit code ${r.status ?? r.signal}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const { ensureEditor } = await import('../../scripts/ensureEditor.mjs');
  const editor = ensureEditor({ log });
  runStep('Building the extension', process.execPath, ['esbuild.js']);
  runStep('Building the suite', process.execPath, ['test/vscode/buildSuite.mjs']);
  const suiteIndex = path.join(root, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js')))
    throw new Error('dist/extension.js is missing after the build');

  let server: CodeServer | undefined;
  let browser: WorkbenchBrowser | undefined;
  let tlsDir: string | undefined;
  let workspace: string | undefined;
  const cleanup = async (): Promise<void> => {
    await browser?.close();
    await server?.stop(process.env.OM_KEEP === '1');
    if (process.env.OM_KEEP === '1') return;
    for (const dir of [tlsDir, workspace]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping code-server and Chromium`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    tlsDir = fs.mkdtempSync('/tmp/om.');
    const tls = await writeTestTls(tlsDir);
    workspace = fs.mkdtempSync('/tmp/om.');
    server = await startCodeServer({
      editor,
      workspace,
      env: tlsEnv(tls),
      args: disabledBuiltins.flatMap((id) => ['--vscode-option', `disable-extension=${id}`]),
      // The next meeting reads the calendar by itself once signed in: off, so the suites' request counts stay
      // theirs (test/integration/nextMeeting.test.ts turns it on).
      userSettings: nextMeetingOff,
      onOutput: verbose ? (line) => log(`code-server: ${line}`) : undefined,
    });
    log(`code-server ${server.url} (pid ${server.pid})`);
    browser = await launchBrowser();
    const { page } = browser;
    await trustExtensionsForAuth(page, [productExtensionId]);
    const hooks = await exposeAutomationHooks(page, (text) => process.stdout.write(`${text}\n`));
    page.on('pageerror', (e) => verbose && log(`page error: ${e.message}`));
    const url = workbenchUrl(server, workspace, {
      extensionDevelopmentPath: root,
      extensionTestsPath: suiteIndex,
    });
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        log(
          `Timed out: the suite did not finish within ${runTimeoutMs / 1000} s (OM_RUN_TIMEOUT_MS). ` +
            `Rerun with OM_VERBOSE=1 to see code-server's output; the last part was:\n${server?.output().slice(-3000)}`,
        );
        resolve(124);
      }, runTimeoutMs);
    });
    const code = await Promise.race([hooks.exitCode, timeout]);
    clearTimeout(timer);
    log(`suite exited with code ${code} after ${Math.round((Date.now() - started) / 1000)} s`);
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
