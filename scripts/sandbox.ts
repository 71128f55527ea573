// `npm start`: try the extension without a Microsoft 365 account. Builds it, starts the fake Graph server on
// 127.0.0.1, and code-server (VS Code in the browser, 127.0.0.1:8787 or the next free port) with the extension and a
// clearly labelled sandbox sign-in installed. Prints the address to open; Ctrl+C stops everything.
// Options: --port N (code-server's port), OM_SANDBOX_KEEP=1 keeps the scratch folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FakeGraph } from '../test/fake/fakeGraph';
import { startFakeGraph } from '../test/fake/fakeGraph';
import type { CodeServer } from '../test/vscode/codeServer';
import { freePort, startCodeServer } from '../test/vscode/codeServer';
import { systemCaBundle } from '../test/vscode/tls';

const root = path.resolve(__dirname, '..');
const token = 'sandbox-token';

/** What the product ships in its .vsix (see .vscodeignore); the sandbox installs the same. */
const productFiles = [
  'package.json',
  'package.nls.json',
  'dist',
  'l10n',
  'media',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
];

function log(text: string): void {
  process.stderr.write(`[sandbox] ${text}\n`);
}

/** Copies the named entries that exist (or everything) from one folder into another. */
function copyInto(from: string, to: string, entries: string[] = fs.readdirSync(from)): void {
  fs.mkdirSync(to, { recursive: true });
  const nls = fs.readdirSync(from).filter((n) => /^package\.nls\..+\.json$/.test(n));
  for (const name of new Set([...entries, ...nls])) {
    const src = path.join(from, name);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(to, name), { recursive: true });
  }
}

function requestedPort(): number {
  const i = process.argv.indexOf('--port');
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.OM_SANDBOX_PORT ?? 8787);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`Invalid port: ${process.argv[i + 1]}`);
  return value;
}

async function main(): Promise<void> {
  const { ensureEditor } = await import('./ensureEditor.mjs');
  const editor = ensureEditor({ log });
  log('building the extension');
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0)
    throw new Error('Building the extension failed (node esbuild.js); fix the build and try again.');

  let fake: FakeGraph | undefined;
  let server: CodeServer | undefined;
  let work: string | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping code-server and the fake Graph server`);
    await server?.stop(process.env.OM_SANDBOX_KEEP === '1');
    await fake?.close();
    if (work && process.env.OM_SANDBOX_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
    log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    fake = await startFakeGraph({ tokens: [token] });
    // Finding a time: people and rooms to try. The form asks People.Read / Place.Read.All when first used (VS Code's
    // consent dialog, then the sandbox sign-in); the fake accepts the sandbox token for them once asked.
    fake.findTime.grant(token, ['Calendars.ReadWrite', 'People.Read', 'Place.Read.All']);
    fake.findTime.addPeople([
      { name: 'Ana Lopez', email: 'ana@contoso.example' },
      { name: 'Ben Ng', email: 'ben@contoso.example' },
      { name: 'Chidi Okafor', email: 'chidi@contoso.example' },
    ]);
    fake.findTime.addRooms([
      { email: 'fuji@contoso.example', name: 'Fuji', capacity: 8, building: 'North', floor: 2 },
      { email: 'alps@contoso.example', name: 'Alps', capacity: 4, building: 'North', floor: 1 },
    ]);
    work = fs.mkdtempSync('/tmp/om.');
    const caFile = path.join(work, 'ca.pem');
    const bundleFile = path.join(work, 'bundle.pem');
    fs.writeFileSync(caFile, fake.caPem);
    fs.writeFileSync(bundleFile, `${fs.readFileSync(systemCaBundle, 'utf8').trimEnd()}\n${fake.caPem}`);
    const workspace = path.join(work, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(
      path.join(workspace, 'README.md'),
      '# Outlook Meetings sandbox\n\nSign in with the "Sandbox account (no Microsoft sign-in)": every request goes to a fake ' +
        'Graph server on 127.0.0.1, nothing reaches Microsoft. Open the Outlook Meetings view in the activity bar, or run ' +
        '"Outlook: Schedule Meeting" from the command palette.\n',
    );
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    const port = await freePort(requestedPort());
    server = await startCodeServer({
      editor,
      workspace,
      port,
      env: { NODE_EXTRA_CA_CERTS: caFile, SSL_CERT_FILE: bundleFile, OM_SANDBOX_TOKEN: token },
      args: ['--vscode-option', 'disable-extension=vscode.microsoft-authentication'],
      userSettings: {
        'outlookMeetings.graph.endpoint': fake.url,
        'workbench.colorTheme': 'Default Dark Modern',
      },
      beforeStart: ({ extensionsDir }) => {
        copyInto(root, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), productFiles);
        copyInto(
          path.join(root, 'test', 'sandboxAuth'),
          path.join(extensionsDir, 'outlook-meetings-sandbox.sandbox-auth-0.0.1'),
        );
      },
      onOutput: process.env.OM_VERBOSE === '1' ? (line) => log(`code-server: ${line}`) : undefined,
    });
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
    process.stdout.write(
      `\nOutlook Meetings sandbox is running (fake Graph at ${fake.url}, no Microsoft account involved).\n` +
        `Open: ${url}\nPress Ctrl+C to stop.\n\n`,
    );
  } catch (e) {
    await stop('error');
    throw e;
  }
}

main().catch((e: unknown) => {
  log(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
