// Issue 13's pure form logic: the people lookup (debounce, supersede, cache), the entry being typed, the strip's
// layout and its screen-reader text, and the host's mapping of Graph's answers to the page's shapes.
import assert from 'node:assert/strict';
import {
  PEOPLE_PAGE,
  PeopleLookup,
  matchesQuery,
  busyText,
  entryAt,
  freeBusyRequestKey,
  personEntry,
  replaceEntry,
  stripRange,
  stripSegments,
  toAttendeeSchedule,
  toSuggestedTime,
} from '../../src/shared/findTimeModel';
import type { LookupClock } from '../../src/shared/findTimeModel';
import { requestPeople } from '../../src/graph/findTime';
import type { GraphSend } from '../../src/graph/findTime';

/** A clock the test moves by hand. */
function manualClock(): LookupClock & { advance(ms: number): void; now: number } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    get now() {
      return now;
    },
    setTimeout(fn, ms) {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

function lookup() {
  const clock = manualClock();
  const sent: { requestId: string; query: string }[] = [];
  const shown: { query: string; people: { name: string; address: string }[] }[] = [];
  let id = 0;
  const l = new PeopleLookup({
    send: (requestId, query) => sent.push({ requestId, query }),
    show: (query, people) => shown.push({ query, people }),
    clock,
    newId: () => `q${++id}`,
  });
  return { l, clock, sent, shown };
}

const ana = { name: 'Ana Lima', address: 'ana@contoso.com' };

describe('PeopleLookup: at most one request per pause, the latest answer only, cached', () => {
  it('sends one request for a 10-character name typed with 120 ms between keys', () => {
    const { l, clock, sent } = lookup();
    let typed = '';
    for (const ch of 'Ana Lima B') {
      typed += ch;
      l.type(typed);
      clock.advance(120);
    }
    clock.advance(250);
    assert.deepEqual(sent, [{ requestId: 'q1', query: 'Ana Lima B' }]);
  });

  it('waits ~250 ms after the last key', () => {
    const { l, clock, sent } = lookup();
    l.type('ana');
    clock.advance(249);
    assert.equal(sent.length, 0);
    clock.advance(1);
    assert.equal(sent.length, 1);
  });

  it('sends nothing for fewer than 2 characters, and clears what shows', () => {
    const { l, clock, sent, shown } = lookup();
    l.type(' a ');
    clock.advance(1000);
    assert.equal(sent.length, 0);
    assert.deepEqual(shown, [{ query: '', people: [] }]);
  });

  it('shows only the answer to the latest request; an earlier one is cached but not shown', () => {
    const { l, clock, sent, shown } = lookup();
    l.type('ana');
    clock.advance(300);
    l.type('ana l');
    clock.advance(300);
    assert.equal(sent.length, 2);
    assert.equal(l.superseded('q1'), true);
    l.answer('q1', [ana]);
    assert.deepEqual(shown, []);
    l.answer('q2', [ana]);
    assert.deepEqual(shown, [{ query: 'ana l', people: [ana] }]);
    // Back to 'ana': cached, shown at once, nothing sent.
    l.type('ana');
    clock.advance(1000);
    assert.equal(sent.length, 2);
    assert.deepEqual(shown.at(-1), { query: 'ana', people: [ana] });
  });

  it('caches case- and space-insensitively for the life of the lookup', () => {
    const { l, clock, sent, shown } = lookup();
    l.type('Ana');
    clock.advance(300);
    l.answer('q1', [ana]);
    l.type('  ana ');
    clock.advance(300);
    assert.equal(sent.length, 1);
    assert.equal(shown.length, 2);
  });

  it('a longer query within a complete answer (fewer people than a page) is filtered here, not sent', () => {
    const { l, clock, sent, shown } = lookup();
    const anders = { name: 'Anders Berg', address: 'anders@contoso.com' };
    l.type('an');
    clock.advance(300);
    l.answer('q1', [ana, anders]);
    l.type('ana l');
    clock.advance(300);
    assert.equal(sent.length, 1);
    assert.deepEqual(shown.at(-1), { query: 'ana l', people: [ana] });
    l.type('ber');
    clock.advance(300);
    assert.equal(sent.length, 2, 'not a longer form of a searched query');
  });

  it('a full page of people is not taken as complete: the longer query is sent', () => {
    const { l, clock, sent } = lookup();
    l.type('an');
    clock.advance(300);
    l.answer(
      'q1',
      Array.from({ length: PEOPLE_PAGE }, (_, i) => ({ name: `Ana ${i}`, address: `ana${i}@contoso.com` })),
    );
    l.type('ana l');
    clock.advance(300);
    assert.equal(sent.length, 2);
  });

  it('keeps its page size equal to the $top of the host people search', async () => {
    let path = '';
    const graph = {
      send: (_method: string, p: string) => {
        path = p;
        return Promise.resolve({ value: [] });
      },
    } as unknown as GraphSend;
    await requestPeople(graph, 'ana');
    assert.equal(new URL(path, 'https://graph.example').searchParams.get('$top'), String(PEOPLE_PAGE));
  });

  it('matches each typed word to the start of a word of the name or address', () => {
    assert.equal(matchesQuery(ana, 'ana li'), true);
    assert.equal(matchesQuery(ana, 'lima'), true);
    assert.equal(matchesQuery(ana, 'contoso'), true);
    assert.equal(matchesQuery(ana, 'ima'), false);
    assert.equal(matchesQuery(ana, 'ana@con'), true);
  });

  it('a failed or cancelled request is not cached, and cancel stops a pending one', () => {
    const { l, clock, sent } = lookup();
    l.type('ana');
    clock.advance(300);
    l.failed('q1');
    l.type('ana');
    clock.advance(300);
    assert.equal(sent.length, 2);
    l.type('bob');
    l.cancel();
    clock.advance(1000);
    assert.equal(sent.length, 2);
  });
});

describe('the attendee entry at the caret', () => {
  it('finds the entry between separators, and replaces it with the chosen person', () => {
    const text = 'bob@contoso.com\nan';
    const entry = entryAt(text, text.length);
    assert.deepEqual(entry, { start: 16, end: 18, query: 'an' });
    const out = replaceEntry(text, entry, ana);
    assert.equal(out.text, 'bob@contoso.com\nAna Lima <ana@contoso.com>\n');
    assert.equal(out.caret, out.text.length);
  });

  it('keeps what follows, and works after a semicolon', () => {
    const text = 'bob@contoso.com; an; carl@contoso.com';
    const entry = entryAt(text, 19);
    assert.equal(entry.query, 'an');
    assert.equal(
      replaceEntry(text, entry, ana).text,
      'bob@contoso.com; Ana Lima <ana@contoso.com>; carl@contoso.com',
    );
  });

  it('quotes a name with a comma, and writes a nameless person as the address', () => {
    assert.equal(
      personEntry({ name: 'Lima, Ana', address: 'ana@contoso.com' }),
      '"Lima, Ana" <ana@contoso.com>',
    );
    assert.equal(personEntry({ name: '', address: 'ana@contoso.com' }), 'ana@contoso.com');
    assert.equal(personEntry({ name: 'a<b>"c', address: 'x@y.z' }), 'abc <x@y.z>');
  });
});

describe('the free/busy strip', () => {
  const slot = { start: 600, end: 630 };
  it('shows 08:00-18:00 by default and stretches to whole hours around the slot and the blocks', () => {
    assert.deepEqual(stripRange([], slot), { from: 480, to: 1080 });
    assert.deepEqual(stripRange([{ start: 420, end: 450, status: 'busy' }], { start: 1110, end: 1140 }), {
      from: 420,
      to: 1140,
    });
    // Free blocks and all-day blocks do not stretch it past the working day.
    assert.deepEqual(stripRange([{ start: 0, end: 1440, status: 'oof' }], slot), { from: 480, to: 1080 });
  });

  it('lays blocks out in percent of the range, clipped, free ones left out', () => {
    const range = { from: 480, to: 1080 };
    assert.deepEqual(
      stripSegments(
        [
          { start: 420, end: 540, status: 'busy' },
          { start: 600, end: 660, status: 'tentative' },
          { start: 700, end: 710, status: 'free' },
        ],
        range,
      ),
      [
        { left: 0, width: 10, status: 'busy' },
        { left: 20, width: 10, status: 'tentative' },
      ],
    );
  });

  it('reads as a sentence: "Ana: busy 10:00 to 11:00"', () => {
    const words = {
      busy: 'busy',
      tentative: 'tentative',
      oof: 'away',
      workingElsewhere: 'working elsewhere',
      unknown: 'unknown',
      free: 'free',
    };
    const t = {
      line: '{name}: {blocks}',
      block: '{status} {start} to {end}',
      free: '{name}: free all day',
      unknown: "{name}: free/busy can't be seen",
      words,
    };
    assert.equal(
      busyText('Ana', { address: 'ana@contoso.com', busy: [{ start: 600, end: 660, status: 'busy' }] }, t),
      'Ana: busy 10:00 to 11:00',
    );
    assert.equal(
      busyText(
        'Ana',
        {
          address: 'a',
          busy: [
            { start: 540, end: 570, status: 'tentative' },
            { start: 600, end: 1440, status: 'oof' },
          ],
        },
        t,
      ),
      'Ana: tentative 09:00 to 09:30, away 10:00 to 24:00',
    );
    assert.equal(
      busyText('Ana', { address: 'a', busy: [{ start: 1, end: 2, status: 'free' }] }, t),
      'Ana: free all day',
    );
    assert.equal(
      busyText('Ana', { address: 'a', busy: [], unknown: true }, t),
      "Ana: free/busy can't be seen",
    );
  });

  it('one request per change: the key ignores order, case and duplicates', () => {
    const a = freeBusyRequestKey(['B@x.com', 'a@x.com', 'b@x.com'], '2030-06-03', 'Europe/Berlin');
    assert.equal(a, freeBusyRequestKey(['a@x.com', 'b@x.com'], '2030-06-03', 'Europe/Berlin'));
    assert.notEqual(a, freeBusyRequestKey(['a@x.com', 'b@x.com'], '2030-06-04', 'Europe/Berlin'));
  });
});

describe("mapping Graph's answers to the page's shapes (host side)", () => {
  it('turns busy blocks in instants into minutes of the asked day in its zone, clipped', () => {
    const schedule = toAttendeeSchedule(
      {
        email: 'ana@contoso.com',
        availabilityView: '0220',
        busy: [
          { start: '2030-06-03T08:00:00Z', end: '2030-06-03T09:00:00Z', status: 'busy' },
          { start: '2030-06-02T20:00:00Z', end: '2030-06-03T05:00:00Z', status: 'oof' },
        ],
      },
      '2030-06-03',
      'Europe/Berlin',
    );
    assert.deepEqual(schedule, {
      address: 'ana@contoso.com',
      busy: [
        { start: 600, end: 660, status: 'busy' },
        { start: 0, end: 420, status: 'oof' },
      ],
    });
  });

  it('marks an address Graph could not read as unknown', () => {
    assert.deepEqual(
      toAttendeeSchedule(
        { email: 'x@else.com', availabilityView: '', busy: [], error: 'not found' },
        '2030-06-03',
        'UTC',
      ),
      { address: 'x@else.com', busy: [], unknown: true },
    );
  });

  it('turns a suggestion into wall times in the form zone', () => {
    assert.deepEqual(
      toSuggestedTime(
        {
          start: '2030-06-03T08:00:00Z',
          end: '2030-06-03T08:30:00Z',
          confidence: 87.5,
          attendeeAvailability: [{ email: 'ana@contoso.com', availability: 'free' }],
        },
        'Europe/Berlin',
      ),
      {
        start: '2030-06-03T10:00',
        end: '2030-06-03T10:30',
        confidence: 87.5,
        attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
      },
    );
  });
});
