import assert from 'node:assert/strict';
import { validateSchedule } from '../../src/core/validate';
import { failure, useHarness } from '../fake/harness';

const min = 60_000;
const t0 = Date.UTC(2030, 0, 7, 9, 0, 0);

describe('MeetingsClient.calendarView against the fake Graph (HTTPS)', () => {
  const h = useHarness();

  it('asks GET /me/calendarView with the window and $select, and reads the entries as instants', async () => {
    h.fake.seed({
      subject: 'Stand-up',
      startMs: t0 + 12 * min,
      endMs: t0 + 27 * min,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc', conferenceId: '1' },
    });
    h.fake.seed({
      subject: 'Someone else’s',
      startMs: t0 + 60 * min,
      isOrganizer: false,
      organizer: { address: 'ada@contoso.example', name: 'Ada' },
    });
    h.fake.seed({ subject: 'Outside', startMs: t0 + 30 * 60 * min });

    const entries = await h.client().calendarView({ start: t0, end: t0 + 24 * 60 * min });

    const sent = h.fake.requests.filter((r) => r.path === '/v1.0/me/calendarView');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.query.startDateTime, new Date(t0).toISOString());
    assert.equal(sent[0]!.query.endDateTime, new Date(t0 + 24 * 60 * min).toISOString());
    const select = sent[0]!.query.$select!.split(',');
    for (const k of [
      'id',
      'subject',
      'start',
      'end',
      'isAllDay',
      'isCancelled',
      'onlineMeeting',
      'webLink',
      'responseStatus',
    ])
      assert.ok(select.includes(k), `$select names ${k}`);
    assert.match(String(sent[0]!.headers.prefer), /outlook\.timezone="W\. Europe Standard Time"/);

    assert.deepEqual(
      entries.map((e) => [e.subject, e.start, e.end]),
      [
        ['Stand-up', t0 + 12 * min, t0 + 27 * min],
        ['Someone else’s', t0 + 60 * min, t0 + 90 * min],
      ],
    );
    assert.equal(entries[0]!.joinUrl, 'https://teams.microsoft.com/l/meetup-join/abc');
    assert.match(entries[0]!.webLink ?? '', /^https:\/\/outlook\.office365\.com\//);
    assert.equal(entries[0]!.isOrganizer, true);
    assert.equal(entries[1]!.isOrganizer, false);
    assert.deepEqual(entries[1]!.organizer, { address: 'ada@contoso.example', name: 'Ada' });
    assert.equal(entries[1]!.joinUrl, undefined);
  });

  it('expands a repeating meeting into its occurrences in the window (one cancelled occurrence gone)', async () => {
    const v = validateSchedule(
      {
        start: '2030-01-07T10:00',
        end: '2030-01-07T10:15',
        subject: 'Daily',
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', numberOfOccurrences: 10 },
        },
      },
      { defaultTimeZone: 'Europe/Berlin' },
    );
    assert.ok(v.ok);
    const client = h.client();
    const master = await client.schedule(v.value, { transactionId: 'series-1' });
    h.fake.seed({ subject: 'Single', startMs: Date.UTC(2030, 0, 8, 12) });
    const window = { start: Date.UTC(2030, 0, 7, 23), end: Date.UTC(2030, 0, 10, 23) }; // Jan 8-10 in Berlin
    const first = await client.calendarView(window);
    assert.deepEqual(
      first.map((e) => [e.subject, new Date(e.start).toISOString(), e.type]),
      [
        ['Daily', '2030-01-08T09:00:00.000Z', 'occurrence'],
        ['Single', '2030-01-08T12:00:00.000Z', 'singleInstance'],
        ['Daily', '2030-01-09T09:00:00.000Z', 'occurrence'],
        ['Daily', '2030-01-10T09:00:00.000Z', 'occurrence'],
      ],
    );
    assert.ok(first.filter((e) => e.subject === 'Daily').every((e) => e.seriesMasterId === master.id));
    await client.cancel({ meetingId: first[2]!.id });
    const after = await client.calendarView(window);
    assert.deepEqual(
      after.map((e) => new Date(e.start).toISOString()),
      ['2030-01-08T09:00:00.000Z', '2030-01-08T12:00:00.000Z', '2030-01-10T09:00:00.000Z'],
    );
  });

  it('follows @odata.nextLink pages', async () => {
    for (let i = 0; i < 60; i++) h.fake.seed({ subject: `m${i}`, startMs: t0 + i * min });
    const entries = await h.client().calendarView({ start: t0, end: t0 + 2 * 60 * min });
    assert.equal(entries.length, 60);
    assert.ok(h.fake.requests.filter((r) => r.path === '/v1.0/me/calendarView').length >= 2);
  });

  it('refuses a malformed answer as badResponse', async () => {
    h.fake.inject({ kind: 'malformed', path: /calendarView/, text: '{"value": [{"id": 7}]}', status: 200 });
    const e = await failure(h.client().calendarView({ start: t0, end: t0 + min }));
    assert.equal(e.kind, 'badResponse');
  });

  it('refuses an empty or reversed window before sending', async () => {
    const e = await failure(h.client().calendarView({ start: t0, end: t0 }));
    assert.equal(e.kind, 'invalidInput');
    assert.equal(h.fake.requests.length, 0);
  });
});
