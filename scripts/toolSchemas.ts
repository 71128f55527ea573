// `npm run tools`: writes the agent tools' contribution (`contributes.languageModelTools`), generated from the field
// table by src/core/toolSchemas.ts, into package.json. test/scripts/toolSchemas.test.ts fails while package.json
// differs from what this would write.
import fs from 'node:fs';
import path from 'node:path';
import { languageModelToolsContribution } from '../src/core/toolSchemas';

/** package.json's text with its `contributes.languageModelTools` replaced by the generated entries (2-space JSON). */
export function withPackageTools(packageText: string): string {
  const pkg = JSON.parse(packageText) as { contributes: Record<string, unknown> };
  pkg.contributes.languageModelTools = languageModelToolsContribution();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const file = path.resolve(__dirname, '..', 'package.json');
  const before = fs.readFileSync(file, 'utf8');
  const after = withPackageTools(before);
  if (after !== before) fs.writeFileSync(file, after);
  process.stdout.write(
    `package.json: ${after === before ? 'languageModelTools already current' : 'languageModelTools written'}\n`,
  );
}
