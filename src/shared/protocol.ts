// The typed message protocol between the extension host and the meeting form webview.
// The host never trusts a message: `parseFromWebview` checks every field before anything acts on it.
import { formControl, formFieldOrder } from '../core/fields';
import type { FormControl, FormFieldName, FormValue, OptionFieldName } from '../core/fields';
import { freeBusyStatuses } from '../core/findTime';
import type { FreeBusyStatus } from '../core/findTime';
import { validationMessages } from '../core/messages';
import type { FieldError } from '../core/types';
import type { FormStrings } from './formStrings';

/**
 * What the form edits: one value per form field of `meetingFields` (core/fields.ts), typed by its control.
 * `start`/`end` are wall times `YYYY-MM-DDTHH:mm` in `timeZone`. Options are absent while at their default.
 */
export type FormValues = { [N in Exclude<FormFieldName, OptionFieldName>]: FormValue<N> } & {
  [N in OptionFieldName]?: FormValue<N>;
};

/** Whether the Teams switch can be used, and why not. */
export interface TeamsState {
  /** The switch can be changed. */
  enabled: boolean;
  /** Localised explanation shown next to a disabled switch. */
  reason?: string;
}

export type FormMode = 'schedule' | 'update';

/** Host to page: fill the form. Sent once, after the page says `ready`. */
export interface InitMessage {
  type: 'init';
  mode: FormMode;
  /** The meeting being updated (update mode). */
  meetingId?: string;
  values: FormValues;
  teams: TeamsState;
  /** Localised UI strings. */
  strings: FormStrings;
  /** Localised validation templates, keyed by `ValidationCode`. */
  messages: Record<string, string>;
  /** IANA zones offered in the time zone picker. */
  timeZones: string[];
  /** Maximum number of attendees (Graph's limit). */
  maxAttendees: number;
  /** Schedule mode: the values of a new form whose tab was closed unsent, offered to restore. */
  closedDraft?: FormValues;
  /** People the page offers to add as attendees (never added until the user chooses): who last changed the code. */
  suggestedAttendees?: SuggestedAttendee[];
  /** Issue 13: the find-a-time features and whether each may be used (absent: none is offered). */
  findTime?: FindTimeFeatures;
}

/** Issue 13's form features: people suggestions, the free/busy strip, suggested times, the room picker. */
export type FindTimeFeature = 'people' | 'availability' | 'suggestions' | 'rooms';
export const findTimeFeatureNames: readonly FindTimeFeature[] = [
  'people',
  'availability',
  'suggestions',
  'rooms',
];

/**
 * Whether a feature can be used: `available`; `ask` (its permission was not granted yet: the page offers a button
 * that asks, a user action); `unavailable` (declined, no tenant consent, or the account cannot have it). `reason` is
 * the one localised line the page shows instead of the feature.
 */
export type FeatureState = { state: 'available' } | { state: 'ask' | 'unavailable'; reason: string };

export type FindTimeFeatures = Record<FindTimeFeature, FeatureState>;

/** A person or room offered in the form: display name (may be empty) and address. */
export interface PersonChoice {
  name: string;
  address: string;
}

/** A person the form suggests as an attendee (meetings about code: who last changed the lines). */
export type SuggestedAttendee = PersonChoice;

/** Graph's free/busy statuses (`freeBusyStatus`, and `availabilityView` digits 0-4 plus unknown). */
export type BusyStatus = FreeBusyStatus;

/** A block of someone's day: minutes from the asked day's midnight (0-1440, clipped), in the form's zone. */
export interface BusyBlock {
  start: number;
  end: number;
  status: BusyStatus;
}

/** One strip: whose (the organizer first), their busy blocks, or that Graph could not tell (`unknown`). */
export interface AttendeeSchedule {
  address: string;
  organizer?: boolean;
  busy: BusyBlock[];
  unknown?: boolean;
}

/** A suggested time: wall times `YYYY-MM-DDTHH:mm` in the asked zone, confidence 0-100, who is free. */
export interface SuggestedTime {
  start: string;
  end: string;
  confidence: number;
  attendees: { address: string; availability: BusyStatus }[];
}

/** Host to page: people matching a `peopleQuery`. */
export interface PeopleMessage {
  type: 'people';
  requestId: string;
  people: PersonChoice[];
}

/** Host to page: the strips for a `freeBusyQuery`, the organizer's first. */
export interface FreeBusyMessage {
  type: 'freeBusy';
  requestId: string;
  schedules: AttendeeSchedule[];
}

/** Host to page: suggested times for a `timesQuery`, best first; `reason` (localised) when there are none. */
export interface TimesMessage {
  type: 'times';
  requestId: string;
  suggestions: SuggestedTime[];
  reason?: string;
}

/** Host to page: the rooms for a `roomsQuery`. */
export interface RoomsMessage {
  type: 'rooms';
  requestId: string;
  rooms: PersonChoice[];
}

/** Host to page: a feature's state changed (a request found it declined or unavailable, or it was allowed). */
export interface FeatureMessage {
  type: 'feature';
  feature: FindTimeFeature;
  state: FeatureState;
}

/** Host to page: a find-a-time request failed for a passing reason (network, throttling); the localised line. */
export interface FindTimeFailedMessage {
  type: 'findTimeFailed';
  requestId: string;
  feature: FindTimeFeature;
  message: string;
}

/** Host to page, issue 13's answers. */
export type FindTimeToWebview =
  PeopleMessage | FreeBusyMessage | TimesMessage | RoomsMessage | FeatureMessage | FindTimeFailedMessage;

/** Host to page: the meeting was saved (the answer to a `submit`, echoing its `requestId`). */
export interface ResultOkMessage {
  type: 'result';
  requestId: string;
  ok: true;
  meetingId: string;
  /** Whether the meeting has a Teams link to join (absent: no). */
  canJoin?: boolean;
}

/** Host to page: the submit failed, with field problems or a message for the whole form. */
export interface ResultFailedMessage {
  type: 'result';
  requestId: string;
  ok: false;
  /** Problems tied to fields. */
  errors?: FieldError[];
  /** A localised message for the whole form. */
  message?: string;
}

/** Host to page: the answer to a `submit`, echoing its `requestId`; `ok` tells which. */
export type ResultMessage = ResultOkMessage | ResultFailedMessage;

/**
 * Host to page: the form is read-only from now on (its meeting was cancelled or deleted, or the user cannot change
 * it), with the localised reason for the status line. The host refuses a submit of a locked form too.
 */
export interface LockMessage {
  type: 'lock';
  reason: string;
}

/**
 * Host to page (a new form, after `init`; the page never waits for it): the calendars the picker offers, the default
 * first with the ID '' (shared/formModel.ts `calendarChoices`). Sent only when there are two or more.
 */
export interface CalendarsMessage {
  type: 'calendars';
  calendars: { id: string; name: string }[];
}

export type ToWebview = InitMessage | ResultMessage | LockMessage | CalendarsMessage | FindTimeToWebview;

/** Page to host: the page has loaded and listens. */
export interface ReadyMessage {
  type: 'ready';
}

/** Page to host: schedule or update with these values. */
export interface SubmitMessage {
  type: 'submit';
  requestId: string;
  values: FormValues;
}

/** Page to host: one of the buttons shown after success. */
export interface ActionMessage {
  type: 'action';
  action: 'openInOutlook' | 'join' | 'copyId';
  meetingId: string;
}

/** Page to host (schedule mode): the form's current values, kept by the host if the tab closes unsent. */
export interface DraftMessage {
  type: 'draft';
  values: FormValues;
}

/** Page to host: people whose name or address matches `query` (typed in an attendee list). */
export interface PeopleQueryMessage {
  type: 'peopleQuery';
  requestId: string;
  query: string;
}

/** Page to host: the free/busy of these addresses (and the organizer) on `day` (`YYYY-MM-DD`) in `timeZone`. */
export interface FreeBusyQueryMessage {
  type: 'freeBusyQuery';
  requestId: string;
  addresses: string[];
  day: string;
  timeZone: string;
}

/** Page to host: suggest times of `durationMinutes` on `day`'s working hours for these attendees. */
export interface TimesQueryMessage {
  type: 'timesQuery';
  requestId: string;
  attendees: string[];
  optionalAttendees: string[];
  durationMinutes: number;
  day: string;
  timeZone: string;
}

/** Page to host: the rooms to pick from. */
export interface RoomsQueryMessage {
  type: 'roomsQuery';
  requestId: string;
}

/** Page to host: the user pressed the button that asks for a feature's permission. */
export interface AllowFeatureMessage {
  type: 'allowFeature';
  feature: FindTimeFeature;
}

/** Page to host, issue 13's requests. */
export type FindTimeFromWebview =
  PeopleQueryMessage | FreeBusyQueryMessage | TimesQueryMessage | RoomsQueryMessage | AllowFeatureMessage;

export type FromWebview = ReadyMessage | SubmitMessage | ActionMessage | DraftMessage | FindTimeFromWebview;

/** Transport caps for page messages, well above what the core validator accepts, so a valid form always fits. */
export const protocolLimits = {
  requestId: 100,
  meetingId: 1024,
  dateTime: 64,
  timeZone: 128,
  /** One-line text fields. */
  text: 2000,
  /** A select's value (one of its options). */
  select: 64,
  attendee: 512,
  attendees: 2000,
  content: 200_000,
  /** A number field's text. */
  number: 32,
  /** A list field's items (each at most `text` long). */
  list: 200,
  /** A people search as typed (Graph's `$search` gets far less in practice). */
  query: 256,
  /** The longest meeting the form suggests times for: 24 hours. */
  durationMinutes: 1440,
  /** Entries in a host answer (people, rooms, schedules, suggestions, blocks). */
  answerItems: 1000,
  /** Suggested attendees in an `init`. */
  suggestions: 50,
} as const;

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function hasExactKeys(o: Plain, keys: readonly string[]): boolean {
  const own = Reflect.ownKeys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

function isString(v: unknown, max: number, nonEmpty = false): v is string {
  return typeof v === 'string' && v.length <= max && (!nonEmpty || v.length > 0);
}

/** A control's value from a message, or undefined when it is not one. */
function parseControlValue(spec: FormControl, value: unknown): unknown {
  switch (spec.control) {
    case 'text':
      return isString(value, protocolLimits.text) ? value : undefined;
    case 'textarea':
      return isString(value, protocolLimits.content) ? value : undefined;
    case 'dateTime':
      return isString(value, protocolLimits.dateTime) ? value : undefined;
    case 'timeZone':
      return isString(value, protocolLimits.timeZone) ? value : undefined;
    case 'select':
      return isString(value, protocolLimits.select) &&
        spec.options !== undefined &&
        Object.prototype.hasOwnProperty.call(spec.options, value)
        ? value
        : undefined;
    case 'checkbox':
      return typeof value === 'boolean' ? value : undefined;
    case 'number':
      return isString(value, protocolLimits.number) ? value : undefined;
    case 'attendees':
      return stringList(value, protocolLimits.attendees, protocolLimits.attendee);
    case 'list':
      return stringList(value, protocolLimits.list, protocolLimits.text);
    case 'calendar':
      return isString(value, protocolLimits.meetingId) ? value : undefined;
    case 'recurrence':
      // A rule's text (shared/recurrenceForm.ts): checked by the core validator like any input.
      return isString(value, protocolLimits.text) ? value : undefined;
  }
}

/** A dense array of at most `count` strings of at most `max` characters (a copy), or undefined. */
function stringList(value: unknown, count: number, max: number): string[] | undefined {
  if (!Array.isArray(value) || value.length > count) return undefined;
  if (Reflect.ownKeys(value).length !== value.length + 1) return undefined;
  const list: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const a: unknown = value[i];
    if (!isString(a, max)) return undefined;
    list.push(a);
  }
  return list;
}

/** Form values from a message: every form field checked by its control; options may be absent; nothing else. */
export function parseFormValues(v: unknown): FormValues | undefined {
  if (!isPlainObject(v)) return undefined;
  const known: readonly string[] = formFieldOrder;
  if (!Reflect.ownKeys(v).every((k) => typeof k === 'string' && known.includes(k))) return undefined;
  const out: Record<string, unknown> = {};
  for (const name of formFieldOrder) {
    const spec = formControl(name);
    if (!Object.prototype.hasOwnProperty.call(v, name)) {
      if (spec.option) continue;
      return undefined;
    }
    const value = parseControlValue(spec, v[name]);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return out as FormValues;
}

const actions: readonly ActionMessage['action'][] = ['openInOutlook', 'join', 'copyId'];

/** Checks a message from the page; anything malformed, oversized or with extra properties yields undefined. */
export function parseFromWebview(msg: unknown): FromWebview | undefined {
  if (!isPlainObject(msg)) return undefined;
  switch (msg.type) {
    case 'ready':
      return hasExactKeys(msg, ['type']) ? { type: 'ready' } : undefined;
    case 'submit': {
      if (!hasExactKeys(msg, ['type', 'requestId', 'values'])) return undefined;
      if (!isString(msg.requestId, protocolLimits.requestId, true)) return undefined;
      const values = parseFormValues(msg.values);
      return values ? { type: 'submit', requestId: msg.requestId, values } : undefined;
    }
    case 'draft': {
      if (!hasExactKeys(msg, ['type', 'values'])) return undefined;
      const values = parseFormValues(msg.values);
      return values ? { type: 'draft', values } : undefined;
    }
    case 'action': {
      if (!hasExactKeys(msg, ['type', 'action', 'meetingId'])) return undefined;
      const action = actions.find((a) => a === msg.action);
      if (!action || !isString(msg.meetingId, protocolLimits.meetingId, true)) return undefined;
      return { type: 'action', action, meetingId: msg.meetingId };
    }
    default:
      return parseFindTimeQuery(msg);
  }
}

const dayPattern = /^\d{4}-\d\d-\d\d$/;

/** A list of attendee addresses, each within the attendee cap; a copy. */
function parseAddressList(v: unknown): string[] | undefined {
  const list = parseControlValue({ control: 'attendees' } as FormControl, v);
  return Array.isArray(list) ? (list as string[]) : undefined;
}

/** The requested day and zone of a free/busy or times query, checked. */
function isDayInZone(msg: Plain): boolean {
  return (
    isString(msg.day, 10) && dayPattern.test(msg.day) && isString(msg.timeZone, protocolLimits.timeZone, true)
  );
}

/** One of issue 13's page requests, every field checked; anything else yields undefined. */
function parseFindTimeQuery(msg: Plain): FindTimeFromWebview | undefined {
  const requestId = msg.requestId;
  const idOk = isString(requestId, protocolLimits.requestId, true);
  switch (msg.type) {
    case 'peopleQuery':
      return hasExactKeys(msg, ['type', 'requestId', 'query']) &&
        idOk &&
        isString(msg.query, protocolLimits.query)
        ? { type: 'peopleQuery', requestId, query: msg.query }
        : undefined;
    case 'freeBusyQuery': {
      if (!hasExactKeys(msg, ['type', 'requestId', 'addresses', 'day', 'timeZone']) || !idOk)
        return undefined;
      const addresses = parseAddressList(msg.addresses);
      return addresses && isDayInZone(msg)
        ? {
            type: 'freeBusyQuery',
            requestId,
            addresses,
            day: msg.day as string,
            timeZone: msg.timeZone as string,
          }
        : undefined;
    }
    case 'timesQuery': {
      const keys = [
        'type',
        'requestId',
        'attendees',
        'optionalAttendees',
        'durationMinutes',
        'day',
        'timeZone',
      ];
      if (!hasExactKeys(msg, keys) || !idOk) return undefined;
      const attendees = parseAddressList(msg.attendees);
      const optionalAttendees = parseAddressList(msg.optionalAttendees);
      const minutes = msg.durationMinutes;
      const minutesOk =
        typeof minutes === 'number' &&
        Number.isInteger(minutes) &&
        minutes > 0 &&
        minutes <= protocolLimits.durationMinutes;
      return attendees && optionalAttendees && minutesOk && isDayInZone(msg)
        ? {
            type: 'timesQuery',
            requestId,
            attendees,
            optionalAttendees,
            durationMinutes: minutes,
            day: msg.day as string,
            timeZone: msg.timeZone as string,
          }
        : undefined;
    }
    case 'roomsQuery':
      return hasExactKeys(msg, ['type', 'requestId']) && idOk ? { type: 'roomsQuery', requestId } : undefined;
    case 'allowFeature': {
      const feature = findTimeFeatureNames.find((f) => f === msg.feature);
      return hasExactKeys(msg, ['type', 'feature']) && feature
        ? { type: 'allowFeature', feature }
        : undefined;
    }
    default:
      return undefined;
  }
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isPlainObject(v) && Object.values(v).every((s) => typeof s === 'string');
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** A field error from the host: field, a known code, the message, and string or number params. */
function parseFieldError(v: unknown): FieldError | undefined {
  if (!isPlainObject(v) || typeof v.field !== 'string' || typeof v.message !== 'string') return undefined;
  if (typeof v.code !== 'string' || !Object.prototype.hasOwnProperty.call(validationMessages, v.code))
    return undefined;
  const params = v.params;
  if (
    params !== undefined &&
    !(
      isPlainObject(params) &&
      Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number')
    )
  )
    return undefined;
  return v as unknown as FieldError;
}

/** A `calendars` message: a list of `{ id, name }` strings (bounded), nothing else; a copy. */
function parseCalendars(msg: Plain): CalendarsMessage | undefined {
  if (!hasExactKeys(msg, ['type', 'calendars']) || !Array.isArray(msg.calendars)) return undefined;
  if (msg.calendars.length > protocolLimits.list) return undefined;
  const calendars: { id: string; name: string }[] = [];
  for (const c of msg.calendars as unknown[]) {
    if (!isPlainObject(c) || !hasExactKeys(c, ['id', 'name'])) return undefined;
    if (!isString(c.id, protocolLimits.meetingId) || !isString(c.name, protocolLimits.text)) return undefined;
    calendars.push({ id: c.id, name: c.name });
  }
  return { type: 'calendars', calendars };
}

/** Whether `v` is absent or passes `check`. */
function optional(v: unknown, check: (v: unknown) => boolean): boolean {
  return v === undefined || check(v);
}

const isText = (v: unknown): boolean => typeof v === 'string';

/** A list of suggested attendees: names and addresses, nothing else, within the transport caps. */
function isSuggestionList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length <= protocolLimits.suggestions &&
    v.every(
      (p) =>
        isPlainObject(p) &&
        hasExactKeys(p, ['name', 'address']) &&
        isString(p.name, protocolLimits.attendee) &&
        isString(p.address, protocolLimits.attendee, true),
    )
  );
}

/** An `init` with every field checked (values and closed draft by the field table); the message itself. */
function parseInit(msg: Plain): InitMessage | undefined {
  const { teams } = msg;
  const ok =
    (msg.mode === 'schedule' || msg.mode === 'update') &&
    optional(msg.meetingId, isText) &&
    parseFormValues(msg.values) !== undefined &&
    optional(msg.closedDraft, (d) => parseFormValues(d) !== undefined) &&
    optional(msg.suggestedAttendees, isSuggestionList) &&
    isPlainObject(teams) &&
    typeof teams.enabled === 'boolean' &&
    optional(teams.reason, isText) &&
    isStringRecord(msg.strings) &&
    isStringRecord(msg.messages) &&
    isStringList(msg.timeZones) &&
    typeof msg.maxAttendees === 'number' &&
    optional(msg.findTime, isFindTimeFeatures);
  return ok ? (msg as unknown as InitMessage) : undefined;
}

/** A `result` of either kind, its field errors with known codes; the message itself. */
function parseResult(msg: Plain): ResultMessage | undefined {
  const ok =
    typeof msg.requestId === 'string' &&
    (msg.ok === true
      ? typeof msg.meetingId === 'string' && optional(msg.canJoin, (v) => typeof v === 'boolean')
      : msg.ok === false &&
        optional(msg.message, isText) &&
        optional(msg.errors, (v) => Array.isArray(v) && v.every((e) => parseFieldError(e) !== undefined)));
  return ok ? (msg as unknown as ResultMessage) : undefined;
}

/**
 * Checks a message from the host in the page: an `init` with every field of the right shape (its values and
 * closed draft by the field table), a `result` of either kind, a `lock` with its reason. Anything else yields undefined.
 */
export function parseToWebview(msg: unknown): ToWebview | undefined {
  if (!isPlainObject(msg)) return undefined;
  switch (msg.type) {
    case 'init':
      return parseInit(msg);
    case 'result':
      return parseResult(msg);
    case 'lock':
      return hasExactKeys(msg, ['type', 'reason']) && isText(msg.reason)
        ? { type: 'lock', reason: msg.reason as string }
        : undefined;
    case 'calendars':
      return parseCalendars(msg);
    default:
      return parseFindTimeAnswer(msg) ? (msg as unknown as ToWebview) : undefined;
  }
}

/** A feature's state: `available`, or `ask`/`unavailable` with its reason line. */
function isFeatureState(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  if (v.state === 'available') return hasExactKeys(v, ['state']);
  return (
    (v.state === 'ask' || v.state === 'unavailable') &&
    hasExactKeys(v, ['state', 'reason']) &&
    isText(v.reason)
  );
}

/** Every feature's state, and nothing else. */
function isFindTimeFeatures(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    hasExactKeys(v, findTimeFeatureNames) &&
    findTimeFeatureNames.every((f) => isFeatureState(v[f]))
  );
}

/** A list of at most `answerItems` entries that each pass `check`. */
function isListOf(v: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(v) && v.length <= protocolLimits.answerItems && v.every(check);
}

const isStatus = (v: unknown): boolean => freeBusyStatuses.some((s) => s === v);

function isPerson(v: unknown): boolean {
  return isPlainObject(v) && hasExactKeys(v, ['name', 'address']) && isText(v.name) && isText(v.address);
}

function isMinute(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1440;
}

function isBlock(v: unknown): boolean {
  return isPlainObject(v) && isMinute(v.start) && isMinute(v.end) && v.start <= v.end && isStatus(v.status);
}

function isSchedule(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    isText(v.address) &&
    optional(v.organizer, (o) => typeof o === 'boolean') &&
    optional(v.unknown, (o) => typeof o === 'boolean') &&
    isListOf(v.busy, isBlock)
  );
}

const wallTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d$/;

function isSuggestion(v: unknown): boolean {
  return (
    isPlainObject(v) &&
    typeof v.start === 'string' &&
    wallTime.test(v.start) &&
    typeof v.end === 'string' &&
    wallTime.test(v.end) &&
    typeof v.confidence === 'number' &&
    v.confidence >= 0 &&
    v.confidence <= 100 &&
    isListOf(v.attendees, (a) => isPlainObject(a) && isText(a.address) && isStatus(a.availability))
  );
}

/** Whether a host message is one of issue 13's answers, every field of the right shape. */
function parseFindTimeAnswer(msg: Plain): boolean {
  const id = typeof msg.requestId === 'string';
  switch (msg.type) {
    case 'people':
      return id && isListOf(msg.people, isPerson);
    case 'rooms':
      return id && isListOf(msg.rooms, isPerson);
    case 'freeBusy':
      return id && isListOf(msg.schedules, isSchedule);
    case 'times':
      return id && isListOf(msg.suggestions, isSuggestion) && optional(msg.reason, isText);
    case 'feature':
      return findTimeFeatureNames.some((f) => f === msg.feature) && isFeatureState(msg.state);
    case 'findTimeFailed':
      return id && findTimeFeatureNames.some((f) => f === msg.feature) && isText(msg.message);
    default:
      return false;
  }
}
