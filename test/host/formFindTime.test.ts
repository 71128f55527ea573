// The form's find-a-time requests on the host (src/host/formFindTime.ts): each page request becomes one service call
// with the day's window in the form's zone, earlier requests of a feature are aborted, answers are mapped to the
// page's shapes, a feature the account or tenant does not allow hides itself with its line, and Allow is the only
// request that may prompt. The service itself (Graph requests, the fake) is tested in test/services.
import assert from 'node:assert/strict';
import { FormFindTime } from '../../src/host/formFindTime';
import type { FormFindTimeDeps } from '../../src/host/formFindTime';
import type { ToWebview } from '../../src/shared/protocol';

type Call = { method: string; args: unknown[]; signal?: AbortSignal; interactive?: boolean };

function setup(over: Partial<Record<string, (...args: unknown[]) => Promise<unknown>>> = {}) {
  const calls: Call[] = [];
  const posted: ToWebview[] = [];
  const record =
    (method: string, answer: unknown) =>
    (...args: unknown[]): Promise<unknown> => {
      const opts = args.at(-1) as { signal?: AbortSignal; interactive?: boolean };
      calls.push({ method, args: args.slice(0, -1), signal: opts.signal, interactive: opts.interactive });
      return over[method] ? over[method](...args) : Promise.resolve(answer);
    };
  const deps: FormFindTimeDeps = {
    service: () =>
      ({
        searchPeople: record('searchPeople', {
          ok: true,
          value: [
            { email: 'ana@contoso.com', name: 'Ana Lima' },
            { email: 'bob@contoso.com', name: 'bob@contoso.com' },
          ],
        }),
        getAvailability: record('getAvailability', {
          ok: true,
          value: [
            { email: 'me@contoso.com', availabilityView: '', busy: [] },
            {
              email: 'ana@contoso.com',
              availabilityView: '',
              busy: [{ start: '2030-06-03T08:00:00Z', end: '2030-06-03T09:00:00Z', status: 'busy' }],
            },
          ],
        }),
        findMeetingTimes: record('findMeetingTimes', {
          ok: true,
          value: [
            {
              start: '2030-06-03T12:00:00Z',
              end: '2030-06-03T12:30:00Z',
              confidence: 100,
              attendeeAvailability: [{ email: 'ana@contoso.com', availability: 'free' }],
            },
          ],
        }),
        listRooms: record('listRooms', {
          ok: true,
          value: [{ email: 'r1@contoso.com', name: 'Room 1', capacity: 8 }],
        }),
      }) as unknown as ReturnType<FormFindTimeDeps['service']>,
    allow: (feature) => {
      calls.push({ method: 'allow', args: [feature] });
      return Promise.resolve({ ok: true });
    },
    organizer: () => Promise.resolve('me@contoso.com'),
    describeUnavailable: (u) => `${u.feature}: ${u.reason}`,
    describeError: () => 'Network trouble.',
    post: (m) => posted.push(m),
    log: () => undefined,
  };
  return { handler: new FormFindTime(deps), calls, posted };
}

describe('the form find-a-time handler (host)', () => {
  it('searches people without prompting and answers with names and addresses', async () => {
    const { handler, calls, posted } = setup();
    await handler.handle({ type: 'peopleQuery', requestId: 'p1', query: 'ana' });
    assert.equal(calls[0].method, 'searchPeople');
    assert.deepEqual(calls[0].args, ['ana']);
    assert.equal(calls[0].interactive, false);
    assert.deepEqual(posted, [
      {
        type: 'people',
        requestId: 'p1',
        people: [
          { name: 'Ana Lima', address: 'ana@contoso.com' },
          { name: '', address: 'bob@contoso.com' },
        ],
      },
    ]);
  });

  it('aborts the earlier request of a feature when a new one comes, and says nothing for it', async () => {
    let release: () => void = () => undefined;
    const { handler, calls, posted } = setup({
      searchPeople: (q) =>
        q === 'an'
          ? new Promise((resolve) => {
              release = () => resolve({ ok: true, value: [] });
            })
          : Promise.resolve({ ok: true, value: [] }),
    });
    const first = handler.handle({ type: 'peopleQuery', requestId: 'p1', query: 'an' });
    await handler.handle({ type: 'peopleQuery', requestId: 'p2', query: 'ana' });
    assert.equal(calls[0].signal?.aborted, true);
    assert.equal(calls[1].signal?.aborted, false);
    release();
    await first;
    assert.deepEqual(
      posted.map((m) => ('requestId' in m ? m.requestId : m.type)),
      ['p2'],
    );
  });

  it('asks free/busy for the organizer and every valid address once, over the day in the form zone', async () => {
    const { handler, calls, posted } = setup();
    await handler.handle({
      type: 'freeBusyQuery',
      requestId: 'f1',
      addresses: ['ana@contoso.com', 'ANA@contoso.com', 'not an address'],
      day: '2030-06-03',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(calls.length, 1);
    const req = calls[0].args[0] as { emails: string[]; startMs: number; endMs: number; timeZone: string };
    assert.deepEqual(req.emails, ['me@contoso.com', 'ana@contoso.com']);
    assert.equal(new Date(req.startMs).toISOString(), '2030-06-02T22:00:00.000Z');
    assert.equal(new Date(req.endMs).toISOString(), '2030-06-03T22:00:00.000Z');
    assert.deepEqual(posted, [
      {
        type: 'freeBusy',
        requestId: 'f1',
        schedules: [
          { address: 'me@contoso.com', organizer: true, busy: [] },
          { address: 'ana@contoso.com', busy: [{ start: 600, end: 660, status: 'busy' }] },
        ],
      },
    ]);
  });

  it('refuses a day in an unknown zone without asking Graph', async () => {
    const { handler, calls, posted } = setup();
    await handler.handle({
      type: 'freeBusyQuery',
      requestId: 'f1',
      addresses: [],
      day: '2030-06-03',
      timeZone: 'Mars/Olympus',
    });
    assert.equal(calls.length, 0);
    assert.equal(posted[0].type, 'findTimeFailed');
  });

  it('suggests times on the day in the form zone, prompting if needed (a button press), as wall times', async () => {
    const { handler, calls, posted } = setup();
    await handler.handle({
      type: 'timesQuery',
      requestId: 't1',
      attendees: ['ana@contoso.com'],
      optionalAttendees: ['bob@contoso.com'],
      durationMinutes: 30,
      day: '2030-06-03',
      timeZone: 'Europe/Berlin',
    });
    const req = calls[0].args[0] as {
      attendees: string[];
      optionalAttendees: string[];
      durationMinutes: number;
    };
    assert.deepEqual(req.attendees, ['ana@contoso.com']);
    assert.deepEqual(req.optionalAttendees, ['bob@contoso.com']);
    assert.equal(req.durationMinutes, 30);
    assert.equal(calls[0].interactive, true);
    assert.deepEqual(posted, [
      {
        type: 'times',
        requestId: 't1',
        suggestions: [
          {
            start: '2030-06-03T14:00',
            end: '2030-06-03T14:30',
            confidence: 100,
            attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
          },
        ],
      },
    ]);
  });

  it('lists rooms', async () => {
    const { handler, posted } = setup();
    await handler.handle({ type: 'roomsQuery', requestId: 'r1' });
    assert.deepEqual(posted, [
      { type: 'rooms', requestId: 'r1', rooms: [{ name: 'Room 1', address: 'r1@contoso.com' }] },
    ]);
  });

  it('hides a feature the account cannot have, with its line; one not yet allowed offers to ask', async () => {
    const { handler, posted } = setup({
      listRooms: () =>
        Promise.resolve({
          ok: false,
          unavailable: { feature: 'rooms', reason: 'personalAccount', message: 'x' },
        }),
      searchPeople: () =>
        Promise.resolve({
          ok: false,
          unavailable: { feature: 'people', reason: 'needsConsent', message: 'x' },
        }),
    });
    await handler.handle({ type: 'roomsQuery', requestId: 'r1' });
    await handler.handle({ type: 'peopleQuery', requestId: 'p1', query: 'ana' });
    assert.deepEqual(posted, [
      {
        type: 'feature',
        feature: 'rooms',
        state: { state: 'unavailable', reason: 'rooms: personalAccount' },
      },
      { type: 'feature', feature: 'people', state: { state: 'ask', reason: 'people: needsConsent' } },
    ]);
  });

  it('Allow asks with a prompt and says the feature is available, or why not', async () => {
    const { handler, calls, posted } = setup();
    await handler.handle({ type: 'allowFeature', feature: 'people' });
    assert.deepEqual(calls, [{ method: 'allow', args: ['people'] }]);
    assert.deepEqual(posted, [{ type: 'feature', feature: 'people', state: { state: 'available' } }]);
  });

  it('a failed request says so in one line for that request; the form goes on', async () => {
    const { handler, posted } = setup({ getAvailability: () => Promise.reject(new Error('socket hang up')) });
    await handler.handle({
      type: 'freeBusyQuery',
      requestId: 'f1',
      addresses: [],
      day: '2030-06-03',
      timeZone: 'UTC',
    });
    assert.deepEqual(posted, [
      { type: 'findTimeFailed', requestId: 'f1', feature: 'availability', message: 'Network trouble.' },
    ]);
  });

  it('dispose aborts every request in flight', async () => {
    let signal: AbortSignal | undefined;
    const { handler } = setup({
      listRooms: (opts) => {
        signal = (opts as { signal: AbortSignal }).signal;
        return new Promise(() => undefined);
      },
    });
    void handler.handle({ type: 'roomsQuery', requestId: 'r1' });
    await Promise.resolve();
    handler.dispose();
    assert.equal(signal?.aborted, true);
  });
});
