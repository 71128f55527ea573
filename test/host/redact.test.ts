import assert from 'node:assert/strict';
import { MeetingsError } from '../../src/graph/errors';
import { forgetSecrets, maskError, redactSecrets, rememberSecret } from '../../src/host/redact';

describe('redactSecrets', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl';

  it('masks bearer tokens, JWTs and token fields', () => {
    assert.equal(redactSecrets('Authorization: Bearer abc.def-123'), 'Authorization: Bearer [redacted]');
    assert.equal(redactSecrets(`token ${jwt} end`), 'token [redacted] end');
    assert.equal(redactSecrets('access_token=abcdefghijkl&x=1'), 'access_token=[redacted]&x=1');
    assert.ok(!redactSecrets(`{"refresh_token": "${'r'.repeat(40)}"}`).includes('r'.repeat(40)));
  });

  it('leaves ordinary log lines alone', () => {
    const line = 'POST /me/events -> 201 (request id 0b1c2d3e-aaaa-bbbb-cccc-1234567890ab)';
    assert.equal(redactSecrets(line), line);
  });
});

describe('redactSecrets with remembered tokens', () => {
  afterEach(() => forgetSecrets());

  it('masks an opaque token the host handed to the Graph client, wherever it appears', () => {
    // Personal-account tokens are opaque (no JWT shape): only remembering them lets the log mask them.
    const opaque = `EwB${'q'.repeat(20)}!opaque%token`;
    const line = `InvalidAuthenticationToken: token ${opaque} expired; echoed again:${opaque}.`;
    assert.ok(redactSecrets(line).includes(opaque), 'no pattern knows this token');
    rememberSecret(opaque);
    assert.equal(
      redactSecrets(line),
      'InvalidAuthenticationToken: token [redacted] expired; echoed again:[redacted].',
    );
  });

  it('keeps the newest 16 tokens and ignores trivially short strings', () => {
    const tokens = Array.from({ length: 17 }, (_, i) => `opaque-token-${i}-xyz`);
    for (const t of tokens) rememberSecret(t);
    assert.ok(redactSecrets(tokens[0]!).includes('opaque-token-0'), 'the oldest is forgotten');
    for (const t of tokens.slice(1)) assert.equal(redactSecrets(`a ${t} b`), 'a [redacted] b');
    rememberSecret('abc');
    assert.equal(redactSecrets('abc'), 'abc');
  });
});

describe('maskError (errors a command rejects with, seen by the calling extension)', () => {
  afterEach(() => forgetSecrets());

  it('masks a token Graph echoed in the message and in graphMessage, keeping the error and its kind', () => {
    const token = 'opaque-token-0123456789';
    rememberSecret(token);
    const e = new MeetingsError({ kind: 'forbidden', status: 403, graphMessage: `bad token ${token}` });
    e.message = `Access denied: ${token}`;
    const masked = maskError(e);
    assert.equal(masked, e);
    assert.ok(!e.message.includes(token), e.message);
    assert.ok(!String(e.graphMessage).includes(token), String(e.graphMessage));
    assert.equal(e.kind, 'forbidden');
  });

  it('turns a non-Error rejection into masked text', () => {
    rememberSecret('opaque-token-abcdefghij');
    assert.equal(maskError('oops opaque-token-abcdefghij'), 'oops [redacted]');
  });
});

describe('redactSecrets: encoded forms and error causes', () => {
  afterEach(() => forgetSecrets());
  const token = 'EwB+opaque/token=with&odd chars!*()~';

  it('masks URL-encoded and form-encoded forms of a remembered token', () => {
    rememberSecret(token);
    const forms = [
      encodeURIComponent(token),
      new URLSearchParams({ t: token }).toString().slice(2),
      encodeURI(token),
    ];
    for (const form of forms) {
      assert.notEqual(form, token);
      const out = redactSecrets(`GET /x?token=${form}&y=1 failed`);
      assert.ok(!out.includes(form), `${form} survived: ${out}`);
      assert.match(out, /\[redacted\]&y=1 failed$/);
    }
  });

  it('masks the token along the whole error.cause chain, without looping on a cycle', () => {
    rememberSecret(token);
    const root = new Error(`socket closed after sending ${token}`);
    const middle = new Error('fetch failed', { cause: root });
    const top = new Error('request failed', { cause: middle });
    (root as { cause?: unknown }).cause = top; // a cycle
    const stringCause = new Error('outer', { cause: `string cause ${encodeURIComponent(token)}` });
    maskError(top);
    maskError(stringCause);
    for (const e of [top, middle, root]) {
      assert.ok(!e.message.includes(token), e.message);
      assert.ok(!String(e.stack).includes(token));
    }
    assert.equal(stringCause.cause, 'string cause [redacted]');
  });
});
