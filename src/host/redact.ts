// Masks secrets in log text. Pure: no `vscode` import, tested in Node.

const secretPattern =
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|((?:access|refresh|id)_token["'=:\s]+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** Replaces anything shaped like a bearer token, a JWT or a `*_token=` value with `[redacted]`. */
export function redactSecrets(text: string): string {
  return text.replace(secretPattern, (_m, bearer: string | undefined, field: string | undefined) =>
    bearer ? `${bearer}[redacted]` : field ? `${field}[redacted]` : '[redacted]',
  );
}
