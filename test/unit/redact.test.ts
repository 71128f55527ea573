import assert from 'node:assert/strict';
import { redactSecrets } from '../../src/host/redact';

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
