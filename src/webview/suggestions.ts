// Suggested times and the room picker (issue 13). Picking a time fills start and end and sends nothing (only Send
// sends); picking a room adds it to the rooms-and-equipment list (a resource attendee), which its strip then shows.
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js' with {
  'resolution-mode': 'import',
};
import type { PersonChoice, SuggestedTime } from '../shared/protocol';
import { el, setText } from './dom';
import type { Translate } from './findTime';

/** Suggestions shown before "Show all". */
const shownFirst = 5;

/** The "Suggest times" button and the suggestions it shows. */
export class TimeSuggestions {
  readonly element: HTMLElement;
  readonly button: HTMLElement & { disabled: boolean };
  readonly #list: HTMLElement;
  readonly #state: HTMLElement;

  constructor(
    private readonly t: Translate,
    ask: () => void,
    private readonly pick: (s: SuggestedTime) => void,
    /** Shows a wall time's clock part as the form does. */
    private readonly clock: (wall: string) => string,
    /** The display name of an address (from the attendee lists), or the address. */
    private readonly nameOf: (address: string) => string,
  ) {
    this.button = el('vscode-button', { id: 'suggest-times', secondary: true }, [
      t('suggestTimes'),
    ]) as HTMLElement & {
      disabled: boolean;
    };
    this.button.addEventListener('click', () => ask());
    this.#state = el('div', { id: 'suggest-state', className: 'hint', 'attr:role': 'status' });
    this.#list = el('ul', {
      id: 'suggest-list',
      className: 'suggest-list',
      'attr:aria-label': t('suggestTimes'),
    });
    this.#list.hidden = true;
    this.element = el('div', { className: 'suggest' }, [this.#state, this.#list]);
  }

  /** Waiting for Graph. */
  loading(): void {
    this.#list.hidden = true;
    setText(this.#state, this.t('suggestTimesLoading'));
  }

  /** A passing failure, said in one line. */
  failed(message: string): void {
    setText(this.#state, message);
  }

  /** The suggestions, best first; `reason` when there are none. */
  show(suggestions: SuggestedTime[], reason?: string): void {
    setText(this.#state, suggestions.length === 0 ? (reason ?? this.t('suggestTimesNone')) : '');
    this.#list.hidden = suggestions.length === 0;
    this.#list.replaceChildren(
      ...suggestions.map((s, i) => {
        const free = s.attendees.filter((a) => a.availability === 'free').map((a) => this.nameOf(a.address));
        const notFree = s.attendees
          .filter((a) => a.availability !== 'free')
          .map((a) => this.nameOf(a.address));
        const when = `${this.clock(s.start)} – ${this.clock(s.end)}`;
        const details = [
          this.t('suggestionConfidence', { confidence: Math.round(s.confidence) }),
          ...(free.length > 0 ? [this.t('suggestionFree', { names: free.join(', ') })] : []),
          ...(notFree.length > 0 ? [this.t('suggestionNotFree', { names: notFree.join(', ') })] : []),
        ].join(' · ');
        const button = el(
          'vscode-button',
          { id: `suggestion-${i}`, secondary: true, 'attr:aria-describedby': `suggestion-${i}-details` },
          [when],
        );
        button.addEventListener('click', () => {
          this.pick(s);
          setText(
            this.#state,
            this.t('suggestionPicked', { start: this.clock(s.start), end: this.clock(s.end) }),
          );
        });
        return el('li', { className: 'suggestion', hidden: i >= shownFirst }, [
          button,
          el('span', { id: `suggestion-${i}-details`, className: 'hint' }, [details]),
        ]);
      }),
    );
    // The best few first; the rest a press away, so the strips below stay in view.
    if (suggestions.length > shownFirst) {
      const more = el('vscode-button', { id: 'suggest-more', secondary: true }, [
        this.t('suggestTimesMore', { count: suggestions.length }),
      ]);
      more.addEventListener('click', () => {
        for (const item of this.#list.children) (item as HTMLElement).hidden = false;
        more.parentElement?.remove();
        (this.#list.children[shownFirst]?.querySelector('vscode-button') as HTMLElement | null)?.focus();
      });
      this.#list.append(el('li', { className: 'suggestion' }, [more]));
    }
  }
}

/** The room picker: rooms are read the first time it is used (a user action), then offered in a searchable list. */
export class RoomPicker {
  readonly element: HTMLElement;
  readonly #select: VscodeSingleSelect;
  readonly #state: HTMLElement;
  #rooms: PersonChoice[] | undefined;
  #asked = false;

  constructor(
    private readonly t: Translate,
    private readonly ask: () => void,
    private readonly add: (room: PersonChoice) => void,
  ) {
    this.#select = document.createElement('vscode-single-select');
    this.#select.id = 'room';
    this.#select.combobox = true;
    this.#select.filter = 'contains';
    this.#select.setAttribute('aria-label', t('roomPicker'));
    this.#select.setAttribute('aria-describedby', 'room-state');
    const load = (): void => {
      if (this.#asked) return;
      this.#asked = true;
      setText(this.#state, t('roomsLoading'));
      this.ask();
    };
    this.#select.addEventListener('focusin', load);
    this.#select.addEventListener('pointerdown', load);
    this.#select.addEventListener('change', () => this.#chosen());
    this.#state = el('div', { id: 'room-state', className: 'hint', 'attr:role': 'status' });
    this.element = el('div', { className: 'field', id: 'room-field' }, [
      el('vscode-label', { htmlFor: 'room', 'attr:id': 'room-label' }, [t('roomPicker')]),
      this.#select,
      this.#state,
    ]);
  }

  /** The rooms from Graph. */
  show(rooms: PersonChoice[]): void {
    this.#rooms = rooms;
    setText(this.#state, rooms.length === 0 ? this.t('roomsNone') : '');
    this.#select.options = rooms.map((r) => ({
      label: r.name || r.address,
      value: r.address,
      description: r.address,
      selected: false,
      disabled: false,
    }));
  }

  /** A passing failure; the next use asks again. */
  failed(message: string): void {
    this.#asked = false;
    setText(this.#state, message);
  }

  #chosen(): void {
    const room = this.#rooms?.find((r) => r.address === this.#select.value);
    if (!room) return;
    this.add(room);
    setText(this.#state, this.t('roomAdded', { room: room.name || room.address }));
  }
}
