// Which sources may land in which bundle, checked over esbuild's metafile (dist/meta.json, written by esbuild.js).
// `npm run test:package` runs it on the production build; `npx tsx scripts/bundleCheck.ts [dist/meta.json]` on any
// build. A stray import (the form panel pulled into the activation bundle, host code into the page, the SDK outside
// dist/graph.js) then fails with the file and the bundle named, instead of silently adding or duplicating code.
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** The subset of esbuild's metafile (https://esbuild.github.io/api/#metafile) the check reads. */
export interface Metafile {
  outputs: Record<
    string,
    {
      bytes: number;
      inputs: Record<string, { bytesInOutput: number }>;
      imports: { path: string; kind: string; external?: boolean }[];
    }
  >;
}

const extension = 'dist/extension.js';
const graph = 'dist/graph.js';
const forms = 'dist/forms.js';
const operations = 'dist/operations.js';
const page = 'dist/webview/form.js';
/** The page's chunks (esbuild code splitting: `<name>-<hash>.js` beside the entry) are checked as the page. */
const pageChunk = /^dist\/webview\/[\w-]+\.js$/;
const lazyBundles = ['./graph.js', './forms.js', './operations.js'];

/** The bundles esbuild.js builds, and what each may `require` at runtime (everything else is bundled). */
export const bundles: Record<string, { runs: string; mayRequire: (request: string) => boolean }> = {
  [extension]: {
    runs: 'at activation',
    mayRequire: (r) => r === 'vscode' || isBuiltin(r) || lazyBundles.includes(r),
  },
  [graph]: { runs: 'at the first Graph request', mayRequire: (r) => isBuiltin(r) },
  [forms]: {
    runs: 'at the first form opened or restored',
    mayRequire: (r) => r === 'vscode' || isBuiltin(r),
  },
  [operations]: { runs: 'at the first action', mayRequire: (r) => r === 'vscode' || isBuiltin(r) },
  [page]: { runs: 'in the webview (browser)', mayRequire: () => false },
};

/** The bundle an output belongs to: itself, or the page for each of the page's chunks. */
export function bundleOf(output: string): string | undefined {
  if (bundles[output]) return output;
  return pageChunk.test(output) ? page : undefined;
}

/**
 * Sources the page's first load may not hold: the features the form loads with `import()` once it is usable (find a
 * time and its parts, the custom recurrence editor). The first load is the entry, the chunk of `firstFrame` (the
 * page's code) when it is not the entry, and every chunk those import statically.
 */
export const firstFrame = 'src/webview/app.ts';
export const afterFirstFrame = [
  'src/webview/findTime.ts',
  'src/webview/freeBusy.ts',
  'src/webview/people.ts',
  'src/webview/suggestions.ts',
  'src/webview/recurrence.ts',
];

/** Where a source may land: bundle -> the most bytes of it that bundle may hold (Infinity: all of it). */
type Placement = Record<string, number>;

const all = (...outs: string[]): Placement => Object.fromEntries(outs.map((o) => [o, Infinity]));
/** Small helpers of a module (guards, constants) may be copied into other bundles, up to 1 KB minified. */
const helpersOnly = 1024;

/**
 * The split, first match wins: a path prefix (a folder ends with `/`) or an exact file, where it may land, and why.
 * A source no rule matches, or in a bundle its rule does not list, or over its byte allowance there, fails.
 */
export const placements: { source: string; may: Placement; why: string }[] = [
  { source: 'src/webview/', may: all(page), why: 'the form page' },
  { source: 'src/extension.ts', may: all(extension), why: 'the activation entry' },
  { source: 'src/host/formPanel.ts', may: all(forms), why: 'the form panel, loaded at the first form' },
  { source: 'src/host/formDispatch.ts', may: all(forms), why: 'the form panel, loaded at the first form' },
  {
    source: 'src/host/formFindTime.ts',
    may: all(forms),
    why: "the form panel's find-a-time requests (pure), loaded with the panel at the first form",
  },
  {
    source: 'src/host/',
    may: all(extension),
    why: 'the host: one copy, so its state (log, remembered-token redaction) is single; the form panel gets its helpers passed in',
  },
  { source: 'src/graph/client.ts', may: all(graph), why: 'the Graph client, loaded at the first request' },
  { source: 'src/graph/retry.ts', may: all(graph), why: 'the Graph client, loaded at the first request' },
  { source: 'src/graph/calendarView.ts', may: all(graph), why: 'the calendar view, read through the Graph client' },
  {
    source: 'src/graph/instances.ts',
    may: all(graph),
    why: "a series' occurrences, read through the Graph client (the tree's occurrence commands)",
  },
  {
    source: 'src/graph/calendars.ts',
    may: all(graph, operations),
    why: "calendars: the create's path in the client, the list of calendars in the operations (the form's picker)",
  },
  {
    source: 'src/graph/errors.ts',
    may: { [graph]: Infinity, [extension]: helpersOnly, [operations]: 1.5 * helpersOnly, [forms]: helpersOnly },
    why: 'MeetingsError lives in the Graph bundle; the others carry only its guards (isMeetingsError, isNotFoundError, isRecord)',
  },
  {
    source: 'src/graph/findTime.ts',
    may: all(operations),
    why: "find a time's requests over the client's send: loaded with FindTimeService at its first use",
  },
  { source: 'node_modules/@microsoft/microsoft-graph-client/', may: all(graph), why: 'the Graph SDK' },
  { source: 'node_modules/tslib/', may: all(graph), why: "the Graph SDK's helpers" },
  {
    source: 'src/core/mapping.ts',
    may: all(graph, operations, forms),
    why: 'Graph bodies: the client, and the parts the operations and the form panel use; never at activation',
  },
  {
    source: 'src/core/validate.ts',
    may: { [operations]: Infinity, [forms]: Infinity, [page]: Infinity, [extension]: helpersOnly },
    why: 'the validation runs at the first action, in the form panel and in the page; activation needs only the field lists',
  },
  {
    source: 'src/core/timeZones.ts',
    may: all(extension, graph, operations, forms, page),
    why: 'the zone table: settings and tree times, Graph answers, validation, the page',
  },
  {
    source: 'src/core/datetime.ts',
    may: all(extension, graph, operations, forms, page),
    why: 'date-times: settings and tree times, Graph answers, validation, the page',
  },
  { source: 'src/core/', may: all(extension, graph, operations, forms, page), why: 'pure core code' },
  { source: 'src/shared/', may: all(forms, page), why: 'the form: host panel and page; not at activation' },
  { source: 'src/store/', may: all(extension, operations), why: 'the meeting store' },
  {
    source: 'src/services/meetingOperations.ts',
    may: { [operations]: Infinity, [extension]: helpersOnly },
    why: 'the action flow, loaded at the first action; activation needs only storedFromMeeting',
  },
  { source: 'src/services/', may: all(extension, operations, forms), why: 'services of the extension host' },
];

/**
 * Tables that must appear at most once in each bundle (a second copy is dead weight and a second cache), found by
 * a string each one's source contains once.
 */
export const singleTables: { source: string; marker: string }[] = [
  { source: 'src/core/timeZones.ts', marker: 'Dateline~|Etc/GMT+12' },
  { source: 'src/core/datetime.ts', marker: String.raw`[.,](\d{1,9})` },
];

/**
 * A metafile input as a project path: inputs are relative to the build's folder, `/`-separated; a build whose
 * node_modules or src is a symlink (the bench's scratch build) names the real files (`../../work/main/src/x.ts`).
 */
export function projectPath(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) return input.slice(modules);
  const src = input.startsWith('../') || path.isAbsolute(input) ? input.lastIndexOf('/src/') : -1;
  return src >= 0 ? input.slice(src + 1) : input;
}

/** The package folder (`node_modules/name/` or `node_modules/@scope/name/`) of a project path, if it is in one. */
function packageOf(source: string): string | undefined {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  return m ? `node_modules/${m[1]}/` : undefined;
}

/** The rule for a project path (see `projectPath`). */
export function placementOf(source: string): (typeof placements)[number] | undefined {
  return placements.find((p) => (p.source.endsWith('/') ? source.startsWith(p.source) : source === p.source));
}

/**
 * Every problem with the split: sources in bundles their rule does not allow, unknown bundles or sources,
 * runtime requires a bundle may not make, and tables found more than once in a bundle. `readOutput` gives a
 * bundle's text (undefined: not available, the table count then only checks the metafile); `readSource` a source's.
 */
export function checkBundles(
  meta: Metafile,
  readOutput: (output: string) => string | undefined,
  readSource: (source: string) => string = (s) => fs.readFileSync(s, 'utf8'),
): string[] {
  const problems: string[] = [];
  const outputs = Object.keys(meta.outputs).filter((o) => !o.endsWith('.map'));
  for (const expected of Object.keys(bundles)) {
    if (!outputs.includes(expected)) problems.push(`${expected}: missing from the metafile (was it built?)`);
  }
  for (const output of outputs) {
    const name = bundleOf(output);
    const bundle = name === undefined ? undefined : bundles[name];
    if (!name || !bundle) {
      problems.push(
        `${output}: a bundle scripts/bundleCheck.ts does not know; add it to \`bundles\` and \`placements\``,
      );
      continue;
    }
    const { inputs, imports } = meta.outputs[output];
    const seen = new Map<string, number>();
    const units = new Map<string, { bytes: number; files: number }>(); // a source file, or a whole package
    for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
      const source = projectPath(input);
      seen.set(source.toLowerCase(), (seen.get(source.toLowerCase()) ?? 0) + 1);
      if (bytesInOutput === 0) continue; // types or re-exports only: nothing of it is in the bundle
      const unit = packageOf(source) ?? source;
      const sum = units.get(unit) ?? { bytes: 0, files: 0 };
      units.set(unit, { bytes: sum.bytes + bytesInOutput, files: sum.files + 1 });
    }
    for (const [unit, { bytes, files }] of units) {
      const size = files > 1 ? `${files} files, ${bytes} bytes` : `${bytes} bytes`;
      const rule = placementOf(unit);
      if (!rule) {
        problems.push(
          `${unit} is in ${output} (${size}), but no rule in scripts/bundleCheck.ts \`placements\` says where it may land`,
        );
        continue;
      }
      const allowance = rule.may[name];
      if (allowance === undefined) {
        const where = Object.keys(rule.may).join(', ');
        problems.push(
          `${unit} is in ${output} (${size}, ${bundle.runs}); it may only be in ${where} (${rule.why}): a stray import?`,
        );
      } else if (bytes > allowance) {
        problems.push(
          `${unit} has ${bytes} bytes in ${output} (${bundle.runs}), over its allowance of ${allowance} there (${rule.why}): a stray import?`,
        );
      }
    }
    for (const [source, count] of seen) {
      if (count > 1) problems.push(`${output} holds ${source} ${count} times (two paths to one file)`);
    }
    for (const { path: request, external } of imports) {
      if (external && !bundle.mayRequire(request)) {
        problems.push(`${output} (${bundle.runs}) requires "${request}" at runtime, which it may not`);
      }
    }
    if (name === page) continue; // its tables are counted over all its chunks, below
    const text = readOutput(output);
    if (text === undefined) continue;
    for (const { source, marker } of singleTables) {
      const count = text.split(marker).length - 1;
      if (count > 1)
        problems.push(`${output} holds ${count} copies of the table of ${source} (found "${marker}")`);
    }
  }
  problems.push(...checkPage(meta, outputs, readOutput));
  for (const { source, marker } of singleTables) {
    const count = readSource(source).split(marker).length - 1;
    if (count !== 1) {
      problems.push(
        `${source} holds "${marker}" ${count} times, not once: update \`singleTables\` in scripts/bundleCheck.ts`,
      );
    }
  }
  return problems;
}

/** The page's first load: the entry, the chunk holding `firstFrame`, and what they import statically, transitively. */
export function pageFirstLoad(meta: Metafile): string[] {
  const firstLoad = [page];
  for (const [output, { inputs }] of Object.entries(meta.outputs)) {
    if (pageChunk.test(output) && output !== page && Object.keys(inputs).some((i) => projectPath(i) === firstFrame))
      firstLoad.push(output);
  }
  for (let i = 0; i < firstLoad.length; i++) {
    for (const { path: imported, kind } of meta.outputs[firstLoad[i]]?.imports ?? []) {
      if (kind === 'import-statement' && meta.outputs[imported] && !firstLoad.includes(imported))
        firstLoad.push(imported);
    }
  }
  return firstLoad;
}

/**
 * The page's split: its first load (`pageFirstLoad`) holds nothing of `afterFirstFrame`, and each table appears at
 * most once over all its chunks (esbuild puts a module in one chunk).
 */
function checkPage(meta: Metafile, outputs: string[], readOutput: (output: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const output of pageFirstLoad(meta)) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[output]?.inputs ?? {})) {
      const source = projectPath(input);
      if (bytesInOutput === 0 || !afterFirstFrame.some((later) => source.startsWith(later))) continue;
      problems.push(
        `${source} is in the page's first load (${output}); it belongs to the features loaded after the form is usable: a stray import?`,
      );
    }
  }
  const texts = outputs.filter((o) => bundleOf(o) === page).map(readOutput);
  if (texts.some((t) => t === undefined)) return problems;
  const text = texts.join('\n');
  for (const { source, marker } of singleTables) {
    const count = text.split(marker).length - 1;
    if (count > 1)
      problems.push(`the page (dist/webview/*.js) holds ${count} copies of the table of ${source} (found "${marker}")`);
  }
  return problems;
}

/** Checks the metafile at `file` (default dist/meta.json) and the bundles beside it; exits 1 on problems. */
function main(file = path.join('dist', 'meta.json')): void {
  const root = path.resolve(path.dirname(file), '..');
  const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Metafile;
  const problems = checkBundles(
    meta,
    (output) => {
      const p = path.join(root, output);
      return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
    },
    (source) => fs.readFileSync(path.join(root, source), 'utf8'),
  );
  if (problems.length) {
    console.error(`Bundle check failed (${file}):\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`${file}: every source is in a bundle its rule allows; each table at most once per bundle.`);
}

if (require.main === module) main(process.argv[2]);
