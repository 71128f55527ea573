// What the meetings tree shows, computed without `vscode`: groups, labels, context values, tooltips.
import type { MeetingGroups, StoredMeeting } from '../store/meetingStore';

export type GroupId = keyof MeetingGroups;

/** Group order in the tree. */
export const groupOrder: readonly GroupId[] = ['upcoming', 'past', 'cancelled'];

/** Display state of a meeting, also the middle part of its context value. */
export type MeetingState = 'upcoming' | 'past' | 'cancelled' | 'deleted';

/** The state shown for a meeting at `now`. */
export function meetingState(m: StoredMeeting, now: number): MeetingState {
  if (m.status === 'deleted') return 'deleted';
  if (m.status === 'cancelled') return 'cancelled';
  return m.end > now ? 'upcoming' : 'past';
}

/**
 * The tree item's context value: `meeting.<state>[.online][.organizer]`, e.g. `meeting.upcoming.online.organizer`.
 * Menus match it with regular expressions (`viewItem =~ /^meeting\.upcoming\b/`).
 */
export function meetingContextValue(m: StoredMeeting, now: number): string {
  let v = `meeting.${meetingState(m, now)}`;
  if (m.online) v += '.online';
  if (m.organizer) v += '.organizer';
  return v;
}

/** Formats an instant as local date and time, in the given zone when one is given. */
export function formatWhen(
  start: number,
  end: number,
  locale: string | undefined,
  timeZone?: string,
): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone }).format(start) ===
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone }).format(end);
  return sameDay
    ? `${date.format(start)} – ${time.format(end)}`
    : `${date.format(start)} – ${date.format(end)}`;
}

/** The quick pick's order: upcoming first (soonest first), then past meetings, newest first. */
export function pickOrder(groups: MeetingGroups): StoredMeeting[] {
  return [...[...groups.upcoming].reverse(), ...groups.past];
}
