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
import type { FormMode, FormValues } from './protocol';
import { formValueKeys } from './protocol';

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

/** Whether a new form closed unsent holds typed work worth offering again (times alone do not count). */
export function draftWorthKeeping(values: FormValues, original: FormValues): boolean {
  const typed = (k: 'subject' | 'location' | 'content') =>
    values[k].trim() !== '' && values[k].trim() !== original[k].trim();
  return (
    typed('subject') ||
    typed('location') ||
    typed('content') ||
    !sameAttendees(values.attendees, original.attendees)
  );
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
  const same = formValueKeys.every((k) => JSON.stringify(values[k]) === JSON.stringify(original[k]));
  if (mode === 'schedule' && same) concerns.push('untouched');
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
  return {
    start: wallFromMinutes(start),
    end: wallFromMinutes(start + Math.max(1, Math.round(durationMinutes))),
    timeZone,
    subject: '',
    attendees: [],
    location: '',
    teamsMeeting: false,
    content: '',
  };
}

/** A form wall time as the core takes it (`YYYY-MM-DDTHH:mm:ss`); anything else unchanged. */
function toIsoWall(wall: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall) ? `${wall}:00` : wall;
}

/** The schedule input for the form's values; empty optional fields are left out. */
export function formToScheduleInput(values: FormValues): ScheduleInput {
  const input: ScheduleInput = {
    start: toIsoWall(values.start),
    end: toIsoWall(values.end),
    timeZone: values.timeZone,
    teamsMeeting: values.teamsMeeting,
  };
  if (values.subject.trim() !== '') input.subject = values.subject;
  const attendees = values.attendees.map((a) => a.trim()).filter((a) => a !== '');
  if (attendees.length > 0) input.attendees = attendees;
  if (values.location.trim() !== '') input.location = values.location;
  if (values.content.trim() !== '') {
    input.content = values.content;
    input.contentType = 'text';
  }
  return input;
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
 * travels together when any part of it changed, since wall times mean nothing without their zone.
 */
export function formToUpdateInput(meetingId: string, values: FormValues, original: FormValues): UpdateInput {
  const input: UpdateInput = { meetingId };
  if (
    values.start !== original.start ||
    values.end !== original.end ||
    values.timeZone !== original.timeZone
  ) {
    input.start = toIsoWall(values.start);
    input.end = toIsoWall(values.end);
    input.timeZone = values.timeZone;
  }
  if (values.subject.trim() !== original.subject.trim()) input.subject = values.subject;
  if (!sameAttendees(values.attendees, original.attendees)) {
    input.attendees = values.attendees.map((a) => a.trim()).filter((a) => a !== '');
  }
  if (values.location.trim() !== original.location.trim()) input.location = values.location;
  if (values.teamsMeeting !== original.teamsMeeting) input.teamsMeeting = values.teamsMeeting;
  if (normText(values.content).trimEnd() !== normText(original.content).trimEnd()) {
    input.content = values.content;
    input.contentType = 'text';
  }
  return input;
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

/** The form values that show `meeting` in `timeZone` (update mode). */
export function meetingToFormValues(meeting: Meeting, timeZone: string): FormValues {
  return {
    start: meetingWall(meeting.start, timeZone),
    end: meetingWall(meeting.end, timeZone),
    timeZone,
    subject: meeting.subject,
    attendees: meeting.attendees.map((a) => a.address),
    location: meeting.location ?? '',
    teamsMeeting: meeting.isOnlineMeeting,
    content: meeting.content
      ? bodyForEditing(meeting.content, meeting.contentType ?? 'text', meeting.joinUrl)
      : '',
  };
}
