// Refresh: reconciling the stored meetings with Graph (src/services/refresh.ts), through the real client against the
// fake Graph over HTTPS. Only ErrorItemNotFound/itemNotFound marks a meeting deleted (issue 9.4).
import assert from 'node:assert/strict';
import { isMeetingsError } from '../../src/graph/errors';
import { refreshMeetings } from '../../src/services/refresh';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow } from './env';

describe('refreshMeetings (src/services/refresh.ts) against the fake Graph', () => {
  const h = useHarness();

  /** A window with `n` meetings scheduled through the actions (so they are stored). */
  async function withMeetings(n: number, client = h.client()) {
    const win = openWindow(new SharedMemento(), client);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await win.ops.schedule(sampleDraft({ subject: `M${i}` }))).id);
    }
    return { ...win, ids };
  }

  const status = (win: Awaited<ReturnType<typeof withMeetings>>, id: string) =>
    win.store.get(accountId, id)?.status;

  it('records changes, cancellations and deletions made in Outlook', async () => {
    const win = await withMeetings(4);
    const [changed, cancelled, deleted, same] = win.ids as [string, string, string, string];
    h.fake.events.get(changed)!.subject = 'Renamed in Outlook';
    h.fake.events.get(cancelled)!.isCancelled = true;
    h.fake.events.delete(deleted);
    const result = await refreshMeetings(win.deps);
    assert.equal(result.checked, 4);
    assert.deepEqual(result.failed, []);
    assert.equal(win.store.get(accountId, changed)?.subject, 'Renamed in Outlook');
    assert.equal(status(win, cancelled), 'cancelled');
    assert.equal(status(win, deleted), 'deleted');
    assert.equal(status(win, same), 'active');
  });

  it('a 404 other than ErrorItemNotFound (MailboxNotEnabledForRESTAPI) is an error and changes nothing', async () => {
    const win = await withMeetings(2);
    h.fake.inject({
      kind: 'status',
      status: 404,
      code: 'MailboxNotEnabledForRESTAPI',
      message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      scope: 'inner',
      times: 2,
    });
    const before = win.store.list(accountId).map((m) => ({ ...m }));
    const result = await refreshMeetings(win.deps);
    assert.equal(result.failed.length, 2);
    for (const f of result.failed) {
      assert.ok(isMeetingsError(f.error) && f.error.code === 'MailboxNotEnabledForRESTAPI', String(f.error));
    }
    assert.deepEqual(win.store.list(accountId), before, 'no meeting is marked deleted');
  });

  it('other failures are reported per meeting and change nothing', async () => {
    const win = await withMeetings(2, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'status', status: 500, scope: 'inner', times: 1 });
    const result = await refreshMeetings(win.deps);
    assert.equal(result.failed.length, 1);
    assert.deepEqual(
      win.store.list(accountId).map((m) => m.status),
      ['active', 'active'],
    );
  });

  it('a meeting marked deleted is read again and comes back when Graph has it', async () => {
    const win = await withMeetings(2);
    const [back, gone] = win.ids as [string, string];
    await win.store.setStatus(accountId, back, 'deleted');
    await win.store.setStatus(accountId, gone, 'deleted');
    h.fake.events.delete(gone);
    h.fake.events.get(back)!.isCancelled = false;
    const result = await refreshMeetings(win.deps);
    assert.equal(result.checked, 2, 'deleted meetings are read too');
    assert.equal(status(win, back), 'active');
    assert.equal(status(win, gone), 'deleted');
    const cancelledBack = h.fake.events.get(back)!;
    cancelledBack.isCancelled = true;
    await win.store.setStatus(accountId, back, 'deleted');
    await refreshMeetings(win.deps);
    assert.equal(status(win, back), 'cancelled');
  });

  it('a cancel whose answer was lost, and whose event is then not found, is listed as cancelled', async () => {
    const win = await withMeetings(2, h.client({ maxRetries: 0 }));
    const [lost, other] = win.ids as [string, string];
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: /\/cancel$/ });
    await assert.rejects(win.ops.cancel({ meetingId: lost }), (e: unknown) => {
      assert.ok(isMeetingsError(e), String(e));
      return true;
    });
    assert.ok(h.fake.events.get(lost)?.isCancelled, 'Graph applied the cancel');
    h.fake.events.delete(lost); // Outlook removes the organizer's cancelled event
    h.fake.events.delete(other); // deleted in Outlook: no cancel was sent for it
    await refreshMeetings(win.deps);
    assert.equal(status(win, lost), 'cancelled');
    assert.equal(status(win, other), 'deleted');
  });

  it('a cancel that surely failed leaves no cancel intent behind', async () => {
    const win = await withMeetings(1, h.client({ maxRetries: 0 }));
    const [id] = win.ids as [string];
    h.fake.inject({ kind: 'status', status: 403, method: 'POST', path: /\/cancel$/ });
    await assert.rejects(win.ops.cancel({ meetingId: id }));
    h.fake.events.delete(id);
    await refreshMeetings(win.deps);
    assert.equal(status(win, id), 'deleted');
  });

  it('the store announces its own changes: refresh and actions signal nothing by hand', async () => {
    const win = await withMeetings(1);
    const seen: string[] = [];
    const sub = win.store.onDidChange((account) => seen.push(account));
    h.fake.events.delete(win.ids[0]!);
    await refreshMeetings(win.deps);
    sub.dispose();
    assert.ok(seen.includes(accountId), 'the refresh write was announced');
    const after = seen.length;
    await win.store.put(accountId, { ...win.store.list(accountId)[0]!, subject: 'x' });
    assert.equal(seen.length, after, 'no listener after dispose');
  });
});
