// Graph's "find a time" answers checked and mapped (src/services/findTime.ts), in plain Node: what is kept, what is
// left out, what makes an answer unreadable, and how a refusal becomes an unavailable feature.
import assert from 'node:assert/strict';
import type { AvailabilityRequest } from '../../src/core/findTime';
import { MeetingsError } from '../../src/graph/errors';
import type { FeatureAccess, FindTimeGraph } from '../../src/services/findTime';
import {
  FindTimeService,
  availabilityFromGraph,
  isUnreadableAnswerError,
  isoInstant,
  peopleFromGraph,
  roomsFromGraph,
  suggestionsFromGraph,
} from '../../src/services/findTime';

const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });

function unreadable(run: () => unknown): void {
  assert.throws(run, (e: unknown) => isUnreadableAnswerError(e));
}

describe('services/findTime: mapping Graph answers', () => {
  it('isoInstant: UTC with Z, milliseconds only when there are some', () => {
    assert.equal(isoInstant(Date.UTC(2030, 0, 7, 9)), '2030-01-07T09:00:00Z');
    assert.equal(isoInstant(Date.UTC(2030, 0, 7, 9, 0, 0, 5)), '2030-01-07T09:00:00.005Z');
  });

  it('people: the first valid address, the name (else the address), each address once', () => {
    const people = peopleFromGraph({
      value: [
        {
          displayName: 'Ana',
          scoredEmailAddresses: [{ address: 'not valid' }, { address: ' ana@contoso.example ' }],
        },
        { displayName: '', scoredEmailAddresses: [{ address: 'ben@contoso.example' }] },
        { displayName: 'Ana again', scoredEmailAddresses: [{ address: 'ANA@contoso.example' }] },
        { displayName: 'No address', scoredEmailAddresses: [] },
        'junk',
      ],
    });
    assert.deepEqual(people, [
      { email: 'ana@contoso.example', name: 'Ana' },
      { email: 'ben@contoso.example', name: 'ben@contoso.example' },
    ]);
    unreadable(() => peopleFromGraph({ value: 'x' }));
    unreadable(() => peopleFromGraph(null));
  });

  const req = (emails: string[]): AvailabilityRequest => ({
    emails,
    startMs: 0,
    endMs: 1,
    intervalMinutes: 30,
    timeZone: 'UTC',
  });

  it('free/busy: in the order asked (matched case-insensitively), free items left out, unknown statuses kept as unknown', () => {
    const result = availabilityFromGraph(
      [
        {
          value: [
            {
              scheduleId: 'BEN@contoso.example',
              availabilityView: '0120',
              scheduleItems: [
                { status: 'free', start: utc('2030-01-07T08:00:00'), end: utc('2030-01-07T09:00:00') },
                {
                  status: 'somethingNew',
                  start: utc('2030-01-07T10:00:00'),
                  end: utc('2030-01-07T11:00:00'),
                },
                {
                  status: 'busy',
                  start: utc('2030-01-07T09:00:00.0000000'),
                  end: utc('2030-01-07T10:00:00'),
                },
              ],
            },
            { scheduleId: 'x@contoso.example', availabilityView: '', error: { message: 'invalid user' } },
          ],
        },
      ],
      req(['x@contoso.example', 'ben@contoso.example']),
    );
    assert.deepEqual(result, [
      { email: 'x@contoso.example', availabilityView: '', busy: [], error: 'invalid user' },
      {
        email: 'ben@contoso.example',
        availabilityView: '0120',
        busy: [
          { start: '2030-01-07T09:00:00Z', end: '2030-01-07T10:00:00Z', status: 'busy' },
          { start: '2030-01-07T10:00:00Z', end: '2030-01-07T11:00:00Z', status: 'unknown' },
        ],
      },
    ]);
  });

  it('free/busy: an address left out, a view that is not digits or an unreadable time is an unreadable answer', () => {
    unreadable(() => availabilityFromGraph([{ value: [] }], req(['a@contoso.example'])));
    unreadable(() =>
      availabilityFromGraph(
        [{ value: [{ scheduleId: 'a@contoso.example', availabilityView: '0x' }] }],
        req(['a@contoso.example']),
      ),
    );
    unreadable(() =>
      availabilityFromGraph(
        [
          {
            value: [
              {
                scheduleId: 'a@contoso.example',
                scheduleItems: [{ status: 'busy', start: utc('yesterday'), end: utc('2030-01-07T10:00:00') }],
              },
            ],
          },
        ],
        req(['a@contoso.example']),
      ),
    );
  });

  it('suggestions: best first (confidence, then time), zones read as instants, attendees without an address left out', () => {
    const s = suggestionsFromGraph({
      emptySuggestionsReason: '',
      meetingTimeSuggestions: [
        {
          confidence: 50,
          meetingTimeSlot: { start: utc('2030-01-07T09:00:00'), end: utc('2030-01-07T10:00:00') },
          attendeeAvailability: [
            { attendee: { emailAddress: { address: 'a@contoso.example' } }, availability: 'busy' },
          ],
        },
        {
          confidence: 100,
          meetingTimeSlot: {
            start: { dateTime: '2030-01-07T12:00:00', timeZone: 'W. Europe Standard Time' },
            end: { dateTime: '2030-01-07T13:00:00', timeZone: 'W. Europe Standard Time' },
          },
          attendeeAvailability: [{ attendee: {}, availability: 'free' }],
        },
        {
          confidence: 100,
          meetingTimeSlot: { start: utc('2030-01-07T08:00:00'), end: utc('2030-01-07T09:00:00') },
        },
      ],
    });
    assert.deepEqual(
      s.map((x) => [x.start, x.confidence, x.attendeeAvailability.length]),
      [
        ['2030-01-07T08:00:00Z', 100, 0],
        ['2030-01-07T11:00:00Z', 100, 0],
        ['2030-01-07T09:00:00Z', 50, 1],
      ],
    );
    assert.deepEqual(suggestionsFromGraph({ emptySuggestionsReason: 'attendeesUnavailable' }), []);
    unreadable(() =>
      suggestionsFromGraph({ meetingTimeSuggestions: [{ confidence: 'high', meetingTimeSlot: {} }] }),
    );
  });

  it('rooms: by name, optional facts only when Graph gives them, rooms without an address left out', () => {
    assert.deepEqual(
      roomsFromGraph({
        value: [
          { emailAddress: 'b@contoso.example', displayName: 'B', capacity: null, floorNumber: 3 },
          { emailAddress: 'a@contoso.example', displayName: 'A', capacity: 6, building: 'N' },
          { displayName: 'No mail' },
        ],
      }),
      [
        { email: 'a@contoso.example', name: 'A', capacity: 6, building: 'N' },
        { email: 'b@contoso.example', name: 'B', floor: 3 },
      ],
    );
  });
});

describe('services/findTime: refusals', () => {
  function service(graph: Partial<FindTimeGraph>, access?: FeatureAccess): FindTimeService {
    return new FindTimeService({
      access: () => Promise.resolve(access ?? { ok: true, graph: graph as FindTimeGraph }),
      defaultTimeZone: () => 'UTC',
    });
  }
  const forbidden = () => Promise.reject(new MeetingsError({ kind: 'forbidden', status: 403 }));

  it('a 403 is notConsented for a work calendar, personalAccount for a consumer one, notConsented when that read fails', async () => {
    const work = await service({
      send: forbidden,
      onlineMeetingProviders: () => Promise.resolve({ allowed: ['teamsForBusiness'] }),
    }).listRooms();
    const personal = await service({
      send: forbidden,
      onlineMeetingProviders: () => Promise.resolve({ allowed: ['skypeForConsumer'] }),
    }).listRooms();
    const unknown = await service({ send: forbidden, onlineMeetingProviders: forbidden }).listRooms();
    assert.deepEqual(
      [work, personal, unknown].map((r) => (r.ok ? 'ok' : r.unavailable.reason)),
      ['notConsented', 'personalAccount', 'notConsented'],
    );
  });

  it('other errors are thrown; an unavailable access sends nothing; an empty search sends nothing', async () => {
    const server = new MeetingsError({ kind: 'server', status: 500 });
    await assert.rejects(service({ send: () => Promise.reject(server) }).listRooms(), (e) => e === server);
    let sent = 0;
    const counting = { send: () => ((sent += 1), Promise.resolve({ value: [] })) };
    const off = await service(counting, {
      ok: false,
      unavailable: { feature: 'people', reason: 'needsConsent', message: '' },
    }).searchPeople('ana');
    assert.equal(off.ok, false);
    assert.deepEqual(await service(counting).searchPeople('   '), { ok: true, value: [] });
    assert.equal(sent, 0);
  });

  it('validation throws InvalidArgumentsError naming the fields', () => {
    assert.throws(
      () => service({}).validateAvailability({ emails: ['x'], start: 'a', end: 'b' }),
      (e: unknown) =>
        e instanceof Error && e.name === 'InvalidArgumentsError' && /emails\[0\].*start.*end/.test(e.message),
    );
  });
});
