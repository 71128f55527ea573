// The free/busy strips (issue 13): one per person for the chosen day, the organizer's first, with the meeting's slot
// drawn over them. The drawing is for the eye (aria-hidden); each row says the same as text for a screen reader
// ("Ana: busy 10:00 to 11:00").
import { busyText, minuteText, stripRange, stripSegments } from '../shared/findTimeModel';
import type { BusyTextTemplates, StripRange } from '../shared/findTimeModel';
import type { AttendeeSchedule, BusyStatus } from '../shared/protocol';
import { el, setText } from './dom';
import type { Translate } from './findTime';

const statusKeys = {
  busy: 'statusBusy',
  tentative: 'statusTentative',
  oof: 'statusOof',
  workingElsewhere: 'statusWorkingElsewhere',
  unknown: 'statusUnknown',
  free: 'statusFree',
} as const;

/** The strips' section content. */
export class FreeBusyStrips {
  readonly element: HTMLElement;
  readonly #caption: HTMLElement;
  readonly #rows: HTMLElement;
  readonly #state: HTMLElement;
  #schedules: AttendeeSchedule[] = [];
  #slot: { start: number; end: number } | undefined;
  #names = new Map<string, string>();

  constructor(private readonly t: Translate) {
    this.#caption = el('div', { id: 'freebusy-caption', className: 'freebusy-caption' });
    this.#state = el('div', { id: 'freebusy-state', className: 'hint', 'attr:aria-live': 'polite' });
    this.#rows = el('ul', {
      id: 'freebusy-rows',
      className: 'freebusy-rows',
      'attr:aria-labelledby': 'freebusy-caption',
    });
    // What the colours mean, for the eye (each row's text says it in words).
    const legend = el(
      'div',
      { className: 'freebusy-legend hint', 'attr:aria-hidden': 'true' },
      (['busy', 'tentative', 'oof', 'workingElsewhere', 'unknown'] as const).map((status) =>
        el('span', { className: 'freebusy-key' }, [
          el('span', { className: `freebusy-swatch freebusy-block ${status}` }),
          t(statusKeys[status]),
        ]),
      ),
    );
    this.element = el('div', { id: 'freebusy', className: 'freebusy' }, [
      this.#caption,
      this.#state,
      this.#rows,
      legend,
    ]);
  }

  /** The templates of the rows' sentences, in the form's language. */
  #templates(): BusyTextTemplates {
    const words = {} as Record<BusyStatus, string>;
    for (const [status, key] of Object.entries(statusKeys)) words[status as BusyStatus] = this.t(key);
    return {
      line: this.t('busyLine'),
      block: this.t('busyBlock'),
      free: this.t('busyFree'),
      unknown: this.t('busyUnknown'),
      words,
    };
  }

  /** Waiting for Graph's answer for `dayLabel`. */
  loading(dayLabel: string): void {
    setText(this.#caption, this.t('freeBusyOn', { day: dayLabel }));
    setText(this.#state, this.t('freeBusyLoading'));
  }

  /** A passing failure: the strips stay as they were, with the message. */
  failed(message: string): void {
    setText(this.#state, message);
  }

  /** The answer: the strips, drawn around the slot. `names`: display names known from the attendee lists. */
  show(schedules: AttendeeSchedule[], names: Map<string, string>): void {
    this.#schedules = schedules;
    this.#names = names;
    setText(this.#state, '');
    this.#render();
  }

  /** The meeting moved within the day (minutes of the day), or left it (undefined). */
  setSlot(slot: { start: number; end: number } | undefined): void {
    this.#slot = slot;
    this.#render();
  }

  #render(): void {
    const range = stripRange(
      this.#schedules.flatMap((s) => s.busy),
      this.#slot,
    );
    const t = this.#templates();
    const rows = this.#schedules.map((s, i) => {
      const name = s.organizer
        ? this.t('freeBusyYou')
        : (this.#names.get(s.address.toLowerCase()) ?? s.address);
      return el('li', { className: 'freebusy-row', id: `freebusy-row-${i}` }, [
        el('span', { className: 'freebusy-name', 'attr:aria-hidden': 'true', title: s.address }, [name]),
        this.#strip(s, range),
        el('span', { className: 'sr-only' }, [busyText(name, s, t)]),
      ]);
    });
    const slotText =
      this.#slot && this.#slot.end > this.#slot.start
        ? [
            el('li', { className: 'sr-only' }, [
              this.t('meetingSlot', { start: minuteText(this.#slot.start), end: minuteText(this.#slot.end) }),
            ]),
          ]
        : [];
    this.#rows.replaceChildren(this.#hours(range), ...rows, ...slotText);
  }

  /** The hour marks above the strips (for the eye). */
  #hours(range: StripRange): HTMLElement {
    const marks: HTMLElement[] = [];
    const span = range.to - range.from;
    const step = span > 12 * 60 ? 180 : 120;
    for (let m = Math.ceil(range.from / step) * step; m < range.to; m += step) {
      const mark = el('span', { className: 'freebusy-hour' }, [minuteText(m)]);
      mark.style.left = `${((m - range.from) / span) * 100}%`;
      marks.push(mark);
    }
    return el('li', { className: 'freebusy-row freebusy-hours', 'attr:aria-hidden': 'true' }, [
      el('span', { className: 'freebusy-name' }),
      el('span', { className: 'freebusy-scale' }, marks),
    ]);
  }

  #strip(s: AttendeeSchedule, range: StripRange): HTMLElement {
    const strip = el('span', {
      className: s.unknown ? 'freebusy-strip unknown' : 'freebusy-strip',
      'attr:aria-hidden': 'true',
    });
    for (const seg of s.unknown ? [] : stripSegments(s.busy, range)) {
      const block = el('span', { className: `freebusy-block ${seg.status}` });
      block.style.left = `${seg.left}%`;
      block.style.width = `${seg.width}%`;
      strip.append(block);
    }
    const slot = this.#slot;
    if (slot && slot.end > slot.start) {
      const span = range.to - range.from;
      const from = Math.max(slot.start, range.from);
      const to = Math.min(slot.end, range.to);
      const mark = el('span', { className: 'freebusy-slot' });
      mark.style.left = `${((from - range.from) / span) * 100}%`;
      mark.style.width = `${((to - from) / span) * 100}%`;
      strip.append(mark);
    }
    return strip;
  }
}
