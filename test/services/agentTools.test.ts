// The operations the agent tools use, through the real client against the fake Graph over HTTPS: the list's window
// (validated like every command argument) and the update's preview (what the confirmation shows is what is sent).
import assert from 'node:assert/strict';
import { useHarness } from '../fake/harness';
import { isInvalidArgumentsError, isOrganizerOnlyError } from '../../src/services/errors';
import { SharedMemento, openWindow } from './env';

const hour = 3_600_000;
const t0 = Date.UTC(2030, 0, 7, 8); // 09:00 in Berlin

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

describe('agent tools: listMeetings and previewUpdate (fake Graph over HTTPS)', () => {
  const h = useHarness();

  it('lists the calendar between start and end (wall times in the user zone), soonest first', async () => {
    const { ops } = openWindow(new SharedMemento(), h.client());
    h.fake.seed({ subject: 'Later', startMs: t0 + 3 * hour });
    h.fake.seed({ subject: 'First', startMs: t0 + hour, isOrganizer: false });
    h.fake.seed({ subject: 'Tomorrow', startMs: t0 + 30 * hour });
    const entries = await ops.listMeetings({ start: '2030-01-07T09:00', end: '2030-01-07T18:00' });
    assert.deepEqual(
      entries.map((e) => e.subject),
      ['First', 'Later'],
    );
    const sent = h.fake.requests.find((r) => r.path === '/v1.0/me/calendarView');
    assert.equal(sent?.query.startDateTime, new Date(t0).toISOString());
  });

  it('refuses a bad window naming the field, and sends nothing', async () => {
    const { ops } = openWindow(new SharedMemento(), h.client());
    for (const [input, field] of [
      [{ start: 'soon', end: '2030-01-07T18:00' }, 'start'],
      [{ start: '2030-01-07T18:00', end: '2030-01-07T09:00' }, 'end'],
      [{ start: '2030-01-01T00:00', end: '2030-06-01T00:00' }, 'end'],
      [{ start: '2030-01-07T09:00' }, 'end'],
      [{ start: '2030-01-07T09:00', end: '2030-01-07T10:00', folder: 'x' }, 'folder'],
    ] as const) {
      const e = await rejection(ops.listMeetings(input));
      assert.ok(isInvalidArgumentsError(e), String(e));
      assert.deepEqual(
        e.errors.map((x) => x.field),
        [field],
        JSON.stringify(input),
      );
    }
    assert.equal(h.fake.requests.length, 0);
  });

  it('previews an update: the current meeting and the validated changes, reading only (no PATCH)', async () => {
    const { ops } = openWindow(new SharedMemento(), h.client());
    const ev = h.fake.seed({
      subject: 'Sync',
      startMs: t0 + hour,
      attendees: [{ address: 'ada@contoso.example', type: 'required' }],
    });
    const { current, changes } = await ops.previewUpdate({
      meetingId: ev.id,
      subject: 'Sync (moved)',
      start: '2030-01-07T11:00',
      end: '2030-01-07T11:30',
    });
    assert.equal(current.subject, 'Sync');
    assert.equal(changes.subject, 'Sync (moved)');
    assert.deepEqual(changes.start, { dateTime: '2030-01-07T11:00:00', timeZone: 'Europe/Berlin' });
    assert.deepEqual(
      h.fake.requests.map((r) => r.method),
      ['GET'],
    );
  });

  it('previewUpdate refuses a meeting the user does not organize, before anything is sent', async () => {
    const { ops } = openWindow(new SharedMemento(), h.client());
    const ev = h.fake.seed({
      subject: 'Theirs',
      isOrganizer: false,
      organizer: { address: 'bo@contoso.example' },
    });
    const e = await rejection(ops.previewUpdate({ meetingId: ev.id, subject: 'Mine now' }));
    assert.ok(isOrganizerOnlyError(e));
    assert.ok(h.fake.requests.every((r) => r.method === 'GET'));
  });
});
