// The typed message protocol between the extension host and the meeting form webview.
// The host never trusts a message: `parseFromWebview` checks every field before anything acts on it.
import { formControl, formFieldOrder } from '../core/fields';
import type { FormControl, FormFieldName, FormValue, OptionFieldName } from '../core/fields';
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
}

/** A person the form suggests as an attendee (meetings about code: who last changed the lines). */
export interface SuggestedAttendee {
  name: string;
  address: string;
}

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

export type ToWebview = InitMessage | ResultMessage | LockMessage;

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

export type FromWebview = ReadyMessage | SubmitMessage | ActionMessage | DraftMessage;

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
    typeof msg.maxAttendees === 'number';
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
    default:
      return undefined;
  }
}
