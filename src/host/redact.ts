// Masks secrets in text bound for the log, notifications and the form. Pure: no `vscode` import, tested in Node.

const secretPattern =
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|((?:access|refresh|id)_token["'=:\s]+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** Tokens the extension has handed to the Graph client, newest first; opaque ones match no pattern. */
const knownSecrets: string[] = [];
const maxKnownSecrets = 16;

/** Remembers a secret (an access token) so `redactSecrets` masks it wherever it appears, whatever its shape. */
export function rememberSecret(secret: string): void {
  if (secret.length < 8) return;
  const at = knownSecrets.indexOf(secret);
  if (at === 0) return;
  if (at > 0) knownSecrets.splice(at, 1);
  knownSecrets.unshift(secret);
  knownSecrets.length = Math.min(knownSecrets.length, maxKnownSecrets);
}

/** Forgets every remembered secret (tests). */
export function forgetSecrets(): void {
  knownSecrets.length = 0;
}

/**
 * Replaces every remembered token, and anything shaped like a bearer token, a JWT or a `*_token=` value, with
 * `[redacted]`.
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const s of knownSecrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out.replace(secretPattern, (_m, bearer: string | undefined, field: string | undefined) =>
    bearer ? `${bearer}[redacted]` : field ? `${field}[redacted]` : '[redacted]',
  );
}

/**
 * Masks secrets in an error a command rejects with (its caller, another extension, sees the message):
 * `message`, `stack` and Graph's own `graphMessage`. Returns the same error object.
 */
export function maskError(e: unknown): unknown {
  if (typeof e === 'string') return redactSecrets(e);
  if (!(e instanceof Error)) return e;
  e.message = redactSecrets(e.message);
  if (e.stack) e.stack = redactSecrets(e.stack);
  const graphMessage = (e as { graphMessage?: unknown }).graphMessage;
  if (typeof graphMessage === 'string') {
    Object.defineProperty(e, 'graphMessage', { value: redactSecrets(graphMessage), enumerable: true });
  }
  return e;
}

/** Runs a command's no-UI path; whatever it rejects with has its secrets masked. */
export async function rejectMasked<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw maskError(e);
  }
}
