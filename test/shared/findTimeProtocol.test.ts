// Issue 13's messages both ways: the host checks every page request, the page every answer.
import assert from 'node:assert/strict';
import { defaultFormValues } from '../../src/shared/formModel';
import { dispatchFormMessage } from '../../src/host/formDispatch';
import type { FormMessageHandlers } from '../../src/host/formDispatch';
import { parseFromWebview, parseToWebview, protocolLimits } from '../../src/shared/protocol';

const people = { type: 'peopleQuery', requestId: 'p1', query: 'ana' };
const freeBusy = {
  type: 'freeBusyQuery',
  requestId: 'f1',
  addresses: ['ana@contoso.com'],
  day: '2030-06-03',
  timeZone: 'Europe/Berlin',
};
const times = {
  type: 'timesQuery',
  requestId: 't1',
  attendees: ['ana@contoso.com'],
  optionalAttendees: [],
  durationMinutes: 30,
  day: '2030-06-03',
  timeZone: 'Europe/Berlin',
};
const rooms = { type: 'roomsQuery', requestId: 'r1' };
const allow = { type: 'allowFeature', feature: 'people' };

describe('issue 13 page requests (parseFromWebview)', () => {
  it('accepts each well-formed request as a copy', () => {
    for (const m of [people, freeBusy, times, rooms, allow]) {
      const parsed = parseFromWebview(m);
      assert.deepEqual(parsed, m);
      assert.notEqual(parsed, m);
    }
  });

  const bad: [string, unknown][] = [
    ['an extra key', { ...people, extra: 1 }],
    ['no requestId', { type: 'peopleQuery', query: 'a' }],
    ['an empty requestId', { ...people, requestId: '' }],
    ['a query object', { ...people, query: { q: 'a' } }],
    ['an oversized query', { ...people, query: 'a'.repeat(protocolLimits.query + 1) }],
    ['addresses as text', { ...freeBusy, addresses: 'ana@contoso.com' }],
    ['too many addresses', { ...freeBusy, addresses: Array(protocolLimits.attendees + 1).fill('a@b.co') }],
    ['an oversized address', { ...freeBusy, addresses: ['a'.repeat(protocolLimits.attendee + 1)] }],
    ['a day with a time', { ...freeBusy, day: '2030-06-03T10:00' }],
    ['no zone', { ...freeBusy, timeZone: '' }],
    ['a fractional duration', { ...times, durationMinutes: 1.5 }],
    ['a zero duration', { ...times, durationMinutes: 0 }],
    ['a duration over a day', { ...times, durationMinutes: 1441 }],
    ['a duration as text', { ...times, durationMinutes: '30' }],
    ['no optional attendees', { ...times, optionalAttendees: undefined }],
    ['rooms with a query', { ...rooms, query: 'x' }],
    ['an unknown feature', { type: 'allowFeature', feature: 'calendar' }],
  ];
  for (const [name, msg] of bad) {
    it(`refuses ${name}`, () => assert.equal(parseFromWebview(msg), undefined));
  }

  it('hands a request to the find-time handler only when it passes', async () => {
    const seen: unknown[] = [];
    const handlers = {
      findTime: (m: unknown) => {
        seen.push(m);
        return Promise.resolve();
      },
      rejected: () => seen.push('rejected'),
    } as unknown as FormMessageHandlers;
    assert.equal(await dispatchFormMessage(people, handlers), 'findTime');
    assert.equal(await dispatchFormMessage({ ...people, query: 5 }, handlers), 'rejected');
    assert.deepEqual(seen, [people, 'rejected']);
  });
});

describe('issue 13 host answers (parseToWebview)', () => {
  const good = [
    { type: 'people', requestId: 'p1', people: [{ name: 'Ana Lima', address: 'ana@contoso.com' }] },
    { type: 'rooms', requestId: 'r1', rooms: [{ name: 'Room 1', address: 'room1@contoso.com' }] },
    {
      type: 'freeBusy',
      requestId: 'f1',
      schedules: [
        { address: 'me@contoso.com', organizer: true, busy: [{ start: 600, end: 660, status: 'busy' }] },
        { address: 'x@elsewhere.com', busy: [], unknown: true },
      ],
    },
    {
      type: 'times',
      requestId: 't1',
      suggestions: [
        {
          start: '2030-06-03T10:00',
          end: '2030-06-03T10:30',
          confidence: 100,
          attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
        },
      ],
    },
    { type: 'times', requestId: 't1', suggestions: [], reason: 'Nobody is free.' },
    { type: 'feature', feature: 'rooms', state: { state: 'unavailable', reason: 'Needs admin consent.' } },
    { type: 'feature', feature: 'people', state: { state: 'available' } },
    { type: 'findTimeFailed', requestId: 'p1', feature: 'people', message: 'Offline.' },
  ];
  it('accepts each well-formed answer', () => {
    for (const m of good) assert.deepEqual(parseToWebview(m), m, JSON.stringify(m));
  });

  const bad: [string, unknown][] = [
    ['a person without an address', { type: 'people', requestId: 'p', people: [{ name: 'A' }] }],
    [
      'a person with markup keys',
      { type: 'people', requestId: 'p', people: [{ name: 'A', address: 'a', html: 1 }] },
    ],
    [
      'a block past midnight',
      {
        type: 'freeBusy',
        requestId: 'f',
        schedules: [{ address: 'a', busy: [{ start: 0, end: 1441, status: 'busy' }] }],
      },
    ],
    [
      'a block ending before it starts',
      {
        type: 'freeBusy',
        requestId: 'f',
        schedules: [{ address: 'a', busy: [{ start: 60, end: 0, status: 'busy' }] }],
      },
    ],
    [
      'an unknown status',
      {
        type: 'freeBusy',
        requestId: 'f',
        schedules: [{ address: 'a', busy: [{ start: 0, end: 1, status: 'away' }] }],
      },
    ],
    [
      'a suggestion with an instant',
      {
        type: 'times',
        requestId: 't',
        suggestions: [
          { start: '2030-06-03T10:00:00Z', end: '2030-06-03T10:30', confidence: 1, attendees: [] },
        ],
      },
    ],
    [
      'a confidence over 100',
      {
        type: 'times',
        requestId: 't',
        suggestions: [{ start: '2030-06-03T10:00', end: '2030-06-03T10:30', confidence: 101, attendees: [] }],
      },
    ],
    [
      'an unavailable state without reason',
      { type: 'feature', feature: 'rooms', state: { state: 'unavailable' } },
    ],
    [
      'too many people',
      {
        type: 'people',
        requestId: 'p',
        people: Array(protocolLimits.answerItems + 1).fill({ name: '', address: 'a' }),
      },
    ],
  ];
  for (const [name, msg] of bad) {
    it(`refuses ${name}`, () => assert.equal(parseToWebview(msg), undefined));
  }

  it("checks the init's feature states: all four, each well formed", () => {
    const states = {
      people: { state: 'available' },
      availability: { state: 'unavailable', reason: 'Personal accounts have no free/busy.' },
      suggestions: { state: 'unavailable', reason: 'Personal accounts have no free/busy.' },
      rooms: { state: 'ask', reason: 'Rooms need permission to read places.' },
    };
    const init = {
      type: 'init',
      mode: 'schedule',
      values: defaultFormValues(new Date(Date.UTC(2030, 5, 3, 8)), 'Europe/Berlin', 30),
      teams: { enabled: true },
      strings: {},
      messages: {},
      timeZones: [],
      maxAttendees: 500,
    };
    assert.ok(parseToWebview({ ...init, findTime: states }));
    assert.equal(parseToWebview({ ...init, findTime: { ...states, rooms: undefined } }), undefined);
    assert.equal(parseToWebview({ ...init, findTime: { ...states, people: { state: 'ask' } } }), undefined);
  });
});
