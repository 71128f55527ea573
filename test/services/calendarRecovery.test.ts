// Issue 12: an interrupted create in a chosen calendar is looked up in that calendar's view
// (`GET /me/calendars/{id}/calendarView`, "List calendarView"): `/me/calendarView` is the default calendar's only.
import assert from 'node:assert/strict';
import { isMeetingsError } from '../../src/graph/errors';
import { resolvePendingCreates } from '../../src/services/recovery';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, openWindow, reopenWindow } from './env';

describe('Interrupted create in a chosen calendar (HTTPS fake)', () => {
  const h = useHarness();

  it('is found in its calendar, recorded once, and nothing is sent again', async () => {
    const team = h.fake.seedCalendar({ name: 'Team' });
    const memento = new SharedMemento();
    const first = openWindow(memento, h.client({ maxRetries: 0 }));
    h.fake.inject({ kind: 'drop', when: 'after', method: 'POST' });
    await assert.rejects(
      first.ops.schedule(sampleDraft({ subject: 'Team sync', calendarId: team.id })),
      (e: unknown) => isMeetingsError(e),
    );
    const made = [...h.fake.events.values()][0];
    assert.equal(made?.calendarId, team.id, 'the fake made it in the Team calendar');
    const next = await reopenWindow(first, memento, h.client());
    const outcomes = await resolvePendingCreates(next.deps);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      ['recorded'],
    );
    assert.deepEqual(
      next.store.list(accountId).map((m) => m.id),
      [made?.id],
    );
    const view = h.fake.requests.find((r) => r.path.endsWith('/calendarView'));
    assert.equal(view?.path, `/v1.0/me/calendars/${encodeURIComponent(team.id)}/calendarView`);
    assert.equal(h.fake.requests.filter((r) => r.method === 'POST').length, 1, 'no second create');
  });

  it("the default calendar's view does not list another calendar's events", async () => {
    const team = h.fake.seedCalendar({ name: 'Team' });
    await h.client().schedule(sampleDraft({ calendarId: team.id }), { transactionId: 'tx-team' });
    const found = await h.client().findByTransactionId('tx-team', {
      start: Date.UTC(2030, 0, 6),
      end: Date.UTC(2030, 0, 8),
    });
    assert.equal(found, undefined);
  });
});
