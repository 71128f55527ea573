import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCertificates } from './certs';
import { testCertificates } from './certs';
import type { FakeCalendarEntry } from './calendars';
import { calendarEntry, newCalendars, routeCalendars } from './calendars';
import { calendarViewEvents } from './calendarView';
import type { FakeFindTime } from './findTime';
import { createFindTime } from './findTime';
import { formatInZone, parseWall, resolveZone, wallToUtc } from './fakeTime';
import type { SeriesFields } from './recurrence';
import {
  eventType,
  findEvent,
  instancesAnswer,
  parseRecurrence,
  renderRecurrence,
  seriesPatch,
  toException,
} from './recurrence';

/** A mailbox owner or organizer. */
export interface FakeUser {
  address: string;
  name?: string;
}

/** What `GET /me/calendar` reports about online meetings. */
export interface FakeCalendar {
  allowedOnlineMeetingProviders: string[];
  defaultOnlineMeetingProvider: string;
}

/** An event as the fake stores it. Times are instants; the zone names are what the creator sent. */
export interface FakeEvent extends Partial<Record<BooleanProperty, boolean>>, SeriesFields {
  id: string;
  iCalUId: string;
  changeKey: string;
  transactionId?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  startMs: number;
  endMs: number;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  location?: string;
  /** `response`: the attendee's answer ("responseStatus resource type"), `none` when unset; tests set it. */
  attendees: {
    address: string;
    name?: string;
    type: 'required' | 'optional' | 'resource';
    response?: 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';
    /** When they answered (ISO 8601; Graph answers 0001-01-01T00:00:00Z before any answer). */
    responseTime?: string;
    /** A new time they proposed ("attendee resource type": left out of the answer when none). */
    proposedNewTime?: { startMs: number; endMs: number };
  }[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting?: { joinUrl: string; conferenceId: string };
  isOrganizer: boolean;
  organizer: FakeUser;
  isCancelled: boolean;
  /** `low`, `normal` (Graph's default) or `high`. */
  importance?: 'low' | 'normal' | 'high';
  /** `free`, `tentative`, `busy` (Graph's default), `oof`, `workingElsewhere` or `unknown`. */
  showAs?: (typeof showAsStatuses)[number];
  /** `normal` (Graph's default), `personal`, `private` or `confidential`. */
  sensitivity?: (typeof sensitivities)[number];
  /** The reminder's lead in minutes (Graph answers 15 for a new event). */
  reminderMinutesBeforeStart?: number;
  /** The event's categories (Graph answers [] for a new event). */
  categories?: string[];
  cancelComment?: string;
  /** Overrides the Outlook web link Graph answers with (tests of hostile links). */
  webLink?: string;
  /** The calendar it was created in, when not the default one (test/fake/calendars.ts). */
  calendarId?: string;
}

/** One request the fake received (top-level, or an inner request of a `$batch`). */
export interface RecordedRequest {
  /** Sequence number over all requests of this server. */
  seq: number;
  method: string;
  /** Path without query, e.g. `/v1.0/me/events/AAMk...` (inner batch requests get the outer version prefix). */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names, as received (inner batch requests: the inner headers). */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Set for the inner requests of a `$batch`: the `seq` of the outer request. */
  batchOf?: number;
  /** Top-level requests being handled when this one arrived, itself included. */
  concurrency: number;
  /** The fault applied to this request, if any. */
  fault?: FaultKind;
  /** The status answered (undefined when the connection was dropped or the answer is still pending). */
  status?: number;
  receivedAt: number;
}

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Exact path (with or without `/v1.0`), a RegExp tested against the path, or a predicate. */
  path?: string | RegExp;
  match?: (req: RecordedRequest) => boolean;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** `top` (default for connection faults), `inner` ($batch inner requests) or `any` (default for status faults). */
  scope?: 'top' | 'inner' | 'any';
}

/** A fault to inject. */
export type Fault = FaultMatch &
  (
    | { kind: 'throttle'; retryAfter?: number | string | null; status?: 429 | 503 }
    | { kind: 'status'; status: number; code?: string; message?: string; retryAfter?: number | string }
    | {
        kind: 'unauthorized';
        message?: string;
        /** A token for another resource (cloud). */
        audience?: boolean;
      }
    | { kind: 'drop'; when?: 'before' | 'after' }
    | { kind: 'delay'; ms: number; when?: 'before' | 'after' }
    | { kind: 'malformed'; when?: 'before' | 'after'; status?: number; text?: string }
    | { kind: 'redirect'; location: string; status?: 301 | 302 | 307 | 308 }
  );

export type FaultKind = Fault['kind'];

/** Options of `startFakeGraph`. */
export interface FakeGraphOptions {
  /** Port to listen on (default: ephemeral). */
  port?: number;
  /** Accepted bearer tokens (default `['test-token']`). */
  tokens?: string[];
  /** The signed-in user (default `Alex Wilber <alexw@contoso.example>`). */
  user?: FakeUser;
  /** Default: a work account (`teamsForBusiness`). */
  calendar?: FakeCalendar;
  /** The mailbox's time zone (`GET /me/mailboxSettings/timeZone`), default `Pacific Standard Time`. */
  mailboxTimeZone?: string;
  /** How long each executing call (a request, or one `$batch` member) is held before its answer. */
  latencyMs?: number;
  /**
   * Calls executing at once for the mailbox, `$batch` members counted one by one (default 4, as Outlook's
   * limit per app and mailbox); a call beyond it gets 429 `ApplicationThrottled` with `Retry-After`.
   */
  mailboxConcurrency?: number;
  /** The `Retry-After` (seconds) of that 429 (default 1). */
  concurrencyRetryAfter?: number;
  /** Certificate and key to serve with (default: `testCertificates()`, made once per process). */
  tls?: TestCertificates;
  /** Where non-throttling errors put the request id in `innerError` (default `request-id`). */
  errorRequestIdKey?: 'request-id' | 'requestId';
  /** The origin of `@odata.nextLink` URLs (default: this server), to play a hostile or broken answer. */
  nextLinkOrigin?: string;
}

/** A running fake Graph server. */
export interface FakeGraph {
  /** `https://127.0.0.1:<port>` (the Graph root; the API lives under `/v1.0`). */
  url: string;
  port: number;
  /** The test CA (PEM) that signed the server certificate. */
  caPem: string;
  /** Accepted bearer tokens: add or delete to simulate sign-in and expiry. */
  tokens: Set<string>;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** The mailbox: event id -> event. Delete from it to simulate "deleted in Outlook". */
  events: Map<string, FakeEvent>;
  user: FakeUser;
  calendar: FakeCalendar;
  /** Highest number of top-level requests handled at once since start or `resetStats`. */
  maxConcurrency(): number;
  /** Highest number of calls executing at once, `$batch` members counted one by one, since start or `resetStats`. */
  maxExecuting(): number;
  /** Calls refused with 429 for going over `mailboxConcurrency`, since start or `resetStats`. */
  concurrencyThrottled(): number;
  resetStats(): void;
  /** Queues a fault; faults are matched in the order they were added. */
  inject(fault: Fault): void;
  /** Faults not yet used up. */
  pendingFaults(): Fault[];
  clearFaults(): void;
  /** Sets the signed-in user (who organizes the events created from now on). */
  setUser(user: FakeUser): void;
  /** People, rooms, busy blocks, token scopes and working hours of the "find a time" endpoints (findTime.ts). */
  findTime: FakeFindTime;
  /** Sets what `GET /me/calendar` reports, e.g. a personal account: `{ allowed: ['skypeForConsumer'] }`. */
  setCalendar(calendar: FakeCalendar): void;
  /** The mailbox's calendars (`GET /me/calendars`), the default one first. */
  calendars: FakeCalendarEntry[];
  /** Adds a calendar (`canEdit` default true); returns it. */
  seedCalendar(c: { name: string; canEdit?: boolean; id?: string }): FakeCalendarEntry;
  /** Adds an event directly (e.g. one organized by someone else); returns it. */
  seed(event: Partial<FakeEvent> & { subject?: string }): FakeEvent;
  /** The event as Graph would return it (UTC times unless a zone is given). */
  render(id: string, timeZone?: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of `body` (malformed answers). */
  raw?: string;
}

interface Ctx {
  method: string;
  /** Path after the version segment, e.g. `/me/events`. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  rawBody: string;
  prefer: Prefer;
  requestId: string;
}

interface Prefer {
  timeZone?: string;
  immutableId: boolean;
  bodyText: boolean;
}

const defaultUser: FakeUser = { address: 'alexw@contoso.example', name: 'Alex Wilber' };
const workCalendar: FakeCalendar = {
  allowedOnlineMeetingProviders: ['teamsForBusiness'],
  defaultOnlineMeetingProvider: 'teamsForBusiness',
};
const providers = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'];
const attendeeTypes = ['required', 'optional', 'resource'] as const;
const contentTypes = ['text', 'html'] as const;
/** Microsoft Graph docs, "event resource type": importance is low, normal or high. */
const importances = ['low', 'normal', 'high'] as const;
/** Microsoft Graph docs, "event resource type": showAs is a freeBusyStatus. */
const showAsStatuses = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
/** Microsoft Graph docs, "event resource type": sensitivity is normal, personal, private or confidential. */
const sensitivities = ['normal', 'personal', 'private', 'confidential'] as const;
/**
 * Microsoft Graph docs, "event resource type": Boolean properties the fake keeps, with their value on a new event
 * (responseRequested and allowNewTimeProposals default to true, hideAttendees to false; the reminder is on).
 */
const booleanDefaults = {
  isReminderOn: true,
  responseRequested: true,
  allowNewTimeProposals: true,
  hideAttendees: false,
  isAllDay: false,
} as const;
type BooleanProperty = keyof typeof booleanDefaults;
const booleanProperties = Object.keys(booleanDefaults) as BooleanProperty[];
/** The option properties of a create or PATCH body, as parsed. */
type EventOptions = Partial<Record<BooleanProperty, boolean>> & {
  importance?: FakeEvent['importance'];
  showAs?: FakeEvent['showAs'];
  sensitivity?: FakeEvent['sensitivity'];
  reminderMinutesBeforeStart?: number;
  categories?: string[];
};
/** Event properties that take one of a list of values (case-folded), with the type Graph's refusal names. */
const enumProperties = [
  ['importance', importances, 'importance'],
  ['showAs', showAsStatuses, 'freeBusyStatus'],
  ['sensitivity', sensitivities, 'sensitivity'],
  ['onlineMeetingProvider', providers, 'onlineMeetingProviderType'],
] as const;
const eventProperties = new Set([
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'transactionId',
  'importance',
  'sensitivity',
  'showAs',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'categories',
  'isAllDay',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
  'recurrence',
]);
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;
const joinSeparator = '________________________________________________________________________________';

/** Starts the fake Graph server on 127.0.0.1 over HTTPS with a test CA. */
export async function startFakeGraph(opts: FakeGraphOptions = {}): Promise<FakeGraph> {
  const certs = opts.tls ?? (await testCertificates());
  const tokens = new Set(opts.tokens ?? ['test-token']);
  const requests: RecordedRequest[] = [];
  const events = new Map<string, FakeEvent>();
  const byTransaction = new Map<string, string>();
  let faults: (Fault & { left: number })[] = [];
  let user: FakeUser = { ...(opts.user ?? defaultUser) };
  let calendar: FakeCalendar = structuredClone(opts.calendar ?? workCalendar);
  const calendars = newCalendars();
  let inFlight = 0;
  // Outlook's mailbox concurrency ("Microsoft Graph throttling guidance", Outlook service limits: 4 concurrent
  // requests per app and mailbox; a $batch's members count one by one and Graph runs up to 4 of them at once).
  const mailboxLimit = opts.mailboxConcurrency ?? 4;
  let executing = 0;
  let maxExecuting = 0;
  let concurrencyThrottled = 0;
  let maxInFlight = 0;
  let seq = 0;
  let base = '';
  const idKey = opts.errorRequestIdKey ?? 'request-id';
  const findTime = createFindTime({
    events: () => events.values(),
    user: () => user,
    personal: () => calendar.allowedOnlineMeetingProviders.includes('skypeForConsumer'),
    mailboxTimeZone: () => opts.mailboxTimeZone ?? 'Pacific Standard Time',
    base: () => base,
    error: (status, code, message, requestId) => errorAnswer(status, code, message, requestId),
  });

  const fake: FakeGraph = {
    url: '',
    port: 0,
    caPem: certs.caPem,
    tokens,
    requests,
    events,
    get user() {
      return user;
    },
    get calendar() {
      return calendar;
    },
    maxConcurrency: () => maxInFlight,
    maxExecuting: () => maxExecuting,
    concurrencyThrottled: () => concurrencyThrottled,
    resetStats: () => {
      maxInFlight = inFlight;
      maxExecuting = executing;
      concurrencyThrottled = 0;
    },
    inject: (fault) => {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    pendingFaults: () => faults.filter((f) => f.left > 0),
    clearFaults: () => {
      faults = [];
    },
    setUser: (u) => {
      user = { ...u };
    },
    setCalendar: (c) => {
      calendar = structuredClone(c);
    },
    calendars,
    seedCalendar: (c) => {
      const entry = calendarEntry(c);
      calendars.push(entry);
      return entry;
    },
    seed: (partial) => {
      const now = new Date().toISOString();
      const startMs = partial.startMs ?? Date.UTC(2030, 0, 7, 9);
      const ev: FakeEvent = {
        id: newId(),
        iCalUId: newICalUId(),
        changeKey: newChangeKey(),
        createdDateTime: now,
        lastModifiedDateTime: now,
        subject: '',
        body: { contentType: 'html', content: '' },
        startMs,
        endMs: startMs + 30 * 60 * 1000,
        originalStartTimeZone: 'UTC',
        originalEndTimeZone: 'UTC',
        attendees: [],
        isOnlineMeeting: false,
        onlineMeetingProvider: 'unknown',
        isOrganizer: true,
        organizer: { ...user },
        isCancelled: false,
        ...partial,
      };
      events.set(ev.id, ev);
      if (ev.transactionId) byTransaction.set(ev.transactionId, ev.id);
      return ev;
    },
    get findTime() {
      return findTime.handle;
    },
    render: (id, timeZone) => {
      const ev = findEvent({ events }, id);
      return ev ? renderEvent(ev, { immutableId: true, bodyText: false, timeZone }) : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function takeFault(rec: RecordedRequest, inner: boolean): Fault | undefined {
    for (const f of faults) {
      if (f.left <= 0) continue;
      const connectionFault = ['drop', 'delay', 'malformed', 'redirect'].includes(f.kind);
      const scope = f.scope ?? (connectionFault ? 'top' : 'any');
      if (inner && (scope === 'top' || connectionFault)) continue;
      if (!inner && scope === 'inner') continue;
      if (f.method && f.method.toUpperCase() !== rec.method) continue;
      if (typeof f.path === 'string' && f.path !== rec.path && `/v1.0${f.path}` !== rec.path) continue;
      if (f.path instanceof RegExp && !f.path.test(rec.path)) continue;
      if (f.match && !f.match(rec)) continue;
      f.left -= 1;
      faults = faults.filter((x) => x.left > 0);
      return f;
    }
    return undefined;
  }

  function errorAnswer(
    status: number,
    code: string,
    message: string,
    requestId: string,
    extra: Record<string, string> = {},
    throttle = false,
  ): Answer {
    const date = new Date().toISOString().slice(0, 19);
    const innerError: Record<string, unknown> = throttle
      ? { code, status, 'request-id': requestId, date }
      : { date, [idKey]: requestId, 'client-request-id': requestId };
    return {
      status,
      headers: { 'content-type': 'application/json', ...extra },
      body: { error: { code, message, innerError } },
    };
  }

  function faultAnswer(f: Fault, requestId: string): Answer | undefined {
    switch (f.kind) {
      case 'throttle': {
        const headers: Record<string, string> = {};
        const ra = f.retryAfter === undefined ? '1' : f.retryAfter;
        if (ra !== null) headers['retry-after'] = String(ra);
        const status = f.status ?? 429;
        return status === 429
          ? errorAnswer(
              429,
              'ApplicationThrottled',
              'Application is over its MailboxConcurrency limit.',
              requestId,
              headers,
              true,
            )
          : errorAnswer(503, 'ServiceUnavailable', 'Service unavailable.', requestId, headers, true);
      }
      case 'status': {
        const headers: Record<string, string> = {};
        if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
        const code =
          f.code ??
          { 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' }[
            f.status
          ] ??
          (f.status === 403 ? 'ErrorAccessDenied' : 'UnknownError');
        const message =
          f.message ??
          (f.status === 403 ? 'Access is denied. Check credentials and try again.' : 'The service failed.');
        return errorAnswer(f.status, code, message, requestId, headers, f.status >= 500);
      }
      case 'unauthorized':
        // RFC 6750 section 3: `error_description` in WWW-Authenticate says why the token was refused.
        return errorAnswer(
          401,
          'InvalidAuthenticationToken',
          f.message ??
            (f.audience
              ? 'Access token validation failure. Invalid audience.'
              : 'Lifetime validation failed, the token is expired.'),
          requestId,
          {
            'www-authenticate': f.audience
              ? 'Bearer realm="", error="invalid_token", error_description="Invalid audience"'
              : 'Bearer realm="", error="invalid_token"',
          },
        );
      case 'redirect':
        return { status: f.status ?? 307, headers: { location: f.location } };
      default:
        return undefined;
    }
  }

  /** Runs one call against the mailbox: 429 beyond the concurrency limit, else answered after `latencyMs`. */
  async function execute(requestId: string, run: () => Answer | Promise<Answer>): Promise<Answer> {
    if (executing >= mailboxLimit) {
      concurrencyThrottled += 1;
      return errorAnswer(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        requestId,
        { 'retry-after': String(opts.concurrencyRetryAfter ?? 1) },
        true,
      );
    }
    executing += 1;
    maxExecuting = Math.max(maxExecuting, executing);
    try {
      const answer = await run();
      if (opts.latencyMs) await sleep(opts.latencyMs);
      return answer;
    } finally {
      executing -= 1;
    }
  }

  function authenticate(headers: IncomingHttpHeaders, requestId: string): Answer | undefined {
    const auth = headers.authorization;
    if (!auth) return errorAnswer(401, 'InvalidAuthenticationToken', 'Access token is empty.', requestId);
    const m = /^Bearer (.+)$/.exec(auth);
    if (!m || !tokens.has(m[1]!)) {
      return errorAnswer(
        401,
        'InvalidAuthenticationToken',
        'IDX14100: JWT is not well formed, there are no dots (.).',
        requestId,
        { 'www-authenticate': 'Bearer realm="", error="invalid_token"' },
      );
    }
    return undefined;
  }

  // ---- event endpoints -------------------------------------------------------------------------

  type Parsed<T> = { ok: true; value: T } | { ok: false; answer: Answer };

  /**
   * A 400 for a body Graph would refuse. The status follows the docs, and so does TimeZoneNotSupportedException
   * (GRAPH.md); other codes (RequestBodyRead) and every message text are our own guess, which no page gives, so
   * tests check the status (and a documented code), never these texts.
   */
  function invalid(ctx: Ctx, code: string, message: string): { ok: false; answer: Answer } {
    return { ok: false, answer: errorAnswer(400, code, message, ctx.requestId) };
  }

  function parseTime(ctx: Ctx, value: unknown, name: string): Parsed<{ ms: number; zone: string }> {
    if (!isRecord(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string') {
      return invalid(
        ctx,
        'RequestBodyRead',
        `Invalid value for property '${name}': expected dateTimeTimeZone.`,
      );
    }
    const wall = parseWall(value.dateTime);
    if (wall === undefined) {
      return invalid(
        ctx,
        'RequestBodyRead',
        `Cannot convert the literal '${value.dateTime}' to the expected type 'Edm.DateTimeOffset'.`,
      );
    }
    const zone = resolveZone(value.timeZone);
    if (!zone) {
      return invalid(
        ctx,
        'TimeZoneNotSupportedException',
        `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value.timeZone}'.`,
      );
    }
    return { ok: true, value: { ms: wallToUtc(wall, zone), zone: value.timeZone } };
  }

  function foldEnum<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string') return undefined;
    return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  }

  /** Validates an event body; `create` requires start and end. */
  function parseEventBody(ctx: Ctx, create: boolean): Parsed<Record<string, unknown>> {
    const body = ctx.body;
    if (!isRecord(body)) {
      return invalid(
        ctx,
        'BadRequest',
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      );
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(body)) {
      if (key.startsWith('@odata.')) continue;
      if (!eventProperties.has(key)) {
        return invalid(
          ctx,
          'RequestBodyRead',
          `The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        );
      }
    }
    if (create && (body.start === undefined || body.end === undefined)) {
      return invalid(
        ctx,
        'ErrorInvalidRequest',
        'Your request can\'t be completed. "Start" and "End" are required.',
      );
    }
    for (const key of ['start', 'end'] as const) {
      if (body[key] === undefined) continue;
      const t = parseTime(ctx, body[key], key);
      if (!t.ok) return t;
      out[key] = t.value;
    }
    if (body.subject !== undefined) {
      if (typeof body.subject !== 'string' && body.subject !== null) {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'subject'.");
      }
      out.subject = body.subject ?? '';
    }
    if (body.body !== undefined) {
      const b = body.body;
      const ct = isRecord(b) ? foldEnum(b.contentType ?? 'text', contentTypes) : undefined;
      if (
        !isRecord(b) ||
        !ct ||
        (b.content !== undefined && b.content !== null && typeof b.content !== 'string')
      ) {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'body'.");
      }
      out.body = { contentType: ct, content: (b.content as string | null | undefined) ?? '' };
    }
    if (body.location !== undefined) {
      const l = body.location;
      if (
        l !== null &&
        (!isRecord(l) || (l.displayName !== undefined && typeof l.displayName !== 'string'))
      ) {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'location'.");
      }
      out.location = l === null ? undefined : (l.displayName as string | undefined);
    }
    if (body.attendees !== undefined) {
      if (!Array.isArray(body.attendees))
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'attendees'.");
      if (body.attendees.length > 500) {
        return invalid(ctx, 'ErrorInvalidRequest', 'The number of attendees exceeds the maximum of 500.');
      }
      const list: FakeEvent['attendees'] = [];
      for (const a of body.attendees as unknown[]) {
        if (!isRecord(a) || !isRecord(a.emailAddress) || typeof a.emailAddress.address !== 'string') {
          return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'attendees'.");
        }
        const type = foldEnum(a.type ?? 'required', attendeeTypes);
        if (!type)
          return invalid(
            ctx,
            'RequestBodyRead',
            `The value '${String(a.type)}' is not valid for attendeeType.`,
          );
        const address = a.emailAddress.address.trim();
        if (!emailPattern.test(address)) {
          return invalid(ctx, 'ErrorInvalidRecipients', `At least one recipient isn't valid: '${address}'.`);
        }
        const name = typeof a.emailAddress.name === 'string' ? a.emailAddress.name : undefined;
        list.push(name === undefined ? { address, type } : { address, name, type });
      }
      out.attendees = list;
    }
    for (const [key, allowed, typeName] of enumProperties) {
      if (body[key] === undefined) continue;
      const value = foldEnum(body[key], allowed);
      if (!value) {
        return invalid(
          ctx,
          'RequestBodyRead',
          `The value '${String(body[key])}' is not valid for ${typeName}.`,
        );
      }
      out[key] = value;
    }
    if (body.isOnlineMeeting !== undefined) {
      if (typeof body.isOnlineMeeting !== 'boolean') {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'isOnlineMeeting'.");
      }
      out.isOnlineMeeting = body.isOnlineMeeting;
    }
    // Microsoft Graph docs, "event resource type": reminderMinutesBeforeStart is an Int32.
    const reminder = body.reminderMinutesBeforeStart;
    if (reminder !== undefined) {
      if (typeof reminder !== 'number' || !Number.isInteger(reminder) || Math.abs(reminder) > 2_147_483_647) {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'reminderMinutesBeforeStart'.");
      }
      out.reminderMinutesBeforeStart = reminder;
    }
    // Microsoft Graph docs, "event resource type": categories is a String collection.
    const categories = body.categories;
    if (categories !== undefined) {
      if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'categories'.");
      }
      out.categories = categories;
    }
    for (const key of booleanProperties) {
      if (body[key] === undefined) continue;
      if (typeof body[key] !== 'boolean') {
        return invalid(ctx, 'RequestBodyRead', `Invalid value for property '${key}'.`);
      }
      out[key] = body[key];
    }
    if (body.transactionId !== undefined) {
      if (typeof body.transactionId !== 'string') {
        return invalid(ctx, 'RequestBodyRead', "Invalid value for property 'transactionId'.");
      }
      out.transactionId = body.transactionId;
    }
    return { ok: true, value: out };
  }

  /**
   * Microsoft Graph docs, "event resource type", isAllDay: "start and end time must be set to midnight and be in the
   * same time zone". The status follows the docs; the code and text are our guess (no page gives them).
   */
  function checkAllDay(
    ctx: Ctx,
    allDay: boolean | undefined,
    start: { ms: number; zone: string },
    end: { ms: number; zone: string },
  ): Answer | undefined {
    if (!allDay) return undefined;
    const atMidnight = (t: { ms: number; zone: string }) =>
      formatInZone(t.ms, resolveZone(t.zone) ?? 'UTC').slice(11, 19) === '00:00:00';
    if (atMidnight(start) && atMidnight(end) && resolveZone(start.zone) === resolveZone(end.zone))
      return undefined;
    return errorAnswer(
      400,
      'ErrorInvalidRequest',
      'An all-day event must start and end at midnight in one time zone.',
      ctx.requestId,
    );
  }

  function checkOrder(ctx: Ctx, startMs: number, endMs: number): Answer | undefined {
    if (endMs < startMs) {
      return errorAnswer(
        400,
        'ErrorInvalidRequest',
        'The end time must not be before the start time.',
        ctx.requestId,
      );
    }
    return undefined;
  }

  function joinBlock(joinUrl: string, conferenceId: string): string {
    return (
      `<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">${joinSeparator}</span></div>` +
      `<div class="me-email-text" lang="en-US" style="color:#252424"><div style="margin-top:24px;margin-bottom:20px">` +
      `<span style="font-size:24px">Microsoft Teams meeting</span></div><div style="margin-bottom:20px">` +
      `<a class="me-email-headline" href="${joinUrl}" target="_blank" rel="noreferrer noopener">Join the meeting now</a>` +
      `</div><div><span class="me-email-text-secondary">Meeting ID: </span><span class="me-email-text">${conferenceId}</span></div>` +
      `</div><div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">${joinSeparator}</span></div>`
    );
  }

  /** Copies the option properties a create or PATCH gave (importance, showAs, reminder, categories, booleans). */
  function copyOptions(ev: FakeEvent, v: EventOptions): void {
    if (v.importance !== undefined) ev.importance = v.importance;
    if (v.showAs !== undefined) ev.showAs = v.showAs;
    if (v.sensitivity !== undefined) ev.sensitivity = v.sensitivity;
    if (v.reminderMinutesBeforeStart !== undefined)
      ev.reminderMinutesBeforeStart = v.reminderMinutesBeforeStart;
    if (v.categories !== undefined) ev.categories = [...v.categories];
    for (const key of booleanProperties) if (v[key] !== undefined) ev[key] = v[key];
  }

  function goOnline(ev: FakeEvent, provider: string): void {
    const conferenceId = String(100000000 + Math.floor(Math.random() * 899999999));
    const joinUrl =
      provider === 'skypeForConsumer'
        ? `https://join.skype.com/${randomBytes(9).toString('base64url')}`
        : `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(24).toString('base64url')}%40thread.v2/0?context=%7b%22Tid%22%3a%22${randomUUID()}%22%7d`;
    ev.isOnlineMeeting = true;
    ev.onlineMeetingProvider = provider;
    ev.onlineMeeting = { joinUrl, conferenceId };
    const html = toHtml(ev.body);
    const block = joinBlock(joinUrl, conferenceId);
    const content = /<\/body>/i.test(html)
      ? html.replace(/<\/body>/i, `${block}\r\n</body>`)
      : `${html}${block}`;
    ev.body = { contentType: 'html', content };
  }

  function chooseProvider(requested: string | undefined): string | undefined {
    const allowed = calendar.allowedOnlineMeetingProviders;
    if (requested && requested !== 'unknown') return allowed.includes(requested) ? requested : undefined;
    const d = calendar.defaultOnlineMeetingProvider;
    if (d && d !== 'unknown' && allowed.includes(d)) return d;
    return undefined;
  }

  function createEvent(ctx: Ctx): Answer {
    const parsed = parseEventBody(ctx, true);
    if (!parsed.ok) return parsed.answer;
    const v = parsed.value as Partial<Record<BooleanProperty, boolean>> & {
      start: { ms: number; zone: string };
      end: { ms: number; zone: string };
      subject?: string;
      body?: FakeEvent['body'];
      location?: string;
      attendees?: FakeEvent['attendees'];
      isOnlineMeeting?: boolean;
      onlineMeetingProvider?: string;
      transactionId?: string;
      importance?: FakeEvent['importance'];
      showAs?: FakeEvent['showAs'];
      sensitivity?: FakeEvent['sensitivity'];
      reminderMinutesBeforeStart?: number;
      categories?: string[];
    };
    const bad = checkOrder(ctx, v.start.ms, v.end.ms) ?? checkAllDay(ctx, v.isAllDay, v.start, v.end);
    if (bad) return bad;
    if (v.transactionId !== undefined) {
      const existing = byTransaction.get(v.transactionId);
      const ev = existing === undefined ? undefined : events.get(existing);
      if (ev) return { status: 201, headers: {}, body: renderEvent(ev, ctx.prefer) };
    }
    const now = new Date().toISOString();
    const ev: FakeEvent = {
      id: newId(),
      iCalUId: newICalUId(),
      changeKey: newChangeKey(),
      createdDateTime: now,
      lastModifiedDateTime: now,
      subject: v.subject ?? '',
      body: v.body ?? { contentType: 'text', content: '' },
      startMs: v.start.ms,
      endMs: v.end.ms,
      originalStartTimeZone: v.start.zone,
      originalEndTimeZone: v.end.zone,
      attendees: v.attendees ?? [],
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      isOrganizer: true,
      organizer: { ...user },
      isCancelled: false,
    };
    if (v.location !== undefined) ev.location = v.location;
    if (v.transactionId !== undefined) ev.transactionId = v.transactionId;
    copyOptions(ev, v);
    // A series master (test/fake/recurrence.ts checks the recurrence against the start).
    const recurrence = isRecord(ctx.body) ? ctx.body.recurrence : undefined;
    if (recurrence !== undefined && recurrence !== null) {
      const rec = parseRecurrence(recurrence, ev.startMs, ev.originalStartTimeZone);
      if (!rec.ok) return errorAnswer(400, 'ErrorInvalidRequest', rec.message, ctx.requestId);
      ev.recurrence = rec.value;
    }
    if (v.isOnlineMeeting) {
      const provider = chooseProvider(v.onlineMeetingProvider);
      if (provider) goOnline(ev, provider);
    }
    events.set(ev.id, ev);
    if (ev.transactionId !== undefined) byTransaction.set(ev.transactionId, ev.id);
    return {
      status: 201,
      headers: { location: `${base}/v1.0/users/${encodeURIComponent(user.address)}/events/${ev.id}` },
      body: renderEvent(ev, ctx.prefer),
    };
  }

  function notFound(ctx: Ctx): Answer {
    return errorAnswer(
      404,
      'ErrorItemNotFound',
      'The specified object was not found in the store.',
      ctx.requestId,
    );
  }

  function updateEvent(ctx: Ctx, ev: FakeEvent): Answer {
    const parsed = parseEventBody(ctx, false);
    if (!parsed.ok) return parsed.answer;
    const v = parsed.value as Partial<Record<BooleanProperty, boolean>> &
      Partial<{
        start: { ms: number; zone: string };
        end: { ms: number; zone: string };
        subject: string;
        body: FakeEvent['body'];
        location: string | undefined;
        attendees: FakeEvent['attendees'];
        isOnlineMeeting: boolean;
        onlineMeetingProvider: string;
        transactionId: string;
        importance: FakeEvent['importance'];
        showAs: FakeEvent['showAs'];
        sensitivity: FakeEvent['sensitivity'];
        reminderMinutesBeforeStart: number;
        categories: string[];
      }>;
    const startMs = v.start?.ms ?? ev.startMs;
    const endMs = v.end?.ms ?? ev.endMs;
    const bad =
      checkOrder(ctx, startMs, endMs) ??
      checkAllDay(
        ctx,
        v.isAllDay ?? ev.isAllDay,
        v.start ?? { ms: ev.startMs, zone: ev.originalStartTimeZone },
        v.end ?? { ms: ev.endMs, zone: ev.originalEndTimeZone },
      );
    if (bad) return bad;
    if (ev.isOnlineMeeting && v.isOnlineMeeting === false) {
      return errorAnswer(
        400,
        'ErrorInvalidRequest',
        'An online meeting cannot be turned off once it has been created.',
        ctx.requestId,
      );
    }
    if (
      ev.isOnlineMeeting &&
      v.onlineMeetingProvider !== undefined &&
      v.onlineMeetingProvider !== 'unknown' &&
      v.onlineMeetingProvider !== ev.onlineMeetingProvider
    ) {
      return errorAnswer(
        400,
        'ErrorInvalidRequest',
        'The online meeting provider of an online meeting cannot be changed.',
        ctx.requestId,
      );
    }
    const seriesRefusal = seriesPatch(
      { events },
      ev,
      ctx.body as Record<string, unknown>,
      startMs,
      v.start?.zone ?? ev.originalStartTimeZone,
    );
    if (seriesRefusal) return errorAnswer(400, seriesRefusal[0], seriesRefusal[1], ctx.requestId);
    if (v.start) {
      ev.startMs = v.start.ms;
      ev.originalStartTimeZone = v.start.zone;
    }
    if (v.end) {
      ev.endMs = v.end.ms;
      ev.originalEndTimeZone = v.end.zone;
    }
    if (v.subject !== undefined) ev.subject = v.subject;
    if (v.body !== undefined) ev.body = v.body;
    if ('location' in v) {
      if (v.location === undefined) delete ev.location;
      else ev.location = v.location;
    }
    if (v.attendees !== undefined) ev.attendees = v.attendees;
    copyOptions(ev, v);
    if (!ev.isOnlineMeeting && v.isOnlineMeeting === true) {
      const provider = chooseProvider(v.onlineMeetingProvider);
      if (provider) goOnline(ev, provider);
    }
    ev.lastModifiedDateTime = new Date().toISOString();
    ev.changeKey = newChangeKey();
    return { status: 200, headers: {}, body: renderEvent(ev, ctx.prefer) };
  }

  function cancelEvent(ctx: Ctx, ev: FakeEvent): Answer {
    const b = ctx.body;
    if (b !== undefined && !isRecord(b)) {
      return errorAnswer(400, 'BadRequest', 'Unable to read JSON request payload.', ctx.requestId);
    }
    const comment = b?.Comment ?? b?.comment;
    if (comment !== undefined && typeof comment !== 'string') {
      return errorAnswer(400, 'RequestBodyRead', "Invalid value for parameter 'Comment'.", ctx.requestId);
    }
    if (!ev.isOrganizer) {
      return errorAnswer(
        400,
        'ErrorInvalidRequest',
        'You need to be an organizer to cancel a meeting.',
        ctx.requestId,
      );
    }
    if (ev.isCancelled) {
      return errorAnswer(
        400,
        'ErrorInvalidRequest',
        'This meeting has already been canceled.',
        ctx.requestId,
      );
    }
    ev.isCancelled = true;
    if (comment !== undefined) ev.cancelComment = comment;
    ev.lastModifiedDateTime = new Date().toISOString();
    ev.changeKey = newChangeKey();
    return { status: 202, headers: {} };
  }

  function route(ctx: Ctx): Answer {
    const { method } = ctx;
    // Graph refuses a Prefer zone it does not take as it refuses one in a body (answer by a Graph
    // maintainer in microsoftgraph/microsoft-graph-docs#6870; the docs' pages do not say).
    if (ctx.prefer.timeZone !== undefined && !resolveZone(ctx.prefer.timeZone)) {
      return errorAnswer(
        400,
        'TimeZoneNotSupportedException',
        `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${ctx.prefer.timeZone}'.`,
        ctx.requestId,
      );
    }
    const path = ctx.route.replace(/\/+$/, '');
    if (path === '/me') {
      if (method !== 'GET') return methodNotAllowed(ctx);
      return {
        status: 200,
        headers: {},
        body: {
          '@odata.context': `${base}/v1.0/$metadata#users/$entity`,
          id: 'a6e2c0e1-0000-4000-8000-00000000a1ce',
          displayName: user.name ?? user.address,
          mail: user.address,
          userPrincipalName: user.address,
        },
      };
    }
    if (path === '/me/calendar') {
      if (method !== 'GET') return methodNotAllowed(ctx);
      return {
        status: 200,
        headers: {},
        body: {
          '@odata.context': `${base}/v1.0/$metadata#users('${encodeURIComponent(user.address)}')/calendar/$entity`,
          id: 'AAMkCalendarDefault=',
          name: 'Calendar',
          color: 'auto',
          hexColor: '',
          isDefaultCalendar: true,
          changeKey: 'DxYSthXJXEWwAQSYQnXvIgAAAAAAAA==',
          canShare: true,
          canViewPrivateItems: true,
          canEdit: true,
          allowedOnlineMeetingProviders: [...calendar.allowedOnlineMeetingProviders],
          defaultOnlineMeetingProvider: calendar.defaultOnlineMeetingProvider,
          isTallyingResponses: true,
          isRemovable: false,
          owner: { name: user.name ?? user.address, address: user.address },
        },
      };
    }
    if (path === '/me/mailboxSettings/timeZone') {
      if (method !== 'GET') return methodNotAllowed(ctx);
      return {
        status: 200,
        headers: {},
        body: {
          '@odata.context': `${base}/v1.0/$metadata#users('${encodeURIComponent(user.address)}')/mailboxSettings/timeZone`,
          value: opts.mailboxTimeZone ?? 'Pacific Standard Time',
        },
      };
    }
    if (path === '/me/calendarView' || path === '/me/calendar/calendarView') {
      if (method !== 'GET') return methodNotAllowed(ctx);
      return calendarView(ctx);
    }
    if (path === '/me/events' || path === '/me/calendar/events') {
      if (method === 'POST') return createEvent(ctx);
      if (method === 'GET') {
        // Lists single events and series masters, not exceptions ("List events").
        const value = [...events.values()].filter((e) => !e.exception).map((e) => renderEvent(e, ctx.prefer));
        return { status: 200, headers: {}, body: { value } };
      }
      return methodNotAllowed(ctx);
    }
    const inCalendar = routeCalendars(path, method, {
      calendars,
      create: () => createEvent(ctx),
      file: (id, calendarId) => Object.assign(events.get(id) ?? {}, { calendarId }),
      view: (calendarId) => calendarView(ctx, calendarId),
      list: (calendarId) =>
        [...events.values()]
          .filter((e) => e.calendarId === calendarId)
          .map((e) => renderEvent(e, ctx.prefer)),
      error: (status, code, message) => errorAnswer(status, code, message, ctx.requestId),
      methodNotAllowed: () => methodNotAllowed(ctx),
    });
    if (inCalendar) return inCalendar;
    const m = /^\/me\/(?:calendar\/)?events\/([^/]+)(\/cancel|\/instances)?$/.exec(path);
    if (m) {
      const id = decodeURIComponent(m[1]!);
      // An occurrence's ID names it alone: a change that succeeds makes it an exception (test/fake/recurrence.ts).
      const ev = findEvent({ events }, id);
      const kept = (answer: Answer): Answer => {
        if (ev && answer.status < 300) toException({ events }, ev);
        return answer;
      };
      if (m[2] === '/instances') {
        if (method !== 'GET') return methodNotAllowed(ctx);
        if (!ev) return notFound(ctx);
        const link = `${opts.nextLinkOrigin ?? base}/v1.0${ctx.route}`;
        return instancesAnswer(
          { events },
          ev,
          ctx.query,
          (e) => renderEvent(e, ctx.prefer),
          link,
          (message) => errorAnswer(400, 'ErrorInvalidParameter', message, ctx.requestId),
        );
      }
      if (m[2]) {
        if (method !== 'POST') return methodNotAllowed(ctx);
        return ev ? kept(cancelEvent(ctx, ev)) : notFound(ctx);
      }
      if (!ev) return notFound(ctx);
      if (method === 'GET') return selectProperties(ctx, renderEvent(ev, ctx.prefer));
      if (method === 'PATCH') {
        // A changed occurrence answers as the exception it becomes (a virtual one is this request's own copy).
        if (ev.seriesMasterId !== undefined) ev.exception = true;
        return kept(updateEvent(ctx, ev));
      }
      if (method === 'DELETE') {
        kept({ status: 204, headers: {} });
        events.delete(id);
        return { status: 204, headers: {} };
      }
      return methodNotAllowed(ctx);
    }
    const found = findTime.route(ctx);
    if (found) return found;
    const segment = path.split('/').filter(Boolean).pop() ?? '';
    return errorAnswer(400, 'BadRequest', `Resource not found for the segment '${segment}'.`, ctx.requestId);
  }

  /** `GET /me/calendarView`: events overlapping [startDateTime, endDateTime), by start, with `$top`/`$skip` paging and `$select`. */
  function calendarView(ctx: Ctx, calendarId?: string): Answer {
    const q = ctx.query;
    const instant = (v: string | undefined): number | undefined => {
      if (v === undefined || v.trim() === '') return undefined;
      const text = /(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`;
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? undefined : ms;
    };
    const start = instant(q.startDateTime);
    const end = instant(q.endDateTime);
    if (q.startDateTime === undefined || q.endDateTime === undefined) {
      return errorAnswer(
        400,
        'ErrorInvalidParameter',
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        ctx.requestId,
      );
    }
    if (start === undefined || end === undefined) {
      return errorAnswer(
        400,
        'ErrorInvalidParameter',
        'The parameter StartDateTime or EndDateTime is not a valid date-time.',
        ctx.requestId,
      );
    }
    const top = Math.min(1000, Math.max(1, Number(q.$top ?? 10) || 10));
    const skip = Math.max(0, Number(q.$skip ?? 0) || 0);
    // Series expanded into their occurrences (test/fake/calendarView.ts).
    // One calendar's events: `/me/calendarView` is the default calendar's ("List calendarView").
    const inCalendar = new Map([...events].filter(([, e]) => e.calendarId === calendarId));
    const matching = calendarViewEvents({ events: inCalendar }, start, end);
    const select = q.$select
      ?.split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const value = matching.slice(skip, skip + top).map((e) => {
      const full = renderEvent(e, ctx.prefer);
      if (!select) return full;
      const out: Record<string, unknown> = { '@odata.etag': full['@odata.etag'], id: full.id };
      for (const k of select) if (k in full) out[k] = full[k];
      return out;
    });
    const body: Record<string, unknown> = {
      '@odata.context': `${base}/v1.0/$metadata#users('${encodeURIComponent(user.address)}')/calendarView`,
      value,
    };
    if (skip + top < matching.length) {
      const next = new URLSearchParams({ ...q, $top: String(top), $skip: String(skip + top) });
      body['@odata.nextLink'] = `${opts.nextLinkOrigin ?? base}/v1.0/me/calendarView?${next.toString()}`;
    }
    return { status: 200, headers: {}, body };
  }

  /**
   * A read's answer with `$select` applied ("Use query parameters to customize responses"): only the named properties
   * plus the id (and the `@odata` annotations). A name the event does not have is refused with 400, as Graph was
   * observed to (`RequestBroker-ParseUri`, "Could not find a property named …", microsoftgraph/microsoft-graph-docs-contrib
   * #8020; the code and text are as reported there, no test reads them).
   */
  function selectProperties(ctx: Ctx, full: Record<string, unknown>): Answer {
    const raw = ctx.query.$select;
    if (raw === undefined) return { status: 200, headers: {}, body: full };
    const names = raw.split(',').map((x) => x.trim());
    const unknown = names.find((n) => !(n in full) || n.startsWith('@'));
    if (unknown !== undefined) {
      return errorAnswer(
        400,
        'RequestBroker-ParseUri',
        `Could not find a property named '${unknown}' on type 'microsoft.graph.event'.`,
        ctx.requestId,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(full))
      if (k.startsWith('@odata.') || k === 'id' || names.includes(k)) out[k] = v;
    return { status: 200, headers: {}, body: out };
  }

  function methodNotAllowed(ctx: Ctx): Answer {
    return errorAnswer(
      405,
      'Request_BadRequest',
      'Specified HTTP method is not allowed for the request target.',
      ctx.requestId,
    );
  }

  function renderEvent(ev: FakeEvent, prefer: Prefer): Record<string, unknown> {
    const zoneName = prefer.timeZone && resolveZone(prefer.timeZone) ? prefer.timeZone : 'UTC';
    const zone = resolveZone(zoneName) ?? 'UTC';
    const body = prefer.bodyText
      ? {
          contentType: 'text',
          content: ev.body.contentType === 'text' ? ev.body.content : htmlToText(ev.body.content),
        }
      : { contentType: 'html', content: toHtml(ev.body) };
    const location = {
      displayName: ev.location ?? '',
      locationType: 'default',
      uniqueIdType: ev.location ? 'private' : 'unknown',
      address: {},
      coordinates: {},
    };
    return {
      '@odata.context': `${base}/v1.0/$metadata#users('${encodeURIComponent(user.address)}')/events/$entity`,
      '@odata.etag': `W/"${ev.changeKey}"`,
      id: ev.id,
      createdDateTime: ev.createdDateTime,
      lastModifiedDateTime: ev.lastModifiedDateTime,
      changeKey: ev.changeKey,
      categories: ev.categories ?? [],
      transactionId: ev.transactionId ?? null,
      originalStartTimeZone: ev.originalStartTimeZone,
      originalEndTimeZone: ev.originalEndTimeZone,
      iCalUId: ev.iCalUId,
      reminderMinutesBeforeStart: ev.reminderMinutesBeforeStart ?? 15,
      isReminderOn: ev.isReminderOn ?? booleanDefaults.isReminderOn,
      hasAttachments: false,
      subject: ev.subject,
      bodyPreview: htmlToText(toHtml(ev.body)).slice(0, 255),
      importance: ev.importance ?? 'normal',
      sensitivity: ev.sensitivity ?? 'normal',
      isAllDay: ev.isAllDay ?? booleanDefaults.isAllDay,
      isCancelled: ev.isCancelled,
      isOrganizer: ev.isOrganizer,
      responseRequested: ev.responseRequested ?? booleanDefaults.responseRequested,
      seriesMasterId: ev.seriesMasterId ?? null,
      showAs: ev.showAs ?? 'busy',
      type: eventType(ev),
      webLink:
        ev.webLink ??
        `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(ev.id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: ev.isOnlineMeeting,
      onlineMeetingProvider: ev.onlineMeetingProvider,
      allowNewTimeProposals: ev.allowNewTimeProposals ?? booleanDefaults.allowNewTimeProposals,
      isDraft: false,
      hideAttendees: ev.hideAttendees ?? booleanDefaults.hideAttendees,
      responseStatus: {
        response: ev.isOrganizer ? 'organizer' : 'notResponded',
        time: '0001-01-01T00:00:00Z',
      },
      body,
      start: { dateTime: formatInZone(ev.startMs, zone), timeZone: zoneName },
      end: { dateTime: formatInZone(ev.endMs, zone), timeZone: zoneName },
      location,
      locations: ev.location ? [location] : [],
      recurrence: renderRecurrence(ev),
      attendees: ev.attendees.map((a) => ({
        type: a.type,
        status: { response: a.response ?? 'none', time: a.responseTime ?? '0001-01-01T00:00:00Z' },
        emailAddress: { name: a.name ?? a.address, address: a.address },
        ...(a.proposedNewTime
          ? {
              proposedNewTime: {
                start: { dateTime: formatInZone(a.proposedNewTime.startMs, zone), timeZone: zoneName },
                end: { dateTime: formatInZone(a.proposedNewTime.endMs, zone), timeZone: zoneName },
              },
            }
          : {}),
      })),
      organizer: {
        emailAddress: { name: ev.organizer.name ?? ev.organizer.address, address: ev.organizer.address },
      },
      onlineMeeting: ev.onlineMeeting
        ? {
            joinUrl: ev.onlineMeeting.joinUrl,
            conferenceId: ev.onlineMeeting.conferenceId,
            tollNumber: '+1 555-0100',
          }
        : null,
    };
  }

  // ---- $batch ------------------------------------------------------------------------------------

  async function handleBatch(ctx: Ctx, outer: RecordedRequest): Promise<Answer> {
    const b = ctx.body;
    if (!isRecord(b) || !Array.isArray(b.requests)) {
      return errorAnswer(400, 'BadRequest', 'Invalid batch payload format.', ctx.requestId);
    }
    if (b.requests.length > 20) {
      return errorAnswer(
        400,
        'BadRequest',
        'Number of batch requests exceeded the limit of 20.',
        ctx.requestId,
      );
    }
    const items = b.requests as unknown[];
    const ids = new Set<string>();
    for (const r of items) {
      if (
        !isRecord(r) ||
        typeof r.id !== 'string' ||
        typeof r.method !== 'string' ||
        typeof r.url !== 'string'
      ) {
        return errorAnswer(400, 'BadRequest', 'Invalid batch payload format.', ctx.requestId);
      }
      if (ids.has(r.id))
        return errorAnswer(400, 'BadRequest', 'Batch request ids must be unique.', ctx.requestId);
      ids.add(r.id);
    }
    const statusOf = new Map<string, Promise<number>>();
    const responses: unknown[] = [];
    const runMember = async (r: Record<string, unknown>): Promise<number> => {
      const id = r.id as string;
      const innerHeaders = lowerHeaders(isRecord(r.headers) ? r.headers : {});
      const requestId = randomUUID();
      const url = new URL(String(r.url).replace(/^\/?/, '/'), 'https://inner.invalid');
      const rec: RecordedRequest = {
        seq: ++seq,
        method: String(r.method).toUpperCase(),
        path: `/v1.0${url.pathname}`,
        query: Object.fromEntries(url.searchParams),
        headers: innerHeaders,
        body: r.body,
        rawBody: r.body === undefined ? '' : JSON.stringify(r.body),
        batchOf: outer.seq,
        concurrency: outer.concurrency,
        receivedAt: Date.now(),
      };
      requests.push(rec);
      let answer: Answer;
      const deps = Array.isArray(r.dependsOn) ? (r.dependsOn as unknown[]).map(String) : [];
      // A dependency not started before this member counts as failed.
      const depStatuses = await Promise.all(deps.map((d) => statusOf.get(d) ?? Promise.resolve(0)));
      if (depStatuses.some((s) => s < 200 || s >= 300)) {
        answer = errorAnswer(
          424,
          'FailedDependency',
          'Request failed due to a failed dependent request.',
          requestId,
        );
      } else {
        const fault = takeFault(rec, true);
        const fa = fault ? faultAnswer(fault, requestId) : undefined;
        if (fault) rec.fault = fault.kind;
        answer =
          fa ??
          (await execute(requestId, () =>
            route({
              method: rec.method,
              route: url.pathname,
              query: rec.query,
              headers: innerHeaders,
              body: r.body,
              rawBody: rec.rawBody,
              prefer: parsePrefer(innerHeaders.prefer),
              requestId,
            }),
          ));
      }
      rec.status = answer.status;
      const headers: Record<string, string> = { ...answer.headers };
      if (answer.body !== undefined) headers['content-type'] ??= 'application/json';
      const prefs = preferenceApplied(parsePrefer(innerHeaders.prefer));
      if (prefs && answer.status < 400) headers['preference-applied'] = prefs;
      responses.push({ id, status: answer.status, headers, body: answer.body ?? null });
      return answer.status;
    };
    // Graph dispatches up to 4 members of one batch at once ("Microsoft Graph throttling guidance", Outlook
    // service limits); a member waits for those it names in dependsOn.
    const queue = [...(items as Record<string, unknown>[])];
    const worker = async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const status = runMember(r);
        statusOf.set(r.id as string, status);
        await status;
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
    shuffle(responses);
    return { status: 200, headers: {}, body: { responses } };
  }

  // ---- HTTP plumbing ----------------------------------------------------------------------------

  const quietSockets = new WeakSet<object>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!quietSockets.has(req.socket)) {
      quietSockets.add(req.socket);
      req.socket.on('error', () => undefined);
    }
    res.on('error', () => undefined);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const concurrency = inFlight;
    try {
      const rawBody = await readBody(req);
      const url = new URL(req.url ?? '/', base);
      const method = (req.method ?? 'GET').toUpperCase();
      const requestId = randomUUID();
      let body: unknown;
      let malformedJson = false;
      if (rawBody.length > 0) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = rawBody;
          malformedJson = true;
        }
      }
      const rec: RecordedRequest = {
        seq: ++seq,
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        rawBody,
        concurrency,
        receivedAt: Date.now(),
      };
      requests.push(rec);
      const fault = takeFault(rec, false);
      if (fault) rec.fault = fault.kind;
      const when = fault && 'when' in fault ? fault.when : undefined;

      if (fault?.kind === 'drop' && when !== 'after') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay' && when !== 'after') await sleep(fault.ms);
      if (fault?.kind === 'malformed' && when === 'before') {
        rec.status = fault.status ?? 200;
        send(
          res,
          {
            status: rec.status,
            headers: { 'content-type': 'application/json' },
            raw: fault.text ?? '{"id": "AAMk',
          },
          requestId,
          req,
        );
        return;
      }
      const fa = fault ? faultAnswer(fault, requestId) : undefined;
      const refusal = fa ?? authenticate(req.headers, requestId);
      // A $batch is not a call to the mailbox itself: its members are, each through `execute`.
      const isBatch = method === 'POST' && /^\/(v1\.0|beta)\/\$batch$/.test(url.pathname);
      let answer = refusal ?? (isBatch ? await dispatch() : await execute(requestId, dispatch));
      if (refusal && opts.latencyMs) await sleep(opts.latencyMs);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay') await sleep(fault.ms);
      if (fault?.kind === 'malformed') {
        answer = {
          status: answer.status,
          headers: { ...answer.headers, 'content-type': 'application/json' },
          raw: fault.text ?? '{"id": "AAMk',
        };
      }
      rec.status = answer.status;
      send(res, answer, requestId, req);

      async function dispatch(): Promise<Answer> {
        const prefer = parsePrefer(req.headers.prefer);
        if (malformedJson) {
          return errorAnswer(
            400,
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
            requestId,
          );
        }
        const vm = /^\/(v1\.0|beta)(\/.*)?$/.exec(url.pathname);
        if (!vm) return errorAnswer(400, 'BadRequest', 'Invalid version.', requestId);
        const routePath = vm[2] ?? '/';
        const ctx: Ctx = {
          method,
          route: routePath,
          query: rec.query,
          headers: req.headers,
          body,
          rawBody,
          prefer,
          requestId,
        };
        const a = routePath === '/$batch' && method === 'POST' ? await handleBatch(ctx, rec) : route(ctx);
        const applied = preferenceApplied(prefer);
        if (applied && a.status < 400) a.headers['preference-applied'] = applied;
        return a;
      }
    } finally {
      inFlight -= 1;
    }
  }

  function send(res: ServerResponse, answer: Answer, requestId: string, req: IncomingMessage): void {
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = {
      'request-id': requestId,
      'client-request-id': String(req.headers['client-request-id'] ?? requestId),
      'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"Fake","Slice":"E","Ring":"0","ScaleUnit":"000"}}',
      ...answer.headers,
    };
    let payload = '';
    if (answer.raw !== undefined) payload = answer.raw;
    else if (answer.body !== undefined) {
      payload = JSON.stringify(answer.body);
      headers['content-type'] =
        'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
    }
    res.writeHead(answer.status, headers);
    res.end(payload);
  }

  const server = createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: String(err) } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `https://127.0.0.1:${port}`;
  fake.url = base;
  fake.port = port;
  return fake;
}

/** Runs the fake as a process (`--port N`, `--token T`..., `--personal`, `--tls-dir DIR` with ca.pem/cert.pem/key.pem, `--ca-out FILE`): prints `{url, port, caPath, tokens}` as one JSON line, stops on SIGINT/SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<FakeGraph> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tokens = argv.flatMap((a, i) => (a === '--token' && argv[i + 1] ? [argv[i + 1]!] : []));
  const personal = argv.includes('--personal');
  const tlsDir = arg('--tls-dir');
  const tls = tlsDir
    ? {
        caPem: readFileSync(join(tlsDir, 'ca.pem'), 'utf8'),
        certPem: readFileSync(join(tlsDir, 'cert.pem'), 'utf8'),
        keyPem: readFileSync(join(tlsDir, 'key.pem'), 'utf8'),
      }
    : undefined;
  const fake = await startFakeGraph({
    port: Number(arg('--port') ?? 0),
    tokens: tokens.length > 0 ? tokens : ['test-token'],
    ...(tls ? { tls } : {}),
    ...(personal
      ? {
          calendar: {
            allowedOnlineMeetingProviders: ['skypeForConsumer'],
            defaultOnlineMeetingProvider: 'skypeForConsumer',
          },
        }
      : {}),
  });
  const caPath = arg('--ca-out') ?? join(mkdtempSync(join(tmpdir(), 'fake-graph-')), 'ca.pem');
  writeFileSync(caPath, fake.caPem);
  process.stdout.write(
    `${JSON.stringify({ url: fake.url, port: fake.port, caPath, tokens: [...fake.tokens] })}\n`,
  );
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return fake;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lowerHeaders(h: Record<string, unknown>): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = String(v);
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses one or more `Prefer` headers (comma-separated preferences). */
function parsePrefer(header: string | string[] | undefined): Prefer {
  const out: Prefer = { immutableId: false, bodyText: false };
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of joined.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const m = /^\s*([\w.-]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    if (key === 'outlook.timezone') out.timeZone = m[2]!;
    else if (key === 'idtype' && m[2]!.toLowerCase() === 'immutableid') out.immutableId = true;
    else if (key === 'outlook.body-content-type' && m[2]!.toLowerCase() === 'text') out.bodyText = true;
  }
  return out;
}

function preferenceApplied(p: Prefer): string | undefined {
  const parts: string[] = [];
  if (p.immutableId) parts.push('IdType="ImmutableId"');
  if (p.timeZone && resolveZone(p.timeZone)) parts.push(`outlook.timezone="${p.timeZone}"`);
  if (p.bodyText) parts.push('outlook.body-content-type="text"');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Graph answers bodies as HTML unless asked for text. */
function toHtml(body: FakeEvent['body']): string {
  if (body.contentType === 'html') return body.content;
  const text = escapeHtml(body.content).replace(/\r?\n/g, '<br>\r\n');
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n<div>${text}</div>\r\n</body>\r\n</html>\r\n`;
}

function htmlToText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\r/g, '')
    .trim();
}

function newId(): string {
  return `AAMkAGI2TG93AAA${randomBytes(95).toString('base64').replace(/\//g, '-').replace(/\+/g, '_')}`;
}

function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${randomBytes(24).toString('hex').toUpperCase()}`;
}

function newChangeKey(): string {
  return randomBytes(16).toString('base64');
}

function shuffle<T>(list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
