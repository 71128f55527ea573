import assert from 'node:assert/strict';
import { canonicalTimeZone, toGraphDateTime, toIanaZone, toWindowsZone } from '../../src/core/datetime';
import { windowsZones } from '../../src/core/timeZones';
import {
  fromGraphEvent,
  graphTimeZone,
  isMappingError,
  toCreateBody,
  toUpdateBody,
} from '../../src/core/mapping';
import { validateSchedule, validateUpdate } from '../../src/core/validate';

const windowsNames = new Set(windowsZones().map((z) => z.windows));
/** Zones Intl knows for which CLDR's windowsZones names no Windows zone. */
const withoutWindowsZone = new Set(['Antarctica/Troll', 'America/Coyhaique']);

/** Validates a schedule from `start` to `end` in `timeZone` (default zone UTC). */
function schedule(start: string, end: string, timeZone: string): ReturnType<typeof validateSchedule> {
  return validateSchedule({ start, end, timeZone }, { defaultTimeZone: 'UTC' });
}

/** What validation refuses in a schedule: its problems as [field, code] pairs, and their messages. */
function refused(start: string, end: string, timeZone: string): { problems: string[][]; messages: string[] } {
  const r = schedule(start, end, timeZone);
  assert.ok(!r.ok, 'expected the schedule to be refused');
  return { problems: r.errors.map((e) => [e.field, e.code]), messages: r.errors.map((e) => e.message) };
}

describe('core time zones: Windows names for Graph (issue 9, point 1)', () => {
  it('maps every IANA zone Intl knows to a Windows zone name', () => {
    const missing: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      if (withoutWindowsZone.has(zone)) continue;
      const windows = toWindowsZone(zone);
      if (windows === undefined || !windowsNames.has(windows)) missing.push(zone);
    }
    assert.deepEqual(missing, []);
  });

  it('has the 139 Windows zones of CLDR, each with its primary zone first', () => {
    assert.equal(windowsNames.size, 139);
    assert.deepEqual(windowsZones().find((z) => z.windows === 'Romance Standard Time')?.zones, [
      'Europe/Paris',
      'Africa/Ceuta',
      'Europe/Brussels',
      'Europe/Copenhagen',
      'Europe/Madrid',
    ]);
  });

  it('maps aliases and zones other than the primary one (territory 001) of their Windows zone', () => {
    assert.equal(toWindowsZone('Europe/Madrid'), 'Romance Standard Time');
    assert.equal(toWindowsZone('America/Toronto'), 'Eastern Standard Time');
    assert.equal(toWindowsZone('Asia/Calcutta'), 'India Standard Time');
    assert.equal(toWindowsZone('Asia/Kolkata'), 'India Standard Time');
    assert.equal(toWindowsZone('Etc/UTC'), 'UTC');
    assert.equal(toWindowsZone('UTC'), 'UTC');
    assert.equal(toWindowsZone('uS/eAsTeRn'), 'Eastern Standard Time');
    assert.equal(toWindowsZone('romance standard time'), 'Romance Standard Time');
    assert.equal(toWindowsZone('America/Mazatlan'), 'Mountain Standard Time (Mexico)');
    assert.equal(toWindowsZone('Antarctica/Troll'), undefined);
  });

  it('canonicalises zone names to the IANA form Intl uses (issue 10, point 6)', () => {
    assert.equal(canonicalTimeZone('uS/eAsTeRn'), 'America/New_York');
    assert.equal(canonicalTimeZone('europe/madrid'), 'Europe/Madrid');
    assert.equal(canonicalTimeZone(' Europe/Berlin '), 'Europe/Berlin');
    assert.equal(canonicalTimeZone('Romance Standard Time'), 'Europe/Paris');
    assert.equal(canonicalTimeZone('Etc/UTC'), 'UTC');
    assert.equal(toIanaZone('UTC'), 'UTC');
  });

  it('validation keeps IANA in the draft; the create body carries the Windows name', () => {
    const r = schedule('2030-03-04T10:00', '2030-03-04T11:00', 'Europe/Madrid');
    assert.ok(r.ok);
    assert.equal(r.value.start.timeZone, 'Europe/Madrid');
    const body = toCreateBody(r.value, { transactionId: 't' });
    assert.deepEqual(body.start, { dateTime: '2030-03-04T10:00:00', timeZone: 'Romance Standard Time' });
    assert.deepEqual(body.end, { dateTime: '2030-03-04T11:00:00', timeZone: 'Romance Standard Time' });
  });

  it('a zone typed in any case is never sent as typed', () => {
    const r = schedule('2030-03-04T10:00', '2030-03-04T11:00', 'uS/eAsTeRn');
    assert.ok(r.ok);
    assert.equal(r.value.start.timeZone, 'America/New_York');
    assert.equal(toCreateBody(r.value, { transactionId: 't' }).start?.timeZone, 'Eastern Standard Time');
  });

  it('the update body carries Windows names too', () => {
    const r = validateUpdate(
      { meetingId: 'AAMk1', start: '2030-03-04T10:00', end: '2030-03-04T11:00', timeZone: 'Asia/Calcutta' },
      { defaultTimeZone: 'UTC' },
    );
    assert.ok(r.ok);
    const body = toUpdateBody(r.value);
    assert.equal(body.start?.timeZone, 'India Standard Time');
    assert.equal(body.end?.timeZone, 'India Standard Time');
  });

  it('a zone without a Windows equivalent is refused naming timeZone', () => {
    const r = refused('2030-03-04T10:00', '2030-03-04T11:00', 'Antarctica/Troll');
    assert.deepEqual(r.problems, [['timeZone', 'unsupportedTimeZone']]);
    assert.match(r.messages[0]!, /Antarctica\/Troll/);
  });

  it('graphTimeZone throws a mapping error for a zone Graph cannot take', () => {
    assert.equal(graphTimeZone('Europe/Madrid'), 'Romance Standard Time');
    assert.throws(
      () => graphTimeZone('Antarctica/Troll'),
      (e: unknown) => isMappingError(e),
    );
    assert.throws(
      () =>
        toCreateBody(
          {
            start: { dateTime: '2030-01-01T10:00:00', timeZone: 'Antarctica/Troll' },
            end: { dateTime: '2030-01-01T11:00:00', timeZone: 'Antarctica/Troll' },
          },
          { transactionId: 't' },
        ),
      (e: unknown) => isMappingError(e) && e.code === 'unsupportedTimeZone',
    );
  });

  it('reads Windows names in answers back as IANA zones for display', () => {
    const m = fromGraphEvent({
      id: 'AAMk1',
      start: { dateTime: '2030-03-04T10:00:00.0000000', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2030-03-04T11:00:00.0000000', timeZone: 'India Standard Time' },
    });
    assert.deepEqual(m.start, { dateTime: '2030-03-04T10:00:00', timeZone: 'Europe/Paris' });
    assert.deepEqual(m.end, { dateTime: '2030-03-04T11:00:00', timeZone: 'Asia/Calcutta' });
    const utc = fromGraphEvent({
      id: 'AAMk2',
      start: { dateTime: '2030-03-04T10:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2030-03-04T11:00:00.0000000', timeZone: 'tzone://Microsoft/Custom' },
    });
    assert.equal(utc.start.timeZone, 'UTC');
    assert.equal(utc.end.timeZone, 'tzone://Microsoft/Custom');
  });
});

describe('core datetime: wall times outside years 1 to 9999 (issue 10, point 6)', () => {
  it('refuses an instant whose wall time in the zone falls before year 1', () => {
    const r = toGraphDateTime('0001-01-01T00:00:00+14:00', 'UTC');
    assert.deepEqual(r, { ok: false, error: { code: 'dateOutOfRange' } });
    const s = refused('0001-01-01T00:00:00+14:00', '0001-01-02T10:00:00', 'UTC');
    assert.deepEqual(s.problems, [['start', 'dateOutOfRange']]);
  });

  it('refuses an instant whose wall time in the zone falls after year 9999', () => {
    const r = toGraphDateTime('9999-12-31T12:00:00-12:00', 'Pacific/Kiritimati');
    assert.deepEqual(r, { ok: false, error: { code: 'dateOutOfRange' } });
    const s = refused('9999-12-31T10:00:00', '9999-12-31T23:00:00-02:00', 'UTC');
    assert.deepEqual(s.problems, [['end', 'dateOutOfRange']]);
    assert.match(s.messages[0]!, /9999/);
  });

  it('refuses wall times outside the range given without an offset', () => {
    for (const text of ['0000-12-31T10:00:00', '10000-01-02T01:00:00']) {
      const r = toGraphDateTime(text, 'UTC');
      assert.equal(r.ok, false, text);
    }
  });

  it('accepts the edges themselves', () => {
    assert.equal(toGraphDateTime('0001-01-01T00:00:00Z', 'UTC').ok, true);
    assert.equal(toGraphDateTime('9999-12-31T23:59:00Z', 'UTC').ok, true);
    assert.equal(toGraphDateTime('9999-12-31T10:00:00+14:00', 'Pacific/Kiritimati').ok, true);
  });
});
