// Retries: which answers are worth retrying, exponential backoff with full jitter, an abortable sleep, and the
// middleware that runs each attempt of a call inside the Graph SDK's middleware chain.
import type { Context } from '@microsoft/microsoft-graph-client/lib/es/src/IContext';
import type { Middleware } from '@microsoft/microsoft-graph-client/lib/es/src/middleware/IMiddleware';
import type { MiddlewareOptions } from '@microsoft/microsoft-graph-client/lib/es/src/middleware/options/IMiddlewareOptions';
import type { RequestLogEntry } from './client';
import { MeetingsError, errorFromResponse, isMeetingsError } from './errors';

/** Bounds of the retry loop. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Total time spent waiting between attempts, at most. */
  maxRetryWaitMs: number;
  /** First backoff step (doubles each retry). */
  baseDelayMs: number;
  /** Largest single backoff step. */
  maxDelayMs: number;
}

/** Defaults: 4 retries, 60 s of total waiting, backoff 500 ms doubling up to 8 s. */
export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  maxRetryWaitMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

/** Statuses Graph answers when a retry later can succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** The wait before retry number `retry` (0-based) without a `Retry-After`: full jitter over an exponential cap. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** Resolves after `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The mailbox's execution slots a call's attempts take (see `MailboxSlots` in client.ts). */
export interface Slots {
  /** Takes `weight` slots: undefined when taken at once, else a promise (rejected if `signal` aborts first). */
  acquire(weight: number, signal: AbortSignal | undefined): Promise<void> | undefined;
  /** Gives back slots taken with `acquire`. */
  release(weight: number): void;
}

/** What a call's successful answer leaves for the caller. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The token the attempt sent (to explain a 401). */
  token?: string | undefined;
}

/**
 * One call's state, handed to the middleware chain as a middleware option (`GraphRequest.middlewareOptions`): what
 * the call is, what the current attempt did (its signal, token, failure), and how the call ended.
 */
export class CallState implements MiddlewareOptions {
  // Every field starts set, so each call's state has one shape from the start.
  /** The current attempt's signal: its timeout and the caller's signal. */
  attemptSignal: AbortSignal | undefined = undefined;
  /** The current attempt's token, kept to explain a 401 (`audienceMismatch`); never logged. */
  token: string | undefined = undefined;
  tokenError: unknown = undefined;
  transportError: unknown = undefined;
  /** The 2xx answer the call ended with. */
  result: CallResult | undefined = undefined;
  /** The error the call ended with (the SDK wraps what the chain throws; the caller throws this instead). */
  error: MeetingsError | undefined = undefined;

  constructor(
    readonly method: string,
    /** Path below the version, for the log. */
    readonly path: string,
    readonly signal: AbortSignal | undefined,
    /** Mailbox slots each attempt takes while it executes. */
    readonly slots: number,
    /** An earlier call of this write may have been applied, so an error must not claim it was not. */
    readonly mayBeApplied: boolean,
  ) {}
}

/** The call state a request carries, if it was sent with one. */
export function callStateOf(context: Context): CallState | undefined {
  return context.middlewareControl?.getMiddlewareOptions(CallState) as CallState | undefined;
}

type Attempt =
  | ({ kind: 'response' } & CallResult)
  | { kind: 'timeout' | 'cancelled' | 'network' | 'token'; error?: unknown };

/** Settings of `RetryMiddleware`. */
export interface RetrySettings {
  policy: RetryPolicy;
  /** Per-attempt timeout. */
  timeoutMs: number;
  slots: Slots;
  /** The Graph origin the token is for (explains a 401). */
  origin: string;
  /** Receives each attempt's outcome; without it no log entry is built. */
  log?: ((entry: RequestLogEntry) => void) | undefined;
}

/**
 * The first middleware of the client's chain: runs the rest of the chain (token, fetch) once per attempt, each in its
 * mailbox slots and under its own timeout and the caller's signal, and retries 429/503/504 and unanswered attempts
 * within the policy (Retry-After honoured, total wait bounded). The request itself (URL, headers, body) was built
 * once by `GraphRequest` and is sent again as it is, so a create's `transactionId` is the same on every attempt.
 * Redirects (3xx) and 401 are never retried. A request sent without a `CallState` gets one attempt, unchanged.
 */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly settings: RetrySettings) {
    keepTimerList(settings.timeoutMs);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware has no next middleware');
    const call = callStateOf(context);
    if (!call) return next.execute(context);
    return this.run(context, call, next);
  }

  /** Runs the call's attempts; leaves its answer (`call.result`) or its error (`call.error`, also thrown) on its state. */
  private async run(context: Context, call: CallState, next: Middleware): Promise<void> {
    try {
      call.result = await this.attempts(context, call, next);
    } catch (e) {
      call.error = isMeetingsError(e) ? e : new MeetingsError({ kind: 'network', cause: e });
      throw call.error;
    }
  }

  private async attempts(context: Context, call: CallState, next: Middleware): Promise<CallResult> {
    const { policy, log } = this.settings;
    let retries = 0;
    let waited = 0;
    // Set once a write attempt ends without an answer: it may have been applied, whatever the next answer says.
    let unanswered = call.mayBeApplied;
    // Every error the call ends with passes it on (`mayHaveReachedGraph` in src/services/errors.ts reads it).
    for (;;) {
      if (call.signal?.aborted)
        throw new MeetingsError({ kind: 'cancelled', mayHaveBeenApplied: unanswered });
      const r = await this.attempt(context, call, next);
      if (r.kind === 'response') {
        log?.({ method: call.method, path: call.path, status: r.status });
        if (r.status >= 200 && r.status < 300) return r;
        if (r.status >= 300 && r.status < 400) throw redirectRefused(r, unanswered);
        // A 401 is not retried: the host's token source has no way to force a new token, so a retry would
        // only send the same one again. The user signs in again (notSignedIn).
        const err = errorFromResponse(r.status, parseJsonOrUndefined(r.text), r.headers, {
          token: r.token,
          origin: this.settings.origin,
          mayHaveBeenApplied: unanswered,
        });
        if (!isRetryableStatus(r.status) || retries >= policy.maxRetries) throw err;
        const delay = err.retryAfterMs ?? backoffDelay(retries, policy);
        if (waited + delay > policy.maxRetryWaitMs) {
          throw new MeetingsError({
            kind: r.status === 429 || err.retryAfterMs !== undefined ? 'throttled' : err.kind,
            status: r.status,
            retryAfterMs: delay,
            ...(err.code !== undefined ? { code: err.code } : {}),
            ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
            mayHaveBeenApplied: unanswered,
          });
        }
        await pause(delay, call.signal, unanswered);
        waited += delay;
        retries += 1;
        continue;
      }
      log?.({ method: call.method, path: call.path, error: r.kind === 'token' ? 'notSignedIn' : r.kind });
      if (r.kind === 'cancelled')
        throw new MeetingsError({ kind: 'cancelled', mayHaveBeenApplied: unanswered });
      if (r.kind === 'token') {
        throw new MeetingsError({
          kind: 'notSignedIn',
          code: 'tokenUnavailable',
          cause: r.error,
          mayHaveBeenApplied: unanswered,
        });
      }
      if (call.method !== 'GET') unanswered = true;
      const delay = backoffDelay(retries, policy);
      if (retries >= policy.maxRetries || waited + delay > policy.maxRetryWaitMs) {
        throw new MeetingsError({
          kind: r.kind,
          ...(r.kind === 'timeout' ? { code: 'timeout' } : {}),
          cause: r.error,
          mayHaveBeenApplied: unanswered,
        });
      }
      await pause(delay, call.signal, unanswered);
      waited += delay;
      retries += 1;
    }
  }

  /** One attempt through the rest of the chain, in its mailbox slots, under its own timeout and the caller's signal. */
  private async attempt(context: Context, call: CallState, next: Middleware): Promise<Attempt> {
    const { slots } = this.settings;
    const queued = slots.acquire(call.slots, call.signal);
    if (queued) {
      try {
        await queued;
      } catch {
        return { kind: 'cancelled' };
      }
    }
    const controller = new AbortController();
    const timer = setTimeout(abortForTimeout, this.settings.timeoutMs, controller);
    // Only the caller's signal and the timer abort the attempt's controller: what aborted it tells which.
    const signal = call.signal;
    const onAbort = signal ? () => controller.abort(signal.reason) : undefined;
    if (signal && onAbort) signal.addEventListener('abort', onAbort, { once: true });
    call.attemptSignal = controller.signal;
    call.token = undefined;
    call.tokenError = undefined;
    call.transportError = undefined;
    try {
      context.response = undefined;
      await next.execute(context);
      const response = context.response as Response | undefined;
      if (!response) throw new Error('The middleware chain produced no response.');
      const text = await response.text();
      return {
        kind: 'response',
        status: response.status,
        headers: response.headers,
        text,
        token: call.token,
      };
    } catch (e) {
      if (signal?.aborted) return { kind: 'cancelled' };
      if (controller.signal.aborted) return { kind: 'timeout', error: e };
      if (call.tokenError !== undefined) return { kind: 'token', error: call.tokenError };
      return { kind: 'network', error: call.transportError ?? e };
    } finally {
      clearTimeout(timer);
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
      slots.release(call.slots);
    }
  }
}

/** The timeouts whose timer list is kept (see `keepTimerList`). */
const keptTimerLists = new Set<number>();

/**
 * Keeps Node's list of timers of `ms` alive with one idle interval of that duration (unref'd: it never holds the
 * process), so an attempt's timeout joins a list instead of creating one and its clear does not tear it down again:
 * with one attempt at a time, each attempt set up and removed the list (Node's `lib/internal/timers.js`: a list per
 * duration, in a priority queue, freed when empty).
 */
function keepTimerList(ms: number): void {
  // A short timeout (a test's few hundred ms) would wake the idle interval that often for nothing: left as it was.
  if (ms < 1000 || keptTimerLists.has(ms)) return;
  keptTimerLists.add(ms);
  setInterval(() => undefined, ms).unref?.();
}

/** Ends an attempt that ran out of time (a timer callback without a closure). */
function abortForTimeout(controller: AbortController): void {
  controller.abort(new Error('timeout'));
}

/** Waits between attempts; a caller's abort ends the call as `cancelled` (`mayHaveBeenApplied` passed on). */
export async function pause(
  ms: number,
  signal: AbortSignal | undefined,
  mayHaveBeenApplied = false,
): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw new MeetingsError({ kind: 'cancelled', mayHaveBeenApplied });
  }
}

/** The request id of an answer, from its headers. */
export function requestIdOf(r: CallResult): string | undefined {
  return r.headers.get('request-id') ?? r.headers.get('client-request-id') ?? undefined;
}

/** A 3xx answer: redirects are refused, never followed (nothing is sent to the location it names). */
function redirectRefused(r: CallResult, mayHaveBeenApplied: boolean): MeetingsError {
  const requestId = requestIdOf(r);
  return new MeetingsError({
    kind: 'badResponse',
    code: 'redirectRefused',
    status: r.status,
    mayHaveBeenApplied,
    message: 'redirect not followed',
    ...(requestId !== undefined ? { requestId } : {}),
  });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
