// Issue 12: series through the operations and the real client against the fake Graph over HTTPS. `meetingId` may name
// a series master or one occurrence; an update or cancel follows Graph's rule (the master's ID: the whole series; an
// occurrence's: that occurrence only), and the store keeps the series' record accordingly.
import assert from 'node:assert/strict';
import { listOccurrences } from '../../src/graph/instances';
import { isMeetingsError } from '../../src/graph/errors';
import { isInvalidArgumentsError } from '../../src/services/errors';
import { resolvePendingCreates } from '../../src/services/recovery';
import { MeetingOperations } from '../../src/services/meetingOperations';
import { MeetingStore } from '../../src/store/meetingStore';
import { useHarness } from '../fake/harness';
import { SharedMemento, accountId, depsFor, openWindow, reopenWindow } from './env';

describe('series through the operations (HTTPS fake)', () => {
  const h = useHarness();
  const january = { start: Date.UTC(2030, 0, 1), end: Date.UTC(2030, 1, 1) };
  const input = {
    start: '2030-01-07T10:00',
    end: '2030-01-07T11:00',
    subject: 'Standup',
    attendees: ['ada@contoso.example'],
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', numberOfOccurrences: 3 },
    },
  };

  async function setup() {
    const store = new MeetingStore(new SharedMemento());
    const ops = new MeetingOperations(depsFor(store, h.client()));
    const master = await ops.schedule(ops.validateSchedule(input));
    const occurrences = await listOccurrences(h.client(), master.id, january);
    assert.equal(occurrences.length, 3);
    return { store, ops, master, occurrences };
  }

  it('schedules a series: the master is stored, its occurrences expand from it', async () => {
    const { store, master } = await setup();
    assert.equal(master.type, 'seriesMaster');
    assert.equal(store.get(accountId, master.id)?.subject, 'Standup');
    const sent = h.fake.requests.find((r) => r.method === 'POST')?.body as { recurrence?: unknown };
    assert.ok(sent.recurrence, 'the recurrence is sent');
  });

  it("an occurrence's ID updates that occurrence only; the series' record is unchanged", async () => {
    const { store, ops, master, occurrences } = await setup();
    const updated = await ops.update({ meetingId: occurrences[1]!.id, subject: 'Standup (demo)' });
    assert.equal(updated.type, 'exception');
    const after = await listOccurrences(h.client(), master.id, january);
    assert.deepEqual(
      after.map((o) => o.subject),
      ['Standup', 'Standup (demo)', 'Standup'],
    );
    assert.equal(store.get(accountId, master.id)?.subject, 'Standup');
  });

  it("the master's ID updates the whole series and its record", async () => {
    const { store, ops, master } = await setup();
    await ops.update({ meetingId: master.id, subject: 'Daily sync' });
    const after = await listOccurrences(h.client(), master.id, january);
    assert.deepEqual(
      after.map((o) => o.subject),
      ['Daily sync', 'Daily sync', 'Daily sync'],
    );
    assert.equal(store.get(accountId, master.id)?.subject, 'Daily sync');
  });

  it("a new recurrence for the master starts on the master's start date (read from Graph)", async () => {
    const { ops, master } = await setup();
    const updated = await ops.update({
      meetingId: master.id,
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', numberOfOccurrences: 2 },
      },
    });
    assert.equal(updated.recurrence?.range.startDate, '2030-01-07');
    const after = await listOccurrences(h.client(), master.id, january);
    assert.deepEqual(
      after.map((o) => o.start.dateTime),
      ['2030-01-07T10:00:00', '2030-01-08T10:00:00'],
    );
  });

  it("an occurrence's recurrence is refused naming the field, and nothing is sent", async () => {
    const { ops, occurrences } = await setup();
    const patches = () => h.fake.requests.filter((r) => r.method === 'PATCH').length;
    const before = patches();
    await assert.rejects(
      ops.update({ meetingId: occurrences[0]!.id, recurrence: input.recurrence }),
      (e: unknown) => {
        assert.ok(isInvalidArgumentsError(e));
        assert.deepEqual(
          e.errors.map((x) => [x.field, x.code]),
          [['recurrence', 'recurrenceOfOccurrence']],
        );
        assert.match(e.errors[0]!.message, /series/);
        return true;
      },
    );
    assert.equal(patches(), before);
  });

  it("an occurrence's ID cancels that occurrence only; the master's cancels the series", async () => {
    const { store, ops, master, occurrences } = await setup();
    await ops.cancel({ meetingId: occurrences[2]!.id, comment: 'Holiday' });
    const after = await listOccurrences(h.client(), master.id, january);
    assert.deepEqual(
      after.map((o) => o.id),
      [occurrences[0]!.id, occurrences[1]!.id],
    );
    assert.equal(store.get(accountId, master.id)?.status, 'active');
    assert.equal((await ops.get(master.id)).isCancelled, false);

    await ops.cancel({ meetingId: master.id });
    assert.equal(store.get(accountId, master.id)?.status, 'cancelled');
    assert.deepEqual(await listOccurrences(h.client(), master.id, january), []);
  });

  it('an interrupted create of a series is found again by recovery (through an occurrence), not made twice', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(first.ops.schedule(first.ops.validateSchedule(input)), (e: unknown) =>
      isMeetingsError(e),
    );
    assert.equal(h.fake.events.size, 1, 'the fake made the series');
    const next = await reopenWindow(first, memento, h.client());
    const outcomes = await resolvePendingCreates(next.deps);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['recorded'],
      'the series is recorded, not offered to be made again',
    );
    const master = [...h.fake.events.values()][0]!;
    assert.deepEqual(
      next.store.list(accountId).map((m) => m.id),
      [master.id],
    );
  });
});
