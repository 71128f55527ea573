// Issue 12: the form's calendar picker, in Node: which calendars it offers (editable ones, the default first, only
// when there are two or more), the `calendars` message the host sends after `init`, and calendarId in the form's values.
import assert from 'node:assert/strict';
import { formControl } from '../../src/core/fields';
import { validateSchedule } from '../../src/core/validate';
import {
  calendarChoices,
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
} from '../../src/shared/formModel';
import { parseFromWebview, parseToWebview } from '../../src/shared/protocol';

const calendars = [
  { id: 'AAMkTeam=', name: 'Team', canEdit: true, isDefault: false },
  { id: 'AAMkDefault=', name: 'Calendar', canEdit: true, isDefault: true },
  { id: 'AAMkHolidays=', name: 'Holidays', canEdit: false, isDefault: false },
];

describe('calendar picker (form model and protocol)', () => {
  it('offers the editable calendars, the default first as "" , only when there are two or more', () => {
    assert.deepEqual(calendarChoices(calendars), [
      { id: '', name: 'Calendar' },
      { id: 'AAMkTeam=', name: 'Team' },
    ]);
    assert.deepEqual(calendarChoices(calendars.slice(1)), [], 'one editable calendar: no picker');
    assert.deepEqual(calendarChoices([]), []);
  });

  it('is an option of the schedule form: absent for the default calendar, sent when chosen, never in an update', () => {
    assert.equal(formControl('calendarId').control, 'calendar');
    const values = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
    assert.equal('calendarId' in values, false);
    assert.equal('calendarId' in formToScheduleInput(values), false);
    const chosen = formToScheduleInput({ ...values, calendarId: 'AAMkTeam=' });
    assert.equal(chosen.calendarId, 'AAMkTeam=');
    assert.ok(validateSchedule(chosen, { defaultTimeZone: 'Europe/Berlin' }).ok);
    assert.equal(
      'calendarId' in formToUpdateInput('m', { ...values, calendarId: 'AAMkTeam=' }, values),
      false,
    );
    assert.ok(
      parseFromWebview({ type: 'submit', requestId: 'r', values: { ...values, calendarId: 'AAMkTeam=' } }),
    );
    assert.equal(
      parseFromWebview({ type: 'submit', requestId: 'r', values: { ...values, calendarId: 3 } }),
      undefined,
    );
  });

  it('the calendars message is checked by the page', () => {
    const msg = {
      type: 'calendars',
      calendars: [
        { id: '', name: 'Calendar' },
        { id: 'AAMkTeam=', name: 'Team' },
      ],
    };
    assert.deepEqual(parseToWebview(msg), msg);
    for (const bad of [
      { type: 'calendars' },
      { type: 'calendars', calendars: [{ id: 1, name: 'x' }] },
      { type: 'calendars', calendars: [{ id: 'a', name: 'x', extra: true }] },
      { ...msg, extra: 1 },
    ])
      assert.equal(parseToWebview(bad), undefined, JSON.stringify(bad));
  });
});
