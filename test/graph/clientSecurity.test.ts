import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { Harness } from '../fake/harness';
import { sampleDraft, startHarness } from '../fake/harness';
import type { FakeGraph } from '../fake/fakeGraph';
import { startFakeGraph } from '../fake/fakeGraph';
import { createGraphClient } from '../../src/graph/client';
import type { MeetingsError } from '../../src/graph/errors';
import { isMeetingsError } from '../../src/graph/errors';

describe('Graph client: the token goes to the configured host only; Prefer on every request', () => {
  let h: Harness;
  let other: FakeGraph;

  beforeEach(async () => {
    h = await startHarness();
    other = await startFakeGraph();
  });

  afterEach(async () => {
    await other.close();
    await h.close();
  });

  it('a request to another origin on the same host (different port) carries no Authorization', async () => {
    const { client } = createGraphClient({
      baseUrl: h.fake.url,
      getToken: () => Promise.resolve('test-token'),
      fetch: h.trust.fetch,
    });
    const own = (await client.api('/me').responseType(ResponseType.RAW).get()) as Response;
    assert.equal(own.status, 200);
    const res = (await client
      .api(`${other.url}/v1.0/me`)
      .header('Authorization', 'Bearer smuggled')
      .responseType(ResponseType.RAW)
      .get()) as Response;
    assert.equal(res.status, 401);
    assert.equal(other.requests.length, 1);
    assert.equal(other.requests[0]!.headers.authorization, undefined);
    assert.equal(h.fake.requests[0]!.headers.authorization, 'Bearer test-token');
  });

  it('a request to localhost when configured for 127.0.0.1 carries no Authorization', async () => {
    const { client } = createGraphClient({
      baseUrl: `${h.fake.url}/v1.0`,
      getToken: () => Promise.resolve('test-token'),
      fetch: h.trust.fetch,
    });
    await client.api(`https://localhost:${other.port}/v1.0/me`).responseType(ResponseType.RAW).get();
    assert.equal(other.requests[0]!.headers.authorization, undefined);
  });

  // Issue 10 point 1: a followed redirect sent the subject, body and attendees to whatever host Graph (or
  // someone in between) named, even plain http, and stored that host's answer as the meeting.
  for (const target of ['plain http on 127.0.0.1', 'another https host'] as const) {
    it(`refuses a 307 from Graph to ${target}: that host receives nothing, schedule fails clearly`, async () => {
      const received: string[] = [];
      const listener = createHttpServer((req, res) => {
        received.push(`${req.method} ${req.url}`);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const httpUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      try {
        const base = target === 'another https host' ? other.url : httpUrl;
        h.fake.inject({ kind: 'redirect', method: 'POST', location: `${base}/v1.0/me/events`, status: 307 });
        const e = await h
          .client()
          .schedule(sampleDraft(), { transactionId: 'tx-redirect' })
          .then(
            () => assert.fail('a redirected schedule must fail'),
            (err: unknown) => err as MeetingsError,
          );
        assert.ok(isMeetingsError(e), String(e));
        assert.equal(e.kind, 'badResponse');
        assert.equal(e.code, 'redirectRefused');
        assert.equal(e.status, 307);
        assert.match(e.message, /redirect/i);
        assert.deepEqual(received, [], 'the plain-http listener received nothing');
        assert.deepEqual(other.requests, [], 'the other https host received nothing');
        assert.equal(h.fake.requests.length, 1, 'no retry of a redirected request');
        assert.equal(h.fake.events.size, 0);
      } finally {
        listener.closeAllConnections();
        await new Promise<void>((resolve) => listener.close(() => resolve()));
      }
    });
  }

  it('refuses a plain-http base URL', () => {
    assert.throws(() =>
      createGraphClient({ baseUrl: 'http://127.0.0.1:1', getToken: () => Promise.resolve('t') }),
    );
  });

  it('sends both Prefer headers on every request, top-level and inside $batch', async () => {
    const client = h.client({ timeZone: 'W. Europe Standard Time' });
    const m = await client.schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-prefer' });
    await client.get(m.id);
    await client.update({ meetingId: m.id, content: 'x', contentType: 'text' });
    await client.getMany([m.id]);
    await client.cancel({ meetingId: m.id });
    const methods = new Set(
      h.fake.requests.map((r) => `${r.method} ${r.batchOf === undefined ? 'top' : 'inner'}`),
    );
    assert.deepEqual([...methods].sort(), ['GET inner', 'GET top', 'PATCH top', 'POST top']);
    for (const r of h.fake.requests) {
      const prefer = String(r.headers.prefer);
      assert.match(prefer, /IdType="ImmutableId"/, `${r.method} ${r.path}`);
      assert.match(prefer, /outlook\.timezone="W\. Europe Standard Time"/, `${r.method} ${r.path}`);
    }
  });

  it('the fake answers Preference-Applied and UTC times with seven decimals without a zone', async () => {
    const m = await h.client().schedule(sampleDraft(), { transactionId: 'tx-raw' });
    const url = `${h.fake.url}/v1.0/me/events/${encodeURIComponent(m.id)}`;
    const plain = await h.trust.fetch(url, { headers: { authorization: 'Bearer test-token' } });
    const body = (await plain.json()) as { start: { dateTime: string; timeZone: string } };
    assert.deepEqual(body.start, { dateTime: '2030-01-07T09:00:00.0000000', timeZone: 'UTC' });
    assert.equal(plain.headers.get('preference-applied'), null);
    const zoned = await h.trust.fetch(url, {
      headers: { authorization: 'Bearer test-token', prefer: 'outlook.timezone="Pacific Standard Time"' },
    });
    assert.equal(zoned.headers.get('preference-applied'), 'outlook.timezone="Pacific Standard Time"');
    const zbody = (await zoned.json()) as { start: { dateTime: string; timeZone: string } };
    assert.deepEqual(zbody.start, {
      dateTime: '2030-01-07T01:00:00.0000000',
      timeZone: 'Pacific Standard Time',
    });
  });
});

describe('Graph client: paging links are followed only to the configured origin', () => {
  it('refuses an @odata.nextLink to another origin as a bad response, and sends it nothing', async () => {
    const other = await startFakeGraph();
    const h = await startHarness({ nextLinkOrigin: other.url });
    try {
      const window = { start: Date.UTC(2030, 0, 7, 0), end: Date.UTC(2030, 0, 8, 0) };
      for (let i = 0; i < 60; i++) h.fake.seed({ subject: `busy ${i}`, startMs: Date.UTC(2030, 0, 7, 8, i) });
      await assert.rejects(h.client().findByTransactionId('tx-missing', window), (e: unknown) => {
        assert.equal((e as { kind?: string }).kind, 'badResponse');
        return true;
      });
      assert.equal(h.fake.requests.filter((r) => r.path.endsWith('/me/calendarView')).length, 1);
      assert.deepEqual(other.requests, []);
    } finally {
      await h.close();
      await other.close();
    }
  });

  // The SDK's GraphRequest reads an `https://` anywhere in the path it is given as an absolute URL and sends the
  // request to the host after it: a next link on our origin must not smuggle one in.
  it('refuses a same-origin @odata.nextLink whose path names another https host, and sends it nothing', async () => {
    const other = await startFakeGraph();
    // The link must start with the harness's own origin, so its port is chosen before it listens.
    const port = await freePort();
    const own = await startHarness({
      port,
      nextLinkOrigin: `https://127.0.0.1:${port}/v1.0/me/https://127.0.0.1:${other.port}`,
    });
    try {
      const window = { start: Date.UTC(2030, 0, 7, 0), end: Date.UTC(2030, 0, 8, 0) };
      for (let i = 0; i < 60; i++)
        own.fake.seed({ subject: `busy ${i}`, startMs: Date.UTC(2030, 0, 7, 8, i) });
      await assert.rejects(own.client().findByTransactionId('tx-missing', window), (e: unknown) => {
        assert.equal((e as { kind?: string }).kind, 'badResponse');
        return true;
      });
      assert.deepEqual(other.requests, []);
    } finally {
      await own.close();
      await other.close();
    }
  });
});

/** A TCP port free at the time of asking (for a server whose URL must be known before it starts). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
