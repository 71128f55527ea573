// Issue 12, the tree's refresh: attendees' answers reach the stored record, through the real client against the fake
// Graph over HTTPS (src/services/refresh.ts, src/store/meetingStore.ts).
import assert from 'node:assert/strict';
import { refreshMeetings } from '../../src/services/refresh';
import { sampleDraft, useHarness } from '../fake/harness';
import { respond } from '../fake/responses';
import { SharedMemento, accountId, openWindow } from './env';

describe('tree refresh (issue 12) against the fake Graph', () => {
  const h = useHarness();

  const people = [
    'ada@contoso.example',
    'grace@contoso.example',
    'alan@contoso.example',
    'edsger@contoso.example',
  ];

  it('records how the attendees answered; a new answer in Outlook shows after a refresh', async () => {
    const win = openWindow(new SharedMemento(), h.client());
    const { id } = await win.ops.schedule(sampleDraft({ attendees: people }));
    assert.deepEqual(win.store.get(accountId, id)?.responses, { noAnswer: 4 }, 'nobody has answered yet');
    respond(h.fake, id, 'ada@contoso.example', 'accepted');
    respond(h.fake, id, 'grace@contoso.example', 'accepted');
    respond(h.fake, id, 'alan@contoso.example', 'declined');
    await refreshMeetings(win.deps);
    assert.deepEqual(win.store.get(accountId, id)?.responses, { accepted: 2, declined: 1, noAnswer: 1 });
  });

  it('a meeting without attendees stores no counts', async () => {
    const win = openWindow(new SharedMemento(), h.client());
    const { id } = await win.ops.schedule(sampleDraft({ attendees: [] }));
    await refreshMeetings(win.deps);
    assert.equal(win.store.get(accountId, id)?.responses, undefined);
  });

  it("the tooltip's read gives each answer and a proposed new time, in the zone asked for", async () => {
    const client = h.client();
    const win = openWindow(new SharedMemento(), client);
    const { id } = await win.ops.schedule(sampleDraft({ attendees: people }));
    const start = Date.UTC(2030, 0, 8, 9);
    respond(h.fake, id, 'edsger@contoso.example', 'tentativelyAccepted', {
      startMs: start,
      endMs: start + 3_600_000,
    });
    const m = await client.get(id);
    const edsger = m.attendees.find((a) => a.address === 'edsger@contoso.example');
    assert.equal(edsger?.response, 'tentativelyAccepted');
    assert.deepEqual(edsger?.proposedNewTime, {
      start: { dateTime: '2030-01-08T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-01-08T11:00:00', timeZone: 'Europe/Berlin' },
    });
    assert.equal(m.attendees.find((a) => a.address === 'ada@contoso.example')?.proposedNewTime, undefined);
  });

  it('respond refuses an attendee the meeting does not have', async () => {
    const win = openWindow(new SharedMemento(), h.client());
    const { id } = await win.ops.schedule(sampleDraft({ attendees: people }));
    assert.throws(() => respond(h.fake, id, 'nobody@contoso.example', 'accepted'), /not an attendee/);
  });
});
