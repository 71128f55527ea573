// A single-pass HTML tokenizer for Graph bodies: linear in the input whatever its shape (unclosed tags,
// comments and script blocks included), so hostile bodies cannot stall the extension host.

/**
 * Longest HTML body (characters) the body parsers read (`htmlToText` reads this much, `findJoinBlock` finds
 * no join block in a longer one). Meeting bodies are a few kilobytes; Graph caps a request far lower.
 */
export const MAX_HTML_LENGTH = 2_000_000;

/** One piece of HTML: `[start, end)` offsets into the input. */
export type HtmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'comment'; start: number; end: number }
  /** `<!DOCTYPE ...>`, `<?...>`, an unclosed `<!--` up to the next `>`: invisible, no element. */
  | { kind: 'markup'; start: number; end: number }
  | { kind: 'tag'; start: number; end: number; name: string; closing: boolean; selfClosing: boolean };

const nameChar = /[A-Za-z0-9:-]/;
const letter = /[A-Za-z]/;

/**
 * Calls `visit` with each token of `html` from `from` (a tag's position) to the end, in order; `visit`
 * returns `false` to stop. A `<` that starts no tag, comment or markup (no `>` follows) is text. Each search
 * for a closing `>` or `-->` resumes where the last one ended, so the whole pass is linear.
 */
export function tokenizeHtml(html: string, from: number, visit: (token: HtmlToken) => boolean | void): void {
  let nextGt = -2;
  let nextCommentEnd = -2;
  /** The first `>` at or after `at`, reusing the previous answer while it is still ahead. */
  const gtFrom = (at: number): number => {
    if (nextGt !== -1 && nextGt < at) nextGt = html.indexOf('>', at);
    return nextGt;
  };
  /** The same for `-->`. */
  const commentEndFrom = (at: number): number => {
    if (nextCommentEnd !== -1 && nextCommentEnd < at) nextCommentEnd = html.indexOf('-->', at);
    return nextCommentEnd;
  };
  let textStart = from;
  let i = from;
  const flushText = (end: number): boolean => {
    if (end > textStart && visit({ kind: 'text', start: textStart, end }) === false) return false;
    return true;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    let token: HtmlToken | undefined;
    if (html.startsWith('<!--', lt)) {
      const close = commentEndFrom(lt + 4);
      if (close !== -1) token = { kind: 'comment', start: lt, end: close + 3 };
    }
    if (!token) {
      const closing = html[lt + 1] === '/';
      const nameStart = closing ? lt + 2 : lt + 1;
      const gt = gtFrom(lt + 1);
      if (gt !== -1) {
        if (letter.test(html[nameStart] ?? '')) {
          let nameEnd = nameStart + 1;
          while (nameEnd < gt && nameChar.test(html[nameEnd]!)) nameEnd++;
          token = {
            kind: 'tag',
            start: lt,
            end: gt + 1,
            name: html.slice(nameStart, nameEnd).toLowerCase(),
            closing,
            selfClosing: html[gt - 1] === '/',
          };
        } else {
          token = { kind: 'markup', start: lt, end: gt + 1 };
        }
      }
    }
    if (!token) {
      i = lt + 1;
      continue;
    }
    if (!flushText(lt) || visit(token) === false) return;
    i = textStart = token.end;
  }
  flushText(html.length);
}

/** The first tag named `name` (lower case) that opens, or undefined. */
export function findOpenTag(html: string, name: string): Extract<HtmlToken, { kind: 'tag' }> | undefined {
  let found: Extract<HtmlToken, { kind: 'tag' }> | undefined;
  tokenizeHtml(html, 0, (t) => {
    if (t.kind === 'tag' && !t.closing && t.name === name) {
      found = t;
      return false;
    }
    return true;
  });
  return found;
}
