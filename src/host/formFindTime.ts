// The form's find-a-time requests on the host (issue 13): each checked page request becomes one call of the window's
// `FindTimeService` (src/services/findTime.ts), over the asked day in the form's zone; a newer request of a feature
// aborts the one before; answers go back in the page's shapes (src/shared/findTimeModel.ts). A feature the account or
// tenant does not allow hides itself in the page with the one line `describeUnavailable` gives. Only a user's press
// (Allow, Suggest times, opening the room picker) may bring up a sign-in prompt. Pure: no `vscode` (lint rule).
import { toIanaZone } from '../core/datetime';
import type { FeatureUnavailable, FindTimeFeature } from '../core/findTime';
import { MAX_ATTENDEES, isValidEmail } from '../core/validate';
import type { FindTimeService } from '../services/findTime';
import { dayBounds, toAttendeeSchedule, toSuggestedTime } from '../shared/findTimeModel';
import type { FeatureState, FindTimeFromWebview, PersonChoice, ToWebview } from '../shared/protocol';
import { protocolLimits } from '../shared/protocol';

/** What the handler needs from the panel. */
export interface FormFindTimeDeps {
  /** The window's service (its module loaded at the first call). */
  service(): Pick<FindTimeService, 'searchPeople' | 'getAvailability' | 'findMeetingTimes' | 'listRooms'>;
  /** Asks a feature's permission with a prompt (the user pressed Allow). */
  allow(feature: FindTimeFeature): Promise<{ ok: true } | { ok: false; unavailable: FeatureUnavailable }>;
  /** The signed-in user's address (the organizer's strip), when known. */
  organizer(): Promise<string | undefined>;
  /** The translated line of an unavailable feature. */
  describeUnavailable(u: FeatureUnavailable): string;
  /** The translated line of a failure. */
  describeError(e: unknown): string;
  post(msg: ToWebview): void;
  log(message: string): void;
}

/** Minutes per `availabilityView` character asked (the strips draw `scheduleItems`; the view stays coarse). */
const intervalMinutes = 30;

/** The valid addresses of a list, each once (case-insensitive), at most `MAX_ATTENDEES`. */
function validAddresses(list: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of list) {
    const a = raw.trim();
    if (isValidEmail(a) && !seen.has(a.toLowerCase())) seen.set(a.toLowerCase(), a);
  }
  return [...seen.values()].slice(0, MAX_ATTENDEES);
}

/** A person or room for the page: the name only when it is not just the address again. */
function choice(p: { email: string; name: string }): PersonChoice {
  return { name: p.name === p.email ? '' : p.name, address: p.email };
}

/** Whether an error is the abort of a superseded request. */
function isAbort(e: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted ||
    (e instanceof Error && (e.name === 'AbortError' || (e as { kind?: unknown }).kind === 'cancelled'))
  );
}

/** One form's find-a-time requests. */
export class FormFindTime {
  readonly #running = new Map<FindTimeFeature, AbortController>();

  constructor(private readonly deps: FormFindTimeDeps) {}

  /** Handles one checked page request; never rejects (failures go to the page as one line). */
  async handle(msg: FindTimeFromWebview): Promise<void> {
    if (msg.type === 'allowFeature') return this.#allow(msg.feature);
    const feature: FindTimeFeature =
      msg.type === 'peopleQuery'
        ? 'people'
        : msg.type === 'freeBusyQuery'
          ? 'availability'
          : msg.type === 'timesQuery'
            ? 'suggestions'
            : 'rooms';
    this.#running.get(feature)?.abort();
    const controller = new AbortController();
    this.#running.set(feature, controller);
    const signal = controller.signal;
    try {
      const answer = await this.#answer(msg, signal);
      if (!signal.aborted && answer) this.deps.post(answer);
    } catch (e) {
      if (isAbort(e, signal)) return;
      this.deps.log(`Find a time (${feature}) failed: ${e instanceof Error ? e.message : String(e)}`);
      this.deps.post({
        type: 'findTimeFailed',
        requestId: msg.requestId,
        feature,
        message: this.deps.describeError(e),
      });
    } finally {
      if (this.#running.get(feature) === controller) this.#running.delete(feature);
    }
  }

  /** Aborts every request in flight (the panel closed). */
  dispose(): void {
    for (const c of this.#running.values()) c.abort();
    this.#running.clear();
  }

  async #allow(feature: FindTimeFeature): Promise<void> {
    try {
      const result = await this.deps.allow(feature);
      this.deps.post({
        type: 'feature',
        feature,
        state: result.ok ? { state: 'available' } : this.#state(result.unavailable),
      });
    } catch (e) {
      this.deps.log(`Asking for ${feature} failed: ${e instanceof Error ? e.message : String(e)}`);
      this.deps.post({
        type: 'feature',
        feature,
        state: { state: 'ask', reason: this.deps.describeError(e) },
      });
    }
  }

  #state(u: FeatureUnavailable): FeatureState {
    return {
      state: u.reason === 'needsConsent' ? 'ask' : 'unavailable',
      reason: this.deps.describeUnavailable(u),
    };
  }

  /** The page's answer to a request, or a `feature` message when the feature is unavailable. */
  async #answer(
    msg: Exclude<FindTimeFromWebview, { type: 'allowFeature' }>,
    signal: AbortSignal,
  ): Promise<ToWebview | undefined> {
    const service = this.deps.service();
    const unavailable = (u: FeatureUnavailable): ToWebview => ({
      type: 'feature',
      feature: u.feature,
      state: this.#state(u),
    });
    const cap = <T>(list: T[]): T[] => list.slice(0, protocolLimits.answerItems);
    switch (msg.type) {
      case 'peopleQuery': {
        const r = await service.searchPeople(msg.query, { signal, interactive: false });
        return r.ok
          ? { type: 'people', requestId: msg.requestId, people: cap(r.value.map(choice)) }
          : unavailable(r.unavailable);
      }
      case 'roomsQuery': {
        const r = await service.listRooms({ signal, interactive: true });
        return r.ok
          ? { type: 'rooms', requestId: msg.requestId, rooms: cap(r.value.map(choice)) }
          : unavailable(r.unavailable);
      }
      case 'freeBusyQuery': {
        const zone = toIanaZone(msg.timeZone);
        const window = zone && dayBounds(msg.day, zone);
        if (!zone || !window) throw new Error(`Free/busy asked for ${msg.day} in an unknown zone.`);
        const organizer = await this.deps.organizer();
        const emails = validAddresses([...(organizer ? [organizer] : []), ...msg.addresses]);
        const r = await service.getAvailability(
          { emails, ...window, intervalMinutes, timeZone: zone },
          { signal, interactive: false },
        );
        if (!r.ok) return unavailable(r.unavailable);
        const schedules = r.value.map((a) => {
          const s = toAttendeeSchedule(a, msg.day, msg.timeZone);
          return organizer && a.email.toLowerCase() === organizer.toLowerCase()
            ? { ...s, organizer: true }
            : s;
        });
        // In the order asked ("calendar: getSchedule" answers one scheduleInformation per address): the organizer first.
        return { type: 'freeBusy', requestId: msg.requestId, schedules: cap(schedules) };
      }
      case 'timesQuery': {
        const zone = toIanaZone(msg.timeZone);
        const window = zone && dayBounds(msg.day, zone);
        if (!zone || !window) throw new Error(`Times asked for ${msg.day} in an unknown zone.`);
        const r = await service.findMeetingTimes(
          {
            attendees: validAddresses(msg.attendees),
            optionalAttendees: validAddresses(msg.optionalAttendees),
            durationMinutes: msg.durationMinutes,
            ...window,
            timeZone: zone,
          },
          { signal, interactive: true },
        );
        return r.ok
          ? {
              type: 'times',
              requestId: msg.requestId,
              suggestions: cap(r.value.map((s) => toSuggestedTime(s, msg.timeZone))),
            }
          : unavailable(r.unavailable);
      }
    }
  }
}
