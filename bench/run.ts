// `npm run bench [-- --quick] [-- --skip-activation] [-- --only=bundle,activation,lazy,actions,refresh,scale,parsing,form,findTime,formFindTime]`: measures bundle size, activation in a real extension
// host, per-action overhead, refresh at scale, tree and store at scale, and the form's time to interactive;
// prints each figure with its target and PASS/MISS, and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureActivation } from './activation';
import { measureLazyBundles } from './activationNode';
import { measureBundles, productionBuild } from './bundle';
import { measureFindTime } from './findTime';
import { measureForm } from './form';
import { measurePeopleTyping } from './formFindTime';
import { measureActions, measureRefresh } from './http';
import { measureParsing } from './parsing';
import { measureScale } from './scale';
import type { Figure } from './stats';
import { round, verdict } from './stats';

const quick = process.argv.includes('--quick');
const skipActivation = process.argv.includes('--skip-activation');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: string): boolean => !only || only.includes(name);
const log = (s: string): void => void process.stderr.write(`[bench] ${s}\n`);

function print(f: Figure): void {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 3 : 1);
  const target = f.target === undefined ? '' : `≤ ${f.target}`;
  const line = `${verdict(f).padEnd(5)} ${f.label.padEnd(78)} ${`${v} ${f.unit}`.padStart(14)} ${target.padStart(8)}`;
  process.stdout.write(`${line}${f.note ? `\n      ${f.note}` : ''}\n`);
}

async function part(name: string, figures: Figure[], run: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (!wanted(name)) return;
  log(`${name}…`);
  try {
    const got = await run();
    for (const f of got) print(f);
    figures.push(...got);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`${name} failed: ${message}`);
    const f: Figure = {
      key: `${name}.error`,
      label: `${name}: failed (${message.split('\n')[0]})`,
      value: Number.NaN,
      unit: '',
      target: 0,
    };
    print(f);
    figures.push(f);
  }
}

async function main(): Promise<number> {
  const figures: Figure[] = [];
  log(quick ? 'quick run' : 'full run');
  const build = productionBuild();
  try {
    await part('bundle', figures, () => measureBundles(build));
    if (!skipActivation) {
      await part('activation', figures, () => measureActivation(build, { windows: quick ? 2 : 7, log }));
    }
    await part('lazy', figures, () => measureLazyBundles(build, { rounds: quick ? 5 : 21 }));
    await part('actions', figures, () =>
      measureActions({
        distDir: path.join(build.dir, 'dist'),
        ...(quick ? { reps: 30, warmup: 5 } : { reps: 200, warmup: 10 }),
      }),
    );
    await part('refresh', figures, () =>
      measureRefresh({
        distDir: path.join(build.dir, 'dist'),
        count: 1000,
        latencyMs: 20,
        reps: quick ? 2 : 7,
      }),
    );
    await part('scale', figures, () =>
      measureScale(quick ? { count: 10_000, reps: 3, adds: 100 } : { count: 10_000, reps: 11, adds: 1000 }),
    );
    await part('parsing', figures, () => measureParsing({ reps: quick ? 3 : 11 }));
    await part('findTime', figures, () =>
      measureFindTime({ distDir: path.join(build.dir, 'dist'), reps: quick ? 5 : 21 }),
    );
    await part('formFindTime', figures, () => measurePeopleTyping({ runs: quick ? 3 : 10 }));
    await part('form', figures, () =>
      measureForm({ distDir: path.join(build.dir, 'dist'), loads: quick ? 5 : 25, withFindTime: true }),
    );
  } finally {
    build.dispose();
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => round(l, 2)),
    chromium: (() => {
      try {
        return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    })(),
  };
  const out = {
    date: new Date().toISOString(),
    quick,
    machine,
    figures: figures.map((f) => ({
      ...f,
      value: Number.isNaN(f.value) ? null : round(f.value),
      verdict: verdict(f),
    })),
  };
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const missed = figures.filter((f) => verdict(f) === 'MISS' || verdict(f) === 'n/a');
  log(
    `wrote bench/results.json; ${missed.length} of ${figures.filter((f) => f.target !== undefined).length} targets missed or not measured`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
