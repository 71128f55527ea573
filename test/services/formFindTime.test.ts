// The form's find-a-time requests end to end on the host: src/host/formFindTime.ts over the real FindTimeService and
// Graph client against the fake Graph over HTTPS. The page's day and zone become Graph's window, and Graph's answers
// come back as the page's minutes and wall times in the form's zone.
import assert from 'node:assert/strict';
import { MeetingsClient } from '../../src/graph/client';
import { FormFindTime } from '../../src/host/formFindTime';
import { FindTimeService } from '../../src/services/findTime';
import type { ToWebview } from '../../src/shared/protocol';
import type { FakeGraph } from '../fake/fakeGraph';
import { startFakeGraph } from '../fake/fakeGraph';
import { findTimeOverFake } from '../fake/findTimeService';
import type { TrustingFetch } from '../fake/trustFetch';
import { fetchTrusting } from '../fake/trustFetch';

describe('the form find-a-time requests over the fake Graph (HTTPS)', () => {
  let fake: FakeGraph;
  let trust: TrustingFetch;
  let posted: ToWebview[];
  let handler: FormFindTime;

  beforeEach(async () => {
    fake = await startFakeGraph();
    trust = fetchTrusting(fake.caPem);
    const service = findTimeOverFake({ MeetingsClient, FindTimeService }, fake, trust.fetch);
    posted = [];
    handler = new FormFindTime({
      service: () => service,
      allow: () => Promise.resolve({ ok: true }),
      organizer: () => Promise.resolve(fake.user.address),
      describeUnavailable: (u) => u.message,
      describeError: (e) => (e instanceof Error ? e.message : String(e)),
      post: (m) => posted.push(m),
      log: () => undefined,
    });
    // A Wednesday; Ana busy 08:00-11:00 in Berlin (06:00-09:00 UTC); the mailbox works 08:00-17:00 in Berlin.
    fake.findTime.setWorkingHours({ zone: 'Europe/Berlin', startHour: 8, endHour: 17 });
    fake.findTime.addBusy('ana@contoso.example', {
      startMs: Date.UTC(2030, 5, 5, 6),
      endMs: Date.UTC(2030, 5, 5, 9),
      status: 'busy',
    });
  });

  afterEach(async () => {
    await fake.close();
    await trust.close();
  });

  it('suggests times in the working hours of the asked day, as wall times in the form zone', async () => {
    await handler.handle({
      type: 'timesQuery',
      requestId: 't1',
      attendees: ['ana@contoso.example'],
      optionalAttendees: [],
      durationMinutes: 30,
      day: '2030-06-05',
      timeZone: 'Europe/Berlin',
    });
    const answer = posted[0];
    assert.equal(answer?.type, 'times');
    if (answer?.type !== 'times') return;
    assert.deepEqual(answer.suggestions[0], {
      start: '2030-06-05T11:00',
      end: '2030-06-05T11:30',
      confidence: 100,
      attendees: [{ address: 'ana@contoso.example', availability: 'free' }],
    });
    assert.ok(answer.suggestions.every((s) => s.start >= '2030-06-05T11:00' && s.end <= '2030-06-05T17:00'));
    assert.equal(fake.requests.filter((r) => r.path.endsWith('/me/findMeetingTimes')).length, 1);
  });

  it('reads free/busy of the organizer and every attendee in one request, as minutes of the day', async () => {
    await handler.handle({
      type: 'freeBusyQuery',
      requestId: 'f1',
      addresses: ['ana@contoso.example'],
      day: '2030-06-05',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(fake.requests.filter((r) => r.path.endsWith('/me/calendar/getSchedule')).length, 1);
    const answer = posted[0];
    assert.equal(answer?.type, 'freeBusy');
    if (answer?.type !== 'freeBusy') return;
    assert.deepEqual(
      answer.schedules.map((s) => s.address),
      [fake.user.address, 'ana@contoso.example'],
    );
    assert.equal(answer.schedules[0]?.organizer, true);
    assert.deepEqual(answer.schedules[1]?.busy, [{ start: 480, end: 660, status: 'busy' }]);
  });
});
