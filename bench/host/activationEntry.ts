// extensionTestsPath entry for the activation benchmark: runs inside a real extension host (code-server) in a
// fresh window, times `await ext.activate()` for the product extension, and appends one JSON line to
// OM_BENCH_OUT. When `<OM_BENCH_OUT>.coverage` exists it also records V8 precise coverage of the activation and reports
// whether the bundle's Graph client module (and the Graph SDK) ran any code.
import fs from 'node:fs';
import Module from 'node:module';
import { Session } from 'node:inspector';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const extensionId = 'outlook-meetings.outlook-meetings';

interface FunctionCoverage {
  functionName: string;
  ranges: { startOffset: number; endOffset: number; count: number }[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Markers: string literals that sit inside the lazily initialised modules' code (a class body in each). */
const lazyMarkers: Record<string, string> = {
  'src/graph/client.ts': 'TokenMiddleware has no next middleware',
  '@microsoft/microsoft-graph-client': 'Unable to execute the middleware',
};

/**
 * Calls of the functions that enclose the marker, the whole script excepted. A module that was never
 * initialised has none: its init function (and every class method inside it) never ran.
 */
function lazyModuleCalls(source: string, functions: FunctionCoverage[], marker: string): number {
  const at = source.indexOf(marker);
  let calls = 0;
  for (const f of functions) {
    const r = f.ranges[0];
    if (!r || (r.startOffset === 0 && r.endOffset >= source.length - 1)) continue;
    if (r.startOffset <= at && at < r.endOffset) calls += r.count;
  }
  return calls;
}

/**
 * Times, inside VS Code's own activation of our extension, the first `require` of the bundle and the
 * `activate()` call (what the extension's code costs), by wrapping Node's module loader until then.
 */
function timeOwnActivation(mainFile: string, record: Record<string, unknown>): () => void {
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  loader._load = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    const resolved = (() => {
      try {
        return (Module as unknown as { _resolveFilename(r: string, p: unknown): string })._resolveFilename(
          request,
          parent,
        );
      } catch {
        return undefined;
      }
    })();
    if (resolved !== mainFile) return original.call(this, request, parent, isMain);
    const t0 = performance.now();
    const exports = original.call(this, request, parent, isMain) as Record<string, unknown>;
    record.ownRequireMs = performance.now() - t0;
    return new Proxy(exports, {
      get(target, prop) {
        const value = target[prop as string];
        if (prop !== 'activate' || typeof value !== 'function') return value;
        return function (this: unknown, ...args: unknown[]): unknown {
          const t1 = performance.now();
          try {
            return (value as (...a: unknown[]) => unknown).apply(this, args);
          } finally {
            record.ownActivateCallMs = performance.now() - t1;
          }
        };
      },
    });
  };
  return () => {
    loader._load = original;
  };
}

/** Entry point the extension host calls. */
export async function run(): Promise<void> {
  const outFile = process.env.OM_BENCH_OUT;
  if (!outFile) throw new Error('OM_BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension(extensionId);
  if (!ext) throw new Error(`${extensionId} is not installed in this window`);
  const record: Record<string, unknown> = {
    wasActive: ext.isActive,
    main: ext.packageJSON.main,
    // Whether the host had node:crypto loaded before our bundle asked for it.
    cryptoLoadedBefore: (process as unknown as { moduleLoadList?: string[] }).moduleLoadList?.includes(
      'NativeModule crypto',
    ),
  };
  const coverage = fs.existsSync(`${outFile}.coverage`);
  let session: Session | undefined;
  if (coverage) {
    session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  }
  const mainFile = path.join(ext.extensionPath, 'dist', 'extension.js');
  // Reference: an extension whose activate() is empty, activated first in the same fresh window.
  const baseline = vscode.extensions.getExtension('om-bench.baseline');
  if (baseline && !baseline.isActive) {
    const tb = performance.now();
    await baseline.activate();
    record.baselineMs = performance.now() - tb;
  }
  const restore = timeOwnActivation(mainFile, record);
  const t = performance.now();
  try {
    await ext.activate();
  } finally {
    restore();
  }
  record.activateMs = performance.now() - t;
  // The same empty extension activated right after ours: the window has started as far as for ours, so the
  // difference is what our extension adds (the first activation in a window also waits for the window).
  const after = vscode.extensions.getExtension('om-bench.baseline-after');
  if (after && !after.isActive) {
    const ta = performance.now();
    await after.activate();
    record.baselineAfterMs = performance.now() - ta;
  }
  if (!coverage) {
    // Split of a second, cold load of the same bundle outside VS Code's activation path: require, then activate().
    const copy = path.join(path.dirname(mainFile), `bench-copy-${process.pid}.js`);
    fs.copyFileSync(mainFile, copy);
    try {
      const t0 = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(copy) as { activate(ctx: unknown): void };
      const t1 = performance.now();
      record.requireMs = t1 - t0;
      const subscriptions: { dispose(): unknown }[] = [];
      const memento = {
        get: () => undefined,
        update: () => Promise.resolve(),
        keys: () => [],
        setKeysForSync: () => undefined,
      };
      try {
        mod.activate({
          subscriptions,
          globalState: memento,
          workspaceState: memento,
          extensionPath: ext.extensionPath,
          extensionUri: ext.extensionUri,
        });
        record.activateCallMs = performance.now() - t1;
      } catch (e) {
        record.activateCallError = String(e);
      }
      for (const d of subscriptions) {
        try {
          d.dispose();
        } catch {
          // ignore
        }
      }
    } finally {
      fs.rmSync(copy, { force: true });
    }
  }
  if (session) {
    const { result } = await post<{ result: { url: string; functions: FunctionCoverage[] }[] }>(
      session,
      'Profiler.takePreciseCoverage',
    );
    await post(session, 'Profiler.stopPreciseCoverage');
    session.disconnect();
    // Every script of the extension's dist/ that ran: the activation bundle, and the lazily loaded Graph
    // bundle (dist/graph.js) if anything loaded it. A marker in a script that never loaded ran 0 times.
    const distDir = path.dirname(mainFile);
    const scripts = result
      .map((s) => ({ ...s, file: s.url.startsWith('file://') ? new URL(s.url).pathname : s.url }))
      .filter((s) => s.file.startsWith(`${distDir}${path.sep}`) && s.file.endsWith('.js'));
    if (scripts.some((s) => s.file === mainFile)) {
      const calls: Record<string, number> = {};
      for (const [name, marker] of Object.entries(lazyMarkers)) {
        const files = fs.readdirSync(distDir).filter((f) => f.endsWith('.js'));
        const holder = files.find((f) => fs.readFileSync(path.join(distDir, f), 'utf8').includes(marker));
        if (!holder) {
          calls[name] = -1;
          continue;
        }
        const script = scripts.find((s) => s.file === path.join(distDir, holder));
        calls[name] = script
          ? lazyModuleCalls(fs.readFileSync(script.file, 'utf8'), script.functions, marker)
          : 0;
      }
      record.lazyModuleCalls = calls;
      record.loadedScripts = scripts.map((s) => path.relative(distDir, s.file));
      record.bundleFunctionsRun = scripts
        .flatMap((s) => s.functions)
        .filter((f) => f.ranges[0]?.count > 0).length;
    } else record.coverageError = 'dist/extension.js not among the covered scripts';
  }
  fs.appendFileSync(outFile, `${JSON.stringify(record)}\n`);
}
