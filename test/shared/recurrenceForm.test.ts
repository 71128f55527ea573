// The form's recurrence value (shared/recurrenceForm.ts) through the form model: the quick choices follow the start,
// the text is canonical (a series read back shows as the choice it was made with), and it reaches the validator.
import assert from 'node:assert/strict';
import { fromGraphEvent } from '../../src/core/mapping';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import {
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  meetingToFormValues,
} from '../../src/shared/formModel';
import { parseFormValues } from '../../src/shared/protocol';
import {
  followStart,
  formRecurrence,
  presetOf,
  presetRule,
  recurrenceFormValue,
} from '../../src/shared/recurrenceForm';

// 2030-01-07 is a Monday.
const start = '2030-01-07T10:00';

describe('the form recurrence value', () => {
  it('quick choices from the start: weekly on its weekday, monthly on its day', () => {
    assert.deepEqual(presetRule('weekly', start).pattern.daysOfWeek, ['monday']);
    assert.equal(presetRule('monthly', '2030-01-31T10:00').pattern.dayOfMonth, 31);
    assert.deepEqual(presetRule('weekdays', start).pattern.daysOfWeek, [
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
    ]);
    const weekly = recurrenceFormValue(presetRule('weekly', start));
    assert.equal(presetOf(weekly, start), 'weekly');
    assert.equal(presetOf(weekly, '2030-01-08T10:00'), undefined, 'weekly on Monday is not a Tuesday choice');
    assert.equal(
      followStart(weekly, start, '2030-01-09T10:00'),
      recurrenceFormValue(presetRule('weekly', '2030-01-09T10:00')),
    );
    const custom = recurrenceFormValue({ pattern: { type: 'daily', interval: 2 } });
    assert.equal(followStart(custom, start, '2030-01-09T10:00'), custom, 'a custom rule stays');
  });

  it('is canonical: key order, case and defaults do not matter; invalid input stays as given', () => {
    const a = recurrenceFormValue({
      range: { type: 'noEnd' },
      pattern: { daysOfWeek: ['Monday'], interval: 1, type: 'Weekly' },
    });
    assert.equal(a, recurrenceFormValue(presetRule('weekly', start)));
    assert.equal(
      a,
      '{"pattern":{"type":"weekly","interval":1,"daysOfWeek":["monday"],"firstDayOfWeek":"sunday"},"range":{"type":"noEnd"}}',
    );
    const bad = recurrenceFormValue({ pattern: { type: 'weekly', interval: 1, daysOfWeek: [] } });
    assert.match(bad, /"daysOfWeek":\[\]/);
    assert.equal(formRecurrence(bad, start, 'Europe/Berlin'), undefined);
    assert.equal(formRecurrence(a, start, 'Europe/Berlin')?.range.startDate, '2030-01-07');
  });

  it('goes into the schedule input and is validated; "Does not repeat" sends nothing', () => {
    const values = {
      ...defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30),
      start,
      end: '2030-01-07T10:30',
    };
    assert.equal(values.recurrence, '');
    assert.equal('recurrence' in formToScheduleInput(values), false);
    const weekly = { ...values, recurrence: recurrenceFormValue(presetRule('weekly', start)) };
    const input = formToScheduleInput(weekly);
    assert.deepEqual(input.recurrence, {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd' },
    });
    const v = validateSchedule(input, { defaultTimeZone: 'Europe/Berlin' });
    assert.ok(v.ok);
    assert.equal(v.value.recurrence?.range.startDate, '2030-01-07');
    const broken = validateSchedule(
      formToScheduleInput({ ...values, recurrence: '{"pattern":{"type":"weekly","interval":1}}' }),
      {
        defaultTimeZone: 'Europe/Berlin',
      },
    );
    assert.ok(!broken.ok);
    assert.deepEqual(
      broken.errors.map((e) => e.field),
      ['recurrence.pattern.daysOfWeek'],
    );
    assert.ok(parseFormValues(weekly), 'the protocol carries it');
    assert.equal(parseFormValues({ ...weekly, recurrence: 7 }), undefined);
  });

  it('a series shows as the choice it was made with; an update sends it only when changed', () => {
    const event = {
      id: 'M1',
      subject: 'Standup',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-01-07T10:30:00', timeZone: 'W. Europe Standard Time' },
      type: 'seriesMaster',
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 1,
          month: 0,
          dayOfMonth: 0,
          daysOfWeek: ['monday'],
          firstDayOfWeek: 'sunday',
          index: 'first',
        },
        range: {
          type: 'noEnd',
          startDate: '2030-01-07',
          endDate: '0001-01-01',
          recurrenceTimeZone: 'W. Europe Standard Time',
          numberOfOccurrences: 0,
        },
      },
    };
    const original = meetingToFormValues(fromGraphEvent(event), 'Europe/Berlin');
    assert.equal(presetOf(original.recurrence, original.start), 'weekly');
    assert.deepEqual(formToUpdateInput('M1', { ...original, subject: 'Sync' }, original), {
      meetingId: 'M1',
      subject: 'Sync',
    });
    const daily = { ...original, recurrence: recurrenceFormValue(presetRule('daily', original.start)) };
    const input = formToUpdateInput('M1', daily, original);
    assert.deepEqual(input, {
      meetingId: 'M1',
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd' } },
    });
    const current = fromGraphEvent(event);
    const v = validateUpdate(input, { defaultTimeZone: 'Europe/Berlin', current });
    assert.ok(v.ok);
    assert.equal(v.value.recurrence?.range.startDate, '2030-01-07');
    const single = meetingToFormValues(
      fromGraphEvent({ ...event, type: 'singleInstance', recurrence: null }),
      'Europe/Berlin',
    );
    assert.equal(single.recurrence, '');
  });
});
