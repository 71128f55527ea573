// Pure parts of "Schedule Meeting about Selection": the lines a selection covers, the subject, the agenda text and
// the people `git blame` names. No `vscode` here (lint rule); src/host/selectionMeeting.ts does the editor and git I/O.
import { SUBJECT_MAX } from '../core/fields';

/** Someone suggested as an attendee. */
export interface SuggestedPerson {
  name: string;
  address: string;
}

/** 1-based first and last line of a selection (0-based positions); a last line selected only up to its start is out. */
export function selectedLines(
  start: { line: number; character: number },
  end: { line: number; character: number },
): { startLine: number; endLine: number } {
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return { startLine: start.line + 1, endLine: last + 1 };
}

/** The subject from the file name, in the translated template `{0}`, within Outlook's subject limit. */
export function codeSubject(path: string, template: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return template.replace('{0}', name).slice(0, SUBJECT_MAX);
}

/** What the agenda holds: a heading naming file and lines, the web link if any, and the code. */
export interface AgendaParts {
  heading: string;
  link?: string;
  code: string;
  /** The editor's language ID, named after the opening fence (left out for plain text). */
  languageId: string;
  /** The longest agenda; the code is cut to fit, and `truncated` said after it. */
  maxLength?: number;
  truncated?: string;
}

/**
 * The agenda as the form's message, which is plain text (the form sends its body as `text`, see
 * `formToScheduleInput`): nothing is escaped, so `<`, `&` and the like reach the invitation as typed. The code sits
 * in a Markdown-style fence longer than any run of backticks inside it, so the block cannot end early.
 */
export function codeAgenda(parts: AgendaParts): string {
  let code = parts.code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const longestRun = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const language = parts.languageId === 'plaintext' ? '' : parts.languageId.replace(/[^\w+#.-]/g, '');
  const head = `${parts.heading}\n${parts.link ? `${parts.link}\n` : ''}\n${fence}${language}\n`;
  const build = (c: string, note: string): string => `${head}${c}\n${fence}\n${note}`;
  const max = parts.maxLength;
  if (max === undefined || build(code, '').length <= max) return build(code, '');
  const note = `${parts.truncated ?? ''}\n`;
  const room = Math.max(0, max - build('', note).length);
  code = code.slice(0, room).replace(/\n[^\n]*$/, '');
  return build(code, note);
}

/** Commits that are not commits: lines changed but not committed yet. */
const uncommitted = /^0{40}$/;

/** Addresses that reach nobody: hosts' privacy addresses and placeholders. */
function deliverable(address: string): boolean {
  return (
    /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address) &&
    !/@users\.noreply\.(github\.com|gitlab\.com)$/i.test(address) &&
    !/^noreply@/i.test(address)
  );
}

/**
 * The people who last changed the blamed lines, from `git blame --line-porcelain` output: the author of each line,
 * most lines first (then first seen), one entry per address (case-insensitive), without uncommitted lines, the
 * `exclude`d addresses (the user's own) and addresses that reach nobody; at most `max` (default 10).
 */
export function parseBlame(
  output: string,
  options: { exclude?: string[]; max?: number } = {},
): SuggestedPerson[] {
  const excluded = new Set((options.exclude ?? []).map((a) => a.toLowerCase()));
  const people = new Map<string, SuggestedPerson & { lines: number; order: number }>();
  let sha: string | undefined;
  let name = '';
  for (const line of output.split('\n')) {
    // A line's content starts with a tab; headers cannot, so code that looks like a header is never read as one.
    if (line.startsWith('\t')) continue;
    const header = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ \d+/.exec(line);
    if (header) {
      sha = header[1];
      name = '';
    } else if (line.startsWith('author ')) name = line.slice(7).trim();
    else if (line.startsWith('author-mail ') && sha && !uncommitted.test(sha)) {
      const address = line.slice(12).trim().replace(/^<|>$/g, '');
      const key = address.toLowerCase();
      if (!deliverable(address) || excluded.has(key)) continue;
      const known = people.get(key);
      if (known) known.lines++;
      else people.set(key, { name: name || address, address: key, lines: 1, order: people.size });
    }
  }
  return [...people.values()]
    .sort((a, b) => b.lines - a.lines || a.order - b.order)
    .slice(0, options.max ?? 10)
    .map(({ name: n, address }) => ({ name: n, address }));
}
