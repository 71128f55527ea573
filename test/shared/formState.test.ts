import assert from 'node:assert/strict';
import { fieldError } from '../../src/core/messages';
import {
  applyResult,
  draftFor,
  firstInvalid,
  hostErrorsAfterEdit,
  moveEndWithStart,
  newDraft,
  offersClosedDraft,
  sentMeetingIdOf,
  statusIsStale,
  submitLabel,
  submitStep,
  touchedAfterEdit,
  visibleErrors,
} from '../../src/shared/formState';
import type { Draft } from '../../src/shared/formState';
import { storedToFormValues } from '../../src/shared/formModel';
import { formStrings } from '../../src/shared/formStrings';
import type { FormValues, InitMessage } from '../../src/shared/protocol';
import { sampleValues } from './sampleValues';

const values: FormValues = sampleValues({ subject: 'Weekly' });
const init = (over: Partial<InitMessage> = {}): InitMessage => ({
  type: 'init',
  mode: 'schedule',
  values,
  teams: { enabled: true },
  strings: { ...formStrings },
  messages: {},
  timeZones: ['Europe/Berlin'],
  maxAttendees: 500,
  ...over,
});
const now = Date.parse('2030-06-01T00:00:00Z');

describe('formState (the form page rules, in Node)', () => {
  describe('the draft', () => {
    it('starts from init and restores only a draft of the same form, checked by the protocol', () => {
      const draft = newDraft(init({ values: { ...values, attendees: ['a@example.com', 'b@example.com'] } }));
      assert.equal(draft.attendeesText, 'a@example.com\nb@example.com');
      const saved = { ...draft, touched: ['subject', 3], pending: 'r1' };
      assert.deepEqual(draftFor(saved, init())?.touched, ['subject']);
      assert.equal(draftFor(saved, init())?.pending, 'r1');
      assert.equal(draftFor(saved, init({ mode: 'update', meetingId: 'M' })), undefined, 'another form');
      assert.equal(draftFor({ ...saved, values: { ...values, subject: 5 } }, init()), undefined);
      assert.equal(draftFor({ ...saved, values: { ...values, importance: 'urgent' } }, init()), undefined);
      assert.equal(draftFor({ ...saved, version: 2 }, init()), undefined);
      assert.equal(draftFor('nonsense', init()), undefined);
    });

    it('offers a closed draft once, in a new form only', () => {
      const closed = init({ closedDraft: { ...values, subject: 'Lost' } });
      const draft = newDraft(closed);
      assert.equal(offersClosedDraft(closed, draft), true);
      assert.equal(offersClosedDraft(closed, { ...draft, offerHandled: true }), false);
      assert.equal(offersClosedDraft({ ...closed, mode: 'update' }, draft), false);
      assert.equal(offersClosedDraft(init(), draft), false);
    });
  });

  describe('which error shows when', () => {
    const errors = [
      fieldError('start', 'required'),
      fieldError('attendees[1]', 'invalidEmail', { value: 'x' }),
      fieldError('meetingId', 'required'),
    ];
    it("shows a field's errors once it was visited, every one after a submit, each field and code once", () => {
      assert.deepEqual([...visibleErrors(errors, [], new Set(), false).keys()], []);
      assert.deepEqual([...visibleErrors(errors, [], new Set(['attendees']), false).keys()], ['attendees']);
      const all = visibleErrors(errors, [fieldError('start', 'required')], new Set(), true);
      assert.deepEqual([...all.keys()], ['start', 'attendees'], 'meetingId is no form field');
      assert.equal(all.get('start')?.length, 1, 'the host repeating an error shows it once');
      assert.equal(firstInvalid(all), 'start');
    });
    it("drops the host's errors of a field the user edits, and editing the start shows the end's", () => {
      const host = [fieldError('subject', 'tooLong'), fieldError('attendees[0]', 'invalidEmail')];
      assert.deepEqual(
        hostErrorsAfterEdit(host, 'attendees').map((e) => e.field),
        ['subject'],
      );
      assert.deepEqual([...touchedAfterEdit(new Set(), 'start')], ['start', 'end']);
    });
  });

  describe('moving the end with the start', () => {
    it('keeps the length; a start that is not a date-time yet keeps the last one to measure from', () => {
      const moved = moveEndWithStart(values.start, values, { ...values, start: '2030-06-03T14:15' });
      assert.equal(moved.values.end, '2030-06-03T14:45');
      assert.equal(moved.prevStart, '2030-06-03T14:15');
      const partial = moveEndWithStart(values.start, values, { ...values, start: '' });
      assert.equal(partial.values.end, values.end);
      assert.equal(partial.prevStart, values.start);
      const inverted = { ...values, end: '2030-06-03T09:00' };
      const none = moveEndWithStart(values.start, inverted, { ...inverted, start: '2030-06-03T11:00' });
      assert.equal(none.values.end, '2030-06-03T09:00', 'no length to keep: the end stays');
    });
  });

  describe('the submit state machine', () => {
    const draft = (over: Partial<Draft> = {}): Draft => ({ ...newDraft(init()), ...over });
    it('sends a filled, valid form; refuses while busy; shows errors first', () => {
      const original = { ...values, subject: '' };
      assert.deepEqual(submitStep(draft(), original, [], false, now), { kind: 'send' });
      assert.deepEqual(submitStep(draft({ pending: 'r' }), original, [], false, now), { kind: 'busy' });
      assert.deepEqual(
        submitStep(draft({ success: { meetingId: 'M', canJoin: false } }), original, [], false, now),
        { kind: 'busy' },
      );
      assert.deepEqual(
        submitStep(draft({ locked: 'This meeting was cancelled.' }), original, [], true, now),
        { kind: 'busy' },
        'a locked form sends nothing (issue 15)',
      );
      assert.deepEqual(submitStep(draft(), original, [fieldError('end', 'required')], false, now), {
        kind: 'invalid',
      });
    });
    it('asks before sending an untouched form, no subject or a past start, then sends once confirmed', () => {
      const untouched = draft({ values: { ...values, subject: '' } });
      assert.deepEqual(submitStep(untouched, untouched.values, [], false, now), {
        kind: 'confirm',
        concerns: ['untouched', 'noSubject'],
        focus: 'subject',
      });
      const past = draft({ values: { ...values, start: '2030-05-01T10:00', end: '2030-05-01T10:30' } });
      assert.deepEqual(submitStep(past, values, [], false, now), {
        kind: 'confirm',
        concerns: ['past'],
        focus: 'start',
      });
      assert.deepEqual(submitStep(past, values, [], true, now), { kind: 'send' });
    });
    it('in an update says nothing changed until something has', () => {
      const update = draft({ mode: 'update', meetingId: 'M' });
      assert.deepEqual(submitStep(update, values, [], false, now), { kind: 'nothingChanged' });
      assert.equal(statusIsStale('nothingChanged', update, values, false), false);
      const changed = { ...update, values: { ...values, location: 'Room 2' } };
      assert.deepEqual(submitStep(changed, values, [], false, now), { kind: 'send' });
      assert.equal(statusIsStale('nothingChanged', changed, values, false), true);
      assert.equal(statusIsStale('errorSummary', changed, values, true), false);
      assert.equal(statusIsStale('errorSummary', changed, values, false), true);
    });
    it('lands only the answer to the request in flight: success kept for a reload, failure with its errors', () => {
      const d = draft({ pending: 'r1' });
      assert.deepEqual(applyResult(d, { type: 'result', requestId: 'r0', ok: true, meetingId: 'M' }), {
        kind: 'ignored',
      });
      assert.equal(d.pending, 'r1');
      const failed = applyResult(d, {
        type: 'result',
        requestId: 'r1',
        ok: false,
        errors: [fieldError('subject', 'tooLong')],
        message: '',
      });
      assert.deepEqual(failed, { kind: 'failed', hostErrors: [fieldError('subject', 'tooLong')] });
      assert.equal(d.pending, undefined);
      d.pending = 'r2';
      const ok = applyResult(d, { type: 'result', requestId: 'r2', ok: true, meetingId: 'M', canJoin: true });
      assert.deepEqual(ok, { kind: 'success', success: { meetingId: 'M', canJoin: true, sent: values } });
      assert.deepEqual(d.success, { meetingId: 'M', canJoin: true, sent: values });
    });
    it('names the button by what it does', () => {
      assert.equal(submitLabel(draft()), 'submitSave');
      assert.equal(submitLabel(draft({ attendeesText: 'a@example.com' })), 'submitSend');
      assert.equal(
        submitLabel(draft({ attendeesText: 'a@example.com', mode: 'update' })),
        'submitSendUpdate',
      );
      assert.equal(submitLabel(draft({ pending: 'r' })), 'sending');
    });
  });
});

describe('the saved page state, as the host reads it on restore (issue 15)', () => {
  it("names the meeting a new form's success view shows, and nothing for a form still being filled", () => {
    const d = newDraft(init());
    assert.equal(sentMeetingIdOf(d), undefined);
    d.pending = 'r1';
    assert.equal(
      applyResult(d, { type: 'result', requestId: 'r1', ok: true, meetingId: 'AAMk=' }).kind,
      'success',
    );
    assert.equal(sentMeetingIdOf(JSON.parse(JSON.stringify(d))), 'AAMk=');
    for (const junk of [undefined, null, 'x', { success: 'AAMk=' }, { success: { meetingId: 5 } }])
      assert.equal(sentMeetingIdOf(junk), undefined);
  });
});

describe("a read-only form of a meeting known only from the store (issue 15: a deleted meeting's details)", () => {
  it("shows the stored subject, times in the user's zone and Teams, nothing else", () => {
    const v = storedToFormValues(
      {
        subject: 'Retro',
        start: Date.UTC(2030, 5, 3, 8, 0),
        end: Date.UTC(2030, 5, 3, 8, 45),
        online: true,
      },
      'Europe/Berlin',
    );
    assert.deepEqual(v, {
      start: '2030-06-03T10:00',
      end: '2030-06-03T10:45',
      timeZone: 'Europe/Berlin',
      subject: 'Retro',
      attendees: [],
      isAllDay: false,
      optionalAttendees: [],
      resources: [],
      recurrence: '',
      location: '',
      teamsMeeting: true,
      content: '',
    });
  });
});
