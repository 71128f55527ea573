// The Graph requests of "find a time": people search, free/busy, suggested times and rooms. Each builds its request
// from validated input and sends it through the client's one request primitive (`MeetingsClient.send`: retries,
// mailbox slots, the token for the configured origin only); answers come back as parsed JSON, read by
// src/services/findTime.ts. Bodies are typed against @microsoft/microsoft-graph-types (type-only).
import type { AttendeeBase, DateTimeTimeZone, TimeConstraint } from '@microsoft/microsoft-graph-types';
import type { AvailabilityRequest, FindMeetingTimesRequest } from '../core/findTime';
import { SCHEDULE_ADDRESSES_PER_REQUEST } from '../core/findTime';
import type { MeetingsClient } from './client';

/** The client surface these requests use. */
export type GraphSend = Pick<MeetingsClient, 'send'>;

/** Per-call options. */
export interface FindTimeCallOptions {
  signal?: AbortSignal;
}

/** People per search answer (Graph's default is 10; "user: list people"). */
const PEOPLE_PER_SEARCH = 10;
/** Rooms per page: "place: list" answers up to 100 per page. */
const ROOMS_PER_PAGE = 100;

/** The `POST /me/calendar/getSchedule` body ("calendar: getSchedule"). */
interface GetScheduleBody {
  schedules: string[];
  startTime: DateTimeTimeZone;
  endTime: DateTimeTimeZone;
  availabilityViewInterval: number;
}

/** The `POST /me/findMeetingTimes` body ("user: findMeetingTimes"). */
interface FindMeetingTimesBody {
  attendees: AttendeeBase[];
  timeConstraint: TimeConstraint;
  meetingDuration: string;
  maxCandidates: number;
  isOrganizerOptional: boolean;
  returnSuggestionReasons: boolean;
  minimumAttendeePercentage: number;
}

/** Suggestions asked of findMeetingTimes. */
const MAX_CANDIDATES = 20;

/** An instant as Graph's `dateTimeTimeZone` in UTC (`YYYY-MM-DDTHH:mm:ss`). */
function utcDateTime(epochMs: number): DateTimeTimeZone {
  return { dateTime: new Date(epochMs).toISOString().slice(0, 19), timeZone: 'UTC' };
}

/** An ISO 8601 duration for whole minutes (`PT1H30M`). */
function isoDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 || h === 0 ? `${m}M` : ''}`;
}

/** The path of a people search: `$search` (fuzzy, the user's own list) and `$top` ("user: list people"; no `$skip` with `$search`). */
function peoplePath(query: string, top = PEOPLE_PER_SEARCH): string {
  const params = new URLSearchParams({ $search: `"${query.replace(/"/g, '')}"`, $top: String(top) });
  return `/me/people?${params.toString()}`;
}

/** The getSchedule bodies for a request: one per 20 addresses (the documented limit per call). */
function scheduleBodies(req: AvailabilityRequest): GetScheduleBody[] {
  const bodies: GetScheduleBody[] = [];
  for (let i = 0; i < req.emails.length; i += SCHEDULE_ADDRESSES_PER_REQUEST) {
    bodies.push({
      schedules: req.emails.slice(i, i + SCHEDULE_ADDRESSES_PER_REQUEST),
      startTime: utcDateTime(req.startMs),
      endTime: utcDateTime(req.endMs),
      availabilityViewInterval: req.intervalMinutes,
    });
  }
  return bodies;
}

/**
 * The findMeetingTimes body: people as `required`/`optional` attendees (`type` is required for people), the window as
 * one time slot in the mailbox's working hours (`activityDomain: work`, the default), the duration, every suggestion
 * whatever the share of free attendees (`minimumAttendeePercentage: 0`, so the caller sees who is free).
 */
function findMeetingTimesBody(req: FindMeetingTimesRequest): FindMeetingTimesBody {
  const attendee = (address: string, type: 'required' | 'optional'): AttendeeBase => ({
    type,
    emailAddress: { address },
  });
  return {
    attendees: [
      ...req.attendees.map((a) => attendee(a, 'required')),
      ...req.optionalAttendees.map((a) => attendee(a, 'optional')),
    ],
    timeConstraint: {
      activityDomain: 'work',
      timeSlots: [{ start: utcDateTime(req.startMs), end: utcDateTime(req.endMs) }],
    },
    meetingDuration: isoDuration(req.durationMinutes),
    maxCandidates: MAX_CANDIDATES,
    isOrganizerOptional: false,
    returnSuggestionReasons: true,
    minimumAttendeePercentage: 0,
  };
}

/** `GET /me/people?$search=` (People.Read): the raw answer. */
export function requestPeople(
  graph: GraphSend,
  query: string,
  opts: FindTimeCallOptions = {},
): Promise<unknown> {
  return graph.send('GET', peoplePath(query), opts);
}

/**
 * `POST /me/calendar/getSchedule` (Calendars.Read): one request per 20 addresses, sent one after another (a request
 * at a time keeps within the mailbox's concurrency); the raw answers in order.
 */
export async function requestSchedule(
  graph: GraphSend,
  req: AvailabilityRequest,
  opts: FindTimeCallOptions = {},
): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const body of scheduleBodies(req)) {
    answers.push(await graph.send('POST', '/me/calendar/getSchedule', { body, ...opts }));
  }
  return answers;
}

/** `POST /me/findMeetingTimes`: the raw answer. */
export function requestMeetingTimes(
  graph: GraphSend,
  req: FindMeetingTimesRequest,
  opts: FindTimeCallOptions = {},
): Promise<unknown> {
  return graph.send('POST', '/me/findMeetingTimes', { body: findMeetingTimesBody(req), ...opts });
}

/** `GET /places/microsoft.graph.room` (Place.Read.All): the first page (up to 100 rooms), raw. */
export function requestRooms(graph: GraphSend, opts: FindTimeCallOptions = {}): Promise<unknown> {
  return graph.send('GET', `/places/microsoft.graph.room?$top=${ROOMS_PER_PAGE}`, opts);
}
