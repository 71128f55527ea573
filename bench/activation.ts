// Part 2: activation in a real extension host. Starts code-server once with the production build as the
// development extension, then opens several fresh windows (each a new browser context and so a new extension
// host); in each, bench/host/activationEntry.ts times `await ext.activate()`. A last window records V8 coverage
// to check that the Graph client and its SDK are not initialised at activation.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { ProductionBuild } from './bundle';
import type { Figure } from './stats';
import { median } from './stats';
import { startCodeServer, workbenchUrl } from '../test/vscode/codeServer';
import type { CodeServer } from '../test/vscode/codeServer';
import { exposeAutomationHooks, launchBrowser } from '../test/vscode/workbench';
import type { WorkbenchBrowser } from '../test/vscode/workbench';

const root = path.resolve(__dirname, '..');
const outDir = path.join(__dirname, 'out', 'host');
const windowTimeoutMs = 120_000;

interface WindowRecord {
  wasActive: boolean;
  activateMs: number;
  baselineMs?: number;
  baselineAfterMs?: number;
  ownRequireMs?: number;
  ownActivateCallMs?: number;
  requireMs?: number;
  activateCallMs?: number;
  activateCallError?: string;
  lazyModuleCalls?: Record<string, number>;
  loadedScripts?: string[];
  cryptoLoadedBefore?: boolean;
  bundleFunctionsRun?: number;
  coverageError?: string;
}

async function buildEntry(): Promise<string> {
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'host', 'activationEntry.ts')],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return path.join(outDir, 'activationEntry.js');
}

/** Makes the production build folder a loadable extension (manifest, nls, l10n, media next to dist/). */
function asExtension(build: ProductionBuild): string {
  for (const name of ['package.nls.json', 'l10n', 'media']) {
    const target = path.join(build.dir, name);
    if (!fs.existsSync(target) && fs.existsSync(path.join(root, name)))
      fs.symlinkSync(path.join(root, name), target);
  }
  return build.dir;
}

/** An extension with an empty activate(): what VS Code's own activation path costs in the same window. */
function baselineExtension(name: string): string {
  const dir = path.join(outDir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name,
      publisher: 'om-bench',
      version: '0.0.1',
      main: './extension.js',
      engines: { vscode: '^1.90.0' },
      activationEvents: [],
    }),
  );
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\n');
  return dir;
}

/** Median `ext.activate()` time over `windows` fresh windows, plus the lazy-loading check. */
export async function measureActivation(
  build: ProductionBuild,
  opts: { windows: number; log: (s: string) => void },
): Promise<Figure[]> {
  const { ensureEditor } = await import('../scripts/ensureEditor.mjs');
  const editor = ensureEditor({ log: opts.log });
  const entry = await buildEntry();
  const extensionDir = asExtension(build);
  const results = path.join(outDir, 'activation.jsonl');
  fs.writeFileSync(results, '');
  const workspace = fs.mkdtempSync('/tmp/om.');
  let server: CodeServer | undefined;
  let wb: WorkbenchBrowser | undefined;
  try {
    server = await startCodeServer({
      editor,
      workspace,
      env: { OM_BENCH_OUT: results },
      args: ['--vscode-option', 'disable-extension=vscode.microsoft-authentication'],
      // The empty reference extension, installed (code-server loads one development extension only).
      beforeStart: ({ extensionsDir }) => {
        for (const name of ['baseline', 'baseline-after']) {
          fs.cpSync(baselineExtension(name), path.join(extensionsDir, `om-bench.${name}-0.0.1`), {
            recursive: true,
          });
        }
      },
    });
    wb = await launchBrowser();
    const url = workbenchUrl(server, workspace, {
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: entry,
    });
    for (let i = 0; i < opts.windows + 1; i++) {
      const coverage = i === opts.windows;
      if (coverage) fs.writeFileSync(`${results}.coverage`, '');
      const context = await wb.browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      const hooks = await exposeAutomationHooks(page, () => undefined);
      await page.goto(url);
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        hooks.exitCode,
        new Promise<number>((resolve) => (timer = setTimeout(() => resolve(124), windowTimeoutMs))),
      ]);
      clearTimeout(timer);
      await context.close();
      if (code !== 0)
        throw new Error(`activation window ${i + 1} ended with ${code}:\n${server.output().slice(-2000)}`);
      opts.log(`activation window ${i + 1}/${opts.windows + 1} done${coverage ? ' (coverage)' : ''}`);
    }
  } finally {
    await wb?.close();
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(`${results}.coverage`, { force: true });
  }
  const records = fs
    .readFileSync(results, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as WindowRecord);
  const timed = records.slice(0, opts.windows);
  const cov = records[opts.windows];
  if (timed.length !== opts.windows || !cov)
    throw new Error(`expected ${opts.windows + 1} window records, got ${records.length}`);
  if (timed.some((r) => r.wasActive)) throw new Error('the extension was already active before the timing');
  const calls = cov.lazyModuleCalls ?? {};
  const initialised = Object.entries(calls).filter(([, n]) => n !== 0);
  return [
    {
      key: 'activation.median',
      label: `activation in code-server's extension host (await ext.activate(), median)`,
      value: median(timed.map((r) => r.activateMs)),
      unit: 'ms',
      target: 20,
      note: `windows: ${timed.map((r) => r.activateMs.toFixed(1)).join(', ')} ms; with coverage on ${cov.activateMs.toFixed(1)} ms (not counted)`,
    },
    {
      key: 'activation.baselineMs',
      label: 'reference: an empty extension activated first in the same windows (median)',
      value: median(timed.map((r) => r.baselineMs ?? Number.NaN)),
      unit: 'ms',
      note: "VS Code's own activation path (extension context, storage) with no extension code",
    },
    {
      key: 'activation.baselineAfterMs',
      label: 'reference: the same empty extension activated right after ours (median)',
      value: median(timed.map((r) => r.baselineAfterMs ?? Number.NaN)),
      unit: 'ms',
      note: `windows: ${timed.map((r) => (r.baselineAfterMs ?? Number.NaN).toFixed(1)).join(', ')} ms`,
    },
    {
      key: 'activation.overBaseline',
      label: 'what our extension adds: activation minus the empty one right after it (median of differences)',
      value: median(timed.map((r) => r.activateMs - (r.baselineAfterMs ?? Number.NaN))),
      unit: 'ms',
      target: 20,
    },
    {
      key: 'activation.ownMs',
      label: "our code in VS Code's activation: first require(dist/extension.js) + activate() call (median)",
      value: median(timed.map((r) => (r.ownRequireMs ?? Number.NaN) + (r.ownActivateCallMs ?? Number.NaN))),
      unit: 'ms',
      target: 20,
      note: `require ${timed.map((r) => (r.ownRequireMs ?? Number.NaN).toFixed(1)).join(', ')} ms; activate() ${timed.map((r) => (r.ownActivateCallMs ?? Number.NaN).toFixed(1)).join(', ')} ms`,
    },
    {
      key: 'activation.requireMs',
      label: 'of which: require(dist/extension.js), second cold copy in the same host (median)',
      value: median(timed.map((r) => r.requireMs ?? Number.NaN)),
      unit: 'ms',
      note: 'informative split',
    },
    {
      key: 'activation.activateCallMs',
      label: 'of which: activate() call itself, second copy (median)',
      value: median(timed.map((r) => r.activateCallMs ?? Number.NaN)),
      unit: 'ms',
      note: timed.find((r) => r.activateCallError)?.activateCallError ?? 'informative split',
    },
    {
      key: 'activation.graphModulesInitialised',
      label: 'Graph client / SDK modules initialised at activation',
      value:
        cov.coverageError || Object.keys(calls).length === 0 || Object.values(calls).some((n) => n < 0)
          ? Number.NaN
          : initialised.length,
      unit: '',
      target: 0,
      note:
        cov.coverageError ??
        `enclosing-function calls: ${JSON.stringify(calls)}; scripts loaded: ${(cov.loadedScripts ?? []).join(', ')}; ${cov.bundleFunctionsRun} functions ran; node:crypto loaded before: ${String(cov.cryptoLoadedBefore)}`,
    },
  ];
}
