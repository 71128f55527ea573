import assert from 'node:assert/strict';
import type { CalendarEntry } from '../../src/graph/calendarView';
import {
  dueReminders,
  lookaheadWindow,
  msUntilNextChange,
  nextMeeting,
  pollIntervalMs,
  pollPlan,
  escapeIcons,
  restOfDay,
  statusText,
} from '../../src/host/nextMeetingModel';

const min = 60_000;
const now = Date.UTC(2030, 0, 7, 9, 0, 0);

function entry(
  id: string,
  startMin: number,
  lengthMin = 30,
  more: Partial<CalendarEntry> = {},
): CalendarEntry {
  return {
    id,
    subject: id,
    start: now + startMin * min,
    end: now + (startMin + lengthMin) * min,
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    ...more,
  };
}

describe('nextMeetingModel (fake clock)', () => {
  describe('nextMeeting', () => {
    it('picks the earliest meeting that has not started', () => {
      const items = [entry('later', 90), entry('soon', 12), entry('past', -60)];
      assert.equal(nextMeeting(items, now)?.id, 'soon');
    });

    it('skips cancelled, declined and all-day entries', () => {
      const items = [
        entry('cancelled', 5, 30, { isCancelled: true }),
        entry('declined', 6, 30, { response: 'declined' }),
        entry('allDay', 0, 24 * 60, { isAllDay: true }),
        entry('real', 40),
      ];
      assert.equal(nextMeeting(items, now)?.id, 'real');
    });

    it('shows a meeting that started less than 10 minutes ago before the next one', () => {
      assert.equal(nextMeeting([entry('running', -5), entry('next', 20)], now)?.id, 'running');
      assert.equal(nextMeeting([entry('running', -15), entry('next', 20)], now)?.id, 'next');
    });

    it('keeps a running meeting when nothing else comes, and nothing once it ended', () => {
      assert.equal(nextMeeting([entry('running', -45, 60)], now)?.id, 'running');
      assert.equal(nextMeeting([entry('over', -45, 30)], now), undefined);
      assert.equal(nextMeeting([], now), undefined);
    });
  });

  describe('statusText', () => {
    it('says "in N min" under an hour, rounding up, and "now" once started', () => {
      assert.deepEqual(statusText(entry('Stand-up', 12), now), {
        subject: 'Stand-up',
        when: { kind: 'minutes', minutes: 12 },
      });
      assert.deepEqual(statusText(entry('a', 0), now + 1).when, { kind: 'now' });
      assert.deepEqual(statusText(entry('a', 12), now - 30_000).when, { kind: 'minutes', minutes: 13 });
      assert.deepEqual(statusText(entry('a', 0), now - 59_999).when, { kind: 'minutes', minutes: 1 });
      assert.deepEqual(statusText(entry('a', 60), now).when, { kind: 'at', start: now + 60 * min });
    });

    it("escapes a subject's $(icon) syntax, so the status bar shows it as text", () => {
      assert.equal(escapeIcons('Deploy $(alert) now $(x'), 'Deploy \\$(alert) now \\$(x');
    });

    it('shortens a long subject and names an empty one as such', () => {
      const long = statusText(entry('x', 5, 30, { subject: 'A'.repeat(80) }), now).subject;
      assert.equal(long.length, 40);
      assert.ok(long.endsWith('…'));
      assert.equal(statusText(entry('x', 5, 30, { subject: '  ' }), now).subject, '');
    });
  });

  describe('dueReminders', () => {
    const soon = entry('soon', 5);
    it('is due from N minutes before the start until the start, once per meeting and start time', () => {
      assert.deepEqual(dueReminders([soon], now - 1, 5, new Set()), []);
      assert.deepEqual(
        dueReminders([soon], now, 5, new Set()).map((d) => d.entry.id),
        ['soon'],
      );
      const key = dueReminders([soon], now, 5, new Set())[0]!.key;
      assert.deepEqual(dueReminders([soon], now + min, 5, new Set([key])), []);
      assert.deepEqual(dueReminders([soon], now + 5 * min, 5, new Set()), [], 'started: too late');
      // Moved to a later time: a new reminder.
      const moved = { ...soon, start: soon.start + 10 * min, end: soon.end + 10 * min };
      assert.equal(dueReminders([moved], now + 10 * min, 5, new Set([key])).length, 1);
    });

    it('never reminds with N = 0, nor of cancelled, declined or all-day entries', () => {
      assert.deepEqual(dueReminders([soon], now + 4 * min, 0, new Set()), []);
      const skipped = [
        entry('c', 3, 30, { isCancelled: true }),
        entry('d', 3, 30, { response: 'declined' }),
        entry('a', 3, 30, { isAllDay: true }),
      ];
      assert.deepEqual(dueReminders(skipped, now, 5, new Set()), []);
    });
  });

  describe('msUntilNextChange', () => {
    it('wakes at the next minute boundary of the shown meeting, or at the next reminder', () => {
      const items = [entry('a', 12)];
      assert.equal(msUntilNextChange(items, now - 20_000, 0), 20_000);
      // Reminder 5 min before a meeting 5 min 10 s away: 10 s.
      assert.equal(msUntilNextChange([entry('b', 5)], now - 10_000, 5), 10_000);
      assert.equal(msUntilNextChange([], now, 5), undefined);
    });

    it('is never shorter than a second nor longer than a minute', () => {
      assert.equal(msUntilNextChange([entry('a', 12)], now, 0), 60_000);
      assert.equal(msUntilNextChange([entry('far', 600)], now, 5), 60_000);
      assert.ok(msUntilNextChange([entry('a', 12)], now - 1, 0)! >= 1000);
    });
  });

  describe('pollPlan', () => {
    const base = { signedIn: true, focused: true, enabled: true };
    it('polls at once the first time, then at most every 5 minutes', () => {
      assert.deepEqual(pollPlan({ ...base, now, lastPoll: undefined }), {
        pollNow: true,
        waitMs: pollIntervalMs,
      });
      assert.deepEqual(pollPlan({ ...base, now, lastPoll: now - 2 * min }), {
        pollNow: false,
        waitMs: 3 * min,
      });
      assert.deepEqual(pollPlan({ ...base, now, lastPoll: now - 5 * min }), {
        pollNow: true,
        waitMs: pollIntervalMs,
      });
    });

    it('never polls signed out, unfocused, or with both the item and the reminders off', () => {
      for (const off of [{ signedIn: false }, { focused: false }, { enabled: false }]) {
        assert.deepEqual(
          pollPlan({ ...base, ...off, now, lastPoll: undefined }),
          { pollNow: false },
          JSON.stringify(off),
        );
      }
    });
  });

  describe('windows', () => {
    it('looks from 10 minutes back to the end of the next 24 hours', () => {
      assert.deepEqual(lookaheadWindow(now), { start: now - 10 * min, end: now + 24 * 60 * min });
    });

    it("lists the rest of today's meetings (in the user's zone) soonest first", () => {
      // 09:00 UTC is 10:00 in Berlin: 13:00 UTC is today there, 23:30 UTC is tomorrow.
      const items = [entry('b', 240), entry('gone', -120), entry('a', 30), entry('tomorrow', 14 * 60 + 30)];
      assert.deepEqual(
        restOfDay(items, now, 'Europe/Berlin').map((e) => e.id),
        ['a', 'b'],
      );
    });
  });
});
