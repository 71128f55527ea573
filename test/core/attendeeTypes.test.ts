// Issue 12: optional attendees and rooms/equipment (`optionalAttendees`, `resources`) beside the required
// `attendees`: validation naming the field, the Graph bodies (one `attendees` list with every type), an update that
// keeps the types it was not given, the meeting read back and the form model.
import assert from 'node:assert/strict';
import { fromGraphEvent, toCreateBody, toUpdateBody } from '../../src/core/mapping';
import type { Meeting } from '../../src/core/types';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import {
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  meetingToFormValues,
} from '../../src/shared/formModel';
import { parseFromWebview } from '../../src/shared/protocol';
import { sampleDraft } from '../fake/harness';
import { ctx, times } from './fixtures';

const current: Meeting = {
  id: 'AAMk=',
  subject: 'Review',
  start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' },
  end: { dateTime: '2030-01-07T11:00:00', timeZone: 'Europe/Berlin' },
  attendees: [
    { address: 'ada@contoso.example', type: 'required', response: 'accepted' },
    { address: 'bob@contoso.example', type: 'optional' },
    { address: 'room1@contoso.example', name: 'Room 1', type: 'resource' },
  ],
  isOnlineMeeting: false,
  isOrganizer: true,
  isCancelled: false,
};

describe('attendee types: optionalAttendees and resources', () => {
  it('validates each list like attendees, naming the field and the item', () => {
    const ok = validateSchedule(
      {
        ...times,
        attendees: ['ada@contoso.example'],
        optionalAttendees: [' bob@contoso.example ', 'BOB@contoso.example'],
        resources: ['room1@contoso.example'],
      },
      ctx,
    );
    assert.ok(ok.ok);
    assert.deepEqual(ok.value.optionalAttendees, ['bob@contoso.example']);
    assert.deepEqual(ok.value.resources, ['room1@contoso.example']);
    const bad = validateSchedule(
      { ...times, optionalAttendees: ['nope'], resources: 'room1@contoso.example' },
      ctx,
    );
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => [e.field, e.code]),
      [
        ['optionalAttendees[0]', 'invalidEmail'],
        ['resources', 'wrongType'],
      ],
    );
    const empty = validateSchedule({ ...times, optionalAttendees: [], resources: [] }, ctx);
    assert.ok(empty.ok);
    assert.equal('optionalAttendees' in empty.value || 'resources' in empty.value, false);
  });

  it('refuses an address listed in two lists, naming the later one and the earlier list', () => {
    const result = validateSchedule(
      {
        ...times,
        attendees: ['ada@contoso.example'],
        optionalAttendees: ['bob@contoso.example', 'Ada@Contoso.example'],
        resources: ['bob@contoso.example'],
      },
      ctx,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.code]),
      [
        ['optionalAttendees[1]', 'attendeeInTwoLists'],
        ['resources[0]', 'attendeeInTwoLists'],
      ],
    );
    assert.match(result.errors[0]?.message ?? '', /Ada@Contoso\.example.*"attendees"/);
    assert.match(result.errors[1]?.message ?? '', /bob@contoso\.example.*"optionalAttendees"/);
    const update = validateUpdate(
      { meetingId: 'AAMk=', attendees: ['x@contoso.example'], resources: ['X@contoso.example'] },
      ctx,
    );
    assert.ok(!update.ok);
    assert.equal(update.errors[0]?.field, 'resources[0]');
  });

  it("counts the three lists together against Graph's 500 attendees", () => {
    const many = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}@contoso.example`);
    const result = validateSchedule(
      { ...times, attendees: many('a', 300), optionalAttendees: many('o', 150), resources: many('r', 51) },
      ctx,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.code]),
      [['resources', 'tooManyAttendees']],
    );
  });

  it('sends one attendees list with each type on create', () => {
    const body = toCreateBody(
      sampleDraft({
        attendees: ['ada@contoso.example'],
        optionalAttendees: ['bob@contoso.example'],
        resources: ['room1@contoso.example'],
      }),
      { transactionId: 't' },
    );
    assert.deepEqual(body.attendees, [
      { emailAddress: { address: 'ada@contoso.example' }, type: 'required' },
      { emailAddress: { address: 'bob@contoso.example' }, type: 'optional' },
      { emailAddress: { address: 'room1@contoso.example' }, type: 'resource' },
    ]);
    assert.equal('optionalAttendees' in body || 'resources' in body, false);
  });

  it('an update of one list sends the whole list, keeping the other types as they are', () => {
    const onlyOptional = validateUpdate(
      { meetingId: 'AAMk=', optionalAttendees: ['cy@contoso.example'] },
      ctx,
    );
    assert.ok(onlyOptional.ok);
    assert.deepEqual(toUpdateBody(onlyOptional.value, current).attendees, [
      { emailAddress: { address: 'ada@contoso.example' }, type: 'required' },
      { emailAddress: { address: 'cy@contoso.example' }, type: 'optional' },
      { emailAddress: { address: 'room1@contoso.example', name: 'Room 1' }, type: 'resource' },
    ]);
    // Required only (as before issue 12): the optional attendee and the room stay.
    assert.deepEqual(
      toUpdateBody({ meetingId: 'AAMk=', attendees: [] }, current).attendees?.map((a) => [
        a.emailAddress.address,
        a.type,
      ]),
      [
        ['bob@contoso.example', 'optional'],
        ['room1@contoso.example', 'resource'],
      ],
    );
    // Moving someone to another list: the list given wins, nobody is sent twice.
    assert.deepEqual(
      toUpdateBody(
        { meetingId: 'AAMk=', resources: ['room1@contoso.example', 'BOB@contoso.example'] },
        current,
      ).attendees?.map((a) => [a.emailAddress.address, a.type]),
      [
        ['ada@contoso.example', 'required'],
        ['room1@contoso.example', 'resource'],
        ['BOB@contoso.example', 'resource'],
      ],
    );
    // No attendee list given: no attendees sent (Graph replaces the list wholesale).
    assert.equal('attendees' in toUpdateBody({ meetingId: 'AAMk=', subject: 'x' }, current), false);
  });

  it('an update of an attendee list without the current meeting is refused, not sent half', () => {
    assert.throws(
      () => toUpdateBody({ meetingId: 'AAMk=', optionalAttendees: ['cy@contoso.example'] }),
      /current meeting/,
    );
  });

  it("the meeting read back keeps each attendee's type", () => {
    const meeting = fromGraphEvent({
      id: 'e',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
      attendees: [
        { type: 'Required', emailAddress: { address: 'ada@contoso.example' } },
        { type: 'Optional', emailAddress: { address: 'bob@contoso.example' } },
        { type: 'Resource', emailAddress: { address: 'room1@contoso.example' } },
      ],
    });
    assert.deepEqual(
      meeting.attendees.map((a) => a.type),
      ['required', 'optional', 'resource'],
    );
  });

  it('the form has three lists: shown from the meeting, sent when changed', () => {
    const values = meetingToFormValues(current, 'Europe/Berlin');
    assert.deepEqual(values.attendees, ['ada@contoso.example']);
    assert.deepEqual(values.optionalAttendees, ['bob@contoso.example']);
    assert.deepEqual(values.resources, ['room1@contoso.example']);
    // The three lists travel together, so an address in two of them is caught.
    assert.deepEqual(formToUpdateInput('AAMk=', { ...values, resources: [] }, values), {
      meetingId: 'AAMk=',
      attendees: ['ada@contoso.example'],
      optionalAttendees: ['bob@contoso.example'],
      resources: [],
    });
    assert.equal('attendees' in formToUpdateInput('AAMk=', { ...values, subject: 'x' }, values), false);
    const fresh = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
    assert.deepEqual(fresh.optionalAttendees, []);
    assert.deepEqual(fresh.resources, []);
    const input = formToScheduleInput({ ...fresh, optionalAttendees: ['bob@contoso.example'] });
    assert.deepEqual(input.optionalAttendees, ['bob@contoso.example']);
    assert.equal('resources' in input, false);
    const submit = {
      type: 'submit',
      requestId: 'r',
      values: { ...fresh, resources: ['room1@contoso.example'] },
    };
    assert.ok(parseFromWebview(submit));
    assert.equal(parseFromWebview({ ...submit, values: { ...fresh, resources: 'room1' } }), undefined);
  });
});
