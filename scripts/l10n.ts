// Regenerates l10n/bundle.l10n.json: every `l10n.t(...)` string under src/ (via @vscode/l10n-dev), plus the
// form's strings table and the validation templates, which the host translates at run time by their text.
// A translation is then `l10n/bundle.l10n.<lang>.json` (same keys) plus `package.nls.<lang>.json`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { validationMessages } from '../src/core/messages';
import { formStrings } from '../src/shared/formStrings';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return extname(name) === '.ts' ? [path] : [];
  });
}

async function main(): Promise<void> {
  const files = sourceFiles(join(root, 'src')).map((path) => ({
    extension: '.ts',
    contents: readFileSync(path, 'utf8'),
  }));
  const bundle: Record<string, unknown> = { ...(await getL10nJson(files)) };
  for (const text of [...Object.values(formStrings), ...Object.values(validationMessages)])
    bundle[text] ??= text;
  const sorted = Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(sorted).length} strings`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
