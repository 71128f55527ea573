// Validation of the three actions' inputs. Inputs are `unknown` (command arguments from other extensions,
// webview messages): nothing here throws; every problem comes back at once, each naming its field.
import type {
  CancelRequest,
  FieldError,
  GraphDateTime,
  MeetingChanges,
  MeetingDraft,
  MeetingType,
  Validation,
  ValidationCode,
} from './types';
import { canonicalTimeZone, graphDateTimeToEpochMs, toGraphDateTime, toWindowsZone } from './datetime';
import type { ResolvedDateTime } from './datetime';
import { fieldError } from './messages';
import { MAX_MEETING_ID_LENGTH, meetingIdProblem } from './meetingId';
import { readRecurrence } from './recurrence';
import {
  CONTENT_MAX,
  LOCATION_MAX,
  SUBJECT_MAX,
  meetingFields,
  scheduleFieldNames,
  updateFieldNames,
} from './fields';
import type { FieldName } from './fields';

/** Graph's limit on attendees per event. */
export const MAX_ATTENDEES = 500;
/** Subject length limit (the table's). */
export const MAX_SUBJECT_LENGTH = SUBJECT_MAX;
/** Location display name length limit (the table's). */
export const MAX_LOCATION_LENGTH = LOCATION_MAX;
/** Body length limit (the table's). */
export const MAX_CONTENT_LENGTH = CONTENT_MAX;
/** Cancel comment length limit (characters). */
export const MAX_COMMENT_LENGTH = 4_000;
/** Email address length limit (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;
/** Time zone name length limit. */
export const MAX_TIME_ZONE_LENGTH = 100;

/** What validation needs to know about its surroundings. */
export interface ValidationContext {
  /** The zone for wall times when the input names none (usually the user's or the mailbox's zone). */
  defaultTimeZone: string;
  /** The current time; reserved for rules about the past (none yet). */
  now?: Date;
}

/** The meeting being updated, as far as update validation needs it. */
export interface CurrentMeeting {
  start: GraphDateTime;
  end: GraphDateTime;
  /** An all-day meeting: a new start or end must stay at midnight. */
  isAllDay?: boolean;
  isOnlineMeeting?: boolean;
  /** Graph's event `type`: an occurrence or exception takes no recurrence of its own. */
  type?: MeetingType;
}

/** Context of an update: the current meeting, when known, lets single-ended time changes and Teams be checked. */
export interface UpdateValidationContext extends ValidationContext {
  current?: CurrentMeeting;
}

const updateFields = /* @__PURE__ */ ['meetingId'].concat(updateFieldNames);
const cancelFields = ['meetingId', 'comment'] as const;

const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const topLevelLabel = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Whether `address` is a plain mailbox address (a practical RFC 5322 subset): dot-atom local part of at
 * most 64 characters, `@`, a domain of at least two dot-separated labels with an alphabetic (or IDN
 * `xn--`) top-level label. No display names, quotes, comments, IP literals or spaces.
 */
export function isValidEmail(address: string): boolean {
  if (address.length > MAX_EMAIL_LENGTH) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!localPart.test(local) || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => domainLabel.test(l)) && topLevelLabel.test(labels[labels.length - 1]);
}

type Fields = Map<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Own enumerable data properties of a plain object (never invokes getters), or undefined for a non-object. */
export function readObject(input: unknown): Fields | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const fields: Fields = new Map();
  for (const key of Object.keys(input)) {
    const descriptor = Object.getOwnPropertyDescriptor(input, key);
    fields.set(key, descriptor && 'value' in descriptor ? descriptor.value : descriptor?.get);
  }
  return fields;
}

/** Collects field errors while reading an input's fields (also used by core/findTime.ts). */
export class Collector {
  readonly errors: FieldError[] = [];

  add(field: string, code: ValidationCode, params?: Record<string, string | number>): void {
    this.errors.push(fieldError(field, code, params));
  }

  wrongType(field: string, expected: string, value: unknown): void {
    this.add(field, 'wrongType', { expected, actual: describe(value) });
  }

  /** Rejects fields not in `known`. */
  unknownFields(fields: Fields, known: readonly string[]): void {
    for (const key of fields.keys()) {
      if (!known.includes(key))
        this.add(key === '' ? '""' : key, 'unknownField', { known: known.join(', ') });
    }
  }

  /** A string field; `undefined` when absent or invalid (the error is recorded). */
  string(fields: Fields, field: string, max: number): string | undefined {
    const value = fields.get(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.wrongType(field, 'a string', value);
      return undefined;
    }
    if (value.length > max) {
      this.add(field, 'tooLong', { length: value.length, max });
      return undefined;
    }
    return value;
  }

  boolean(fields: Fields, field: string): boolean | undefined {
    const value = fields.get(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.wrongType(field, 'true or false', value);
      return undefined;
    }
    return value;
  }

  /** A whole number from `min` to `max`; anything else is `wrongType` naming the range. */
  integer(fields: Fields, field: string, min: number, max: number): number | undefined {
    const value = fields.get(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.wrongType(field, `a whole number from ${min} to ${max}`, value);
      return undefined;
    }
    return value;
  }

  /** A list of at most `maxCount` non-blank strings of at most `maxLength` characters; else `wrongType`. */
  strings(fields: Fields, field: string, maxCount: number, maxLength: number): string[] | undefined {
    const value = fields.get(field);
    if (value === undefined) return undefined;
    const fits =
      Array.isArray(value) &&
      value.length <= maxCount &&
      value.every((s) => typeof s === 'string' && s.trim() !== '' && s.length <= maxLength);
    if (!fits) {
      this.wrongType(
        field,
        `a list of at most ${maxCount} non-empty strings of at most ${maxLength} characters`,
        value,
      );
      return undefined;
    }
    return [...(value as string[])];
  }

  /** One of `values` (trimmed, case-folded); anything else is `wrongType` naming the values. */
  oneOf<V extends string>(fields: Fields, field: string, values: readonly V[]): V | undefined {
    const value = fields.get(field);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const folded = value.trim().toLowerCase();
      const match = values.find((v) => v.toLowerCase() === folded);
      if (match !== undefined) return match;
    }
    const quoted = values.map((v) => `"${v}"`);
    const expected =
      quoted.length > 1
        ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
        : quoted.join('');
    this.wrongType(field, expected, value);
    return undefined;
  }

  meetingId(fields: Fields): string | undefined {
    const value = fields.get('meetingId');
    if (value === undefined || value === '') {
      this.add('meetingId', 'required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.wrongType('meetingId', 'a string', value);
      return undefined;
    }
    const problem = meetingIdProblem(value);
    if (problem === 'required') this.add('meetingId', 'required');
    else if (problem === 'tooLong')
      this.add('meetingId', 'tooLong', { length: value.length, max: MAX_MEETING_ID_LENGTH });
    else if (problem) this.add('meetingId', 'invalidMeetingId', { value: printable(value) });
    return problem ? undefined : value;
  }

  /**
   * The zone to read wall times in: the input's `timeZone` or the default, as its canonical IANA name.
   * A zone Graph cannot take (no Windows equivalent) is refused here, so nothing is sent.
   */
  timeZone(fields: Fields, defaultTimeZone: string): string | undefined {
    const value = fields.get('timeZone');
    if (value !== undefined && typeof value !== 'string') {
      this.wrongType('timeZone', 'a string', value);
      return undefined;
    }
    const name = value === undefined || value.trim() === '' ? defaultTimeZone : value;
    if (name.length > MAX_TIME_ZONE_LENGTH) {
      this.add('timeZone', 'tooLong', { length: name.length, max: MAX_TIME_ZONE_LENGTH });
      return undefined;
    }
    const zone = canonicalTimeZone(name);
    if (zone === undefined) this.add('timeZone', 'unknownTimeZone', { value: name });
    else if (toWindowsZone(zone) === undefined) {
      this.add('timeZone', 'unsupportedTimeZone', { value: name });
      return undefined;
    }
    return zone;
  }

  /** A date-time field resolved in `zone`; `zone` undefined means the zone was already reported. */
  dateTime(
    fields: Fields,
    field: 'start' | 'end',
    zone: string | undefined,
    required: boolean,
    allDay = false,
  ): ResolvedDateTime | undefined {
    const given = fields.get(field);
    // An all-day meeting's day (YYYY-MM-DD) is its midnight.
    const value =
      allDay && typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given.trim())
        ? `${given.trim()}T00:00`
        : given;
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (required) this.add(field, 'required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.wrongType(field, 'an ISO 8601 date-time string', value);
      return undefined;
    }
    if (value.length > 64) {
      this.add(field, 'invalidDateTime', { value: printable(value) });
      return undefined;
    }
    const result = toGraphDateTime(value, zone ?? 'UTC');
    if (result.ok) return zone === undefined ? undefined : result.value;
    const error = result.error;
    if (error.code === 'invalidDateTime') this.add(field, 'invalidDateTime', { value: printable(value) });
    else if (error.code === 'dateOutOfRange' && zone !== undefined)
      this.add(field, 'dateOutOfRange', { value: value.trim(), zone });
    else if (error.code === 'nonexistentLocalTime' && zone !== undefined)
      this.add(field, 'nonexistentLocalTime', {
        value: value.trim(),
        zone,
        gapStart: error.gapStart,
        gapEnd: error.gapEnd,
      });
    return undefined;
  }

  /** Email addresses: trimmed, well-formed, de-duplicated case-insensitively (first spelling wins). */
  emails(fields: Fields, name: string): string[] | undefined {
    const value = fields.get(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.wrongType(name, 'an array of email addresses', value);
      return undefined;
    }
    const before = this.errors.length;
    const seen = new Set<string>();
    const addresses: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const field = `${name}[${i}]`;
      const item: unknown = i in value ? value[i] : undefined;
      if (typeof item !== 'string') {
        this.wrongType(field, 'an email address string', item);
        continue;
      }
      const address = item.trim();
      if (address.length > MAX_EMAIL_LENGTH) {
        this.add(field, 'tooLong', { length: address.length, max: MAX_EMAIL_LENGTH });
        continue;
      }
      if (!isValidEmail(address)) {
        this.add(field, 'invalidEmail', { value: printable(address) });
        continue;
      }
      const key = address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      addresses.push(address);
    }
    if (addresses.length > MAX_ATTENDEES) {
      this.add(name, 'tooManyAttendees', {
        max: MAX_ATTENDEES,
        count: addresses.length,
        excess: addresses.length - MAX_ATTENDEES,
      });
    }
    return this.errors.length === before ? addresses : undefined;
  }
}

/** A value shown inside a message: control characters made visible, cut to a readable length. */
function printable(value: string): string {
  const visible = value.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 80 ? `${visible.slice(0, 77)}...` : visible;
}

/** The one error of an input that is not an object. */
export function notAnObject(input: unknown): Validation<never> {
  return {
    ok: false,
    errors: [fieldError('input', 'wrongType', { expected: 'an object', actual: describe(input) })],
  };
}

/** Checks that the end is after the start; both must be resolved. */
function checkOrder(
  c: Collector,
  field: 'start' | 'end',
  start: ResolvedDateTime,
  end: ResolvedDateTime,
): void {
  if (end.epochMs <= start.epochMs) {
    c.add(field, 'endBeforeStart', {
      start: start.value.dateTime.slice(0, 16).replace('T', ' '),
      end: end.value.dateTime.slice(0, 16).replace('T', ' '),
    });
  }
}

/** Each field's value as read (undefined: absent or invalid, the error recorded). */
type ReadValues = { [N in Exclude<FieldName, 'start' | 'end'>]?: unknown } & {
  start?: ResolvedDateTime;
  end?: ResolvedDateTime;
};

/**
 * Reads every field of `names` by its kind (fields.ts), in table order: the zone first, then the date-times (in
 * it), `afterTimes` (the rules tying start and end), then the rest.
 */
function readFields(
  c: Collector,
  fields: Fields,
  names: readonly FieldName[],
  ctx: UpdateValidationContext,
  timesRequired: boolean,
  afterTimes: (values: ReadValues) => void,
  allDay = false,
): ReadValues {
  const values: ReadValues = {};
  const zone = c.timeZone(fields, ctx.defaultTimeZone);
  for (const name of names) {
    if (name === 'start' || name === 'end')
      values[name] = c.dateTime(fields, name, zone, timesRequired, allDay);
  }
  afterTimes(values);
  const rest = values as Record<string, unknown>;
  for (const name of names) {
    const kind = meetingFields[name].kind;
    switch (kind.type) {
      case 'dateTime':
      case 'timeZone':
        break;
      case 'text':
        rest[name] = c.string(fields, name, kind.max);
        break;
      case 'emails':
        rest[name] = c.emails(fields, name);
        break;
      case 'boolean':
        rest[name] = c.boolean(fields, name);
        break;
      case 'integer':
        rest[name] = c.integer(fields, name, kind.min, kind.max);
        break;
      case 'strings':
        rest[name] = c.strings(fields, name, kind.maxCount, kind.maxLength);
        break;
      case 'enum':
        rest[name] = c.oneOf(fields, name, kind.values);
        break;
      case 'recurrence': {
        // Its range starts on the meeting's start date, in its zone: the new start, else the current one.
        const value = fields.get(name);
        const start = values.start?.value ?? ctx.current?.start;
        if (value !== undefined)
          rest[name] = readRecurrence(value, start ? { start } : {}, (f, code, p) => c.add(f, code, p));
        break;
      }
    }
  }
  return values;
}

/** The three attendee lists, in the order they are checked against each other (fields.ts). */
export const attendeeListFields = ['attendees', 'optionalAttendees', 'resources'] as const;

/**
 * The rules across the attendee lists: an address in two lists is refused (at the later list's item, naming the
 * earlier list), and the lists together hold at most `MAX_ATTENDEES` (Graph's limit on one event's attendees).
 */
function checkAttendeeLists(c: Collector, fields: Fields, values: ReadValues): void {
  const listed = new Map<string, string>();
  let total = 0;
  for (const name of attendeeListFields) {
    const list = values[name] as string[] | undefined;
    if (list === undefined) continue;
    const raw = fields.get(name) as unknown[];
    for (const address of list) {
      const key = address.toLowerCase();
      const earlier = listed.get(key);
      if (earlier === undefined) continue;
      const index = raw.findIndex((a) => typeof a === 'string' && a.trim().toLowerCase() === key);
      c.add(`${name}[${index}]`, 'attendeeInTwoLists', { value: printable(address), list: earlier });
    }
    for (const address of list)
      if (!listed.has(address.toLowerCase())) listed.set(address.toLowerCase(), name);
    const before = total;
    total += list.length;
    if (before <= MAX_ATTENDEES && total > MAX_ATTENDEES)
      c.add(name, 'tooManyAttendees', { max: MAX_ATTENDEES, count: total, excess: total - MAX_ATTENDEES });
  }
}

/**
 * An all-day meeting's start and end are at midnight (Microsoft Graph docs, "event resource type", `isAllDay`: "start
 * and end time must be set to midnight and be in the same time zone"; one zone is ours already). With both at
 * midnight and the end after the start (checkOrder), it lasts whole days.
 */
function checkAllDay(c: Collector, values: ReadValues): void {
  for (const field of ['start', 'end'] as const) {
    const time = values[field];
    if (time && !time.value.dateTime.endsWith('T00:00:00'))
      c.add(field, 'allDayNotMidnight', { value: time.value.dateTime.slice(0, 16).replace('T', ' ') });
  }
}

/** Whether a read value is left out of a schedule: blank text, an empty list. */
function leftOutOfSchedule(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Copies the read values of the draft fields into `out` (`keep` decides per value); content brings its type. */
function assignFields(out: object, values: ReadValues, keep: (value: unknown) => boolean): void {
  const target = out as Record<string, unknown>;
  for (const name of scheduleFieldNames) {
    const kind = meetingFields[name].kind.type;
    if (name === 'start' || name === 'end' || kind === 'timeZone' || name === 'contentType') continue;
    const value = values[name];
    if (value === undefined || !keep(value)) continue;
    if (name === 'content') target.contentType = values.contentType ?? 'text';
    target[name] = value;
  }
  if (values.start) target.start = values.start.value;
  if (values.end) target.end = values.end.value;
}

/**
 * Validates "Schedule meeting" inputs: every field of `meetingFields`, each by its kind. Empty optional strings
 * (subject, location, content) and an empty attendee list are left out; `contentType` goes with `content`.
 */
export function validateSchedule(input: unknown, ctx: ValidationContext): Validation<MeetingDraft> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, scheduleFieldNames);
  const allDay = fields.get('isAllDay') === true;
  const values = readFields(
    c,
    fields,
    scheduleFieldNames,
    ctx,
    true,
    (v) => {
      if (allDay) checkAllDay(c, v);
      if (v.start && v.end) checkOrder(c, 'end', v.start, v.end);
    },
    allDay,
  );
  checkAttendeeLists(c, fields, values);
  // A calendar ID goes into the request's path: held to the meeting ID's rule (no dot segments, spaces or controls).
  const calendarId = values.calendarId;
  if (typeof calendarId === 'string' && calendarId.trim() !== '' && meetingIdProblem(calendarId) !== undefined) {
    c.wrongType('calendarId', 'a calendar ID (no spaces or control characters, not only dots)', calendarId);
  }
  if (c.errors.length > 0 || !values.start || !values.end) return { ok: false, errors: c.errors };
  const draft = { start: values.start.value, end: values.end.value } as MeetingDraft;
  assignFields(draft, values, (v) => !leftOutOfSchedule(v));
  return { ok: true, value: draft };
}

/**
 * Validates "Update meeting" inputs: only the fields given come back (a field not given keeps its value). An empty
 * string clears subject, location or content; an empty `attendees` array removes everyone. `timeZone` applies to
 * the `start` and `end` given with it, so it needs at least one of them. With `ctx.current`, a lone `start` or
 * `end` is checked against the meeting's other end, and turning Teams off an online meeting is refused.
 */
export function validateUpdate(input: unknown, ctx: UpdateValidationContext): Validation<MeetingChanges> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, updateFields);
  const meetingId = c.meetingId(fields);
  // All day from now on (given), or still (the current meeting's, when not given): new times stay at midnight.
  // Without the current meeting, dates are taken (the check with it decides).
  const allDayGiven = fields.get('isAllDay');
  const allDay = allDayGiven === true || (allDayGiven === undefined && ctx.current?.isAllDay === true);
  const datesTaken = allDay || (allDayGiven === undefined && ctx.current === undefined);
  const values = readFields(
    c,
    fields,
    updateFieldNames,
    ctx,
    false,
    ({ start, end }) => {
      const timeZoneGiven =
        typeof fields.get('timeZone') === 'string' && String(fields.get('timeZone')).trim() !== '';
      if (timeZoneGiven && fields.get('start') === undefined && fields.get('end') === undefined) {
        c.add('start', 'required');
      }
      // Turning all day on moves the meeting to whole days: both are needed.
      if (allDayGiven === true)
        for (const field of ['start', 'end'] as const)
          if (fields.get(field) === undefined) c.add(field, 'required');
      if (allDay) checkAllDay(c, { start, end });
      if (start && end) checkOrder(c, 'end', start, end);
      else if (ctx.current && (start || end)) {
        const other = start ? ctx.current.end : ctx.current.start;
        const otherMs = graphDateTimeToEpochMs(other);
        if (otherMs !== undefined) {
          const known: ResolvedDateTime = { value: other, epochMs: otherMs, ambiguous: false };
          if (start) checkOrder(c, 'start', start, known);
          else if (end) checkOrder(c, 'end', known, end);
        }
      }
    },
    datesTaken,
  );
  checkAttendeeLists(c, fields, values);
  if (values.contentType !== undefined && fields.get('content') === undefined) c.add('content', 'required');
  if (values.teamsMeeting === false && ctx.current?.isOnlineMeeting === true)
    c.add('teamsMeeting', 'teamsCannotBeTurnedOff');
  // "Update event": an occurrence's ID changes that occurrence; its series' recurrence goes with the master's ID.
  const type = ctx.current?.type;
  if (fields.get('recurrence') !== undefined && (type === 'occurrence' || type === 'exception'))
    c.add('recurrence', 'recurrenceOfOccurrence');
  if (c.errors.length > 0 || meetingId === undefined) return { ok: false, errors: c.errors };
  const changes: MeetingChanges = { meetingId };
  assignFields(changes, values, () => true);
  return { ok: true, value: changes };
}

/** Validates "Cancel meeting" inputs. An empty or blank comment is left out. */
export function validateCancel(input: unknown): Validation<CancelRequest> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, cancelFields);
  const meetingId = c.meetingId(fields);
  const comment = c.string(fields, 'comment', MAX_COMMENT_LENGTH);
  if (c.errors.length > 0 || meetingId === undefined) return { ok: false, errors: c.errors };
  const request: CancelRequest = { meetingId };
  if (comment !== undefined && comment.trim() !== '') request.comment = comment;
  return { ok: true, value: request };
}
