import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { validationMessages } from '../../src/core/messages';
import { formStrings } from '../../src/shared/formStrings';

const root = join(__dirname, '..', '..');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return extname(name) === '.ts' ? [path] : [];
  });
}

describe('localisation bundles', () => {
  it('package.nls.json defines every %key% package.json uses, and nothing unused', () => {
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...pkg.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]));
    const nls = readJson('package.nls.json');
    assert.deepEqual(
      [...used].filter((k) => typeof nls[k] !== 'string'),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
    );
  });

  it('l10n/bundle.l10n.json is up to date (run `npm run l10n`)', async () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const files = sourceFiles(join(root, 'src')).map((path) => ({
      extension: '.ts',
      contents: readFileSync(path, 'utf8'),
    }));
    const extracted = await getL10nJson(files);
    const expected = [
      ...Object.keys(extracted),
      ...Object.values(formStrings),
      ...Object.values(validationMessages),
    ];
    assert.deepEqual(
      expected.filter((k) => !(k in bundle)),
      [],
    );
  });

  it('every translation file has the keys of its English original', () => {
    for (const name of readdirSync(join(root, 'l10n')).filter((n) =>
      /^bundle\.l10n\.[\w-]+\.json$/.test(n),
    )) {
      const english = readJson('l10n/bundle.l10n.json');
      const translated = readJson(`l10n/${name}`);
      assert.deepEqual(
        Object.keys(english).filter((k) => typeof translated[k] !== 'string'),
        [],
        name,
      );
    }
  });
});
