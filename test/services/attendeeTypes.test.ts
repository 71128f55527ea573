// Issue 12: the three attendee lists against the fake Graph over HTTPS, through the operations and the real client:
// a create sends each type, an update of one list keeps the others (Graph's PATCH replaces `attendees` wholesale),
// and a bad list is refused before anything is sent.
import assert from 'node:assert/strict';
import { MeetingOperations } from '../../src/services/meetingOperations';
import { isInvalidArgumentsError } from '../../src/services/errors';
import { MeetingStore } from '../../src/store/meetingStore';
import { useHarness } from '../fake/harness';
import { SharedMemento, depsFor } from './env';

describe('attendee types against the fake Graph (HTTPS)', () => {
  const h = useHarness();
  const ops = () => new MeetingOperations(depsFor(new MeetingStore(new SharedMemento()), h.client()));
  const input = {
    start: '2030-01-07T10:00',
    end: '2030-01-07T11:00',
    subject: 'Planning',
    attendees: ['ada@contoso.example'],
    optionalAttendees: ['bob@contoso.example'],
    resources: ['room1@contoso.example'],
  };
  const typesOf = (id: string) => h.fake.events.get(id)?.attendees.map((a) => [a.address, a.type]);

  it('schedules with each type; the meeting read back keeps them', async () => {
    const o = ops();
    const meeting = await o.schedule(o.validateSchedule(input));
    assert.deepEqual(typesOf(meeting.id), [
      ['ada@contoso.example', 'required'],
      ['bob@contoso.example', 'optional'],
      ['room1@contoso.example', 'resource'],
    ]);
    assert.deepEqual(
      (await o.get(meeting.id)).attendees.map((a) => a.type),
      ['required', 'optional', 'resource'],
    );
  });

  it('an update giving only optionalAttendees keeps the required attendee and the room', async () => {
    const o = ops();
    const meeting = await o.schedule(o.validateSchedule(input));
    const updated = await o.update({ meetingId: meeting.id, optionalAttendees: ['cy@contoso.example'] });
    const patch = h.fake.requests.find((r) => r.method === 'PATCH');
    assert.deepEqual((patch?.body as { attendees: unknown[] }).attendees.length, 3, 'the whole list is sent');
    assert.deepEqual(typesOf(meeting.id), [
      ['ada@contoso.example', 'required'],
      ['cy@contoso.example', 'optional'],
      ['room1@contoso.example', 'resource'],
    ]);
    assert.equal(updated.attendees.length, 3);
    // Required only, through the client without a current meeting: it reads the meeting first.
    await h.client().update({ meetingId: meeting.id, attendees: [] });
    assert.deepEqual(typesOf(meeting.id), [
      ['cy@contoso.example', 'optional'],
      ['room1@contoso.example', 'resource'],
    ]);
  });

  it('an address in two lists is refused, naming the field, and nothing is sent', async () => {
    const o = ops();
    const before = h.fake.requests.length;
    assert.throws(
      () => o.validateSchedule({ ...input, resources: ['ADA@contoso.example'] }),
      (e: unknown) =>
        isInvalidArgumentsError(e) &&
        e.errors.some((f) => f.field === 'resources[0]' && f.code === 'attendeeInTwoLists'),
    );
    assert.equal(h.fake.requests.length, before);
  });

  it('the fake refuses an attendee type Graph does not have', async () => {
    const r = await h.trust.fetch(`${h.fake.url}/v1.0/me/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({
        start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: 'room1@contoso.example' }, type: 'room' }],
      }),
    });
    assert.equal(r.status, 400);
  });
});
