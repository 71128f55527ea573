// Issue 13's pure form logic, tested in Node: the people lookup (debounced, superseded requests dropped, answers cached
// for the form's life), the attendee entry being typed, the free/busy strip's layout and screen-reader text, and the
// host's mapping of Graph's answers (instants) to the page's shapes (wall minutes and times in the form's zone).
import { addWallMinutes, formInstant, wallDurationMinutes, wallTimeIn } from './formModel';
import type { AttendeeSchedule, BusyBlock, BusyStatus, PersonChoice, SuggestedTime } from './protocol';

/** The timer functions the lookup uses (the page's `window`, or a test's clock). */
export interface LookupClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The pause after the last key before a people search is sent (issue 13: "about 250 ms"). */
export const PEOPLE_DEBOUNCE_MS = 250;
/** Shorter queries are not searched. */
export const PEOPLE_MIN_QUERY = 2;
/** People per search answer: the host's `$top` (src/graph/findTime.ts PEOPLE_PER_SEARCH; a test keeps them equal). */
export const PEOPLE_PAGE = 10;

/** The words of a name or address (split at anything not a letter or digit), lower case. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether every word typed starts a word of the person's name or address ("ana li" matches Ana Lima). */
export function matchesQuery(p: PersonChoice, query: string): boolean {
  const own = words(`${p.name} ${p.address}`);
  return words(query).every((w) => own.some((o) => o.startsWith(w)));
}

/** A cache key: trimmed, lower case, inner spaces collapsed. */
export function normalQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * People suggestions for what is typed: at most one request per pause in typing (`PEOPLE_DEBOUNCE_MS`), only the
 * latest request's answer shown (the host aborts the earlier ones), every answer cached for the lookup's life.
 */
export class PeopleLookup {
  readonly #cache = new Map<string, PersonChoice[]>();
  /** Request id -> its normalised query, for requests not answered yet. */
  readonly #inFlight = new Map<string, string>();
  #latest: string | undefined;
  #timer: unknown;

  constructor(
    private readonly opts: {
      send(requestId: string, query: string): void;
      show(query: string, people: PersonChoice[]): void;
      clock: LookupClock;
      newId(): string;
      delayMs?: number;
    },
  ) {}

  /** The text being typed changed: show cached people at once, or search after the pause. */
  type(text: string): void {
    this.cancel();
    const query = normalQuery(text);
    if (query.length < PEOPLE_MIN_QUERY) {
      this.opts.show('', []);
      return;
    }
    const cached = this.#cache.get(query) ?? this.#narrowed(query);
    if (cached) {
      this.opts.show(query, cached);
      return;
    }
    this.#timer = this.opts.clock.setTimeout(() => {
      this.#timer = undefined;
      const requestId = this.opts.newId();
      this.#inFlight.set(requestId, query);
      this.#latest = requestId;
      this.opts.send(requestId, text.trim());
    }, this.opts.delayMs ?? PEOPLE_DEBOUNCE_MS);
  }

  /**
   * The people for `query` from a complete answer (fewer than a page) to a query it extends: everyone Graph could
   * match is in that answer, so the longer query is filtered here instead of asked again.
   */
  #narrowed(query: string): PersonChoice[] | undefined {
    for (const [earlier, people] of this.#cache) {
      if (people.length < PEOPLE_PAGE && query.startsWith(earlier))
        return people.filter((p) => matchesQuery(p, query));
    }
    return undefined;
  }

  /** Whether a sent request has been overtaken by a later one (its answer will not show). */
  superseded(requestId: string): boolean {
    return this.#inFlight.has(requestId) && requestId !== this.#latest;
  }

  /** Whether `requestId` is one of this lookup's unanswered requests. */
  owns(requestId: string): boolean {
    return this.#inFlight.has(requestId);
  }

  /** The host's answer: cached; shown when it answers the latest request. */
  answer(requestId: string, people: PersonChoice[]): void {
    const query = this.#inFlight.get(requestId);
    if (query === undefined) return;
    this.#inFlight.delete(requestId);
    this.#cache.set(query, people);
    if (requestId === this.#latest) {
      this.#latest = undefined;
      this.opts.show(query, people);
    }
  }

  /** The request failed or was aborted: nothing cached. */
  failed(requestId: string): void {
    this.#inFlight.delete(requestId);
    if (requestId === this.#latest) this.#latest = undefined;
  }

  /** Stops a pending search and ignores the answer of the one in flight. */
  cancel(): void {
    if (this.#timer !== undefined) this.opts.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
  }
}

/** One entry of an attendee list: its span in the text and what is typed there (trimmed). */
export interface AttendeeEntry {
  start: number;
  end: number;
  query: string;
}

const separators = /[\n\r,;]/;

/** The entry the caret is in: between the separators around it (newline, comma, semicolon). */
export function entryAt(text: string, caret: number): AttendeeEntry {
  let start = caret;
  while (start > 0 && !separators.test(text[start - 1])) start--;
  let end = caret;
  while (end < text.length && !separators.test(text[end])) end++;
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { start: start + lead, end: start + lead + trimmed.length, query: trimmed };
}

/** A person as an attendee entry: `Name <address>` (the name quoted when it holds a separator), or the address. */
export function personEntry(p: PersonChoice): string {
  const name = p.name.replace(/[<>"]/g, '').trim();
  if (!name || name.toLowerCase() === p.address.toLowerCase()) return p.address;
  return `${/[,;]/.test(name) ? `"${name}"` : name} <${p.address}>`;
}

/** The text with `entry` replaced by the person, and where the caret goes (after it; a new line when it was last). */
export function replaceEntry(
  text: string,
  entry: AttendeeEntry,
  person: PersonChoice,
): { text: string; caret: number } {
  const rest = text.slice(entry.end);
  const inserted = personEntry(person) + (rest.trim() === '' ? '\n' : '');
  const out = text.slice(0, entry.start) + inserted + (rest.trim() === '' ? '' : rest);
  return { text: out, caret: entry.start + inserted.length };
}

/** A strip's span in minutes of the day. */
export interface StripRange {
  from: number;
  to: number;
}

const workdayStart = 8 * 60;
const workdayEnd = 18 * 60;

/**
 * The hours the strips show: 08:00 to 18:00, stretched to whole hours to include the meeting's slot and any
 * busy block that is not the whole day (an all-day absence does not stretch it).
 */
export function stripRange(
  blocks: readonly BusyBlock[],
  slot: { start: number; end: number } | undefined,
): StripRange {
  let from = workdayStart;
  let to = workdayEnd;
  const include = (start: number, end: number): void => {
    from = Math.min(from, Math.floor(start / 60) * 60);
    to = Math.max(to, Math.ceil(end / 60) * 60);
  };
  for (const b of blocks) if (b.status !== 'free' && b.end - b.start < 1440) include(b.start, b.end);
  if (slot && slot.end > slot.start) include(Math.max(0, slot.start), Math.min(1440, slot.end));
  return { from: Math.max(0, from), to: Math.min(1440, to) };
}

/** A drawn block: left and width in percent of the range. */
export interface StripSegment {
  left: number;
  width: number;
  status: BusyStatus;
}

/** The non-free blocks placed on the range (clipped to it), in percent. */
export function stripSegments(blocks: readonly BusyBlock[], range: StripRange): StripSegment[] {
  const span = range.to - range.from;
  const out: StripSegment[] = [];
  for (const b of blocks) {
    if (b.status === 'free') continue;
    const start = Math.max(b.start, range.from);
    const end = Math.min(b.end, range.to);
    if (end <= start) continue;
    const round = (n: number): number => Math.round(n * 100) / 100;
    out.push({
      left: round(((start - range.from) / span) * 100),
      width: round(((end - start) / span) * 100),
      status: b.status,
    });
  }
  return out;
}

/** `HH:mm` for minutes of the day (1440 reads 24:00). */
export function minuteText(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The localised templates of a strip's sentence. */
export interface BusyTextTemplates {
  /** `{name}: {blocks}` */
  line: string;
  /** `{status} {start} to {end}` */
  block: string;
  /** `{name}: free all day` */
  free: string;
  /** `{name}: free/busy can't be seen` */
  unknown: string;
  words: Record<BusyStatus, string>;
}

const fill = (template: string, params: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);

/** What a screen reader says for one strip: "Ana: busy 10:00 to 11:00, tentative 14:00 to 14:30". */
export function busyText(name: string, schedule: AttendeeSchedule, t: BusyTextTemplates): string {
  if (schedule.unknown) return fill(t.unknown, { name });
  const blocks = schedule.busy
    .filter((b) => b.status !== 'free')
    .sort((a, b) => a.start - b.start)
    .map((b) =>
      fill(t.block, { status: t.words[b.status], start: minuteText(b.start), end: minuteText(b.end) }),
    );
  return blocks.length === 0 ? fill(t.free, { name }) : fill(t.line, { name, blocks: blocks.join(', ') });
}

/** What a free/busy request covers; the page asks again only when it changes (one request per change). */
export function freeBusyRequestKey(addresses: readonly string[], day: string, timeZone: string): string {
  const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))].sort();
  return `${day}\n${timeZone}\n${unique.join('\n')}`;
}

/** The date part of a wall time `YYYY-MM-DDTHH:mm`. */
export function dayOf(wall: string): string {
  return wall.slice(0, 10);
}

/** Minutes from `day`'s midnight to a wall time (may fall outside 0-1440 for another day). */
export function minutesInDay(wall: string, day: string): number | undefined {
  return wallDurationMinutes(`${day}T00:00`, wall);
}

/** One address's free/busy as read from Graph (src/services/findTime.ts): ISO instants. */
export interface AvailabilityAnswer {
  email: string;
  availabilityView: string;
  busy: { start: string; end: string; status: BusyStatus }[];
  error?: string;
}

/** A findMeetingTimes suggestion as read from Graph: ISO instants. */
export interface SuggestionAnswer {
  start: string;
  end: string;
  confidence: number;
  attendeeAvailability: { email: string; availability: BusyStatus }[];
}

/** Minutes of `day` (in `zone`) at an instant, clipped to the day. */
function clippedMinute(iso: string, day: string, zone: string): number | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const minutes = minutesInDay(wallTimeIn(new Date(ms), zone), day);
  return minutes === undefined ? undefined : Math.min(1440, Math.max(0, minutes));
}

/** A Graph free/busy answer as the strip's blocks in minutes of `day` in `zone`; an unreadable address is `unknown`. */
export function toAttendeeSchedule(a: AvailabilityAnswer, day: string, zone: string): AttendeeSchedule {
  if (a.error !== undefined) return { address: a.email, busy: [], unknown: true };
  const busy: BusyBlock[] = [];
  for (const b of a.busy) {
    const start = clippedMinute(b.start, day, zone);
    const end = clippedMinute(b.end, day, zone);
    if (start !== undefined && end !== undefined && end > start) busy.push({ start, end, status: b.status });
  }
  return { address: a.email, busy };
}

/** A Graph suggestion as wall times in the form's zone. */
export function toSuggestedTime(s: SuggestionAnswer, zone: string): SuggestedTime {
  return {
    start: wallTimeIn(new Date(s.start), zone),
    end: wallTimeIn(new Date(s.end), zone),
    confidence: s.confidence,
    attendees: s.attendeeAvailability.map((a) => ({ address: a.email, availability: a.availability })),
  };
}

/** The instants bounding `day` in `zone` (its midnight to the next), for a request covering the day. */
export function dayBounds(day: string, zone: string): { startMs: number; endMs: number } | undefined {
  const startMs = formInstant(`${day}T00:00`, zone);
  const next = addWallMinutes(`${day}T00:00`, 1440);
  const endMs = next === undefined ? undefined : formInstant(next, zone);
  return startMs === undefined || endMs === undefined ? undefined : { startMs, endMs };
}
