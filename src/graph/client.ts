// The Graph client: schedule, update, cancel and read meetings through `@microsoft/microsoft-graph-client`.
// Every call is one request built by the SDK's request builder (`client.api(path)`, a `GraphRequest`) and sent
// through its `HTTPClient` over our middleware chain: retries (Retry-After within a bounded budget, mailbox slots,
// per-attempt timeout and abort), then the token for the configured origin only, then fetch.
//
// The SDK is imported module by module from its ES build: its index re-exports modules whose top-level code
// esbuild cannot drop (upload tasks, batch content, the chaos handler), and `Client`'s constructor refers to the
// default middleware chain (authentication, retry, redirect, telemetry handlers) even when given ours. So the
// client below is what `Client.api` is, `new GraphRequest(httpClient, config, path)`, over the SDK's `HTTPClient`.
import { GraphRequest } from '@microsoft/microsoft-graph-client/lib/es/src/GraphRequest';
import { HTTPClient } from '@microsoft/microsoft-graph-client/lib/es/src/HTTPClient';
import { ResponseType } from '@microsoft/microsoft-graph-client/lib/es/src/ResponseType';
import type { ClientOptions } from '@microsoft/microsoft-graph-client/lib/es/src/IClientOptions';
import type { Context } from '@microsoft/microsoft-graph-client/lib/es/src/IContext';
import type { Middleware } from '@microsoft/microsoft-graph-client/lib/es/src/middleware/IMiddleware';
import {
  fromGraphEvent,
  isMalformedResponseError,
  isMappingError,
  pickOnlineMeetingProvider,
  toCreateBody,
  toUpdateBody,
} from '../core/mapping';
import type { CancelRequest, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import { toWindowsZone } from '../core/datetime';
import { isMeetingId } from '../core/meetingId';
import { createPath } from './calendars';
import type { CalendarEntry, TimeWindow } from './calendarView';
import { readCalendarView } from './calendarView';
import type { Occurrence } from './instances';
import { listOccurrences } from './instances';
import type { MeetingsErrorKind } from './errors';
import {
  MeetingsError,
  errorFromResponse,
  headerValue,
  isMeetingsError,
  isRecord,
  parseRetryAfter,
} from './errors';
import type { CallResult, RetryPolicy, Slots } from './retry';
import {
  CallState,
  RetryMiddleware,
  backoffDelay,
  callStateOf,
  defaultRetryPolicy,
  isRetryableStatus,
  pause,
  requestIdOf,
} from './retry';

/** Supplies the bearer token (asked per attempt). */
export type GetToken = () => Promise<string>;

/** A `fetch` implementation (the global one by default). */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** What the client logs about each attempt: never headers, bodies or tokens. */
export interface RequestLogEntry {
  method: string;
  /** Path below the version, e.g. `/me/events/AAMk...`. */
  path: string;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  /** Why no answer arrived. */
  error?: MeetingsErrorKind;
}

/** Options of `MeetingsClient`. */
export interface MeetingsClientOptions {
  /** Graph root, e.g. `https://graph.microsoft.com` (national clouds differ); `/v1.0` or `/beta` may follow. */
  baseUrl: string;
  /** The token is requested per attempt and sent to `baseUrl`'s origin only. */
  getToken: GetToken;
  /** Zone for `Prefer: outlook.timezone` (IANA or Windows name); times come back in it. */
  timeZone?: string;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Total wait between attempts (default 60 s); a longer Retry-After fails fast as `throttled`. */
  maxRetryWaitMs?: number;
  /** First backoff step when no Retry-After is given (default 500 ms). */
  retryBaseDelayMs?: number;
  /** Receives method, path and status of each attempt: a function, or a logger whose `trace` gets one line. */
  log?: ((entry: RequestLogEntry) => void) | { trace(message: string): void };
  /** Replaces the global `fetch` (e.g. to trust a test CA or use a proxy agent). */
  fetch?: FetchLike;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a read: `select` names the only properties to answer with (`$select`; the id always comes). */
export interface ReadOptions extends CallOptions {
  select?: readonly string[];
}

/** What `GET /me/calendar` says about online meetings. */
export interface OnlineMeetingProviders {
  allowed: string[];
  defaultProvider?: string;
}

/** The Graph SDK client surface used here: `api(path)` gives the SDK's request builder for a path below the version. */
export interface GraphApi {
  api(path: string): GraphRequest;
}

/** A configured Graph SDK client and the origin its token is limited to. */
export interface GraphClientHandle {
  client: GraphApi;
  /** `https://host[:port]` that receives the token. */
  origin: string;
  /** The Graph API version path segment (`v1.0`). */
  version: string;
}

const BATCH_SIZE = 20;
// Outlook executes at most 4 requests at once per app and mailbox, counting each $batch member, and Graph runs
// up to 4 members of one batch in parallel ("Microsoft Graph throttling guidance", Outlook service limits).
const MAILBOX_CONCURRENCY = 4;
// Batches prepared at once: one executing (it takes all 4 slots), one waiting so the next starts at once.
const BATCH_WORKERS = 2;
const CALENDAR_VIEW_PAGE = 50;
const CALENDAR_VIEW_MAX_PAGES = 40;

/**
 * The mailbox's execution slots, shared by every call of one client: a request takes 1, a `$batch` of n members
 * min(n, 4). First come, first served, so a batch waiting for 4 slots is not starved by single calls.
 */
class MailboxSlots implements Slots {
  private used = 0;
  private readonly waiting: { weight: number; grant: () => void }[] = [];

  constructor(private readonly size: number) {}

  /** Takes `weight` slots: undefined when taken at once, else a promise (rejected if `signal` aborts first). */
  acquire(weight: number, signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.waiting.length === 0 && this.used + weight <= this.size) {
      this.used += weight;
      return undefined;
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const entry = {
        weight,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        this.drain();
        reject(signal?.reason);
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Gives back slots taken with `acquire`. */
  release(weight: number): void {
    this.used -= weight;
    this.drain();
  }

  private drain(): void {
    for (let next = this.waiting[0]; next && this.used + next.weight <= this.size; next = this.waiting[0]) {
      this.waiting.shift();
      this.used += next.weight;
      next.grant();
    }
  }
}

function requestUrl(request: RequestInfo): string {
  return typeof request === 'string' ? request : request.url;
}

/**
 * The request's headers as a plain record without any `authorization` header. `GraphRequest.send` hands the chain a
 * fresh plain record per call (`updateRequestOptions` copies ours into it), which is edited in place; any other form
 * (a `Headers`, an array) is copied.
 */
function withoutAuthorization(init: unknown): Record<string, string> {
  if (init === undefined || init === null) return {};
  if (typeof init === 'object' && !(init instanceof Headers) && !Array.isArray(init)) {
    const headers = init as Record<string, string>;
    for (const key in headers)
      if (key.length === 13 && key.toLowerCase() === 'authorization') delete headers[key];
    return headers;
  }
  const headers: Record<string, string> = {};
  new Headers(init as HeadersInit).forEach((value, key) => {
    if (key !== 'authorization') headers[key] = value;
  });
  return headers;
}

/** Attaches the bearer token to requests for the configured origin and strips it from every other. */
class TokenMiddleware implements Middleware {
  private next?: Middleware;
  /** The origin (`https://host[:port]`, as URL normalises it) followed by `/`: the host cannot differ. */
  private readonly prefix: string;

  constructor(
    origin: string,
    private readonly getToken: GetToken,
  ) {
    this.prefix = `${origin}/`;
  }

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = withoutAuthorization(options.headers);
    if (typeof context.request !== 'string') context.request.headers.delete('authorization');
    if (requestUrl(context.request).startsWith(this.prefix)) {
      const call = callStateOf(context);
      try {
        const token = await this.getToken();
        if (call) call.token = token;
        headers.authorization = `Bearer ${token}`;
      } catch (e) {
        if (call) call.tokenError = e;
        throw e;
      }
    }
    options.headers = headers;
    if (!this.next) throw new Error('TokenMiddleware has no next middleware');
    // Awaited rather than returned: an async function resolving with another promise takes two more ticks.
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Sends the request with `fetch`, under the attempt's abort signal. */
class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl: FetchLike) {}

  async execute(context: Context): Promise<void> {
    const call = callStateOf(context);
    // Redirects are never followed: a 3xx comes back as it is and the client refuses it (`redirectRefused`),
    // so no request body ever goes to a host other than the configured Graph origin. The options are the call's
    // own (`GraphRequest.send` builds them per call): set in place, each attempt's signal replacing the last.
    const init = (context.options ??= {}) as RequestInit;
    init.redirect = 'manual';
    if (call?.attemptSignal) init.signal = call.attemptSignal;
    try {
      context.response = await this.fetchImpl(context.request, init);
    } catch (e) {
      if (call) call.transportError = e;
      throw e;
    }
  }
}

/** Splits a Graph base URL into the origin, the root the SDK appends the version to, and the version. */
function parseBaseUrl(baseUrl: string): { origin: string; root: string; version: string; host: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') throw new TypeError('The Graph base URL must use https.');
  const segments = url.pathname.split('/').filter(Boolean);
  let version = 'v1.0';
  const last = segments[segments.length - 1];
  if (last === 'v1.0' || last === 'beta') {
    version = last;
    segments.pop();
  }
  const root = `${url.origin}/${segments.join('/')}`.replace(/\/+$/, '');
  return { origin: url.origin, root, version, host: url.hostname };
}

/**
 * Builds a Graph SDK client whose chain retries calls sent with a `CallState` (`retry`: policy, timeout, mailbox
 * slots, log; defaults without) and sends the token to `baseUrl`'s origin only.
 */
export function createGraphClient(options: {
  baseUrl: string;
  getToken: GetToken;
  fetch?: FetchLike;
  retry?: {
    policy: RetryPolicy;
    timeoutMs: number;
    /** The mailbox's slots, shared by every call of this client (default: 4 of its own). */
    slots?: Slots;
    log?: (entry: RequestLogEntry) => void;
  };
}): GraphClientHandle {
  const { origin, root, version, host } = parseBaseUrl(options.baseUrl);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const retry = new RetryMiddleware({
    policy: defaultRetryPolicy,
    timeoutMs: 30_000,
    ...options.retry,
    slots: options.retry?.slots ?? new MailboxSlots(MAILBOX_CONCURRENCY),
    origin,
  });
  const httpClient = new HTTPClient(
    retry,
    new TokenMiddleware(origin, options.getToken),
    new FetchMiddleware(fetchImpl),
  );
  // What `Client.initWithMiddleware` would keep: the root the SDK appends the version to, and our host as a
  // custom host (the SDK's own middleware reads it; ours checks the origin itself).
  const config: ClientOptions = { baseUrl: root, defaultVersion: version, customHosts: new Set([host]) };
  return { client: { api: (path) => new GraphRequest(httpClient, config, path) }, origin, version };
}

type Method = 'GET' | 'POST' | 'PATCH';

interface CallSpec {
  method: Method;
  path: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Mailbox slots the call takes while it executes (default 1; a `$batch`: its member count, at most 4). */
  slots?: number;
}

/** Schedules, updates, cancels and reads Outlook meetings through Microsoft Graph. */
export class MeetingsClient {
  private readonly graph: GraphClientHandle;
  private readonly policy: RetryPolicy;
  private providers?: Promise<OnlineMeetingProviders>;
  /**
   * Headers of every read (and of each `$batch` member), and of every write: built once, never mutated
   * (`GraphRequest.headers` copies them).
   */
  private readonly readHeaders: Record<string, string>;
  private readonly writeHeaders: Record<string, string>;

  constructor(private readonly options: MeetingsClientOptions) {
    this.policy = {
      ...defaultRetryPolicy,
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
      ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { baseDelayMs: options.retryBaseDelayMs } : {}),
    };
    this.graph = createGraphClient({
      ...options,
      retry: {
        policy: this.policy,
        timeoutMs: options.timeoutMs ?? 30_000,
        ...(options.log !== undefined ? { log: (entry: RequestLogEntry) => this.log(entry) } : {}),
      },
    });
    // Windows name: Graph answers 400 TimeZoneNotSupportedException to most IANA names, in Prefer too
    // ("dateTimeTimeZone resource type"); a zone with none falls back to UTC (answers are read as instants).
    const zone = options.timeZone === undefined ? undefined : (toWindowsZone(options.timeZone) ?? 'UTC');
    const prefer = zone ? `IdType="ImmutableId", outlook.timezone="${zone}"` : 'IdType="ImmutableId"';
    this.readHeaders = { Prefer: prefer };
    this.writeHeaders = { Prefer: prefer, 'Content-Type': 'application/json' };
  }

  /** Creates the meeting. Retries reuse `transactionId`, so Graph makes at most one event for it. */
  async schedule(draft: MeetingDraft, opts: { transactionId: string } & CallOptions): Promise<Meeting> {
    let provider: string | undefined;
    if (draft.teamsMeeting === true) {
      const p = await this.onlineMeetingProviders(opts);
      provider = pickOnlineMeetingProvider(p.allowed, p.defaultProvider);
    }
    const body = mapOrThrow(() =>
      toCreateBody(draft, {
        transactionId: opts.transactionId,
        ...(provider !== undefined ? { onlineMeetingProvider: provider } : {}),
      }),
    );
    // The chosen calendar's events, or the default calendar's (graph/calendars.ts).
    const path = createPath(draft.calendarId);
    const spec: CallSpec = { method: 'POST', path, body, signal: opts.signal };
    // Not re-sent here after an unreadable answer: the create's retries and its pending record belong to
    // `MeetingOperations.schedule` (src/services), which sends the same transactionId when the submit is retried.
    try {
      return parseEvent(await this.call(spec));
    } catch (e) {
      // A 404 here is the chosen calendar, not a meeting: said as such (nothing was made).
      if (draft.calendarId === undefined || !isMeetingsError(e) || e.kind !== 'notFound') throw e;
      throw new MeetingsError({ kind: 'invalidInput', code: 'calendarNotFound', status: 404, cause: e });
    }
  }

  /** Changes only the given fields; reads the meeting first when the content, Teams or attendees change without `current`. */
  async update(changes: MeetingChanges, opts: { current?: Meeting } & CallOptions = {}): Promise<Meeting> {
    let current = opts.current;
    // An attendee list is sent whole, with the other types' attendees read from the meeting (mapping.ts).
    const needsCurrent =
      changes.content !== undefined ||
      changes.teamsMeeting !== undefined ||
      changes.attendees !== undefined ||
      changes.optionalAttendees !== undefined ||
      changes.resources !== undefined;
    if (needsCurrent && !current) current = await this.get(changes.meetingId, opts);
    let provider: string | undefined;
    if (changes.teamsMeeting === true && current?.isOnlineMeeting !== true) {
      const p = await this.onlineMeetingProviders(opts);
      provider = pickOnlineMeetingProvider(p.allowed, p.defaultProvider);
    }
    const body = mapOrThrow(() => toUpdateBody(changes, current, provider));
    if (Object.keys(body).length === 0) return current ?? this.get(changes.meetingId, opts);
    return parseEvent(
      await this.call({ method: 'PATCH', path: eventPath(changes.meetingId), body, signal: opts.signal }),
    );
  }

  /** Cancels the meeting (organizer only) and sends the comment to attendees. An already cancelled meeting counts as done. */
  async cancel(req: CancelRequest, opts: CallOptions = {}): Promise<void> {
    const body = req.comment !== undefined ? { Comment: req.comment } : {};
    try {
      const r = await this.call({
        method: 'POST',
        path: `${eventPath(req.meetingId)}/cancel`,
        body,
        signal: opts.signal,
      });
      // Graph answers 202 without a body; an unreadable body means the answer cannot be trusted.
      if (r.text.trim() !== '') parseJson(r);
    } catch (e) {
      if (isMeetingsError(e) && e.kind === 'badResponse') {
        // Whether the cancel was applied is unknown: read the meeting to tell.
        let meeting: Meeting;
        try {
          meeting = await this.get(req.meetingId, opts);
        } catch {
          throw e;
        }
        if (meeting.isCancelled) return;
        throw e;
      }
      if (!isMeetingsError(e) || e.status !== 400) throw e;
      // Graph answers 400 both to a non-organizer and to a second cancel: read the meeting to tell which.
      let meeting: Meeting;
      try {
        meeting = await this.get(req.meetingId, opts);
      } catch (g) {
        if (isMeetingsError(g) && (g.kind === 'notFound' || g.kind === 'cancelled')) throw g;
        throw e;
      }
      if (!meeting.isOrganizer) {
        throw new MeetingsError({
          kind: 'notOrganizer',
          status: e.status,
          ...(e.code !== undefined ? { code: e.code } : {}),
          ...(e.graphMessage !== undefined ? { graphMessage: e.graphMessage } : {}),
          ...(e.requestId !== undefined ? { requestId: e.requestId } : {}),
        });
      }
      if (meeting.isCancelled) return;
      throw e;
    }
  }

  /** Reads one meeting. */
  async get(id: string, opts: ReadOptions = {}): Promise<Meeting> {
    const path = eventPath(id) + selectQuery(opts.select);
    return parseEvent(await this.call({ method: 'GET', path, signal: opts.signal }));
  }

  /**
   * Looks for the event a create with `transactionId` made, read-only: lists the calendar view over
   * `window` (UTC ms; events overlapping it) page by page (at most `maxPages`), then reads the match.
   */
  async findByTransactionId(
    transactionId: string,
    window: { start: number; end: number },
    opts: CallOptions & { maxPages?: number; calendarId?: string } = {},
  ): Promise<Meeting | undefined> {
    const query = new URLSearchParams({
      startDateTime: new Date(window.start).toISOString(),
      endDateTime: new Date(window.end).toISOString(),
      $select: 'id,transactionId,start,end,seriesMasterId',
      $top: String(CALENDAR_VIEW_PAGE),
    });
    // A create in a chosen calendar is in that calendar's view; `/me/calendarView` is the default calendar's.
    const view = opts.calendarId === undefined ? '/me' : createPath(opts.calendarId).replace(/\/events$/, '');
    const path = `${view}/calendarView?${query.toString()}`;
    // A series is listed as its occurrences ("List calendarView"), which need not carry the master's transactionId:
    // each series' master is read once after the view, so an interrupted recurring create is found, not made twice.
    const masters = new Set<string>();
    for await (const page of this.pages(path, opts.maxPages ?? CALENDAR_VIEW_MAX_PAGES, opts)) {
      for (const item of page) {
        if (isRecord(item) && item.transactionId === transactionId && typeof item.id === 'string') {
          return this.get(item.id, opts);
        }
        if (isRecord(item) && typeof item.seriesMasterId === 'string') masters.add(item.seriesMasterId);
      }
    }
    for (const id of masters) {
      const master = await this.get(id, opts).catch((e: unknown) => {
        if (isMeetingsError(e) && e.kind === 'notFound') return undefined;
        throw e;
      });
      if (master?.transactionId === transactionId) return master;
    }
    return undefined;
  }

  /** The occurrences of the series `seriesMasterId` overlapping `window` (epoch ms), soonest first (instances.ts). */
  occurrences(seriesMasterId: string, window: TimeWindow, opts: CallOptions = {}): Promise<Occurrence[]> {
    return listOccurrences(this, seriesMasterId, window, opts);
  }

  /** The user's calendar entries overlapping `window` (epoch ms), occurrences expanded, soonest first (calendarView.ts). */
  calendarView(window: TimeWindow, opts: CallOptions = {}): Promise<CalendarEntry[]> {
    return readCalendarView((path, maxPages) => this.pages(path, maxPages, opts), window);
  }

  /**
   * The request primitive for collections: GETs `path` (below the API version) and yields each page's `value`,
   * following `@odata.nextLink` to the configured origin only, at most `maxPages` pages (then `tooManyPages`).
   */
  async *pages(path: string, maxPages: number, opts: CallOptions = {}): AsyncGenerator<unknown[]> {
    let next: string | undefined = path;
    for (let page = 0; next !== undefined; page++) {
      if (page >= maxPages) {
        throw new MeetingsError({
          kind: 'server',
          code: 'tooManyPages',
          message: `The collection did not end within ${maxPages} pages.`,
        });
      }
      const r = await this.call({ method: 'GET', path: next, signal: opts.signal });
      const json = parseJson(r);
      if (!isRecord(json) || !Array.isArray(json.value)) throw badResponse(r);
      const link = json['@odata.nextLink'];
      yield json.value as unknown[];
      next = typeof link === 'string' ? this.relativeLink(link, r) : undefined;
    }
  }

  /** A next link as a path below the API version; only links to the configured origin are followed. */
  private relativeLink(link: string, r: CallResult): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch (e) {
      throw badResponse(r, e);
    }
    const prefix = `/${this.graph.version}/`;
    if (url.origin !== this.graph.origin || !url.pathname.includes(prefix)) throw badResponse(r);
    const path = url.pathname.slice(url.pathname.indexOf(prefix) + prefix.length - 1) + url.search;
    // GraphRequest reads an `https://` anywhere in its path as the start of an absolute URL and sends the request
    // to the host after it: a link whose path or query holds one is refused.
    if (/https?:\/\//i.test(path)) throw badResponse(r);
    return path;
  }

  /**
   * Reads many meetings with JSON `$batch` (20 per batch; a batch takes the mailbox's 4 slots, so one executes
   * at a time, sharing them with any other call of this client; throttled inner requests retried). Each id
   * maps to its meeting or its error (a deleted one: `notFound`).
   */
  async getMany(ids: string[], opts: ReadOptions = {}): Promise<Map<string, Meeting | MeetingsError>> {
    const unique = [...new Set(ids)];
    const results = new Map<string, Meeting | MeetingsError>();
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += BATCH_SIZE) chunks.push(unique.slice(i, i + BATCH_SIZE));
    const stop = new AbortController();
    const onAbort = () => stop.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let failure: unknown;
    const worker = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        if (failure !== undefined) return;
        try {
          await this.runBatch(chunk, results, stop.signal, opts.select);
        } catch (e) {
          failure ??= e;
          stop.abort(e);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(BATCH_WORKERS, chunks.length) }, worker));
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
    if (failure !== undefined) {
      if (opts.signal?.aborted) throw cancelledError();
      throw failure;
    }
    return results;
  }

  /** One JSON request for the feature modules (src/graph/findTime.ts): the parsed 2xx body, errors as every call's. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    opts: { body?: unknown } & CallOptions = {},
  ): Promise<unknown> {
    return parseJson(await this.call({ method, path, body: opts.body, signal: opts.signal }));
  }

  /** The calendar's allowed online-meeting providers (cached per client; a failure is not cached). */
  onlineMeetingProviders(opts: CallOptions = {}): Promise<OnlineMeetingProviders> {
    this.providers ??= (async () => {
      const r = await this.call({ method: 'GET', path: '/me/calendar', signal: opts.signal });
      const json = parseJson(r);
      if (!isRecord(json)) throw badResponse(r);
      const allowedRaw = json.allowedOnlineMeetingProviders;
      const allowed = Array.isArray(allowedRaw)
        ? allowedRaw.filter((p): p is string => typeof p === 'string')
        : [];
      const d = json.defaultOnlineMeetingProvider;
      return typeof d === 'string' ? { allowed, defaultProvider: d } : { allowed };
    })();
    const pending = this.providers;
    pending.catch(() => {
      if (this.providers === pending) this.providers = undefined;
    });
    return pending;
  }

  private async runBatch(
    ids: string[],
    results: Map<string, Meeting | MeetingsError>,
    signal: AbortSignal,
    select?: readonly string[],
  ): Promise<void> {
    let pending = ids;
    let round = 0;
    let waited = 0;
    while (pending.length > 0) {
      const requests = pending.map((id, i) => ({
        id: String(i + 1),
        method: 'GET',
        url: eventPath(id) + selectQuery(select),
        headers: this.readHeaders,
      }));
      const r = await this.call({
        method: 'POST',
        path: '/$batch',
        body: { requests },
        signal,
        slots: Math.min(requests.length, MAILBOX_CONCURRENCY),
      });
      const json = parseJson(r);
      const responses =
        isRecord(json) && Array.isArray(json.responses) ? (json.responses as unknown[]) : undefined;
      if (!responses) {
        for (const id of pending) results.set(id, badResponse(r));
        return;
      }
      const seen = new Set<string>();
      const retry: string[] = [];
      let delay = 0;
      for (const item of responses) {
        if (!isRecord(item)) continue;
        const index = Number(item.id) - 1;
        const id = Number.isInteger(index) ? pending[index] : undefined;
        if (id === undefined || seen.has(id)) continue;
        seen.add(id);
        const status = Number(item.status);
        const headers = isRecord(item.headers) ? item.headers : {};
        if (status >= 200 && status < 300) {
          try {
            results.set(id, fromGraphEvent(item.body));
          } catch (e) {
            if (!isMalformedResponseError(e)) throw e;
            results.set(id, new MeetingsError({ kind: 'badResponse', status, cause: e }));
          }
        } else if (isRetryableStatus(status) && round < this.policy.maxRetries) {
          retry.push(id);
          delay = Math.max(
            delay,
            parseRetryAfter(headerValue(headers, 'retry-after')) ?? backoffDelay(round, this.policy),
          );
        } else {
          results.set(id, errorFromResponse(status, item.body, headers));
        }
      }
      for (const id of pending) if (!seen.has(id)) results.set(id, badResponse(r));
      if (retry.length === 0) return;
      if (waited + delay > this.policy.maxRetryWaitMs) {
        for (const id of retry) {
          results.set(id, new MeetingsError({ kind: 'throttled', status: 429, retryAfterMs: delay }));
        }
        return;
      }
      await pause(delay, signal);
      waited += delay;
      round += 1;
      pending = retry;
    }
  }

  private log(entry: RequestLogEntry): void {
    const log = this.options.log;
    try {
      if (typeof log === 'function') log(entry);
      else log?.trace(`Graph ${entry.method} ${entry.path} -> ${entry.status ?? entry.error ?? '?'}`);
    } catch {
      // A failing logger must not fail the request.
    }
  }

  /**
   * Sends one call: its request is built once by the SDK's request builder and sent through the chain, whose retry
   * middleware makes the attempts. Resolves with a 2xx answer or throws a `MeetingsError`. `mayBeApplied`: an
   * earlier call of this write may have been applied, so an error must not claim it was not.
   */
  private async call(spec: CallSpec, mayBeApplied = false): Promise<CallResult> {
    const call = new CallState(spec.method, spec.path, spec.signal, spec.slots ?? 1, mayBeApplied);
    const request = this.graph.client
      .api(spec.path)
      .headers(spec.method === 'GET' ? this.readHeaders : this.writeHeaders)
      .middlewareOptions([call])
      .responseType(ResponseType.RAW);
    try {
      if (spec.method === 'GET') await request.get();
      else if (spec.method === 'PATCH') await request.patch(spec.body ?? {});
      else await request.post(spec.body ?? {});
    } catch (e) {
      // The SDK wraps what the chain throws in its own GraphError: the call's own error is kept on its state.
      throw call.error ?? e;
    }
    if (!call.result) throw new Error('The middleware chain produced no answer.');
    return call.result;
  }
}

/**
 * The path of one event. The ID must pass the core's meeting-ID rule: `encodeURIComponent` leaves `.` alone,
 * so `.` or `..` would be dot segments that URL parsing resolves (`/me/events/..` is `/me`).
 */
function eventPath(id: string): string {
  if (!isMeetingId(id))
    throw new MeetingsError({
      kind: 'invalidInput',
      code: 'invalidMeetingId',
      message: 'Invalid meeting ID.',
    });
  return `/me/events/${encodeURIComponent(id)}`;
}

/** `?$select=a,b` for a read of only those properties ("Get event": supports `$select`); empty without any. */
function selectQuery(select: readonly string[] | undefined): string {
  return select && select.length > 0 ? `?$select=${select.map(encodeURIComponent).join(',')}` : '';
}

function mapOrThrow<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (isMappingError(e)) {
      throw new MeetingsError({ kind: 'invalidInput', code: e.code, message: e.message, cause: e });
    }
    throw e;
  }
}

function cancelledError(): MeetingsError {
  return new MeetingsError({ kind: 'cancelled' });
}

function badResponse(r: CallResult, cause?: unknown): MeetingsError {
  const requestId = requestIdOf(r);
  return new MeetingsError({
    kind: 'badResponse',
    status: r.status,
    ...(requestId !== undefined ? { requestId } : {}),
    ...(cause !== undefined ? { cause } : {}),
  });
}

function parseJson(r: CallResult): unknown {
  try {
    return JSON.parse(r.text) as unknown;
  } catch (e) {
    throw badResponse(r, e);
  }
}

function parseEvent(r: CallResult): Meeting {
  const json = parseJson(r);
  try {
    return fromGraphEvent(json);
  } catch (e) {
    if (isMalformedResponseError(e)) throw badResponse(r, e);
    throw e;
  }
}
