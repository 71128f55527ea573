// Text pieces of the agent tools' confirmations and results, pure (no runtime `vscode`; tested in Node): times in the
// user's zone as an agent can read them back, and lists of people.
import { graphDateTimeToEpochMs, instantToWall } from '../core/datetime';
import type { Attendee, GraphDateTime, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import { inertNotificationText } from './inertText';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` and `HH:mm` of an instant in a zone. */
function wall(epochMs: number, zone: string): { date: string; time: string } {
  const w = instantToWall(epochMs, zone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** `2030-01-07 10:00–10:30 (Europe/Berlin)`; both dates when the range crosses midnight in the zone. */
export function zonedRange(start: number, end: number, zone: string): string {
  const a = wall(start, zone);
  const b = wall(end, zone);
  return a.date === b.date
    ? `${a.date} ${a.time}–${b.time} (${zone})`
    : `${a.date} ${a.time} – ${b.date} ${b.time} (${zone})`;
}

/** `a, b, c` up to `max` names, then `(+N)` for the rest. */
export function peopleList(people: readonly string[], max = 20): string {
  const shown = people.slice(0, max).join(', ');
  return people.length > max ? `${shown} (+${people.length - max})` : shown;
}

/** The translated words of a confirmation (the host passes `vscode.l10n.t` phrases). */
export interface ConfirmWords {
  when(range: string): string;
  subject(quoted: string): string;
  noSubject: string;
  location(text: string): string;
  teams(on: boolean): string;
  message(text: string): string;
  repeats(text: string): string;
  to(people: string): string;
  optional(people: string): string;
  rooms(people: string): string;
  removed(people: string): string;
}

/** The longest message body quoted in a confirmation. */
export const quotedContentMax = 300;

/** A range of Graph date-times in `zone` (as `zonedRange`), or the wall times as given when unreadable. */
export function graphRange(start: GraphDateTime, end: GraphDateTime, zone: string): string {
  const a = graphDateTimeToEpochMs(start);
  const b = graphDateTimeToEpochMs(end);
  return a === undefined || b === undefined ? `${start.dateTime} – ${end.dateTime}` : zonedRange(a, b, zone);
}

/** A subject as a confirmation or result quotes it: in quotes, without link syntax; `noSubject` when blank. */
export function quotedSubject(subject: string | undefined, noSubject: string): string {
  return subject?.trim() ? `"${inertNotificationText(subject)}"` : noSubject;
}

/** Fields the lines name themselves (the recipients have their own lines). */
const namedFields = new Set([
  'start',
  'end',
  'subject',
  'location',
  'teamsMeeting',
  'content',
  'recurrence',
  'attendees',
  'optionalAttendees',
  'resources',
  'meetingId',
]);

/** One line per field sent (times in `zone`), every field the draft or change holds; untrusted text made inert. */
export function fieldLines(fields: Partial<MeetingDraft>, zone: string, w: ConfirmWords): string[] {
  const inert = inertNotificationText;
  const lines: string[] = [];
  const start = fields.start ?? fields.end;
  const end = fields.end ?? fields.start;
  if (start && end) lines.push(w.when(graphRange(start, end, zone)));
  if (fields.subject !== undefined) lines.push(w.subject(quotedSubject(fields.subject, w.noSubject)));
  if (fields.location !== undefined) lines.push(w.location(inert(fields.location)));
  if (fields.teamsMeeting !== undefined) lines.push(w.teams(fields.teamsMeeting));
  if (fields.content !== undefined) {
    const body =
      fields.content.length > quotedContentMax
        ? `${fields.content.slice(0, quotedContentMax)}…`
        : fields.content;
    lines.push(w.message(inert(body)));
  }
  if (fields.recurrence !== undefined) lines.push(w.repeats(inert(JSON.stringify(fields.recurrence))));
  for (const [key, value] of Object.entries(fields)) {
    if (!namedFields.has(key) && value !== undefined) lines.push(`${key}: ${inert(JSON.stringify(value))}`);
  }
  return lines;
}

/** The attendee lists of a meeting or draft. */
export interface RecipientLists {
  attendees?: string[];
  optionalAttendees?: string[];
  resources?: string[];
}

/** The recipients' lines: required, optional, rooms (empty lists left out). */
export function recipientLines(lists: RecipientLists, w: ConfirmWords): string[] {
  return [
    ...(lists.attendees?.length ? [w.to(peopleList(lists.attendees))] : []),
    ...(lists.optionalAttendees?.length ? [w.optional(peopleList(lists.optionalAttendees))] : []),
    ...(lists.resources?.length ? [w.rooms(peopleList(lists.resources))] : []),
  ];
}

/**
 * Who an update goes to: each list as the change gives it, else as the meeting has it (PATCH sends a list whole,
 * mapping.ts keeps the others); `removed`: the addresses no list holds any more (Graph sends them a cancellation).
 */
export function updateRecipients(
  current: Pick<Meeting, 'attendees'>,
  changes: MeetingChanges,
): { lists: Required<RecipientLists>; removed: string[] } {
  const of = (type: Attendee['type']): string[] =>
    current.attendees.filter((a) => a.type === type).map((a) => a.address);
  const lists = {
    attendees: changes.attendees ?? of('required'),
    optionalAttendees: changes.optionalAttendees ?? of('optional'),
    resources: changes.resources ?? of('resource'),
  };
  const kept = new Set(
    Object.values(lists)
      .flat()
      .map((a) => a.toLowerCase()),
  );
  return {
    lists,
    removed: current.attendees.map((a) => a.address).filter((a) => !kept.has(a.toLowerCase())),
  };
}
