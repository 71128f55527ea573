import assert from 'node:assert/strict';
import { codeAgenda, codeSubject, parseBlame, selectedLines } from '../../src/host/codeMeeting';

const sha = (c: string): string => c.repeat(40);

/** `git blame --line-porcelain` output for lines by the given authors. */
function porcelain(lines: { sha: string; name: string; mail: string; text: string }[]): string {
  return lines
    .map(
      (l, i) =>
        `${l.sha} ${i + 1} ${i + 1} 1\nauthor ${l.name}\nauthor-mail <${l.mail}>\nauthor-time 1700000000\n` +
        `author-tz +0100\ncommitter ${l.name}\ncommitter-mail <${l.mail}>\ncommitter-time 1700000000\n` +
        `committer-tz +0100\nsummary change\nfilename a.ts\n\t${l.text}\n`,
    )
    .join('');
}

describe('meetings about code: pure parts', () => {
  it('finds who last changed the lines, most lines first, each once, skipping uncommitted and undeliverable ones', () => {
    const out = porcelain([
      { sha: sha('a'), name: 'Ana López', mail: 'ana@contoso.example', text: 'x' },
      { sha: sha('b'), name: 'Bo', mail: 'bo@contoso.example', text: 'author fake line' },
      { sha: sha('b'), name: 'Bo', mail: 'BO@contoso.example', text: 'y' },
      { sha: sha('0'), name: 'Not Committed Yet', mail: 'not.committed.yet', text: 'z' },
      { sha: sha('c'), name: 'Cy', mail: '123+cy@users.noreply.github.com', text: 'z' },
      { sha: sha('d'), name: 'Me', mail: 'me@contoso.example', text: 'z' },
      { sha: sha('e'), name: 'Nobody', mail: 'not-an-address', text: 'z' },
    ]);
    assert.deepEqual(parseBlame(out, { exclude: ['ME@contoso.example'] }), [
      { name: 'Bo', address: 'bo@contoso.example' },
      { name: 'Ana López', address: 'ana@contoso.example' },
    ]);
  });

  it('keeps at most the given number of people and ignores garbage', () => {
    const many = porcelain(
      Array.from({ length: 15 }, (_, i) => ({
        sha: sha(((i % 9) + 1).toString()),
        name: `P${i}`,
        mail: `p${i}@x.example`,
        text: '',
      })),
    );
    assert.equal(parseBlame(many, { max: 10 }).length, 10);
    assert.deepEqual(parseBlame('fatal: no such path\n'), []);
    assert.deepEqual(parseBlame(''), []);
  });

  it('turns a selection into 1-based lines, leaving out a last line selected only up to its start', () => {
    assert.deepEqual(selectedLines({ line: 4, character: 2 }, { line: 9, character: 0 }), {
      startLine: 5,
      endLine: 9,
    });
    assert.deepEqual(selectedLines({ line: 4, character: 2 }, { line: 9, character: 1 }), {
      startLine: 5,
      endLine: 10,
    });
    assert.deepEqual(selectedLines({ line: 4, character: 0 }, { line: 4, character: 0 }), {
      startLine: 5,
      endLine: 5,
    });
  });

  it('takes the subject from the file name', () => {
    assert.equal(codeSubject('src/host/tree.ts', 'Discuss {0}'), 'Discuss tree.ts');
    assert.equal(codeSubject('C:\\repo\\Main.java', 'Discuss {0}'), 'Discuss Main.java');
    assert.ok(codeSubject(`${'x'.repeat(400)}.ts`, 'Discuss {0}').length <= 255);
  });

  it('puts the place first, then the code in a fence longer than any backtick run inside it', () => {
    const agenda = codeAgenda({
      heading: 'src/a.ts, lines 3-4',
      link: 'https://github.com/o/r/blob/c/src/a.ts#L3-L4',
      code: 'const s = `x`;\n// ```` four\r\n<b>&amp;</b>\n',
      languageId: 'typescript',
    });
    assert.equal(
      agenda,
      'src/a.ts, lines 3-4\nhttps://github.com/o/r/blob/c/src/a.ts#L3-L4\n\n`````typescript\n' +
        'const s = `x`;\n// ```` four\n<b>&amp;</b>\n`````\n',
    );
    assert.equal(
      codeAgenda({ heading: 'a.ts, line 1', code: 'x', languageId: 'plaintext' }),
      'a.ts, line 1\n\n```\nx\n```\n',
    );
  });

  it('cuts code that would not fit the message, and says so', () => {
    const agenda = codeAgenda({
      heading: 'a.ts',
      code: 'y'.repeat(200),
      languageId: 'plaintext',
      maxLength: 100,
      truncated: '(cut)',
    });
    assert.ok(agenda.length <= 100, String(agenda.length));
    assert.ok(agenda.endsWith('```\n(cut)\n'));
  });
});
