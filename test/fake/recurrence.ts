// The fake's series: it validates `recurrence` as Graph documents it, keeps series masters, expands them into
// occurrences for `GET /me/events/{id}/instances`, and turns a PATCH or cancel of an occurrence's ID into an
// exception of that occurrence only (the master's ID changes the whole series).
// Sources: Microsoft Graph docs, "patternedRecurrence resource type", "recurrencePattern resource type",
// "recurrenceRange resource type", "event resource type" (`type`, `seriesMasterId`), "List instances" (both window
// parameters required), "Update event" (an occurrence moved onto or past a neighbour: 400
// ErrorOccurrenceCrossingBoundary) and "event: cancel". Independent of src/ on purpose: it checks the extension.
import type { FakeEvent } from './fakeGraph';
import { formatInZone, parseWall, resolveZone, wallToUtc } from './fakeTime';

const patternTypes = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
const rangeTypes = ['endDate', 'noEnd', 'numbered'] as const;
const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const indexes = ['first', 'second', 'third', 'fourth', 'last'] as const;
type Day = (typeof days)[number];

/** A recurrence as the fake keeps it (every property, as Graph answers it). */
export interface FakeRecurrence {
  pattern: {
    type: (typeof patternTypes)[number];
    interval: number;
    month: number;
    dayOfMonth: number;
    daysOfWeek: Day[];
    firstDayOfWeek: Day;
    index: (typeof indexes)[number];
  };
  range: {
    type: (typeof rangeTypes)[number];
    startDate: string;
    endDate: string;
    recurrenceTimeZone: string;
    numberOfOccurrences: number;
  };
}

/** The series state of a fake event. */
export interface SeriesFields {
  /** A series master's recurrence. */
  recurrence?: FakeRecurrence;
  /** An exception's (or occurrence's) series master. */
  seriesMasterId?: string;
  /** An exception's original date (`YYYY-MM-DD` in the series' zone). */
  occurrenceDate?: string;
  /** A master's dates whose occurrence became an exception (changed, cancelled or deleted). */
  exceptionDates?: string[];
  /** A stored exception (an occurrence someone changed). */
  exception?: true;
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function fold<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function int(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/**
 * Checks a `recurrence` body for an event starting at `startMs` in `startZone` (the name sent): every rule of the
 * three resource pages. Graph's answer to a bad recurrence is a 400; its code and text are not documented (ours).
 */
export function parseRecurrence(value: unknown, startMs: number, startZone: string): Result<FakeRecurrence> {
  const bad = (message: string): Result<FakeRecurrence> => ({ ok: false, message });
  if (!isRecord(value) || !isRecord(value.pattern) || !isRecord(value.range))
    return bad("Invalid value for property 'recurrence'.");
  const p = value.pattern;
  const r = value.range;
  for (const key of Object.keys(p)) {
    if (!['type', 'interval', 'month', 'dayOfMonth', 'daysOfWeek', 'firstDayOfWeek', 'index'].includes(key))
      return bad(`The property '${key}' does not exist on type 'microsoft.graph.recurrencePattern'.`);
  }
  for (const key of Object.keys(r)) {
    if (!['type', 'startDate', 'endDate', 'recurrenceTimeZone', 'numberOfOccurrences'].includes(key))
      return bad(`The property '${key}' does not exist on type 'microsoft.graph.recurrenceRange'.`);
  }
  const type = fold(p.type, patternTypes);
  if (!type) return bad(`The value '${String(p.type)}' is not valid for recurrencePatternType.`);
  if (!int(p.interval, 1, 2_147_483_647)) return bad('The recurrence pattern interval must be at least 1.');
  const daysOfWeek: Day[] = [];
  if (p.daysOfWeek !== undefined && p.daysOfWeek !== null) {
    if (!Array.isArray(p.daysOfWeek)) return bad("Invalid value for property 'daysOfWeek'.");
    for (const d of p.daysOfWeek as unknown[]) {
      const day = fold(d, days);
      if (!day) return bad(`The value '${String(d)}' is not valid for dayOfWeek.`);
      if (!daysOfWeek.includes(day)) daysOfWeek.push(day);
    }
  }
  const dayOfMonth = p.dayOfMonth ?? 0;
  const month = p.month ?? 0;
  if (!int(dayOfMonth, 0, 31)) return bad('The day of the month must be from 1 to 31.');
  if (!int(month, 0, 12)) return bad('The month must be from 1 to 12.');
  const index = p.index === undefined || p.index === null ? 'first' : fold(p.index, indexes);
  if (!index) return bad(`The value '${String(p.index)}' is not valid for weekIndex.`);
  const firstDayOfWeek =
    p.firstDayOfWeek === undefined || p.firstDayOfWeek === null ? 'sunday' : fold(p.firstDayOfWeek, days);
  if (!firstDayOfWeek) return bad(`The value '${String(p.firstDayOfWeek)}' is not valid for dayOfWeek.`);
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && daysOfWeek.length === 0) return bad(`A ${type} pattern requires daysOfWeek.`);
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && dayOfMonth === 0)
    return bad(`A ${type} pattern requires dayOfMonth.`);
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && month === 0)
    return bad(`A ${type} pattern requires month.`);

  const rangeType = fold(r.type, rangeTypes);
  if (!rangeType) return bad(`The value '${String(r.type)}' is not valid for recurrenceRangeType.`);
  if (!isDate(r.startDate)) return bad('The recurrence range requires a valid startDate.');
  const zoneName =
    typeof r.recurrenceTimeZone === 'string' && r.recurrenceTimeZone !== ''
      ? r.recurrenceTimeZone
      : startZone;
  const zone = resolveZone(zoneName);
  if (!zone)
    return bad(
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zoneName}'.`,
    );
  const startDate = formatInZone(startMs, resolveZone(startZone) ?? 'UTC').slice(0, 10);
  if (r.startDate !== startDate)
    return bad(
      `The recurrence startDate '${r.startDate}' must be the date of the event's start (${startDate}).`,
    );
  let endDate = '0001-01-01';
  if (rangeType === 'endDate') {
    if (!isDate(r.endDate)) return bad('An endDate range requires a valid endDate.');
    if (r.endDate < r.startDate) return bad('The recurrence endDate must not be before its startDate.');
    endDate = r.endDate;
  }
  let numberOfOccurrences = 0;
  if (rangeType === 'numbered') {
    if (!int(r.numberOfOccurrences, 1, 2_147_483_647))
      return bad('A numbered range requires numberOfOccurrences of at least 1.');
    numberOfOccurrences = r.numberOfOccurrences;
  }
  return {
    ok: true,
    value: {
      pattern: { type, interval: p.interval, month, dayOfMonth, daysOfWeek, firstDayOfWeek, index },
      range: {
        type: rangeType,
        startDate: r.startDate,
        endDate,
        recurrenceTimeZone: zoneName,
        numberOfOccurrences,
      },
    },
  };
}

const DAY_MS = 86_400_000;

function utcDate(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

function dateText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The day of `month0` of `year` that is the `index`-th of `daysOfWeek` (Graph: the first day that satisfies it). */
function relativeDay(
  year: number,
  month0: number,
  daysOfWeek: Day[],
  index: FakeRecurrence['pattern']['index'],
): number {
  const matching: number[] = [];
  for (let d = 1; d <= daysInMonth(year, month0); d++) {
    const day = days[new Date(Date.UTC(year, month0, d)).getUTCDay()]!;
    if (daysOfWeek.includes(day)) matching.push(Date.UTC(year, month0, d));
  }
  const at = index === 'last' ? matching.length - 1 : indexes.indexOf(index);
  return matching[Math.min(at, matching.length - 1)]!;
}

/** The series' occurrence dates (UTC midnight ms of each local date), in order, from its start, while `more` says so. */
function* occurrenceDates(rec: FakeRecurrence): Generator<number> {
  const p = rec.pattern;
  const start = utcDate(rec.range.startDate);
  const s = new Date(start);
  for (let k = 0; k < 100_000; k++) {
    const step = k * p.interval;
    switch (p.type) {
      case 'daily':
        yield start + step * DAY_MS;
        break;
      case 'weekly': {
        const weekStart =
          start - ((s.getUTCDay() - days.indexOf(p.firstDayOfWeek) + 7) % 7) * DAY_MS + step * 7 * DAY_MS;
        for (let i = 0; i < 7; i++) {
          const d = weekStart + i * DAY_MS;
          if (d >= start && p.daysOfWeek.includes(days[new Date(d).getUTCDay()]!)) yield d;
        }
        break;
      }
      case 'absoluteMonthly':
      case 'relativeMonthly': {
        const y = s.getUTCFullYear() + Math.floor((s.getUTCMonth() + step) / 12);
        const m0 = (s.getUTCMonth() + step) % 12;
        const d =
          p.type === 'absoluteMonthly'
            ? Date.UTC(y, m0, Math.min(p.dayOfMonth, daysInMonth(y, m0)))
            : relativeDay(y, m0, p.daysOfWeek, p.index);
        if (d >= start) yield d;
        break;
      }
      case 'absoluteYearly':
      case 'relativeYearly': {
        const y = s.getUTCFullYear() + step;
        const m0 = p.month - 1;
        const d =
          p.type === 'absoluteYearly'
            ? Date.UTC(y, m0, Math.min(p.dayOfMonth, daysInMonth(y, m0)))
            : relativeDay(y, m0, p.daysOfWeek, p.index);
        if (d >= start) yield d;
        break;
      }
    }
  }
}

/** One occurrence of a master: its date and its times (the master's wall start and duration on that date). */
export interface OccurrenceSlot {
  date: string;
  startMs: number;
  endMs: number;
}

/** The master's wall start time of day (ms) in the zone it was created in, and that zone. */
function wallTimeOfDay(master: FakeEvent): { zone: string; timeOfDay: number } {
  const zone = resolveZone(master.originalStartTimeZone) ?? 'UTC';
  const wall = parseWall(formatInZone(master.startMs, zone).slice(0, 19))!;
  return { zone, timeOfDay: wall - utcDate(dateText(wall)) };
}

/** The occurrences of `master` that start before `untilMs`, in order (at most `limit`), within its range. */
export function occurrenceSlots(
  master: FakeEvent & SeriesFields,
  untilMs: number,
  limit = 5000,
): OccurrenceSlot[] {
  const rec = master.recurrence;
  if (!rec) return [];
  const { zone, timeOfDay } = wallTimeOfDay(master);
  const duration = master.endMs - master.startMs;
  const out: OccurrenceSlot[] = [];
  let count = 0;
  for (const day of occurrenceDates(rec)) {
    const date = dateText(day);
    if (rec.range.type === 'endDate' && date > rec.range.endDate) break;
    if (rec.range.type === 'numbered' && count >= rec.range.numberOfOccurrences) break;
    count += 1;
    const startMs = wallToUtc(day + timeOfDay, zone);
    if (startMs >= untilMs || out.length >= limit) break;
    out.push({ date, startMs, endMs: startMs + duration });
  }
  return out;
}

/** The ID of a master's occurrence on `date` (opaque to callers, like Graph's). */
export function occurrenceId(masterId: string, date: string): string {
  return `${masterId}_OID_${date.replace(/-/g, '')}`;
}

/** The master ID and date an occurrence ID names, or undefined. */
export function parseOccurrenceId(id: string): { masterId: string; date: string } | undefined {
  const m = /^(.+)_OID_(\d{4})(\d{2})(\d{2})$/.exec(id);
  return m ? { masterId: m[1]!, date: `${m[2]}-${m[3]}-${m[4]}` } : undefined;
}

/** A virtual occurrence of `master` on `slot` (not stored: an occurrence nobody changed). */
export function occurrenceEvent(
  master: FakeEvent & SeriesFields,
  slot: OccurrenceSlot,
): FakeEvent & SeriesFields {
  const ev: FakeEvent & SeriesFields = {
    ...structuredClone(master),
    id: occurrenceId(master.id, slot.date),
    startMs: slot.startMs,
    endMs: slot.endMs,
    seriesMasterId: master.id,
    occurrenceDate: slot.date,
  };
  delete ev.recurrence;
  delete ev.exceptionDates;
  delete ev.transactionId;
  return ev;
}

/** Graph's `type` of a fake event. */
export function eventType(
  ev: FakeEvent & SeriesFields,
): 'singleInstance' | 'seriesMaster' | 'occurrence' | 'exception' {
  if (ev.recurrence) return 'seriesMaster';
  if (ev.seriesMasterId === undefined) return 'singleInstance';
  return ev.exception ? 'exception' : 'occurrence';
}

/** What the series routes need of the fake. */
export interface SeriesDeps {
  events: Map<string, FakeEvent & SeriesFields>;
}

/**
 * The event an ID names: a stored event, or a master's occurrence nobody changed (virtual). Undefined when neither
 * (an unknown ID, a date that is not an occurrence, or one removed from its series).
 */
export function findEvent(deps: SeriesDeps, id: string): (FakeEvent & SeriesFields) | undefined {
  const stored = deps.events.get(id);
  if (stored) return stored;
  const ref = parseOccurrenceId(id);
  const master = ref && deps.events.get(ref.masterId);
  if (!ref || !master?.recurrence || master.exceptionDates?.includes(ref.date)) return undefined;
  const until = utcDate(ref.date) + 3 * DAY_MS;
  const slot = occurrenceSlots(master, until).find((s) => s.date === ref.date);
  return slot ? occurrenceEvent(master, slot) : undefined;
}

/**
 * Makes an occurrence an exception before it is changed (PATCH, cancel, DELETE): stored as an event of its own under
 * the same ID, its date noted on the master so the series no longer makes it. Returns the stored event.
 */
export function toException(deps: SeriesDeps, ev: FakeEvent & SeriesFields): FakeEvent & SeriesFields {
  if (deps.events.has(ev.id) || ev.seriesMasterId === undefined || ev.occurrenceDate === undefined) return ev;
  const master = deps.events.get(ev.seriesMasterId);
  if (master) master.exceptionDates = [...(master.exceptionDates ?? []), ev.occurrenceDate];
  ev.exception = true;
  deps.events.set(ev.id, ev);
  return ev;
}

/**
 * Whether moving the occurrence `ev` to [startMs, ...) would put it onto or past a neighbour's day ("Update event":
 * 400 ErrorOccurrenceCrossingBoundary).
 */
export function crossesNeighbour(deps: SeriesDeps, ev: FakeEvent & SeriesFields, startMs: number): boolean {
  const master = ev.seriesMasterId === undefined ? undefined : deps.events.get(ev.seriesMasterId);
  if (!master?.recurrence || ev.occurrenceDate === undefined) return false;
  const zone = resolveZone(master.recurrence.range.recurrenceTimeZone) ?? 'UTC';
  const newDate = formatInZone(startMs, zone).slice(0, 10);
  const slots = occurrenceSlots(master, utcDate(ev.occurrenceDate) + 800 * DAY_MS);
  const at = slots.findIndex((s) => s.date === ev.occurrenceDate);
  const before = slots[at - 1]?.date;
  const after = slots[at + 1]?.date;
  return (before !== undefined && newDate <= before) || (after !== undefined && newDate >= after);
}

/**
 * `GET /me/events/{id}/instances`: the occurrences and exceptions of the series overlapping the window, by start
 * (cancelled ones are gone). Answers a list of events to render, or an error text for a 400.
 */
export function listInstances(
  deps: SeriesDeps,
  master: FakeEvent & SeriesFields,
  query: Record<string, string>,
): { ok: true; value: (FakeEvent & SeriesFields)[] } | { ok: false; message: string } {
  const instant = (v: string | undefined): number | undefined => {
    if (v === undefined || v.trim() === '') return undefined;
    const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`);
    return Number.isNaN(ms) ? undefined : ms;
  };
  const start = instant(query.startDateTime);
  const end = instant(query.endDateTime);
  if (start === undefined || end === undefined)
    return {
      ok: false,
      message:
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    };
  const out: (FakeEvent & SeriesFields)[] = [];
  // A cancelled series is gone with its occurrences ("event: cancel").
  if (master.isCancelled) return { ok: true, value: out };
  if (master.recurrence) {
    for (const slot of occurrenceSlots(master, end)) {
      if (slot.endMs > start && !master.exceptionDates?.includes(slot.date))
        out.push(occurrenceEvent(master, slot));
    }
  }
  for (const ev of deps.events.values()) {
    if (ev.seriesMasterId === master.id && !ev.isCancelled && ev.startMs < end && ev.endMs > start)
      out.push(ev);
  }
  return { ok: true, value: out.sort((a, b) => a.startMs - b.startMs) };
}

/** An answer of the fake (its `Answer`). */
interface SeriesAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The answer to `GET /me/events/{id}/instances` for `master`: a page of rendered events (`$top`, default 10, and
 * `$skip`, with `@odata.nextLink`; `$select` keeps `id`), or a 400 without both window parameters.
 */
export function instancesAnswer(
  deps: SeriesDeps,
  master: FakeEvent & SeriesFields,
  query: Record<string, string>,
  render: (ev: FakeEvent) => Record<string, unknown>,
  link: string,
  error: (message: string) => SeriesAnswer,
): SeriesAnswer {
  const list = listInstances(deps, master, query);
  if (!list.ok) return error(list.message);
  const top = Math.min(1000, Math.max(1, Number(query.$top ?? 10) || 10));
  const skip = Math.max(0, Number(query.$skip ?? 0) || 0);
  const select = query.$select
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const value = list.value.slice(skip, skip + top).map((e) => {
    const full = render(e);
    if (!select) return full;
    const out: Record<string, unknown> = { id: full.id };
    for (const k of select) if (k in full) out[k] = full[k];
    return out;
  });
  const body: Record<string, unknown> = { value };
  if (skip + top < list.value.length) {
    const next = new URLSearchParams({ ...query, $top: String(top), $skip: String(skip + top) });
    body['@odata.nextLink'] = `${link}?${next.toString()}`;
  }
  return { status: 200, headers: {}, body };
}

/**
 * The series rules of a PATCH of `ev` (before anything changes): an occurrence or exception takes no `recurrence` and
 * may not move onto or past a neighbour's day; a master's new `recurrence` is checked against its (new) start and
 * kept, `null` makes it a single event, and a master moved without one keeps its pattern from the new start date.
 * Answers the refusal `[code, message]`, or undefined.
 */
export function seriesPatch(
  deps: SeriesDeps,
  ev: FakeEvent & SeriesFields,
  body: Record<string, unknown>,
  startMs: number,
  startZone: string,
): [string, string] | undefined {
  if (ev.seriesMasterId !== undefined) {
    if (body.recurrence !== undefined)
      return [
        'ErrorInvalidRequest',
        'The recurrence of an occurrence cannot be changed; change its series master.',
      ];
    if (startMs !== ev.startMs && crossesNeighbour(deps, ev, startMs))
      return [
        'ErrorOccurrenceCrossingBoundary',
        'An occurrence cannot be moved onto or past the day of an adjacent occurrence.',
      ];
    return undefined;
  }
  if (body.recurrence === null) {
    delete ev.recurrence;
    return undefined;
  }
  const given =
    body.recurrence ??
    (ev.recurrence && startMs !== ev.startMs ? moved(ev.recurrence, startMs, startZone) : undefined);
  if (given === undefined) return undefined;
  const rec = parseRecurrence(given, startMs, startZone);
  if (!rec.ok) return ['ErrorInvalidRequest', rec.message];
  ev.recurrence = rec.value;
  return undefined;
}

/** A kept recurrence restarted on the date of a new start. */
function moved(rec: FakeRecurrence, startMs: number, startZone: string): FakeRecurrence {
  const startDate = formatInZone(startMs, resolveZone(startZone) ?? 'UTC').slice(0, 10);
  return { pattern: rec.pattern, range: { ...rec.range, startDate } };
}

/** Graph's `recurrence` of a fake event (null for all but a master). */
export function renderRecurrence(ev: FakeEvent & SeriesFields): FakeRecurrence | null {
  return ev.recurrence ? structuredClone(ev.recurrence) : null;
}
