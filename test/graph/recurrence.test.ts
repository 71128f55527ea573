// Series over real HTTPS: the real client creates recurring meetings on the fake Graph, `listOccurrences`
// (src/graph/instances.ts) expands them, and a PATCH or cancel of an occurrence's ID changes that occurrence only while
// the master's ID changes the whole series. The fake refuses recurrences Graph refuses.
import assert from 'node:assert/strict';
import type { Recurrence } from '../../src/core/recurrence';
import { validateSchedule } from '../../src/core/validate';
import type { MeetingDraft } from '../../src/core/types';
import { listOccurrences } from '../../src/graph/instances';
import type { Harness } from '../fake/harness';
import { failure, sampleDraft, useHarness } from '../fake/harness';
import { ctx } from '../core/fixtures';

/** January 2030: the 7th is a Monday. */
const january = { start: Date.UTC(2030, 0, 1), end: Date.UTC(2030, 1, 1) };

/** A validated draft starting 2030-01-07 10:00 Berlin with `recurrence`. */
function seriesDraft(recurrence: unknown, start = '2030-01-07T10:00'): MeetingDraft {
  const end = `${start.slice(0, 11)}11:00`;
  const v = validateSchedule({ start, end, subject: 'Standup', recurrence }, ctx);
  assert.ok(v.ok, JSON.stringify(!v.ok && v.errors));
  return v.value;
}

/** The local start dates (Berlin) of the occurrences in `window`. */
async function dates(h: Harness, id: string, window = january): Promise<string[]> {
  const list = await listOccurrences(h.client(), id, window);
  return list.map((o) => o.start.dateTime.slice(0, 10));
}

async function raw(h: Harness, method: string, path: string, body?: unknown): Promise<Response> {
  return h.trust.fetch(`${h.fake.url}/v1.0${path}`, {
    method,
    headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('series against the fake Graph (HTTPS)', () => {
  const h = useHarness();

  it('creates a series master and reads its recurrence and type back', async () => {
    const weekly = { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'] } };
    const master = await h.client().schedule(seriesDraft(weekly), { transactionId: 't1' });
    assert.equal(master.type, 'seriesMaster');
    assert.deepEqual(master.recurrence, {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: '2030-01-07', recurrenceTimeZone: 'Europe/Berlin' },
    } satisfies Recurrence);
    const sent = h.fake.requests.find((r) => r.method === 'POST')!.body as { recurrence: unknown };
    assert.deepEqual((sent.recurrence as { range: unknown }).range, {
      type: 'noEnd',
      startDate: '2030-01-07',
      recurrenceTimeZone: 'W. Europe Standard Time',
    });
    const again = await h.client().get(master.id);
    assert.deepEqual(again.recurrence, master.recurrence);
  });

  it('lists occurrences in a window for each pattern type, interval and range', async () => {
    const client = h.client();
    const make = async (recurrence: unknown, start?: string): Promise<string> =>
      (await client.schedule(seriesDraft(recurrence, start), { transactionId: JSON.stringify(recurrence) }))
        .id;
    const weekly = await make({
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'] },
      range: { type: 'numbered', numberOfOccurrences: 5 },
    });
    assert.deepEqual(await dates(h, weekly), [
      '2030-01-07',
      '2030-01-09',
      '2030-01-14',
      '2030-01-16',
      '2030-01-21',
    ]);
    const daily = await make({
      pattern: { type: 'daily', interval: 3 },
      range: { type: 'endDate', endDate: '2030-01-16' },
    });
    assert.deepEqual(await dates(h, daily), ['2030-01-07', '2030-01-10', '2030-01-13', '2030-01-16']);
    const fortnightly = await make({ pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'] } });
    assert.deepEqual(await dates(h, fortnightly), ['2030-01-08', '2030-01-22']);
    const window = { start: january.start, end: Date.UTC(2031, 0, 1) };
    const monthly = await make({
      pattern: { type: 'absoluteMonthly', interval: 4, dayOfMonth: 7 },
      range: { type: 'noEnd' },
    });
    assert.deepEqual(await dates(h, monthly, window), ['2030-01-07', '2030-05-07', '2030-09-07']);
    const lastFriday = await make({
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
      range: { type: 'numbered', numberOfOccurrences: 3 },
    });
    assert.deepEqual(await dates(h, lastFriday, window), ['2030-01-25', '2030-02-22', '2030-03-29']);
    const yearly = await make({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 7, month: 1 } });
    assert.deepEqual(await dates(h, yearly, { start: january.start, end: Date.UTC(2033, 0, 1) }), [
      '2030-01-07',
      '2031-01-07',
      '2032-01-07',
    ]);
    const thanksgiving = await make(
      {
        pattern: {
          type: 'relativeYearly',
          interval: 1,
          daysOfWeek: ['thursday'],
          month: 11,
          index: 'fourth',
        },
      },
      '2030-11-28T10:00',
    );
    assert.deepEqual(await dates(h, thanksgiving, { start: january.start, end: Date.UTC(2032, 0, 1) }), [
      '2030-11-28',
      '2031-11-27',
    ]);
    const occurrences = await listOccurrences(client, weekly, january);
    assert.ok(occurrences.every((o) => o.type === 'occurrence' && o.seriesMasterId === weekly));
    assert.equal(new Set(occurrences.map((o) => o.id)).size, 5);
    assert.equal(occurrences[0]!.start.dateTime, '2030-01-07T10:00:00');
    assert.equal(occurrences[0]!.end.dateTime, '2030-01-07T11:00:00');
    assert.equal(occurrences[0]!.start.timeZone, 'Europe/Berlin');
  });

  it('keeps the wall time across a DST change and pages through long series', async () => {
    const client = h.client();
    const id = (
      await client.schedule(seriesDraft({ pattern: { type: 'daily', interval: 1 } }), { transactionId: 'd' })
    ).id;
    const spring = await listOccurrences(client, id, {
      start: Date.UTC(2030, 2, 20),
      end: Date.UTC(2030, 5, 20),
    });
    assert.equal(spring.length, 92, 'more than one page of 50');
    assert.ok(spring.every((o) => o.start.dateTime.endsWith('T10:00:00')));
    const pages = h.fake.requests.filter((r) => r.path.includes('/instances'));
    assert.equal(pages.length, 2);
    assert.equal(pages[0]!.query.startDateTime, '2030-03-20T00:00:00.000Z');
    assert.equal(pages[0]!.query.endDateTime, '2030-06-20T00:00:00.000Z');
  });

  it('an occurrence ID changes that occurrence only; the master ID the whole series', async () => {
    const client = h.client();
    const master = await client.schedule(
      seriesDraft({
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', numberOfOccurrences: 3 },
      }),
      { transactionId: 's' },
    );
    const [first, second, third] = await listOccurrences(client, master.id, january);
    assert.ok(first && second && third);
    const moved = await client.update({
      meetingId: second.id,
      subject: 'Standup (moved)',
      start: { dateTime: '2030-01-15T12:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-01-15T13:00:00', timeZone: 'Europe/Berlin' },
    });
    assert.equal(moved.id, second.id);
    assert.equal(moved.type, 'exception');
    assert.equal(moved.seriesMasterId, master.id);
    let list = await listOccurrences(client, master.id, january);
    assert.deepEqual(
      list.map((o) => [o.start.dateTime, o.subject, o.type]),
      [
        ['2030-01-07T10:00:00', 'Standup', 'occurrence'],
        ['2030-01-15T12:00:00', 'Standup (moved)', 'exception'],
        ['2030-01-21T10:00:00', 'Standup', 'occurrence'],
      ],
    );
    assert.equal((await client.get(master.id)).subject, 'Standup');

    await client.cancel({ meetingId: third.id, comment: 'Holiday' });
    list = await listOccurrences(client, master.id, january);
    assert.deepEqual(
      list.map((o) => o.id),
      [first.id, second.id],
    );
    assert.equal((await client.get(master.id)).isCancelled, false);

    await client.update({ meetingId: master.id, location: 'Room 2' });
    list = await listOccurrences(client, master.id, january);
    assert.equal(list[0]!.location, 'Room 2', 'the series changes with its master');
    await client.cancel({ meetingId: master.id });
    assert.deepEqual(await listOccurrences(client, master.id, january), []);
  });

  it('refuses what Graph refuses: bad recurrences, a recurrence on an occurrence, a move past a neighbour', async () => {
    const base = {
      subject: 's',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'W. Europe Standard Time' },
    };
    const range = { type: 'noEnd', startDate: '2030-01-07' };
    const refused = [
      { pattern: { type: 'weekly', interval: 1 }, range },
      { pattern: { type: 'daily', interval: 0 }, range },
      { pattern: { type: 'absoluteMonthly', interval: 1 }, range },
      { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 7 }, range },
      { pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['funday'] }, range },
      { pattern: { type: 'daily', interval: 1, dayOfMonth: 32 }, range },
      { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2030-01-08' } },
      { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd' } },
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2030-01-07', numberOfOccurrences: 0 },
      },
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'endDate', startDate: '2030-01-07', endDate: '2030-01-06' },
      },
      { pattern: { type: 'daily', interval: 1 }, range: { ...range, recurrenceTimeZone: 'Europe/Madrid' } },
    ];
    for (const recurrence of refused) {
      const res = await raw(h, 'POST', '/me/events', { ...base, recurrence });
      assert.equal(res.status, 400, JSON.stringify(recurrence));
    }
    assert.equal(h.fake.events.size, 0);

    const ok = await raw(h, 'POST', '/me/events', {
      ...base,
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { ...range, type: 'numbered', numberOfOccurrences: 3 },
      },
    });
    assert.equal(ok.status, 201);
    const master = (await ok.json()) as { id: string };
    const [, second] = await listOccurrences(h.client(), master.id, january);
    assert.ok(second);
    const withRecurrence = await raw(h, 'PATCH', `/me/events/${encodeURIComponent(second.id)}`, {
      recurrence: { pattern: { type: 'daily', interval: 1 }, range },
    });
    assert.equal(withRecurrence.status, 400);
    const crossing = await failure(
      h.client().update({
        meetingId: second.id,
        start: { dateTime: '2030-01-09T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2030-01-09T11:00:00', timeZone: 'Europe/Berlin' },
      }),
    );
    assert.equal(crossing.code, 'ErrorOccurrenceCrossingBoundary');
    assert.equal((await raw(h, 'GET', `/me/events/${encodeURIComponent(master.id)}/instances`)).status, 400);
    assert.equal(
      (
        await raw(
          h,
          'GET',
          `/me/events/nothing_OID_20300107/instances?startDateTime=2030-01-01&endDateTime=2030-02-01`,
        )
      ).status,
      404,
    );
    assert.equal(
      (await raw(h, 'GET', `/me/events/${encodeURIComponent(master.id)}_OID_20300110`)).status,
      404,
      'not an occurrence date',
    );
  });

  it('a single event is singleInstance, with no occurrences but itself', async () => {
    const single = await h.client().schedule(sampleDraft(), { transactionId: 'x' });
    assert.equal(single.type, 'singleInstance');
    assert.equal(single.recurrence, undefined);
  });
});
