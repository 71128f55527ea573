// The form's controls: the browser's own inputs, selects, switches and buttons, themed by form.css from VS Code's
// `--vscode-*` variables. Native controls cost no script to define or render (the page is interactive as soon as
// they are attached), read and write their values synchronously, and carry their own labels and keyboard behaviour.
import { el } from './dom';

/** One choice of a select. */
export interface Choice {
  label: string;
  value: string;
}

/** A one-line text field (`type`: text, number, date, datetime-local). */
export function textInput(id: string, type: string, value: string, placeholder?: string): HTMLInputElement {
  const input = el('input', { id, type, value, className: 'control' });
  if (placeholder) input.placeholder = placeholder;
  return input;
}

/** A multi-line text field, without a resize grip (the page grows attendee lists with their lines). */
export function textArea(id: string, value: string, rows: number, placeholder?: string): HTMLTextAreaElement {
  const area = el('textarea', { id, rows, value, className: 'control' });
  if (placeholder) area.placeholder = placeholder;
  return area;
}

/** A drop-down list showing `value` among `choices`. */
export function selectBox(id: string, choices: readonly Choice[], value: string): HTMLSelectElement {
  const select = el('select', { id, className: 'control' });
  setChoices(select, choices, value);
  return select;
}

/** Replaces a select's choices and shows `value` (the first choice when `value` is not among them). */
export function setChoices(select: HTMLSelectElement, choices: readonly Choice[], value: string): void {
  select.replaceChildren(...choices.map((c) => new Option(c.label, c.value, false, c.value === value)));
  if (choices.some((c) => c.value === value)) select.value = value;
}

/** Relabels a select's choices in place when they are the same values (keeps focus and an open list). */
export function relabelChoices(select: HTMLSelectElement, choices: readonly Choice[]): boolean {
  const options = select.options;
  if (options.length !== choices.length || choices.some((c, i) => options[i].value !== c.value)) return false;
  choices.forEach((c, i) => {
    if (options[i].text !== c.label) options[i].text = c.label;
  });
  return true;
}

/**
 * Lets typed letters pick the first choice whose label contains them (not only starts with them: the zone picker's
 * labels start with their offset, "(UTC+01:00) Berlin"), as the browser's own type-to-select does with prefixes.
 * Letters typed within a second add up; Space after letters is part of the search.
 */
export function typeToFind(select: HTMLSelectElement, prepare?: () => void): void {
  let typed = '';
  let last = 0;
  select.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.key.length !== 1) return;
    const now = e.timeStamp;
    if (now - last > 1000) typed = '';
    if (e.key === ' ' && typed === '') return; // Space alone opens the list
    last = now;
    e.preventDefault();
    prepare?.();
    typed += e.key.toLowerCase();
    const options = [...select.options];
    const found = options.find((o) => o.text.toLowerCase().includes(typed));
    if (!found || found.selected) return;
    select.value = found.value;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/**
 * A checkbox in a label that names it (`asSwitch`: drawn and announced as an on/off switch). The checkbox is the
 * control (its id, value and events); its label is what goes in the page (`checkLabel`).
 */
export function checkBox(id: string, label: string, checked: boolean, asSwitch = false): HTMLInputElement {
  const input = el('input', {
    id,
    type: 'checkbox',
    checked,
    className: asSwitch ? 'check switch' : 'check',
  });
  if (asSwitch) input.setAttribute('role', 'switch');
  el('label', { className: 'check-label', htmlFor: id }, [input, el('span', {}, [label])]);
  return input;
}

/** The label a checkbox sits in (what the page attaches). */
export function checkLabel(input: HTMLInputElement): HTMLElement {
  return input.closest('label') ?? input;
}

/** A button that never submits a form by itself (`secondary`: the theme's secondary colours). */
export function button(id: string, label: string, secondary = false): HTMLButtonElement {
  return el('button', { id, type: 'button', className: secondary ? 'button secondary' : 'button' }, [label]);
}

/** A field's label, naming the control `forId`. */
export function fieldLabel(forId: string, text: string, id?: string): HTMLLabelElement {
  return el('label', { htmlFor: forId, className: 'label', ...(id ? { 'attr:id': id } : {}) }, [text]);
}

/** A busy indicator (decorative: the busy state is announced by the page). */
export function spinner(id: string): HTMLElement {
  return el('span', { id, className: 'spinner', hidden: true, 'attr:aria-hidden': 'true' });
}
