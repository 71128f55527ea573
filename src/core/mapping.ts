// Mapping between validated meeting requests and Graph event JSON, both ways. Graph's answers are
// never trusted: `fromGraphEvent` checks every field it reads.
import type {
  Attendee as GraphAttendee,
  DateTimeTimeZone,
  EmailAddress,
  Event,
  ItemBody,
  Location as GraphLocation,
  OnlineMeetingInfo,
  Recipient,
  ResponseStatus,
  TimeSlot,
} from '@microsoft/microsoft-graph-types';
import type {
  Attendee,
  AttendeeResponse,
  ContentType,
  GraphDateTime,
  Meeting,
  MeetingChanges,
  MeetingDraft,
  MeetingType,
} from './types';
import { formatWallTime, parseIsoDateTime, toIanaZone, toWindowsZone, utcMsToWall } from './datetime';
import { MAX_HTML_LENGTH, findOpenTag, tokenizeHtml } from './htmlTokens';
import { meetingFields, plainGraphFieldNames } from './fields';
import { fromGraphRecurrence, toGraphRecurrence } from './recurrence';
import type { SentRecurrence } from './recurrence';
import type { FieldName, FieldValue, GraphKeyOf, PlainGraphFieldName } from './fields';

/** `T` with the keys `K` present and not null: how this extension fills a Graph type it sends. */
type Filled<T, K extends keyof T> = { [P in K]-?: NonNullable<T[P]> };

/**
 * A property of Graph's `Event` as this extension sends it: `K` must be one of `Event`'s keys and `V`
 * (default: Graph's own type) must be assignable to it, so a misspelled key or a value Graph's type does
 * not allow fails to compile.
 */
type EventPart<K extends keyof Event, V extends NonNullable<Event[K]> = NonNullable<Event[K]>> = V;
/** A property of `Event` whose value this extension types itself (the key is still checked). */
type EventKeyed<K extends keyof Event, V> = K extends unknown ? V : never;

/** A date-time as sent: both fields, the zone a Windows name. */
export type SentDateTime = Filled<DateTimeTimeZone, 'dateTime' | 'timeZone'>;

/** An attendee as sent: an address (and the name Graph gave) and its type. */
export type SentAttendee = Filled<GraphAttendee, 'type'> & {
  emailAddress: Filled<EmailAddress, 'address'> & Pick<EmailAddress, 'name'>;
};

/**
 * The event JSON this extension sends to Graph (`POST /me/events`, `PATCH /me/events/{id}`), typed against
 * `@microsoft/microsoft-graph-types` (type-only: nothing of it reaches a bundle). `onlineMeetingProvider` is
 * a string because calendars also list providers missing from Graph's enum (`teamsForConsumer`).
 */
export type GraphEventPayload = SpecialPayload & PlainPayload;

/** The plain fields of `meetingFields`, each under its Graph key, as validated (typed by the table). */
export type PlainPayload = { [N in PlainGraphFieldName as GraphKeyOf<N>]?: FieldValue<N> };

/** The fields with special rules (fields.ts `graph: 'special'`), and the properties only this module sends. */
interface SpecialPayload {
  subject?: EventPart<'subject'>;
  body?: EventPart<'body', Filled<ItemBody, 'contentType' | 'content'>>;
  start?: EventPart<'start', SentDateTime>;
  end?: EventPart<'end', SentDateTime>;
  location?: EventPart<'location', Filled<GraphLocation, 'displayName'>>;
  attendees?: EventPart<'attendees', SentAttendee[]>;
  isOnlineMeeting?: EventPart<'isOnlineMeeting'>;
  onlineMeetingProvider?: EventKeyed<'onlineMeetingProvider', string>;
  transactionId?: EventPart<'transactionId'>;
  recurrence?: EventPart<'recurrence', SentRecurrence>;
}

/** The fields this module maps by name: the table's `special` ones. A field missing here is a compile error. */
type SpecialFieldName =
  | 'start'
  | 'end'
  | 'subject'
  | 'location'
  | 'content'
  | 'contentType'
  | 'attendees'
  | 'optionalAttendees'
  | 'resources'
  | 'teamsMeeting'
  | 'calendarId'
  | 'recurrence';
type TableSpecial = {
  [N in FieldName]: (typeof meetingFields)[N]['graph'] extends 'special' ? N : never;
}[FieldName];
/** Compile-time check that the special fields here are exactly the table's. */
export const specialFieldsMapped: [
  Exclude<TableSpecial, SpecialFieldName> | Exclude<SpecialFieldName, TableSpecial>,
] extends [never]
  ? true
  : never = true;

/** Copies the plain fields `from` holds into `body` under their Graph keys. */
function sendPlainFields(from: Partial<Record<PlainGraphFieldName, unknown>>, body: GraphEventPayload): void {
  for (const name of plainGraphFieldNames) {
    const value = from[name];
    if (value !== undefined) (body as Record<string, unknown>)[meetingFields[name].graph.key] = value;
  }
}

/** Why a request cannot be mapped to a Graph body. */
export type MappingErrorCode = 'teamsCannotBeTurnedOff' | 'teamsUnavailable' | 'unsupportedTimeZone';

/** A request Graph cannot carry out (validation should have caught it first). */
export class MappingError extends Error {
  readonly kind = 'mapping';
  constructor(
    readonly code: MappingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

/** Whether `e` is a `MappingError` (works across separately bundled copies of the class). */
export function isMappingError(e: unknown): e is MappingError {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'mapping';
}

function teamsUnavailable(): MappingError {
  return new MappingError(
    'teamsUnavailable',
    'Teams meetings are not available for this account: no Teams online-meeting provider is allowed for its calendar.',
  );
}

/**
 * The zone name to send to Graph (in `start`, `end`, a recurrence's `recurrenceTimeZone`): the Windows name
 * of an IANA or Windows zone. Graph refuses most IANA names with 400 `TimeZoneNotSupportedException`
 * (Microsoft Graph docs, "dateTimeTimeZone resource type"). Throws a `MappingError`
 * (`unsupportedTimeZone`) for a zone with no Windows equivalent (validation refuses it first).
 */
export function graphTimeZone(zone: string): string {
  const windows = toWindowsZone(zone);
  if (windows === undefined) {
    throw new MappingError(
      'unsupportedTimeZone',
      `Outlook has no time zone matching "${zone}". Choose a zone with the same clock times, such as a nearby city.`,
    );
  }
  return windows;
}

/** A date-time as Graph takes it: the same wall time, the zone as its Windows name. */
function toGraphDateTimeBody(value: GraphDateTime): SentDateTime {
  return { dateTime: value.dateTime, timeZone: graphTimeZone(value.timeZone) };
}

/** Options of a create. */
export interface CreateOptions {
  /** Sent with the create so a retried request returns the first event instead of making a second one. */
  transactionId: string;
  /** From `pickOnlineMeetingProvider`; required when the draft asks for Teams. */
  onlineMeetingProvider?: string;
}

/**
 * The body of `POST /me/events`. Fields the draft leaves out are left out. `teamsMeeting: false` is
 * sent as `isOnlineMeeting: false` so a mailbox that adds Teams to every meeting does not. Throws a
 * `MappingError` (`teamsUnavailable`) when Teams is asked for without a provider.
 */
export function toCreateBody(draft: MeetingDraft, options: CreateOptions): GraphEventPayload {
  const body: GraphEventPayload = {};
  if (draft.subject !== undefined) body.subject = draft.subject;
  if (draft.content !== undefined)
    body.body = { contentType: draft.contentType ?? 'text', content: draft.content };
  body.start = toGraphDateTimeBody(draft.start);
  body.end = toGraphDateTimeBody(draft.end);
  if (draft.location !== undefined) body.location = { displayName: draft.location };
  const attendees = attendeeTypeLists.flatMap(([name, type]) =>
    (draft[name] ?? []).map((address) => toGraphAttendee(address, type)),
  );
  if (attendees.length > 0) body.attendees = attendees;
  if (draft.teamsMeeting === true) {
    if (!options.onlineMeetingProvider) throw teamsUnavailable();
    body.isOnlineMeeting = true;
    body.onlineMeetingProvider = options.onlineMeetingProvider;
  } else if (draft.teamsMeeting === false) {
    body.isOnlineMeeting = false;
  }
  if (draft.recurrence !== undefined) body.recurrence = toGraphRecurrence(draft.recurrence, graphTimeZone);
  sendPlainFields(draft, body);
  body.transactionId = options.transactionId;
  return body;
}

/** The draft's attendee lists and the Graph attendee `type` each is sent as ("attendee resource type"). */
const attendeeTypeLists = [
  ['attendees', 'required'],
  ['optionalAttendees', 'optional'],
  ['resources', 'resource'],
] as const satisfies readonly (readonly [keyof MeetingDraft, Attendee['type']])[];

function toGraphAttendee(address: string, type: Attendee['type'], name?: string): SentAttendee {
  return { emailAddress: name ? { address, name } : { address }, type };
}

/**
 * The whole attendee list of an update that changes any of the three lists (Graph's PATCH replaces `attendees`
 * wholesale, "event update" page): the lists given, and `current`'s attendees of the types not given, so nobody of
 * another type is dropped. An address given in a list leaves the list it was kept in (it moved). Undefined when no
 * list changes. Throws without `current` (a partial list would remove the others).
 */
function updatedAttendees(changes: MeetingChanges, current: Meeting | undefined): SentAttendee[] | undefined {
  if (attendeeTypeLists.every(([name]) => changes[name] === undefined)) return undefined;
  if (!current)
    throw new Error('An update of an attendee list needs the current meeting, to keep the other attendees.');
  const given = new Set(
    attendeeTypeLists.flatMap(([name]) => (changes[name] ?? []).map((a) => a.toLowerCase())),
  );
  return attendeeTypeLists.flatMap(([name, type]) => {
    const list = changes[name];
    if (list !== undefined) return list.map((address) => toGraphAttendee(address, type));
    return current.attendees
      .filter((a) => a.type === type && !given.has(a.address.toLowerCase()))
      .map((a) => toGraphAttendee(a.address, type, a.name));
  });
}

/**
 * The Teams provider to ask for, from the calendar's `allowedOnlineMeetingProviders` and
 * `defaultOnlineMeetingProvider`: `teamsForBusiness` when allowed, else an allowed Teams default, else any
 * allowed Teams provider. Undefined means Teams is unavailable (personal accounts offer none; Skype
 * providers are not Teams and are never picked).
 */
export function pickOnlineMeetingProvider(allowed: string[], defaultProvider?: string): string | undefined {
  const isTeams = (p: string): boolean => /^teams/i.test(p);
  const business = allowed.find((p) => p.toLowerCase() === 'teamsforbusiness');
  if (business) return 'teamsForBusiness';
  if (
    defaultProvider &&
    defaultProvider.toLowerCase() !== 'unknown' &&
    isTeams(defaultProvider) &&
    allowed.some((p) => p.toLowerCase() === defaultProvider.toLowerCase())
  ) {
    return defaultProvider;
  }
  return allowed.find(isTeams);
}

/**
 * The body of `PATCH /me/events/{id}`: only the changed fields (Graph keeps what is not sent). `attendees` only when
 * an attendee list is given, then whole, every type kept (Graph replaces the list wholesale; pass `current`). Teams on for a meeting that is not online sets `isOnlineMeeting` and the
 * provider; on for one that is, nothing; off for an online meeting throws (`teamsCannotBeTurnedOff`).
 * New content for an online meeting keeps the Teams join block of `current`'s body after it; pass
 * `current` whenever content changes.
 */
export function toUpdateBody(
  changes: MeetingChanges,
  current?: Meeting,
  onlineMeetingProvider?: string,
): GraphEventPayload {
  const body: GraphEventPayload = {};
  if (changes.subject !== undefined) body.subject = changes.subject;
  if (changes.content !== undefined) {
    body.body = mergeContent(changes.content, changes.contentType ?? 'text', current);
  }
  if (changes.start !== undefined) body.start = toGraphDateTimeBody(changes.start);
  if (changes.end !== undefined) body.end = toGraphDateTimeBody(changes.end);
  if (changes.location !== undefined) body.location = { displayName: changes.location };
  const attendees = updatedAttendees(changes, current);
  if (attendees !== undefined) body.attendees = attendees;
  if (changes.teamsMeeting === true && current?.isOnlineMeeting !== true) {
    if (!onlineMeetingProvider) throw teamsUnavailable();
    body.isOnlineMeeting = true;
    body.onlineMeetingProvider = onlineMeetingProvider;
  } else if (changes.teamsMeeting === false && current?.isOnlineMeeting === true) {
    throw new MappingError(
      'teamsCannotBeTurnedOff',
      'This meeting already has a Teams link, and Graph cannot remove it from a meeting.',
    );
  }
  if (changes.recurrence !== undefined)
    body.recurrence = toGraphRecurrence(changes.recurrence, graphTimeZone);
  sendPlainFields(changes, body);
  return body;
}

/** Escapes text for HTML; line breaks become `<br>`. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r\n|\r|\n/g, '<br>\r\n');
}

/** Where a Teams join block sits in a body: `[start, end)` offsets into the content. */
export interface JoinBlockSpan {
  start: number;
  end: number;
}

const separatorRun = /_{30,}/;
const teamsMarker = /teams\.microsoft\.com|teams\.live\.com|microsoft teams|me-email-text|meetup-join/i;
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Where the last Teams marker (the join URL, a Teams host, "Microsoft Teams", Graph's `me-email-text`
 * class, `meetup-join`) lying wholly in `[0, end)` starts, or -1. One pass; overlapping matches count.
 */
function lastMarkerStart(content: string, end: number, joinUrl?: string): number {
  const head = content.slice(0, end);
  let last = -1;
  const marker = new RegExp(teamsMarker.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = marker.exec(head)) !== null) {
    last = m.index;
    marker.lastIndex = m.index + 1;
  }
  if (joinUrl) {
    for (const url of [joinUrl, joinUrl.replace(/&/g, '&amp;')]) last = Math.max(last, head.lastIndexOf(url));
  }
  return last;
}

function bodyBounds(html: string): { contentStart: number; contentEnd: number } {
  const open = findOpenTag(html, 'body');
  const contentStart = open ? open.end : 0;
  const close = html.toLowerCase().lastIndexOf('</body');
  return { contentStart, contentEnd: close >= contentStart ? close : html.length };
}

const invisibleEntities = /&nbsp;|&#160;|&#xa0;/gi;

/**
 * Finds the Teams join block Graph puts into an online meeting's body: the first separator line of
 * underscores that is followed by a Teams marker (the join URL, a Teams link, "Microsoft Teams", Graph's
 * `me-email-text` class). In HTML the block starts at the outermost element around that separator with
 * no visible text before it, and runs to the end of `<body>`; in text, it starts at the separator's line.
 * Linear in the content; content longer than `MAX_HTML_LENGTH` has no join block (undefined).
 */
export function findJoinBlock(
  content: string,
  contentType: ContentType,
  joinUrl?: string,
): JoinBlockSpan | undefined {
  if (content.length > MAX_HTML_LENGTH) return undefined;
  const { contentStart, contentEnd } =
    contentType === 'html' ? bodyBounds(content) : { contentStart: 0, contentEnd: content.length };
  const lastMarker = lastMarkerStart(content, contentEnd, joinUrl);
  const separator = new RegExp(separatorRun.source, 'g');
  separator.lastIndex = contentStart;
  const run = separator.exec(content);
  if (run === null || run.index >= contentEnd || run.index > lastMarker) return undefined;
  if (contentType === 'text') {
    const lineStart = Math.max(content.lastIndexOf('\n', run.index) + 1, 0);
    return { start: lineStart, end: contentEnd };
  }
  return { start: htmlBlockStart(content, contentStart, run.index), end: contentEnd };
}

/**
 * The start of the outermost element around `runIndex` with no visible text between its start and the run
 * (tags, comments and non-breaking spaces are not visible); `runIndex` when the innermost has some. One pass.
 */
function htmlBlockStart(html: string, from: number, runIndex: number): number {
  const open: { name: string; start: number }[] = [];
  /** Per tag name, the stack positions of its open elements (so a closing tag finds its element at once). */
  const byName = new Map<string, number[]>();
  const head = html.slice(0, runIndex);
  let visibleEnd = from;
  tokenizeHtml(head, from, (t) => {
    if (t.kind === 'text') {
      if (/\S/.test(head.slice(t.start, t.end).replace(invisibleEntities, ''))) visibleEnd = t.end;
      return;
    }
    if (t.kind !== 'tag') return;
    if (t.closing) {
      const positions = byName.get(t.name);
      if (!positions || positions.length === 0) return;
      const at = positions[positions.length - 1];
      while (open.length > at) byName.get(open.pop()!.name)!.pop();
    } else if (!voidElements.has(t.name) && !t.selfClosing) {
      let positions = byName.get(t.name);
      if (!positions) byName.set(t.name, (positions = []));
      positions.push(open.length);
      open.push({ name: t.name, start: t.start });
    }
  });
  return open.find((e) => e.start >= visibleEnd)?.start ?? runIndex;
}

/** What lies between `<body ...>` and the last `</body>`; the whole text when it has no such pair. */
function innerBody(html: string): string {
  const open = findOpenTag(html, 'body');
  if (!open) return html;
  const lower = html.toLowerCase();
  const closeTag = /<\/body\s*>/y;
  for (
    let close = lower.lastIndexOf('</body');
    close >= open.end;
    close = lower.lastIndexOf('</body', close - 1)
  ) {
    closeTag.lastIndex = close;
    if (closeTag.test(lower)) return html.slice(open.end, close);
    if (close === 0) break;
  }
  return html;
}

/** A join block of our own, for an online meeting whose body lost Graph's. */
function fallbackJoinBlock(joinUrl: string): string {
  const href = joinUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    '<div>' +
    '_'.repeat(80) +
    '</div>\r\n' +
    `<div class="me-email-text"><a href="${href}">Join Microsoft Teams Meeting</a></div>\r\n` +
    '<div>' +
    '_'.repeat(80) +
    '</div>'
  );
}

/** The body to send for new content, keeping the Teams join block of an online meeting. */
function mergeContent(
  content: string,
  contentType: ContentType,
  current: Meeting | undefined,
): { contentType: ContentType; content: string } {
  if (!current?.isOnlineMeeting) return { contentType, content };
  const old = current.content ?? '';
  const oldType = current.contentType ?? 'html';
  const span = old ? findJoinBlock(old, oldType, current.joinUrl) : undefined;
  if (span && oldType === 'text') {
    const block = old.slice(span.start, span.end);
    if (contentType === 'text') return { contentType: 'text', content: `${content}\r\n\r\n${block}` };
    return { contentType: 'html', content: `${innerBody(content)}\r\n<div>${escapeHtml(block)}</div>` };
  }
  const newHtml = contentType === 'html' ? innerBody(content) : escapeHtml(content);
  if (span) {
    const head = old.slice(0, bodyBounds(old).contentStart);
    return {
      contentType: 'html',
      content: `${head}${newHtml}\r\n${old.slice(span.start, span.end)}${old.slice(span.end)}`,
    };
  }
  if (current.joinUrl) {
    return { contentType: 'html', content: `${newHtml}\r\n${fallbackJoinBlock(current.joinUrl)}` };
  }
  return { contentType, content };
}

/** Graph answered with something this extension cannot read as an event. */
export class MalformedGraphResponseError extends Error {
  readonly kind = 'malformedGraphResponse';
  constructor(
    /** Where in the answer the problem is (`start.dateTime`, `attendees[2].emailAddress`). */
    readonly path: string,
    detail: string,
  ) {
    super(`Microsoft Graph sent an event this extension cannot read (${path}: ${detail}).`);
    this.name = 'MalformedGraphResponseError';
  }
}

/** Whether `e` is a `MalformedGraphResponseError` (works across separately bundled copies of the class). */
export function isMalformedResponseError(e: unknown): e is MalformedGraphResponseError {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'malformedGraphResponse';
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, detail: string): never {
  throw new MalformedGraphResponseError(path, detail);
}

/** A key of the Graph type `T`: reading a key `T` does not have fails to compile. */
type KeyOf<T> = Extract<keyof T, string>;

/** `o[key]` if it is `o`'s own property, read as a property of the Graph type `T`. */
function own<T>(o: Json, key: KeyOf<T>): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function optionalString<T>(o: Json, key: KeyOf<T>, path: string = key): string | undefined {
  const v = own<T>(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(path, 'expected a string');
  return v;
}

function optionalBoolean<T>(o: Json, key: KeyOf<T>): boolean | undefined {
  const v = own<T>(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(key, 'expected true or false');
  return v;
}

/** An event's (or a `timeSlot`'s) `start` or `end`; `path` names it in errors. */
function readDateTime(o: Json, key: KeyOf<Event> & KeyOf<TimeSlot>, path: string = key): GraphDateTime {
  const v = own<Event>(o, key);
  if (!isObject(v)) fail(path, 'expected an object with dateTime and timeZone');
  const dateTime = own<DateTimeTimeZone>(v, 'dateTime');
  const timeZone = own<DateTimeTimeZone>(v, 'timeZone');
  if (typeof dateTime !== 'string') fail(`${path}.dateTime`, 'expected a string');
  if (typeof timeZone !== 'string' || timeZone.trim() === '')
    fail(`${path}.timeZone`, 'expected a time zone name');
  const parsed = parseIsoDateTime(dateTime.trim());
  if (!parsed) fail(`${path}.dateTime`, 'not an ISO 8601 date-time');
  if (parsed.kind === 'instant')
    return { dateTime: formatWallTime(utcMsToWall(parsed.epochMs)), timeZone: 'UTC' };
  // With `Prefer: outlook.timezone` set to a Windows name, Graph answers in that name: shown as IANA.
  return { dateTime: formatWallTime(parsed.wall), timeZone: toIanaZone(timeZone) ?? timeZone };
}

const attendeeTypes: readonly Attendee['type'][] = ['required', 'optional', 'resource'];
/** "responseStatus resource type" (Microsoft Learn): `response` is one of these (`unknownFutureValue` may come). */
const attendeeResponses: readonly AttendeeResponse[] = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
];

/** An attendee's `status.response` ("attendee resource type"); an answer added later is left out. */
function readResponse(item: Json, path: string): AttendeeResponse | undefined {
  const status = own<GraphAttendee>(item, 'status');
  if (status === undefined || status === null) return undefined;
  if (!isObject(status)) fail(`${path}.status`, 'expected an object');
  const raw = optionalString<ResponseStatus>(status, 'response', `${path}.status.response`)?.toLowerCase();
  return attendeeResponses.find((r) => r.toLowerCase() === raw);
}
const eventTypes: readonly MeetingType[] = ['singleInstance', 'occurrence', 'exception', 'seriesMaster'];
const providers = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'];

function readEmailAddress(v: unknown, path: string): { address: string; name?: string } {
  if (!isObject(v)) fail(path, 'expected an object with an address');
  const address = optionalString<EmailAddress>(v, 'address', `${path}.address`) ?? '';
  const name = optionalString<EmailAddress>(v, 'name', `${path}.name`);
  return name ? { address, name } : { address };
}

function readAttendees(o: Json): Attendee[] {
  const v = own<Event>(o, 'attendees');
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail('attendees', 'expected an array');
  return v.map((item: unknown, i): Attendee => {
    const path = `attendees[${i}]`;
    if (!isObject(item)) fail(path, 'expected an object');
    const email = readEmailAddress(own<GraphAttendee>(item, 'emailAddress'), `${path}.emailAddress`);
    const rawType = optionalString<GraphAttendee>(item, 'type', `${path}.type`)?.toLowerCase() ?? 'required';
    const type = attendeeTypes.find((t) => t === rawType) ?? 'required';
    const attendee: Attendee = email.name
      ? { address: email.address, name: email.name, type }
      : { address: email.address, type };
    const response = readResponse(item, path);
    if (response) attendee.response = response;
    // "attendee resource type": `proposedNewTime` (a timeSlot) is left out of a GET when nothing was proposed.
    const proposed = own<GraphAttendee>(item, 'proposedNewTime');
    if (proposed !== undefined && proposed !== null) {
      const at = `${path}.proposedNewTime`;
      if (!isObject(proposed)) fail(at, 'expected an object with start and end');
      attendee.proposedNewTime = {
        start: readDateTime(proposed, 'start', `${at}.start`),
        end: readDateTime(proposed, 'end', `${at}.end`),
      };
    }
    return attendee;
  });
}

/**
 * Reads the table's plain fields by their kind. An enum value Graph may add later is left out rather than refused
 * (Graph's enums grow: `unknownFutureValue`); a value of the wrong JSON type is malformed.
 */
function readPlainFields(json: Json, meeting: Meeting): void {
  const out = meeting as unknown as Record<string, unknown>;
  for (const name of plainGraphFieldNames) {
    const spec = meetingFields[name];
    const key = spec.graph.key;
    const kind = spec.kind;
    switch (kind.type) {
      case 'enum': {
        const raw = optionalString<Event>(json, key)?.toLowerCase();
        const value = kind.values.find((v) => v.toLowerCase() === raw);
        if (value !== undefined) out[name] = value;
        break;
      }
      case 'boolean': {
        const value = optionalBoolean<Event>(json, key);
        if (value !== undefined) out[name] = value;
        break;
      }
      case 'strings': {
        const value = own<Event>(json, key);
        if (value === undefined || value === null) break;
        if (!Array.isArray(value) || !value.every((s) => typeof s === 'string'))
          fail(key, 'expected a list of strings');
        out[name] = value;
        break;
      }
      case 'integer': {
        const value = own<Event>(json, key);
        if (value === undefined || value === null) break;
        if (typeof value !== 'number' || !Number.isInteger(value)) fail(key, 'expected a whole number');
        out[name] = value;
        break;
      }
      default: {
        // A plain field of a kind with no reader yet: add its case (a compile error until then).
        const unread: never = kind;
        throw new Error(`No reader for ${JSON.stringify(unread)}`);
      }
    }
  }
}

/**
 * Reads a Graph event into a `Meeting`, checking every field it uses; enum values are case-folded and
 * date-times are normalised to `YYYY-MM-DDTHH:mm:ss` (Graph's seven-digit fractions are dropped) and their
 * zones to canonical IANA names where known (Graph answers with Windows names).
 * Throws `MalformedGraphResponseError` on anything else.
 */
export function fromGraphEvent(json: unknown): Meeting {
  if (!isObject(json)) fail('(event)', 'expected a JSON object');
  const id = own<Event>(json, 'id');
  if (typeof id !== 'string' || id === '') fail('id', 'expected a non-empty string');
  const meeting: Meeting = {
    id,
    subject: optionalString<Event>(json, 'subject') ?? '',
    start: readDateTime(json, 'start'),
    end: readDateTime(json, 'end'),
    attendees: readAttendees(json),
    isOnlineMeeting: optionalBoolean<Event>(json, 'isOnlineMeeting') ?? false,
    isOrganizer: optionalBoolean<Event>(json, 'isOrganizer') ?? false,
    isCancelled: optionalBoolean<Event>(json, 'isCancelled') ?? false,
  };
  const location = own<Event>(json, 'location');
  if (location !== undefined && location !== null) {
    if (!isObject(location)) fail('location', 'expected an object');
    const displayName = optionalString<GraphLocation>(location, 'displayName', 'location.displayName');
    if (displayName) meeting.location = displayName;
  }
  const provider = optionalString<Event>(json, 'onlineMeetingProvider');
  if (provider !== undefined) {
    meeting.onlineMeetingProvider =
      providers.find((p) => p.toLowerCase() === provider.toLowerCase()) ?? provider;
  }
  const online = own<Event>(json, 'onlineMeeting');
  if (online !== undefined && online !== null) {
    if (!isObject(online)) fail('onlineMeeting', 'expected an object');
    const joinUrl = optionalString<OnlineMeetingInfo>(online, 'joinUrl', 'onlineMeeting.joinUrl');
    if (joinUrl) meeting.joinUrl = joinUrl;
  }
  const webLink = optionalString<Event>(json, 'webLink');
  if (webLink) meeting.webLink = webLink;
  const organizer = own<Event>(json, 'organizer');
  if (organizer !== undefined && organizer !== null) {
    if (!isObject(organizer)) fail('organizer', 'expected an object');
    const email = own<Recipient>(organizer, 'emailAddress');
    if (email !== undefined && email !== null)
      meeting.organizer = readEmailAddress(email, 'organizer.emailAddress');
  }
  const body = own<Event>(json, 'body');
  if (body !== undefined && body !== null) {
    if (!isObject(body)) fail('body', 'expected an object');
    const content = optionalString<ItemBody>(body, 'content', 'body.content');
    const type = optionalString<ItemBody>(body, 'contentType', 'body.contentType')?.toLowerCase();
    if (type !== undefined && type !== 'text' && type !== 'html')
      fail('body.contentType', 'expected text or html');
    if (content !== undefined) meeting.content = content;
    if (type !== undefined) meeting.contentType = type;
  }
  const transactionId = optionalString<Event>(json, 'transactionId');
  if (transactionId) meeting.transactionId = transactionId;
  const lastModified = optionalString<Event>(json, 'lastModifiedDateTime');
  if (lastModified) meeting.lastModifiedDateTime = lastModified;
  // "event resource type": `type`, `seriesMasterId` (occurrences and exceptions), `recurrence` (series masters).
  const rawType = optionalString<Event>(json, 'type')?.toLowerCase();
  const type = eventTypes.find((t) => t.toLowerCase() === rawType);
  if (type) meeting.type = type;
  const seriesMasterId = optionalString<Event>(json, 'seriesMasterId');
  if (seriesMasterId) meeting.seriesMasterId = seriesMasterId;
  const recurrence = fromGraphRecurrence(own<Event>(json, 'recurrence'), fail);
  if (recurrence) meeting.recurrence = recurrence;
  readPlainFields(json, meeting);
  return meeting;
}
