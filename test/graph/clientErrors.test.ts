import assert from 'node:assert/strict';
import { failure, sampleDraft, startHarness, useHarness } from '../fake/harness';
import { startFakeGraph } from '../fake/fakeGraph';
import {
  isCancelledError,
  isInvalidInputError,
  isMeetingsError,
  isNetworkError,
  isNotFoundError,
  isNotSignedInError,
  isThrottledError,
  isTimeoutError,
} from '../../src/graph/errors';
import type { RequestLogEntry } from '../../src/graph/client';

function kindOf(e: unknown): string {
  return isMeetingsError(e) ? e.kind : `not a MeetingsError: ${String(e)}`;
}

describe('MeetingsClient errors and retries against the fake Graph (HTTPS)', () => {
  const h = useHarness();

  describe('error kinds', () => {
    // User-facing sentences live only in the host's error view (src/host/errors.ts, translated); a Graph error's
    // message is technical, for logs and callers of commands with arguments: kind, status, code, request id, Graph's text.
    it("error messages are technical: kind, status, code, request id and Graph's own text, no advice", async () => {
      const cases = [
        {
          fault: { kind: 'status', status: 404, code: 'ErrorItemNotFound', message: 'gone' },
          kind: 'notFound',
        },
        {
          fault: { kind: 'status', status: 400, code: 'ErrorInvalidRequest', message: 'bad' },
          kind: 'invalidInput',
        },
        {
          fault: { kind: 'status', status: 403, code: 'ErrorAccessDenied', message: 'no' },
          kind: 'forbidden',
        },
        { fault: { kind: 'status', status: 500, code: 'generalException', message: 'oops' }, kind: 'server' },
        { fault: { kind: 'unauthorized' }, kind: 'notSignedIn' },
      ] as const;
      for (const c of cases) {
        h.fake.inject(c.fault);
        const e = await failure(h.client({ maxRetries: 0 }).get('AAMkx='));
        assert.equal(e.kind, c.kind);
        assert.ok(e.requestId, c.kind);
        const code = e.code ?? '';
        assert.ok(
          e.message.startsWith(`${c.kind} (HTTP ${e.status}, code ${code}, request id ${e.requestId})`),
          e.message,
        );
        if (e.graphMessage !== undefined) assert.ok(e.message.endsWith(`: ${e.graphMessage}`), e.message);
        assert.doesNotMatch(e.message, /try again|sign in|refresh|ask |check /i, e.message);
      }
      const t = await failure(h.client({ getToken: () => Promise.reject(new Error('x')) }).get('AAMkx='));
      assert.equal(t.message, 'notSignedIn (code tokenUnavailable)');
    });

    // 401: test/graph/clientStatus.test.ts (no retry with the same token; the audience case).
    it('a failing getToken is notSignedIn and sends nothing', async () => {
      const client = h.client({ getToken: () => Promise.reject(new Error('no session')) });
      const e = await failure(client.get('AAMkx='));
      assert.ok(isNotSignedInError(e));
      assert.equal(h.fake.requests.length, 0);
    });

    it('404 is notFound with the request id from innerError; a deleted-in-Outlook meeting too', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-404' });
      h.fake.events.delete(created.id);
      const e = await failure(h.client().get(created.id));
      assert.ok(isNotFoundError(e));
      assert.equal(e.code, 'ErrorItemNotFound');
      assert.equal(e.status, 404);
      const answered = h.fake.requests.at(-1)!;
      assert.equal(answered.status, 404);
      assert.match(e.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.ok(e.message.includes(e.requestId!), 'the message quotes the request id');
      assert.equal(h.fake.requests.filter((r) => r.method === 'GET').length, 1, 'a 404 is not retried');
    });

    it('reads the request id from `requestId` in innerError as well', async () => {
      const other = await startHarness({ errorRequestIdKey: 'requestId' });
      try {
        const e = await failure(other.client().get('AAMknothing='));
        assert.ok(isNotFoundError(e));
        assert.match(e.requestId ?? '', /^[0-9a-f-]{36}$/);
      } finally {
        await other.close();
      }
    });

    it('a 404 with the code itemNotFound is notFound', async () => {
      h.fake.inject({ kind: 'status', status: 404, code: 'itemNotFound', message: 'nope' });
      const e = await failure(h.client().get('AAMkx='));
      assert.ok(isNotFoundError(e));
      assert.equal(e.code, 'itemNotFound');
    });

    it('400 for an invalid body is invalidInput with Graph code and is not retried', async () => {
      const e = await failure(
        h.client().schedule(sampleDraft({ attendees: ['not an address'] }), { transactionId: 'tx-400' }),
      );
      assert.ok(isInvalidInputError(e));
      assert.equal(e.code, 'ErrorInvalidRecipients');
      assert.equal(e.status, 400);
      assert.ok(e.graphMessage, "Graph's own text is kept");
      assert.ok(e.message.endsWith(`: ${e.graphMessage}`), e.message);
      assert.equal(h.fake.requests.length, 1);
      assert.equal(h.fake.events.size, 0);
    });

    it('a zone with no Windows name is refused before anything is sent', async () => {
      const draft = sampleDraft({
        start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Mars/Olympus' },
        end: { dateTime: '2030-01-07T11:00:00', timeZone: 'Mars/Olympus' },
      });
      const e = await failure(h.client().schedule(draft, { transactionId: 'tx-tz' }));
      assert.ok(isInvalidInputError(e));
      assert.equal(e.code, 'unsupportedTimeZone');
      assert.equal(h.fake.requests.filter((r) => r.method === 'POST').length, 0);
    });

    it('400 TimeZoneNotSupportedException from Graph is invalid input', async () => {
      h.fake.inject({ kind: 'status', status: 400, code: 'TimeZoneNotSupportedException' });
      const e = await failure(h.client().schedule(sampleDraft(), { transactionId: 'tx-tz' }));
      assert.ok(isInvalidInputError(e));
      assert.equal(e.code, 'TimeZoneNotSupportedException');
    });

    it('403 is forbidden', async () => {
      h.fake.inject({ kind: 'status', status: 403, code: 'ErrorAccessDenied' });
      const e = await failure(h.client().get('AAMkx='));
      assert.equal(e.kind, 'forbidden');
      assert.equal(e.code, 'ErrorAccessDenied');
    });

    it('500 is server and is not retried', async () => {
      h.fake.inject({ kind: 'status', status: 500 });
      const e = await failure(h.client().get('AAMkx='));
      assert.equal(e.kind, 'server');
      assert.equal(h.fake.requests.length, 1);
    });

    it('a connection that cannot be made is network', async () => {
      const gone = await startFakeGraph();
      const url = gone.url;
      await gone.close();
      const e = await failure(h.client({ baseUrl: url, maxRetries: 1 }).get('AAMkx='));
      assert.ok(isNetworkError(e));
    });

    it('a dropped connection, retries exhausted, is network', async () => {
      h.fake.inject({ kind: 'drop', times: 3 });
      const e = await failure(h.client({ maxRetries: 2 }).get('AAMkx='));
      assert.ok(isNetworkError(e), kindOf(e));
      assert.equal(h.fake.requests.length, 3);
    });

    it('no answer within the per-attempt timeout is timeout', async () => {
      h.fake.inject({ kind: 'delay', ms: 3_000 });
      const started = Date.now();
      const e = await failure(h.client({ timeoutMs: 200, maxRetries: 0 }).get('AAMkx='));
      assert.ok(isTimeoutError(e), kindOf(e));
      assert.ok(Date.now() - started < 2_500, 'gave up before the server answered');
    });

    it('a timed-out attempt is retried', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-slow' });
      h.fake.inject({ kind: 'delay', ms: 2_000, method: 'GET' });
      const m = await h.client({ timeoutMs: 300 }).get(created.id);
      assert.equal(m.id, created.id);
      assert.equal(h.fake.requests.filter((r) => r.method === 'GET').length, 2);
    });

    it("an attempt that starts while another hangs keeps its whole timeout (the other's does not cut it short)", async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-overlap' });
      const slowPath = `/v1.0/me/events/${encodeURIComponent(created.id)}`;
      const client = h.client({ timeoutMs: 400, maxRetries: 0 });
      await client.get(created.id); // the connection is open before the timing starts
      h.fake.inject({ kind: 'delay', ms: 3_000, path: /AAMkhung/ });
      // The fake holds a `delay` fault's request `ms` before and `ms` after answering: 200 ms here.
      h.fake.inject({ kind: 'delay', ms: 100, path: slowPath });
      const hung = failure(client.get('AAMkhung='));
      await new Promise((resolve) => setTimeout(resolve, 250));
      // Answered ~450 ms after the hung attempt started: after its deadline, within the slow one's own 400 ms.
      const slow = await client.get(created.id);
      assert.equal(slow.id, created.id);
      const e = await hung;
      assert.ok(isTimeoutError(e), kindOf(e));
      assert.equal(h.fake.requests.filter((r) => r.path === slowPath).length, 2);
    });

    it('aborting through the signal is cancelled, mid-request and before it starts', async () => {
      h.fake.inject({ kind: 'delay', ms: 3_000 });
      const controller = new AbortController();
      const pending = h.client().get('AAMkx=', { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const e = await failure(pending);
      assert.ok(isCancelledError(e), kindOf(e));

      const before = h.fake.requests.length;
      const e2 = await failure(h.client().get('AAMkx=', { signal: AbortSignal.abort() }));
      assert.ok(isCancelledError(e2));
      assert.equal(h.fake.requests.length, before, 'nothing sent');
    });

    it('aborting during a Retry-After wait is cancelled', async () => {
      h.fake.inject({ kind: 'throttle', retryAfter: 5 });
      const controller = new AbortController();
      const pending = h.client().get('AAMkx=', { signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      const e = await failure(pending);
      assert.ok(isCancelledError(e), kindOf(e));
      assert.equal(h.fake.requests.length, 1);
    });

    it('a malformed JSON success body is badResponse', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-malformed' });
      h.fake.inject({ kind: 'malformed', method: 'GET' });
      const e = await failure(h.client().get(created.id));
      assert.equal(e.kind, 'badResponse');
      assert.ok(e.requestId);
    });

    it('an answer that is JSON but not an event is badResponse', async () => {
      h.fake.inject({ kind: 'malformed', method: 'GET', when: 'before', text: '{"value": []}' });
      const e = await failure(h.client().get('AAMkx='));
      assert.equal(e.kind, 'badResponse');
    });
  });

  describe('retries', () => {
    it('429 with Retry-After beyond the wait budget fails fast as throttled with retryAfterMs', async () => {
      h.fake.inject({ kind: 'throttle', retryAfter: 30 });
      const started = Date.now();
      const e = await failure(h.client({ maxRetryWaitMs: 1_000 }).get('AAMkx='));
      assert.ok(isThrottledError(e));
      assert.equal(e.retryAfterMs, 30_000);
      assert.equal(e.status, 429);
      assert.match(e.message, /retry after 30 s/);
      assert.ok(Date.now() - started < 5_000, 'did not wait out the Retry-After');
      assert.equal(h.fake.requests.length, 1);
    });

    it('429 on every attempt until the retry count runs out is throttled', async () => {
      h.fake.inject({ kind: 'throttle', retryAfter: 0.01, times: 5 });
      const e = await failure(h.client({ maxRetries: 2 }).get('AAMkx='));
      assert.ok(isThrottledError(e));
      assert.equal(e.code, 'ApplicationThrottled');
      assert.ok(e.requestId, 'read from innerError request-id of a throttling answer');
      assert.equal(h.fake.requests.length, 3);
    });

    it('honours a fractional Retry-After before retrying', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-ra' });
      h.fake.inject({ kind: 'throttle', retryAfter: 0.6, method: 'GET' });
      await h.client().get(created.id);
      const gets = h.fake.requests.filter((r) => r.method === 'GET');
      assert.equal(gets.length, 2);
      const gap = gets[1]!.receivedAt - gets[0]!.receivedAt;
      assert.ok(gap >= 550, `retried after ${gap} ms, Retry-After was 600 ms`);
    });

    it('503 and 504 are retried with backoff', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-5xx' });
      h.fake.inject({ kind: 'status', status: 503, method: 'GET' });
      h.fake.inject({ kind: 'status', status: 504, method: 'GET' });
      const m = await h.client().get(created.id);
      assert.equal(m.id, created.id);
      assert.deepEqual(
        h.fake.requests.filter((r) => r.method === 'GET').map((r) => r.status),
        [503, 504, 200],
      );
    });

    it('a create throttled once is retried with the same transactionId: exactly one meeting', async () => {
      h.fake.inject({ kind: 'throttle', retryAfter: 0.05, method: 'POST', path: '/me/events' });
      const m = await h.client().schedule(sampleDraft(), { transactionId: 'tx-429-create' });
      const posts = h.fake.requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2);
      assert.deepEqual(
        posts.map((r) => (r.body as { transactionId: string }).transactionId),
        ['tx-429-create', 'tx-429-create'],
      );
      assert.equal(h.fake.events.size, 1);
      assert.equal(m.id, [...h.fake.events.keys()][0]);
    });

    it('a create whose connection drops AFTER Graph made the event is retried: exactly one meeting', async () => {
      h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
      const m = await h.client().schedule(sampleDraft(), { transactionId: 'tx-drop-create' });
      const posts = h.fake.requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2, 'the create was sent twice');
      assert.equal(posts[0]!.fault, 'drop');
      assert.equal(h.fake.events.size, 1, 'but only one meeting exists');
      assert.equal(m.id, [...h.fake.events.keys()][0]);
      assert.equal(m.transactionId, 'tx-drop-create');
    });

    it('a create whose answer is unreadable is not re-sent by the client: badResponse, one meeting', async () => {
      // The retry with the same transactionId is the service's (test/services/createOnce.test.ts).
      h.fake.inject({ kind: 'malformed', method: 'POST', path: '/me/events' });
      const e = await failure(h.client().schedule(sampleDraft(), { transactionId: 'tx-garbled' }));
      assert.equal(e.kind, 'badResponse');
      assert.equal(h.fake.requests.filter((r) => r.method === 'POST').length, 1);
      assert.equal(h.fake.events.size, 1);
    });

    it('a cancel whose connection drops after it was applied still succeeds on retry', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-drop-cancel' });
      h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: /\/cancel$/ });
      await h.client().cancel({ meetingId: created.id, comment: 'bye' });
      assert.equal(h.fake.events.get(created.id)!.isCancelled, true);
      const cancels = h.fake.requests.filter((r) => r.path.endsWith('/cancel'));
      assert.deepEqual(
        cancels.map((r) => r.status),
        [undefined, 400],
        'the retry found it already cancelled',
      );
    });

    it('an update whose connection drops after it was applied is retried and ends applied once', async () => {
      const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-drop-patch' });
      h.fake.inject({ kind: 'drop', when: 'after', method: 'PATCH' });
      const m = await h.client().update({ meetingId: created.id, subject: 'After drop' });
      assert.equal(m.subject, 'After drop');
      assert.equal(h.fake.events.size, 1);
    });
  });

  describe('logging', () => {
    it('logs method, path and status only, never the token', async () => {
      const entries: RequestLogEntry[] = [];
      const lines: string[] = [];
      const created = await h.client({ log: (e) => entries.push(e) }).schedule(sampleDraft(), {
        transactionId: 'tx-log',
      });
      h.fake.inject({ kind: 'drop' });
      await h.client({ log: { trace: (m) => lines.push(m) } }).get(created.id);
      assert.deepEqual(entries, [{ method: 'POST', path: '/me/events', status: 201 }]);
      assert.equal(lines.length, 2);
      assert.match(lines[0]!, /GET \/me\/events\/.+ -> network/);
      assert.match(lines[1]!, /GET \/me\/events\/.+ -> 200/);
      assert.ok(!JSON.stringify([entries, lines]).includes('test-token'));
    });
  });
});
