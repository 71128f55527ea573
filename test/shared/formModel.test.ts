import assert from 'node:assert/strict';
import type { Meeting } from '../../src/core/types';
import { validateSchedule } from '../../src/core/validate';
import {
  addWallMinutes,
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  hasChanges,
  meetingToFormValues,
  draftWorthKeeping,
  duplicateAttendees,
  parseAttendees,
  startsInPast,
  submitConcerns,
} from '../../src/shared/formModel';
import type { FormValues } from '../../src/shared/protocol';

const base: FormValues = {
  start: '2030-06-03T10:00',
  end: '2030-06-03T10:30',
  timeZone: 'Europe/Berlin',
  subject: 'Weekly',
  attendees: ['a@example.com', 'b@example.com'],
  isAllDay: false,
  optionalAttendees: [],
  resources: [],
  recurrence: '',
  location: 'Room 1',
  teamsMeeting: true,
  content: 'Agenda',
};

describe('formModel', () => {
  describe('draftWorthKeeping', () => {
    it('keeps a closed form only when something was typed besides the times', () => {
      const blank = { ...base, subject: '', attendees: [], location: '', content: '' };
      assert.equal(draftWorthKeeping(blank, blank), false);
      assert.equal(draftWorthKeeping({ ...blank, start: '2030-06-04T10:00' }, blank), false);
      assert.equal(draftWorthKeeping({ ...blank, subject: 'Plan' }, blank), true);
      assert.equal(draftWorthKeeping({ ...blank, attendees: ['a@x.com'] }, blank), true);
      assert.equal(draftWorthKeeping({ ...blank, content: 'Notes' }, blank), true);
      assert.equal(draftWorthKeeping({ ...blank, subject: '  ' }, blank), false);
    });
  });

  describe('submitConcerns', () => {
    const now = Date.parse('2030-06-03T07:00:00Z');
    it('asks about an untouched new form, a missing subject and a start in the past', () => {
      const blank = { ...base, subject: '', attendees: [] };
      assert.deepEqual(submitConcerns('schedule', blank, blank, now), ['untouched', 'noSubject']);
      assert.deepEqual(submitConcerns('schedule', base, blank, now), []);
      assert.deepEqual(submitConcerns('update', base, base, now), [], 'an update is never "untouched"');
      // 08:30 in Berlin is 06:30 UTC, before 07:00 UTC.
      assert.deepEqual(submitConcerns('schedule', { ...base, start: '2030-06-03T08:30' }, blank, now), [
        'past',
      ]);
    });
    it('judges the past in the chosen zone, so a zone change can move the start into the past', () => {
      const v = { ...base, start: '2030-06-03T08:30', timeZone: 'Europe/London' };
      assert.equal(startsInPast(v, now), false, '08:30 in London is 07:30 UTC');
      assert.equal(startsInPast({ ...v, timeZone: 'Asia/Tokyo' }, now), true, '08:30 in Tokyo is 23:30 UTC');
      assert.equal(startsInPast({ ...v, start: 'nonsense' }, now), false);
      assert.equal(startsInPast({ ...v, timeZone: 'Not/AZone' }, now), false);
    });
  });

  describe('defaultFormValues', () => {
    it('starts at the next half hour in the zone and lasts the given minutes', () => {
      const v = defaultFormValues(new Date('2030-01-15T08:07:00Z'), 'Europe/Berlin', 45);
      assert.equal(v.start, '2030-01-15T09:30');
      assert.equal(v.end, '2030-01-15T10:15');
      assert.equal(v.timeZone, 'Europe/Berlin');
      assert.deepEqual(
        { ...v, start: '', end: '' },
        {
          start: '',
          end: '',
          timeZone: 'Europe/Berlin',
          subject: '',
          attendees: [],
          isAllDay: false,
          optionalAttendees: [],
          resources: [],
          recurrence: '',
          location: '',
          teamsMeeting: false,
          content: '',
        },
      );
    });

    it('moves on from an exact half hour and across midnight', () => {
      assert.equal(defaultFormValues(new Date('2030-01-15T09:30:00Z'), 'UTC', 30).start, '2030-01-15T10:00');
      const late = defaultFormValues(new Date('2030-12-31T23:50:00Z'), 'UTC', 60);
      assert.deepEqual([late.start, late.end], ['2031-01-01T00:00', '2031-01-01T01:00']);
    });

    it('uses the wall clock of zones with odd offsets', () => {
      assert.equal(
        defaultFormValues(new Date('2030-01-15T08:07:00Z'), 'Asia/Kolkata', 30).start,
        '2030-01-15T14:00',
      );
    });
  });

  it('adds wall minutes and rejects non-wall text', () => {
    assert.equal(addWallMinutes('2030-02-28T23:45', 30), '2030-03-01T00:15');
    assert.equal(addWallMinutes('', 30), undefined);
    assert.equal(addWallMinutes('2030-02-30T10:00', 30), undefined);
  });

  it("reads Outlook's copied addresses: names in angle brackets, quoted names with commas, ; lists", () => {
    assert.deepEqual(
      parseAttendees('Ana Smith <ana@contoso.example>; "Smith, Bo" <bo@contoso.example>, c@x.com;\nd@x.com'),
      ['ana@contoso.example', 'bo@contoso.example', 'c@x.com', 'd@x.com'],
    );
    assert.deepEqual(parseAttendees('Smith, Ana <ana@contoso.example>'), ['ana@contoso.example']);
    assert.deepEqual(
      parseAttendees('bob, <x>@evil'),
      ['bob', '<x>@evil'],
      'no bracketed address: kept as typed',
    );
  });

  it('names each address listed more than once (ignoring case)', () => {
    assert.deepEqual(duplicateAttendees(['a@x.com', 'B@x.com', 'A@X.com', 'b@x.com', 'a@x.com', 'c@x.com']), [
      'a@x.com',
      'B@x.com',
    ]);
  });

  it('splits attendees on lines, commas and semicolons', () => {
    assert.deepEqual(parseAttendees(' a@x.com\n\nb@x.com, c@x.com;d@x.com \r\n'), [
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
    ]);
  });

  it('turns form values into a schedule input the core validator accepts', () => {
    const input = formToScheduleInput(base);
    assert.deepEqual(input, {
      start: '2030-06-03T10:00:00',
      end: '2030-06-03T10:30:00',
      timeZone: 'Europe/Berlin',
      subject: 'Weekly',
      attendees: ['a@example.com', 'b@example.com'],
      location: 'Room 1',
      teamsMeeting: true,
      isAllDay: false,
      content: 'Agenda',
      contentType: 'text',
    });
    const checked = validateSchedule(input, { defaultTimeZone: 'UTC' });
    assert.equal(checked.ok, true);
    const empty = formToScheduleInput({ ...base, subject: ' ', attendees: [], location: '', content: '' });
    assert.deepEqual(Object.keys(empty).sort(), ['end', 'isAllDay', 'start', 'teamsMeeting', 'timeZone']);
  });

  describe('formToUpdateInput', () => {
    it('sends nothing but the ID when nothing changed (attendee order and case do not count)', () => {
      const same = { ...base, attendees: ['B@example.com', ' a@example.com'], content: 'Agenda\r\n' };
      const input = formToUpdateInput('M1', same, base);
      assert.deepEqual(input, { meetingId: 'M1' });
      assert.equal(hasChanges(input), false);
    });

    it('sends only the changed fields', () => {
      assert.deepEqual(formToUpdateInput('M1', { ...base, subject: 'New' }, base), {
        meetingId: 'M1',
        subject: 'New',
      });
      assert.deepEqual(formToUpdateInput('M1', { ...base, location: '' }, base), {
        meetingId: 'M1',
        location: '',
      });
      assert.deepEqual(formToUpdateInput('M1', { ...base, teamsMeeting: false }, base), {
        meetingId: 'M1',
        teamsMeeting: false,
      });
      assert.deepEqual(formToUpdateInput('M1', { ...base, content: 'More' }, base), {
        meetingId: 'M1',
        content: 'More',
        contentType: 'text',
      });
    });

    it('sends attendees only when the set changed', () => {
      const added = formToUpdateInput(
        'M1',
        { ...base, attendees: [...base.attendees, 'c@example.com'] },
        base,
      );
      // With the other two lists (issue 12: the three travel together).
      assert.deepEqual(added, {
        meetingId: 'M1',
        attendees: ['a@example.com', 'b@example.com', 'c@example.com'],
        optionalAttendees: [],
        resources: [],
      });
      assert.deepEqual(formToUpdateInput('M1', { ...base, attendees: [] }, base), {
        meetingId: 'M1',
        attendees: [],
        optionalAttendees: [],
        resources: [],
      });
    });

    it('sends the time block together when start, end or zone changed', () => {
      const block = { start: '2030-06-03T11:00:00', end: '2030-06-03T10:30:00', timeZone: 'Europe/Berlin' };
      assert.deepEqual(formToUpdateInput('M1', { ...base, start: '2030-06-03T11:00' }, base), {
        meetingId: 'M1',
        ...block,
      });
      assert.deepEqual(formToUpdateInput('M1', { ...base, timeZone: 'UTC' }, base), {
        meetingId: 'M1',
        start: '2030-06-03T10:00:00',
        end: '2030-06-03T10:30:00',
        timeZone: 'UTC',
      });
    });
  });

  it('shows a meeting in the user zone', () => {
    const meeting: Meeting = {
      id: 'M1',
      subject: 'Review',
      start: { dateTime: '2030-06-03T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2030-06-03T09:15:00.0000000', timeZone: 'UTC' },
      location: 'Room 7',
      attendees: [
        { address: 'a@example.com', type: 'required' },
        { address: 'b@example.com', type: 'optional' },
      ],
      isOnlineMeeting: true,
      isOrganizer: true,
      isCancelled: false,
      content: 'Notes',
      contentType: 'text',
    };
    assert.deepEqual(meetingToFormValues(meeting, 'Europe/Berlin'), {
      start: '2030-06-03T10:00',
      end: '2030-06-03T11:15',
      timeZone: 'Europe/Berlin',
      subject: 'Review',
      attendees: ['a@example.com'],
      isAllDay: false,
      optionalAttendees: ['b@example.com'],
      resources: [],
      recurrence: '',
      location: 'Room 7',
      teamsMeeting: true,
      content: 'Notes',
    });
    const windows = meetingToFormValues(
      {
        ...meeting,
        start: { dateTime: '2030-01-10T09:00:00', timeZone: 'Pacific Standard Time' },
        location: undefined,
      },
      'America/New_York',
    );
    assert.equal(windows.start, '2030-01-10T12:00');
    assert.equal(windows.location, '');
  });
});
