// The user's calendars and where a create goes. `GET /me/calendars` (Microsoft Graph docs, "List calendars"; "calendar
// resource type": `canEdit` is true when the user can write to the calendar, `isDefaultCalendar` marks the default
// one); a meeting is made in a chosen calendar with `POST /me/calendars/{id}/events` ("Create event").
import { isMeetingId } from '../core/meetingId';
import type { CallOptions, MeetingsClient } from './client';
import { MeetingsError, isRecord } from './errors';

/** One of the user's calendars, as the form's picker needs it. */
export interface CalendarInfo {
  id: string;
  name: string;
  /** The user can add events to it. */
  canEdit: boolean;
  isDefault: boolean;
}

/** More pages than any mailbox has calendars for (Graph pages collections by 10 unless `$top` says more). */
const CALENDAR_PAGES = 20;

/**
 * The path below the API version where a meeting is created: the default calendar's `/me/events`, or the chosen
 * calendar's events. The ID goes into the path, so it is held to the meeting ID's rule (no dot segments).
 */
export function createPath(calendarId: string | undefined): string {
  if (calendarId === undefined) return '/me/events';
  if (!isMeetingId(calendarId))
    throw new MeetingsError({ kind: 'invalidInput', code: 'invalidCalendarId', message: 'Invalid calendar ID.' });
  return `/me/calendars/${encodeURIComponent(calendarId)}/events`;
}

/** The user's calendars, in Graph's order; an entry without an ID is an answer this extension cannot read. */
export async function listCalendars(
  client: Pick<MeetingsClient, 'pages'>,
  opts: CallOptions = {},
): Promise<CalendarInfo[]> {
  const out: CalendarInfo[] = [];
  const path = '/me/calendars?$select=id,name,canEdit,isDefaultCalendar&$top=100';
  for await (const page of client.pages(path, CALENDAR_PAGES, opts)) {
    for (const item of page) {
      if (!isRecord(item) || typeof item.id !== 'string' || item.id === '')
        throw new MeetingsError({ kind: 'badResponse', message: 'A calendar without an ID.' });
      out.push({
        id: item.id,
        name: typeof item.name === 'string' ? item.name : '',
        canEdit: item.canEdit === true,
        isDefault: item.isDefaultCalendar === true,
      });
    }
  }
  return out;
}
