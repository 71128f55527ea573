// Lists what a translation lacks: keys of l10n/bundle.l10n.json and package.nls.json missing, empty, or whose
// placeholders ({0}, {name}) or command links differ from the English, and keys no longer in the English (stale).
// Run: npx tsx scripts/l10nMissing.ts [lang]   (default es; exits 1 when anything is listed)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** What is wrong with one translation file, by key. */
export interface TranslationProblems {
  missing: string[];
  empty: string[];
  /** Keys whose placeholders or `command:` links are not the English ones. */
  placeholders: string[];
  /** Keys the English no longer has. */
  stale: string[];
}

/** The placeholders (`{0}`, `{name}`), command links and `#setting#` links of a message, sorted: a translation keeps them all. */
export function markers(text: string): string[] {
  return [...text.matchAll(/\{[^{}\s]+\}|\(command:[^)\s]+\)|#[\w.-]+#/g)].map((m) => m[0]).sort();
}

/** Compares a translation with its English original. */
export function translationProblems(
  english: Record<string, unknown>,
  translated: Record<string, unknown>,
): TranslationProblems {
  const problems: TranslationProblems = { missing: [], empty: [], placeholders: [], stale: [] };
  for (const [key, source] of Object.entries(english)) {
    const text = translated[key];
    if (typeof text !== 'string') problems.missing.push(key);
    else if (text.trim() === '') problems.empty.push(key);
    else if (markers(text).join('\n') !== markers(String(source)).join('\n')) problems.placeholders.push(key);
  }
  problems.stale = Object.keys(translated).filter((k) => !(k in english));
  return problems;
}

/** The two pairs of files of a language: the host bundle and the contribution strings. */
export function translationFiles(lang: string): { english: string; translated: string }[] {
  return [
    { english: 'l10n/bundle.l10n.json', translated: `l10n/bundle.l10n.${lang}.json` },
    { english: 'package.nls.json', translated: `package.nls.${lang}.json` },
  ];
}

/** Reads a JSON object of the repository; a missing file reads as empty. */
export function readStrings(file: string): Record<string, unknown> {
  const path = join(root, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

function main(lang: string): void {
  let count = 0;
  for (const { english, translated } of translationFiles(lang)) {
    const problems = translationProblems(readStrings(english), readStrings(translated));
    for (const [kind, keys] of Object.entries(problems) as [keyof TranslationProblems, string[]][]) {
      if (keys.length === 0) continue;
      count += keys.length;
      console.log(`${translated}: ${keys.length} ${kind}`);
      for (const key of keys) console.log(`  ${JSON.stringify(key)}`);
    }
  }
  console.log(count === 0 ? `${lang}: complete` : `${lang}: ${count} to do`);
  process.exitCode = count === 0 ? 0 : 1;
}

if (require.main === module) main(process.argv[2] ?? 'es');
