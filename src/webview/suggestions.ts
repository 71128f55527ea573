// Suggested times and the room picker (issue 13). Picking a time fills start and end and sends nothing (only Send
// sends); a room chosen in the list is added with its Add button to the rooms-and-equipment list (a resource
// attendee), which its strip then shows.
import type { PersonChoice, SuggestedTime } from '../shared/protocol';
import { button, fieldLabel, selectBox, setChoices, typeToFind } from './controls';
import { el, setText } from './dom';
import type { Translate } from './findTime';

/** Suggestions shown before "Show all". */
const shownFirst = 5;

/** The "Suggest times" button and the suggestions it shows. */
export class TimeSuggestions {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
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
    this.button = button('suggest-times', t('suggestTimes'), true);
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
        const choose = button(`suggestion-${i}`, when, true);
        choose.setAttribute('aria-describedby', `suggestion-${i}-details`);
        choose.addEventListener('click', () => {
          this.pick(s);
          setText(
            this.#state,
            this.t('suggestionPicked', { start: this.clock(s.start), end: this.clock(s.end) }),
          );
        });
        return el('li', { className: 'suggestion', hidden: i >= shownFirst }, [
          choose,
          el('span', { id: `suggestion-${i}-details`, className: 'hint' }, [details]),
        ]);
      }),
    );
    // The best few first; the rest a press away, so the strips below stay in view.
    if (suggestions.length > shownFirst) {
      const more = button('suggest-more', this.t('suggestTimesMore', { count: suggestions.length }), true);
      more.addEventListener('click', () => {
        for (const item of this.#list.children) (item as HTMLElement).hidden = false;
        more.parentElement?.remove();
        this.#list.children[shownFirst]?.querySelector('button')?.focus();
      });
      this.#list.append(el('li', { className: 'suggestion' }, [more]));
    }
  }
}

/**
 * The room picker: rooms are read the first time it is used (a user action), then offered in a list; a chosen room is
 * added with its own button (moving through the list with the arrows adds nothing).
 */
export class RoomPicker {
  readonly element: HTMLElement;
  readonly #select: HTMLSelectElement;
  readonly #add: HTMLButtonElement;
  readonly #state: HTMLElement;
  #rooms: PersonChoice[] | undefined;
  #asked = false;

  constructor(
    private readonly t: Translate,
    private readonly ask: () => void,
    private readonly add: (room: PersonChoice) => void,
  ) {
    this.#select = selectBox('room', [], '');
    this.#select.setAttribute('aria-describedby', 'room-state');
    typeToFind(this.#select);
    this.#add = button('room-add', '', true);
    this.#add.hidden = true;
    this.#add.addEventListener('click', () => this.#chosen());
    const load = (): void => {
      if (this.#asked) return;
      this.#asked = true;
      setText(this.#state, t('roomsLoading'));
      this.ask();
    };
    this.#select.addEventListener('focusin', load);
    this.#select.addEventListener('pointerdown', load);
    this.#select.addEventListener('change', () => this.#picked());
    this.#state = el('div', { id: 'room-state', className: 'hint', 'attr:role': 'status' });
    this.element = el('div', { className: 'field', id: 'room-field' }, [
      fieldLabel('room', t('roomPicker'), 'room-label'),
      el('div', { className: 'inline' }, [this.#select, this.#add]),
      this.#state,
    ]);
  }

  /** The rooms from Graph. */
  show(rooms: PersonChoice[]): void {
    this.#rooms = rooms;
    setText(this.#state, rooms.length === 0 ? this.t('roomsNone') : '');
    // A blank first choice: nothing is chosen until the user picks a room.
    setChoices(
      this.#select,
      [{ label: '', value: '' }, ...rooms.map((r) => ({ label: r.name || r.address, value: r.address }))],
      '',
    );
    this.#picked();
  }

  /** A passing failure; the next use asks again. */
  failed(message: string): void {
    this.#asked = false;
    setText(this.#state, message);
  }

  /** The room shown in the list, if any. */
  #room(): PersonChoice | undefined {
    return this.#rooms?.find((r) => r.address === this.#select.value);
  }

  /** The Add button names the room shown in the list. */
  #picked(): void {
    const room = this.#room();
    this.#add.hidden = !room;
    if (room)
      setText(
        this.#add,
        this.t('suggestedAdd', { person: room.name ? `${room.name} <${room.address}>` : room.address }),
      );
  }

  #chosen(): void {
    const room = this.#room();
    if (!room) return;
    this.add(room);
    this.#select.value = '';
    this.#picked();
    this.#select.focus();
    setText(this.#state, this.t('roomAdded', { room: room.name || room.address }));
  }
}
