// The next meeting's rules, pure (no runtime `vscode` import; tested in Node with a fake clock): which meeting is
// next, what the status bar says about it, when a reminder is due, when the text changes, and when to poll Graph.
// nextMeeting.ts turns these decisions into the status bar item, the reminder and the timers.
import type { CalendarEntry, TimeWindow } from '../graph/calendarView';

const minute = 60_000;
/** Graph is asked at most this often (while a window is focused and someone is signed in). */
export const pollIntervalMs = 5 * minute;
/** A meeting that started less than this long ago is still shown ("now"), so a late joiner finds it. */
export const joinGraceMs = 10 * minute;
/** How far ahead the calendar is read. */
export const lookaheadMs = 24 * 60 * minute;
/** The longest subject the status bar shows (longer ones end with "…"). */
export const maxSubjectLength = 40;

/** The window read at each poll: from a meeting that may still be joined to the next 24 hours. */
export function lookaheadWindow(now: number): TimeWindow {
  return { start: now - joinGraceMs, end: now + lookaheadMs };
}

/** Entries a person would attend: not cancelled, not declined, not all-day. */
function attended(e: CalendarEntry): boolean {
  return !e.isCancelled && !e.isAllDay && e.response !== 'declined';
}

/**
 * The meeting to show: one that started less than `joinGraceMs` ago, else the first one still to start, else one
 * running (nothing else comes); undefined when there is none.
 */
export function nextMeeting(entries: readonly CalendarEntry[], now: number): CalendarEntry | undefined {
  const live = entries.filter((e) => attended(e) && e.end > now);
  const byStart = [...live].sort((a, b) => a.start - b.start);
  const justStarted = byStart.filter((e) => e.start <= now && now - e.start < joinGraceMs).pop();
  if (justStarted) return justStarted;
  return byStart.find((e) => e.start > now) ?? byStart.filter((e) => e.start <= now).pop();
}

/** When the meeting starts, as the status bar says it. */
export type StartsWhen =
  | { kind: 'now' }
  /** Under an hour away: whole minutes, rounded up (never 0). */
  | { kind: 'minutes'; minutes: number }
  /** An hour or more away: the start time (the host formats it in the user's zone). */
  | { kind: 'at'; start: number };

/** What the status bar shows: the subject (shortened; '' when it has none) and when it starts. */
export function statusText(entry: CalendarEntry, now: number): { subject: string; when: StartsWhen } {
  const trimmed = entry.subject.trim();
  const subject =
    trimmed.length > maxSubjectLength ? `${trimmed.slice(0, maxSubjectLength - 1).trimEnd()}…` : trimmed;
  const left = entry.start - now;
  if (left <= 0) return { subject, when: { kind: 'now' } };
  const minutes = Math.ceil(left / minute);
  return { subject, when: minutes < 60 ? { kind: 'minutes', minutes } : { kind: 'at', start: entry.start } };
}

/** Status bar text shows `$(name)` as an icon: a subject's own `$(` is escaped (`\$(`) so it stays text. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** A reminder to show; `key` marks it as shown (the same meeting moved to another time is reminded again). */
export interface DueReminder {
  key: string;
  entry: CalendarEntry;
}

/** Reminders due at `now`: `leadMinutes` before an attended meeting's start until it starts; none when the lead is 0. */
export function dueReminders(
  entries: readonly CalendarEntry[],
  now: number,
  leadMinutes: number,
  shown: ReadonlySet<string>,
): DueReminder[] {
  if (leadMinutes <= 0) return [];
  return entries
    .filter((e) => attended(e) && e.start - leadMinutes * minute <= now && now < e.start)
    .map((entry) => ({ key: `${entry.id}\n${entry.start}`, entry }))
    .filter((r) => !shown.has(r.key));
}

/**
 * How long until the shown text or a reminder changes (a local timer, no Graph call): the next minute boundary before
 * the shown meeting's start, or the next reminder, whichever is first; between 1 s and 1 min. Undefined when nothing
 * is coming.
 */
export function msUntilNextChange(
  entries: readonly CalendarEntry[],
  now: number,
  leadMinutes: number,
): number | undefined {
  const shown = nextMeeting(entries, now);
  const moments: number[] = [];
  if (shown) {
    const left = shown.start - now;
    moments.push(left > 0 ? left % minute || minute : shown.end - now);
  }
  if (leadMinutes > 0) {
    for (const e of entries) {
      const at = e.start - leadMinutes * minute - now;
      if (attended(e) && at > 0) moments.push(at);
    }
  }
  if (moments.length === 0) return undefined;
  return Math.min(minute, Math.max(1000, Math.min(...moments)));
}

/** What the poller knows. */
export interface PollState {
  now: number;
  /** When Graph was last asked (undefined: never, or the account changed). */
  lastPoll: number | undefined;
  signedIn: boolean;
  /** `window.state.focused`. */
  focused: boolean;
  /** The status bar item or the reminders are on. */
  enabled: boolean;
}

/**
 * Whether to ask Graph now, and how long until the next check (absent: wait for focus, sign-in or a setting to
 * change). Never while signed out, unfocused or with everything off; otherwise at most every `pollIntervalMs`.
 */
export function pollPlan(s: PollState): { pollNow: boolean; waitMs?: number } {
  if (!s.signedIn || !s.focused || !s.enabled) return { pollNow: false };
  if (s.lastPoll === undefined || s.now - s.lastPoll >= pollIntervalMs)
    return { pollNow: true, waitMs: pollIntervalMs };
  return { pollNow: false, waitMs: s.lastPoll + pollIntervalMs - s.now };
}

/** The day (`YYYY-MM-DD`) of an instant in a zone. */
function dayIn(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

/** Today's meetings (in `timeZone`) that have not ended, soonest first: the click's list. */
export function restOfDay(entries: readonly CalendarEntry[], now: number, timeZone: string): CalendarEntry[] {
  const today = dayIn(now, timeZone);
  return entries
    .filter((e) => attended(e) && e.end > now && dayIn(e.start, timeZone) <= today)
    .sort((a, b) => a.start - b.start);
}
