// Issue 12: the form's controls for reminderMinutesBeforeStart (control kind `number`) and categories (control kind
// `list`), in "More options": absent at their default, sent when changed, shown from a meeting, checked by the protocol.
import assert from 'node:assert/strict';
import { formControl, formDefault, isFormDefault } from '../../src/core/fields';
import { fromGraphEvent } from '../../src/core/mapping';
import { validateSchedule } from '../../src/core/validate';
import {
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  meetingToFormValues,
  parseListText,
} from '../../src/shared/formModel';
import { parseFromWebview } from '../../src/shared/protocol';

const event = {
  id: 'e',
  start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
};
const values = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
const submit = (v: unknown) => parseFromWebview({ type: 'submit', requestId: 'r', values: v });

describe('option controls: number (reminder) and list (categories)', () => {
  it("are options of their kinds, with Graph's defaults (15 minutes, no categories)", () => {
    assert.equal(formControl('reminderMinutesBeforeStart').control, 'number');
    assert.equal(formControl('categories').control, 'list');
    assert.equal(formControl('reminderMinutesBeforeStart').option, true);
    assert.equal(formControl('categories').option, true);
    assert.equal(formDefault('reminderMinutesBeforeStart'), '15');
    assert.deepEqual(formDefault('categories'), []);
    assert.ok(isFormDefault('categories', []));
    assert.ok(!isFormDefault('categories', ['Red']));
    assert.equal('reminderMinutesBeforeStart' in values || 'categories' in values, false);
  });

  it('number: sent as a whole number when changed; a bad entry is refused naming the field', () => {
    assert.equal('reminderMinutesBeforeStart' in formToScheduleInput(values), false);
    assert.equal(
      formToScheduleInput({ ...values, reminderMinutesBeforeStart: '15' }).reminderMinutesBeforeStart,
      undefined,
    );
    assert.equal(
      formToScheduleInput({ ...values, reminderMinutesBeforeStart: ' 30 ' }).reminderMinutesBeforeStart,
      30,
    );
    assert.deepEqual(formToUpdateInput('m', { ...values, reminderMinutesBeforeStart: '0' }, values), {
      meetingId: 'm',
      reminderMinutesBeforeStart: 0,
    });
    const bad = validateSchedule(formToScheduleInput({ ...values, reminderMinutesBeforeStart: '1.5' }), {
      defaultTimeZone: 'Europe/Berlin',
    });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => [e.field, e.code]),
      [['reminderMinutesBeforeStart', 'wrongType']],
    );
    const meeting = fromGraphEvent({ ...event, reminderMinutesBeforeStart: 30 });
    assert.equal(meetingToFormValues(meeting, 'UTC').reminderMinutesBeforeStart, '30');
    assert.equal(
      'reminderMinutesBeforeStart' in
        meetingToFormValues(fromGraphEvent({ ...event, reminderMinutesBeforeStart: 15 }), 'UTC'),
      false,
    );
    assert.ok(submit({ ...values, reminderMinutesBeforeStart: '30' }));
    assert.equal(submit({ ...values, reminderMinutesBeforeStart: 30 }), undefined);
    assert.equal(submit({ ...values, reminderMinutesBeforeStart: 'x'.repeat(100) }), undefined);
  });

  it('list: names split at commas or semicolons, sent when changed, [] clears them in an update', () => {
    assert.deepEqual(parseListText(' Red category ;Project X,, '), ['Red category', 'Project X']);
    assert.equal('categories' in formToScheduleInput({ ...values, categories: [] }), false);
    assert.deepEqual(formToScheduleInput({ ...values, categories: ['Red'] }).categories, ['Red']);
    const meeting = fromGraphEvent({ ...event, categories: ['Red', 'Blue'] });
    const shown = meetingToFormValues(meeting, 'UTC');
    assert.deepEqual(shown.categories, ['Red', 'Blue']);
    assert.deepEqual(formToUpdateInput('m', { ...shown, categories: [] }, shown), {
      meetingId: 'm',
      categories: [],
    });
    assert.deepEqual(formToUpdateInput('m', shown, shown), { meetingId: 'm' });
    assert.ok(submit({ ...values, categories: ['Red'] }));
    assert.equal(submit({ ...values, categories: 'Red' }), undefined);
    assert.equal(submit({ ...values, categories: [1] }), undefined);
  });
});
