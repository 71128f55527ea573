// People suggestions while typing in an attendee list (issue 13). The list below the field follows the ARIA
// autocomplete pattern for a multi-line text box (WAI-ARIA APG "Combobox" with `aria-autocomplete="list"`: a
// `textarea` may not take the combobox role, so it keeps its textbox role): the arrows move through the suggestions,
// Enter takes the highlighted one, Escape closes the list. Nothing is ever in the way of typing an address: with no
// suggestion highlighted, Enter is a new line as before, and the list never takes the focus.
import { entryAt, normalQuery, replaceEntry } from '../shared/findTimeModel';
import type { AttendeeEntry, PeopleLookup } from '../shared/findTimeModel';
import type { PersonChoice } from '../shared/protocol';
import { el, setText } from './dom';
import type { Translate } from './findTime';

/** The suggestions of one attendee list. */
export class PeopleSuggest {
  readonly #list: HTMLElement;
  readonly #live: HTMLElement;
  #people: PersonChoice[] = [];
  #active = -1;
  #entry: AttendeeEntry | undefined;
  #enabled = true;

  constructor(
    private readonly name: string,
    private readonly control: HTMLTextAreaElement,
    box: HTMLElement,
    private readonly lookup: PeopleLookup,
    private readonly t: Translate,
    /** The list's text was changed by a pick: the form takes it as an edit. */
    private readonly edited: () => void,
    /** This list becomes the one the lookup shows its answers in. */
    private readonly activate: (s: PeopleSuggest) => void,
  ) {
    this.#list = el('ul', {
      id: `${name}-people`,
      className: 'people',
      hidden: true,
      'attr:role': 'listbox',
      'attr:aria-label': t('peopleSuggestions'),
    });
    this.#live = el('div', { id: `${name}-people-status`, className: 'sr-only', 'attr:role': 'status' });
    control.after(this.#list);
    box.append(this.#live);
    control.addEventListener('input', () => this.#typed());
    control.addEventListener('keydown', (e) => this.#key(e));
    control.addEventListener('focusout', () => this.close());
    control.setAttribute('aria-autocomplete', 'list');
    control.setAttribute('aria-controls', this.#list.id);
  }

  /** Suggests, or stops (the feature became unavailable, or the form was locked). */
  setEnabled(enabled: boolean): void {
    this.#enabled = enabled;
    if (!enabled) this.close();
  }

  /** The lookup's answer for what this list typed (only while it is the active list). */
  show(query: string, people: PersonChoice[]): void {
    if (!this.#enabled || !this.#entry || normalQuery(this.#entry.query) !== query) {
      if (query === '') this.close();
      return;
    }
    this.#people = people;
    this.#active = -1;
    this.#render();
    setText(this.#live, people.length === 0 ? '' : this.t('peopleCount', { count: people.length }));
  }

  /** Closes the list; what was typed stays. */
  close(): void {
    this.#people = [];
    this.#active = -1;
    this.#render();
  }

  #typed(): void {
    if (!this.#enabled) return;
    const text = this.control.value;
    const entry = entryAt(text, this.control.selectionStart ?? text.length);
    this.#entry = entry;
    this.activate(this);
    if (this.#people.length > 0) this.close();
    this.lookup.type(entry.query);
  }

  #key(e: KeyboardEvent): void {
    if (!this.#enabled || e.isComposing || this.#people.length === 0 || this.#list.hidden) return;
    const n = this.#people.length;
    switch (e.key) {
      case 'ArrowDown':
        this.#active = (this.#active + 1) % n;
        break;
      case 'ArrowUp':
        this.#active = this.#active <= 0 ? n - 1 : this.#active - 1;
        break;
      case 'Enter':
        // Enter with nothing highlighted is a new line as ever (Ctrl+Enter sends, handled by the form).
        if (this.#active < 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
        this.#pick(this.#active);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    this.#render();
  }

  #pick(index: number): void {
    const person = this.#people[index];
    const entry = this.#entry;
    if (!person || !entry) return;
    const out = replaceEntry(this.control.value, entry, person);
    this.control.value = out.text;
    this.#entry = undefined;
    this.lookup.cancel();
    this.close();
    this.edited();
    this.control.setSelectionRange(out.caret, out.caret);
    setText(this.#live, this.t('personAdded', { person: person.name || person.address }));
  }

  #render(): void {
    this.#list.hidden = this.#people.length === 0;
    this.#list.replaceChildren(
      ...this.#people.map((p, i) => {
        const option = el(
          'li',
          {
            id: `${this.name}-person-${i}`,
            className: i === this.#active ? 'person active' : 'person',
            'attr:role': 'option',
            'attr:aria-selected': String(i === this.#active),
          },
          [
            el('span', { className: 'person-name' }, [p.name || p.address]),
            ...(p.name ? [el('span', { className: 'hint person-address' }, [p.address])] : []),
          ],
        );
        // Pressing keeps the focus in the text box; the pick happens on release.
        option.addEventListener('mousedown', (e) => e.preventDefault());
        option.addEventListener('click', () => this.#pick(i));
        return option;
      }),
    );
    const active = this.#active >= 0 ? this.#list.children[this.#active] : null;
    if (active) this.control.setAttribute('aria-activedescendant', active.id);
    else this.control.removeAttribute('aria-activedescendant');
    active?.scrollIntoView({ block: 'nearest' });
  }
}
