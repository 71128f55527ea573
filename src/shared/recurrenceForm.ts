// The form's recurrence: its value is the rule as canonical JSON text ('' = does not repeat), the pattern and the
// range's end only; the range's start date and zone follow the form's start (core/recurrence.ts fills them in).
// Shared by the form model (host and page) and the page's recurrence control. Pure.
import { patternKeys, readRecurrence, weekDays } from '../core/recurrence';
import type { Recurrence, RecurrencePattern, RecurrenceRange, WeekDay } from '../core/recurrence';

/** A rule as the form keeps it: the pattern and how the series ends. */
export interface RecurrenceRule {
  pattern: RecurrencePattern;
  range: Pick<RecurrenceRange, 'type' | 'endDate' | 'numberOfOccurrences'>;
}

/** The quick choices of the form, besides "Does not repeat" and "Custom…". */
export type RecurrencePreset = 'daily' | 'weekly' | 'weekdays' | 'monthly';

const rangeOrder = ['type', 'endDate', 'numberOfOccurrences'] as const;

/** `o`'s properties in `order` (the others dropped), so equal rules give equal text. */
function ordered(o: unknown, order: readonly string[]): Record<string, unknown> | unknown {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = (o as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A placeholder start for normalising a rule on its own (its date and zone are dropped again). */
const anyStart = { dateTime: '0001-01-01T00:00:00', timeZone: 'UTC' };

/**
 * The form value of a rule (or of any recurrence-shaped input): normalised as the validator reads it (enum case,
 * defaults such as `firstDayOfWeek`, only the properties the type uses) when it is valid, as given otherwise, in
 * a fixed property order, without the range's start date and zone.
 */
export function recurrenceFormValue(rule: unknown): string {
  const read = readRecurrence(rule, { start: anyStart }, () => undefined);
  const source = (read ?? rule) as { pattern?: unknown; range?: unknown };
  if (typeof source !== 'object' || source === null) return JSON.stringify(source);
  const range = source.range === undefined ? { type: 'noEnd' } : source.range;
  return JSON.stringify({
    pattern: ordered(source.pattern, patternKeys),
    range: ordered(range, rangeOrder),
  });
}

/** The input a form value stands for: undefined for '' (does not repeat); text that is not JSON as it is. */
export function recurrenceInput(value: string): unknown {
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The recurrence a form value describes for a meeting starting at `startWall` (`YYYY-MM-DDTHH:mm`) in `zone`. */
export function formRecurrence(value: string, startWall: string, zone: string): Recurrence | undefined {
  const input = recurrenceInput(value);
  if (input === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(startWall)) return undefined;
  const start = { dateTime: `${startWall.slice(0, 16)}:00`, timeZone: zone };
  return readRecurrence(input, { start }, () => undefined);
}

/** The weekday of a wall date `YYYY-MM-DD…`. */
export function weekdayOf(wall: string): WeekDay {
  const [y, m, d] = wall.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(2000, m! - 1, d!));
  date.setUTCFullYear(y!);
  return weekDays[date.getUTCDay()]!;
}

/** The rule of a quick choice for a meeting starting at `startWall`: it repeats with no end. */
export function presetRule(preset: RecurrencePreset, startWall: string): RecurrenceRule {
  const range = { type: 'noEnd' } as const;
  switch (preset) {
    case 'daily':
      return { pattern: { type: 'daily', interval: 1 }, range };
    case 'weekly':
      return {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: [weekdayOf(startWall)],
          firstDayOfWeek: 'sunday',
        },
        range,
      };
    case 'weekdays':
      return {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          firstDayOfWeek: 'sunday',
        },
        range,
      };
    case 'monthly':
      return {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: Number(startWall.slice(8, 10)) },
        range,
      };
  }
}

/** The quick choices, in the order the form lists them. */
export const recurrencePresets: readonly RecurrencePreset[] = ['daily', 'weekly', 'weekdays', 'monthly'];

/** Which quick choice a form value is for a meeting starting at `startWall`, if any. */
export function presetOf(value: string, startWall: string): RecurrencePreset | undefined {
  return recurrencePresets.find((p) => recurrenceFormValue(presetRule(p, startWall)) === value);
}

/**
 * The form value after the start moved from `before` to `after`: a quick choice follows the start (weekly on its
 * weekday, monthly on its day); any other rule stays as the user made it.
 */
export function followStart(value: string, before: string, after: string): string {
  const preset = presetOf(value, before);
  return preset === undefined ? value : recurrenceFormValue(presetRule(preset, after));
}
