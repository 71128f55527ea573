// "Find a time" without UI: validation of the command arguments, the feature's permission (through the host's
// `access`), the Graph requests (src/graph/findTime.ts), and Graph's answers checked and mapped into small typed
// results. A feature the account or tenant does not allow comes back as `{ ok: false, unavailable }`, never as an
// error, so the rest of the form works. Pure: no runtime `vscode` import.
import type {
  Availability,
  AvailabilityRequest,
  BusyBlock,
  FeatureResult,
  FeatureUnavailable,
  FindMeetingTimesRequest,
  FindTimeFeature,
  FreeBusyStatus,
  MeetingTimeSuggestion,
  PersonSuggestion,
  RoomInfo,
} from '../core/findTime';
import {
  freeBusyStatuses,
  unavailable,
  validateAvailability,
  validateFindMeetingTimes,
} from '../core/findTime';
import { graphDateTimeToEpochMs } from '../core/datetime';
import { isValidEmail } from '../core/validate';
import type { MeetingsClient } from '../graph/client';
import { isMeetingsError, isRecord } from '../graph/errors';
import { requestMeetingTimes, requestPeople, requestRooms, requestSchedule } from '../graph/findTime';
import { InvalidArgumentsError } from './errors';

/** The Graph client surface "find a time" uses. */
export type FindTimeGraph = Pick<MeetingsClient, 'send' | 'onlineMeetingProviders'>;

/** A feature's client, once its permission is granted, or why it cannot be used. */
export type FeatureAccess =
  { ok: true; graph: FindTimeGraph } | { ok: false; unavailable: FeatureUnavailable };

/** Options of every feature call. */
export interface FeatureCallOptions {
  signal?: AbortSignal;
  /**
   * The user acted (pressed a button, ran a command): a missing permission may be asked with a prompt. Otherwise a
   * permission not yet granted gives `needsConsent` and nothing is asked.
   */
  interactive?: boolean;
}

/** What the service needs from its host. */
export interface FindTimeDeps {
  /** The Graph client for a feature, asking its extra permission first (with a prompt only when `interactive`). */
  access(feature: FindTimeFeature, opts: { interactive: boolean }): Promise<FeatureAccess>;
  /** The zone for wall times without a zone. */
  defaultTimeZone(): string;
}

/** The online-meeting provider only consumer (personal) calendars list ("calendar resource type"). */
const consumerProvider = 'skypeForConsumer';

/** An instant as ISO 8601 in UTC (`2030-01-07T09:00:00Z`; milliseconds only when not zero). */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/**
 * Graph answered a "find a time" request with something this extension cannot read. (Not a `MeetingsError`: that
 * class lives in the Graph bundle, and this module rides in the operations bundle with only its guards.)
 */
export class UnreadableAnswerError extends Error {
  override readonly name = 'UnreadableAnswerError';
  constructor(readonly what: string) {
    super(`Microsoft Graph sent ${what} this extension cannot read.`);
  }
}

/** Guard for `UnreadableAnswerError` (survives separately bundled copies of the class). */
export function isUnreadableAnswerError(e: unknown): e is UnreadableAnswerError {
  return e instanceof Error && e.name === 'UnreadableAnswerError';
}

function malformed(what: string): UnreadableAnswerError {
  return new UnreadableAnswerError(what);
}

/** Graph's `dateTimeTimeZone` as an ISO instant; throws `UnreadableAnswerError` naming `what` when unusable. */
function instantOf(value: unknown, what: string): string {
  if (!isRecord(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string')
    throw malformed(what);
  const ms = graphDateTimeToEpochMs({ dateTime: value.dateTime, timeZone: value.timeZone });
  if (ms === undefined) throw malformed(what);
  return isoInstant(ms);
}

function statusOf(value: unknown): FreeBusyStatus {
  return freeBusyStatuses.find((s) => s === value) ?? 'unknown';
}

function valueList(json: unknown, what: string): unknown[] {
  if (!isRecord(json) || !Array.isArray(json.value)) throw malformed(what);
  return json.value as unknown[];
}

/** People from a `GET /me/people` answer: each person's first valid address and display name (people without one are left out). */
export function peopleFromGraph(json: unknown): PersonSuggestion[] {
  const people: PersonSuggestion[] = [];
  const seen = new Set<string>();
  for (const item of valueList(json, 'a people list')) {
    if (!isRecord(item) || !Array.isArray(item.scoredEmailAddresses)) continue;
    const address = (item.scoredEmailAddresses as unknown[])
      .map((s) => (isRecord(s) && typeof s.address === 'string' ? s.address.trim() : ''))
      .find((a) => isValidEmail(a));
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    const name =
      typeof item.displayName === 'string' && item.displayName.trim() ? item.displayName.trim() : address;
    people.push({ email: address, name });
  }
  return people;
}

/**
 * Free/busy from getSchedule answers (one per 20 addresses): one entry per address asked, in the order asked, matched
 * by `scheduleId` case-insensitively. An address Graph answered with an `error` keeps it; one Graph left out is
 * malformed. `busy` lists every schedule item that is not free.
 */
export function availabilityFromGraph(answers: readonly unknown[], req: AvailabilityRequest): Availability[] {
  const byAddress = new Map<string, Availability>();
  for (const answer of answers) {
    for (const info of valueList(answer, 'a schedule')) {
      if (!isRecord(info) || typeof info.scheduleId !== 'string') throw malformed('a schedule');
      const view = info.availabilityView ?? '';
      if (typeof view !== 'string' || !/^[0-9]*$/.test(view)) throw malformed('an availability view');
      const busy: BusyBlock[] = [];
      const items = info.scheduleItems ?? [];
      if (!Array.isArray(items)) throw malformed('schedule items');
      for (const item of items as unknown[]) {
        if (!isRecord(item)) throw malformed('a schedule item');
        const status = statusOf(item.status);
        if (status === 'free') continue;
        busy.push({
          start: instantOf(item.start, 'a schedule item'),
          end: instantOf(item.end, 'a schedule item'),
          status,
        });
      }
      busy.sort((a, b) => a.start.localeCompare(b.start));
      const entry: Availability = { email: info.scheduleId, availabilityView: view, busy };
      if (isRecord(info.error)) {
        entry.error = typeof info.error.message === 'string' ? info.error.message : 'error';
      }
      byAddress.set(info.scheduleId.toLowerCase(), entry);
    }
  }
  return req.emails.map((email) => {
    const found = byAddress.get(email.toLowerCase());
    if (!found) throw malformed(`no schedule for an address asked`);
    return { ...found, email };
  });
}

/** Suggestions from a findMeetingTimes answer, best first (confidence, then time). */
export function suggestionsFromGraph(json: unknown): MeetingTimeSuggestion[] {
  if (!isRecord(json)) throw malformed('suggestions');
  const list = json.meetingTimeSuggestions ?? [];
  if (!Array.isArray(list)) throw malformed('suggestions');
  const suggestions = (list as unknown[]).map((item): MeetingTimeSuggestion => {
    if (!isRecord(item) || !isRecord(item.meetingTimeSlot)) throw malformed('a suggestion');
    const confidence = item.confidence ?? 0;
    if (typeof confidence !== 'number' || !Number.isFinite(confidence)) throw malformed('a confidence');
    const people = item.attendeeAvailability ?? [];
    if (!Array.isArray(people)) throw malformed('attendee availability');
    return {
      start: instantOf(item.meetingTimeSlot.start, 'a suggested time'),
      end: instantOf(item.meetingTimeSlot.end, 'a suggested time'),
      confidence,
      attendeeAvailability: (people as unknown[]).flatMap((p) => {
        const address =
          isRecord(p) && isRecord(p.attendee) && isRecord(p.attendee.emailAddress)
            ? p.attendee.emailAddress.address
            : undefined;
        return typeof address === 'string' && isRecord(p)
          ? [{ email: address, availability: statusOf(p.availability) }]
          : [];
      }),
    };
  });
  return suggestions.sort((a, b) => b.confidence - a.confidence || a.start.localeCompare(b.start));
}

/** Rooms from a `GET /places/microsoft.graph.room` answer (rooms without a valid address are left out), by name. */
export function roomsFromGraph(json: unknown): RoomInfo[] {
  const rooms: RoomInfo[] = [];
  for (const item of valueList(json, 'a room list')) {
    if (!isRecord(item) || typeof item.emailAddress !== 'string' || !isValidEmail(item.emailAddress))
      continue;
    const room: RoomInfo = {
      email: item.emailAddress,
      name: typeof item.displayName === 'string' && item.displayName ? item.displayName : item.emailAddress,
    };
    if (typeof item.capacity === 'number' && Number.isInteger(item.capacity)) room.capacity = item.capacity;
    if (typeof item.building === 'string' && item.building) room.building = item.building;
    if (typeof item.floorNumber === 'number' && Number.isInteger(item.floorNumber))
      room.floor = item.floorNumber;
    rooms.push(room);
  }
  return rooms.sort((a, b) => a.name.localeCompare(b.name));
}

/** People search, free/busy, suggested times and rooms for the commands and the form. */
export class FindTimeService {
  constructor(private readonly deps: FindTimeDeps) {}

  /** Validates `findMeetingTimes` arguments; throws `InvalidArgumentsError` naming every bad field (nothing sent). */
  validateFindMeetingTimes(input: unknown): FindMeetingTimesRequest {
    const v = validateFindMeetingTimes(input, { defaultTimeZone: this.deps.defaultTimeZone() });
    if (!v.ok)
      throw new InvalidArgumentsError(v.errors, 'outlookMeetings.findMeetingTimes: invalid arguments');
    return v.value;
  }

  /** Validates `getAvailability` arguments; throws `InvalidArgumentsError` naming every bad field (nothing sent). */
  validateAvailability(input: unknown): AvailabilityRequest {
    const v = validateAvailability(input, { defaultTimeZone: this.deps.defaultTimeZone() });
    if (!v.ok)
      throw new InvalidArgumentsError(v.errors, 'outlookMeetings.getAvailability: invalid arguments');
    return v.value;
  }

  /** People matching `query` from the user's own list (People.Read); an empty query answers none without a request. */
  searchPeople(query: string, opts: FeatureCallOptions = {}): Promise<FeatureResult<PersonSuggestion[]>> {
    const text = query.trim();
    if (text === '') return Promise.resolve({ ok: true, value: [] });
    return this.run('people', opts, async (graph) => peopleFromGraph(await requestPeople(graph, text, opts)));
  }

  /** Free/busy of every address (one getSchedule request per 20 addresses). */
  getAvailability(
    req: AvailabilityRequest,
    opts: FeatureCallOptions = {},
  ): Promise<FeatureResult<Availability[]>> {
    return this.run('availability', opts, async (graph) =>
      availabilityFromGraph(await requestSchedule(graph, req, opts), req),
    );
  }

  /** Suggested times, best first. */
  findMeetingTimes(
    req: FindMeetingTimesRequest,
    opts: FeatureCallOptions = {},
  ): Promise<FeatureResult<MeetingTimeSuggestion[]>> {
    return this.run('suggestions', opts, async (graph) =>
      suggestionsFromGraph(await requestMeetingTimes(graph, req, opts)),
    );
  }

  /** The tenant's rooms (Place.Read.All, often needing admin consent), by name. */
  listRooms(opts: FeatureCallOptions = {}): Promise<FeatureResult<RoomInfo[]>> {
    return this.run('rooms', opts, async (graph) => roomsFromGraph(await requestRooms(graph, opts)));
  }

  /**
   * Gets the feature's client (its permission), runs `call`, and turns Graph's refusal (403) into `unavailable`:
   * `personalAccount` when the calendar is a consumer one (it lists `skypeForConsumer`), else `notConsented`.
   */
  private async run<T>(
    feature: FindTimeFeature,
    opts: FeatureCallOptions,
    call: (graph: FindTimeGraph) => Promise<T>,
  ): Promise<FeatureResult<T>> {
    const access = await this.deps.access(feature, { interactive: opts.interactive === true });
    if (!access.ok) return access;
    try {
      return { ok: true, value: await call(access.graph) };
    } catch (e) {
      if (!isMeetingsError(e) || e.status !== 403) throw e;
      let personal = false;
      try {
        personal = (await access.graph.onlineMeetingProviders(opts)).allowed.includes(consumerProvider);
      } catch {
        // The refusal stands; what kind of account it is stays unknown.
      }
      return unavailable(feature, personal ? 'personalAccount' : 'notConsented');
    }
  }
}
