// Retry timing: which answers are worth retrying, exponential backoff with full jitter, and an abortable sleep.

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
