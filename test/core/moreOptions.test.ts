// The "More options" fields of issue 12 (showAs, sensitivity, ...), added through the field table alone like
// `importance` (test/core/importance.test.ts): validation, mapping, the form model, the protocol, the fake.
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

const event = {
  id: 'e',
  start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
};

/** One enum field: a value to send, its form default, one bad value, and the refusal's text. */
const enums = [
  {
    field: 'showAs',
    value: 'workingElsewhere',
    input: ' WorkingElsewhere ',
    other: 'oof',
    formDefault: 'busy',
    bad: 'away',
    message: '"showAs" must be "free", "tentative", "busy", "oof" or "workingElsewhere", not a string.',
  },
  {
    field: 'sensitivity',
    value: 'private',
    input: 'Private',
    other: 'confidential',
    formDefault: 'normal',
    bad: 'secret',
    message: '"sensitivity" must be "normal", "personal", "private" or "confidential", not a string.',
  },
] as const;

/** The Boolean options and their value on a new meeting (Graph's default, the form's). */
const booleans = [
  { field: 'isReminderOn', formDefault: true },
  { field: 'responseRequested', formDefault: true },
  { field: 'allowNewTimeProposals', formDefault: true },
  { field: 'hideAttendees', formDefault: false },
] as const;

describe('more options (fields of the table, end to end)', () => {
  describe('categories', () => {
    it('validates a bounded list of non-empty strings; anything else names the field', () => {
      const ok = validateSchedule({ ...times, categories: ['Red category', 'Project X'] }, ctx);
      assert.ok(ok.ok);
      assert.deepEqual(ok.value.categories, ['Red category', 'Project X']);
      const empty = validateSchedule({ ...times, categories: [] }, ctx);
      assert.ok(empty.ok);
      assert.equal('categories' in empty.value, false, 'an empty list is left out of a schedule');
      const tooMany = Array.from({ length: 51 }, (_, i) => `c${i}`);
      for (const bad of ['Red', [''], ['  '], [3], ['x'.repeat(256)], tooMany, { 0: 'a' }]) {
        const result = validateSchedule({ ...times, categories: bad }, ctx);
        assert.ok(!result.ok, JSON.stringify(bad));
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.code]),
          [['categories', 'wrongType']],
        );
        assert.match(
          result.errors[0]?.message ?? '',
          /"categories" must be a list of at most 50 non-empty strings/,
        );
      }
      const cleared = validateUpdate({ meetingId: 'AAMk=', categories: [] }, ctx);
      assert.ok(cleared.ok);
      assert.deepEqual(
        toUpdateBody(cleared.value),
        { categories: [] },
        'an empty list clears them in an update',
      );
    });

    it('maps to Graph and back; an update without it sends nothing for it', () => {
      const body = toCreateBody({ ...sampleDraft(), categories: ['Blue'] }, { transactionId: 't' });
      assert.deepEqual(body.categories, ['Blue']);
      assert.equal(toCreateBody(sampleDraft(), { transactionId: 't' }).categories, undefined);
      const changes = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
      assert.ok(changes.ok);
      assert.equal('categories' in toUpdateBody(changes.value), false);
      assert.deepEqual(fromGraphEvent({ ...event, categories: ['Blue'] }).categories, ['Blue']);
      assert.throws(() => fromGraphEvent({ ...event, categories: 'Blue' }));
      assert.throws(() => fromGraphEvent({ ...event, categories: [1] }));
    });
  });

  describe('reminderMinutesBeforeStart', () => {
    it('validates a whole number from 0; anything else names the field', () => {
      for (const minutes of [0, 15, 20160]) {
        const ok = validateSchedule({ ...times, reminderMinutesBeforeStart: minutes }, ctx);
        assert.ok(ok.ok);
        assert.equal(ok.value.reminderMinutesBeforeStart, minutes);
      }
      for (const bad of [-1, 1.5, '15', Number.NaN, 2 ** 31, true]) {
        const result = validateSchedule({ ...times, reminderMinutesBeforeStart: bad }, ctx);
        assert.ok(!result.ok, String(bad));
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.code]),
          [['reminderMinutesBeforeStart', 'wrongType']],
        );
        assert.match(
          result.errors[0]?.message ?? '',
          /"reminderMinutesBeforeStart" must be a whole number from 0/,
        );
      }
      const update = validateUpdate({ meetingId: 'AAMk=', reminderMinutesBeforeStart: -5 }, ctx);
      assert.ok(!update.ok);
      assert.equal(update.errors[0]?.field, 'reminderMinutesBeforeStart');
    });

    it('maps to Graph and back; an update without it sends nothing for it', () => {
      const body = toCreateBody({ ...sampleDraft(), reminderMinutesBeforeStart: 0 }, { transactionId: 't' });
      assert.equal(body.reminderMinutesBeforeStart, 0);
      assert.equal(toCreateBody(sampleDraft(), { transactionId: 't' }).reminderMinutesBeforeStart, undefined);
      assert.deepEqual(toUpdateBody({ meetingId: 'm', reminderMinutesBeforeStart: 30 }), {
        reminderMinutesBeforeStart: 30,
      });
      const changes = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
      assert.ok(changes.ok);
      assert.equal('reminderMinutesBeforeStart' in toUpdateBody(changes.value), false);
      assert.equal(
        fromGraphEvent({ ...event, reminderMinutesBeforeStart: 30 }).reminderMinutesBeforeStart,
        30,
      );
      assert.equal(
        fromGraphEvent({ ...event, reminderMinutesBeforeStart: null }).reminderMinutesBeforeStart,
        undefined,
      );
      assert.throws(() => fromGraphEvent({ ...event, reminderMinutesBeforeStart: '30' }));
      // The form shows it as its number field's text (test/core/optionControls.test.ts).
      assert.equal(
        meetingToFormValues(fromGraphEvent({ ...event, reminderMinutesBeforeStart: 30 }), 'UTC')
          .reminderMinutesBeforeStart,
        '30',
      );
    });
  });

  for (const f of booleans) {
    describe(f.field, () => {
      const chosen = !f.formDefault;
      it('validates a boolean; anything else names the field', () => {
        const ok = validateSchedule({ ...times, [f.field]: chosen }, ctx);
        assert.ok(ok.ok);
        assert.equal(ok.value[f.field], chosen);
        const bad = validateSchedule({ ...times, [f.field]: 'yes' }, ctx);
        assert.ok(!bad.ok);
        assert.deepEqual(
          bad.errors.map((e) => [e.field, e.code]),
          [[f.field, 'wrongType']],
        );
        assert.match(bad.errors[0]?.message ?? '', new RegExp(`"${f.field}"`));
        const update = validateUpdate({ meetingId: 'AAMk=', [f.field]: 1 }, ctx);
        assert.ok(!update.ok);
        assert.equal(update.errors[0]?.field, f.field);
      });

      it('maps to Graph and back; an update without it sends nothing for it', () => {
        assert.equal(
          toCreateBody({ ...sampleDraft(), [f.field]: chosen }, { transactionId: 't' })[f.field],
          chosen,
        );
        assert.equal(toCreateBody(sampleDraft(), { transactionId: 't' })[f.field], undefined);
        assert.deepEqual(toUpdateBody({ meetingId: 'm', [f.field]: chosen }), { [f.field]: chosen });
        const changes = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
        assert.ok(changes.ok);
        assert.equal(f.field in toUpdateBody(changes.value), false);
        assert.equal(fromGraphEvent({ ...event, [f.field]: chosen })[f.field], chosen);
        assert.equal(fromGraphEvent({ ...event, [f.field]: null })[f.field], undefined);
        assert.throws(() => fromGraphEvent({ ...event, [f.field]: 'true' }));
      });

      it('is a switch in the form: absent at its default, sent when changed', () => {
        const values = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
        assert.equal(f.field in values, false);
        assert.equal(f.field in formToScheduleInput(values), false);
        assert.equal(formToScheduleInput({ ...values, [f.field]: chosen })[f.field], chosen);
        assert.deepEqual(formToUpdateInput('m', { ...values, [f.field]: chosen }, values), {
          meetingId: 'm',
          [f.field]: chosen,
        });
        assert.deepEqual(formToUpdateInput('m', values, { ...values, [f.field]: chosen }), {
          meetingId: 'm',
          [f.field]: f.formDefault,
        });
        const meeting = fromGraphEvent({ ...event, [f.field]: chosen });
        assert.equal(meetingToFormValues(meeting, 'UTC')[f.field], chosen);
        const submit = { type: 'submit', requestId: 'r', values: { ...values, [f.field]: chosen } };
        assert.deepEqual(parseFromWebview(submit), submit);
        assert.equal(parseFromWebview({ ...submit, values: { ...values, [f.field]: 'yes' } }), undefined);
      });
    });
  }

  for (const f of enums) {
    describe(f.field, () => {
      it('validates its values, case-folded; anything else names the field', () => {
        const ok = validateSchedule({ ...times, [f.field]: f.input }, ctx);
        assert.ok(ok.ok);
        assert.equal(ok.value[f.field], f.value);
        const bad = validateSchedule({ ...times, [f.field]: f.bad }, ctx);
        assert.ok(!bad.ok);
        assert.deepEqual(
          bad.errors.map((e) => [e.field, e.code, e.message]),
          [[f.field, 'wrongType', f.message]],
        );
        const update = validateUpdate({ meetingId: 'AAMk=', [f.field]: true }, ctx);
        assert.ok(!update.ok);
        assert.equal(update.errors[0]?.field, f.field);
      });

      it('maps to Graph and back; an update without it sends nothing for it', () => {
        assert.equal(
          toCreateBody({ ...sampleDraft(), [f.field]: f.value }, { transactionId: 't' })[f.field],
          f.value,
        );
        assert.equal(toCreateBody(sampleDraft(), { transactionId: 't' })[f.field], undefined);
        assert.deepEqual(toUpdateBody({ meetingId: 'm', [f.field]: f.value }), { [f.field]: f.value });
        const changes = validateUpdate({ meetingId: 'AAMk=', subject: 'x' }, ctx);
        assert.ok(changes.ok);
        assert.equal(f.field in toUpdateBody(changes.value), false);
        assert.equal(fromGraphEvent({ ...event, [f.field]: f.value.toUpperCase() })[f.field], f.value);
        assert.equal(fromGraphEvent({ ...event, [f.field]: 'unknownFutureValue' })[f.field], undefined);
      });

      it('is a select in the form: absent at its default, sent when chosen or changed', () => {
        const values = defaultFormValues(new Date('2030-01-07T08:00:00Z'), 'Europe/Berlin', 30);
        assert.equal(f.field in values, false);
        assert.equal(f.field in formToScheduleInput(values), false);
        assert.equal(formToScheduleInput({ ...values, [f.field]: f.value })[f.field], f.value);
        assert.deepEqual(formToUpdateInput('m', { ...values, [f.field]: f.value }, values), {
          meetingId: 'm',
          [f.field]: f.value,
        });
        assert.deepEqual(formToUpdateInput('m', values, { ...values, [f.field]: f.other }), {
          meetingId: 'm',
          [f.field]: f.formDefault,
        });
        assert.equal(
          meetingToFormValues(fromGraphEvent({ ...event, [f.field]: f.value }), 'UTC')[f.field],
          f.value,
        );
        const submit = { type: 'submit', requestId: 'r', values: { ...values, [f.field]: f.value } };
        assert.deepEqual(parseFromWebview(submit), submit);
        assert.equal(parseFromWebview({ ...submit, values: { ...values, [f.field]: f.bad } }), undefined);
      });

      it('survives in a stored pending create', () => {
        const draft = { ...sampleDraft(), contentType: 'text' as const, [f.field]: f.value };
        assert.deepEqual(revalidateDraft(draft), draft);
      });
    });
  }

  describe('against the fake Graph (HTTPS)', () => {
    const h = useHarness();

    it('schedules with them, reads them back, and an update that leaves them out keeps them', async () => {
      const client = h.client();
      const made = await client.schedule(
        { ...sampleDraft(), showAs: 'tentative', sensitivity: 'private' },
        { transactionId: 'tx-more' },
      );
      assert.equal(made.showAs, 'tentative');
      assert.equal(made.sensitivity, 'private');
      const updated = await client.update({ meetingId: made.id, subject: 'Renamed' }, { current: made });
      assert.equal(updated.showAs, 'tentative');
      assert.equal(updated.sensitivity, 'private');
      const stored = [...h.fake.events.values()][0];
      assert.equal(stored?.showAs, 'tentative');
      assert.equal(stored?.sensitivity, 'private');
      const changed = await client.update({ meetingId: made.id, showAs: 'free' }, { current: updated });
      assert.equal(changed.showAs, 'free');
      assert.equal(changed.sensitivity, 'private');
    });

    it('schedules with the switches turned from their defaults, reads them back, and an update keeps them', async () => {
      const client = h.client();
      const flipped = Object.fromEntries(booleans.map((f) => [f.field, !f.formDefault]));
      const made = await client.schedule({ ...sampleDraft(), ...flipped }, { transactionId: 'tx-flags' });
      for (const f of booleans) assert.equal(made[f.field], !f.formDefault, f.field);
      const updated = await client.update({ meetingId: made.id, subject: 'Renamed' }, { current: made });
      for (const f of booleans) assert.equal(updated[f.field], !f.formDefault, f.field);
      const stored = [...h.fake.events.values()][0];
      for (const f of booleans) assert.equal(stored?.[f.field], !f.formDefault, f.field);
      const back = await client.update({ meetingId: made.id, hideAttendees: false }, { current: updated });
      assert.equal(back.hideAttendees, false);
      assert.equal(back.isReminderOn, false);
    });

    it('schedules with a reminder lead, reads it back, and an update that leaves it out keeps it', async () => {
      const client = h.client();
      const made = await client.schedule(
        { ...sampleDraft(), reminderMinutesBeforeStart: 0 },
        { transactionId: 'tx-reminder' },
      );
      assert.equal(made.reminderMinutesBeforeStart, 0);
      const updated = await client.update({ meetingId: made.id, subject: 'Renamed' }, { current: made });
      assert.equal(updated.reminderMinutesBeforeStart, 0);
      assert.equal([...h.fake.events.values()][0]?.reminderMinutesBeforeStart, 0);
      const later = await client.update(
        { meetingId: made.id, reminderMinutesBeforeStart: 60 },
        { current: updated },
      );
      assert.equal(later.reminderMinutesBeforeStart, 60);
      const plain = await client.schedule(sampleDraft(), { transactionId: 'tx-reminder-default' });
      assert.equal(plain.reminderMinutesBeforeStart, 15, "Graph's default");
    });

    it('schedules with categories, reads them back, and an update that leaves them out keeps them', async () => {
      const client = h.client();
      const made = await client.schedule(
        { ...sampleDraft(), categories: ['Blue', 'Project X'] },
        { transactionId: 'tx-categories' },
      );
      assert.deepEqual(made.categories, ['Blue', 'Project X']);
      const updated = await client.update({ meetingId: made.id, subject: 'Renamed' }, { current: made });
      assert.deepEqual(updated.categories, ['Blue', 'Project X']);
      assert.deepEqual([...h.fake.events.values()][0]?.categories, ['Blue', 'Project X']);
      const cleared = await client.update({ meetingId: made.id, categories: [] }, { current: updated });
      assert.deepEqual(cleared.categories, []);
    });

    it('refuses categories that are not a list of strings with 400, as Graph does', async () => {
      await assert.rejects(
        h
          .client()
          .schedule(
            { ...sampleDraft(), categories: 'Blue' as unknown as string[] },
            { transactionId: 'tx-bad' },
          ),
        (e: unknown) => isInvalidInputError(e),
      );
      assert.equal(h.fake.events.size, 0);
    });

    it('refuses a reminder lead that is not a whole number with 400, as Graph does', async () => {
      await assert.rejects(
        h
          .client()
          .schedule({ ...sampleDraft(), reminderMinutesBeforeStart: 1.5 }, { transactionId: 'tx-bad' }),
        (e: unknown) => isInvalidInputError(e),
      );
      assert.equal(h.fake.events.size, 0);
    });

    it("reads Graph's defaults for a meeting scheduled without them", async () => {
      const made = await h.client().schedule(sampleDraft(), { transactionId: 'tx-plain' });
      for (const f of booleans) assert.equal(made[f.field], f.formDefault, f.field);
    });

    for (const f of booleans) {
      it(`refuses a ${f.field} that is not a boolean with 400, as Graph does`, async () => {
        await assert.rejects(
          h.client().schedule({ ...sampleDraft(), [f.field]: 'yes' } as ReturnType<typeof sampleDraft>, {
            transactionId: 'tx-bad',
          }),
          (e: unknown) => isInvalidInputError(e),
        );
        assert.equal(h.fake.events.size, 0);
      });
    }

    for (const f of enums) {
      it(`refuses a ${f.field} Graph does not know with 400, as Graph does`, async () => {
        const client = h.client();
        await assert.rejects(
          client.schedule({ ...sampleDraft(), [f.field]: f.bad } as ReturnType<typeof sampleDraft>, {
            transactionId: 'tx-bad',
          }),
          (e: unknown) => isInvalidInputError(e),
        );
        assert.equal(h.fake.events.size, 0);
      });
    }
  });
});
