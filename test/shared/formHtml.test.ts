// The form page's HTML shell (src/shared/formHtml.ts): the chunks the entry imports first are preloaded under the
// script's nonce, and the host reads their names from the build's dist/webview/preload.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFormPreloads, renderFormHtml } from '../../src/shared/formHtml';

const options = {
  cspSource: 'https://webview.test',
  nonce: 'abcdefghijklmnop0123',
  scriptUri: 'https://webview.test/form.js',
  styleUri: 'https://webview.test/form.css',
  lang: 'en',
};

describe('form page HTML: module preloads (src/shared/formHtml.ts)', () => {
  it('lists each preloaded chunk as a modulepreload link carrying the nonce, escaped', () => {
    const html = renderFormHtml({
      ...options,
      preloadUris: ['https://webview.test/app-ABCD1234.js', 'https://webview.test/x".js'],
    });
    assert.ok(
      html.includes(
        '<link rel="modulepreload" nonce="abcdefghijklmnop0123" href="https://webview.test/app-ABCD1234.js">',
      ),
    );
    assert.ok(html.includes('href="https://webview.test/x&#34;.js"'));
    assert.equal(html.split('rel="modulepreload"').length - 1, 2);
  });

  it('renders no preload without the list', () => {
    assert.ok(!renderFormHtml(options).includes('modulepreload'));
  });

  describe('readFormPreloads', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'om-preload.'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the build's chunk names", () => {
      fs.writeFileSync(path.join(dir, 'preload.json'), '["app-ABCD1234.js","chunk-EFGH5678.js"]\n');
      assert.deepEqual(readFormPreloads(dir), ['app-ABCD1234.js', 'chunk-EFGH5678.js']);
    });

    it('gives none when the list is missing or unreadable (the page then loads its chunks as it imports them)', () => {
      assert.deepEqual(readFormPreloads(dir), []);
      fs.writeFileSync(path.join(dir, 'preload.json'), '{"not":"a list"}');
      assert.deepEqual(readFormPreloads(dir), []);
    });

    it('keeps only plain chunk file names (nothing that leaves the folder)', () => {
      fs.writeFileSync(path.join(dir, 'preload.json'), '["../secret.js","a/b.js","ok-X1.js",3,"x.css"]');
      assert.deepEqual(readFormPreloads(dir), ['ok-X1.js']);
    });
  });
});
