// The fake Graph's "find a time" endpoints, called from fakeGraph.ts's router: people search over a seeded directory,
// getSchedule and findMeetingTimes computed from the mailbox's events and from busy blocks tests seed per address,
// and rooms. Like Graph, each is refused (403) for a personal account (whose calendar lists only skypeForConsumer)
// and for a token without the scope; what the pages document is named where it is used.
import type { IncomingHttpHeaders } from 'node:http';
import { formatInZone, parseWall, resolveZone, wallToUtc } from './fakeTime';

/** A person of the seeded directory (`GET /me/people`). */
export interface FakePerson {
  name: string;
  email: string;
}

/** A room (`GET /places/microsoft.graph.room`). */
export interface FakeRoom {
  email: string;
  name: string;
  capacity?: number;
  building?: string;
  floor?: number;
}

/** Graph's freeBusyStatus. */
export type FakeFreeBusy = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

/** A busy block of one address's calendar, seeded by a test. */
export interface FakeBusyBlock {
  startMs: number;
  endMs: number;
  status: FakeFreeBusy;
  subject?: string;
}

/** Working hours findMeetingTimes keeps to (`activityDomain: work`), Monday to Friday. */
export interface FakeWorkingHours {
  /** IANA or Windows zone. */
  zone: string;
  startHour: number;
  endHour: number;
}

/** The test's handle on the "find a time" data of a fake. */
export interface FakeFindTime {
  /** Adds people to the directory people search looks in. */
  addPeople(people: FakePerson[]): void;
  /** Adds rooms. */
  addRooms(rooms: FakeRoom[]): void;
  /** Adds a busy block to an address's calendar (case-insensitive). */
  addBusy(address: string, block: FakeBusyBlock): void;
  /**
   * Sets the scopes a token carries. A token never granted carries the base sign-in's only (`Calendars.ReadWrite`):
   * people search and rooms are then refused, as Graph refuses a token without People.Read or Place.Read.All.
   */
  grant(token: string, scopes: string[]): void;
  /** The working hours (default: 08:00 to 17:00 in the mailbox's zone). */
  setWorkingHours(hours: FakeWorkingHours): void;
}

/** The parts of a request the endpoints read (fakeGraph.ts's context). */
export interface FindTimeRequest {
  method: string;
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  prefer: { timeZone?: string };
  requestId: string;
}

/** An answer (fakeGraph.ts's). */
export interface FindTimeAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** The event fields the schedule reads (fakeGraph.ts's FakeEvent). */
interface EventLike {
  startMs: number;
  endMs: number;
  subject: string;
  isCancelled: boolean;
  showAs?: string;
  isOrganizer: boolean;
  organizer: { address: string };
  attendees: { address: string }[];
}

/** What the endpoints need from the fake server. */
export interface FindTimeEnv {
  events(): Iterable<EventLike>;
  user(): { address: string; name?: string };
  /** A personal account: the calendar lists skypeForConsumer (fakeGraph's `--personal`, `setCalendar`). */
  personal(): boolean;
  mailboxTimeZone(): string;
  base(): string;
  error(status: number, code: string, message: string, requestId: string): FindTimeAnswer;
}

const baseScopes = ['Calendars.ReadWrite'];
const calendarReadScopes = [
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite.Shared',
];
const statuses: readonly FakeFreeBusy[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
/** "calendar: getSchedule": availabilityView digits. */
const digit: Record<FakeFreeBusy, string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
  unknown: '0',
};
/** Which status wins where blocks overlap. */
const weight: Record<FakeFreeBusy, number> = {
  free: 0,
  unknown: 0,
  workingElsewhere: 1,
  tentative: 2,
  busy: 3,
  oof: 4,
};
const MINUTE = 60_000;
const DAY = 86_400_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The "find a time" part of a fake: its data, the test's handle, and the router hook. */
export function createFindTime(env: FindTimeEnv): {
  handle: FakeFindTime;
  route(ctx: FindTimeRequest): FindTimeAnswer | undefined;
} {
  const people: FakePerson[] = [];
  const rooms: FakeRoom[] = [];
  const busy = new Map<string, FakeBusyBlock[]>();
  const tokenScopes = new Map<string, string[]>();
  let hours: FakeWorkingHours | undefined;

  const handle: FakeFindTime = {
    addPeople: (list) => people.push(...list.map((p) => ({ ...p }))),
    addRooms: (list) => rooms.push(...list.map((r) => ({ ...r }))),
    addBusy: (address, block) => {
      const key = address.toLowerCase();
      busy.set(key, [...(busy.get(key) ?? []), { ...block }]);
    },
    grant: (token, scopes) => tokenScopes.set(token, [...scopes]),
    setWorkingHours: (h) => {
      hours = { ...h };
    },
  };

  function scopesOf(ctx: FindTimeRequest): string[] {
    const token = /^Bearer (.+)$/.exec(String(ctx.headers.authorization ?? ''))?.[1] ?? '';
    return tokenScopes.get(token) ?? baseScopes;
  }

  /** 403 for a personal account or a token without any of `scopes` ("Access is denied" is Outlook's wording). */
  function refusal(ctx: FindTimeRequest, scopes: string[]): FindTimeAnswer | undefined {
    if (env.personal() || !scopes.some((s) => scopesOf(ctx).includes(s)))
      return env.error(
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
        ctx.requestId,
      );
    return undefined;
  }

  function bad(ctx: FindTimeRequest, message: string): FindTimeAnswer {
    // The status follows the pages; the code and text are our guess (no page gives them).
    return env.error(400, 'ErrorInvalidRequest', message, ctx.requestId);
  }

  function instant(value: unknown): number | undefined {
    if (!isRecord(value) || typeof value.dateTime !== 'string' || typeof value.timeZone !== 'string')
      return undefined;
    const wall = parseWall(value.dateTime);
    const zone = resolveZone(value.timeZone);
    return wall === undefined || !zone ? undefined : wallToUtc(wall, zone);
  }

  /** A time as Graph answers it: in the Prefer zone, else UTC, seven decimals. */
  function render(ms: number, ctx: FindTimeRequest): { dateTime: string; timeZone: string } {
    const name = ctx.prefer.timeZone && resolveZone(ctx.prefer.timeZone) ? ctx.prefer.timeZone : 'UTC';
    return { dateTime: formatInZone(ms, resolveZone(name) ?? 'UTC'), timeZone: name };
  }

  function isUser(address: string): boolean {
    return address.toLowerCase() === env.user().address.toLowerCase();
  }

  /** Whether the fake knows the address: the user, the directory, a room, or any address with seeded blocks. */
  function known(address: string): boolean {
    const a = address.toLowerCase();
    return (
      isUser(a) ||
      busy.has(a) ||
      people.some((p) => p.email.toLowerCase() === a) ||
      rooms.some((r) => r.email.toLowerCase() === a) ||
      [...env.events()].some((e) => e.attendees.some((x) => x.address.toLowerCase() === a))
    );
  }

  /** The blocks of an address: seeded, plus the mailbox's events it takes part in (the user: all of them). */
  function blocksOf(address: string): FakeBusyBlock[] {
    const a = address.toLowerCase();
    const fromEvents: FakeBusyBlock[] = [];
    for (const e of env.events()) {
      if (e.isCancelled) continue;
      const takesPart =
        isUser(a) ||
        e.organizer.address.toLowerCase() === a ||
        e.attendees.some((x) => x.address.toLowerCase() === a);
      if (!takesPart) continue;
      const status = statuses.find((s) => s === e.showAs) ?? 'busy';
      if (status === 'free') continue;
      fromEvents.push({ startMs: e.startMs, endMs: e.endMs, status, subject: e.subject });
    }
    return [...(busy.get(a) ?? []), ...fromEvents].sort((x, y) => x.startMs - y.startMs);
  }

  /** The worst status of an address over [start, end). */
  function statusOver(address: string, startMs: number, endMs: number): FakeFreeBusy {
    let worst: FakeFreeBusy = 'free';
    for (const b of blocksOf(address)) {
      if (b.startMs < endMs && b.endMs > startMs && weight[b.status] > weight[worst]) worst = b.status;
    }
    return worst;
  }

  /** `GET /me/people` ("user: list people"): fuzzy over names and addresses, `$top` (default 10), no `$skip` with `$search`. */
  function listPeople(ctx: FindTimeRequest): FindTimeAnswer {
    const refused = refusal(ctx, ['People.Read', 'People.Read.All']);
    if (refused) return refused;
    const search = ctx.query.$search;
    if (search !== undefined && ctx.query.$skip !== undefined)
      return bad(ctx, 'The $skip query parameter is not supported with $search.');
    const top = Math.max(1, Math.min(1000, Number(ctx.query.$top ?? 10) || 10));
    const words = (search ?? '').replace(/"/g, '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = people.filter((p) => {
      const parts = `${p.name} ${p.email}`.toLowerCase().split(/[\s@.]+/);
      return words.every((w) => parts.some((part) => part.startsWith(w)));
    });
    return {
      status: 200,
      headers: {},
      body: {
        '@odata.context': `${env.base()}/v1.0/$metadata#users('${encodeURIComponent(env.user().address)}')/people`,
        value: matches.slice(0, top).map((p, i) => ({
          id: `person-${i}`,
          displayName: p.name,
          scoredEmailAddresses: [{ address: p.email, relevanceScore: 10 - i }],
          personType: { class: 'Person', subclass: 'OrganizationUser' },
        })),
      },
    };
  }

  /** `POST /me/calendar/getSchedule`: at most 20 addresses, a window under 62 days, interval 5 to 1440 (default 30). */
  function getSchedule(ctx: FindTimeRequest): FindTimeAnswer {
    const refused = refusal(ctx, calendarReadScopes);
    if (refused) return refused;
    const b = ctx.body;
    if (!isRecord(b) || !Array.isArray(b.schedules) || !b.schedules.every((s) => typeof s === 'string'))
      return bad(ctx, 'Schedules are required.');
    const schedules = b.schedules as string[];
    if (schedules.length === 0 || schedules.length > 20)
      return bad(ctx, 'Between 1 and 20 schedules are allowed.');
    const startMs = instant(b.startTime);
    const endMs = instant(b.endTime);
    if (startMs === undefined || endMs === undefined || endMs <= startMs)
      return bad(ctx, 'Invalid time window.');
    if (endMs - startMs >= 62 * DAY) return bad(ctx, 'The time window must be shorter than 62 days.');
    const interval = b.availabilityViewInterval ?? 30;
    if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440)
      return bad(ctx, 'availabilityViewInterval must be from 5 to 1440.');
    const value = schedules.map((address) => {
      if (!known(address)) {
        return {
          scheduleId: address,
          availabilityView: '',
          scheduleItems: [],
          error: { message: 'The requested user is invalid.', responseCode: 'ErrorInvalidUser' },
        };
      }
      const blocks = blocksOf(address).filter((x) => x.startMs < endMs && x.endMs > startMs);
      let view = '';
      for (let t = startMs; t < endMs; t += interval * MINUTE)
        view += digit[statusOver(address, t, t + interval * MINUTE)];
      return {
        scheduleId: address,
        availabilityView: view,
        scheduleItems: blocks.map((x) => ({
          isPrivate: false,
          status: x.status,
          subject: x.subject ?? '',
          location: '',
          start: render(x.startMs, ctx),
          end: render(x.endMs, ctx),
        })),
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: env.mailboxTimeZone() },
        },
      };
    });
    return {
      status: 200,
      headers: {},
      body: {
        '@odata.context': `${env.base()}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value,
      },
    };
  }

  function parseDuration(text: unknown): number | undefined {
    if (text === undefined) return 30;
    const m = typeof text === 'string' ? /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(text) : null;
    if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
    return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  }

  /** Whether [start, end) lies inside one weekday's working hours. */
  function inWorkingHours(startMs: number, endMs: number): boolean {
    const h = hours ?? { zone: env.mailboxTimeZone(), startHour: 8, endHour: 17 };
    const zone = resolveZone(h.zone) ?? 'UTC';
    const wall = formatInZone(startMs, zone).slice(0, 10);
    const dayStart = wallToUtc(parseWall(`${wall}T00:00:00`)!, zone);
    const weekday = new Date(`${wall}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return startMs >= dayStart + h.startHour * 3_600_000 && endMs <= dayStart + h.endHour * 3_600_000;
  }

  /**
   * `POST /me/findMeetingTimes` ("user: findMeetingTimes"): candidates every 30 minutes inside the time slots (and the
   * working hours for `activityDomain: work`, the default), the organizer free unless optional, confidence the share of
   * free attendees (tentative half), at least `minimumAttendeePercentage` (default 50), best first, `maxCandidates`.
   */
  function findMeetingTimes(ctx: FindTimeRequest): FindTimeAnswer {
    const refused = refusal(ctx, calendarReadScopes);
    if (refused) return refused;
    const b = isRecord(ctx.body) ? ctx.body : {};
    const attendees: { address: string; type: string }[] = [];
    for (const a of Array.isArray(b.attendees) ? (b.attendees as unknown[]) : []) {
      const address = isRecord(a) && isRecord(a.emailAddress) ? a.emailAddress.address : undefined;
      const type = isRecord(a) ? a.type : undefined;
      // "attendeeBase": `type` is required for people (the findMeetingTimes page).
      if (
        typeof address !== 'string' ||
        typeof type !== 'string' ||
        !['required', 'optional', 'resource'].includes(type.toLowerCase())
      )
        return bad(ctx, 'Each attendee needs an email address and a type.');
      attendees.push({ address, type: type.toLowerCase() });
    }
    const duration = parseDuration(b.meetingDuration);
    if (duration === undefined || duration <= 0) return bad(ctx, 'Invalid meetingDuration.');
    const tc = isRecord(b.timeConstraint) ? b.timeConstraint : {};
    const domain = typeof tc.activityDomain === 'string' ? tc.activityDomain : 'work';
    const slots: { start: number; end: number }[] = [];
    for (const s of Array.isArray(tc.timeSlots) ? (tc.timeSlots as unknown[]) : []) {
      const start = isRecord(s) ? instant(s.start) : undefined;
      const end = isRecord(s) ? instant(s.end) : undefined;
      if (start === undefined || end === undefined || end <= start) return bad(ctx, 'Invalid time slot.');
      slots.push({ start, end });
    }
    if (slots.length === 0) {
      const now = Math.ceil(Date.now() / (30 * MINUTE)) * 30 * MINUTE;
      slots.push({ start: now, end: now + 2 * DAY });
    }
    const minimum = typeof b.minimumAttendeePercentage === 'number' ? b.minimumAttendeePercentage : 50;
    // The page documents no default for maxCandidates: 5 is our guess (the product always sends it).
    const max = typeof b.maxCandidates === 'number' ? b.maxCandidates : 5;
    const organizerOptional = b.isOrganizerOptional === true;
    const people = attendees.filter((a) => a.type !== 'resource');
    const lengthMs = duration * MINUTE;
    const suggestions: {
      start: number;
      confidence: number;
      organizer: FakeFreeBusy;
      each: FakeFreeBusy[];
    }[] = [];
    let organizerBusy = false;
    for (const slot of slots) {
      for (
        let t = Math.ceil(slot.start / (30 * MINUTE)) * 30 * MINUTE;
        t + lengthMs <= slot.end;
        t += 30 * MINUTE
      ) {
        if (domain === 'work' && !inWorkingHours(t, t + lengthMs)) continue;
        const organizer = statusOver(env.user().address, t, t + lengthMs);
        if (!organizerOptional && organizer !== 'free') {
          organizerBusy = true;
          continue;
        }
        const each = attendees.map((a) => statusOver(a.address, t, t + lengthMs));
        const score = people.reduce(
          (sum, a) =>
            sum +
            (each[attendees.indexOf(a)] === 'free'
              ? 1
              : each[attendees.indexOf(a)] === 'tentative'
                ? 0.5
                : 0),
          0,
        );
        const confidence = people.length === 0 ? 100 : Math.round((100 * score) / people.length);
        if (confidence < minimum || confidence === 0) continue;
        suggestions.push({ start: t, confidence, organizer, each });
      }
    }
    suggestions.sort((x, y) => y.confidence - x.confidence || x.start - y.start);
    const chosen = suggestions.slice(0, max);
    return {
      status: 200,
      headers: {},
      body: {
        '@odata.context': `${env.base()}/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult`,
        emptySuggestionsReason:
          chosen.length > 0
            ? ''
            : organizerBusy && people.length === 0
              ? 'organizerUnavailable'
              : 'attendeesUnavailable',
        meetingTimeSuggestions: chosen.map((s, i) => ({
          confidence: s.confidence,
          order: i + 1,
          organizerAvailability: s.organizer,
          suggestionReason:
            s.confidence === 100
              ? 'Suggested because it is one of the nearest times when all attendees are available.'
              : 'Suggested because it is one of the nearest times when most attendees are available.',
          meetingTimeSlot: { start: render(s.start, ctx), end: render(s.start + lengthMs, ctx) },
          attendeeAvailability: attendees.map((a, j) => ({
            attendee: { type: a.type, emailAddress: { address: a.address } },
            availability: s.each[j],
          })),
          locations: [],
        })),
      },
    };
  }

  /** `GET /places/microsoft.graph.room` ("place: list"): up to 100 a page (`$top`), `@odata.nextLink` beyond. */
  function listRooms(ctx: FindTimeRequest): FindTimeAnswer {
    const refused = refusal(ctx, ['Place.Read.All']);
    if (refused) return refused;
    const top = Math.max(1, Math.min(100, Number(ctx.query.$top ?? 100) || 100));
    const skip = Math.max(0, Number(ctx.query.$skip ?? 0) || 0);
    const body: Record<string, unknown> = {
      '@odata.context': `${env.base()}/v1.0/$metadata#places/microsoft.graph.room`,
      value: rooms.slice(skip, skip + top).map((r, i) => ({
        '@odata.type': '#microsoft.graph.room',
        id: `room-${skip + i}`,
        emailAddress: r.email,
        displayName: r.name,
        capacity: r.capacity ?? null,
        building: r.building ?? null,
        floorNumber: r.floor ?? null,
        bookingType: 'standard',
        isWheelChairAccessible: false,
      })),
    };
    if (skip + top < rooms.length)
      body['@odata.nextLink'] =
        `${env.base()}/v1.0/places/microsoft.graph.room?$top=${top}&$skip=${skip + top}`;
    return { status: 200, headers: {}, body };
  }

  function route(ctx: FindTimeRequest): FindTimeAnswer | undefined {
    const path = ctx.route.replace(/\/+$/, '');
    const table: Record<string, [string, (c: FindTimeRequest) => FindTimeAnswer]> = {
      '/me/people': ['GET', listPeople],
      '/me/calendar/getSchedule': ['POST', getSchedule],
      '/me/findMeetingTimes': ['POST', findMeetingTimes],
      '/places/microsoft.graph.room': ['GET', listRooms],
    };
    const entry = table[path];
    if (!entry) return undefined;
    if (ctx.method !== entry[0])
      return env.error(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request target.',
        ctx.requestId,
      );
    return entry[1](ctx);
  }

  return { handle, route };
}
