// Bundles the in-editor suite (test/integration/**/*.ts) into out/test/integration/, one file per source file.
// `vscode` stays external, and so do imports between files of the suite, so helpers with state (the stand-in
// sign-in) are one module shared by every test file. Everything else (mocha, the fake Graph server, src/) is bundled.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const srcDir = path.join(root, 'test', 'integration');
const outDir = path.join(root, 'out', 'test', 'integration');

function listTs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? listTs(path.join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
          ? [path.join(dir, e.name)]
          : [],
    );
}

/** Keeps imports of other suite files as runtime requires of their bundles. */
const suiteFilesExternal = {
  name: 'suite-files-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      const rel = path.relative(srcDir, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      const fromOut = path.join(outDir, path.relative(srcDir, args.resolveDir));
      const toOut = path.join(outDir, rel.replace(/\.ts$/, '')) + '.js';
      let spec = path.relative(fromOut, toOut).split(path.sep).join('/');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      return { path: spec, external: true };
    });
  },
};

/** Builds the suite; returns the output folder. */
export async function buildSuite() {
  const entryPoints = listTs(srcDir);
  if (entryPoints.length === 0) throw new Error(`No suite sources in ${srcDir}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    external: ['vscode'],
    plugins: [suiteFilesExternal],
    logLevel: 'warning',
    // mocha and its dependencies reach for optional modules with dynamic requires; leave those to run time.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
  });
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSuite().then(
    (dir) => console.log(`suite built into ${path.relative(root, dir)}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
