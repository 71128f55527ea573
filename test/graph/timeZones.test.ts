import assert from 'node:assert/strict';
import { sampleDraft, useHarness } from '../fake/harness';
import { validateSchedule } from '../../src/core/validate';

/** Graph's time zone rules (dateTimeTimeZone resource type) through the real client and the fake (issue 9, point 1). */
describe('time zone names against the fake Graph', () => {
  const h = useHarness();

  const raw = async (route: string, init: { method: string; prefer?: string; body?: unknown }) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: 'Bearer test-token',
    };
    if (init.prefer) headers.prefer = init.prefer;
    const res = await h.trust.fetch(`${h.fake.url}/v1.0${route}`, {
      method: init.method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as { error?: { code: string } } };
  };

  const at = (timeZone: string) => ({
    subject: 'x',
    start: { dateTime: '2030-01-07T10:00:00', timeZone },
    end: { dateTime: '2030-01-07T11:00:00', timeZone },
  });

  it('the fake refuses IANA names off the documented list, in bodies and in Prefer', async () => {
    for (const zone of ['Europe/Madrid', 'America/Toronto', 'Asia/Calcutta', 'Etc/UTC']) {
      const r = await raw('/me/events', { method: 'POST', body: at(zone) });
      assert.equal(r.status, 400, zone);
      assert.equal(r.json.error?.code, 'TimeZoneNotSupportedException', zone);
      const p = await raw('/me/events', { method: 'GET', prefer: `outlook.timezone="${zone}"` });
      assert.equal(p.status, 400, `Prefer ${zone}`);
      assert.equal(p.json.error?.code, 'TimeZoneNotSupportedException', `Prefer ${zone}`);
    }
  });

  it('the fake takes Windows names and the documented IANA names', async () => {
    for (const zone of ['Romance Standard Time', 'UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York']) {
      const r = await raw('/me/events', { method: 'POST', body: at(zone), prefer: `outlook.timezone="${zone}"` });
      assert.equal(r.status, 201, zone);
    }
  });

  it('schedules a meeting in Madrid: Windows names in start, end and Prefer; IANA read back', async () => {
    const v = validateSchedule(
      { start: '2030-01-07T10:00', end: '2030-01-07T11:00', timeZone: 'Europe/Madrid' },
      { defaultTimeZone: 'UTC' },
    );
    assert.ok(v.ok);
    const client = h.client({ timeZone: 'America/Toronto' });
    const meeting = await client.schedule(v.value, { transactionId: 'tx-madrid' });
    const post = h.fake.requests.find((r) => r.method === 'POST' && /\/me\/events$/.test(r.path));
    assert.ok(post);
    const body = post.body as { start: { timeZone: string }; end: { timeZone: string } };
    assert.equal(body.start.timeZone, 'Romance Standard Time');
    assert.equal(body.end.timeZone, 'Romance Standard Time');
    assert.match(String(post.headers.prefer), /outlook\.timezone="Eastern Standard Time"/);
    // The answer comes in the Prefer zone (a Windows name) and is shown in IANA.
    assert.deepEqual(meeting.start, { dateTime: '2030-01-07T04:00:00', timeZone: 'America/New_York' });
  });

  it('a stored draft with an IANA name off Graph’s list is still sent as a Windows name', async () => {
    const draft = sampleDraft({
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Asia/Calcutta' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'Asia/Calcutta' },
    });
    const meeting = await h.client().schedule(draft, { transactionId: 'tx-kolkata' });
    assert.deepEqual(meeting.start, { dateTime: '2030-01-07T05:30:00', timeZone: 'Europe/Berlin' });
  });
});
