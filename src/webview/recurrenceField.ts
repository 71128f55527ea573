// The form's "Repeat" field: a choice of the common rules (from the start: weekly on its weekday, monthly on its
// day) and "Custom…", with the rule in words under it ("Repeats weekly, Mon and Wed until 31 Dec 2026."). The
// custom editor (./recurrence.ts) is loaded with a dynamic import when the user opens it. Its value is the rule's
// text (shared/recurrenceForm.ts), '' for "Does not repeat".
import { describeRecurrence, weekdayName } from '../core/recurrence';
import type { RecurrenceStrings } from '../core/recurrenceStrings';
import { recurrenceStrings } from '../core/recurrenceStrings';
import type { FormStringKey } from '../shared/formStrings';
import type { RecurrencePreset } from '../shared/recurrenceForm';
import {
  formRecurrence,
  presetOf,
  presetRule,
  recurrenceFormValue,
  recurrencePresets,
  weekdayOf,
} from '../shared/recurrenceForm';
import { relabelChoices, selectBox, setChoices } from './controls';
import type { Choice as SelectChoice } from './controls';
import { el, setText } from './dom';
import type { RecurrenceEditor } from './recurrence';

/** What the field needs of the form. */
export interface RecurrenceFieldHost {
  t(key: FormStringKey, params?: Record<string, string | number>): string;
  lang: string;
  /** The form's start (`YYYY-MM-DDTHH:mm`) and zone now. */
  start(): string;
  timeZone(): string;
  /** Called when the user changed the rule. */
  changed(): void;
}

type Choice = '' | RecurrencePreset | 'custom';

const presetKeys: Record<RecurrencePreset, FormStringKey> = {
  daily: 'recurrenceDaily',
  weekly: 'recurrenceWeekly',
  weekdays: 'recurrenceWeekdays',
  monthly: 'recurrenceMonthly',
};

/** The "Repeat" field: its select (`id="recurrence"`, what the label names), the rule in words and the editor. */
export class RecurrenceField {
  readonly select: HTMLSelectElement;
  /** The rule in words, announced politely when it changes. */
  readonly summary: HTMLElement;
  /** Where the custom editor goes when opened. */
  readonly editorHost: HTMLElement;
  #choice: Choice;
  /** The custom rule's text (while the choice is `custom`). */
  #custom: string;
  /** Whether "Does not repeat" is offered (not for a series being updated: Graph keeps it a series). */
  readonly #allowNone: boolean;
  #editor: RecurrenceEditor | undefined;
  /** The choice and custom rule shown when the select last got focus (see `#chose`). */
  #entered: { choice: Choice; custom: string } | undefined;
  #locked = false;
  /**
   * Whether the select holds every choice. Until the form is interactive it holds only the one it shows: the weekly
   * choice's label names the start's weekday with `Intl`, whose first use loads ICU's date data (~50 ms of the first
   * frame in the bench's profile); the full list comes with `fillChoices` (the form calls it once usable) or focus.
   */
  #filled = false;

  constructor(
    readonly host: RecurrenceFieldHost,
    value: string,
    options: { allowNone: boolean },
  ) {
    this.#allowNone = options.allowNone || value === '';
    this.#custom = value;
    this.#choice = value === '' ? '' : (presetOf(value, host.start()) ?? 'custom');
    this.select = selectBox('recurrence', [], '');
    this.summary = el('div', { id: 'recurrence-summary', className: 'hint', 'attr:aria-live': 'polite' });
    this.editorHost = el('div', { id: 'recurrence-editor-host' });
    this.#fillOptions();
    this.select.addEventListener('change', () => this.#chose());
    // Focus comes before any key or click that opens the list or moves the choice.
    this.select.addEventListener('focus', () => {
      this.#entered = { choice: this.#choice, custom: this.#custom };
      this.fillChoices();
    });
    this.refresh();
    if (this.#choice === 'custom') this.#openEditor(false);
  }

  /** The rule's text: a quick choice follows the start (weekly on its weekday), a custom rule stays as made. */
  get value(): string {
    if (this.#choice === '') return '';
    if (this.#choice === 'custom') return this.#custom;
    return recurrenceFormValue(presetRule(this.#choice, this.host.start()));
  }

  /** Shows `value` (a restored draft). */
  set value(value: string) {
    this.#custom = value;
    this.#choice = value === '' ? '' : (presetOf(value, this.host.start()) ?? 'custom');
    this.#fillOptions();
    if (this.#choice === 'custom') this.#openEditor(false);
    else this.#closeEditor();
    this.refresh();
  }

  /** Puts every choice in the select (once; later changes of the start relabel them in `refresh`). */
  fillChoices(): void {
    if (this.#filled) return;
    this.#filled = true;
    this.#fillOptions();
  }

  /** Updates what depends on the start (the quick choices' labels, the words, the editor's choices). */
  refresh(): void {
    const start = this.host.start();
    if (!relabelChoices(this.select, this.#choices())) this.#fillOptions();
    const r = formRecurrence(this.value, start, this.host.timeZone());
    setText(
      this.summary,
      r
        ? this.host.t('recurrenceSummary', { rule: describeRecurrence(r, this.host.lang, this.#words()) })
        : '',
    );
    this.#editor?.startChanged(start);
  }

  /** Read-only: nothing can be chosen or edited. */
  lock(): void {
    this.#locked = true;
    this.select.disabled = true;
    this.#editor?.lock();
  }

  /** The description's words, translated (they travel with the form's strings). */
  #words(): RecurrenceStrings {
    const out: Record<string, string> = {};
    for (const key of Object.keys(recurrenceStrings)) out[key] = this.host.t(key as FormStringKey);
    return out as unknown as RecurrenceStrings;
  }

  /** The select's choices: all of them once filled, before that only the one shown. */
  #options(): { label: string; value: Choice }[] {
    const start = this.host.start();
    const valid = /^\d{4}-\d{2}-\d{2}/.test(start);
    const choices: Choice[] = [...(this.#allowNone ? [''] : []), ...recurrencePresets, 'custom'] as Choice[];
    return choices
      .filter((value) => this.#filled || value === this.#choice)
      .map((value) => {
        if (value === '') return { label: this.host.t('recurrenceNone'), value };
        if (value === 'custom') return { label: this.host.t('recurrenceCustom'), value };
        let day: string | number = '';
        if (valid)
          day =
            value === 'weekly'
              ? weekdayName(weekdayOf(start), this.host.lang, 'long')
              : Number(start.slice(8, 10));
        return { label: this.host.t(presetKeys[value], { day }), value };
      });
  }

  /** The select's choices (`none` stands for "does not repeat"). */
  #choices(): SelectChoice[] {
    return this.#options().map((o) => ({ label: o.label, value: o.value === '' ? 'none' : o.value }));
  }

  #fillOptions(): void {
    setChoices(this.select, this.#choices(), this.#choice === '' ? 'none' : this.#choice);
  }

  #chose(): void {
    const picked = this.select.value;
    const choice: Choice = picked === 'none' ? '' : (picked as Choice);
    if (choice === this.#choice) return;
    if (choice === 'custom') {
      // The editor starts from what showed when the field was entered: the arrows of a closed select change the
      // choice at every step, so the quick rules passed on the way to Custom… are not what the user chose. That rule
      // (or that custom rule), else weekly on the start's weekday.
      const from = this.#entered ?? { choice: this.#choice, custom: this.#custom };
      this.#custom =
        from.choice === 'custom'
          ? from.custom
          : recurrenceFormValue(presetRule(from.choice || 'weekly', this.host.start()));
      this.#choice = 'custom';
      this.#openEditor(true);
    } else {
      this.#choice = choice;
      this.#closeEditor();
    }
    this.refresh();
    this.host.changed();
  }

  /** Loads and shows the custom editor (a separate chunk: most meetings never need it). */
  #openEditor(focus: boolean): void {
    if (this.#editor) {
      this.#editor.show(this.#custom, focus);
      return;
    }
    void import('./recurrence.js').then(({ createRecurrenceEditor }) => {
      if (this.#choice !== 'custom') return;
      this.#editor ??= createRecurrenceEditor({
        t: (key, params) => this.host.t(key, params),
        lang: this.host.lang,
        host: this.editorHost,
        start: this.host.start(),
        changed: (value) => {
          this.#custom = value;
          this.refresh();
          this.host.changed();
        },
      });
      this.#editor.show(this.#custom, focus);
      if (this.#locked) this.#editor.lock();
    });
  }

  #closeEditor(): void {
    this.#editor?.hide();
  }
}
