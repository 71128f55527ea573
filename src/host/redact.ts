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
