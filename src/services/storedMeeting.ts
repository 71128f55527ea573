// The stored record of a meeting Graph returned. Its own module so refresh (loaded at activation, with the tree)
// and the actions share it without pulling the actions and their validation into the activation bundle.
import type { Event } from '@microsoft/microsoft-graph-types';
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { Meeting } from '../core/types';
import type { StoredMeeting } from '../store/meetingStore';
import { toStoredMeeting } from '../store/meetingStore';

/** A Graph date-time's instant; falls back to reading it as UTC so a record is never lost. */
function toInstant(dateTime: string, timeZone: string): number {
  return graphDateTimeToEpochMs({ dateTime, timeZone }) ?? Date.parse(`${dateTime.slice(0, 19)}Z`);
}

/** The stored record of a meeting Graph returned. */
export function storedFromMeeting(meeting: Meeting): StoredMeeting {
  return toStoredMeeting(meeting, toInstant);
}

/**
 * The event properties a stored record is made of (`toStoredMeeting`), so refresh asks Graph for these only
 * (`$select`, "Use query parameters to customize responses"; "Get event" supports it, and the id always comes). A
 * property missing here reads as absent (`isOrganizer` false, no counts): the refresh test compares with a full read.
 */
export const storedMeetingSelect = [
  'subject',
  'start',
  'end',
  'isOnlineMeeting',
  'isOrganizer',
  'isCancelled',
  'lastModifiedDateTime',
  'attendees',
  'type',
  'recurrence',
] as const satisfies readonly (keyof Event)[];
