// Typed errors of the Graph layer. Callers branch on `kind`; the host translates by kind and shows the
// request id. Classification uses the HTTP status and Graph's `code`, never the message text.

/** What went wrong, in terms a caller can act on. */
export type MeetingsErrorKind =
  | 'notSignedIn'
  | 'notFound'
  | 'notOrganizer'
  | 'throttled'
  | 'invalidInput'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'forbidden'
  | 'server'
  | 'badResponse'
  | 'mailbox';

/** Fields of a `MeetingsError`. */
export interface MeetingsErrorInit {
  kind: MeetingsErrorKind;
  /** A technical detail for the message (logs, API callers), in place of Graph's message; never user advice. */
  message?: string;
  /** Graph's `error.code` (or a local code such as `teamsUnavailable`). */
  code?: string;
  /** Graph's own message (`error.message`), kept for logs and shown by the host for refused input. */
  graphMessage?: string;
  requestId?: string;
  status?: number;
  retryAfterMs?: number;
  /** An earlier attempt of this write went unanswered, so it may have been applied whatever this error says. */
  mayHaveBeenApplied?: boolean;
  cause?: unknown;
}

/** An error from the Graph layer. Use the `is*Error` guards, not `instanceof`. */
export class MeetingsError extends Error {
  /** Brand checked by the guards (survives separately bundled copies of this class). */
  readonly isMeetingsError = true as const;
  readonly kind: MeetingsErrorKind;
  readonly code?: string;
  readonly graphMessage?: string;
  readonly requestId?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** See `MeetingsErrorInit.mayHaveBeenApplied`. */
  readonly mayHaveBeenApplied?: true;

  constructor(init: MeetingsErrorInit) {
    super(composeMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MeetingsError';
    this.kind = init.kind;
    if (init.code !== undefined) this.code = init.code;
    if (init.graphMessage !== undefined) this.graphMessage = init.graphMessage;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.mayHaveBeenApplied === true) this.mayHaveBeenApplied = true;
  }
}

/**
 * The technical text of an error, for logs and callers of commands with arguments: kind, status, code, Retry-After,
 * request id and the detail (ours, else Graph's own message). No advice: what the user reads comes from the host's
 * error view (`describeError` in src/host/errors.ts), translated.
 */
function composeMessage(init: MeetingsErrorInit): string {
  const facts: string[] = [];
  if (init.status !== undefined) facts.push(`HTTP ${init.status}`);
  if (init.code !== undefined) facts.push(`code ${init.code}`);
  if (init.retryAfterMs !== undefined) facts.push(`retry after ${Math.ceil(init.retryAfterMs / 1000)} s`);
  if (init.requestId) facts.push(`request id ${init.requestId}`);
  if (init.mayHaveBeenApplied === true) facts.push('may have been applied');
  const detail = init.message ?? init.graphMessage;
  return `${init.kind}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${detail ? `: ${detail}` : ''}`;
}

/** Whether `e` is a `MeetingsError`. */
export function isMeetingsError(e: unknown): e is MeetingsError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { isMeetingsError?: unknown }).isMeetingsError === true &&
    typeof (e as { kind?: unknown }).kind === 'string'
  );
}

function isKind(e: unknown, kind: MeetingsErrorKind): e is MeetingsError {
  return isMeetingsError(e) && e.kind === kind;
}

/** The meeting does not exist (deleted, or a wrong id). */
export function isNotFoundError(e: unknown): e is MeetingsError {
  return isKind(e, 'notFound');
}

/** The token is missing, expired or rejected: sign in again. */
export function isNotSignedInError(e: unknown): e is MeetingsError {
  return isKind(e, 'notSignedIn');
}

/** The user is not the organizer (cancel). */
export function isNotOrganizerError(e: unknown): e is MeetingsError {
  return isKind(e, 'notOrganizer');
}

/** Graph throttled the request and the retry budget ran out; see `retryAfterMs`. */
export function isThrottledError(e: unknown): e is MeetingsError {
  return isKind(e, 'throttled');
}

/** Graph (or the mapping) rejected the request's content. */
export function isInvalidInputError(e: unknown): e is MeetingsError {
  return isKind(e, 'invalidInput');
}

/** Graph could not be reached (connection refused, dropped, TLS, DNS). */
export function isNetworkError(e: unknown): e is MeetingsError {
  return isKind(e, 'network');
}

/** The request timed out. */
export function isTimeoutError(e: unknown): e is MeetingsError {
  return isKind(e, 'timeout');
}

/** The caller cancelled the request. */
export function isCancelledError(e: unknown): e is MeetingsError {
  return isKind(e, 'cancelled');
}

/** Reads a header from a fetch `Headers` or a plain record, case-insensitively. */
export function headerValue(
  headers: Headers | Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower && v !== undefined && v !== null) return String(v);
  }
  return undefined;
}

/** Parses `Retry-After`: seconds (fractional allowed) or an HTTP date. Milliseconds, or undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return undefined;
}

// Only these codes mean the item is gone (Graph's "Microsoft Graph error responses and resource types" page
// writes codes in camelCase, Outlook's in Pascal case: compared case-insensitively).
const itemGoneCodes = /^(ErrorItemNotFound|itemNotFound)$/i;
// A 404 for the mailbox itself: unlicensed, inactive, soft-deleted or on-premises ("REST API is not yet
// supported for this mailbox" error, Exchange troubleshooting KB 4462988). Never a reason to think a meeting deleted.
const mailboxCodes = /^(MailboxNotEnabledForRESTAPI|MailboxNotSupportedForRESTAPI)$/i;

/** Maps an HTTP status (and Graph's code) to a kind: only a 404 whose code says the item is gone is `notFound`. */
export function kindForStatus(status: number, hasRetryAfter = false, code?: string): MeetingsErrorKind {
  if (status === 401) return 'notSignedIn';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) {
    if (code !== undefined && itemGoneCodes.test(code)) return 'notFound';
    if (code !== undefined && mailboxCodes.test(code)) return 'mailbox';
    return 'server';
  }
  if (status === 429) return 'throttled';
  if (status === 503 && hasRetryAfter) return 'throttled';
  if (status >= 500) return 'server';
  if (status === 424) return 'server';
  if (status >= 400) return 'invalidInput';
  return 'badResponse';
}

/** What the caller knows about the request that got an error answer. */
export interface ErrorContext {
  /** The token sent (only read to explain a 401). */
  token?: string | undefined;
  /** The configured Graph origin (`https://host[:port]`). */
  origin?: string;
  /** See `MeetingsErrorInit.mayHaveBeenApplied`. */
  mayHaveBeenApplied?: boolean;
}

/** The `aud` claim of a JWT-shaped token (one string or several), or undefined when it is opaque. */
function tokenAudiences(token: string): string[] | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    const aud = isRecord(payload) ? payload.aud : undefined;
    if (typeof aud === 'string') return [aud];
    if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  } catch {
    // Not a JWT after all (personal accounts get opaque tokens).
  }
  return undefined;
}

/**
 * Whether a 401 is about the token's audience: the challenge's `error_description` says so (RFC 6750 section 3),
 * or the token is a JWT whose `aud` names another host. Entra's access tokens carry the resource in `aud`, as
 * its URI (`https://graph.microsoft.com`, `https://graph.microsoft.us`, ...) or as Graph's app ID GUID, which is
 * the same in every cloud and so tells nothing ("Access tokens in the Microsoft identity platform", claims).
 */
function isAudienceRefusal(
  challenge: string | undefined,
  token: string | undefined,
  origin: string | undefined,
): boolean {
  if (challenge !== undefined && /error_description="[^"]*audience/i.test(challenge)) return true;
  if (token === undefined || origin === undefined) return false;
  const uris = (tokenAudiences(token) ?? []).filter((a) => /^https:\/\//i.test(a));
  if (uris.length === 0) return false;
  return !uris.some((a) => {
    try {
      return new URL(a).origin === origin;
    } catch {
      return false;
    }
  });
}

/** Builds a `MeetingsError` from an error answer (status, parsed JSON body if any, headers). */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers?: Headers | Record<string, unknown>,
  context: ErrorContext = {},
): MeetingsError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const graphMessage = typeof error?.message === 'string' ? error.message : undefined;
  const inner = isRecord(error?.innerError)
    ? error.innerError
    : isRecord(error?.innererror)
      ? error.innererror
      : undefined;
  const requestId =
    stringOf(inner?.['request-id']) ??
    stringOf(inner?.requestId) ??
    headerValue(headers, 'request-id') ??
    headerValue(headers, 'client-request-id');
  const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
  const audience =
    status === 401 &&
    isAudienceRefusal(headerValue(headers, 'www-authenticate'), context.token, context.origin);
  return new MeetingsError({
    kind: kindForStatus(status, retryAfterMs !== undefined, code),
    status,
    ...(audience
      ? { code: 'audienceMismatch', message: `token audience is not ${context.origin ?? 'the Graph origin'}` }
      : code !== undefined
        ? { code }
        : {}),
    ...(context.mayHaveBeenApplied === true ? { mayHaveBeenApplied: true } : {}),
    ...(graphMessage !== undefined ? { graphMessage } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/** Whether `v` is a plain JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
