// Spanish completeness: every English message of the host bundle (host strings, the form's strings, validation
// messages) and of package.nls.json has a non-empty Spanish text with the same placeholders and command links.
// `npx tsx scripts/l10nMissing.ts` lists what is left.
import assert from 'node:assert/strict';
import { formatWhen } from '../../src/host/treeModel';
import { markers, readStrings, translationFiles, translationProblems } from '../../scripts/l10nMissing';

describe('Spanish (es)', () => {
  for (const { english, translated } of translationFiles('es')) {
    it(`${translated} has every key of ${english}, none empty, with the same placeholders, and no stale key`, () => {
      assert.deepEqual(translationProblems(readStrings(english), readStrings(translated)), {
        missing: [],
        empty: [],
        placeholders: [],
        stale: [],
      });
    });
  }

  it('compares placeholders and command links, not words', () => {
    assert.deepEqual(markers('Cancel "{0}" ({1})? [Open](command:a.b) {name}'), [
      '(command:a.b)',
      '{0}',
      '{1}',
      '{name}',
    ]);
    assert.deepEqual(
      translationProblems(
        { a: '{0} of {1}', b: 'x', c: 'y', d: '[Go](command:x.y)' },
        { a: '{1} de {0}', b: ' ', d: '[Ir](command:x.z)', e: 'z' },
      ),
      { missing: ['c'], empty: ['b'], placeholders: ['d'], stale: ['e'] },
    );
  });

  it("writes the tree's dates in the display language", () => {
    const start = Date.UTC(2030, 5, 3, 8, 0);
    const end = Date.UTC(2030, 5, 3, 8, 30);
    const es = formatWhen(start, end, 'es', 'Europe/Madrid');
    assert.match(es, /jun/i, es);
    assert.match(es, /10:00/, es);
    assert.notEqual(es, formatWhen(start, end, 'en', 'Europe/Madrid'));
  });
});
