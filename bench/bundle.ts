// Part 1: production bundle sizes. Runs the project's own `node esbuild.js --production` in a scratch copy
// of the build setup (symlinked sources), so the shared dist/ other tools use is never deleted mid-run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from '../scripts/bundleCheck';
import { pageFirstLoad } from '../scripts/bundleCheck';
import type { Figure } from './stats';

const root = path.resolve(__dirname, '..');
const kb = 1024;
const bundleTargetKb = 150;

/** A production build in a scratch folder: its root (with dist/) and a cleanup. */
export interface ProductionBuild {
  dir: string;
  dispose(): void;
}

/** Builds the production bundles with the project's esbuild.js into a scratch folder (`args` added, e.g. `--fold=forms`). */
export function productionBuild(args: string[] = []): ProductionBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'om-bench-build.'));
  for (const name of ['src', 'node_modules', 'tsconfig.json', 'package.json']) {
    fs.symlinkSync(path.join(root, name), path.join(dir, name));
  }
  fs.copyFileSync(path.join(root, 'esbuild.js'), path.join(dir, 'esbuild.js'));
  execFileSync(process.execPath, ['esbuild.js', '--production', ...args], { cwd: dir, stdio: 'inherit' });
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Raw and gzip sizes of the production bundles (the Graph client is a separate bundle loaded on first use). */
export function measureBundles(build: ProductionBuild): Figure[] {
  const figures: Figure[] = [];
  const { firstLoad, chunks } = pageFiles(build);
  const read = (rel: string): Buffer => fs.readFileSync(path.join(build.dir, rel));
  for (const [key, rel, files] of [
    ['extension', 'dist/extension.js', ['dist/extension.js']],
    ['graph', 'dist/graph.js', ['dist/graph.js']],
    [
      'webview',
      `the page's first load: dist/webview/form.js, the page's code and the chunks they import (${firstLoad.length} files)`,
      firstLoad,
    ],
  ] as const) {
    const bytes = Buffer.concat(files.map(read));
    const gz = gzipSync(bytes, { level: 9 }).length;
    figures.push({
      key: `bundle.${key}.raw`,
      label: `${rel} (minified)`,
      value: bytes.length / kb,
      unit: 'KB',
      target: bundleTargetKb,
      note: `${bytes.length} bytes`,
    });
    figures.push({
      key: `bundle.${key}.gzip`,
      label: `${rel} (gzip -9)`,
      value: gz / kb,
      unit: 'KB',
      note: `${gz} bytes`,
    });
  }
  const all = chunks.reduce((sum, rel) => sum + read(rel).length, 0);
  figures.push({
    key: 'bundle.webviewAll.raw',
    label: `the page, all ${chunks.length} files of dist/webview/*.js (minified)`,
    value: all / kb,
    unit: 'KB',
    note: `${all} bytes; the rest loads with import(): the controls after the first frame, the feature modules`,
  });
  const ext = figures.find((f) => f.key === 'bundle.extension.raw');
  const graph = figures.find((f) => f.key === 'bundle.graph.raw');
  if (ext && graph) {
    figures.push({
      key: 'bundle.extensionTotal.raw',
      label: 'extension code in all: dist/extension.js + dist/graph.js (minified)',
      value: ext.value + graph.value,
      unit: 'KB',
      target: bundleTargetKb,
      note: 'the activation bundle and the Graph bundle it loads on first use',
    });
  }
  return figures;
}

/**
 * The page's files from the build's metafile: its first load (`pageFirstLoad`: the entry, the page's code and what
 * they import statically) and every file of it (the later controls and the feature modules too).
 */
function pageFiles(build: ProductionBuild): { firstLoad: string[]; chunks: string[] } {
  const meta = JSON.parse(fs.readFileSync(path.join(build.dir, 'dist', 'meta.json'), 'utf8')) as Metafile;
  const chunks = Object.keys(meta.outputs).filter((o) => /^dist\/webview\/[\w-]+\.js$/.test(o));
  return { firstLoad: pageFirstLoad(meta), chunks };
}
