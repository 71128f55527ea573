import assert from 'node:assert/strict';
import { MeetingStore } from '../../src/store/meetingStore';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow } from './env';

describe('Two operations on the same meeting at once do not corrupt the list', () => {
  const h = useHarness({ latencyMs: 5 });

  const fakeIds = () => [...h.fake.events.keys()].sort();
  const storedIds = (store: MeetingStore) =>
    store
      .list(accountId)
      .map((m) => m.id)
      .sort();

  it('double-click: two cancels of one meeting in parallel both settle; one cancel on the fake; list intact', async () => {
    const memento = new SharedMemento();
    const w = openWindow(memento, h.client());
    const m = await w.ops.schedule(sampleDraft());
    const other = await w.ops.schedule(sampleDraft({ subject: 'Other' }));
    const results = await Promise.allSettled([
      w.ops.cancel({ meetingId: m.id }),
      w.ops.cancel({ meetingId: m.id }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.equal(h.fake.events.get(m.id)!.isCancelled, true);
    assert.equal(h.fake.events.get(other.id)!.isCancelled, false);
    assert.deepEqual(storedIds(w.store), fakeIds());
    assert.equal(w.store.get(accountId, m.id)!.status, 'cancelled');
    assert.equal(w.store.get(accountId, other.id)!.status, 'active');
    await w.store.flush(accountId);
    const reopened = new MeetingStore(memento);
    assert.deepEqual(storedIds(reopened), fakeIds());
    assert.equal(reopened.get(accountId, m.id)!.status, 'cancelled');
  });

  it('double-click: two updates of one meeting in parallel; the stored record is one of the two answers', async () => {
    const memento = new SharedMemento();
    const w = openWindow(memento, h.client());
    const m = await w.ops.schedule(sampleDraft());
    const [a, b] = await Promise.all([
      w.ops.update({ meetingId: m.id, subject: 'First click' }),
      w.ops.update({ meetingId: m.id, subject: 'Second click' }),
    ]);
    assert.deepEqual([a.subject, b.subject], ['First click', 'Second click']);
    assert.deepEqual(storedIds(w.store), fakeIds());
    assert.equal(h.fake.events.size, 1);
    assert.ok(['First click', 'Second click'].includes(w.store.get(accountId, m.id)!.subject));
    await w.store.flush(accountId);
    assert.deepEqual(storedIds(new MeetingStore(memento)), fakeIds());
  });

  it('two windows over one memento: concurrent schedules, updates and cancels, each window reloads; both lists equal the fake', async () => {
    const memento = new SharedMemento();
    const one = openWindow(memento, h.client());
    const two = openWindow(memento, h.client());
    // Both windows have read the (empty) list before either writes.
    assert.deepEqual(one.store.list(accountId), []);
    assert.deepEqual(two.store.list(accountId), []);
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? one : two).ops.schedule(sampleDraft({ subject: `Window ${i % 2} #${i}` })),
      ),
    );
    await Promise.all([
      one.ops.update({ meetingId: created[1]!.id, subject: 'Renamed by window one' }),
      two.ops.cancel({ meetingId: created[0]!.id }),
      one.ops.cancel({ meetingId: created[2]!.id }),
      two.ops.cancel({ meetingId: created[2]!.id }),
    ]);
    await Promise.all([one.store.reload(accountId), two.store.reload(accountId)]);
    assert.equal(h.fake.events.size, 6);
    assert.deepEqual(storedIds(one.store), fakeIds(), 'window one after reload');
    assert.deepEqual(storedIds(two.store), fakeIds(), 'window two after reload');
    assert.deepEqual(one.store.pendingCreates(accountId), []);
    const fresh = new MeetingStore(memento);
    assert.deepEqual(storedIds(fresh), fakeIds());
    assert.equal(fresh.get(accountId, created[0]!.id)!.status, 'cancelled');
    assert.equal(fresh.get(accountId, created[2]!.id)!.status, 'cancelled');
  });
});
