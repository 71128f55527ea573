// What the meetings tree shows, computed without `vscode`: groups, labels, context values, tooltips.
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { Recurrence, RecurrencePatternType, RecurrenceRangeType } from '../core/recurrence';
import {
  describeRecurrence,
  recurrencePatternTypes,
  recurrenceRangeTypes,
  weekDays,
} from '../core/recurrence';
import type { RecurrenceStrings } from '../core/recurrenceStrings';
import type { Attendee, AttendeeResponse, GraphDateTime, MeetingType } from '../core/types';
import type { MeetingGroups, ResponseCounts, StoredMeeting } from '../store/meetingStore';
import { seriesEnd } from '../store/meetingStore';

export type GroupId = keyof MeetingGroups;

/** Group order in the tree. */
export const groupOrder: readonly GroupId[] = ['upcoming', 'past', 'cancelled'];

/** Display state of a meeting, also the middle part of its context value. */
export type MeetingState = 'upcoming' | 'past' | 'cancelled' | 'deleted';

/** The state shown for a meeting at `now`. */
export function meetingState(m: StoredMeeting, now: number): MeetingState {
  if (m.status === 'deleted') return 'deleted';
  if (m.status === 'cancelled') return 'cancelled';
  return (m.recurrence ? seriesEnd(m) : m.end) > now ? 'upcoming' : 'past';
}

/**
 * The tree item's context value: `meeting.<state>[.online][.organizer][.series]`, e.g.
 * `meeting.upcoming.online.organizer.series` (a series master). Menus match it with regular expressions
 * (`viewItem =~ /^meeting\.upcoming\b/`).
 */
export function meetingContextValue(m: StoredMeeting, now: number): string {
  let v = `meeting.${meetingState(m, now)}`;
  if (m.online) v += '.online';
  if (m.organizer) v += '.organizer';
  if (seriesRecurrence(m)) v += '.series';
  return v;
}

/**
 * A stored series master's recurrence, or undefined. It was validated when read from Graph (`fromGraphRecurrence`);
 * here only its shape is checked, so a damaged record counts as none without the full validator (which would weigh
 * on the activation bundle).
 */
function seriesRecurrence(m: StoredMeeting): Recurrence | undefined {
  const r = m.recurrence as unknown;
  if (typeof r !== 'object' || r === null) return undefined;
  const { pattern, range } = r as Partial<Record<keyof Recurrence, unknown>>;
  if (typeof pattern !== 'object' || pattern === null || typeof range !== 'object' || range === null)
    return undefined;
  const p = pattern as Partial<Recurrence['pattern']>;
  const days = p.daysOfWeek;
  const ok =
    recurrencePatternTypes.includes(p.type as RecurrencePatternType) &&
    Number.isSafeInteger(p.interval) &&
    (days === undefined || (Array.isArray(days) && days.every((d) => weekDays.includes(d)))) &&
    recurrenceRangeTypes.includes((range as Partial<Recurrence['range']>).type as RecurrenceRangeType);
  return ok ? (r as Recurrence) : undefined;
}

/** A series master's pattern, "weekly, Mon and Wed" (`describeRecurrence`); undefined for any other meeting. */
export function seriesText(
  m: StoredMeeting,
  locale: string | undefined,
  strings?: RecurrenceStrings,
): string | undefined {
  const r = seriesRecurrence(m);
  if (!r) return undefined;
  try {
    return describeRecurrence(r, locale, strings);
  } catch {
    return undefined;
  }
}

/**
 * The window of occurrences offered to pick from: over a year (366 days) from `now`, or from the series' first start
 * when it lies ahead (a series starting in a year has no occurrence in the next one).
 */
export function occurrenceWindow(now: number, firstStart?: number): { start: number; end: number } {
  const start = firstStart !== undefined && Number.isFinite(firstStart) ? Math.max(now, firstStart) : now;
  return { start, end: start + 366 * 86_400_000 };
}

/** What a cancel of a meeting of this Graph `type` cancels ("event resource type"; Graph's rule for series IDs). */
export function cancelScope(type: MeetingType | undefined): 'series' | 'occurrence' | 'meeting' {
  if (type === 'seriesMaster') return 'series';
  if (type === 'occurrence' || type === 'exception') return 'occurrence';
  return 'meeting';
}

/** The formats of an occurrence (weekday, date and time), a time of day, and a day. */
const rangeOptions = {
  occurrence: {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  },
  time: { hour: 'numeric', minute: '2-digit' },
  day: { dateStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached format of `kind` in the locale and zone, falling back to the defaults when one is refused. */
function rangeFormat(
  kind: keyof typeof rangeOptions,
  locale: string | undefined,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${kind}\n${locale ?? ''}\n${timeZone ?? ''}`;
  let f = rangeFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = rangeOptions[kind];
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, options);
    }
    if (rangeFormats.size >= 64) rangeFormats.clear();
    rangeFormats.set(key, f);
  }
  return f;
}

/** `start`–`end` in a format of `kind` (just `start` when the end is unusable). Never throws. */
function formatRangeOf(
  kind: keyof typeof rangeOptions,
  start: number,
  end: number,
  locale: string | undefined,
  timeZone?: string,
): string {
  if (!formattable(start)) return unknownWhen;
  const f = rangeFormat(kind, locale, timeZone);
  return formattable(end) && end >= start ? f.formatRange(start, end) : f.format(start);
}

/** An occurrence in the picker: weekday, date and time range in the display zone ("Mon, Jan 7, 2030, 10:00 – 10:30 AM"). */
export function formatOccurrence(
  start: number,
  end: number,
  locale: string | undefined,
  timeZone?: string,
): string {
  return formatRangeOf('occurrence', start, end, locale, timeZone);
}

/**
 * A series' times on its row (the pattern gives the days): the first occurrence's time of day ("10:00 – 10:30 AM"),
 * and its day ("Jun 3, 2030") only while that is still ahead of `now`.
 */
export function seriesWhen(
  m: Pick<StoredMeeting, 'start' | 'end'>,
  now: number,
  locale: string | undefined,
  timeZone?: string,
): { time: string; firstDay?: string } {
  const time = formatRangeOf('time', m.start, m.end, locale, timeZone);
  return m.start > now && formattable(m.start)
    ? { time, firstDay: rangeFormat('day', locale, timeZone).format(m.start) }
    : { time };
}

/** What clicking a meeting's row (or Enter on it) does: both open the meeting in the form (`updateMeeting`). */
export type RowAction = 'edit' | 'view';

/**
 * The row's action: a meeting the user organizes and can still change opens in the Update form, ready to edit; a
 * cancelled or deleted meeting, or one organized by someone else, opens its details in the form, read-only (the form
 * says why).
 */
export function rowAction(m: StoredMeeting, now: number): RowAction {
  const state = meetingState(m, now);
  return state !== 'cancelled' && state !== 'deleted' && m.organizer ? 'edit' : 'view';
}

interface WhenFormats {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
}

// Building an Intl.DateTimeFormat costs about 0.3 ms; a tree of 10,000 meetings needs them once, not per row.
const whenFormats = new Map<string, WhenFormats>();

/** Builds the formats, falling back to the default zone, then the default locale, when one is refused. */
function buildFormats(locale: string | undefined, timeZone: string | undefined): WhenFormats {
  try {
    return {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
      day: new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone }),
    };
  } catch {
    if (timeZone !== undefined) return buildFormats(locale, undefined);
    if (locale !== undefined) return buildFormats(undefined, undefined);
    throw new Error('Intl.DateTimeFormat refused the default locale and zone.');
  }
}

function formatsFor(locale: string | undefined, timeZone: string | undefined): WhenFormats {
  const key = `${locale ?? ''}\n${timeZone ?? ''}`;
  let f = whenFormats.get(key);
  if (!f) {
    f = buildFormats(locale, timeZone);
    if (whenFormats.size >= 32) whenFormats.clear();
    whenFormats.set(key, f);
  }
  return f;
}

/** Shown instead of a time a `Date` cannot hold (a damaged stored record). */
export const unknownWhen = '?';

/** Whether `Intl` can format the instant (finite and inside the `Date` range). */
const formattable = (t: number): boolean => Number.isFinite(t) && Math.abs(t) <= 8.64e15;

/** Formats an instant as local date and time, in the given zone when one is given. Never throws. */
export function formatWhen(
  start: number,
  end: number,
  locale: string | undefined,
  timeZone?: string,
): string {
  if (!formattable(start)) return unknownWhen;
  const { date, time, day } = formatsFor(locale, timeZone);
  if (!formattable(end)) return `${date.format(start)} – ${unknownWhen}`;
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${date.format(start)} – ${time.format(end)}`
    : `${date.format(start)} – ${date.format(end)}`;
}

/** Upcoming soonest first (the store keeps each group newest first). */
const soonestFirst = (groups: MeetingGroups): StoredMeeting[] => [...groups.upcoming].reverse();

/** The tree's groups in order, without the empty ones: Upcoming soonest first, Past and Cancelled newest first. */
export function treeGroups(groups: MeetingGroups): [GroupId, readonly StoredMeeting[]][] {
  return groupOrder
    .map((g): [GroupId, readonly StoredMeeting[]] => [g, g === 'upcoming' ? soonestFirst(groups) : groups[g]])
    .filter(([, meetings]) => meetings.length > 0);
}

/** The quick pick's order: upcoming first (soonest first), then past meetings, newest first. */
export function pickOrder(groups: MeetingGroups): StoredMeeting[] {
  return [...soonestFirst(groups), ...groups.past];
}

/**
 * What the tooltip reads from Graph on hover (`$select`): the location and the attendees with their answers (start and
 * end because every event read has them). The rest of the tooltip is the stored record.
 */
export const tooltipSelect = ['start', 'end', 'location', 'attendees'] as const;

/** The tooltip's words for each answer (`none`, Graph's default before any answer, shows nothing). */
export type AnswerNames = Record<Exclude<AttendeeResponse, 'none'>, string>;

/** A start and end, as in an attendee's proposed new time. */
export type Slot = { start: GraphDateTime; end: GraphDateTime };

/**
 * One attendee in the tooltip: `Name <address> (answer)`, plain text; a new time they proposed follows the answer, as
 * `proposal` words it (`Name <address> (declined; proposes …)`).
 */
export function attendeeText(a: Attendee, answers: AnswerNames, proposal?: (slot: Slot) => string): string {
  const who = a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;
  const notes = [
    a.response && a.response !== 'none' ? answers[a.response] : undefined,
    a.proposedNewTime && proposal ? proposal(a.proposedNewTime) : undefined,
  ].filter((n): n is string => n !== undefined);
  return notes.length > 0 ? `${who} (${notes.join('; ')})` : who;
}

/** A start and end given as wall times in their zones, shown like `formatWhen`. Never throws. */
export function formatSlot(slot: Slot, locale: string | undefined, timeZone?: string): string {
  const start = graphDateTimeToEpochMs(slot.start);
  const end = graphDateTimeToEpochMs(slot.end);
  if (start === undefined) return `${slot.start.dateTime} – ${slot.end.dateTime}`;
  return formatWhen(start, end ?? Number.NaN, locale, timeZone);
}

/** The row's kinds of answer, in the order they are shown. */
export const responseKinds: readonly (keyof ResponseCounts)[] = [
  'accepted',
  'tentative',
  'declined',
  'noAnswer',
];

/** The words for a count of each kind of answer (`n => "3 accepted"`), translated by the host. */
export type ResponseWords = Record<keyof ResponseCounts, (n: number) => string>;

/**
 * The row's summary of the answers, "3 accepted, 1 declined, 2 no answer" (zero counts left out); undefined when there is
 * nothing to show. `counts` is read as stored: a record older than the counts, or a damaged value, shows nothing.
 */
export function responseSummary(counts: unknown, words: ResponseWords): string | undefined {
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return undefined;
  const parts: string[] = [];
  for (const kind of responseKinds) {
    const n = (counts as Record<string, unknown>)[kind];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) parts.push(words[kind](n));
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
