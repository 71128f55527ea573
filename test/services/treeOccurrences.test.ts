// Issue 12, series in the tree: what the tree's occurrence commands rely on, through the real client against the fake
// Graph over HTTPS: the stored series keeps its recurrence after a refresh, the next occurrences are listed
// (`MeetingOperations.occurrences`), and cancelling one occurrence leaves the series (Graph's rule for series IDs).
import assert from 'node:assert/strict';
import { cancelScope, occurrenceWindow, seriesText } from '../../src/host/treeModel';
import { refreshMeetings } from '../../src/services/refresh';
import { storedFromMeeting } from '../../src/services/storedMeeting';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow } from './env';

describe('series in the tree (issue 12) against the fake Graph', () => {
  const h = useHarness();

  /** A window with a weekly series on Mon and Wed from Monday 2030-01-07, 10:00 Berlin, stored. */
  async function withSeries() {
    const client = h.client();
    const win = openWindow(new SharedMemento(), client);
    const series = await win.ops.schedule(
      sampleDraft({
        subject: 'Team sync',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
          range: { type: 'noEnd', startDate: '2030-01-07', recurrenceTimeZone: 'Europe/Berlin' },
        },
      }),
    );
    return { client, win, series };
  }

  it('a refresh keeps the series pattern the row shows ("weekly, Mon and Wed"), as a full read does', async () => {
    const { client, win, series } = await withSeries();
    await refreshMeetings(win.deps);
    const stored = win.store.get(accountId, series.id);
    assert.ok(stored?.recurrence, 'the stored series has its recurrence');
    assert.equal(seriesText(stored, 'en'), 'weekly, Mon and Wed');
    assert.deepEqual(stored, storedFromMeeting(await client.get(series.id)));
  });

  it('lists the next occurrences, soonest first, each naming its series', async () => {
    const { win, series } = await withSeries();
    const from = Date.UTC(2030, 0, 7);
    const next = await win.ops.occurrences(series.id, occurrenceWindow(from));
    assert.ok(next.length > 10, `${next.length} occurrences`);
    assert.deepEqual(
      next.slice(0, 3).map((o) => o.start.dateTime),
      ['2030-01-07T10:00:00', '2030-01-09T10:00:00', '2030-01-14T10:00:00'],
    );
    for (const o of next.slice(0, 3)) {
      assert.equal(o.seriesMasterId, series.id);
      assert.equal(cancelScope(o.type), 'occurrence');
    }
  });

  it('cancelling one occurrence cancels only it: the series stays in the tree, and the next list leaves it out', async () => {
    const { win, series } = await withSeries();
    const from = Date.UTC(2030, 0, 7);
    const [, second] = await win.ops.occurrences(series.id, occurrenceWindow(from));
    assert.ok(second);
    const read = await win.ops.readForCancel(second.id);
    assert.equal(cancelScope(read.type), 'occurrence', 'the confirmation says one occurrence');
    await win.ops.cancel({ meetingId: second.id }, { checked: read });
    await refreshMeetings(win.deps);
    assert.equal(win.store.get(accountId, series.id)?.status, 'active');
    const after = await win.ops.occurrences(series.id, occurrenceWindow(from));
    assert.ok(!after.some((o) => o.id === second.id && !o.isCancelled), 'the cancelled occurrence is not offered');
    assert.equal(cancelScope((await win.ops.readForCancel(series.id)).type), 'series');
  });
});
