// Builds the extension (Node, CommonJS) and the webview form (browser, ES modules split into chunks).
// --production minifies and drops source maps; --watch rebuilds on change and prints the lines the watch task's
// problem matcher reads (.vscode/tasks.json). Every build writes esbuild's metafile of all bundles to dist/meta.json
// (not shipped: .vscodeignore lists what the .vsix holds); `npm run test:package` checks it (scripts/bundleCheck.ts).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const metafilePath = path.join(__dirname, 'dist', 'meta.json');

/**
 * Prints each error and warning as esbuild's CLI does (`✘ [ERROR] text` / `▲ [WARNING] text`, then an indented
 * `file:line:column:` line), which the tasks' problem matchers read. With --watch, a cycle starts with
 * `[watch] build started` when the first bundle starts rebuilding and ends with the problems of every bundle's
 * latest build (duplicates once) and `[watch] build finished`, once every bundle that started has ended and no other
 * started within 250 ms (each bundle's watcher notices a change on its own). So a launch waiting on the background
 * task does not start with half-built bundles, and a cycle in which only a clean bundle rebuilt does not clear
 * another bundle's error. The `$esbuild-watch` matcher of the esbuild-problem-matchers extension reads the same lines.
 */
function reporter() {
  let running = 0;
  let finishing; // a pending end of cycle: a bundle starting within `settleMs` joins the same cycle
  const settleMs = 250;
  const latest = new Map(); // outfile -> the messages of its latest build
  const print = (messages) => {
    const seen = new Set();
    for (const { mark, label, text, location } of messages) {
      const line = `${mark} [${label}] ${text}`;
      // esbuild's columns are 0-based; problem matchers take 1-based ones.
      const where = location ? `    ${location.file}:${location.line}:${location.column + 1}:` : '';
      if (seen.has(line + where)) continue;
      seen.add(line + where);
      console.error(line);
      if (where) console.error(where);
    }
  };
  const messagesOf = (result) => [
    ...result.errors.map((m) => ({ ...m, mark: '✘', label: 'ERROR' })),
    ...result.warnings.map((m) => ({ ...m, mark: '▲', label: 'WARNING' })),
  ];
  return {
    name: 'reporter',
    setup(build) {
      build.onStart(() => {
        if (finishing) clearTimeout(finishing);
        else if (running === 0 && watch) console.log('[watch] build started');
        finishing = undefined;
        running++;
      });
      build.onEnd((result) => {
        running--;
        if (!watch) return print(messagesOf(result));
        latest.set(build.initialOptions.outfile ?? build.initialOptions.outdir, messagesOf(result));
        if (running > 0) return;
        finishing = setTimeout(() => {
          finishing = undefined;
          print([...latest.values()].flat());
          console.log('[watch] build finished');
        }, settleMs);
      });
    },
  };
}

/** Keeps each bundle's latest metafile and writes them merged (one esbuild metafile) to dist/meta.json. */
function metafileWriter() {
  const latest = new Map();
  return {
    name: 'metafile-writer',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        latest.set(build.initialOptions.outfile ?? build.initialOptions.outdir, result.metafile);
        const merged = { inputs: {}, outputs: {} };
        for (const m of latest.values()) {
          Object.assign(merged.inputs, m.inputs);
          Object.assign(merged.outputs, m.outputs);
        }
        fs.mkdirSync(path.dirname(metafilePath), { recursive: true });
        fs.writeFileSync(metafilePath, `${JSON.stringify(merged, null, 1)}\n`);
      });
    },
  };
}

/**
 * The Graph SDK's ES build is compiled to ES2015 with tslib: each of its async methods is a generator run by tslib's
 * `__awaiter` (`return __awaiter(this, void 0, void 0, function* () { … yield x … })`), four such layers per request
 * (`post`/`patch`, `send`, `HTTPClient.sendRequest`, `GraphResponseHandler.getResponse`). Here each becomes the
 * native async arrow it stands for (`async () => { … await x … }`, run at once by a two-line `__awaiter`): the same
 * steps in the same order (an arrow keeps `this`; the SDK passes no `arguments`), without a generator object and a
 * promise per step. The build fails if a module holds a generator that is not such a call (a new SDK version).
 * `npm run bench` part 3 measures the difference; test/graph/clientSdk.test.ts runs the built client against the fake.
 */
function nativeAsyncGraphSdk() {
  const call = '__awaiter(this, void 0, void 0, function* () {';
  const tslibImport = 'import { __awaiter } from "tslib";';
  return {
    name: 'native-async-graph-sdk',
    setup(build) {
      build.onLoad(
        { filter: /[\\/]@microsoft[\\/]microsoft-graph-client[\\/]lib[\\/]es[\\/].*\.js$/ },
        async (args) => {
          const source = await fs.promises.readFile(args.path, 'utf8');
          if (!source.includes(tslibImport)) return undefined;
          const calls = source.split(call).length - 1;
          if (calls !== source.split('function*').length - 1 || calls !== source.split('__awaiter(').length - 1)
            throw new Error(`${args.path}: a generator or __awaiter call of an unexpected form`);
          const contents = source
            .replace(tslibImport, 'const __awaiter = (thisArg, args, P, body) => body();')
            .replaceAll(call, '__awaiter(this, void 0, void 0, async () => {')
            .replace(/\byield\b/g, 'await');
          return { contents, loader: 'js' };
        },
      );
    },
  };
}

/**
 * Deletes the page's chunks a build no longer writes once they are 10 minutes old (chunk names carry a content hash,
 * so each change leaves the last build's chunks behind). Not at once: a page loaded from the previous build's entry
 * (a test run, a bench, a webview open while another build runs) still fetches that build's chunks. The production
 * build starts from an empty dist/ anyway.
 */
const pruneStaleChunks = {
  name: 'prune-stale-chunks',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const dir = path.join(__dirname, 'dist', 'webview');
      const written = new Set(Object.keys(result.metafile.outputs).map((o) => path.basename(o)));
      const staleBefore = Date.now() - 10 * 60_000;
      for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
        const file = path.join(dir, name);
        if (!/\.js(\.map)?$/.test(name) || written.has(name.replace(/\.map$/, ''))) continue;
        if (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs < staleBefore) fs.rmSync(file, { force: true });
      }
    });
  },
};

/**
 * Writes dist/webview/preload.json: the chunks the page's entry imports statically, transitively (code it shares with
 * the features it loads later with `import()`). The host lists them as `<link rel="modulepreload">` in the page
 * (src/shared/formHtml.ts), so they are fetched beside the entry, not in rounds as the module graph unfolds. The
 * features themselves (find a time, the custom recurrence editor) are not preloaded: the form does not wait for them.
 */
const writePreloadList = {
  name: 'write-preload-list',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const { outputs } = result.metafile;
      const entry = 'dist/webview/form.js';
      const list = [entry];
      for (let i = 0; i < list.length; i++) {
        for (const { path: imported, kind } of outputs[list[i]]?.imports ?? []) {
          if (kind === 'import-statement' && outputs[imported] && !list.includes(imported))
            list.push(imported);
        }
      }
      fs.mkdirSync(path.join(__dirname, 'dist', 'webview'), { recursive: true });
      fs.writeFileSync(
        path.join(__dirname, 'dist', 'webview', 'preload.json'),
        `${JSON.stringify(list.slice(1).map((o) => path.basename(o)))}\n`,
      );
    });
  },
};

/** Copies the form's stylesheet next to its script. */
const copyAssets = {
  name: 'copy-assets',
  setup(build) {
    build.onEnd(() => {
      const from = path.join(__dirname, 'src', 'webview', 'form.css');
      if (fs.existsSync(from)) {
        fs.mkdirSync(path.join(__dirname, 'dist', 'webview'), { recursive: true });
        fs.copyFileSync(from, path.join(__dirname, 'dist', 'webview', 'form.css'));
      }
    });
  },
};

/**
 * Keeps code the activation does not need out of the activation bundle: each lazy `require` below becomes a
 * `require` of a separate bundle in dist/, loaded on first use. The Graph client (`HostContext.graph`) and the
 * form panels (`extension.ts`, at the first form opened or restored), the meeting operations with the validation
 * (`lazyMeetingOperations`, at the first action).
 */
const lazyBundles = [
  { request: '../graph/client', entry: 'src/graph/client.ts', outfile: 'dist/graph.js' },
  { request: './host/formPanel', entry: 'src/host/formPanel.ts', outfile: 'dist/forms.js' },
  {
    request: '../services/meetingOperations',
    entry: 'src/services/meetingOperations.ts',
    outfile: 'dist/operations.js',
  },
];

/**
 * `--fold=graph,forms,…` (the bench's variants): the named lazy bundles are built into dist/extension.js instead, so
 * `npm run bench` can show what each split saves at activation. The shipped build folds none.
 */
const folded = (process.argv.find((a) => a.startsWith('--fold='))?.slice('--fold='.length) ?? '').split(',');
const splitBundles = lazyBundles.filter(({ outfile }) => !folded.includes(path.basename(outfile, '.js')));

const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    for (const { request, outfile } of splitBundles) {
      const filter = new RegExp(`^${request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) =>
        args.kind === 'require-call' ? { path: `./${path.basename(outfile)}`, external: true } : undefined,
      );
    }
  },
};

const sharedPlugins = [metafileWriter(), reporter()];

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: 'none',
  metafile: true,
  plugins: sharedPlugins,
};

async function main() {
  if (production) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      plugins: [...sharedPlugins, lazyRequires, nativeAsyncGraphSdk()],
    }),
    ...splitBundles.map(({ entry, outfile }) =>
      esbuild.context({
        ...common,
        entryPoints: [entry],
        outfile,
        platform: 'node',
        format: 'cjs',
        target: 'node18',
        external: ['vscode'],
        // Prefer packages' ES module builds: the Graph SDK's CommonJS build cannot be tree-shaken (bundle size).
        mainFields: ['module', 'main'],
        plugins: [...sharedPlugins, nativeAsyncGraphSdk()],
      }),
    ),
    // The page: ES modules with code splitting. dist/webview/form.js is the entry the page's nonce'd module script
    // loads (the whole form); what it imports with `import()` (the find-a-time features, the custom recurrence
    // editor) and the code those share with it become chunks beside it (`<name>-<hash>.js`), fetched as needed.
    esbuild.context({
      ...common,
      entryPoints: { form: 'src/webview/main.ts' },
      outdir: 'dist/webview',
      splitting: true,
      chunkNames: '[name]-[hash]',
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      plugins: [copyAssets, pruneStaleChunks, writePreloadList, ...sharedPlugins],
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const c of contexts) {
    await c.rebuild().catch(() => {
      failed = true;
    });
    await c.dispose();
  }
  if (failed) process.exit(1);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { nativeAsyncGraphSdk };
