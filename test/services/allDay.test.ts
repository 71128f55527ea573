// Issue 12: all-day meetings against the fake Graph over HTTPS, through the operations and the real client. The fake
// refuses what Graph refuses (Microsoft Graph docs, "event resource type", isAllDay: start and end at midnight).
import assert from 'node:assert/strict';
import { MeetingOperations } from '../../src/services/meetingOperations';
import { isInvalidArgumentsError } from '../../src/services/errors';
import { MeetingStore } from '../../src/store/meetingStore';
import { useHarness } from '../fake/harness';
import { SharedMemento, depsFor } from './env';

describe('all-day meetings against the fake Graph (HTTPS)', () => {
  const h = useHarness();
  const ops = () => new MeetingOperations(depsFor(new MeetingStore(new SharedMemento()), h.client()));
  const post = (body: unknown, path = '/v1.0/me/events', method = 'POST') =>
    h.trust.fetch(`${h.fake.url}${path}`, {
      method,
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('schedules two days from dates, sent as midnight in the zone; read back all day', async () => {
    const o = ops();
    const meeting = await o.schedule(
      o.validateSchedule({ subject: 'Offsite', isAllDay: true, start: '2030-06-03', end: '2030-06-05' }),
    );
    const sent = h.fake.requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(sent.isAllDay, true);
    assert.deepEqual(sent.start, { dateTime: '2030-06-03T00:00:00', timeZone: 'W. Europe Standard Time' });
    assert.deepEqual(sent.end, { dateTime: '2030-06-05T00:00:00', timeZone: 'W. Europe Standard Time' });
    assert.equal(h.fake.events.get(meeting.id)?.isAllDay, true);
    const read = await o.get(meeting.id);
    assert.equal(read.isAllDay, true);
    assert.equal(read.start.dateTime, '2030-06-03T00:00:00');
  });

  it('an update of an all-day meeting to a time that is not midnight is refused before sending', async () => {
    const o = ops();
    const meeting = await o.schedule(
      o.validateSchedule({ isAllDay: true, start: '2030-06-03', end: '2030-06-04' }),
    );
    const before = h.fake.requests.length;
    await assert.rejects(
      o.update({ meetingId: meeting.id, end: '2030-06-04T12:00' }),
      (e: unknown) =>
        isInvalidArgumentsError(e) &&
        e.errors[0]?.field === 'end' &&
        e.errors[0].code === 'allDayNotMidnight',
    );
    assert.equal(
      h.fake.requests.slice(before).some((r) => r.method === 'PATCH'),
      false,
    );
    await o.update({ meetingId: meeting.id, end: '2030-06-06' });
    assert.equal(h.fake.render(meeting.id, 'W. Europe Standard Time')?.isAllDay, true);
  });

  it('the fake refuses an all-day event whose start or end is not midnight in its zone, on create and on PATCH', async () => {
    const noon = { dateTime: '2030-06-03T12:00:00', timeZone: 'W. Europe Standard Time' };
    const midnight = (d: string) => ({ dateTime: `${d}T00:00:00`, timeZone: 'W. Europe Standard Time' });
    assert.equal((await post({ isAllDay: true, start: noon, end: midnight('2030-06-04') })).status, 400);
    assert.equal(
      (await post({ isAllDay: 'yes', start: midnight('2030-06-03'), end: midnight('2030-06-04') })).status,
      400,
    );
    const ok = await post({ isAllDay: true, start: midnight('2030-06-03'), end: midnight('2030-06-04') });
    assert.equal(ok.status, 201);
    const timed = h.fake.seed({ subject: 'At ten', startMs: Date.UTC(2030, 5, 3, 8) });
    assert.equal((await post({ isAllDay: true }, `/v1.0/me/events/${timed.id}`, 'PATCH')).status, 400);
    assert.equal(h.fake.events.get(timed.id)?.isAllDay, undefined, 'nothing changed');
  });
});
