// "Find a time" over real HTTPS against the fake Graph: the requests the client sends (people search, getSchedule in
// requests of 20 addresses, findMeetingTimes, rooms), the fake's answers computed from its events and seeded busy
// blocks, the service's mapping of them, and the refusals Graph makes (missing scope, personal account: 403).
import assert from 'node:assert/strict';
import type { AvailabilityRequest, FindMeetingTimesRequest } from '../../src/core/findTime';
import type { MeetingsClient } from '../../src/graph/client';
import { requestSchedule } from '../../src/graph/findTime';
import { FindTimeService } from '../../src/services/findTime';
import type { RecordedRequest } from '../fake/fakeGraph';
import { failure, useHarness } from '../fake/harness';

const H = 3_600_000;
const day = Date.UTC(2030, 0, 7); // a Monday
const ana = 'ana@contoso.example';
const ben = 'ben@contoso.example';

function serviceOver(client: MeetingsClient): FindTimeService {
  return new FindTimeService({
    access: () => Promise.resolve({ ok: true, graph: client }),
    defaultTimeZone: () => 'Europe/Berlin',
  });
}

function sent(requests: RecordedRequest[], method: string, path: string): RecordedRequest[] {
  return requests.filter((r) => r.method === method && r.path === `/v1.0${path}`);
}

function availability(emails: string[], startMs = day, endMs = day + 24 * H): AvailabilityRequest {
  return { emails, startMs, endMs, intervalMinutes: 60, timeZone: 'UTC' };
}

describe('find a time against the fake Graph (HTTPS)', () => {
  const h = useHarness();

  beforeEach(() => {
    h.fake.findTime.setWorkingHours({ zone: 'UTC', startHour: 8, endHour: 17 });
    h.fake.findTime.addPeople([
      { name: 'Ana Lopez', email: ana },
      { name: 'Ben Ng', email: ben },
      { name: 'Anabel Ruiz', email: 'anabel@contoso.example' },
    ]);
  });

  describe('people: GET /me/people?$search=', () => {
    it('searches the seeded directory (People.Read) and maps name and address', async () => {
      h.fake.findTime.grant('test-token', ['Calendars.ReadWrite', 'People.Read']);
      const result = await serviceOver(h.client()).searchPeople('ana');
      assert.deepEqual(result, {
        ok: true,
        value: [
          { name: 'Ana Lopez', email: ana },
          { name: 'Anabel Ruiz', email: 'anabel@contoso.example' },
        ],
      });
      const [req] = sent(h.fake.requests, 'GET', '/me/people');
      assert.equal(req?.query.$search, '"ana"');
      assert.equal(req?.query.$top, '10');
    });

    it('is refused (403) without People.Read: the feature is unavailable, not an error', async () => {
      const result = await serviceOver(h.client()).searchPeople('ana');
      assert.deepEqual(result.ok ? undefined : result.unavailable.reason, 'notConsented');
      assert.equal(sent(h.fake.requests, 'GET', '/me/people')[0]?.status, 403);
    });

    it('refuses $skip with $search (400), like Graph', async () => {
      h.fake.findTime.grant('test-token', ['People.Read']);
      const e = await failure(h.client().send('GET', '/me/people?$search=ana&$skip=10'));
      assert.equal(e.status, 400);
    });
  });

  describe('free/busy: POST /me/calendar/getSchedule', () => {
    it('computes each address from seeded busy blocks and the events it holds, in the order asked', async () => {
      h.fake.findTime.addBusy(ana, { startMs: day + 9 * H, endMs: day + 10 * H, status: 'busy' });
      h.fake.findTime.addBusy(ana, { startMs: day + 14 * H, endMs: day + 15 * H, status: 'tentative' });
      h.fake.seed({
        subject: 'Planning',
        startMs: day + 11 * H,
        endMs: day + 12 * H,
        attendees: [{ address: ben, type: 'required' }],
      });
      const result = await serviceOver(h.client()).getAvailability(
        availability([ben, ana, 'nobody@contoso.example']),
      );
      assert.ok(result.ok);
      const [b, a, nobody] = result.value;
      assert.equal(a?.email, ana);
      assert.equal(a?.availabilityView, `000000000200001000000000`);
      assert.deepEqual(a?.busy, [
        { start: '2030-01-07T09:00:00Z', end: '2030-01-07T10:00:00Z', status: 'busy' },
        { start: '2030-01-07T14:00:00Z', end: '2030-01-07T15:00:00Z', status: 'tentative' },
      ]);
      assert.equal(b?.availabilityView, `000000000002000000000000`);
      assert.deepEqual(b?.busy, [
        { start: '2030-01-07T11:00:00Z', end: '2030-01-07T12:00:00Z', status: 'busy' },
      ]);
      assert.equal(nobody?.email, 'nobody@contoso.example');
      assert.ok(nobody?.error, 'an unknown address comes back with an error, not a failed call');

      const [req] = sent(h.fake.requests, 'POST', '/me/calendar/getSchedule');
      assert.deepEqual(req?.body, {
        schedules: [ben, ana, 'nobody@contoso.example'],
        startTime: { dateTime: '2030-01-07T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2030-01-08T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 60,
      });
    });

    it('answers times in the Prefer zone, which the mapping reads back as instants', async () => {
      h.fake.findTime.addBusy(ana, { startMs: day + 9 * H, endMs: day + 10 * H, status: 'oof' });
      const answers = await requestSchedule(h.client(), availability([ana]));
      const item = (answers[0] as { value: { scheduleItems: { start: unknown }[] }[] }).value[0]
        ?.scheduleItems[0];
      assert.deepEqual(item?.start, {
        dateTime: '2030-01-07T10:00:00.0000000',
        timeZone: 'W. Europe Standard Time',
      });
      const result = await serviceOver(h.client()).getAvailability(availability([ana]));
      assert.deepEqual(result.ok && result.value[0]?.busy, [
        { start: '2030-01-07T09:00:00Z', end: '2030-01-07T10:00:00Z', status: 'oof' },
      ]);
    });

    it('20 addresses are one request; 45 are three (20, 20, 5), results still in the order asked', async () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@contoso.example`);
      const service = serviceOver(h.client());
      await service.getAvailability(availability(many(20)));
      assert.equal(sent(h.fake.requests, 'POST', '/me/calendar/getSchedule').length, 1);
      h.fake.requests.length = 0;
      const result = await service.getAvailability(availability(many(45)));
      const reqs = sent(h.fake.requests, 'POST', '/me/calendar/getSchedule');
      assert.deepEqual(
        reqs.map((r) => (r.body as { schedules: string[] }).schedules.length),
        [20, 20, 5],
      );
      assert.deepEqual(result.ok && result.value.map((a) => a.email), many(45));
    });

    it('refuses more than 20 addresses and a window of 62 days or more (400), like Graph', async () => {
      const body = (schedules: string[], days: number) => ({
        schedules,
        startTime: { dateTime: '2030-01-07T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: new Date(day + days * 24 * H).toISOString().slice(0, 19), timeZone: 'UTC' },
        availabilityViewInterval: 30,
      });
      const many = Array.from({ length: 21 }, (_, i) => `p${i}@contoso.example`);
      assert.equal(
        (await failure(h.client().send('POST', '/me/calendar/getSchedule', { body: body(many, 1) }))).status,
        400,
      );
      assert.equal(
        (await failure(h.client().send('POST', '/me/calendar/getSchedule', { body: body([ana], 62) })))
          .status,
        400,
      );
    });

    it('is refused for a token without calendar read access', async () => {
      h.fake.findTime.grant('test-token', ['People.Read']);
      const e = await failure(requestSchedule(h.client(), availability([ana])));
      assert.equal(e.status, 403);
    });
  });

  describe('suggested times: POST /me/findMeetingTimes', () => {
    const req = (over: Partial<FindMeetingTimesRequest> = {}): FindMeetingTimesRequest => ({
      attendees: [ana, ben],
      optionalAttendees: [],
      durationMinutes: 60,
      startMs: day + 8 * H,
      endMs: day + 13 * H,
      timeZone: 'UTC',
      ...over,
    });

    it("suggests free times best first, within working hours, with each attendee's availability", async () => {
      h.fake.findTime.addBusy(ana, { startMs: day + 8 * H, endMs: day + 10 * H, status: 'busy' });
      h.fake.findTime.addBusy(ben, { startMs: day + 11 * H, endMs: day + 12 * H, status: 'tentative' });
      const result = await serviceOver(h.client()).findMeetingTimes(req());
      assert.ok(result.ok);
      const best = result.value[0];
      assert.deepEqual(best, {
        start: '2030-01-07T10:00:00Z',
        end: '2030-01-07T11:00:00Z',
        confidence: 100,
        attendeeAvailability: [
          { email: ana, availability: 'free' },
          { email: ben, availability: 'free' },
        ],
      });
      for (let i = 1; i < result.value.length; i++)
        assert.ok(result.value[i - 1]!.confidence >= result.value[i]!.confidence, 'best first');
      for (const s of result.value) {
        assert.match(s.start, /Z$/);
        assert.ok(Date.parse(s.end) <= day + 13 * H);
      }
      const [sentReq] = sent(h.fake.requests, 'POST', '/me/findMeetingTimes');
      assert.deepEqual((sentReq?.body as { attendees: unknown }).attendees, [
        { type: 'required', emailAddress: { address: ana } },
        { type: 'required', emailAddress: { address: ben } },
      ]);
      assert.equal((sentReq?.body as { meetingDuration: string }).meetingDuration, 'PT1H');
    });

    it('answers no suggestion, with a reason, when nobody is free', async () => {
      h.fake.findTime.addBusy(ana, { startMs: day, endMs: day + 24 * H, status: 'oof' });
      h.fake.findTime.addBusy(ben, { startMs: day, endMs: day + 24 * H, status: 'busy' });
      const json = (await h.client().send('POST', '/me/findMeetingTimes', {
        body: {
          attendees: [
            { type: 'required', emailAddress: { address: ana } },
            { type: 'required', emailAddress: { address: ben } },
          ],
          timeConstraint: {
            timeSlots: [
              {
                start: { dateTime: '2030-01-07T08:00:00', timeZone: 'UTC' },
                end: { dateTime: '2030-01-07T13:00:00', timeZone: 'UTC' },
              },
            ],
          },
          meetingDuration: 'PT1H',
        },
      })) as { meetingTimeSuggestions: unknown[]; emptySuggestionsReason: string };
      assert.deepEqual(json.meetingTimeSuggestions, []);
      assert.equal(json.emptySuggestionsReason, 'attendeesUnavailable');
    });

    it('refuses a person attendee without a type (400), like Graph', async () => {
      const e = await failure(
        h.client().send('POST', '/me/findMeetingTimes', {
          body: { attendees: [{ emailAddress: { address: ana } }] },
        }),
      );
      assert.equal(e.status, 400);
    });
  });

  describe('rooms: GET /places/microsoft.graph.room', () => {
    beforeEach(() => {
      h.fake.findTime.addRooms([
        { email: 'fuji@contoso.example', name: 'Fuji', capacity: 8, building: 'North', floor: 2 },
        { email: 'alps@contoso.example', name: 'Alps', capacity: 4 },
      ]);
    });

    it('lists the rooms (Place.Read.All), by name', async () => {
      h.fake.findTime.grant('test-token', ['Calendars.ReadWrite', 'Place.Read.All']);
      const result = await serviceOver(h.client()).listRooms();
      assert.deepEqual(result, {
        ok: true,
        value: [
          { email: 'alps@contoso.example', name: 'Alps', capacity: 4 },
          { email: 'fuji@contoso.example', name: 'Fuji', capacity: 8, building: 'North', floor: 2 },
        ],
      });
    });

    it('is refused without Place.Read.All: unavailable, not consented', async () => {
      const result = await serviceOver(h.client()).listRooms();
      assert.equal(result.ok ? undefined : result.unavailable.reason, 'notConsented');
    });

    it("a room's free/busy comes from its seeded busy blocks", async () => {
      h.fake.findTime.addBusy('fuji@contoso.example', {
        startMs: day + 9 * H,
        endMs: day + 10 * H,
        status: 'busy',
      });
      const result = await serviceOver(h.client()).getAvailability(availability(['fuji@contoso.example']));
      assert.equal(result.ok && result.value[0]?.error, undefined);
      assert.equal(result.ok && result.value[0]?.busy.length, 1);
    });
  });

  describe('a personal Microsoft account', () => {
    beforeEach(() => {
      h.fake.setCalendar({
        allowedOnlineMeetingProviders: ['skypeForConsumer'],
        defaultOnlineMeetingProvider: 'skypeForConsumer',
      });
      h.fake.findTime.grant('test-token', ['Calendars.ReadWrite', 'People.Read', 'Place.Read.All']);
    });

    it('is refused every find-a-time request (403); each feature is unavailable: personal account', async () => {
      const service = serviceOver(h.client());
      const results = [
        await service.searchPeople('ana'),
        await service.getAvailability(availability([ana])),
        await service.findMeetingTimes({
          attendees: [ana],
          optionalAttendees: [],
          durationMinutes: 30,
          startMs: day + 8 * H,
          endMs: day + 12 * H,
          timeZone: 'UTC',
        }),
        await service.listRooms(),
      ];
      assert.deepEqual(
        results.map((r) => (r.ok ? 'ok' : `${r.unavailable.feature}:${r.unavailable.reason}`)),
        [
          'people:personalAccount',
          'availability:personalAccount',
          'suggestions:personalAccount',
          'rooms:personalAccount',
        ],
      );
    });
  });
});
