// Plain text from a Graph HTML body, for showing an existing meeting's body in the form.
// Display only: what the user does not edit is never sent back, and an edited body is sent as text.
import { findJoinBlock } from './mapping';

const blockTags = /<\/?(p|div|li|ul|ol|tr|table|h[1-6]|blockquote|pre|hr)\b[^>]*>/gi;
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

/** The visible text of an HTML body: tags dropped, blocks and `<br>` as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(<\/body>|$)/i.exec(html)?.[1] ?? html;
  const text = body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(blockTags, '\uE000')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \n]*\uE000[\uE000 \n]*/g, '\n');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A meeting body as the form shows it: plain text, without Graph's Teams join block (which is kept on update). */
export function bodyForEditing(content: string, contentType: 'text' | 'html', joinUrl?: string): string {
  const span = findJoinBlock(content, contentType, joinUrl);
  const own = span ? content.slice(0, span.start) : content;
  return contentType === 'html' ? htmlToText(own) : own.trim();
}
