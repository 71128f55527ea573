// A series' occurrences: `GET /me/events/{id}/instances?startDateTime=&endDateTime=` (Microsoft Graph docs, "List
// instances": both parameters required, ISO 8601; answers the occurrences and exceptions of the series in the window,
// each with `type` and `seriesMasterId`; paged through `@odata.nextLink`). The tree's "Update/Cancel this occurrence…"
// lists the next ones. Sent through the client's request primitive for collections (`MeetingsClient.pages`).
import { graphDateTimeToEpochMs } from '../core/datetime';
import { fromGraphEvent, isMalformedResponseError } from '../core/mapping';
import { isMeetingId } from '../core/meetingId';
import type { Meeting } from '../core/types';
import { MeetingsError } from './errors';

/** The client surface this request uses (`MeetingsClient.pages`: GETs a collection, yielding each page's `value`). */
export interface PagedGraph {
  pages(path: string, maxPages: number, opts?: { signal?: AbortSignal }): AsyncIterable<unknown[]>;
}

/** An occurrence (or exception) of a series: a `Meeting` whose `type` and `seriesMasterId` Graph filled in. */
export type Occurrence = Meeting & { seriesMasterId: string };

/** Occurrences per page (`$top`), and the most pages read. */
export const instancesPageSize = 50;
export const instancesMaxPages = 20;

/** The properties asked for: what the tree and an occurrence's form need. */
export const instancesSelect = [
  'id',
  'subject',
  'start',
  'end',
  'type',
  'seriesMasterId',
  'isCancelled',
  'isOrganizer',
  'isOnlineMeeting',
  'organizer',
  'attendees',
  'location',
].join(',');

/** The first page's path below the API version, for the series `seriesMasterId` over [start, end) (epoch ms). */
export function instancesPath(seriesMasterId: string, window: { start: number; end: number }): string {
  if (!isMeetingId(seriesMasterId)) {
    throw new MeetingsError({
      kind: 'invalidInput',
      code: 'invalidMeetingId',
      message: 'Invalid meeting ID.',
    });
  }
  const query = new URLSearchParams({
    startDateTime: new Date(window.start).toISOString(),
    endDateTime: new Date(window.end).toISOString(),
    $select: instancesSelect,
    $top: String(instancesPageSize),
  });
  return `/me/events/${encodeURIComponent(seriesMasterId)}/instances?${query.toString()}`;
}

/**
 * The occurrences and exceptions of the series `seriesMasterId` overlapping `window` (epoch ms), soonest first, each
 * read like any event (`fromGraphEvent`; times in the client's zone). A cancelled occurrence is not listed (Graph
 * removes it from the series). Throws `MeetingsError`: `notFound` for a series that is gone, `badResponse` for an
 * answer that is not a list of events.
 */
export async function listOccurrences(
  graph: PagedGraph,
  seriesMasterId: string,
  window: { start: number; end: number },
  opts: { signal?: AbortSignal } = {},
): Promise<Occurrence[]> {
  const out: Occurrence[] = [];
  const path = instancesPath(seriesMasterId, window);
  for await (const page of graph.pages(path, instancesMaxPages, opts)) {
    for (const item of page) {
      let meeting: Meeting;
      try {
        meeting = fromGraphEvent(item);
      } catch (e) {
        if (isMalformedResponseError(e))
          throw new MeetingsError({ kind: 'badResponse', status: 200, cause: e });
        throw e;
      }
      out.push({ ...meeting, seriesMasterId: meeting.seriesMasterId ?? seriesMasterId });
    }
  }
  const at = (m: Meeting): number => graphDateTimeToEpochMs(m.start) ?? 0;
  return out.sort((a, b) => at(a) - at(b));
}
