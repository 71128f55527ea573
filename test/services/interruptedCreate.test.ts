import assert from 'node:assert/strict';
import { isMeetingsError } from '../../src/graph/errors';
import { mayHaveReachedGraph } from '../../src/services/errors';
import { resolvePendingCreates } from '../../src/services/recovery';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow, reopenWindow } from './env';

describe('Interrupted create: the next activation looks up what Graph did (read-only)', () => {
  const h = useHarness();

  const posts = () => h.fake.requests.filter((r) => r.method === 'POST' && /\/me\/events$/.test(r.path));

  it('the create was applied but its answer lost: recovery records the meeting once and sends nothing', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    const draft = sampleDraft({ subject: 'Killed mid-flight' });
    await assert.rejects(first.ops.schedule(draft), (e: unknown) => {
      assert.ok(isMeetingsError(e) && e.kind === 'network', String(e));
      return true;
    });
    assert.equal(h.fake.events.size, 1, 'the fake applied the create');
    assert.deepEqual(
      first.store.pendingCreates(accountId).map((p) => p.transactionId),
      [(posts()[0]!.body as { transactionId: string }).transactionId],
      'the unknown outcome stays pending',
    );
    const next = await reopenWindow(first, memento, h.client());
    const postsBefore = posts().length;
    const outcomes = await resolvePendingCreates(next.deps);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['recorded'],
    );
    const made = [...h.fake.events.values()][0]!;
    assert.equal(posts().length, postsBefore, 'recovery sent no create');
    assert.equal(h.fake.events.size, 1);
    assert.deepEqual(
      next.store.list(accountId).map((m) => m.id),
      [made.id],
    );
    assert.equal(next.store.list(accountId)[0]!.subject, 'Killed mid-flight');
    assert.deepEqual(next.store.pendingCreates(accountId), []);
    const view = h.fake.requests.find((r) => /\/me\/calendarView$/.test(r.path));
    assert.ok(view?.query.startDateTime && view.query.endDateTime, 'the lookup names a time window');

    await next.store.flush(accountId);
    const third = openWindow(memento, h.client());
    assert.deepEqual(await resolvePendingCreates(third.deps), [], 'nothing is left to resolve');
    assert.deepEqual(
      third.store.list(accountId).map((m) => m.id),
      [made.id],
    );
  });

  it('the caller gave up (signal aborted) after Graph applied it: recovery records it once', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client());
    const stop = new AbortController();
    h.fake.inject({
      kind: 'delay',
      ms: 150,
      when: 'after',
      method: 'POST',
      path: '/me/events',
      match: () => {
        setTimeout(() => stop.abort(), 50);
        return true;
      },
    });
    await assert.rejects(
      first.ops.schedule(sampleDraft(), { signal: stop.signal }),
      (e: unknown) => isMeetingsError(e) && e.kind === 'cancelled',
    );
    const next = await reopenWindow(first, memento, h.client());
    const outcomes = await resolvePendingCreates(next.deps);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['recorded'],
    );
    assert.equal(h.fake.events.size, 1);
    assert.deepEqual(
      next.store.list(accountId).map((m) => m.id),
      [...h.fake.events.keys()],
    );
  });

  it('the create never reached Graph: recovery reports none was made, makes none, leaves no phantom', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'before', method: 'POST', path: '/me/events' });
    await assert.rejects(first.ops.schedule(sampleDraft()), isMeetingsError);
    assert.equal(h.fake.events.size, 0);
    const next = await reopenWindow(first, memento, h.client());
    const outcomes = await resolvePendingCreates(next.deps);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.pending.transactionId]),
      [['notMade', (posts()[0]!.body as { transactionId: string }).transactionId]],
    );
    assert.deepEqual(
      outcomes[0]!.pending.draft,
      sampleDraft(),
      'the draft is handed back for "Schedule again"',
    );
    assert.equal(h.fake.events.size, 0, 'recovery made no meeting');
    assert.equal(posts().length, 1, 'only the original, dropped create was ever sent');
    assert.deepEqual(next.store.list(accountId), []);
    assert.deepEqual(next.store.pendingCreates(accountId), []);
    await next.store.flush(accountId);
    assert.deepEqual(openWindow(memento, h.client()).store.pendingCreates(accountId), []);
  });

  it('the token fails on the retry after an unanswered create: the error says it may have been applied, the create stays pending', async () => {
    let tokens = 0;
    const client = h.client({
      getToken: () =>
        ++tokens === 1 ? Promise.resolve('test-token') : Promise.reject(new Error('signed out')),
    });
    const first = openWindow(new SharedMemento(), client);
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    const direct = await client
      .schedule(sampleDraft({ subject: 'Direct' }), { transactionId: 'tx-token-after-drop' })
      .then(
        () => assert.fail('resolved'),
        (e: unknown) => e,
      );
    assert.ok(isMeetingsError(direct) && direct.kind === 'notSignedIn', String(direct));
    assert.equal(direct.mayHaveBeenApplied, true, 'the first attempt went unanswered');
    assert.equal(mayHaveReachedGraph(direct), true);

    tokens = 0;
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(first.ops.schedule(sampleDraft({ subject: 'Via the service' })), (e: unknown) => {
      assert.ok(isMeetingsError(e) && e.kind === 'notSignedIn', String(e));
      return true;
    });
    assert.equal(h.fake.events.size, 2, 'the fake applied both creates');
    assert.deepEqual(
      first.store.pendingCreates(accountId).map((p) => p.subject),
      ['Via the service'],
      'the create that may exist stays pending for recovery',
    );
  });

  it('a lookup that fails with an unknown outcome keeps the pending create for next time', async () => {
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(first.ops.schedule(sampleDraft()), isMeetingsError);
    await first.store.flush(accountId);

    const offline = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', method: 'GET', path: /calendarView/ });
    const outcomes = await resolvePendingCreates(offline.deps);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['unresolved'],
    );
    assert.equal(offline.store.pendingCreates(accountId).length, 1);
    assert.deepEqual(offline.store.list(accountId), []);
    await offline.store.flush(accountId);

    const later = openWindow(memento, h.client());
    assert.deepEqual(
      (await resolvePendingCreates(later.deps)).map((o) => o.kind),
      ['recorded'],
    );
    assert.equal(later.store.list(accountId).length, 1);
    assert.equal(h.fake.events.size, 1);
  });

  it('finds the meeting past the first pages of a busy calendar (follows @odata.nextLink)', async () => {
    for (let i = 0; i < 130; i++) {
      h.fake.seed({ subject: `busy ${i}`, startMs: Date.UTC(2030, 0, 7, 8, i % 60) });
    }
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    await assert.rejects(
      first.ops.schedule(
        sampleDraft({
          start: { dateTime: '2030-01-07T11:00:00', timeZone: 'Europe/Berlin' },
          end: { dateTime: '2030-01-07T12:00:00', timeZone: 'Europe/Berlin' },
        }),
      ),
      isMeetingsError,
    );
    const next = await reopenWindow(first, memento, h.client());
    assert.deepEqual(
      (await resolvePendingCreates(next.deps)).map((o) => o.kind),
      ['recorded'],
    );
    const views = h.fake.requests.filter((r) => /\/me\/calendarView$/.test(r.path));
    assert.ok(views.length >= 3, `paged through ${views.length} pages`);
    const made = [...h.fake.events.values()].find((e) => e.subject === sampleDraft().subject)!;
    assert.deepEqual(
      next.store.list(accountId).map((m) => m.id),
      [made.id],
    );
  });
});

describe('Interrupted create: unreadable pending records (issue 10.5)', () => {
  const h = useHarness();

  const stored = (p: Record<string, unknown>): Record<string, unknown> => ({
    subject: 'Stored',
    start: Date.UTC(2030, 0, 7, 9),
    end: Date.UTC(2030, 0, 7, 10),
    createdAt: Date.UTC(2029, 11, 1),
    ...p,
  });

  it('a pending record without a draft is reported once and removed; recovery does not throw', async () => {
    const memento = new SharedMemento();
    memento.values.set(`pending/${accountId}`, [stored({ transactionId: 'tx-no-draft' })]);
    const win = openWindow(memento, h.client());
    const outcomes = await resolvePendingCreates(win.deps);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.pending.transactionId]),
      [['unreadable', 'tx-no-draft']],
    );
    assert.deepEqual(win.store.pendingCreates(accountId), []);
    const next = await reopenWindow(win, memento, h.client());
    assert.deepEqual(await resolvePendingCreates(next.deps), [], 'reported once');
    assert.equal(h.fake.requests.length, 0, 'nothing was looked up or sent');
  });

  it('a stored draft that fails validation is not offered for "Schedule Again"', async () => {
    const memento = new SharedMemento();
    const good = sampleDraft();
    memento.values.set(`pending/${accountId}`, [
      stored({ transactionId: 'tx-bad-attendee', draft: { ...good, attendees: ['not an address'] } }),
      stored({
        transactionId: 'tx-end-first',
        draft: { ...good, end: { dateTime: '2030-01-07T08:00:00', timeZone: 'Europe/Berlin' } },
      }),
      stored({ transactionId: 'tx-extra', draft: { ...good, isOrganizer: false } }),
      stored({ transactionId: 'tx-good', draft: good }),
    ]);
    const win = openWindow(memento, h.client());
    const outcomes = await resolvePendingCreates(win.deps);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.pending.transactionId]),
      [
        ['unreadable', 'tx-bad-attendee'],
        ['unreadable', 'tx-end-first'],
        ['unreadable', 'tx-extra'],
        ['notMade', 'tx-good'],
      ],
    );
    const notMade = outcomes[3]!;
    assert.ok(notMade.kind === 'notMade');
    // The validated draft is what "Schedule Again" sends (the validator's own output, e.g. contentType filled in).
    assert.equal(notMade.draft.subject, good.subject);
    assert.deepEqual(notMade.draft.attendees, good.attendees);
    assert.equal(notMade.draft.contentType, 'text');
    assert.equal(notMade.draft.start.dateTime, good.start.dateTime);
    assert.deepEqual(win.store.pendingCreates(accountId), []);
  });
});
