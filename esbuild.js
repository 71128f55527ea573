// Builds the extension (Node, CommonJS) and the webview form (browser, IIFE).
// --production minifies and drops source maps; --watch rebuilds and prints problem-matcher lines.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints the lines the `$esbuild-watch` problem matcher looks for. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
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
 * `require` of a separate bundle in dist/, loaded on first use. The Graph client (`Services.graph`) and the
 * form panels (`extension.ts`, at the first form opened or restored), the meeting operations with the validation
 * (`MeetingActions.operations`, at the first action).
 */
const lazyBundles = [
  { request: '../graph/client', entry: 'src/graph/client.ts', outfile: 'dist/graph.js' },
  { request: './host/formPanel', entry: 'src/host/formPanel.ts', outfile: 'dist/forms.js' },
  {
    request: '../services/meetingActions',
    entry: 'src/services/meetingActions.ts',
    outfile: 'dist/operations.js',
  },
];

const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    for (const { request, outfile } of lazyBundles) {
      const filter = new RegExp(`^${request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) =>
        args.kind === 'require-call' ? { path: `./${path.basename(outfile)}`, external: true } : undefined,
      );
    }
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: 'none',
  plugins: watch ? [problemMatcher] : [],
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
      metafile: true,
      plugins: [...common.plugins, lazyRequires],
    }),
    ...lazyBundles.map(({ entry, outfile }) =>
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
        metafile: true,
      }),
    ),
    esbuild.context({
      ...common,
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview/form.js',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      metafile: true,
      plugins: watch ? [problemMatcher, copyAssets] : [copyAssets],
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const c of contexts) {
    const result = await c.rebuild().catch(() => {
      failed = true;
      return undefined;
    });
    if (result && result.metafile && process.argv.includes('--meta')) {
      fs.writeFileSync(
        path.join('dist', `meta-${Object.keys(result.metafile.outputs)[0].replace(/\W/g, '_')}.json`),
        JSON.stringify(result.metafile),
      );
    }
    await c.dispose();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
