import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../..');

/** Issue 9, point 7: the bodies sent and the fields read are typed by Microsoft's Graph types. */
describe('Graph bodies typed by @microsoft/microsoft-graph-types', function () {
  this.timeout(120_000);

  it('a misspelled property or a value Graph does not allow fails to compile (test/types/graphPayload.ts)', () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'Node16', '--moduleResolution', 'Node16'];
    // Throws with tsc's output when an expected error is missing (an unused @ts-expect-error) or another appears.
    execFileSync(process.execPath, [tsc, ...args, '--target', 'ES2022', 'test/types/graphPayload.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
  });

  it('the Graph types are type-only: the core bundle holds nothing of them', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'src/core/mapping.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      metafile: true,
    });
    const inputs = Object.keys(out.metafile.inputs);
    assert.ok(inputs.some((i) => i.endsWith('src/core/mapping.ts')));
    assert.deepEqual(
      inputs.filter((i) => i.includes('microsoft-graph-types')),
      [],
    );
    assert.doesNotMatch(out.outputFiles[0]!.text, /microsoft-graph-types/);
  });
});
