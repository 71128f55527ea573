import assert from 'node:assert/strict';
import { MAX_HTML_LENGTH, bodyForEditing, htmlToText } from '../../src/core/htmlText';
import { findJoinBlock } from '../../src/core/mapping';

/** Repeats `unit` to about 1 MB. */
const mb = (unit: string): string => unit.repeat(Math.ceil(1_048_576 / unit.length));
/** Repeats `unit` to about half a megabyte (two of them make 1 MB). */
const halfMb = (unit: string): string => unit.repeat(Math.ceil(524_288 / unit.length));
const sep = '_'.repeat(40);
const marker = `${sep}<a href="https://teams.microsoft.com/l/meetup-join/x">Join Microsoft Teams Meeting</a>`;

// Issue 10, point 3: both parsers were quadratic on hostile input (seconds to minutes at 1 MB). The time
// is measured in the bench (`html parsing` entries); these check that 1 MB of each shape gives the right
// answer, under mocha's generous timeout.
describe('hostile HTML: 1 MB of each shape is parsed (issue 10, point 3)', function () {
  this.timeout(60_000);

  it('findJoinBlock: deep nesting, closed before the separator', () => {
    const head = '<div>'.repeat(95_000) + '</div>'.repeat(95_000);
    const span = findJoinBlock(head + marker, 'html');
    assert.deepEqual(span, { start: head.length, end: head.length + marker.length });
  });

  it('findJoinBlock: deep nesting around the separator', () => {
    const html = halfMb('<div>') + marker + halfMb('</div>');
    assert.deepEqual(findJoinBlock(html, 'html'), { start: 0, end: html.length });
  });

  it('findJoinBlock: deep nesting and stray closing tags', () => {
    const html = halfMb('<div>') + halfMb('</p>') + marker;
    assert.deepEqual(findJoinBlock(html, 'html'), { start: 0, end: html.length });
  });

  it('findJoinBlock: visible text inside deep nesting stops the block at the innermost element', () => {
    const html = `${mb('<div>x')}<div>${marker}`;
    assert.deepEqual(findJoinBlock(html, 'html'), { start: html.length - marker.length - 5, end: html.length });
  });

  it('findJoinBlock: many separators and no Teams marker', () => {
    assert.equal(findJoinBlock(mb(`${sep}x`), 'html'), undefined);
    assert.equal(findJoinBlock(mb(`${sep}\n`), 'text'), undefined);
  });

  it('findJoinBlock: many separators, the marker at the end: the first separator starts the block', () => {
    const html = mb(`${sep}x`) + marker;
    assert.deepEqual(findJoinBlock(html, 'html'), { start: 0, end: html.length });
  });

  it('findJoinBlock: unclosed tags, comments and body tags before the separator', () => {
    for (const unit of ['<a', '<!--', '<div><!--', '<b x="']) {
      const html = mb(unit) + marker;
      const span = findJoinBlock(html, 'html');
      assert.ok(span, unit);
      assert.equal(span.end, html.length, unit);
    }
  });

  it('htmlToText: unclosed tags, comments and body tags stay as text', () => {
    for (const unit of ['<a', '<!--', '<body', '<b x="']) {
      const html = mb(unit);
      assert.equal(htmlToText(html), html.trim(), unit);
    }
  });

  it('htmlToText: unclosed script, style and head blocks', () => {
    assert.equal(htmlToText(mb('<script>')), '');
    assert.equal(htmlToText(`${mb('<style>a')}b`), 'a'.repeat(Math.ceil(1_048_576 / 8)) + 'b');
    assert.equal(htmlToText(`<head><title>t</title></head>${mb('<head>')}x`), 'x');
  });

  it('htmlToText: deep nesting keeps the text', () => {
    assert.equal(htmlToText(`${halfMb('<div>')}hello${halfMb('</div>')}`), 'hello');
    assert.equal(htmlToText(`${mb('<span>')}hello`), 'hello');
  });

  it('bodyForEditing: 1 MB body with a join block at the end', () => {
    const html = `<html><body>${mb('<p>agenda</p>')}<div>${marker}</div></body></html>`;
    const text = bodyForEditing(html, 'html');
    assert.ok(text.startsWith('agenda\nagenda'));
    assert.ok(!text.includes('Teams'));
  });

  it('input past MAX_HTML_LENGTH is cut, not parsed whole', () => {
    const big = 'a'.repeat(MAX_HTML_LENGTH) + 'tail';
    assert.equal(htmlToText(big).length, MAX_HTML_LENGTH);
    assert.equal(findJoinBlock('x'.repeat(MAX_HTML_LENGTH) + marker, 'html'), undefined);
  });
});
