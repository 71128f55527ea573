// Where a token could go, checked over the product's sources: one place reads it, and the extension has no
// storage but globalState (meeting records, pending creates, a signed-out flag).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const srcRoot = path.resolve(__dirname, '../../src');

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts'))
        out.push({ file: path.relative(srcRoot, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(srcRoot);
  return out;
}

describe('token confinement over the sources', () => {
  it('reads the access token in one place, Auth.token, which registers it for redaction', () => {
    const readers = sources().filter((s) => /\.accessToken\b/.test(s.text));
    assert.deepEqual(
      readers.map((s) => s.file),
      [path.join('host', 'auth.ts')],
    );
    const auth = readers[0]!.text;
    assert.equal(auth.match(/\.accessToken\b/g)?.length, 1);
    assert.match(auth, /const token = \(await this\.session\(\)\)\.accessToken;\s*rememberSecret\(token\);/);
  });

  it('uses no secret storage, workspace state, storage folders or file writes', () => {
    for (const { file, text } of sources()) {
      assert.doesNotMatch(text, /\.secrets\b|workspaceState|globalStorageUri|storageUri|logUri/, file);
      assert.doesNotMatch(text, /\bwriteFile(Sync)?\(|\bappendFile(Sync)?\(|createWriteStream\(/, file);
    }
  });
});
