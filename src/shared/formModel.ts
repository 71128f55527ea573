// The form's model, shared by the page and the host: defaults, form values <-> core inputs.
// Pure: runs in Node and in the browser.
import {
  convertGraphDateTime,
  formatWallTime,
  instantToWall,
  parseIsoDateTime,
  toIanaZone,
  utcMsToWall,
  wallToInstant,
  wallToUtcMs,
} from '../core/datetime';
import { bodyForEditing } from '../core/htmlText';
import type { GraphDateTime, Meeting, ScheduleInput, UpdateInput } from '../core/types';
import { formControl, formDefault, formFieldOrder, isFormDefault, plainFormFieldNames } from '../core/fields';
import type { FormFieldName } from '../core/fields';
import type { FormMode, FormValues } from './protocol';
import { recurrenceFormValue, recurrenceInput } from './recurrenceForm';

/** A form value read by field name (the values object is keyed by the table's form fields). */
function valueOf(values: FormValues, name: FormFieldName): unknown {
  return (values as Record<string, unknown>)[name];
}

/** The wall time of `instant` in `timeZone` as `YYYY-MM-DDTHH:mm`. */
export function wallTimeIn(instant: Date, timeZone: string): string {
  return formatWallTime(instantToWall(instant.getTime(), toIanaZone(timeZone) ?? timeZone)).slice(0, 16);
}

/** Minutes since the epoch of a wall time read as if it were UTC, or undefined when it is not one. */
function wallMinutes(wall: string): number | undefined {
  const parsed = parseIsoDateTime(wall);
  return parsed?.kind === 'wall' ? Math.floor(wallToUtcMs(parsed.wall) / 60_000) : undefined;
}

function wallFromMinutes(minutes: number): string {
  return formatWallTime(utcMsToWall(minutes * 60_000)).slice(0, 16);
}

/** `wall` plus `minutes` on the wall clock, or undefined when `wall` is not a wall time. */
export function addWallMinutes(wall: string, minutes: number): string | undefined {
  const base = wallMinutes(wall);
  return base === undefined ? undefined : wallFromMinutes(base + minutes);
}

/** Wall-clock minutes from `start` to `end`, or undefined when either is not a wall time. */
export function wallDurationMinutes(start: string, end: string): number | undefined {
  const a = wallMinutes(start);
  const b = wallMinutes(end);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** The instant a form wall time in `timeZone` stands for, or undefined when it is not one or does not exist. */
export function formInstant(wall: string, timeZone: string): number | undefined {
  const parsed = parseIsoDateTime(wall);
  const zone = toIanaZone(timeZone);
  if (parsed?.kind !== 'wall' || zone === undefined) return undefined;
  const resolved = wallToInstant(parsed.wall, zone);
  return resolved.ok ? resolved.epochMs : undefined;
}

/** Whether the form's start lies before `nowMs` (false while the start or zone is not valid). */
export function startsInPast(values: FormValues, nowMs: number): boolean {
  const start = formInstant(values.start, values.timeZone);
  return start !== undefined && start < nowMs;
}

/**
 * Whether a new form closed unsent holds typed work worth offering again: a text typed, attendees changed (times,
 * switches and options alone do not count).
 */
export function draftWorthKeeping(values: FormValues, original: FormValues): boolean {
  return formFieldOrder.some((name) => {
    const now = valueOf(values, name);
    const before = valueOf(original, name);
    switch (formControl(name).control) {
      case 'text':
      case 'textarea':
        return typeof now === 'string' && now.trim() !== '' && now.trim() !== String(before).trim();
      case 'attendees':
        return !sameAttendees(now as string[], before as string[]);
      case 'dateTime':
      case 'timeZone':
      case 'checkbox':
      case 'select':
      case 'number':
      case 'list':
      case 'recurrence':
      case 'calendar':
        return false;
    }
  });
}

/** Whether two form values hold the same in every field (key order aside). */
export function sameFormValues(a: FormValues, b: FormValues): boolean {
  return formFieldOrder.every((k) => JSON.stringify(valueOf(a, k)) === JSON.stringify(valueOf(b, k)));
}

/** Why sending deserves a second look: an untouched new form, no subject, a start in the past. */
export type SubmitConcern = 'untouched' | 'noSubject' | 'past';

/** The concerns about sending `values` now; empty when the form may go out without asking. */
export function submitConcerns(
  mode: FormMode,
  values: FormValues,
  original: FormValues,
  nowMs: number,
): SubmitConcern[] {
  const concerns: SubmitConcern[] = [];
  if (mode === 'schedule' && sameFormValues(values, original)) concerns.push('untouched');
  if (values.subject.trim() === '') concerns.push('noSubject');
  if (startsInPast(values, nowMs)) concerns.push('past');
  return concerns;
}

/** `Name <address>` or `"Last, First" <address>`, as Outlook copies recipients. */
const namedAddress = /^\s*(?:"[^"]*"|[^<>"]*?)\s*<([^<>\s]+)>\s*$/;

/**
 * Splits an attendee text into addresses: one per line, or separated by commas or semicolons (commas inside
 * quotes do not count). Outlook's `Ana Smith <ana@contoso.example>` yields the address in brackets.
 */
export function parseAttendees(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' || ch === '\r' || (!quoted && (ch === ',' || ch === ';'))) {
      pieces.push(current);
      current = '';
      if (ch === '\n' || ch === '\r') quoted = false;
    } else current += ch;
  }
  pieces.push(current);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i].trim();
    // `Smith, Ana <ana@…>`: a bare name before a comma belongs to the named address after it.
    const joined = `${piece},${pieces[i + 1] ?? ''}`;
    if (piece !== '' && !piece.includes('@') && i + 1 < pieces.length && namedAddress.test(joined)) {
      piece = joined;
      i++;
    }
    const address = (namedAddress.exec(piece)?.[1] ?? piece).trim();
    if (address !== '') out.push(address);
  }
  return out;
}

/** The addresses listed more than once (case-insensitive), each once, as first written. */
export function duplicateAttendees(list: string[]): string[] {
  const first = new Map<string, string>();
  const out: string[] = [];
  for (const a of list) {
    const key = a.trim().toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, a.trim());
    else if (!out.includes(seen)) out.push(seen);
  }
  return out;
}

/** A new form: starts at the next half hour in `timeZone` and lasts `durationMinutes`. */
export function defaultFormValues(now: Date, timeZone: string, durationMinutes: number): FormValues {
  const nowWall = wallMinutes(wallTimeIn(now, timeZone)) ?? Math.floor(now.getTime() / 60_000);
  const start = Math.ceil((nowWall + 1) / 30) * 30;
  const values: Record<string, unknown> = {};
  for (const name of formFieldOrder) if (!formControl(name).option) values[name] = formDefault(name);
  values.start = wallFromMinutes(start);
  values.end = wallFromMinutes(start + Math.max(1, Math.round(durationMinutes)));
  values.timeZone = timeZone;
  return values as FormValues;
}

/** A field's input from its form value, or undefined to leave it out (in an update: unless changed from `before`). */
function fieldInput(name: FormFieldName, value: unknown, update?: { before: unknown }): unknown {
  const before = update?.before;
  switch (formControl(name).control) {
    case 'dateTime':
      return toIsoWall(value as string);
    case 'timeZone':
      return value;
    case 'checkbox': {
      // An absent option is at its default.
      const on = value ?? formDefault(name);
      if (update) return on === (before ?? formDefault(name)) ? undefined : on;
      return formControl(name).option && on === formDefault(name) ? undefined : on;
    }
    case 'text':
      if (update) return (value as string).trim() !== (before as string).trim() ? value : undefined;
      return (value as string).trim() !== '' ? value : undefined;
    case 'textarea':
      if (update)
        return normText(value as string).trimEnd() !== normText(before as string).trimEnd()
          ? value
          : undefined;
      return (value as string).trim() !== '' ? value : undefined;
    case 'attendees': {
      const list = (value as string[]).map((a) => a.trim()).filter((a) => a !== '');
      if (update) return sameAttendees(value as string[], before as string[]) ? undefined : list;
      return list.length > 0 ? list : undefined;
    }
    case 'select': {
      const chosen = value ?? formDefault(name);
      if (update) return chosen !== (before ?? formDefault(name)) ? chosen : undefined;
      return chosen !== formDefault(name) ? chosen : undefined;
    }
    case 'number': {
      // The text typed: a whole number goes as one; anything else as typed, for validation to refuse by name.
      const text = String(value ?? formDefault(name)).trim();
      const same = update ? text === String(before ?? formDefault(name)).trim() : isFormDefault(name, text);
      if (same || text === '') return undefined;
      return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
    }
    case 'list': {
      const list = (value ?? []) as string[];
      if (update) return JSON.stringify(list) === JSON.stringify(before ?? []) ? undefined : list;
      return list.length > 0 ? list : undefined;
    }
    case 'calendar':
      // Schedule only: a meeting stays in its calendar.
      return update || value === undefined || value === '' ? undefined : value;
    case 'recurrence': {
      // The rule's text (shared/recurrenceForm.ts); '' does not repeat, which an update sends as null (refused).
      const text = (value ?? '') as string;
      if (update) return text === (before ?? '') ? undefined : (recurrenceInput(text) ?? null);
      return recurrenceInput(text);
    }
  }
}

/**
 * The calendar picker's choices: the calendars the user can edit (Microsoft Graph docs, "calendar resource type",
 * `canEdit`), the default one first under '' (no calendarId: the default calendar); none when fewer than two.
 */
export function calendarChoices(
  calendars: readonly { id: string; name: string; canEdit: boolean; isDefault: boolean }[],
): { id: string; name: string }[] {
  const editable = calendars.filter((c) => c.canEdit);
  if (editable.length < 2) return [];
  const byDefault = [...editable].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return byDefault.map((c) => ({ id: c.isDefault ? '' : c.id, name: c.name }));
}

/** The names of a list field's text: split at commas and semicolons, trimmed, blanks dropped. */
export function parseListText(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A form wall time as the core takes it (`YYYY-MM-DDTHH:mm:ss`); anything else unchanged. */
function toIsoWall(wall: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall) ? `${wall}:00` : wall;
}

/** The schedule input for the form's values; empty optional fields and options at their default are left out. */
export function formToScheduleInput(values: FormValues): ScheduleInput {
  const input: Record<string, unknown> = {};
  for (const name of formFieldOrder) {
    const value = fieldInput(name, valueOf(values, name));
    if (value !== undefined) input[name] = value;
  }
  // The form edits plain text.
  if (input.content !== undefined) input.contentType = 'text';
  allDayEnd(values, input);
  return input as ScheduleInput;
}

/**
 * The start and end fields' values when the all-day switch turns `on` (the days of the times; the end the last day) or
 * off (9:00 on the first day, to 9:30 or, over several days, 17:00 on the last).
 */
export function switchAllDayTimes(on: boolean, start: string, end: string): { start: string; end: string } {
  const first = start.slice(0, 10);
  let last = end.slice(0, 10);
  if (on) {
    // An end at midnight ends the day before.
    if (end.slice(11, 16) === '00:00' && last > first) last = addDays(last, -1) ?? last;
    return { start: first, end: last < first ? first : last };
  }
  return { start: `${first}T09:00`, end: last > first ? `${last}T17:00` : `${first}T09:30` };
}

/** A date `days` days after a form date (`YYYY-MM-DD`), or undefined when it is not one. */
export function addDays(date: string, days: number): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return addWallMinutes(`${date}T00:00`, days * 1440)?.slice(0, 10);
}

/**
 * An all-day form shows its last day as the end; Graph's end is the day after (exclusive, "event resource type"), so
 * the input's end is moved one day on. Anything but a date is left for validation to name.
 */
function allDayEnd(values: FormValues, input: Record<string, unknown>): void {
  if (!values.isAllDay || typeof input.end !== 'string') return;
  input.end = addDays(input.end, 1) ?? input.end;
}

function attendeeSet(list: string[]): Set<string> {
  return new Set(list.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''));
}

function sameAttendees(a: string[], b: string[]): boolean {
  const x = attendeeSet(a);
  const y = attendeeSet(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function normText(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/**
 * The update input for what changed between `original` and `values`. The time block (start, end, time zone)
 * travels together when any part of it changed, since wall times mean nothing without their zone; so do the three
 * attendee lists (Graph gets them as one list).
 */
export function formToUpdateInput(meetingId: string, values: FormValues, original: FormValues): UpdateInput {
  const input: Record<string, unknown> = { meetingId };
  const timesChanged =
    values.start !== original.start || values.end !== original.end || values.timeZone !== original.timeZone;
  // The attendee lists travel together too: the form shows all three, so an address in two of them is caught.
  const attendeeLists = formFieldOrder.filter((n) => formControl(n).control === 'attendees');
  const attendeesChanged = attendeeLists.some(
    (n) => !sameAttendees(valueOf(values, n) as string[], valueOf(original, n) as string[]),
  );
  for (const name of formFieldOrder) {
    const control = formControl(name).control;
    if (control === 'attendees' && attendeesChanged) {
      input[name] = fieldInput(name, valueOf(values, name));
      if (input[name] === undefined) input[name] = [];
      continue;
    }
    if (control === 'dateTime' || control === 'timeZone') {
      if (timesChanged)
        input[name] = fieldInput(name, valueOf(values, name), { before: valueOf(original, name) });
      continue;
    }
    const value = fieldInput(name, valueOf(values, name), { before: valueOf(original, name) });
    if (value !== undefined) input[name] = value;
  }
  if (input.content !== undefined) input.contentType = 'text';
  allDayEnd(values, input);
  return input as unknown as UpdateInput;
}

/** Whether an update input carries any change besides the meeting ID. */
export function hasChanges(input: UpdateInput): boolean {
  return Object.keys(input).some((k) => k !== 'meetingId');
}

/** A Graph date-time as a form wall time in `timeZone` (Graph's zone may differ). */
function meetingWall(dt: GraphDateTime, timeZone: string): string {
  const converted = dt.timeZone === timeZone ? dt : convertGraphDateTime(dt, timeZone);
  return (converted ?? dt).dateTime.slice(0, 16);
}

/** The form values of what the store keeps of a meeting (a read-only form of a deleted or cancelled one). */
export function storedToFormValues(
  stored: { subject: string; start: number; end: number; online: boolean },
  timeZone: string,
): FormValues {
  return {
    ...defaultFormValues(new Date(stored.start), timeZone, 30),
    start: wallTimeIn(new Date(stored.start), timeZone),
    end: wallTimeIn(new Date(stored.end), timeZone),
    subject: stored.subject,
    teamsMeeting: stored.online,
  };
}

/** The addresses of `meeting`'s attendees of one type (the form's three lists). */
function addressesOfType(meeting: Meeting, type: Meeting['attendees'][number]['type']): string[] {
  return meeting.attendees.filter((a) => a.type === type).map((a) => a.address);
}

/** The form values that show `meeting` in `timeZone` (update mode); plain fields (options) as Graph sent them. */
export function meetingToFormValues(meeting: Meeting, timeZone: string): FormValues {
  const plain: Record<string, unknown> = {};
  for (const name of plainFormFieldNames) {
    const read = meeting[name];
    // A number field shows its text.
    const value = typeof read === 'number' ? String(read) : read;
    if (value !== undefined && !isFormDefault(name, value)) plain[name] = value;
  }
  return {
    ...plain,
    // An all-day meeting shows its days as Graph keeps them (midnight in its own zone) and its last day as the end.
    ...(meeting.isAllDay
      ? {
          start: meeting.start.dateTime.slice(0, 10),
          end: addDays(meeting.end.dateTime.slice(0, 10), -1) ?? meeting.end.dateTime.slice(0, 10),
        }
      : { start: meetingWall(meeting.start, timeZone), end: meetingWall(meeting.end, timeZone) }),
    isAllDay: meeting.isAllDay === true,
    timeZone,
    subject: meeting.subject,
    attendees: addressesOfType(meeting, 'required'),
    optionalAttendees: addressesOfType(meeting, 'optional'),
    resources: addressesOfType(meeting, 'resource'),
    location: meeting.location ?? '',
    teamsMeeting: meeting.isOnlineMeeting,
    recurrence: meeting.recurrence ? recurrenceFormValue(meeting.recurrence) : '',
    content: meeting.content
      ? bodyForEditing(meeting.content, meeting.contentType ?? 'text', meeting.joinUrl)
      : '',
  };
}
