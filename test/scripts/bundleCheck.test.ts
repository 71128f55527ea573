import assert from 'node:assert/strict';
import type { Metafile } from '../../scripts/bundleCheck';
import { bundles, checkBundles, projectPath, singleTables } from '../../scripts/bundleCheck';

type Inputs = Record<string, number>;

/** A metafile of the five bundles, each holding the given sources (path -> bytes in that bundle). */
function metafile(
  extra: Partial<Record<string, Inputs>> = {},
  imports: Partial<Record<string, string[]>> = {},
): Metafile {
  const base: Record<string, Inputs> = {
    'dist/extension.js': {
      'src/extension.ts': 2000,
      'src/host/tree.ts': 6000,
      'src/core/timeZones.ts': 7000,
    },
    'dist/graph.js': {
      'src/graph/client.ts': 20000,
      'node_modules/@microsoft/microsoft-graph-client/lib/es/src/Client.js': 2600,
    },
    'dist/forms.js': { 'src/host/formPanel.ts': 11000, 'src/shared/formHtml.ts': 1200 },
    'dist/operations.js': { 'src/services/meetingOperations.ts': 6500, 'src/core/validate.ts': 12000 },
    'dist/webview/form.js': { 'src/webview/form.ts': 18000, 'src/webview/controls.ts': 2000 },
  };
  const outputs: Metafile['outputs'] = {};
  for (const name of Object.keys(bundles)) {
    const inputs = { ...base[name], ...extra[name] };
    outputs[name] = {
      bytes: 1,
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { bytesInOutput: v }])),
      imports: (imports[name] ?? []).map((p) => ({ path: p, kind: 'require-call', external: true })),
    };
  }
  return { outputs };
}

const oneOfEach = (): string => singleTables.map((t) => t.marker).join('\n');
const check = (meta: Metafile, texts: Record<string, string> = {}): string[] =>
  checkBundles(meta, (o) => texts[o] ?? oneOfEach(), oneOfEach);

describe('bundle check (scripts/bundleCheck.ts, run by npm run test:package)', () => {
  it('passes the intended split', () => {
    assert.deepEqual(
      check(metafile({}, { 'dist/extension.js': ['vscode', 'node:crypto', './graph.js', './forms.js'] })),
      [],
    );
  });

  it('names the file and the bundle of a stray import: the form panel at activation', () => {
    const problems = check(metafile({ 'dist/extension.js': { 'src/host/formPanel.ts': 11000 } }));
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /^src\/host\/formPanel\.ts is in dist\/extension\.js .*may only be in dist\/forms\.js/,
    );
  });

  it('refuses host code and the Graph SDK in the page, and counts a package once', () => {
    const problems = check(
      metafile({
        'dist/webview/form.js': {
          'src/host/redact.ts': 900,
          'node_modules/@microsoft/microsoft-graph-client/lib/es/src/Client.js': 2600,
          'node_modules/@microsoft/microsoft-graph-client/lib/es/src/GraphRequest.js': 6400,
        },
      }),
    );
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^src\/host\/redact\.ts is in dist\/webview\/form\.js/);
    assert.match(
      problems[1],
      /^node_modules\/@microsoft\/microsoft-graph-client\/ is in dist\/webview\/form\.js \(2 files, 9000 bytes/,
    );
  });

  it('allows a small helper of the validation at activation, not the validation itself', () => {
    assert.deepEqual(check(metafile({ 'dist/extension.js': { 'src/core/validate.ts': 200 } })), []);
    const problems = check(metafile({ 'dist/extension.js': { 'src/core/validate.ts': 5000 } }));
    assert.match(
      problems.join('\n'),
      /src\/core\/validate\.ts has 5000 bytes in dist\/extension\.js .*allowance of 1024/,
    );
  });

  it('ignores modules that contribute nothing (types only)', () => {
    assert.deepEqual(check(metafile({ 'dist/webview/form.js': { 'src/host/commandArgs.ts': 0 } })), []);
  });

  it('fails a source no rule places, and a bundle it does not know', () => {
    const meta = metafile({ 'dist/extension.js': { 'src/somewhere/new.ts': 300 } });
    meta.outputs['dist/extra.js'] = { bytes: 1, inputs: {}, imports: [] };
    const problems = check(meta).join('\n');
    assert.match(problems, /src\/somewhere\/new\.ts is in dist\/extension\.js .*no rule/);
    assert.match(problems, /dist\/extra\.js: a bundle scripts\/bundleCheck\.ts does not know/);
  });

  it('refuses runtime requires a bundle may not make: node or vscode from the page, a lazy bundle from another', () => {
    const problems = check(
      metafile(
        {},
        {
          'dist/webview/form.js': ['node:crypto'],
          'dist/forms.js': ['./graph.js'],
          'dist/graph.js': ['vscode'],
        },
      ),
    ).join('\n');
    assert.match(problems, /dist\/webview\/form\.js .* requires "node:crypto"/);
    assert.match(problems, /dist\/forms\.js .* requires "\.\/graph\.js"/);
    assert.match(problems, /dist\/graph\.js .* requires "vscode"/);
  });

  it('finds a second copy of the zone table in a bundle', () => {
    const zones = singleTables.find((t) => t.source === 'src/core/timeZones.ts');
    assert.ok(zones);
    const problems = check(metafile(), { 'dist/webview/form.js': `${zones.marker} ... ${zones.marker}` });
    assert.deepEqual(problems, [
      `the page (dist/webview/*.js) holds 2 copies of the table of src/core/timeZones.ts (found "${zones.marker}")`,
    ]);
  });

  /** The page split as esbuild writes it: the entry, a chunk it imports statically, a chunk it imports with import(). */
  const splitPage = (shared: Inputs, later: Inputs): Metafile => {
    const meta = metafile();
    const out = (inputs: Inputs, imports: { path: string; kind: string }[] = []) => ({
      bytes: 1,
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { bytesInOutput: v }])),
      imports,
    });
    meta.outputs['dist/webview/form.js'] = out(
      { 'src/webview/main.ts': 900, 'src/webview/app.ts': 700, 'src/webview/form.ts': 18000 },
      [
        { path: 'dist/webview/chunk-AB12CD34.js', kind: 'import-statement' },
        { path: 'dist/webview/findTime-EF56GH78.js', kind: 'dynamic-import' },
      ],
    );
    meta.outputs['dist/webview/chunk-AB12CD34.js'] = out(shared);
    meta.outputs['dist/webview/findTime-EF56GH78.js'] = out(later, [
      { path: 'dist/webview/chunk-AB12CD34.js', kind: 'import-statement' },
    ]);
    return meta;
  };
  const people = 'src/webview/people.ts';
  /** Each table once over the page: in the entry, none in the chunks. */
  const pageTexts = { 'dist/webview/chunk-AB12CD34.js': '', 'dist/webview/findTime-EF56GH78.js': '' };

  it("takes the page's chunks as the page: shared code in a chunk, the later features in one loaded with import()", () => {
    const meta = splitPage(
      { 'src/webview/controls.ts': 2000 },
      { 'src/webview/findTime.ts': 9000, [people]: 4000 },
    );
    assert.deepEqual(check(meta, pageTexts), []);
  });

  it("refuses a later feature in the page's first load (the entry and what it imports statically)", () => {
    const meta = splitPage({ 'src/webview/controls.ts': 2000, [people]: 4000 }, {});
    assert.deepEqual(check(meta, pageTexts), [
      `${people} is in the page's first load (dist/webview/chunk-AB12CD34.js); it belongs to the features loaded after the form is usable: a stray import?`,
    ]);
    // Were the page's code (src/webview/app.ts) loaded with import(), its chunk would be part of the first load too.
    const app = splitPage({}, {});
    app.outputs['dist/webview/app-IJ90KL12.js'] = {
      bytes: 1,
      inputs: { 'src/webview/app.ts': { bytesInOutput: 900 }, [people]: { bytesInOutput: 4000 } },
      imports: [],
    };
    assert.deepEqual(check(app, { ...pageTexts, 'dist/webview/app-IJ90KL12.js': '' }), [
      `${people} is in the page's first load (dist/webview/app-IJ90KL12.js); it belongs to the features loaded after the form is usable: a stray import?`,
    ]);
    const host = splitPage({}, { 'src/host/redact.ts': 900 });
    assert.match(
      check(host, pageTexts).join('\n'),
      /^src\/host\/redact\.ts is in dist\/webview\/findTime-EF56GH78\.js/,
    );
  });

  it("counts a table once across the page's chunks", () => {
    const zones = singleTables.find((t) => t.source === 'src/core/timeZones.ts');
    assert.ok(zones);
    const meta = splitPage({ 'src/core/timeZones.ts': 7000 }, { 'src/core/timeZones.ts': 7000 });
    const problems = check(meta, {
      'dist/webview/chunk-AB12CD34.js': zones.marker,
      'dist/webview/findTime-EF56GH78.js': zones.marker,
      'dist/webview/form.js': '',
    });
    assert.deepEqual(problems, [
      `the page (dist/webview/*.js) holds 2 copies of the table of src/core/timeZones.ts (found "${zones.marker}")`,
    ]);
  });

  it('reads paths of a build through symlinks as project paths', () => {
    assert.equal(
      projectPath('../../work/main/node_modules/lit-html/lit-html.js'),
      'node_modules/lit-html/lit-html.js',
    );
    assert.equal(projectPath('../../work/main/src/core/datetime.ts'), 'src/core/datetime.ts');
    assert.equal(projectPath('src/core/datetime.ts'), 'src/core/datetime.ts');
  });

  it('keeps its table markers true to the sources', () => {
    assert.deepEqual(
      checkBundles(metafile(), () => undefined),
      [],
      'each marker in singleTables must occur exactly once in its source file',
    );
  });
});
