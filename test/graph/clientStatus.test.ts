// Which 404 means "deleted" (issue 9 point 4) and what a 401 does (issue 9 point 6), through the real client
// against the fake Graph over HTTPS.
import assert from 'node:assert/strict';
import { failure, sampleDraft, useHarness } from '../fake/harness';
import { isMeetingsError, isNotFoundError, isNotSignedInError } from '../../src/graph/errors';

/** An unsigned JWT-shaped token whose payload carries `aud` (what Entra's access tokens look like). */
function jwtWithAudience(aud: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part({ aud, scp: 'Calendars.ReadWrite' })}.c2ln`;
}

const mailboxDisabled = {
  kind: 'status',
  status: 404,
  code: 'MailboxNotEnabledForRESTAPI',
  message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
} as const;

describe('MeetingsClient: which 404 means the meeting is gone (fake Graph, HTTPS)', () => {
  const h = useHarness();

  it('the fake answers 404 ErrorItemNotFound for an unknown event: notFound', async () => {
    const e = await failure(h.client().get('AAMkunknown='));
    assert.ok(isNotFoundError(e));
    assert.equal(e.code, 'ErrorItemNotFound');
  });

  it('itemNotFound in any letter case is notFound too', async () => {
    h.fake.inject({ kind: 'status', status: 404, code: 'ItemNotFound', message: 'gone' });
    const e = await failure(h.client().get('AAMkx='));
    assert.ok(isNotFoundError(e));
  });

  it('get: 404 MailboxNotEnabledForRESTAPI is a mailbox error to show, not notFound', async () => {
    const m = await h.client().schedule(sampleDraft(), { transactionId: 'tx-mbx-get' });
    h.fake.inject({ ...mailboxDisabled, method: 'GET' });
    const e = await failure(h.client().get(m.id));
    assert.notEqual(e.kind, 'notFound');
    assert.equal(e.kind, 'mailbox');
    assert.equal(e.code, 'MailboxNotEnabledForRESTAPI');
    assert.equal(e.status, 404);
  });

  it('a 404 with another or no code is not notFound either', async () => {
    h.fake.inject({ kind: 'status', status: 404, code: 'ResourceNotFound', message: 'Resource not found' });
    const e = await failure(h.client().get('AAMkx='));
    assert.notEqual(e.kind, 'notFound');
    assert.equal(e.kind, 'server');
  });

  it('update and cancel: 404 MailboxNotEnabledForRESTAPI is a mailbox error, the meeting is untouched', async () => {
    const m = await h.client().schedule(sampleDraft(), { transactionId: 'tx-mbx-write' });
    h.fake.inject({ ...mailboxDisabled, method: 'PATCH' });
    const u = await failure(h.client().update({ meetingId: m.id, subject: 'Moved' }, { current: m }));
    assert.equal(u.kind, 'mailbox');
    h.fake.inject({ ...mailboxDisabled, method: 'POST' });
    const c = await failure(h.client().cancel({ meetingId: m.id }));
    assert.equal(c.kind, 'mailbox');
    assert.equal(h.fake.events.get(m.id)?.isCancelled, false);
  });

  it('getMany with mixed answers: only ErrorItemNotFound/itemNotFound are notFound', async () => {
    const client = h.client();
    const kept = await client.schedule(sampleDraft({ subject: 'kept' }), { transactionId: 'tx-mixed-1' });
    const disabled = await client.schedule(sampleDraft({ subject: 'disabled' }), {
      transactionId: 'tx-mixed-2',
    });
    const lower = await client.schedule(sampleDraft({ subject: 'lower' }), { transactionId: 'tx-mixed-3' });
    h.fake.events.delete(lower.id);
    h.fake.inject({
      ...mailboxDisabled,
      scope: 'inner',
      match: (r) => r.path.endsWith(encodeURIComponent(disabled.id)),
    });
    const results = await client.getMany([kept.id, 'AAMkdeleted=', disabled.id, lower.id]);
    const kept1 = results.get(kept.id);
    assert.ok(kept1 && !isMeetingsError(kept1) && kept1.subject === 'kept');
    assert.ok(isNotFoundError(results.get('AAMkdeleted=')));
    assert.ok(isNotFoundError(results.get(lower.id)));
    const d = results.get(disabled.id);
    assert.ok(isMeetingsError(d));
    assert.notEqual(d.kind, 'notFound', 'a disabled mailbox is not a deletion');
    assert.equal(d.kind, 'mailbox');
    assert.equal(d.code, 'MailboxNotEnabledForRESTAPI');
  });
});

describe('MeetingsClient: 401 (fake Graph, HTTPS)', () => {
  const h = useHarness();

  it('a 401 is not retried with the same token: exactly one request, notSignedIn', async () => {
    let asked = 0;
    const client = h.client({
      getToken: () => {
        asked += 1;
        return Promise.resolve('stale-token');
      },
    });
    const e = await failure(client.get('AAMkwhatever='));
    assert.ok(isNotSignedInError(e));
    assert.equal(e.status, 401);
    assert.equal(e.code, 'InvalidAuthenticationToken');
    assert.ok(e.requestId);
    assert.equal(h.fake.requests.length, 1, 'exactly one request reached Graph');
    assert.equal(asked, 1);
  });

  it('a create refused with 401 is sent once and makes nothing', async () => {
    const e = await failure(
      h
        .client({ getToken: () => Promise.resolve('stale') })
        .schedule(sampleDraft(), { transactionId: 'tx-401' }),
    );
    assert.ok(isNotSignedInError(e));
    assert.equal(h.fake.requests.length, 1);
    assert.equal(h.fake.events.size, 0);
  });

  it("recognises a token for another cloud: the JWT's aud names another Graph host", async () => {
    const token = jwtWithAudience('https://graph.microsoft.us');
    const e = await failure(h.client({ getToken: () => Promise.resolve(token) }).get('AAMkx='));
    assert.ok(isNotSignedInError(e));
    assert.equal(e.code, 'audienceMismatch');
    assert.equal(h.fake.requests.length, 1);
  });

  it('a JWT for this origin, or one whose aud is the Graph app ID, is a plain 401', async () => {
    for (const aud of [h.fake.url, `${h.fake.url}/`, '00000003-0000-0000-c000-000000000000']) {
      const e = await failure(
        h.client({ getToken: () => Promise.resolve(jwtWithAudience(aud)) }).get('AAMkx='),
      );
      assert.ok(isNotSignedInError(e));
      assert.equal(e.code, 'InvalidAuthenticationToken', aud);
    }
  });

  it('recognises a 401 whose WWW-Authenticate error_description is about the audience', async () => {
    h.fake.inject({ kind: 'unauthorized', audience: true });
    const e = await failure(h.client().get('AAMkx='));
    assert.ok(isNotSignedInError(e));
    assert.equal(e.code, 'audienceMismatch');
    assert.equal(h.fake.requests.length, 1);
  });
});
