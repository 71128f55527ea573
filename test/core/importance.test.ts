// `importance`, added through the field table alone (src/core/fields.ts + its strings): every layer derives it.
// Unit checks of validation, mapping, the form model and the protocol, then the real client against the fake.
import assert from 'node:assert/strict';
import { fromGraphEvent, toCreateBody, toUpdateBody } from '../../src/core/mapping';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import {
  defaultFormValues,
  formToScheduleInput,
  formToUpdateInput,
  meetingToFormValues,
} from '../../src/shared/formModel';
import { parseFromWebview } from '../../src/shared/protocol';
import { isInvalidInputError } from '../../src/graph/errors';
import { revalidateDraft } from '../../src/services/recovery';
import { sampleDraft, useHarness } from '../fake/harness';
import { ctx, times } from './fixtures';

describe('importance (one field of the table, end to end)', () => {
  it('validates: low, normal or high, case-folded; anything else names the field', () => {
    const ok = validateSchedule({ ...times, importance: ' High ' }, ctx);
    assert.ok(ok.ok);
    assert.equal(ok.value.importance, 'high');
    const bad = validateSchedule({ ...times, importance: 'urgent' }, ctx);
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => [e.field, e.code, e.message]),
      [['importance', 'wrongType', '"importance" must be "low", "normal" or "high", not a string.']],
    );
    const update = validateUpdate({ meetingId: 'AAMk=', importance: 3 }, ctx);
    assert.ok(!update.ok);
    assert.equal(update.errors[0]?.field, 'importance');
  });

  it('maps to Graph and back; an update without it keeps it (sends nothing)', () => {
    const create = toCreateBody({ ...sampleDraft(), importance: 'low' }, { transactionId: 't' });
    assert.equal(create.importance, 'low');
    assert.equal(toCreateBody(sampleDraft(), { transactionId: 't' }).importance, undefined);
    assert.deepEqual(toUpdateBody({ meetingId: 'm', importance: 'high' }), { importance: 'high' });
    const changes = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
    assert.ok(changes.ok);
    assert.equal('importance' in toUpdateBody(changes.value), false);
    const event = {
      id: 'e',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
    };
    assert.equal(fromGraphEvent({ ...event, importance: 'High' }).importance, 'high');
    assert.equal(fromGraphEvent({ ...event, importance: 'unknownFutureValue' }).importance, undefined);
  });

  it('is a select in the form: absent at normal, sent when chosen or changed', () => {
    const values = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
    assert.equal('importance' in values, false);
    assert.equal('importance' in formToScheduleInput(values), false);
    assert.equal(formToScheduleInput({ ...values, importance: 'high' }).importance, 'high');
    assert.deepEqual(formToUpdateInput('m', { ...values, importance: 'low' }, values), {
      meetingId: 'm',
      importance: 'low',
    });
    assert.deepEqual(formToUpdateInput('m', values, { ...values, importance: 'high' }), {
      meetingId: 'm',
      importance: 'normal',
    });
    const meeting = fromGraphEvent({
      id: 'e',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
      importance: 'high',
    });
    assert.equal(meetingToFormValues(meeting, 'UTC').importance, 'high');
    const submit = { type: 'submit', requestId: 'r', values: { ...values, importance: 'high' } };
    assert.deepEqual(parseFromWebview(submit), submit);
    assert.equal(parseFromWebview({ ...submit, values: { ...values, importance: 'urgent' } }), undefined);
  });

  it('survives in a stored pending create (recovery reads every draft field of the table)', () => {
    const draft = { ...sampleDraft(), contentType: 'text' as const, importance: 'high' as const };
    assert.deepEqual(revalidateDraft(draft), draft);
  });

  describe('against the fake Graph (HTTPS)', () => {
    const h = useHarness();

    it('schedules with it, reads it back, and an update that leaves it out keeps it', async () => {
      const client = h.client();
      const made = await client.schedule(
        { ...sampleDraft(), importance: 'high' },
        { transactionId: 'tx-imp' },
      );
      assert.equal(made.importance, 'high');
      const updated = await client.update({ meetingId: made.id, subject: 'Renamed' }, { current: made });
      assert.equal(updated.importance, 'high');
      assert.equal([...h.fake.events.values()][0]?.importance, 'high');
    });

    it('refuses a value Graph does not know with 400, as Graph does', async () => {
      const client = h.client();
      await assert.rejects(
        client.schedule({ ...sampleDraft(), importance: 'urgent' as 'high' }, { transactionId: 'tx-bad' }),
        (e: unknown) => isInvalidInputError(e),
      );
      assert.equal(h.fake.events.size, 0);
    });
  });
});
