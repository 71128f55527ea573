// Part 2c: what each lazy bundle saves at activation, in plain Node. Builds the production bundles as shipped and
// with each lazy split folded back into dist/extension.js (esbuild.js --fold=…), then, in a fresh Node process per
// sample (nothing cached), times `require('dist/extension.js')` and `activate(context)` against a stand-in `vscode`
// module (a catch-all object: every member is a no-op that returns another). Variants interleaved, the order rotating
// per round; medians, and what folding a split back costs as the median of the per-round differences to the shipped
// build. code-server's activation (part 2) is too noisy to show differences below a millisecond.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ProductionBuild } from './bundle';
import { productionBuild } from './bundle';
import type { Figure } from './stats';
import { median } from './stats';

/** The lazy bundles esbuild.js splits off (names as `--fold=` takes them). */
const splits = ['graph', 'forms', 'operations'] as const;
type Split = (typeof splits)[number];

/** A split pays when folding it back costs at least this much at activation (require + activate, paired median)… */
export const paysMs = 0.5;
/** …and at least this share of the shipped require + activate. */
export const paysShare = 0.1;

/** Members of the stand-in `vscode` module. */
const apiNames = [
  'authentication',
  'commands',
  'env',
  'extensions',
  'l10n',
  'languages',
  'lm',
  'window',
  'workspace',
  'CancellationTokenSource',
  'ConfigurationTarget',
  'Disposable',
  'EventEmitter',
  'LogLevel',
  'MarkdownString',
  'ProgressLocation',
  'QuickPickItemKind',
  'StatusBarAlignment',
  'ThemeColor',
  'ThemeIcon',
  'TreeItem',
  'TreeItemCollapsibleState',
  'Uri',
  'ViewColumn',
];

/** One sample in a fresh process: require and activate() times, and which dist/ files were loaded. */
const childScript = `
const Module = require('node:module');
const path = require('node:path');
const stub = () => {
  const members = new Map();
  return new Proxy(function () {}, {
    get(target, p) {
      if (p === 'then' || typeof p === 'symbol') return p === Symbol.toPrimitive ? () => '' : undefined;
      if (p === 'prototype') return target.prototype;
      if (!members.has(p)) members.set(p, stub());
      return members.get(p);
    },
    // Assignments (statusBarItem.name = ...) are kept: a function's own name and length are read-only.
    set(target, p, value) {
      members.set(p, value);
      return true;
    },
    apply: () => stub(),
    construct: () => stub(),
  });
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
// Own properties (esbuild's ESM interop copies them): VS Code's namespaces and the classes and enums the code uses.
const api = {};
for (const name of ${JSON.stringify(apiNames)}) api[name] = stub();
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
const memento = { get: (k, d) => d, update: () => Promise.resolve(), keys: () => [] };
const context = new Proxy(
  { subscriptions: [], globalState: memento, workspaceState: memento },
  { get: (t, p) => (p in t ? t[p] : stub()) },
);
const main = process.argv[2];
const t0 = performance.now();
const ext = require(main);
const t1 = performance.now();
ext.activate(context);
const t2 = performance.now();
const dir = path.dirname(main);
const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dir)).map((f) => path.basename(f));
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, loaded }));
`;

interface Sample {
  requireMs: number;
  activateMs: number;
  loaded: string[];
}

/** Require + activate of each variant's dist/extension.js, interleaved over `rounds`; figures per variant. */
export function measureLazyBundles(shipped: ProductionBuild, opts: { rounds: number }): Figure[] {
  const variants: { name: string; fold: Split | 'none'; build: ProductionBuild }[] = [
    { name: 'as shipped', fold: 'none', build: shipped },
  ];
  try {
    for (const fold of splits)
      variants.push({ name: `${fold} folded`, fold, build: productionBuild([`--fold=${fold}`]) });
    const script = path.join(shipped.dir, 'activation-sample.js');
    fs.writeFileSync(script, childScript);
    const samples = new Map<string, Sample[]>(variants.map((v) => [v.name, []]));
    for (let round = -1; round < opts.rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(i + Math.max(round, 0)) % variants.length];
        const out = execFileSync(process.execPath, [script, path.join(v.build.dir, 'dist', 'extension.js')], {
          encoding: 'utf8',
        });
        if (round >= 0) samples.get(v.name)?.push(JSON.parse(out) as Sample);
      }
    }
    const figures: Figure[] = [];
    const base = samples.get('as shipped') ?? [];
    const sampleMs = (x: Sample): number => x.requireMs + x.activateMs;
    const total = (s: Sample[]): number => median(s.map(sampleMs));
    for (const v of variants) {
      const s = samples.get(v.name) ?? [];
      const bytes = fs.statSync(path.join(v.build.dir, 'dist', 'extension.js')).size;
      // Paired per round (the variants of a round ran back to back), so load swings between rounds cancel out.
      const extra = median(s.map((x, i) => sampleMs(x) - sampleMs(base[i] ?? x)));
      const pays = extra >= paysMs && extra >= paysShare * total(base);
      figures.push({
        key: `lazy.${v.fold}.requireActivate`,
        label: `plain Node: require + activate() of dist/extension.js, ${v.name} (median)`,
        value: total(s),
        unit: 'ms',
        note:
          `require ${median(s.map((x) => x.requireMs)).toFixed(2)} ms, activate() ${median(s.map((x) => x.activateMs)).toFixed(2)} ms, ` +
          `${bytes} B, n=${s.length}; loaded: ${[...new Set(s.flatMap((x) => x.loaded))].join(', ')}` +
          (v.fold === 'none'
            ? ''
            : `; folding ${v.fold} back costs ${extra.toFixed(2)} ms (${((100 * extra) / total(base)).toFixed(0)} %): the split ${pays ? 'pays' : 'does not pay'} (≥ ${paysMs} ms and ≥ ${100 * paysShare} %)`),
      });
    }
    return figures;
  } finally {
    for (const v of variants) if (v.build !== shipped) v.build.dispose();
  }
}
