// Finding a time: the arguments of `outlookMeetings.findMeetingTimes` and `outlookMeetings.getAvailability`, their
// validation (every bad field named, nothing thrown), and the small typed results the commands and the form get.
// Pure: no runtime `vscode` import (lint rule); the page may import the types.
import type { Validation } from './types';
import { Collector, notAnObject, readObject } from './validate';

/**
 * Addresses per `POST /me/calendar/getSchedule` (Microsoft Graph, "calendar: getSchedule": "up to 20"; GRAPH.md).
 * More addresses are split into requests of this size.
 */
export const SCHEDULE_ADDRESSES_PER_REQUEST = 20;
/** getSchedule's window must be under 62 days (Microsoft Graph, "calendar: getSchedule"); the same bound is kept for suggestions. */
export const MAX_WINDOW_DAYS = 62;
/** `availabilityViewInterval`: 5 to 1440 minutes, default 30 (Microsoft Graph, "calendar: getSchedule"). */
const MIN_INTERVAL_MINUTES = 5;
const MAX_INTERVAL_MINUTES = 1440;
export const DEFAULT_INTERVAL_MINUTES = 30;
/** A suggested meeting lasts 1 minute to 1 day: our bound (Graph documents `meetingDuration` as an ISO 8601 duration only). */
export const MAX_DURATION_MINUTES = 1440;

/** Arguments of `outlookMeetings.findMeetingTimes`. `start`/`end` bound the search: ISO 8601, with an offset an instant, without one a wall time in `timeZone`. */
export interface FindMeetingTimesInput {
  attendees: string[];
  optionalAttendees?: string[];
  durationMinutes: number;
  start: string;
  end: string;
  /** IANA or Windows name; default the user's zone. */
  timeZone?: string;
}

/** Validated `findMeetingTimes` arguments: addresses trimmed and de-duplicated, the window as instants. */
export interface FindMeetingTimesRequest {
  attendees: string[];
  optionalAttendees: string[];
  durationMinutes: number;
  /** Epoch ms. */
  startMs: number;
  endMs: number;
  /** Canonical IANA zone the window was read in. */
  timeZone: string;
}

/** Arguments of `outlookMeetings.getAvailability`. */
export interface AvailabilityInput {
  emails: string[];
  start: string;
  end: string;
  /** Minutes per `availabilityView` digit, 5 to 1440 (default 30). */
  intervalMinutes?: number;
}

/** Validated `getAvailability` arguments. */
export interface AvailabilityRequest {
  emails: string[];
  startMs: number;
  endMs: number;
  intervalMinutes: number;
  /** Canonical IANA zone the window was read in (the default zone: the input has no `timeZone`). */
  timeZone: string;
}

/** Graph's `freeBusyStatus`. */
export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export const freeBusyStatuses: readonly FreeBusyStatus[] = [
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
];

/** One attendee's availability in a suggestion. */
export interface AttendeeAvailability {
  email: string;
  availability: FreeBusyStatus;
}

/** A suggested time, best first. `start`/`end` are ISO 8601 instants ending in `Z`. */
export interface MeetingTimeSuggestion {
  start: string;
  end: string;
  /** Graph's confidence, 0 to 100. */
  confidence: number;
  attendeeAvailability: AttendeeAvailability[];
}

/** A busy block of someone's calendar; `start`/`end` are ISO 8601 instants ending in `Z`. */
export interface BusyBlock {
  start: string;
  end: string;
  status: FreeBusyStatus;
}

/** One address's free/busy, in the order asked. */
export interface Availability {
  email: string;
  /** One digit per interval: 0 free, 1 tentative, 2 busy, 3 oof, 4 working elsewhere. */
  availabilityView: string;
  busy: BusyBlock[];
  /** Graph could not read this address's calendar (unknown address, no permission): its message. */
  error?: string;
}

/** A person suggested by `GET /me/people?$search=`. */
export interface PersonSuggestion {
  email: string;
  name: string;
}

/** A room from `GET /places/microsoft.graph.room`. */
export interface RoomInfo {
  email: string;
  name: string;
  capacity?: number;
  building?: string;
  floor?: number;
}

/** The parts of "find a time" that are asked for (and may be refused) separately. */
export type FindTimeFeature = 'people' | 'availability' | 'suggestions' | 'rooms';

/**
 * Why a feature is unavailable: the user declined the extra permission, the tenant has not consented to it (or Graph
 * refused it), the account is a personal Microsoft account (no getSchedule, findMeetingTimes or places), or the
 * permission has not been asked yet and only a user action may ask (`createIfNone` only on a user action), or asking
 * for it failed otherwise (the sign-in's own error is logged).
 */
export type UnavailableReason =
  'declined' | 'notConsented' | 'personalAccount' | 'needsConsent' | 'signInFailed';

/** A feature that cannot be used now; `message` is one English line (the host shows a translated one). */
export interface FeatureUnavailable {
  feature: FindTimeFeature;
  reason: UnavailableReason;
  message: string;
}

/** What a feature call gives: its value, or why the feature is unavailable (the rest of the form works). */
export type FeatureResult<T> = { ok: true; value: T } | { ok: false; unavailable: FeatureUnavailable };

const featureNames: Record<FindTimeFeature, string> = {
  people: 'People suggestions',
  availability: 'Free/busy',
  suggestions: 'Suggested times',
  rooms: 'Rooms',
};

/** The English line for an unavailable feature (API callers, logs). */
function unavailableMessage(feature: FindTimeFeature, reason: UnavailableReason): string {
  const name = featureNames[feature];
  switch (reason) {
    case 'declined':
      return `${name} unavailable: the permission was declined.`;
    case 'notConsented':
      return `${name} unavailable: your organization has not allowed it.`;
    case 'personalAccount':
      return `${name} unavailable: personal Microsoft accounts do not have it.`;
    case 'needsConsent':
      return `${name}: permission needed, asked when you use it.`;
    case 'signInFailed':
      return `${name} unavailable: asking for the permission failed (see the log).`;
  }
}

/** Builds the unavailable result of a feature. */
export function unavailable(
  feature: FindTimeFeature,
  reason: UnavailableReason,
): { ok: false; unavailable: FeatureUnavailable } {
  return { ok: false, unavailable: { feature, reason, message: unavailableMessage(feature, reason) } };
}

const findFields = ['attendees', 'optionalAttendees', 'durationMinutes', 'start', 'end', 'timeZone'] as const;
const availabilityFields = ['emails', 'start', 'end', 'intervalMinutes'] as const;
const DAY_MS = 86_400_000;

/** Reads the window (`start`, `end` in `timeZone` or the default zone) and checks its order and length. */
function readWindow(
  c: Collector,
  fields: Map<string, unknown>,
  defaultTimeZone: string,
): { startMs: number; endMs: number; timeZone: string } | undefined {
  const zone = c.timeZone(fields, defaultTimeZone);
  const start = c.dateTime(fields, 'start', zone, true);
  const end = c.dateTime(fields, 'end', zone, true);
  if (!start || !end || zone === undefined) return undefined;
  if (end.epochMs <= start.epochMs) {
    c.add('end', 'endBeforeStart', {
      start: start.value.dateTime.slice(0, 16).replace('T', ' '),
      end: end.value.dateTime.slice(0, 16).replace('T', ' '),
    });
    return undefined;
  }
  const days = (end.epochMs - start.epochMs) / DAY_MS;
  if (days >= MAX_WINDOW_DAYS) {
    c.add('end', 'windowTooLong', { days: Math.ceil(days), max: MAX_WINDOW_DAYS });
    return undefined;
  }
  return { startMs: start.epochMs, endMs: end.epochMs, timeZone: zone };
}

/** Email addresses that must be given (`required` when absent, or empty when `nonEmpty`). */
function requiredEmails(
  c: Collector,
  fields: Map<string, unknown>,
  name: string,
  nonEmpty: boolean,
): string[] | undefined {
  if (fields.get(name) === undefined) {
    c.add(name, 'required');
    return undefined;
  }
  const list = c.emails(fields, name);
  if (list && nonEmpty && list.length === 0) {
    c.add(name, 'required');
    return undefined;
  }
  return list;
}

function finish<T>(c: Collector, value: T | undefined): Validation<T> {
  if (c.errors.length > 0 || value === undefined) return { ok: false, errors: c.errors };
  return { ok: true, value };
}

/**
 * Validates `outlookMeetings.findMeetingTimes` arguments: `attendees` (required, may be empty), `optionalAttendees`,
 * `durationMinutes` (1 to 1440, not longer than the window), `start` < `end` (under 62 days apart), `timeZone`.
 * Every problem comes back at once, each naming its field; unknown fields are refused.
 */
export function validateFindMeetingTimes(
  input: unknown,
  ctx: { defaultTimeZone: string },
): Validation<FindMeetingTimesRequest> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, findFields);
  const attendees = requiredEmails(c, fields, 'attendees', false);
  const optionalAttendees = c.emails(fields, 'optionalAttendees') ?? [];
  let durationMinutes: number | undefined;
  if (fields.get('durationMinutes') === undefined) c.add('durationMinutes', 'required');
  else durationMinutes = c.integer(fields, 'durationMinutes', 1, MAX_DURATION_MINUTES);
  const window = readWindow(c, fields, ctx.defaultTimeZone);
  if (window && durationMinutes !== undefined && durationMinutes * 60_000 > window.endMs - window.startMs) {
    c.add('durationMinutes', 'durationExceedsWindow', { value: durationMinutes });
  }
  return finish(
    c,
    attendees && window && durationMinutes !== undefined
      ? { attendees, optionalAttendees, durationMinutes, ...window }
      : undefined,
  );
}

/**
 * Validates `outlookMeetings.getAvailability` arguments: `emails` (1 to 500 addresses, `MAX_ATTENDEES`), `start` < `end` (under 62 days
 * apart, read in the default zone when without offset), `intervalMinutes` (5 to 1440, default 30). Every problem at
 * once, each naming its field.
 */
export function validateAvailability(
  input: unknown,
  ctx: { defaultTimeZone: string },
): Validation<AvailabilityRequest> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, availabilityFields);
  const emails = requiredEmails(c, fields, 'emails', true);
  const intervalMinutes =
    fields.get('intervalMinutes') === undefined
      ? DEFAULT_INTERVAL_MINUTES
      : c.integer(fields, 'intervalMinutes', MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES);
  // No `timeZone` argument: `readWindow` reads the default zone (an unknown field is refused above).
  const window = readWindow(c, fields, ctx.defaultTimeZone);
  return finish(
    c,
    emails && window && intervalMinutes !== undefined ? { emails, intervalMinutes, ...window } : undefined,
  );
}

/** A validated `{ start, end }` window (the agent tools' list): instants, and the zone its wall times were read in. */
export interface TimeWindowRequest {
  startMs: number;
  endMs: number;
  timeZone: string;
}

/**
 * Validates a `{ start, end }` window (`outlookMeetings_list`) by the same rules as the find-a-time windows: ISO 8601,
 * without an offset read in the default zone, `start` < `end`, under 62 days apart; unknown fields refused.
 */
export function validateTimeWindow(
  input: unknown,
  ctx: { defaultTimeZone: string },
): Validation<TimeWindowRequest> {
  const fields = readObject(input);
  if (!fields) return notAnObject(input);
  const c = new Collector();
  c.unknownFields(fields, ['start', 'end']);
  return finish(c, readWindow(c, fields, ctx.defaultTimeZone));
}
