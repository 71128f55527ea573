// Types shared by the meeting rules, the Graph layer, the store, the host and the form.
// Pure: no runtime `vscode` import anywhere under src/core.
import type { DraftFieldName, FieldName, FieldValue, InputValue, PlainGraphFieldName } from './fields';
import type { Recurrence } from './recurrence';

/**
 * Inputs of "Schedule meeting", as a caller (command arguments, the form) gives them: one optional property per
 * field of `meetingFields` (fields.ts), `start` and `end` required. Date-times are ISO 8601 strings: with an offset
 * (`Z`, `+01:00`) an exact instant, without one a wall time in `timeZone` (IANA or Windows name; default: the
 * user's zone). `content` is plain text unless `contentType` is `html`.
 */
export type ScheduleInput = { start: string; end: string } & {
  [N in Exclude<FieldName, 'start' | 'end'>]?: InputValue<N>;
};

/** Inputs of "Update meeting": the ID plus any schedule field; a field left out keeps its value. */
export interface UpdateInput extends Partial<ScheduleInput> {
  meetingId: string;
}

export type ContentType = 'text' | 'html';

/**
 * A date-time: wall time `YYYY-MM-DDTHH:mm:ss` in `timeZone`. In drafts and meetings the zone is a
 * canonical IANA name; the bodies sent to Graph carry its Windows name (`graphTimeZone`).
 */
export interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

/**
 * A validated, normalised schedule request, ready to map to a Graph body: every draft field of `meetingFields`
 * (the zone travels inside `start` and `end`); attendees trimmed and de-duplicated case-insensitively.
 */
export type MeetingDraft = { start: GraphDateTime; end: GraphDateTime } & {
  [N in Exclude<DraftFieldName, 'start' | 'end'>]?: FieldValue<N>;
};

/** A validated update: only the fields the caller gave are present. */
export interface MeetingChanges extends Partial<MeetingDraft> {
  meetingId: string;
}

/** A validated cancel. */
export interface CancelRequest {
  meetingId: string;
  comment?: string;
}

/** An attendee's answer, Graph's `responseStatus.response` (Microsoft Learn, "responseStatus resource type"). */
export type AttendeeResponse =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface Attendee {
  address: string;
  name?: string;
  type: 'required' | 'optional' | 'resource';
  /** Their answer as Graph reports it (absent when Graph sent none or a value added later). */
  response?: AttendeeResponse;
  /** A new time they proposed (Graph's `proposedNewTime`, "attendee resource type"; absent when none). */
  proposedNewTime?: { start: GraphDateTime; end: GraphDateTime };
}

/** The plain fields of `meetingFields` as read back from Graph (absent when Graph sent none). */
export type PlainMeetingFields = { [N in PlainGraphFieldName]?: FieldValue<N> };

/** A meeting as read back from Graph, reduced to what the extension uses. */
export interface Meeting extends PlainMeetingFields {
  id: string;
  subject: string;
  start: GraphDateTime;
  end: GraphDateTime;
  location?: string;
  attendees: Attendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  joinUrl?: string;
  webLink?: string;
  isOrganizer: boolean;
  isCancelled: boolean;
  organizer?: { address: string; name?: string };
  content?: string;
  contentType?: ContentType;
  transactionId?: string;
  lastModifiedDateTime?: string;
  /** Graph's event `type`: a single meeting, a series' master, one of its occurrences or a changed occurrence. */
  type?: MeetingType;
  /** The series master's ID, for an occurrence or an exception. */
  seriesMasterId?: string;
  /** A series master's recurrence. */
  recurrence?: Recurrence;
}

/** Graph's event `type` ("event resource type"). */
export type MeetingType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';

/** Why a field is invalid. Each code has an English template in `validationMessages`. */
export type ValidationCode =
  | 'required'
  | 'invalidDateTime'
  | 'endBeforeStart'
  | 'unknownTimeZone'
  | 'unsupportedTimeZone'
  | 'dateOutOfRange'
  | 'invalidEmail'
  | 'tooManyAttendees'
  | 'attendeeInTwoLists'
  | 'allDayNotMidnight'
  | 'tooLong'
  | 'wrongType'
  | 'nonexistentLocalTime'
  | 'teamsCannotBeTurnedOff'
  | 'teamsUnavailable'
  | 'unknownField'
  | 'invalidMeetingId'
  | 'invalidDate'
  | 'recurrenceStartDate'
  | 'recurrenceEndBeforeStart'
  | 'recurrenceOfOccurrence'
  | 'windowTooLong'
  | 'durationExceedsWindow';

/** One problem with one field. `field` is the input's name (`start`, `attendees`, `attendees[2]`, ...). */
export interface FieldError {
  field: string;
  code: ValidationCode;
  /** Values for the template's `{name}` placeholders. */
  params?: Record<string, string | number>;
  /** The English message, already formatted (for logs and callers without a translation). */
  message: string;
}

/** The result of a validation: the normalised value, or every problem at once. */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
