// The one place that makes a meeting (`MeetingOperations.schedule`): it picks the transaction ID, reuses it when the
// same submit is retried, keeps the pending create while the outcome is unknown and clears it on a definite refusal.
// Plain Node, the real client against the fake Graph over HTTPS.
import assert from 'node:assert/strict';
import { MeetingsError, isMeetingsError } from '../../src/graph/errors';
import { InvalidArgumentsError, OrganizerOnlyError, mayHaveReachedGraph } from '../../src/services/errors';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow, reopenWindow } from './env';

describe('One place makes a meeting exactly once', () => {
  const h = useHarness();

  const creates = () => h.fake.requests.filter((r) => r.method === 'POST' && /\/me\/events$/.test(r.path));
  const sentIds = () => creates().map((r) => (r.body as { transactionId?: string }).transactionId);

  it('the same submit retried after a lost answer sends the same transaction ID: one event', async () => {
    const w = openWindow(new SharedMemento(), h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(w.ops.schedule(sampleDraft(), { attempt: 'form' }), isMeetingsError);
    const [pending] = w.store.pendingCreates(accountId);
    assert.ok(pending, 'the unknown outcome stays pending');
    const m = await w.ops.schedule(sampleDraft(), { attempt: 'form' });
    assert.deepEqual(sentIds(), [pending.transactionId, pending.transactionId]);
    assert.equal(h.fake.events.size, 1, 'Graph made one event');
    assert.equal(m.transactionId, pending.transactionId);
    assert.deepEqual(
      w.store.list(accountId).map((s) => s.id),
      [m.id],
    );
    assert.deepEqual(w.store.pendingCreates(accountId), []);
  });

  it('an unreadable answer to a create is not re-sent by the client: pending kept, the retry returns the one event', async () => {
    const w = openWindow(new SharedMemento(), h.client());
    h.fake.inject({ kind: 'malformed', method: 'POST', path: '/me/events' });
    await assert.rejects(
      w.ops.schedule(sampleDraft(), { attempt: 'form' }),
      (e: unknown) => isMeetingsError(e) && e.kind === 'badResponse',
    );
    assert.equal(creates().length, 1, 'one create sent');
    assert.equal(h.fake.events.size, 1);
    assert.equal(w.store.pendingCreates(accountId).length, 1);
    const m = await w.ops.schedule(sampleDraft(), { attempt: 'form' });
    assert.equal(new Set(sentIds()).size, 1);
    assert.equal(h.fake.events.size, 1);
    assert.equal(m.id, [...h.fake.events.keys()][0]);
    assert.deepEqual(w.store.pendingCreates(accountId), []);
  });

  it('a lost answer leaves the pending create, and recovery in the next window records it without sending', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(first.ops.schedule(sampleDraft(), { attempt: 'form' }), isMeetingsError);
    assert.equal(first.store.pendingCreates(accountId).length, 1);
    const next = await reopenWindow(first, memento, h.client());
    const outcomes = await next.ops.resolvePendingCreates();
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['recorded'],
    );
    assert.equal(creates().length, 1, 'recovery sent no create');
    assert.deepEqual(
      next.store.list(accountId).map((s) => s.id),
      [...h.fake.events.keys()],
    );
    assert.deepEqual(next.store.pendingCreates(accountId), []);
  });

  it('a definite refusal removes the pending create, and the next submit is a new transaction', async () => {
    const w = openWindow(new SharedMemento(), h.client());
    h.fake.inject({
      kind: 'status',
      status: 400,
      code: 'ErrorInvalidRequest',
      method: 'POST',
      path: '/me/events',
    });
    await assert.rejects(
      w.ops.schedule(sampleDraft(), { attempt: 'form' }),
      (e: unknown) => isMeetingsError(e) && e.kind === 'invalidInput',
    );
    assert.deepEqual(w.store.pendingCreates(accountId), []);
    await w.ops.schedule(sampleDraft(), { attempt: 'form' });
    const [a, b] = sentIds();
    assert.ok(a && b && a !== b, 'nothing to de-duplicate after a refusal');
  });

  it('a changed draft under the same key, and calls without a key, are new meetings', async () => {
    const w = openWindow(new SharedMemento(), h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(w.ops.schedule(sampleDraft(), { attempt: 'form' }), isMeetingsError);
    await w.ops.schedule(sampleDraft({ subject: 'Changed' }), { attempt: 'form' });
    await w.ops.schedule(sampleDraft());
    await w.ops.schedule(sampleDraft());
    assert.equal(new Set(sentIds()).size, 4);
    assert.equal(h.fake.events.size, 4);
    assert.equal(w.store.pendingCreates(accountId).length, 1, 'the first, unknown one is left for recovery');
  });

  it('one rule for "may have reached Graph"', () => {
    const graph = (kind: MeetingsError['kind'], mayHaveBeenApplied?: boolean) =>
      mayHaveReachedGraph(new MeetingsError({ kind, mayHaveBeenApplied }));
    for (const kind of ['network', 'timeout', 'server', 'badResponse', 'throttled', 'cancelled'] as const)
      assert.equal(graph(kind), true, kind);
    for (const kind of [
      'invalidInput',
      'notFound',
      'forbidden',
      'notSignedIn',
      'notOrganizer',
      'mailbox',
    ] as const) {
      assert.equal(graph(kind), false, kind);
      assert.equal(graph(kind, true), true, `${kind} after an unanswered attempt`);
    }
    assert.equal(mayHaveReachedGraph(new InvalidArgumentsError([])), false);
    assert.equal(mayHaveReachedGraph(new OrganizerOnlyError('id')), false);
    assert.equal(mayHaveReachedGraph(new Error('unexpected')), true);
  });
});
