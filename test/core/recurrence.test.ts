// `recurrence`: Graph's patternedRecurrence, validated fully (every rule names its field path), its defaults from
// the meeting's start, the mapping both ways and the short description the tree and the form show.
import assert from 'node:assert/strict';
import { fromGraphEvent, toCreateBody, toUpdateBody } from '../../src/core/mapping';
import { describeRecurrence } from '../../src/core/recurrence';
import { recurrenceStrings } from '../../src/core/recurrenceStrings';
import type { Recurrence } from '../../src/core/recurrence';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import { revalidateDraft } from '../../src/services/recovery';
import { ctx, times } from './fixtures';

// 2030-01-07 is a Monday.
const weekly = { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'] } };

/** The errors of a schedule with `recurrence`, as [field, code]. */
function errorsOf(recurrence: unknown, extra: Record<string, unknown> = {}): [string, string][] {
  const v = validateSchedule({ ...times, ...extra, recurrence }, ctx);
  assert.ok(!v.ok, 'expected errors');
  return v.errors.map((e) => [e.field, e.code]);
}

function scheduled(recurrence: unknown, extra: Record<string, unknown> = {}): Recurrence {
  const v = validateSchedule({ ...times, ...extra, recurrence }, ctx);
  assert.ok(v.ok, JSON.stringify(!v.ok && v.errors));
  assert.ok(v.value.recurrence);
  return v.value.recurrence;
}

describe('recurrence: validation', () => {
  it('defaults the range: starts on the start date in the meeting zone, no end, in the meeting zone', () => {
    assert.deepEqual(scheduled(weekly), {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: '2030-01-07', recurrenceTimeZone: 'Europe/Berlin' },
    });
    // 23:30 in Berlin on the 7th is the 7th, though it is the 7th 22:30 UTC, and the 8th in Tokyo.
    const late = scheduled(weekly, {
      start: '2030-01-07T23:30',
      end: '2030-01-08T00:30',
      timeZone: 'Asia/Tokyo',
    });
    assert.equal(late.range.startDate, '2030-01-07');
    assert.equal(late.range.recurrenceTimeZone, 'Asia/Tokyo');
    const offset = scheduled(weekly, { start: '2030-01-07T23:30Z', end: '2030-01-08T00:30Z' });
    assert.equal(offset.range.startDate, '2030-01-08', 'the instant is the 8th at 00:30 in Berlin');
  });

  it('keeps only the properties each pattern type uses, with Graph defaults (firstDayOfWeek, index)', () => {
    assert.deepEqual(
      scheduled({ pattern: { type: 'daily', interval: 2, dayOfMonth: 0, month: 0 } }).pattern,
      {
        type: 'daily',
        interval: 2,
      },
    );
    assert.deepEqual(
      scheduled({ pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 7 } }).pattern,
      {
        type: 'absoluteMonthly',
        interval: 1,
        dayOfMonth: 7,
      },
    );
    assert.deepEqual(
      scheduled({ pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['Monday'] } }).pattern,
      { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'first' },
    );
    assert.deepEqual(
      scheduled({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 7, month: 1 } }).pattern,
      { type: 'absoluteYearly', interval: 1, dayOfMonth: 7, month: 1 },
    );
    assert.deepEqual(
      scheduled({
        pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], month: 1, index: 'last' },
      }).pattern,
      { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], month: 1, index: 'last' },
    );
    assert.deepEqual(scheduled({ ...weekly, range: { type: 'numbered', numberOfOccurrences: 10 } }).range, {
      type: 'numbered',
      startDate: '2030-01-07',
      numberOfOccurrences: 10,
      recurrenceTimeZone: 'Europe/Berlin',
    });
    assert.deepEqual(
      scheduled({
        ...weekly,
        range: { type: 'endDate', endDate: '2030-12-31', recurrenceTimeZone: 'W. Europe Standard Time' },
      }).range,
      {
        type: 'endDate',
        startDate: '2030-01-07',
        endDate: '2030-12-31',
        recurrenceTimeZone: 'Europe/Berlin',
      },
    );
  });

  it('requires what each pattern type requires (recurrencePattern resource type)', () => {
    assert.deepEqual(errorsOf({ pattern: { type: 'weekly', interval: 1 } }), [
      ['recurrence.pattern.daysOfWeek', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { type: 'absoluteMonthly', interval: 1 } }), [
      ['recurrence.pattern.dayOfMonth', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { type: 'relativeMonthly', interval: 1 } }), [
      ['recurrence.pattern.daysOfWeek', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 7 } }), [
      ['recurrence.pattern.month', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'] } }), [
      ['recurrence.pattern.month', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { interval: 1 } }), [['recurrence.pattern.type', 'required']]);
    assert.deepEqual(errorsOf({ pattern: { type: 'daily' } }), [['recurrence.pattern.interval', 'required']]);
    assert.deepEqual(errorsOf({}), [['recurrence.pattern', 'required']]);
    assert.deepEqual(errorsOf({ ...weekly, range: { type: 'numbered' } }), [
      ['recurrence.range.numberOfOccurrences', 'required'],
    ]);
    assert.deepEqual(errorsOf({ ...weekly, range: { type: 'endDate' } }), [
      ['recurrence.range.endDate', 'required'],
    ]);
    assert.deepEqual(errorsOf({ ...weekly, range: {} }), [['recurrence.range.type', 'required']]);
  });

  it('refuses values out of range, each naming its path', () => {
    assert.deepEqual(
      errorsOf({
        pattern: {
          type: 'fortnightly',
          interval: 0,
          daysOfWeek: ['monday', 'funday'],
          dayOfMonth: 32,
          month: 13,
          index: 'fifth',
          firstDayOfWeek: 'someday',
        },
        range: { type: 'forever', numberOfOccurrences: 0, endDate: '2030-02-30', startDate: 'soon' },
      }),
      [
        ['recurrence.pattern.type', 'wrongType'],
        ['recurrence.pattern.interval', 'wrongType'],
        ['recurrence.pattern.daysOfWeek[1]', 'wrongType'],
        ['recurrence.pattern.dayOfMonth', 'wrongType'],
        ['recurrence.pattern.month', 'wrongType'],
        ['recurrence.pattern.index', 'wrongType'],
        ['recurrence.pattern.firstDayOfWeek', 'wrongType'],
        ['recurrence.range.type', 'wrongType'],
        ['recurrence.range.startDate', 'invalidDate'],
        ['recurrence.range.endDate', 'invalidDate'],
        ['recurrence.range.numberOfOccurrences', 'wrongType'],
      ],
    );
    assert.deepEqual(errorsOf({ pattern: { type: 'weekly', interval: 1, daysOfWeek: [] } }), [
      ['recurrence.pattern.daysOfWeek', 'required'],
    ]);
    assert.deepEqual(errorsOf({ pattern: { type: 'weekly', interval: 1.5, daysOfWeek: 'monday' } }), [
      ['recurrence.pattern.interval', 'wrongType'],
      ['recurrence.pattern.daysOfWeek', 'wrongType'],
    ]);
    assert.deepEqual(errorsOf({ ...weekly, extra: 1 }), [['recurrence.extra', 'unknownField']]);
    assert.deepEqual(errorsOf({ pattern: { ...weekly.pattern, every: 2 } }), [
      ['recurrence.pattern.every', 'unknownField'],
    ]);
    assert.deepEqual(errorsOf('weekly'), [['recurrence', 'wrongType']]);
    assert.deepEqual(errorsOf({ ...weekly, range: { type: 'noEnd', recurrenceTimeZone: 'Mars/Olympus' } }), [
      ['recurrence.range.recurrenceTimeZone', 'unknownTimeZone'],
    ]);
  });

  it('ties the range to the start: startDate is the start date, an end date is not before it', () => {
    assert.deepEqual(errorsOf({ ...weekly, range: { type: 'noEnd', startDate: '2030-01-08' } }), [
      ['recurrence.range.startDate', 'recurrenceStartDate'],
    ]);
    assert.deepEqual(errorsOf({ ...weekly, range: { type: 'endDate', endDate: '2030-01-06' } }), [
      ['recurrence.range.endDate', 'recurrenceEndBeforeStart'],
    ]);
    const same = scheduled({ ...weekly, range: { type: 'noEnd', startDate: '2030-01-07' } });
    assert.equal(same.range.startDate, '2030-01-07');
    const v = validateSchedule(
      { ...times, recurrence: { ...weekly, range: { type: 'noEnd', startDate: 'x' } } },
      ctx,
    );
    assert.ok(!v.ok);
    assert.match(v.errors[0]!.message, /recurrence\.range\.startDate/);
  });

  it('update: absent keeps it; given, its start comes from the new start or the current meeting', () => {
    const none = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
    assert.ok(none.ok);
    assert.equal('recurrence' in none.value, false);
    assert.equal('recurrence' in toUpdateBody(none.value), false);
    const current = {
      start: { dateTime: '2030-03-04T09:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-03-04T10:00:00', timeZone: 'Europe/Berlin' },
    };
    const withCurrent = validateUpdate({ meetingId: 'AAMk=', recurrence: weekly }, { ...ctx, current });
    assert.ok(withCurrent.ok);
    assert.equal(withCurrent.value.recurrence?.range.startDate, '2030-03-04');
    const moved = validateUpdate({ meetingId: 'AAMk=', ...times, recurrence: weekly }, { ...ctx, current });
    assert.ok(moved.ok);
    assert.equal(moved.value.recurrence?.range.startDate, '2030-01-07');
    // Without the current meeting (validated again once it is read), the start date waits.
    const early = validateUpdate({ meetingId: 'AAMk=', recurrence: weekly }, ctx);
    assert.ok(early.ok);
    const bad = validateUpdate({ meetingId: 'AAMk=', recurrence: { pattern: { type: 'weekly' } } }, ctx);
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => e.field),
      ['recurrence.pattern.interval', 'recurrence.pattern.daysOfWeek'],
    );
  });

  it("an occurrence's or exception's recurrence is refused (it goes with the series' ID)", () => {
    const current = {
      start: { dateTime: '2030-03-04T09:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-03-04T10:00:00', timeZone: 'Europe/Berlin' },
    };
    for (const type of ['occurrence', 'exception'] as const) {
      const v = validateUpdate(
        { meetingId: 'AAMk=', recurrence: weekly },
        { ...ctx, current: { ...current, type } },
      );
      assert.ok(!v.ok);
      assert.deepEqual(
        v.errors.map((e) => [e.field, e.code]),
        [['recurrence', 'recurrenceOfOccurrence']],
      );
    }
    const master = validateUpdate(
      { meetingId: 'AAMk=', recurrence: weekly },
      { ...ctx, current: { ...current, type: 'seriesMaster' } },
    );
    assert.ok(master.ok);
  });

  it('a stored draft with a recurrence validates again (recovery)', () => {
    const v = validateSchedule({ ...times, recurrence: weekly }, ctx);
    assert.ok(v.ok);
    assert.deepEqual(revalidateDraft(JSON.parse(JSON.stringify(v.value))), v.value);
  });
});

describe('recurrence: mapping', () => {
  it('sends the pattern and the range with the zone as its Windows name', () => {
    const v = validateSchedule(
      { ...times, recurrence: { ...weekly, range: { type: 'numbered', numberOfOccurrences: 4 } } },
      ctx,
    );
    assert.ok(v.ok);
    const body = toCreateBody(v.value, { transactionId: 't' });
    assert.deepEqual(body.recurrence, {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: {
        type: 'numbered',
        startDate: '2030-01-07',
        numberOfOccurrences: 4,
        recurrenceTimeZone: 'W. Europe Standard Time',
      },
    });
    assert.equal(
      'recurrence' in toCreateBody({ ...v.value, recurrence: undefined }, { transactionId: 't' }),
      false,
    );
    const update = toUpdateBody({ meetingId: 'm', recurrence: v.value.recurrence });
    assert.deepEqual(update.recurrence, body.recurrence);
  });

  it('reads a series master, an occurrence and a single event back from Graph', () => {
    const event = {
      id: 'e',
      start: { dateTime: '2030-01-07T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-01-07T11:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    };
    // As Graph answers: every property, the unused ones at their zero values.
    const master = fromGraphEvent({
      ...event,
      type: 'seriesMaster',
      seriesMasterId: null,
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 1,
          month: 0,
          dayOfMonth: 0,
          daysOfWeek: ['monday', 'wednesday'],
          firstDayOfWeek: 'sunday',
          index: 'first',
        },
        range: {
          type: 'endDate',
          startDate: '2030-01-07',
          endDate: '2030-12-31',
          recurrenceTimeZone: 'W. Europe Standard Time',
          numberOfOccurrences: 0,
        },
      },
    });
    assert.equal(master.type, 'seriesMaster');
    assert.deepEqual(master.recurrence, {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: {
        type: 'endDate',
        startDate: '2030-01-07',
        endDate: '2030-12-31',
        recurrenceTimeZone: 'Europe/Berlin',
      },
    });
    const occurrence = fromGraphEvent({
      ...event,
      type: 'occurrence',
      seriesMasterId: 'm',
      recurrence: null,
    });
    assert.equal(occurrence.type, 'occurrence');
    assert.equal(occurrence.seriesMasterId, 'm');
    assert.equal(occurrence.recurrence, undefined);
    const single = fromGraphEvent({ ...event, type: 'singleInstance', recurrence: null });
    assert.equal(single.type, 'singleInstance');
    // A pattern Graph may add later is left out, not refused; a malformed one is refused.
    assert.equal(
      fromGraphEvent({ ...event, recurrence: { pattern: { type: 'lunar' }, range: {} } }).recurrence,
      undefined,
    );
    assert.throws(() => fromGraphEvent({ ...event, recurrence: 'weekly' }), /recurrence/);
  });
});

describe('recurrence: describeRecurrence', () => {
  const r = (pattern: Recurrence['pattern'], range: Partial<Recurrence['range']> = {}): Recurrence => ({
    pattern,
    range: { type: 'noEnd', startDate: '2030-01-07', recurrenceTimeZone: 'Europe/Berlin', ...range },
  });

  it('says the pattern in a few words', () => {
    const en = 'en-GB';
    assert.equal(describeRecurrence(r({ type: 'daily', interval: 1 }), en), 'daily');
    assert.equal(describeRecurrence(r({ type: 'daily', interval: 3 }), en), 'every 3 days');
    assert.equal(
      describeRecurrence(
        r({ type: 'weekly', interval: 1, daysOfWeek: ['wednesday', 'monday'], firstDayOfWeek: 'sunday' }),
        en,
      ),
      'weekly, Mon and Wed',
    );
    assert.equal(
      describeRecurrence(
        r(
          { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' },
          { type: 'endDate', endDate: '2026-12-31' },
        ),
        en,
      ),
      'every 2 weeks on Tue until 31 Dec 2026',
    );
    assert.equal(
      describeRecurrence(
        r({
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          firstDayOfWeek: 'sunday',
        }),
        en,
      ),
      'every weekday',
    );
    assert.equal(
      describeRecurrence(r({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 7 }), en),
      'monthly on day 7',
    );
    assert.equal(
      describeRecurrence(
        r({ type: 'relativeMonthly', interval: 2, daysOfWeek: ['friday'], index: 'last' }),
        en,
      ),
      'every 2 months on the last Fri',
    );
    assert.equal(
      describeRecurrence(r({ type: 'absoluteYearly', interval: 1, dayOfMonth: 7, month: 3 }), en),
      'yearly on 7 Mar',
    );
    assert.equal(
      describeRecurrence(
        r({ type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'], month: 9, index: 'first' }),
        en,
      ),
      'yearly on the first Mon of Sept',
    );
    assert.equal(
      describeRecurrence(r({ type: 'daily', interval: 1 }, { type: 'numbered', numberOfOccurrences: 5 }), en),
      'daily, 5 times',
    );
  });

  it('takes translated templates and the locale for names and dates', () => {
    const strings = {
      ...recurrenceStrings,
      recurWeekly: 'semanal, {days}',
      recurUntil: '{pattern} hasta el {date}',
    };
    assert.equal(
      describeRecurrence(
        r(
          { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
          { type: 'endDate', endDate: '2026-12-31' },
        ),
        'es',
        strings,
      ),
      'semanal, lun y mié hasta el 31 dic 2026',
    );
  });
});
