// A meeting's recurrence: Graph's `patternedRecurrence` validated fully, its defaults from the meeting's start,
// the mapping to and from Graph, and a short description ("weekly, Mon and Wed") for the tree and the form.
// Rules: Microsoft Graph docs, "patternedRecurrence resource type", "recurrencePattern resource type",
// "recurrenceRange resource type" and "Schedule repeating appointments as recurring events in Outlook".
import type {
  PatternedRecurrence,
  RecurrencePattern as GraphRecurrencePattern,
  RecurrenceRange as GraphRecurrenceRange,
} from '@microsoft/microsoft-graph-types';
import { canonicalTimeZone, toIanaZone, toWindowsZone } from './datetime';
import { recurrenceStrings } from './recurrenceStrings';
import type { RecurrenceStrings } from './recurrenceStrings';
import type { GraphDateTime, ValidationCode } from './types';

/** The pattern types ("recurrencePattern resource type", `type`). */
export const recurrencePatternTypes = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
/** The range types ("recurrenceRange resource type", `type`). */
export const recurrenceRangeTypes = ['endDate', 'noEnd', 'numbered'] as const;
/** Graph's `dayOfWeek` values, Sunday first (as `Date.getUTCDay` counts). */
export const weekDays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
/** Graph's `weekIndex` values ("recurrencePattern resource type", `index`). */
export const weekIndexes = ['first', 'second', 'third', 'fourth', 'last'] as const;

export type RecurrencePatternType = (typeof recurrencePatternTypes)[number];
export type RecurrenceRangeType = (typeof recurrenceRangeTypes)[number];
export type WeekDay = (typeof weekDays)[number];
export type WeekIndex = (typeof weekIndexes)[number];

/** A validated pattern: `type`, `interval` and only the properties its type uses. */
export interface RecurrencePattern {
  type: RecurrencePatternType;
  /** Days, weeks, months or years between occurrences (≥ 1). */
  interval: number;
  /** weekly, relativeMonthly, relativeYearly (distinct, in the order given). */
  daysOfWeek?: WeekDay[];
  /** absoluteMonthly, absoluteYearly: 1-31. */
  dayOfMonth?: number;
  /** absoluteYearly, relativeYearly: 1-12. */
  month?: number;
  /** relativeMonthly, relativeYearly (Graph's default: first). */
  index?: WeekIndex;
  /** weekly (Graph's default: sunday; the resource page calls it required for weekly, so it is always sent). */
  firstDayOfWeek?: WeekDay;
}

/** A validated range: dates are `YYYY-MM-DD` in `recurrenceTimeZone` (canonical IANA; sent as its Windows name). */
export interface RecurrenceRange {
  type: RecurrenceRangeType;
  /** The date of the meeting's start in its zone (Graph: "must be the same value as the start property"). */
  startDate: string;
  /** endDate only: the last day occurrences may fall on. */
  endDate?: string;
  /** numbered only: ≥ 1. */
  numberOfOccurrences?: number;
  recurrenceTimeZone: string;
}

/** A validated recurrence. */
export interface Recurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

/**
 * A recurrence as callers give it: Graph's `patternedRecurrence` (enum values case-folded). `range` may be left
 * out (no end); `range.startDate` and `range.recurrenceTimeZone` default to the meeting's start date and zone.
 */
export interface RecurrenceInput {
  pattern: Partial<Record<keyof RecurrencePattern, unknown>>;
  range?: Partial<Record<keyof RecurrenceRange, unknown>>;
}

/** Which properties each pattern type requires and uses ("recurrencePattern resource type", "values of type"). */
const patternProperties: Record<
  RecurrencePatternType,
  { required: readonly ('daysOfWeek' | 'dayOfMonth' | 'month')[]; uses: readonly (keyof RecurrencePattern)[] }
> = {
  daily: { required: [], uses: [] },
  weekly: { required: ['daysOfWeek'], uses: ['daysOfWeek', 'firstDayOfWeek'] },
  absoluteMonthly: { required: ['dayOfMonth'], uses: ['dayOfMonth'] },
  relativeMonthly: { required: ['daysOfWeek'], uses: ['daysOfWeek', 'index'] },
  absoluteYearly: { required: ['dayOfMonth', 'month'], uses: ['dayOfMonth', 'month'] },
  relativeYearly: { required: ['daysOfWeek', 'month'], uses: ['daysOfWeek', 'month', 'index'] },
};

/** A pattern's properties, in the order Graph documents them (the recurrence form writes its rules in this order). */
export const patternKeys = [
  'type',
  'interval',
  'daysOfWeek',
  'dayOfMonth',
  'month',
  'index',
  'firstDayOfWeek',
] as const;
const rangeKeys = ['type', 'startDate', 'endDate', 'numberOfOccurrences', 'recurrenceTimeZone'] as const;
/** Graph types these as Int32 ("recurrencePattern"/"recurrenceRange resource type"): no other upper bound is documented. */
const INT32_MAX = 2_147_483_647;

/** Reports one problem (the validator's collector). */
export type ReportProblem = (
  field: string,
  code: ValidationCode,
  params?: Record<string, string | number>,
) => void;

/** What a recurrence is checked against: the meeting's start (its date and zone), when known. */
export interface RecurrenceContext {
  start?: GraphDateTime;
}

type Obj = Map<string, unknown>;

function readObject(value: unknown): Obj | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Obj = new Map();
  for (const key of Object.keys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    out.set(key, d && 'value' in d ? d.value : undefined);
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

function quoteList(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q.join('');
}

/** Whether `text` is a calendar date `YYYY-MM-DD` (years 1-9999). */
export function isDateOnly(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() && (mo !== 2 || d < 29 || isLeap(y));
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Reads one recurrence object against `ctx`, reporting every problem under `path` (`recurrence.pattern.type`). */
class RecurrenceReader {
  constructor(
    private readonly report: ReportProblem,
    private readonly path: string,
  ) {}

  wrongType(field: string, expected: string, value: unknown): void {
    this.report(`${this.path}.${field}`, 'wrongType', { expected, actual: describeValue(value) });
  }

  required(field: string): void {
    this.report(`${this.path}.${field}`, 'required');
  }

  unknown(o: Obj, known: readonly string[], prefix: string): void {
    for (const key of o.keys()) {
      if (!known.includes(key))
        this.report(`${this.path}${prefix}.${key === '' ? '""' : key}`, 'unknownField', {
          known: known.join(', '),
        });
    }
  }

  oneOf<V extends string>(o: Obj, key: string, field: string, values: readonly V[]): V | undefined {
    const value = o.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') {
      const folded = value.trim().toLowerCase();
      const match = values.find((v) => v.toLowerCase() === folded);
      if (match !== undefined) return match;
    }
    this.wrongType(field, quoteList(values), value);
    return undefined;
  }

  integer(o: Obj, key: string, field: string, min: number, max: number, unset?: number): number | undefined {
    const value = o.get(key);
    if (value === undefined || value === null || value === unset) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.wrongType(field, `a whole number from ${min} to ${max}`, value);
      return undefined;
    }
    return value;
  }

  days(o: Obj, field: string): WeekDay[] | undefined {
    const value = o.get('daysOfWeek');
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.wrongType(field, 'a list of days of the week', value);
      return undefined;
    }
    const out: WeekDay[] = [];
    let bad = false;
    value.forEach((item: unknown, i) => {
      const day = this.oneOf(new Map([['d', item]]), 'd', `${field}[${i}]`, weekDays);
      if (day === undefined) bad = true;
      else if (!out.includes(day)) out.push(day);
    });
    return bad ? undefined : out;
  }

  date(o: Obj, key: string, field: string): string | undefined {
    const value = o.get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !isDateOnly(value.trim())) {
      const shown = typeof value === 'string' ? value.slice(0, 40) : describeValue(value);
      this.report(`${this.path}.${field}`, 'invalidDate', { value: shown });
      return undefined;
    }
    return value.trim();
  }

  pattern(value: unknown): RecurrencePattern | undefined {
    if (value === undefined || value === null) {
      this.required('pattern');
      return undefined;
    }
    const o = readObject(value);
    if (!o) {
      this.wrongType('pattern', 'an object', value);
      return undefined;
    }
    this.unknown(o, patternKeys, '.pattern');
    const type = this.oneOf(o, 'type', 'pattern.type', recurrencePatternTypes);
    if (type === undefined && (o.get('type') === undefined || o.get('type') === null))
      this.required('pattern.type');
    const interval = this.integer(o, 'interval', 'pattern.interval', 1, INT32_MAX);
    if (o.get('interval') === undefined || o.get('interval') === null) this.required('pattern.interval');
    const daysOfWeek = this.days(o, 'pattern.daysOfWeek');
    // Graph answers 0 for the day and month a pattern does not use: taken as unset.
    const dayOfMonth = this.integer(o, 'dayOfMonth', 'pattern.dayOfMonth', 1, 31, 0);
    const month = this.integer(o, 'month', 'pattern.month', 1, 12, 0);
    const index = this.oneOf(o, 'index', 'pattern.index', weekIndexes);
    const firstDayOfWeek = this.oneOf(o, 'firstDayOfWeek', 'pattern.firstDayOfWeek', weekDays);
    if (type === undefined) return undefined;
    const spec = patternProperties[type];
    const given = { daysOfWeek: daysOfWeek?.length ? daysOfWeek : undefined, dayOfMonth, month };
    let missing = false;
    for (const key of spec.required) {
      if (given[key] !== undefined) continue;
      missing = true;
      // An empty list, or a value already refused, is reported once.
      const raw = o.get(key);
      if (raw === undefined || raw === null || raw === 0 || (Array.isArray(raw) && raw.length === 0))
        this.required(`pattern.${key}`);
    }
    if (interval === undefined || missing) return undefined;
    const pattern: RecurrencePattern = { type, interval };
    const all: Omit<RecurrencePattern, 'type' | 'interval'> = {
      daysOfWeek: given.daysOfWeek,
      dayOfMonth,
      month,
      index: index ?? 'first',
      firstDayOfWeek: firstDayOfWeek ?? 'sunday',
    };
    for (const key of spec.uses)
      (pattern as unknown as Record<string, unknown>)[key] = all[key as keyof typeof all];
    return pattern;
  }

  range(value: unknown, ctx: RecurrenceContext): RecurrenceRange | 'pending' | undefined {
    const o =
      value === undefined || value === null
        ? new Map<string, unknown>([['type', 'noEnd']])
        : readObject(value);
    if (!o) {
      this.wrongType('range', 'an object', value);
      return undefined;
    }
    this.unknown(o, rangeKeys, '.range');
    const type = this.oneOf(o, 'type', 'range.type', recurrenceRangeTypes);
    if (type === undefined && (o.get('type') === undefined || o.get('type') === null))
      this.required('range.type');
    const startDate = this.date(o, 'startDate', 'range.startDate');
    const endDate = this.date(o, 'endDate', 'range.endDate');
    // Graph answers 0 occurrences for a range that is not numbered: taken as unset.
    const count = this.integer(
      o,
      'numberOfOccurrences',
      'range.numberOfOccurrences',
      1,
      INT32_MAX,
      type !== undefined && type !== 'numbered' ? 0 : undefined,
    );
    const zoneValue = o.get('recurrenceTimeZone');
    let zone: string | undefined;
    if (zoneValue !== undefined && zoneValue !== null && zoneValue !== '') {
      if (typeof zoneValue !== 'string')
        this.wrongType('range.recurrenceTimeZone', 'a time zone name', zoneValue);
      else {
        zone = canonicalTimeZone(zoneValue.slice(0, 100));
        if (zone === undefined)
          this.report(`${this.path}.range.recurrenceTimeZone`, 'unknownTimeZone', {
            value: zoneValue.slice(0, 100),
          });
        else if (toWindowsZone(zone) === undefined) {
          this.report(`${this.path}.range.recurrenceTimeZone`, 'unsupportedTimeZone', { value: zoneValue });
          zone = undefined;
        }
      }
    }
    if (
      type === 'endDate' &&
      endDate === undefined &&
      (o.get('endDate') === undefined || o.get('endDate') === null)
    )
      this.required('range.endDate');
    if (type === 'numbered' && count === undefined && (o.get('numberOfOccurrences') ?? null) === null)
      this.required('range.numberOfOccurrences');
    const startOfMeeting = ctx.start?.dateTime.slice(0, 10);
    if (startDate !== undefined && startOfMeeting !== undefined && startDate !== startOfMeeting) {
      this.report(`${this.path}.range.startDate`, 'recurrenceStartDate', {
        value: startDate,
        expected: startOfMeeting,
      });
      return undefined;
    }
    const first = startDate ?? startOfMeeting;
    if (type === 'endDate' && endDate !== undefined && first !== undefined && endDate < first) {
      this.report(`${this.path}.range.endDate`, 'recurrenceEndBeforeStart', { value: endDate, start: first });
      return undefined;
    }
    if (type === undefined) return undefined;
    if (type === 'endDate' && endDate === undefined) return undefined;
    if (type === 'numbered' && count === undefined) return undefined;
    const timeZone = zone ?? (ctx.start ? canonicalTimeZone(ctx.start.timeZone) : undefined);
    if (first === undefined || timeZone === undefined) return 'pending';
    return {
      type,
      startDate: first,
      ...(type === 'endDate' ? { endDate } : {}),
      ...(type === 'numbered' ? { numberOfOccurrences: count } : {}),
      recurrenceTimeZone: timeZone,
    };
  }
}

/**
 * Validates a `recurrence` input (Graph's `patternedRecurrence`), reporting every problem with its field path
 * (`recurrence.pattern.daysOfWeek`). `range` defaults to no end; `range.startDate` to the date of `ctx.start` in its
 * zone and `range.recurrenceTimeZone` to that zone. Returns the recurrence; `undefined` after a problem, or when the
 * start is not known yet (an update validated before the meeting is read: no problem is reported for it then).
 */
export function readRecurrence(
  value: unknown,
  ctx: RecurrenceContext,
  report: ReportProblem,
  path = 'recurrence',
): Recurrence | undefined {
  const o = readObject(value);
  if (!o) {
    report(path, 'wrongType', {
      expected: 'an object with a pattern and a range',
      actual: describeValue(value),
    });
    return undefined;
  }
  const reader = new RecurrenceReader(report, path);
  reader.unknown(o, ['pattern', 'range'], '');
  const pattern = reader.pattern(o.get('pattern'));
  const range = reader.range(o.get('range'), ctx);
  if (pattern === undefined || range === undefined || range === 'pending') return undefined;
  return { pattern, range };
}

/** A recurrence as Graph takes it: the zone as its Windows name (as in `start`/`end`). */
export type SentRecurrence = PatternedRecurrence & {
  pattern: GraphRecurrencePattern;
  range: GraphRecurrenceRange;
};

/**
 * The `recurrence` property to send: the pattern's used properties and the range, `recurrenceTimeZone` as the
 * Windows name (Graph refuses most IANA names, "dateTimeTimeZone resource type"; `toWindow` is mapping's
 * `graphTimeZone`, which throws for a zone without one).
 */
export function toGraphRecurrence(r: Recurrence, toWindows: (zone: string) => string): SentRecurrence {
  return {
    pattern: { ...r.pattern, ...(r.pattern.daysOfWeek ? { daysOfWeek: [...r.pattern.daysOfWeek] } : {}) },
    range: { ...r.range, recurrenceTimeZone: toWindows(r.range.recurrenceTimeZone) },
  };
}

/**
 * Reads Graph's `recurrence` of an event: undefined for `null` (not a series master) and for a pattern or range
 * type Graph may add later; throws (through `fail(path, detail)`) on one of the wrong shape.
 */
export function fromGraphRecurrence(
  value: unknown,
  fail: (path: string, detail: string) => never,
): Recurrence | undefined {
  if (value === undefined || value === null) return undefined;
  const o = readObject(value);
  if (!o) return fail('recurrence', 'expected an object with a pattern and a range');
  const pattern = readObject(o.get('pattern'));
  const range = readObject(o.get('range'));
  if (!pattern || !range) return fail('recurrence', 'expected a pattern and a range');
  const patternType = recurrencePatternTypes.find(
    (t) => t.toLowerCase() === String(pattern.get('type')).toLowerCase(),
  );
  const rangeType = recurrenceRangeTypes.find(
    (t) => t.toLowerCase() === String(range.get('type')).toLowerCase(),
  );
  if (patternType === undefined || rangeType === undefined) return undefined;
  // Graph's zone comes back as a Windows name: read as IANA like `start`/`end`.
  const zone = range.get('recurrenceTimeZone');
  const input = {
    pattern: Object.fromEntries(pattern),
    range: {
      ...Object.fromEntries(range),
      recurrenceTimeZone: typeof zone === 'string' && zone !== '' ? (toIanaZone(zone) ?? zone) : 'UTC',
    },
  };
  const problems: string[] = [];
  const r = readRecurrence(input, {}, (field, code) => problems.push(`${field}: ${code}`));
  if (!r) return fail(problems[0]?.split(':')[0] ?? 'recurrence', problems[0] ?? 'not a recurrence');
  return r;
}

const indexKeys: Record<WeekIndex, keyof RecurrenceStrings> = {
  first: 'recurIndexFirst',
  second: 'recurIndexSecond',
  third: 'recurIndexThird',
  fourth: 'recurIndexFourth',
  last: 'recurIndexLast',
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The name of a weekday in `locale` (`Mon`, or `Monday` with `long`), from `Intl`. */
export function weekdayName(day: WeekDay, locale?: string, style: 'short' | 'long' = 'short'): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2023, 0, 1 + weekDays.indexOf(day))),
  );
}

function dateOf(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(2000, m! - 1, d!));
  date.setUTCFullYear(y!);
  return date;
}

/**
 * A short description of a recurrence ("weekly, Mon and Wed", "every 2 weeks on Tue until 31 Dec 2026"): weekday,
 * month and date names from `Intl` in `locale` (default: the runtime's), the words from `strings` (English by
 * default; pass them translated).
 */
export function describeRecurrence(
  r: Recurrence,
  locale?: string,
  strings: RecurrenceStrings = recurrenceStrings,
): string {
  const utc = { timeZone: 'UTC' } as const;
  const { pattern: p, range } = r;
  const order = p.firstDayOfWeek ? weekDays.indexOf(p.firstDayOfWeek) : 1;
  const sorted = [...(p.daysOfWeek ?? [])].sort(
    (a, b) => ((weekDays.indexOf(a) - order + 7) % 7) - ((weekDays.indexOf(b) - order + 7) % 7),
  );
  const days = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    sorted.map((d) => weekdayName(d, locale)),
  );
  const n = p.interval;
  const index = strings[indexKeys[p.index ?? 'first']];
  const month = p.month
    ? new Intl.DateTimeFormat(locale, { ...utc, month: 'short' }).format(
        new Date(Date.UTC(2000, p.month - 1, 1)),
      )
    : '';
  let text: string;
  switch (p.type) {
    case 'daily':
      text = n === 1 ? strings.recurDaily : fill(strings.recurEveryNDays, { n });
      break;
    case 'weekly': {
      const workweek = sorted.length === 5 && !sorted.includes('saturday') && !sorted.includes('sunday');
      if (n === 1 && workweek) text = strings.recurEveryWeekday;
      else text = fill(n === 1 ? strings.recurWeekly : strings.recurEveryNWeeks, { n, days });
      break;
    }
    case 'absoluteMonthly':
      text = fill(n === 1 ? strings.recurMonthlyOnDay : strings.recurEveryNMonthsOnDay, {
        n,
        day: p.dayOfMonth ?? '',
      });
      break;
    case 'relativeMonthly':
      text = fill(n === 1 ? strings.recurMonthlyOnThe : strings.recurEveryNMonthsOnThe, { n, index, days });
      break;
    case 'absoluteYearly': {
      const date = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric', month: 'short' }).format(
        new Date(Date.UTC(2000, (p.month ?? 1) - 1, p.dayOfMonth ?? 1)),
      );
      text = fill(n === 1 ? strings.recurYearlyOn : strings.recurEveryNYearsOn, { n, date });
      break;
    }
    case 'relativeYearly':
      text = fill(n === 1 ? strings.recurYearlyOnThe : strings.recurEveryNYearsOnThe, {
        n,
        index,
        days,
        month,
      });
      break;
  }
  if (range.type === 'endDate' && range.endDate) {
    const date = new Intl.DateTimeFormat(locale, {
      ...utc,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(dateOf(range.endDate));
    return fill(strings.recurUntil, { pattern: text, date });
  }
  if (range.type === 'numbered' && range.numberOfOccurrences !== undefined)
    return fill(strings.recurTimes, { pattern: text, count: range.numberOfOccurrences });
  return text;
}
