import assert from 'node:assert/strict';
import {
  convertGraphDateTime,
  graphDateTimeToEpochMs,
  instantToWall,
  isKnownTimeZone,
  parseIsoDateTime,
  toGraphDateTime,
  toIanaZone,
  toWindowsZone,
  userTimeZone,
  wallToInstant,
  zoneOffsetMs,
} from '../../src/core/datetime';
import type { WallTime } from '../../src/core/datetime';

function wall(text: string): WallTime {
  const parsed = parseIsoDateTime(text);
  assert.ok(parsed && parsed.kind === 'wall', `expected a wall time: ${text}`);
  return parsed.wall;
}

const HOUR = 3_600_000;

describe('core datetime: parsing', () => {
  it('reads wall times with and without seconds and fractions', () => {
    assert.deepEqual(wall('2026-03-29T14:30'), {
      year: 2026,
      month: 3,
      day: 29,
      hour: 14,
      minute: 30,
      second: 0,
      millisecond: 0,
    });
    assert.equal(wall('2026-03-29T14:30:15').second, 15);
    assert.equal(wall('2017-04-15T11:00:00.1234567').millisecond, 123);
    assert.equal(wall('2017-04-15T11:00:00.5').millisecond, 500);
  });

  it('reads offsets as exact instants', () => {
    assert.deepEqual(parseIsoDateTime('2026-03-29T14:30:00Z'), {
      kind: 'instant',
      epochMs: Date.UTC(2026, 2, 29, 14, 30),
      offsetMinutes: 0,
    });
    const plus = parseIsoDateTime('2026-03-29T14:30+02:00');
    assert.equal(plus?.kind === 'instant' && plus.epochMs, Date.UTC(2026, 2, 29, 12, 30));
    const minus = parseIsoDateTime('2026-03-29T14:30-0530');
    assert.equal(minus?.kind === 'instant' && minus.epochMs, Date.UTC(2026, 2, 29, 20, 0));
    const hoursOnly = parseIsoDateTime('2026-03-29T14:30+05');
    assert.equal(hoursOnly?.kind === 'instant' && hoursOnly.epochMs, Date.UTC(2026, 2, 29, 9, 30));
  });

  for (const bad of [
    '',
    '2026-02-30T10:00',
    '2025-02-29T10:00',
    '2026-13-01T10:00',
    '2026-04-31T10:00',
    '2026-03-29T24:00',
    '2026-03-29T10:60',
    '2026-03-29T10:00:60',
    '2026-03-29',
    '2026-03-29 10:00',
    '26-03-29T10:00',
    '2026-3-29T10:00',
    '2026-03-29T10',
    '2026-03-29T10:00+25:00',
    '2026-03-29T10:00+02:60',
    '2026-03-29T10:00Zjunk',
    ' 2026-03-29T10:00',
    '0000-01-01T00:00',
    'tomorrow at ten',
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.equal(parseIsoDateTime(bad), undefined);
    });
  }

  it('accepts Feb 29 in a leap year', () => {
    assert.equal(wall('2028-02-29T09:00').day, 29);
  });
});

describe('core datetime: zones and DST', () => {
  it('converts instants to wall times on both sides of the Berlin spring switch (2026-03-29)', () => {
    assert.deepEqual(instantToWall(Date.UTC(2026, 2, 29, 0, 30), 'Europe/Berlin'), wall('2026-03-29T01:30'));
    assert.deepEqual(instantToWall(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Berlin'), wall('2026-03-29T03:30'));
    assert.equal(zoneOffsetMs(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Berlin'), HOUR);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Berlin'), 2 * HOUR);
  });

  it('resolves wall times either side of the Berlin gap to the right instants', () => {
    assert.deepEqual(wallToInstant(wall('2026-03-29T01:59'), 'Europe/Berlin'), {
      ok: true,
      epochMs: Date.UTC(2026, 2, 29, 0, 59),
      ambiguous: false,
    });
    assert.deepEqual(wallToInstant(wall('2026-03-29T03:00'), 'Europe/Berlin'), {
      ok: true,
      epochMs: Date.UTC(2026, 2, 29, 1, 0),
      ambiguous: false,
    });
  });

  it('reports a Berlin wall time in the spring-forward gap as nonexistent, naming the gap', () => {
    const r = wallToInstant(wall('2026-03-29T02:30'), 'Europe/Berlin');
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.deepEqual(r.gapStart, wall('2026-03-29T02:00'));
    assert.deepEqual(r.gapEnd, wall('2026-03-29T03:00'));
  });

  it('resolves an ambiguous Berlin fall-back wall time (2026-10-25 02:30) to the earlier instant', () => {
    const r = wallToInstant(wall('2026-10-25T02:30'), 'Europe/Berlin');
    assert.deepEqual(r, { ok: true, epochMs: Date.UTC(2026, 9, 25, 0, 30), ambiguous: true });
  });

  it('handles New York on both sides of 2026-03-08 and 2026-11-01', () => {
    const ny = 'America/New_York';
    assert.deepEqual(wallToInstant(wall('2026-03-08T01:30'), ny), {
      ok: true,
      epochMs: Date.UTC(2026, 2, 8, 6, 30),
      ambiguous: false,
    });
    assert.deepEqual(wallToInstant(wall('2026-03-08T03:30'), ny), {
      ok: true,
      epochMs: Date.UTC(2026, 2, 8, 7, 30),
      ambiguous: false,
    });
    const gap = wallToInstant(wall('2026-03-08T02:15'), ny);
    assert.ok(!gap.ok);
    assert.deepEqual(gap.gapEnd, wall('2026-03-08T03:00'));
    assert.deepEqual(wallToInstant(wall('2026-11-01T01:30'), ny), {
      ok: true,
      epochMs: Date.UTC(2026, 10, 1, 5, 30),
      ambiguous: true,
    });
    assert.deepEqual(wallToInstant(wall('2026-11-01T02:30'), ny), {
      ok: true,
      epochMs: Date.UTC(2026, 10, 1, 7, 30),
      ambiguous: false,
    });
    assert.deepEqual(instantToWall(Date.UTC(2026, 10, 1, 6, 30), ny), wall('2026-11-01T01:30'));
  });

  it('keeps a meeting across the switch at its real length', () => {
    const start = toGraphDateTime('2026-03-29T01:00', 'Europe/Berlin');
    const end = toGraphDateTime('2026-03-29T04:00', 'Europe/Berlin');
    assert.ok(start.ok && end.ok);
    assert.equal(end.value.epochMs - start.value.epochMs, 2 * HOUR);
  });

  it('handles a whole skipped day (Pacific/Apia, 2011-12-30)', () => {
    const r = wallToInstant(wall('2011-12-30T10:00'), 'Pacific/Apia');
    assert.ok(!r.ok);
    assert.deepEqual(r.gapEnd, wall('2011-12-31T00:00'));
  });

  it('handles southern-hemisphere switches (Australia/Sydney, 2026-04-05 and 2026-10-04)', () => {
    assert.equal(wallToInstant(wall('2026-10-04T02:30'), 'Australia/Sydney').ok, false);
    const overlap = wallToInstant(wall('2026-04-05T02:30'), 'Australia/Sydney');
    assert.deepEqual(overlap, { ok: true, epochMs: Date.UTC(2026, 3, 4, 15, 30), ambiguous: true });
  });
});

describe('core datetime: time zone names', () => {
  it('knows IANA names, aliases and UTC spellings', () => {
    for (const z of [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Calcutta',
      'UTC',
      'Etc/UTC',
      'GMT',
    ]) {
      assert.equal(isKnownTimeZone(z), true, z);
    }
    assert.equal(isKnownTimeZone('europe/berlin'), true);
  });

  it('knows Windows names case-insensitively and maps them to IANA', () => {
    assert.equal(toIanaZone('W. Europe Standard Time'), 'Europe/Berlin');
    assert.equal(toIanaZone('pacific standard time'), 'America/Los_Angeles');
    assert.equal(toIanaZone('India Standard Time'), 'Asia/Calcutta');
    assert.equal(toIanaZone('UTC'), 'UTC');
    assert.equal(toIanaZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(isKnownTimeZone('Eastern Standard Time'), true);
  });

  it('maps IANA names to Windows names where Windows has one', () => {
    assert.equal(toWindowsZone('Europe/Berlin'), 'W. Europe Standard Time');
    assert.equal(toWindowsZone('America/New_York'), 'Eastern Standard Time');
    assert.equal(toWindowsZone('Asia/Kolkata'), 'India Standard Time');
    assert.equal(toWindowsZone('Tokyo Standard Time'), 'Tokyo Standard Time');
    assert.equal(toWindowsZone('Mars/Olympus'), undefined);
  });

  it('rejects unknown and offset-shaped names', () => {
    for (const z of ['Mars/Olympus', '', ' ', '+01:00', 'Europe/Berlin; DROP', 'Not A Zone Standard Time']) {
      assert.equal(isKnownTimeZone(z), false, JSON.stringify(z));
      assert.equal(toIanaZone(z), undefined);
    }
  });

  it("reports the runtime's zone as a known IANA name", () => {
    assert.equal(isKnownTimeZone(userTimeZone()), true);
  });
});

describe('core datetime: Graph date-times', () => {
  it('sends a wall time as given, with its zone, after checking it exists', () => {
    const r = toGraphDateTime('2026-06-01T09:30', 'Europe/Berlin');
    assert.ok(r.ok);
    assert.deepEqual(r.value.value, { dateTime: '2026-06-01T09:30:00', timeZone: 'Europe/Berlin' });
    assert.equal(r.value.epochMs, Date.UTC(2026, 5, 1, 7, 30));
  });

  it('converts an offset input to the wall time in the target zone', () => {
    const r = toGraphDateTime('2026-06-01T09:30:00Z', 'America/New_York');
    assert.ok(r.ok);
    assert.deepEqual(r.value.value, { dateTime: '2026-06-01T05:30:00', timeZone: 'America/New_York' });
    const w = toGraphDateTime('2026-01-15T12:00:00+05:30', 'W. Europe Standard Time');
    assert.ok(w.ok);
    assert.deepEqual(w.value.value, { dateTime: '2026-01-15T07:30:00', timeZone: 'Europe/Berlin' });
  });

  it('accepts an offset instant that lands in the gap hour of the target zone', () => {
    const r = toGraphDateTime('2026-03-29T01:30:00Z', 'Europe/Berlin');
    assert.ok(r.ok);
    assert.equal(r.value.value.dateTime, '2026-03-29T03:30:00');
  });

  it('names the gap for a nonexistent wall time', () => {
    const r = toGraphDateTime('2026-03-08T02:30', 'America/New_York');
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'nonexistentLocalTime', gapStart: '2026-03-08 02:00', gapEnd: '2026-03-08 03:00' },
    });
  });

  it('reports malformed input and unknown zones', () => {
    assert.deepEqual(toGraphDateTime('2026-02-30T10:00', 'UTC'), {
      ok: false,
      error: { code: 'invalidDateTime' },
    });
    assert.deepEqual(toGraphDateTime('2026-02-03T10:00', 'Nowhere/Town'), {
      ok: false,
      error: { code: 'unknownTimeZone' },
    });
  });

  it("reads Graph's seven-decimal times in UTC, IANA and Windows zones", () => {
    assert.equal(
      graphDateTimeToEpochMs({ dateTime: '2017-04-15T11:00:00.0000000', timeZone: 'UTC' }),
      Date.UTC(2017, 3, 15, 11),
    );
    assert.equal(
      graphDateTimeToEpochMs({ dateTime: '2019-11-20T13:00:00.0000000', timeZone: 'Pacific Standard Time' }),
      Date.UTC(2019, 10, 20, 21),
    );
    assert.equal(
      graphDateTimeToEpochMs({ dateTime: '2026-07-01T10:00:00', timeZone: 'Europe/Berlin' }),
      Date.UTC(2026, 6, 1, 8),
    );
    assert.equal(graphDateTimeToEpochMs({ dateTime: 'garbage', timeZone: 'UTC' }), undefined);
    assert.equal(graphDateTimeToEpochMs({ dateTime: '2026-07-01T10:00:00', timeZone: 'Nowhere' }), undefined);
  });

  it('re-expresses a Graph date-time in another zone', () => {
    assert.deepEqual(
      convertGraphDateTime({ dateTime: '2026-11-01T12:00:00.0000000', timeZone: 'UTC' }, 'America/New_York'),
      {
        dateTime: '2026-11-01T07:00:00',
        timeZone: 'America/New_York',
      },
    );
  });
});
