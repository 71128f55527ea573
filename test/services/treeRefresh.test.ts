// Issue 12, the tree's refresh: attendees' answers reach the stored record, through the real client against the fake
// Graph over HTTPS (src/services/refresh.ts, src/store/meetingStore.ts).
import assert from 'node:assert/strict';
import { refreshMeetings } from '../../src/services/refresh';
import { storedFromMeeting, storedMeetingSelect } from '../../src/services/storedMeeting';
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

  describe('refresh reads only what the tree needs ($select)', () => {
    it('every GET of a refresh, in the $batch too, asks for the stored fields only', async () => {
      const win = openWindow(new SharedMemento(), h.client());
      for (let i = 0; i < 3; i++) await win.ops.schedule(sampleDraft({ subject: `M${i}` }));
      const mark = h.fake.requests.length;
      await refreshMeetings(win.deps);
      const gets = h.fake.requests.slice(mark).filter((r) => r.method === 'GET');
      assert.equal(gets.length, 3);
      for (const r of gets) {
        assert.ok(r.batchOf !== undefined, 'read in a $batch');
        assert.deepEqual(r.query.$select?.split(','), [...storedMeetingSelect]);
      }
    });

    it('the record a refresh stores is the one a full read gives (the fake answers only the selected properties)', async () => {
      const client = h.client();
      const win = openWindow(new SharedMemento(), client);
      const { id } = await win.ops.schedule(
        sampleDraft({ attendees: people, teamsMeeting: true, subject: 'Planning' }),
      );
      respond(h.fake, id, 'ada@contoso.example', 'accepted');
      respond(h.fake, id, 'grace@contoso.example', 'declined');
      const ev = h.fake.events.get(id)!;
      ev.subject = 'Planning, moved';
      ev.startMs += 3_600_000;
      ev.endMs += 3_600_000;
      ev.lastModifiedDateTime = '2030-01-01T08:00:00.1234567Z';
      await refreshMeetings(win.deps);
      const expected = storedFromMeeting(await client.get(id));
      assert.deepEqual(win.store.get(accountId, id), expected);
      assert.equal(expected.online, true);
      assert.equal(expected.organizer, true);
      assert.deepEqual(expected.responses, { accepted: 1, declined: 1, noAnswer: 2 });
    });

    it('the fake answers a $select with those properties and the id, and refuses a property events do not have', async () => {
      const client = h.client();
      const win = openWindow(new SharedMemento(), client);
      const { id } = await win.ops.schedule(sampleDraft());
      const url = `${h.fake.url}/v1.0/me/events/${encodeURIComponent(id)}`;
      const auth = { authorization: 'Bearer test-token' };
      const picked = await h.trust.fetch(`${url}?$select=subject,isCancelled`, { headers: auth });
      assert.equal(picked.status, 200);
      const body = (await picked.json()) as Record<string, unknown>;
      assert.deepEqual(
        Object.keys(body).filter((k) => !k.startsWith('@odata.')),
        ['id', 'subject', 'isCancelled'],
      );
      const bad = await h.trust.fetch(`${url}?$select=subject,colour`, { headers: auth });
      assert.equal(bad.status, 400);
    });
  });
});
