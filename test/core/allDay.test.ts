// Issue 12: all-day meetings (`isAllDay`). Microsoft Graph docs, "event resource type": "If true, regardless of
// whether it's a single-day or multi-day event, start and end time must be set to midnight and be in the same time
// zone." Dates (YYYY-MM-DD) are taken for start and end; the end is exclusive (the day after the last day).
import assert from 'node:assert/strict';
import { fromGraphEvent, toCreateBody, toUpdateBody } from '../../src/core/mapping';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import {
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  meetingToFormValues,
} from '../../src/shared/formModel';
import { moveEndWithStart } from '../../src/shared/formState';
import { parseFromWebview } from '../../src/shared/protocol';
import { ctx } from './fixtures';

const codes = (r: { ok: true } | { ok: false; errors: { field: string; code: string }[] }) =>
  r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

describe('all-day meetings (isAllDay)', () => {
  it('takes dates as midnight in the meeting zone; the end is the day after the last day', () => {
    const r = validateSchedule(
      { isAllDay: true, start: '2030-06-03', end: '2030-06-05', timeZone: 'America/New_York' },
      ctx,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value.start, { dateTime: '2030-06-03T00:00:00', timeZone: 'America/New_York' });
    assert.deepEqual(r.value.end, { dateTime: '2030-06-05T00:00:00', timeZone: 'America/New_York' });
    assert.equal(r.value.isAllDay, true);
    const body = toCreateBody(r.value, { transactionId: 't' });
    assert.equal(body.isAllDay, true);
    assert.deepEqual(body.start, { dateTime: '2030-06-03T00:00:00', timeZone: 'Eastern Standard Time' });
    // Midnight written as a date-time is the same.
    assert.ok(
      validateSchedule({ isAllDay: true, start: '2030-06-03T00:00', end: '2030-06-04T00:00:00' }, ctx).ok,
    );
  });

  it('refuses a time that is not midnight, and an end not after the start, naming the field', () => {
    assert.deepEqual(
      codes(validateSchedule({ isAllDay: true, start: '2030-06-03T09:00', end: '2030-06-04' }, ctx)),
      [['start', 'allDayNotMidnight']],
    );
    assert.deepEqual(
      codes(validateSchedule({ isAllDay: true, start: '2030-06-03', end: '2030-06-03T12:00' }, ctx)),
      [['end', 'allDayNotMidnight']],
    );
    // An instant that is not midnight in the zone.
    assert.deepEqual(
      codes(
        validateSchedule(
          { isAllDay: true, start: '2030-06-03T00:00Z', end: '2030-06-04', timeZone: 'Europe/Berlin' },
          ctx,
        ),
      ),
      [['start', 'allDayNotMidnight']],
    );
    assert.deepEqual(
      codes(validateSchedule({ isAllDay: true, start: '2030-06-03', end: '2030-06-03' }, ctx)),
      [['end', 'endBeforeStart']],
    );
    const message = validateSchedule({ isAllDay: true, start: '2030-06-03T09:00', end: '2030-06-04' }, ctx);
    assert.ok(!message.ok);
    assert.match(message.errors[0]?.message ?? '', /"start".*midnight/);
    // A date alone is no time for a meeting that is not all day.
    assert.deepEqual(codes(validateSchedule({ start: '2030-06-03', end: '2030-06-04' }, ctx)), [
      ['start', 'invalidDateTime'],
      ['end', 'invalidDateTime'],
    ]);
  });

  it('update: all day on needs both days; a time change of an all-day meeting stays at midnight', () => {
    assert.deepEqual(codes(validateUpdate({ meetingId: 'AAMk=', isAllDay: true }, ctx)), [
      ['start', 'required'],
      ['end', 'required'],
    ]);
    const ok = validateUpdate(
      { meetingId: 'AAMk=', isAllDay: true, start: '2030-06-03', end: '2030-06-04' },
      ctx,
    );
    assert.ok(ok.ok);
    assert.deepEqual(toUpdateBody(ok.value), {
      start: { dateTime: '2030-06-03T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-06-04T00:00:00', timeZone: 'W. Europe Standard Time' },
      isAllDay: true,
    });
    const current = {
      start: { dateTime: '2030-06-03T00:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-06-04T00:00:00', timeZone: 'Europe/Berlin' },
      isAllDay: true,
    };
    assert.deepEqual(
      codes(validateUpdate({ meetingId: 'AAMk=', end: '2030-06-04T10:00' }, { ...ctx, current })),
      [['end', 'allDayNotMidnight']],
    );
    assert.ok(validateUpdate({ meetingId: 'AAMk=', end: '2030-06-06' }, { ...ctx, current }).ok);
    // Turning all day off takes any times.
    assert.ok(
      validateUpdate(
        { meetingId: 'AAMk=', isAllDay: false, start: '2030-06-03T09:00', end: '2030-06-03T10:00' },
        { ...ctx, current },
      ).ok,
    );
    // No isAllDay given: nothing is sent for it.
    const subject = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
    assert.ok(subject.ok);
    assert.equal('isAllDay' in toUpdateBody(subject.value), false);
  });

  it('is read back from Graph', () => {
    const meeting = fromGraphEvent({
      id: 'e',
      isAllDay: true,
      start: { dateTime: '2030-06-03T00:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-06-04T00:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
    assert.equal(meeting.isAllDay, true);
    assert.throws(() =>
      fromGraphEvent({
        ...meeting,
        start: { dateTime: '2030-06-03T00:00:00', timeZone: 'UTC' },
        isAllDay: 'yes',
      }),
    );
  });

  it('the form: a switch; dates with the last day shown, sent as the day after', () => {
    const values = defaultFormValues(new Date('2030-06-01T08:00:00Z'), 'Europe/Berlin', 30);
    assert.equal(values.isAllDay, false);
    const allDay = { ...values, isAllDay: true, start: '2030-06-03', end: '2030-06-03' };
    const input = formToScheduleInput(allDay);
    assert.deepEqual([input.isAllDay, input.start, input.end], [true, '2030-06-03', '2030-06-04']);
    assert.ok(validateSchedule(input, ctx).ok);
    const meeting = fromGraphEvent({
      id: 'e',
      isAllDay: true,
      start: { dateTime: '2030-06-03T00:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-06-05T00:00:00', timeZone: 'W. Europe Standard Time' },
    });
    const shown = meetingToFormValues(meeting, 'Europe/Berlin');
    assert.deepEqual([shown.isAllDay, shown.start, shown.end], [true, '2030-06-03', '2030-06-04']);
    assert.deepEqual(formToUpdateInput('m', { ...shown, end: '2030-06-05' }, shown), {
      meetingId: 'm',
      start: '2030-06-03',
      end: '2030-06-06',
      timeZone: 'Europe/Berlin',
    });
    assert.deepEqual(
      formToUpdateInput(
        'm',
        { ...shown, isAllDay: false, start: '2030-06-03T09:00', end: '2030-06-03T09:30' },
        shown,
      ),
      {
        meetingId: 'm',
        start: '2030-06-03T09:00:00',
        end: '2030-06-03T09:30:00',
        timeZone: 'Europe/Berlin',
        isAllDay: false,
      },
    );
    assert.ok(parseFromWebview({ type: 'submit', requestId: 'r', values: allDay }));
  });
});

describe('all-day form: moving the start', () => {
  it('moves the end by the same days', () => {
    const before = {
      ...defaultFormValues(new Date('2030-06-01T08:00:00Z'), 'Europe/Berlin', 30),
      isAllDay: true,
      start: '2030-06-03',
      end: '2030-06-04',
    };
    const moved = moveEndWithStart('2030-06-03', before, { ...before, start: '2030-06-10' });
    assert.deepEqual([moved.values.end, moved.prevStart], ['2030-06-11', '2030-06-10']);
  });
});
