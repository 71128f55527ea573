// Issue 12, series in the tree: the stored recurrence, the row's pattern, the series' context value and group, the
// occurrence picker's labels and the cancel confirmation's scope, all in plain Node.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recurrence } from '../../src/core/recurrence';
import type { Meeting } from '../../src/core/types';
import {
  cancelScope,
  formatOccurrence,
  meetingContextValue,
  meetingState,
  occurrenceWindow,
  seriesText,
  seriesWhen,
} from '../../src/host/treeModel';
import type { StoredMeeting } from '../../src/store/meetingStore';
import { groupMeetings, seriesEnd, toStoredMeeting } from '../../src/store/meetingStore';

const hour = 3_600_000;
const day = 24 * hour;
const weekly: Recurrence = {
  pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
  range: { type: 'noEnd', startDate: '2030-01-07', recurrenceTimeZone: 'Europe/Berlin' },
};
const start = Date.UTC(2030, 0, 7, 9);
const stored = (extra: Partial<StoredMeeting> = {}): StoredMeeting => ({
  id: 'AAMkSeries',
  subject: 'Team sync',
  start,
  end: start + hour / 2,
  timeZone: 'Europe/Berlin',
  online: false,
  status: 'active',
  organizer: true,
  ...extra,
});

describe('series in the tree (issue 12)', () => {
  describe('the stored record', () => {
    const meeting: Meeting = {
      id: 'AAMkSeries',
      subject: 'Team sync',
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-01-07T10:30:00', timeZone: 'Europe/Berlin' },
      attendees: [],
      isOnlineMeeting: false,
      isOrganizer: true,
      isCancelled: false,
    };
    const at = (d: string) => Date.parse(`${d}Z`);

    it('a series master keeps its recurrence; a single meeting or an occurrence keeps none', () => {
      const master = toStoredMeeting({ ...meeting, type: 'seriesMaster', recurrence: weekly }, at);
      assert.deepEqual(master.recurrence, weekly);
      assert.equal('recurrence' in toStoredMeeting({ ...meeting, type: 'singleInstance' }, at), false);
      assert.equal(
        'recurrence' in toStoredMeeting({ ...meeting, type: 'occurrence', seriesMasterId: 'AAMkSeries' }, at),
        false,
      );
    });
  });

  describe('the series end and its group', () => {
    it('no end: open; an end date: by the day after it (any zone) plus the length; numbered: an upper bound', () => {
      assert.equal(seriesEnd(stored({ recurrence: weekly })), Number.POSITIVE_INFINITY);
      const until = {
        ...weekly,
        range: { ...weekly.range, type: 'endDate' as const, endDate: '2030-03-31' },
      };
      assert.equal(seriesEnd(stored({ recurrence: until })), Date.UTC(2030, 3, 2) + hour / 2);
      const fourTimes = {
        ...weekly,
        range: { ...weekly.range, type: 'numbered' as const, numberOfOccurrences: 4 },
      };
      // Mon and Wed, 4 times: within 2 weeks of the first, plus a week of slack.
      const bound = seriesEnd(stored({ recurrence: fourTimes }));
      assert.ok(bound >= start + 9 * day && bound <= start + 4 * 7 * day, String(bound));
      assert.equal(seriesEnd(stored()), start + hour / 2, 'a single meeting: its own end');
    });

    it('a series that goes on is upcoming after its first occurrence; one that ended is past', () => {
      const later = start + 60 * day;
      assert.equal(meetingState(stored({ recurrence: weekly }), later), 'upcoming');
      assert.equal(meetingState(stored(), later), 'past');
      const until = {
        ...weekly,
        range: { ...weekly.range, type: 'endDate' as const, endDate: '2030-01-31' },
      };
      assert.equal(meetingState(stored({ recurrence: until }), later), 'past');
      const groups = groupMeetings([stored({ recurrence: weekly }), stored({ id: 'AAMkOne' })], later);
      assert.deepEqual(
        groups.upcoming.map((m) => m.id),
        ['AAMkSeries'],
      );
      assert.deepEqual(
        groups.past.map((m) => m.id),
        ['AAMkOne'],
      );
    });

    it('a damaged stored recurrence counts as none', () => {
      for (const bad of ['weekly', { pattern: 1 }, { pattern: {}, range: { type: 'x' } }, null]) {
        const m = stored({ recurrence: bad as unknown as Recurrence });
        assert.equal(seriesEnd(m), m.end);
        assert.equal(seriesText(m, 'en'), undefined);
      }
    });
  });

  describe('the row and the menu', () => {
    it('shows the pattern ("weekly, Mon and Wed")', () => {
      assert.equal(seriesText(stored({ recurrence: weekly }), 'en'), 'weekly, Mon and Wed');
      assert.equal(seriesText(stored(), 'en'), undefined);
    });

    it('shows the time of day, and the first day only while it is ahead (the pattern gives the days)', () => {
      const plain = (w: { time: string; firstDay?: string }) => ({
        time: w.time.replace(/\s/g, ' '),
        ...(w.firstDay ? { firstDay: w.firstDay } : {}),
      });
      assert.deepEqual(plain(seriesWhen(stored(), start - day, 'en-US', 'Europe/Berlin')), {
        time: '10:00 – 10:30 AM',
        firstDay: 'Jan 7, 2030',
      });
      assert.deepEqual(plain(seriesWhen(stored(), start + 30 * day, 'en-US', 'Europe/Berlin')), {
        time: '10:00 – 10:30 AM',
      });
    });

    it('a series gets ".series" last in its context value, which the menus match', () => {
      assert.equal(
        meetingContextValue(stored({ recurrence: weekly, online: true }), start - day),
        'meeting.upcoming.online.organizer.series',
      );
      assert.equal(meetingContextValue(stored(), start - day), 'meeting.upcoming.organizer');
    });
  });

  describe("the series' context menu (package.json)", () => {
    interface MenuItem {
      command: string;
      when?: string;
      group?: string;
    }
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, MenuItem[]> };
    };
    const offered = (contextValue: string): string[] =>
      pkg.contributes.menus['view/item/context']!.filter((item) => {
        const match = /viewItem =~ \/(.+)\/$/.exec(item.when ?? '');
        return (
          match !== null && new RegExp(match[1]!).test(contextValue) && !item.group?.startsWith('inline')
        );
      })
        .map((item) => item.command.replace('outlookMeetings.', ''))
        .sort();

    it('a series the user organizes offers its occurrence actions beside the series actions', () => {
      for (const cv of ['meeting.upcoming.organizer.series', 'meeting.upcoming.online.organizer.series']) {
        const commands = offered(cv);
        for (const c of ['updateMeeting', 'cancelMeeting', 'updateOccurrence', 'cancelOccurrence'])
          assert.ok(commands.includes(c), `${cv}: ${c} in ${commands.join(', ')}`);
      }
    });

    it('a single meeting, a series someone else organizes, or one that ended, offers no occurrence action', () => {
      for (const cv of [
        'meeting.upcoming.organizer',
        'meeting.upcoming.series',
        'meeting.past.organizer.series',
      ]) {
        const commands = offered(cv);
        assert.ok(!commands.includes('updateOccurrence') && !commands.includes('cancelOccurrence'), cv);
      }
    });
  });

  describe('the occurrence picker and the cancel confirmation', () => {
    it('labels an occurrence with its weekday, date and time in the display zone', () => {
      // ICU puts thin and no-break spaces around the dash and before AM.
      const plain = (text: string) => text.replace(/\s/g, ' ');
      assert.equal(
        plain(formatOccurrence(start, start + hour / 2, 'en-US', 'Europe/Berlin')),
        'Mon, Jan 7, 2030, 10:00 – 10:30 AM',
      );
      assert.equal(
        plain(formatOccurrence(start, start + hour / 2, 'en-US', 'UTC')),
        'Mon, Jan 7, 2030, 9:00 – 9:30 AM',
      );
    });

    it('asks Graph for the occurrences over a year from now, or from the first start when it lies ahead', () => {
      const now = Date.UTC(2030, 5, 1, 12);
      assert.deepEqual(occurrenceWindow(now), { start: now, end: now + 366 * day });
      assert.deepEqual(occurrenceWindow(now, now - 30 * day), { start: now, end: now + 366 * day });
      const later = Date.UTC(2031, 0, 6, 9);
      assert.deepEqual(occurrenceWindow(now, later), { start: later, end: later + 366 * day });
    });

    it("says what a cancel cancels, from Graph's type of the meeting read", () => {
      assert.equal(cancelScope('seriesMaster'), 'series');
      assert.equal(cancelScope('occurrence'), 'occurrence');
      assert.equal(cancelScope('exception'), 'occurrence');
      assert.equal(cancelScope('singleInstance'), 'meeting');
      assert.equal(cancelScope(undefined), 'meeting');
    });
  });
});
