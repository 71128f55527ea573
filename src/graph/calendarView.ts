// The user's whole calendar over a time window: `GET /me/calendarView?startDateTime=&endDateTime=` (Microsoft Graph
// docs, "List calendarView": both parameters required, ISO 8601; recurring series come back expanded into their
// occurrences and exceptions; `$select` and paging through `@odata.nextLink`). The next meeting in the status bar and
// the agent tools' list read it. Sent through the client's request primitive (`MeetingsClient.pages`).
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { AttendeeResponse } from '../core/types';
import { MeetingsError, isRecord } from './errors';

/** A time window in epoch ms: events overlapping [start, end). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** One calendar entry (a single meeting or one occurrence of a series), times as instants. */
export interface CalendarEntry {
  id: string;
  subject: string;
  start: number;
  end: number;
  isAllDay: boolean;
  isCancelled: boolean;
  isOrganizer: boolean;
  /** The user's own answer (`responseStatus.response`). */
  response?: AttendeeResponse;
  joinUrl?: string;
  webLink?: string;
  location?: string;
  organizer?: { address: string; name?: string };
  /** Graph's `type`: singleInstance, occurrence, exception or seriesMaster. */
  type?: string;
  seriesMasterId?: string;
}

/** The properties asked for: only what an entry holds (Graph sends every property without `$select`). */
export const calendarViewSelect = [
  'id',
  'subject',
  'start',
  'end',
  'isAllDay',
  'isCancelled',
  'isOrganizer',
  'responseStatus',
  'onlineMeeting',
  'webLink',
  'location',
  'organizer',
  'type',
  'seriesMasterId',
].join(',');

/** Entries per page (`$top`), and the most pages read before giving up. */
export const calendarViewPageSize = 50;
export const calendarViewMaxPages = 20;

/** The first page's path below the API version. */
export function calendarViewPath(window: TimeWindow): string {
  const query = new URLSearchParams({
    startDateTime: new Date(window.start).toISOString(),
    endDateTime: new Date(window.end).toISOString(),
    $select: calendarViewSelect,
    $top: String(calendarViewPageSize),
  });
  return `/me/calendarView?${query.toString()}`;
}

const responses: readonly string[] = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
];

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function instant(v: unknown): number | undefined {
  if (!isRecord(v) || typeof v.dateTime !== 'string' || typeof v.timeZone !== 'string') return undefined;
  return graphDateTimeToEpochMs({ dateTime: v.dateTime, timeZone: v.timeZone });
}

/** One entry of a page, or undefined when Graph's item lacks an id or usable times (the page is then malformed). */
export function parseCalendarEntry(item: unknown): CalendarEntry | undefined {
  if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') return undefined;
  const start = instant(item.start);
  const end = instant(item.end);
  if (start === undefined || end === undefined) return undefined;
  const entry: CalendarEntry = {
    id: item.id,
    subject: typeof item.subject === 'string' ? item.subject : '',
    start,
    end,
    isAllDay: item.isAllDay === true,
    isCancelled: item.isCancelled === true,
    isOrganizer: item.isOrganizer === true,
  };
  const response = isRecord(item.responseStatus) ? item.responseStatus.response : undefined;
  if (typeof response === 'string' && responses.includes(response))
    entry.response = response as AttendeeResponse;
  const joinUrl = isRecord(item.onlineMeeting) ? text(item.onlineMeeting.joinUrl) : undefined;
  if (joinUrl) entry.joinUrl = joinUrl;
  const webLink = text(item.webLink);
  if (webLink) entry.webLink = webLink;
  const location = isRecord(item.location) ? text(item.location.displayName) : undefined;
  if (location) entry.location = location;
  const who =
    isRecord(item.organizer) && isRecord(item.organizer.emailAddress)
      ? item.organizer.emailAddress
      : undefined;
  const address = who ? text(who.address) : undefined;
  if (who && address) {
    const name = text(who.name);
    entry.organizer = name ? { address, name } : { address };
  }
  const type = text(item.type);
  if (type) entry.type = type;
  const seriesMasterId = text(item.seriesMasterId);
  if (seriesMasterId) entry.seriesMasterId = seriesMasterId;
  return entry;
}

/** Reads pages of a collection: each page's `value` items (the client follows `@odata.nextLink`). */
export type ReadPages = (path: string, maxPages: number) => AsyncIterable<unknown[]>;

/**
 * Every entry of the calendar overlapping `window`, soonest first. A window that is empty or reversed is refused
 * (`invalidInput`) before anything is sent; an item Graph answers without an id or times makes the answer
 * `badResponse`.
 */
export async function readCalendarView(pages: ReadPages, window: TimeWindow): Promise<CalendarEntry[]> {
  if (!Number.isFinite(window.start) || !Number.isFinite(window.end) || window.end <= window.start) {
    throw new MeetingsError({
      kind: 'invalidInput',
      code: 'invalidWindow',
      message: 'The time window must end after it starts.',
    });
  }
  const entries: CalendarEntry[] = [];
  for await (const page of pages(calendarViewPath(window), calendarViewMaxPages)) {
    for (const item of page) {
      const entry = parseCalendarEntry(item);
      if (!entry)
        throw new MeetingsError({ kind: 'badResponse', message: 'A calendar view entry is malformed.' });
      entries.push(entry);
    }
  }
  return entries.sort((a, b) => a.start - b.start || a.end - b.end);
}
