// Outlook's mailbox concurrency (issue 9 point 3): at most 4 calls executing at once per app and mailbox,
// `$batch` members counted one by one ("Microsoft Graph throttling guidance", Outlook service limits). The fake
// holds each call for `latencyMs` and answers 429 ApplicationThrottled to any call beyond the fourth.
import assert from 'node:assert/strict';
import type { Harness } from '../fake/harness';
import { sampleDraft, startHarness } from '../fake/harness';
import { isMeetingsError } from '../../src/graph/errors';

describe('MeetingsClient keeps at most 4 calls executing per mailbox, batch members included', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ latencyMs: 40, concurrencyRetryAfter: 0.05 });
  });

  afterEach(async () => {
    await h.close();
  });

  it('the fake answers 429 ApplicationThrottled with Retry-After to a member beyond the fourth', async () => {
    // Held long enough that the second batch surely arrives while the first one's members execute.
    await h.close();
    h = await startHarness({ latencyMs: 400 });
    const send = (n: number) =>
      h.trust.fetch(`${h.fake.url}/v1.0/$batch`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          requests: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })),
        }),
      });
    const answers = await Promise.all([send(4), send(4)]);
    const inner = (await Promise.all(answers.map((a) => a.json()))) as {
      responses: { status: number; headers: Record<string, string>; body: { error?: { code: string } } }[];
    }[];
    const throttled = inner.flatMap((b) => b.responses).filter((r) => r.status === 429);
    assert.ok(throttled.length >= 1, 'two batches of 4 at once go over the limit');
    assert.equal(throttled[0]!.body.error?.code, 'ApplicationThrottled');
    assert.ok(throttled[0]!.headers['retry-after']);
    assert.equal(h.fake.maxExecuting(), 4);
    assert.equal(h.fake.concurrencyThrottled(), throttled.length);
  });

  it('refresh of 200 meetings: never more than 4 executing, no 429', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => h.fake.seed({ subject: `m${i}` }).id);
    const client = h.client();
    const results = await client.getMany(ids);
    assert.equal([...results.values()].filter((v) => !isMeetingsError(v)).length, 200);
    assert.ok(h.fake.maxExecuting() <= 4, `saw ${h.fake.maxExecuting()} executing at once`);
    assert.equal(h.fake.concurrencyThrottled(), 0, 'no call was refused for concurrency');
  });

  it('a schedule and a get during a refresh share the same 4 slots: no 429', async () => {
    const ids = Array.from({ length: 80 }, (_, i) => h.fake.seed({ subject: `m${i}` }).id);
    const client = h.client();
    const refresh = client.getMany(ids);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [results, made, read] = await Promise.all([
      refresh,
      client.schedule(sampleDraft(), { transactionId: 'tx-during-refresh' }),
      client.get(ids[0]!),
    ]);
    assert.equal(results.size, 80);
    assert.equal(read.id, ids[0]);
    assert.ok(h.fake.events.has(made.id));
    assert.ok(h.fake.maxExecuting() <= 4, `saw ${h.fake.maxExecuting()} executing at once`);
    assert.equal(h.fake.concurrencyThrottled(), 0);
  });

  it('six single calls at once: at most 4 execute, the others wait for a slot (no 429)', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => h.fake.seed({ subject: `m${i}` }).id);
    const client = h.client();
    await Promise.all(ids.map((id) => client.get(id)));
    assert.ok(h.fake.maxExecuting() <= 4, `saw ${h.fake.maxExecuting()} executing at once`);
    assert.equal(h.fake.concurrencyThrottled(), 0);
    assert.equal(h.fake.requests.length, 6, 'no retries');
  });
});
