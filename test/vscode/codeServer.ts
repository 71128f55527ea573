import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** Paths of the cached editor, as returned by `ensureEditor` in scripts/ensureEditor.mjs. */
export interface EditorPaths {
  nodeBin: string;
  codeServerEntry: string;
}

/** Short private folders for one process tree: HOME, TMPDIR and the XDG folders. */
export interface ScratchDirs {
  root: string;
  home: string;
  tmp: string;
  env: Record<string, string>;
}

/** Makes `/tmp/om.XXXXXX` with short subfolders (Chromium refuses long socket paths). */
export function makeScratchDirs(): ScratchDirs {
  const root = fs.mkdtempSync('/tmp/om.');
  const sub = (name: string): string => {
    const p = path.join(root, name);
    fs.mkdirSync(p, { recursive: true, mode: 0o700 });
    return p;
  };
  const home = sub('h');
  const tmp = sub('t');
  const env = {
    HOME: home,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: sub('c'),
    XDG_DATA_HOME: sub('d'),
    XDG_CACHE_HOME: sub('k'),
    XDG_RUNTIME_DIR: sub('r'),
    XDG_STATE_HOME: sub('s'),
  };
  return { root, home, tmp, env };
}

/** An environment without variables that would tie a child to an editor this process runs in. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** A free TCP port on 127.0.0.1 (or `preferred` and the ports after it, when given). */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number): Promise<number | undefined> =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        const got = typeof addr === 'object' && addr ? addr.port : undefined;
        srv.close(() => resolve(got));
      });
    });
  if (preferred !== undefined) {
    for (let p = preferred; p < preferred + 50; p++) {
      const got = await tryPort(p);
      if (got !== undefined) return got;
    }
  }
  const got = await tryPort(0);
  if (got === undefined) throw new Error('No free TCP port on 127.0.0.1');
  return got;
}

/** Options for {@link startCodeServer}. */
export interface CodeServerOptions {
  editor: EditorPaths;
  /** The folder opened in the workbench. */
  workspace: string;
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  /** Extra environment for code-server and its extension host (e.g. NODE_EXTRA_CA_CERTS). */
  env?: Record<string, string>;
  /** Written to `User/settings.json` in the user-data-dir before start. */
  userSettings?: Record<string, unknown>;
  /** Extra command-line arguments. */
  args?: string[];
  /** Runs after the folders exist and before code-server starts (e.g. to copy extensions into `extensionsDir`). */
  beforeStart?: (dirs: { userDataDir: string; extensionsDir: string }) => void;
  /** Receives code-server's own output lines; default: kept in memory only. */
  onOutput?: (line: string) => void;
}

/** A running code-server in its own process group with its own folders. */
export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  scratch: ScratchDirs;
  /** code-server's output so far (the last 200 KB). */
  output(): string;
  /** Ends the whole process group and removes the scratch folders (unless `keep`). */
  stop(keep?: boolean): Promise<void>;
}

function waitForHealth(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code, signal) => {
      exited = true;
      reject(
        new Error(`code-server exited before it was ready (code ${code}, signal ${signal}):\n${output()}`),
      );
    });
    const poll = (): void => {
      if (exited) return;
      if (Date.now() > deadline) {
        reject(new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s:\n${output()}`));
        return;
      }
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else setTimeout(poll, 250);
      });
      req.on('error', () => setTimeout(poll, 250));
      req.on('timeout', () => req.destroy());
    };
    poll();
  });
}

/** Starts code-server on 127.0.0.1 without auth, telemetry or update checks, with the smoke-test driver on. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const scratch = makeScratchDirs();
  const userDataDir = path.join(scratch.root, 'u');
  const extensionsDir = path.join(scratch.root, 'e');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'extensions.ignoreRecommendations': true,
    ...opts.userSettings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  opts.beforeStart?.({ userDataDir, extensionsDir });
  const port = opts.port ?? (await freePort());
  const args = [
    opts.editor.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--vscode-option',
    'enable-smoke-test-driver',
    ...(opts.args ?? []),
    opts.workspace,
  ];
  const env = cleanEnv({
    ...scratch.env,
    // No extension gallery: the workbench would otherwise query open-vsx.org (traffic stays on loopback).
    EXTENSIONS_GALLERY: '{}',
    PATH: `${path.dirname(opts.editor.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    ...opts.env,
  });
  const child = spawn(opts.editor.nodeBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    out = (out + text).slice(-200_000);
    if (opts.onOutput) for (const line of text.split('\n')) if (line.trim()) opts.onOutput(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${opts.editor.nodeBin}`);
  let stopped: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = (keep = false): Promise<void> => {
    stopped ??= (async () => {
      killGroup(pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
      if (!done) killGroup(pid, 'SIGKILL');
      // Children (the extension host, watchers) may outlive the server a moment; end the group for certain.
      await delay(300);
      killGroup(pid, 'SIGKILL');
      if (!keep) fs.rmSync(scratch.root, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitForHealth(port, child, 60_000, () => out);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pid,
    userDataDir,
    extensionsDir,
    scratch,
    output: () => out,
    stop,
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The workbench address with a folder and a development payload (URIs use the authority `remote`). */
export function workbenchUrl(
  server: Pick<CodeServer, 'url'>,
  workspace: string,
  dev?: { extensionDevelopmentPath?: string; extensionTestsPath?: string },
): string {
  const params = new URLSearchParams({ folder: workspace });
  const payload: [string, string][] = [];
  if (dev?.extensionDevelopmentPath) {
    payload.push([
      'extensionDevelopmentPath',
      `vscode-remote://remote${path.resolve(dev.extensionDevelopmentPath)}`,
    ]);
  }
  if (dev?.extensionTestsPath) {
    payload.push(['extensionTestsPath', `vscode-remote://remote${path.resolve(dev.extensionTestsPath)}`]);
  }
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}?${params.toString()}`;
}
