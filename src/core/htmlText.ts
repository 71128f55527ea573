// Plain text from a Graph HTML body, for showing an existing meeting's body in the form.
// Display only: what the user does not edit is never sent back, and an edited body is sent as text.
import { MAX_HTML_LENGTH, findOpenTag, tokenizeHtml } from './htmlTokens';
import { findJoinBlock } from './mapping';

export { MAX_HTML_LENGTH };
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the named entities Outlook writes and every numeric one. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

const hiddenBlocks = new Set(['script', 'style', 'head', 'title']);
const blockNames = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'hr']);
const headingName = /^h[1-6]$/;

/**
 * The visible text of an HTML body: tags dropped, blocks and `<br>` as line breaks, entities decoded,
 * `script`/`style`/`head`/`title` left out. One pass (linear on any input); only the first
 * `MAX_HTML_LENGTH` characters are read.
 */
export function htmlToText(html: string): string {
  const capped = html.length > MAX_HTML_LENGTH ? html.slice(0, MAX_HTML_LENGTH) : html;
  const open = findOpenTag(capped, 'body');
  const lower = capped.toLowerCase();
  let body = capped;
  if (open) {
    const close = lower.indexOf('</body>', open.end);
    body = capped.slice(open.end, close === -1 ? capped.length : close);
  }
  const lowerBody = open ? body.toLowerCase() : lower;
  const out: string[] = [];
  /** Per hidden element name, where its next closing tag starts (-1: none left). */
  const nextClose = new Map<string, number>();
  let skipUntil = -1;
  tokenizeHtml(body, 0, (t) => {
    if (t.start < skipUntil) return;
    if (t.kind === 'text') out.push(body.slice(t.start, t.end).replace(/\s+/g, ' '));
    if (t.kind !== 'tag') return;
    if (!t.closing && hiddenBlocks.has(t.name)) {
      let close = nextClose.get(t.name);
      if (close === undefined || (close !== -1 && close < t.end)) {
        close = findClosingTag(lowerBody, t.name, t.end);
        nextClose.set(t.name, close);
      }
      if (close !== -1) skipUntil = lowerBody.indexOf('>', close) + 1;
      return;
    }
    if (t.name === 'br' && !t.closing) out.push('\n');
    else if (blockNames.has(t.name) || headingName.test(t.name)) out.push('\uE000');
  });
  const text = out.join('').replace(/[ \n]*\uE000[\uE000 \n]*/g, '\n');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Where the first `</name` followed by optional spaces and `>` at or after `from` starts, or -1. */
function findClosingTag(lower: string, name: string, from: number): number {
  const closeTag = new RegExp(`<\\/${name}\\s*>`, 'y');
  for (let at = lower.indexOf(`</${name}`, from); at !== -1; at = lower.indexOf(`</${name}`, at + 1)) {
    closeTag.lastIndex = at;
    if (closeTag.test(lower)) return at;
  }
  return -1;
}

/** A meeting body as the form shows it: plain text, without Graph's Teams join block (which is kept on update). */
export function bodyForEditing(content: string, contentType: 'text' | 'html', joinUrl?: string): string {
  const span = findJoinBlock(content, contentType, joinUrl);
  const own = span ? content.slice(0, span.start) : content;
  return contentType === 'html' ? htmlToText(own) : own.trim();
}
