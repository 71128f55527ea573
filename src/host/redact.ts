// Masks secrets in text bound for the log, notifications and the form. Pure: no `vscode` import, tested in Node.

const secretPattern =
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|((?:access|refresh|id)_token["'=:\s]+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** A remembered token and the forms it may appear in (as is, URL-encoded, form-encoded), longest first. */
interface KnownSecret {
  secret: string;
  forms: string[];
}

/** Tokens the extension has handed to the Graph client, newest first; opaque ones match no pattern. */
const knownSecrets: KnownSecret[] = [];
const maxKnownSecrets = 16;

/** The secret as written in a URL component, a URL, and an `application/x-www-form-urlencoded` body. */
function encodedForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURI(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Remembers a secret (an access token) so `redactSecrets` masks it wherever it appears, whatever its shape; returns it. */
export function rememberSecret(secret: string): string {
  if (secret.length < 8) return secret;
  const at = knownSecrets.findIndex((k) => k.secret === secret);
  if (at === 0) return secret;
  const known = at > 0 ? knownSecrets.splice(at, 1)[0]! : { secret, forms: encodedForms(secret) };
  knownSecrets.unshift(known);
  knownSecrets.length = Math.min(knownSecrets.length, maxKnownSecrets);
  return secret;
}

/** Forgets every remembered secret (tests). */
export function forgetSecrets(): void {
  knownSecrets.length = 0;
}

/**
 * Replaces every remembered token (also URL- or form-encoded), and anything shaped like a bearer token, a JWT or a
 * `*_token=` value, with `[redacted]`.
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { forms } of knownSecrets)
    for (const s of forms) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out.replace(secretPattern, (_m, bearer: string | undefined, field: string | undefined) =>
    bearer ? `${bearer}[redacted]` : field ? `${field}[redacted]` : '[redacted]',
  );
}

/**
 * Masks secrets in an error a command rejects with (its caller, another extension, sees the message):
 * `message`, `stack` and Graph's own `graphMessage`, along the whole `cause` chain. Returns the same error object.
 */
export function maskError(e: unknown): unknown {
  return maskChain(e, new Set());
}

function maskChain(e: unknown, seen: Set<unknown>): unknown {
  if (typeof e === 'string') return redactSecrets(e);
  if (!(e instanceof Error) || seen.has(e)) return e;
  seen.add(e);
  e.message = redactSecrets(e.message);
  if (e.stack) e.stack = redactSecrets(e.stack);
  const graphMessage = (e as { graphMessage?: unknown }).graphMessage;
  if (typeof graphMessage === 'string') {
    Object.defineProperty(e, 'graphMessage', { value: redactSecrets(graphMessage), enumerable: true });
  }
  if (e.cause !== undefined) {
    Object.defineProperty(e, 'cause', {
      value: maskChain(e.cause, seen),
      enumerable: false,
      writable: true,
      configurable: true,
    });
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
