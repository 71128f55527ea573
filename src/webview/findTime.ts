// Issue 13 in the form: people suggestions in every attendee list, the free/busy strips of the chosen day, suggested
// times and the room picker. Loaded with a dynamic import() once the form is complete, so none of it weighs on the
// form's first frame. A feature the host says is unavailable hides itself with one line saying why.
import { PeopleLookup, dayOf, freeBusyRequestKey, minutesInDay } from '../shared/findTimeModel';
import { parseAttendees, wallDurationMinutes } from '../shared/formModel';
import type { FormStringKey } from '../shared/formStrings';
import type {
  FeatureState,
  FindTimeFeature,
  FindTimeFeatures,
  FindTimeFromWebview,
  FindTimeToWebview,
  FormValues,
  PersonChoice,
  SuggestedTime,
} from '../shared/protocol';
import { findTimeFeatureNames } from '../shared/protocol';
import { button } from './controls';
import { el } from './dom';
import { FreeBusyStrips } from './freeBusy';
import { PeopleSuggest } from './people';
import { RoomPicker, TimeSuggestions } from './suggestions';

/** The form's translate function. */
export type Translate = (key: FormStringKey, params?: Record<string, string | number>) => string;

/** One attendee list of the form. */
export interface AttendeeList {
  name: string;
  control: HTMLTextAreaElement;
  /** Its field box (label, control, help, errors). */
  box: HTMLElement;
}

/** What the form gives the features. */
export interface FindTimeHost {
  t: Translate;
  lang: string;
  features: FindTimeFeatures;
  post(msg: FindTimeFromWebview): void;
  /** The form's current values. */
  values(): FormValues;
  /** Every attendee list (required, optional, rooms and equipment: whichever the form has). */
  attendeeLists: AttendeeList[];
  /** The section goes right after this element (the last attendee list). */
  anchor: HTMLElement;
  /** Fills start and end, as an edit (nothing is sent). */
  setTimes(start: string, end: string): void;
  /** Adds a room to the rooms-and-equipment list (or the attendees when the form has none), as an edit. */
  addRoom(room: PersonChoice): void;
  /** An attendee list's text was changed by a pick: the form takes it as an edit. */
  edited(name: string): void;
}

/** What the form tells the features. */
export interface FindTimeUi {
  receive(msg: FindTimeToWebview): void;
  /** A field was edited (after the form took the edit). */
  edited(name: string): void;
  /** The form became read-only: everything stops and hides. */
  lock(): void;
}

/** Wait after an edit of the attendees or the day before asking for free/busy (typing an address changes it often). */
const freeBusyDelayMs = 600;
const plausibleAddress = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

/** Builds the features into the form. */
export function attachFindTime(host: FindTimeHost): FindTimeUi {
  return new FindTime(host);
}

class FindTime implements FindTimeUi {
  readonly #host: FindTimeHost;
  readonly #t: Translate;
  readonly #section: HTMLElement;
  readonly #notes: HTMLElement;
  readonly #strips: FreeBusyStrips;
  readonly #times: TimeSuggestions;
  readonly #rooms: RoomPicker;
  readonly #lookup: PeopleLookup;
  readonly #suggesters: PeopleSuggest[] = [];
  #activeSuggester: PeopleSuggest | undefined;
  readonly #states: FindTimeFeatures;
  /** Requests in flight: id -> feature. Only the latest of each feature is honoured. */
  readonly #pending = new Map<string, FindTimeFeature>();
  readonly #latest = new Map<FindTimeFeature, string>();
  /** Display names seen in suggestions and rooms, by lower-case address. */
  readonly #names = new Map<string, string>();
  #freeBusyKey = '';
  #freeBusyTimer: ReturnType<typeof setTimeout> | undefined;
  #locked = false;

  constructor(host: FindTimeHost) {
    this.#host = host;
    this.#t = host.t;
    this.#states = { ...host.features };
    const t = this.#t;
    this.#lookup = new PeopleLookup({
      send: (requestId, query) => this.#send({ type: 'peopleQuery', requestId, query }, 'people'),
      show: (query, people) => this.#activeSuggester?.show(query, people),
      clock: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      newId: () => crypto.randomUUID(),
    });
    for (const list of host.attendeeLists) {
      this.#suggesters.push(
        new PeopleSuggest(
          list.name,
          list.control,
          list.box,
          this.#lookup,
          t,
          () => host.edited(list.name),
          (s) => {
            if (this.#activeSuggester !== s) this.#activeSuggester?.close();
            this.#activeSuggester = s;
          },
        ),
      );
    }
    this.#strips = new FreeBusyStrips(t);
    this.#times = new TimeSuggestions(
      t,
      () => this.#askTimes(),
      (s) => this.#pickTime(s),
      (wall) => this.#clock(wall),
      (address) => this.#nameOf(address),
    );
    this.#rooms = new RoomPicker(
      t,
      () => this.#send({ type: 'roomsQuery', requestId: crypto.randomUUID() }, 'rooms'),
      (room) => {
        this.#names.set(room.address.toLowerCase(), room.name);
        host.addRoom(room);
      },
    );
    this.#notes = el('div', { id: 'find-time-notes', className: 'find-time-notes' });
    this.#section = el(
      'section',
      { id: 'find-time', className: 'find-time', 'attr:aria-labelledby': 'find-time-title' },
      [
        el('h2', { id: 'find-time-title' }, [t('findTimeTitle')]),
        this.#notes,
        el('div', { className: 'actions' }, [this.#times.button]),
        this.#times.element,
        this.#strips.element,
        this.#rooms.element,
      ],
    );
    host.anchor.after(this.#section);
    this.#applyStates();
    this.#updateSlot();
    this.#refreshFreeBusy(true);
  }

  receive(msg: FindTimeToWebview): void {
    if (this.#locked) return;
    if (msg.type === 'feature') {
      this.#states[msg.feature] = msg.state;
      this.#applyStates();
      if (msg.feature === 'availability' && msg.state.state === 'available')
        this.#refreshFreeBusy(true, true);
      return;
    }
    const feature = this.#pending.get(msg.requestId);
    if (!feature) return;
    this.#pending.delete(msg.requestId);
    const latest = this.#latest.get(feature) === msg.requestId;
    switch (msg.type) {
      case 'people':
        for (const p of msg.people) if (p.name) this.#names.set(p.address.toLowerCase(), p.name);
        this.#lookup.answer(msg.requestId, msg.people);
        return;
      case 'freeBusy':
        if (latest) this.#strips.show(msg.schedules, this.#names);
        return;
      case 'times':
        if (latest) this.#times.show(msg.suggestions, msg.reason);
        return;
      case 'rooms':
        for (const r of msg.rooms) if (r.name) this.#names.set(r.address.toLowerCase(), r.name);
        if (latest) this.#rooms.show(msg.rooms);
        return;
      case 'findTimeFailed':
        if (feature === 'people') this.#lookup.failed(msg.requestId);
        else if (!latest) return;
        else if (feature === 'availability') {
          // Asked again on the next change.
          this.#freeBusyKey = '';
          this.#strips.failed(msg.message);
        } else if (feature === 'suggestions') this.#times.failed(msg.message);
        else this.#rooms.failed(msg.message);
        return;
    }
  }

  edited(name: string): void {
    if (this.#locked) return;
    if (name === 'start' || name === 'end' || name === 'timeZone') this.#updateSlot();
    if (name === 'start' || name === 'timeZone' || this.#host.attendeeLists.some((l) => l.name === name))
      this.#refreshFreeBusy(false);
  }

  lock(): void {
    this.#locked = true;
    clearTimeout(this.#freeBusyTimer);
    this.#lookup.cancel();
    for (const s of this.#suggesters) s.setEnabled(false);
    this.#section.hidden = true;
  }

  #send(msg: FindTimeFromWebview & { requestId: string }, feature: FindTimeFeature): void {
    this.#pending.set(msg.requestId, feature);
    this.#latest.set(feature, msg.requestId);
    this.#host.post(msg);
  }

  #available(feature: FindTimeFeature): boolean {
    return this.#states[feature].state === 'available';
  }

  /** Shows each available feature; the others leave one line each (the same reason once), with Allow when asking may help. */
  #applyStates(): void {
    for (const s of this.#suggesters) s.setEnabled(this.#available('people'));
    this.#strips.element.hidden = !this.#available('availability');
    this.#times.button.hidden = !this.#available('suggestions');
    this.#times.element.hidden = !this.#available('suggestions');
    this.#rooms.element.hidden = !this.#available('rooms');
    const lines = new Map<string, FindTimeFeature[]>();
    for (const f of findTimeFeatureNames) {
      const state: FeatureState = this.#states[f];
      if (state.state === 'available') continue;
      lines.set(state.reason, [...(lines.get(state.reason) ?? []), f]);
    }
    this.#notes.replaceChildren(
      ...[...lines].map(([reason, features], i) => {
        const ask = features.filter((f) => this.#states[f].state === 'ask');
        const allow = button(`allow-${features[0]}`, this.#t('featureAllow'), true);
        allow.setAttribute('aria-describedby', `find-time-note-${i}`);
        allow.addEventListener('click', () => {
          for (const feature of ask) this.#host.post({ type: 'allowFeature', feature });
        });
        return el('div', { className: 'find-time-note' }, [
          el('span', { id: `find-time-note-${i}`, className: 'hint' }, [reason]),
          ...(ask.length > 0 ? [allow] : []),
        ]);
      }),
    );
    const everything = findTimeFeatureNames.every((f) => !this.#available(f));
    this.#section.classList.toggle('find-time-off', everything);
  }

  /** Every address in the attendee lists that looks complete (a half-typed one is not asked about). */
  #addresses(): string[] {
    const values = this.#host.values() as unknown as Record<string, unknown>;
    const out: string[] = [];
    for (const list of this.#host.attendeeLists) {
      const value = values[list.name];
      const addresses = Array.isArray(value) ? (value as string[]) : parseAttendees(list.control.value);
      for (const a of addresses) if (plausibleAddress.test(a)) out.push(a);
    }
    return out;
  }

  /** Asks for the strips when what they cover changed: at once, or after a pause while typing. */
  #refreshFreeBusy(now: boolean, force = false): void {
    clearTimeout(this.#freeBusyTimer);
    if (!this.#available('availability')) return;
    const run = (): void => {
      const { start, timeZone } = this.#host.values();
      const day = dayOf(start);
      if (!/^\d{4}-\d\d-\d\d$/.test(day) || !timeZone) return;
      const addresses = this.#addresses();
      const key = freeBusyRequestKey(addresses, day, timeZone);
      if (key === this.#freeBusyKey && !force) return;
      this.#freeBusyKey = key;
      const unique = [...new Map(addresses.map((a) => [a.toLowerCase(), a])).values()];
      this.#strips.loading(this.#dayLabel(day));
      this.#send(
        { type: 'freeBusyQuery', requestId: crypto.randomUUID(), addresses: unique, day, timeZone },
        'availability',
      );
    };
    if (now) run();
    else this.#freeBusyTimer = setTimeout(run, freeBusyDelayMs);
  }

  #updateSlot(): void {
    const { start, end } = this.#host.values();
    const day = dayOf(start);
    const from = minutesInDay(start, day);
    const to = minutesInDay(end, day);
    this.#strips.setSlot(
      from !== undefined && to !== undefined && to > from ? { start: from, end: to } : undefined,
    );
  }

  #askTimes(): void {
    const values = this.#host.values();
    const all = values as unknown as Record<string, unknown>;
    const list = (name: string): string[] =>
      (Array.isArray(all[name]) ? (all[name] as string[]) : []).filter((a) => plausibleAddress.test(a));
    const minutes = wallDurationMinutes(values.start, values.end);
    const day = dayOf(values.start);
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) return;
    this.#times.loading();
    this.#send(
      {
        type: 'timesQuery',
        requestId: crypto.randomUUID(),
        attendees: list('attendees'),
        optionalAttendees: list('optionalAttendees'),
        durationMinutes: minutes !== undefined && minutes > 0 && minutes <= 1440 ? minutes : 30,
        day,
        timeZone: values.timeZone,
      },
      'suggestions',
    );
  }

  #pickTime(s: SuggestedTime): void {
    this.#host.setTimes(s.start, s.end);
  }

  #nameOf(address: string): string {
    return this.#names.get(address.toLowerCase()) || address;
  }

  #dayFormat: Intl.DateTimeFormat | undefined;
  #clockFormat: Intl.DateTimeFormat | undefined;

  #dayLabel(day: string): string {
    this.#dayFormat ??= new Intl.DateTimeFormat(this.#host.lang, { dateStyle: 'full', timeZone: 'UTC' });
    return this.#dayFormat.format(Date.parse(`${day}T00:00Z`));
  }

  /** A wall time's clock time in the form's language; with its weekday when not on the form's day. */
  #clock(wall: string): string {
    this.#clockFormat ??= new Intl.DateTimeFormat(this.#host.lang, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    this.#weekdayFormat ??= new Intl.DateTimeFormat(this.#host.lang, {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    const ms = Date.parse(`${wall}Z`);
    if (Number.isNaN(ms)) return wall;
    return (
      dayOf(wall) === dayOf(this.#host.values().start) ? this.#clockFormat : this.#weekdayFormat
    ).format(ms);
  }

  #weekdayFormat: Intl.DateTimeFormat | undefined;
}
