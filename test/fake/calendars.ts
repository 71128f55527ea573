// The fake Graph's calendars (issue 12): `GET /me/calendars` and a create in one calendar,
// `POST /me/calendars/{id}/events`. Microsoft Graph docs, "calendar resource type": `canEdit` is true when the user
// can write to the calendar, `isDefaultCalendar` marks the default one. A write the user has no access to is answered
// 403 ErrorAccessDenied "Access is denied. Check credentials and try again." (observed, e.g.
// RogerSelwyn/MS365-Calendar#53); an unknown calendar ID 404 ErrorItemNotFound, as an unknown event's.
import { randomBytes } from 'node:crypto';

/** A calendar of the fake mailbox. */
export interface FakeCalendarEntry {
  id: string;
  name: string;
  canEdit: boolean;
  isDefaultCalendar: boolean;
}

/** The default calendar's ID (the one `GET /me/calendar` reports). */
export const defaultCalendarId = 'AAMkCalendarDefault=';

/** A mailbox's calendars at start: the default one alone. */
export function newCalendars(): FakeCalendarEntry[] {
  return [{ id: defaultCalendarId, name: 'Calendar', canEdit: true, isDefaultCalendar: true }];
}

/** A calendar to add (`FakeGraph.seedCalendar`), with a new ID unless one is given. */
export function calendarEntry(c: { name: string; canEdit?: boolean; id?: string }): FakeCalendarEntry {
  return {
    id: c.id ?? `AAMkCal${randomBytes(12).toString('base64url')}=`,
    name: c.name,
    canEdit: c.canEdit ?? true,
    isDefaultCalendar: false,
  };
}

interface CalendarAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the routes need from the fake. */
export interface CalendarDeps {
  calendars: FakeCalendarEntry[];
  /** Creates an event from the request (the `POST /me/events` rule), answering as it does. */
  create(): CalendarAnswer;
  /** Files a created event under a calendar. */
  file(eventId: string, calendarId: string): void;
  /** One calendar's view (the `/me/calendarView` rule; undefined: the default calendar's). */
  view(calendarId: string | undefined): CalendarAnswer;
  /** The events of one calendar, rendered (undefined: the default calendar's). */
  list(calendarId: string | undefined): unknown[];
  error(status: number, code: string, message: string): CalendarAnswer;
  methodNotAllowed(): CalendarAnswer;
}

/** Answers `/me/calendars` and `/me/calendars/{id}/events` and `/calendarView`; undefined for any other path. */
export function routeCalendars(path: string, method: string, deps: CalendarDeps): CalendarAnswer | undefined {
  if (path === '/me/calendars') {
    if (method !== 'GET') return deps.methodNotAllowed();
    return { status: 200, headers: {}, body: { value: deps.calendars.map((c) => ({ ...c })) } };
  }
  const m = /^\/me\/calendars\/([^/]+)\/(events|calendarView)$/.exec(path);
  if (!m) return undefined;
  const id = decodeURIComponent(m[1]!);
  const calendar = deps.calendars.find((c) => c.id === id);
  if (!calendar)
    return deps.error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  const own = calendar.isDefaultCalendar ? undefined : id;
  if (m[2] === 'calendarView') return method === 'GET' ? deps.view(own) : deps.methodNotAllowed();
  if (method === 'GET')
    return {
      status: 200,
      headers: {},
      body: { value: deps.list(own) },
    };
  if (method !== 'POST') return deps.methodNotAllowed();
  if (!calendar.canEdit)
    return deps.error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  const answer = deps.create();
  const created = answer.body as { id?: unknown } | undefined;
  if (answer.status === 201 && typeof created?.id === 'string' && !calendar.isDefaultCalendar)
    deps.file(created.id, id);
  return answer;
}
