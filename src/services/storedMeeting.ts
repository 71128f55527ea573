// The stored record of a meeting Graph returned. Its own module so refresh (loaded at activation, with the tree)
// and the actions share it without pulling the actions and their validation into the activation bundle.
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
