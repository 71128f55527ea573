import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleDraft, useHarness } from './harness';
import { fetchTrusting } from './trustFetch';

/** The parts of Graph answers these tests read. */
interface GraphJson {
  error: { code: string; innerError: Record<string, string> };
  id: string;
  iCalUId: string;
  webLink: string;
  transactionId: string;
  onlineMeeting: unknown;
  onlineMeetingProvider: string;
  body: { contentType: string };
  organizer: { emailAddress: { address: string } };
  attendees: { type: string; status: { response: string } }[];
}

describe('fake Graph server: answers like Graph', () => {
  const h = useHarness();

  const send = async (method: string, route: string, body?: unknown, token = 'test-token') => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await h.trust.fetch(`${h.fake.url}/v1.0${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: (text ? JSON.parse(text) : undefined) as GraphJson | undefined,
    };
  };

  const event = (over: Record<string, unknown> = {}) => ({
    subject: 's',
    start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
    end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
    ...over,
  });

  it('401 InvalidAuthenticationToken for a missing or unknown token, in Graph error shape', async () => {
    for (const token of ['', 'unknown']) {
      const r = await send('GET', '/me/calendar', undefined, token);
      assert.equal(r.status, 401);
      assert.equal(r.json!.error.code, 'InvalidAuthenticationToken');
      assert.equal(r.json!.error.innerError['request-id'], r.headers.get('request-id'));
      assert.ok(r.json!.error.innerError.date);
    }
  });

  it('400 for invalid bodies', async () => {
    const cases: [unknown, string][] = [
      ['{"subject":', 'BadRequest'],
      [{ subject: 'no times' }, 'ErrorInvalidRequest'],
      [event({ start: { dateTime: '2030-13-07T10:00:00', timeZone: 'UTC' } }), 'RequestBodyRead'],
      [
        event({ start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Nowhere/Land' } }),
        'TimeZoneNotSupportedException',
      ],
      [
        event({ attendees: [{ emailAddress: { address: 'bad@' }, type: 'required' }] }),
        'ErrorInvalidRecipients',
      ],
      [
        event({
          attendees: Array.from({ length: 501 }, (_, i) => ({
            emailAddress: { address: `a${i}@x.example` },
          })),
        }),
        'ErrorInvalidRequest',
      ],
      [event({ colour: 'red' }), 'RequestBodyRead'],
    ];
    for (const [body, code] of cases) {
      const r = await send('POST', '/me/events', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(r.json!.error.code, code);
    }
    assert.equal(h.fake.events.size, 0);
  });

  it('creates with folded enums, a full event and transactionId de-duplication', async () => {
    const body = event({
      attendees: [{ emailAddress: { address: 'a@x.example' }, type: 'Optional' }],
      body: { contentType: 'HTML', content: '<p>hi</p>' },
      transactionId: 'dup',
    });
    const first = await send('POST', '/me/events', body);
    const second = await send('POST', '/me/events', body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.json!.id, first.json!.id);
    assert.equal(h.fake.events.size, 1);
    const e = first.json!;
    assert.equal(e.attendees[0].type, 'optional');
    assert.equal(e.attendees[0].status.response, 'none');
    assert.equal(e.body.contentType, 'html');
    assert.equal(e.onlineMeeting, null);
    assert.equal(e.onlineMeetingProvider, 'unknown');
    assert.equal(e.transactionId, 'dup');
    assert.ok(e.id.length > 100 && e.iCalUId && e.webLink && e.organizer.emailAddress.address);
  });

  it('404 ErrorItemNotFound for unknown ids on every verb; DELETE 204', async () => {
    for (const [m, r] of [
      ['GET', '/me/events/nope'],
      ['PATCH', '/me/events/nope'],
      ['DELETE', '/me/events/nope'],
      ['POST', '/me/events/nope/cancel'],
    ] as const) {
      const res = await send(m, r, m === 'GET' || m === 'DELETE' ? undefined : {});
      assert.equal(res.status, 404, `${m} ${r}`);
      assert.equal(res.json!.error.code, 'ErrorItemNotFound');
    }
    const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-del' });
    const del = await send('DELETE', `/me/events/${encodeURIComponent(created.id)}`);
    assert.equal(del.status, 204);
    assert.equal(h.fake.events.size, 0);
  });

  it('an injected 401 (expired token) is answered once with a Bearer challenge; the client does not resend', async () => {
    const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-expired' });
    h.fake.inject({ kind: 'unauthorized', method: 'GET' });
    let asked = 0;
    const client = h.client({
      getToken: () => {
        asked += 1;
        return Promise.resolve('test-token');
      },
    });
    await assert.rejects(
      client.get(created.id),
      (e: unknown) => (e as { kind?: string }).kind === 'notSignedIn',
    );
    const last = h.fake.requests.at(-1)!;
    assert.equal(last.status, 401);
    assert.equal(asked, 1);
    assert.equal((await client.get(created.id)).id, created.id, 'the next call works again');
  });

  it('runs as a process and prints its URL and CA path', async function () {
    this.timeout(30_000);
    const script = path.join(__dirname, 'serveFakeGraph.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--token', 'proc-token'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; caPath: string; tokens: string[] };
      assert.deepEqual(info.tokens, ['proc-token']);
      const trust = fetchTrusting(readFileSync(info.caPath, 'utf8'));
      try {
        const res = await trust.fetch(`${info.url}/v1.0/me/calendar`, {
          headers: { authorization: 'Bearer proc-token' },
        });
        assert.equal(res.status, 200);
        const json = (await res.json()) as { allowedOnlineMeetingProviders: string[] };
        assert.deepEqual(json.allowedOnlineMeetingProviders, ['teamsForBusiness']);
      } finally {
        await trust.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
  });
});
