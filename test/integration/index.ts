import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { registerStandInAuth } from './standInAuth';

/** Finds the compiled test files next to this runner (recursively), sorted. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? testFiles(path.join(dir, e.name))
        : e.name.endsWith('.test.js')
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

/** Entry point the extension host calls (`extensionTestsPath`): registers the stand-in sign-in, then runs mocha. */
export async function run(): Promise<void> {
  registerStandInAuth();
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.OM_TEST_TIMEOUT_MS ?? 30_000),
    ...(process.env.OM_TEST_GREP ? { grep: process.env.OM_TEST_GREP } : {}),
  });
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`No compiled tests (*.test.js) in ${__dirname}`);
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed`);
}
