import assert from 'node:assert/strict';
import type { Harness } from '../fake/harness';
import { startHarness } from '../fake/harness';
import { isMeetingsError, isNotFoundError, isNotSignedInError } from '../../src/graph/errors';
import type { Meeting } from '../../src/core/types';

function seedMany(h: Harness, n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => h.fake.seed({ subject: `Meeting ${i}`, startMs: Date.UTC(2030, 0, 1 + i, 9) }).id,
  );
}

describe('MeetingsClient.getMany with $batch against the fake Graph (HTTPS)', () => {
  let h: Harness;

  afterEach(async () => {
    await h.close();
  });

  it('reads 45 ids, deleted ones included, 20 per batch', async () => {
    h = await startHarness();
    const ids = seedMany(h, 45);
    const deleted = [ids[3]!, ids[21]!, ids[44]!];
    for (const id of deleted) h.fake.events.delete(id);

    const result = await h.client().getMany(ids);
    assert.equal(result.size, 45);
    for (const [i, id] of ids.entries()) {
      const value = result.get(id);
      if (deleted.includes(id)) {
        assert.ok(isNotFoundError(value), `${i} is reported as not found`);
        assert.equal(value.code, 'ErrorItemNotFound');
      } else {
        assert.ok(value && !isMeetingsError(value), `${i} was read`);
        assert.equal((value as Meeting).subject, `Meeting ${i}`);
        assert.equal((value as Meeting).id, id);
      }
    }
    const batches = h.fake.requests.filter((r) => r.path === '/v1.0/$batch');
    assert.deepEqual(
      batches.map((b) => (b.body as { requests: unknown[] }).requests.length).sort((a, b) => a - b),
      [5, 20, 20],
    );
    for (const b of batches) {
      assert.equal(b.headers.authorization, 'Bearer test-token');
      assert.match(String(b.headers.prefer), /IdType="ImmutableId"/);
    }
    const inner = h.fake.requests.filter((r) => r.batchOf !== undefined);
    assert.equal(inner.length, 45);
    for (const r of inner) {
      assert.equal(r.method, 'GET');
      assert.match(String(r.headers.prefer), /outlook\.timezone="W\. Europe Standard Time"/);
    }
  });

  it("sends one batch at a time: its members take the mailbox's 4 slots (no 429)", async () => {
    h = await startHarness({ latencyMs: 20 });
    const ids = seedMany(h, 130);
    h.fake.resetStats();
    const result = await h.client().getMany(ids);
    assert.equal(result.size, 130);
    assert.ok([...result.values()].every((v) => !isMeetingsError(v)));
    assert.equal(h.fake.requests.filter((r) => r.path === '/v1.0/$batch').length, 7);
    assert.equal(h.fake.maxConcurrency(), 1, 'one batch in flight at a time');
    assert.equal(h.fake.maxExecuting(), 4, 'Graph ran 4 members of it at once');
    assert.equal(h.fake.concurrencyThrottled(), 0);
  });

  it('retries throttled inner requests after their Retry-After', async () => {
    h = await startHarness();
    const ids = seedMany(h, 12);
    h.fake.inject({ kind: 'throttle', retryAfter: 0.3, scope: 'inner', times: 5 });
    const result = await h.client().getMany(ids);
    assert.ok([...result.values()].every((v) => !isMeetingsError(v)));
    const batches = h.fake.requests.filter((r) => r.path === '/v1.0/$batch');
    assert.equal(batches.length, 2);
    assert.equal((batches[1]!.body as { requests: unknown[] }).requests.length, 5);
    const gap = batches[1]!.receivedAt - batches[0]!.receivedAt;
    assert.ok(gap >= 250, `second batch after ${gap} ms, Retry-After was 300 ms`);
  });

  it('reports inner requests still throttled past the budget as throttled', async () => {
    h = await startHarness();
    const ids = seedMany(h, 3);
    h.fake.inject({ kind: 'throttle', retryAfter: 120, scope: 'inner', times: 1 });
    const result = await h.client({ maxRetryWaitMs: 1_000 }).getMany(ids);
    const errors = [...result.values()].filter(isMeetingsError);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.kind, 'throttled');
    assert.equal(errors[0]!.retryAfterMs, 120_000);
  });

  it('throws when the whole batch is refused (not signed in)', async () => {
    h = await startHarness();
    const ids = seedMany(h, 3);
    await assert.rejects(h.client({ getToken: () => Promise.resolve('nope') }).getMany(ids), (e: unknown) =>
      isNotSignedInError(e),
    );
  });

  it('the fake refuses more than 20 requests and answers dependsOn failures with 424', async () => {
    h = await startHarness();
    const [id] = seedMany(h, 1);
    const post = (body: unknown) =>
      h.trust.fetch(`${h.fake.url}/v1.0/$batch`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tooMany = await post({
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me/calendar' })),
    });
    assert.equal(tooMany.status, 400);
    const ok = await post({
      requests: [
        { id: '1', method: 'GET', url: '/me/events/missing' },
        { id: '2', method: 'GET', url: `/me/events/${encodeURIComponent(id!)}`, dependsOn: ['1'] },
        { id: '3', method: 'DELETE', url: `/me/events/${encodeURIComponent(id!)}` },
      ],
    });
    assert.equal(ok.status, 200);
    const json = (await ok.json()) as { responses: { id: string; status: number; body: unknown }[] };
    const byId = new Map(json.responses.map((r) => [r.id, r]));
    assert.equal(byId.get('1')!.status, 404);
    assert.equal(byId.get('2')!.status, 424);
    assert.equal(byId.get('3')!.status, 204);
    assert.equal(byId.get('3')!.body, null);
  });
});
