// The custom recurrence editor of the form's "Repeat" field (loaded with a dynamic import when "Custom…" is
// chosen): every (interval) days/weeks/months/years; the weekdays of a weekly rule; a monthly or yearly rule on a
// day or on "the first Monday"; and its end: never, on a date, after a number of times. Every control is labelled
// and reachable with the keyboard; colours come from the theme (form.css). It reports the rule's text
// (shared/recurrenceForm.ts) on every change.
import { weekDays, weekIndexes, weekdayName } from '../core/recurrence';
import type { RecurrencePattern, RecurrenceRangeType, WeekDay, WeekIndex } from '../core/recurrence';
import type { FormStringKey } from '../shared/formStrings';
import { recurrenceFormValue, recurrenceInput, weekdayOf } from '../shared/recurrenceForm';
import type { RecurrenceRule } from '../shared/recurrenceForm';
import { checkBox, checkLabel, fieldLabel, selectBox, setChoices, textInput } from './controls';
import { el, setText } from './dom';

/** The editor as the field uses it. */
export interface RecurrenceEditor {
  /** Shows the editor with the rule `value` (and focuses its first control when asked). */
  show(value: string, focus: boolean): void;
  hide(): void;
  lock(): void;
  /** The form's start moved: the day-based choices follow it. */
  startChanged(start: string): void;
}

/** What the editor needs. */
export interface RecurrenceEditorOptions {
  t(key: FormStringKey, params?: Record<string, string | number>): string;
  lang: string;
  /** Where the editor is put. */
  host: HTMLElement;
  /** The form's start, `YYYY-MM-DDTHH:mm`. */
  start: string;
  /** The rule's new text, after each change. */
  changed(value: string): void;
}

type Unit = 'daily' | 'weekly' | 'monthly' | 'yearly';
const units: readonly Unit[] = ['daily', 'weekly', 'monthly', 'yearly'];
const unitKeys: Record<Unit, FormStringKey> = {
  daily: 'recurrenceUnitDaily',
  weekly: 'recurrenceUnitWeekly',
  monthly: 'recurrenceUnitMonthly',
  yearly: 'recurrenceUnitYearly',
};
const indexKeys: Record<WeekIndex, FormStringKey> = {
  first: 'recurIndexFirst',
  second: 'recurIndexSecond',
  third: 'recurIndexThird',
  fourth: 'recurIndexFourth',
  last: 'recurIndexLast',
};

/** Where the start falls in its month: "the second Tuesday" (or "the last" when it is the fifth). */
function relativeOf(start: string): { index: WeekIndex; day: WeekDay } {
  const dayOfMonth = Number(start.slice(8, 10));
  const n = Math.floor((dayOfMonth - 1) / 7);
  return { index: weekIndexes[Math.min(n, 4)]!, day: weekdayOf(start) };
}

/** A rule's pattern and end from its text (a partial rule where the text is not a whole one). */
function ruleOf(value: string): RecurrenceRule {
  const input = recurrenceInput(value) as Partial<RecurrenceRule> | undefined;
  const pattern = (input && typeof input === 'object' ? input.pattern : undefined) ?? {
    type: 'weekly',
    interval: 1,
  };
  const range = (input && typeof input === 'object' ? input.range : undefined) ?? { type: 'noEnd' };
  return { pattern: { ...pattern }, range: { ...range } } as RecurrenceRule;
}

function unitOf(pattern: RecurrencePattern): Unit {
  if (pattern.type === 'absoluteMonthly' || pattern.type === 'relativeMonthly') return 'monthly';
  if (pattern.type === 'absoluteYearly' || pattern.type === 'relativeYearly') return 'yearly';
  return pattern.type;
}

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  return el('div', { className: 'field' }, [fieldLabel(id, label), control]);
}

/** Builds the editor into `options.host` (hidden until `show`). */
export function createRecurrenceEditor(options: RecurrenceEditorOptions): RecurrenceEditor {
  const { t, lang } = options;
  let start = options.start;
  let rule: RecurrenceRule = ruleOf('');
  const monthName = (month: number): string =>
    new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, month - 1, 1)),
    );

  const title = el('div', { id: 'recurrence-editor-title', className: 'editor-title' }, [
    t('recurrenceEditor'),
  ]);
  const interval = textInput('recurrence-interval', 'number', '1');
  interval.min = '1';
  const unit = selectBox(
    'recurrence-unit',
    units.map((u) => ({ label: t(unitKeys[u]), value: u })),
    'weekly',
  );
  const days = weekDays.map((day) => {
    const box = checkBox(`recurrence-day-${day}`, weekdayName(day, lang, 'short'), false);
    box.setAttribute('aria-label', weekdayName(day, lang, 'long'));
    return box;
  });
  const daysGroup = el(
    'div',
    {
      id: 'recurrence-days',
      className: 'days',
      'attr:role': 'group',
      'attr:aria-labelledby': 'recurrence-days-label',
    },
    days.map(checkLabel),
  );
  const daysBox = el('div', { className: 'field' }, [
    el('div', { id: 'recurrence-days-label', className: 'label' }, [t('recurrenceDays')]),
    daysGroup,
  ]);
  const on = selectBox('recurrence-on', [], 'day');
  const onBox = labelled('recurrence-on', t('recurrenceOn'), on);
  const end = selectBox(
    'recurrence-end',
    [
      { label: t('recurrenceEndNever'), value: 'noEnd' },
      { label: t('recurrenceEndDate'), value: 'endDate' },
      { label: t('recurrenceEndCount'), value: 'numbered' },
    ],
    'noEnd',
  );
  const endDate = textInput('recurrence-end-date', 'date', '');
  const count = textInput('recurrence-count', 'number', '10');
  count.min = '1';
  const endDateBox = labelled('recurrence-end-date', t('recurrenceEndDateLabel'), endDate);
  const countBox = labelled('recurrence-count', t('recurrenceCountLabel'), count);
  const hint = el('div', { id: 'recurrence-editor-hint', className: 'error', 'attr:aria-live': 'polite' });
  const root = el(
    'div',
    {
      id: 'recurrence-editor',
      className: 'recurrence-editor',
      hidden: true,
      'attr:role': 'group',
      'attr:aria-labelledby': 'recurrence-editor-title',
    },
    [
      title,
      el('div', { className: 'row' }, [
        labelled('recurrence-interval', t('recurrenceInterval'), interval),
        labelled('recurrence-unit', t('recurrenceUnit'), unit),
      ]),
      daysBox,
      onBox,
      el('div', { className: 'row' }, [
        labelled('recurrence-end', t('recurrenceEnds'), end),
        endDateBox,
        countBox,
      ]),
      hint,
    ],
  );
  options.host.replaceChildren(root);

  /** The "On" choices of a monthly or yearly rule: on a day, or on "the first Monday" (from the rule, else the start). */
  const fillOn = (): void => {
    const p = rule.pattern;
    const rel = relativeOf(start);
    const index = p.index ?? rel.index;
    const day = p.daysOfWeek?.[0] ?? rel.day;
    const dayOfMonth = p.dayOfMonth ?? Number(start.slice(8, 10));
    const month = p.month ?? Number(start.slice(5, 7));
    const yearly = unitOf(p) === 'yearly';
    const date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, month - 1, dayOfMonth)),
    );
    const relParams = {
      index: t(indexKeys[index]),
      weekday: weekdayName(day, lang, 'long'),
      month: monthName(month),
    };
    const mode = p.type === 'relativeMonthly' || p.type === 'relativeYearly' ? 'relative' : 'day';
    const next = [
      {
        label: yearly ? t('recurrenceOnDate', { date }) : t('recurrenceOnDay', { day: dayOfMonth }),
        value: 'day',
      },
      { label: t(yearly ? 'recurrenceOnTheOf' : 'recurrenceOnThe', relParams), value: 'relative' },
    ];
    setChoices(on, next, mode);
  };

  /**
   * Shows the controls of the rule's type and end; `values` also puts the rule's values into the controls (when
   * shown, not while the user types in them).
   */
  const render = (values: boolean): void => {
    const p = rule.pattern;
    const u = unitOf(p);
    if (values) {
      interval.value = String(p.interval ?? 1);
      unit.value = u;
      for (const box of days)
        box.checked = p.daysOfWeek?.includes(box.id.slice('recurrence-day-'.length) as WeekDay) ?? false;
      end.value = rule.range.type;
      if (rule.range.endDate) endDate.value = rule.range.endDate;
      if (rule.range.numberOfOccurrences) count.value = String(rule.range.numberOfOccurrences);
    }
    daysBox.hidden = u !== 'weekly';
    onBox.hidden = u !== 'monthly' && u !== 'yearly';
    if (!onBox.hidden) fillOn();
    endDateBox.hidden = rule.range.type !== 'endDate';
    countBox.hidden = rule.range.type !== 'numbered';
    setText(hint, u === 'weekly' && !(p.daysOfWeek?.length ?? 0) ? t('recurrenceNoDays') : '');
  };

  /** The pattern for a unit and "On" choice, keeping what still applies. */
  const patternFor = (u: Unit, mode: string): RecurrencePattern => {
    const p = rule.pattern;
    // Not a whole number ≥ 1: the validator names `recurrence.pattern.interval` (NaN goes as null: required).
    const intervalValue = Number(interval.value);
    const rel = relativeOf(start);
    const dayOfMonth = p.dayOfMonth ?? Number(start.slice(8, 10));
    const month = p.month ?? Number(start.slice(5, 7));
    const relative = {
      daysOfWeek: p.daysOfWeek?.length === 1 && p.index ? p.daysOfWeek : [rel.day],
      index: p.index ?? rel.index,
    };
    switch (u) {
      case 'daily':
        return { type: 'daily', interval: intervalValue };
      case 'weekly': {
        const chosen = days
          .filter((b) => b.checked)
          .map((b) => b.id.slice('recurrence-day-'.length) as WeekDay);
        return {
          type: 'weekly',
          interval: intervalValue,
          daysOfWeek: chosen,
          firstDayOfWeek: p.firstDayOfWeek ?? 'sunday',
        };
      }
      case 'monthly':
        return mode === 'relative'
          ? { type: 'relativeMonthly', interval: intervalValue, ...relative }
          : { type: 'absoluteMonthly', interval: intervalValue, dayOfMonth };
      case 'yearly':
        return mode === 'relative'
          ? { type: 'relativeYearly', interval: intervalValue, ...relative, month }
          : { type: 'absoluteYearly', interval: intervalValue, dayOfMonth, month };
    }
  };

  /** Reads the controls into the rule and reports it. */
  const read = (unitChanged: boolean): void => {
    const u = unit.value as Unit;
    if (unitChanged && u === 'weekly' && !days.some((b) => b.checked)) {
      const day = days.find((b) => b.id === `recurrence-day-${weekdayOf(start)}`);
      if (day) day.checked = true;
    }
    const previousUnit = unitOf(rule.pattern);
    const mode = unitChanged && previousUnit !== u ? 'day' : on.value || 'day';
    if (unitChanged && previousUnit !== u)
      rule = { ...rule, pattern: { type: 'daily', interval: rule.pattern.interval } };
    rule.pattern = patternFor(u, mode);
    const endType = end.value as RecurrenceRangeType;
    // An end date starts at the start's date, for the user to move.
    if (endType === 'endDate' && endDate.value === '') endDate.value = start.slice(0, 10);
    rule.range =
      endType === 'endDate'
        ? { type: 'endDate', endDate: endDate.value }
        : endType === 'numbered'
          ? { type: 'numbered', numberOfOccurrences: Number(count.value) }
          : { type: 'noEnd' };
    render(false);
    options.changed(recurrenceFormValue(rule));
  };

  for (const control of [interval, endDate, count]) control.addEventListener('input', () => read(false));
  for (const control of [on, end]) control.addEventListener('change', () => read(false));
  unit.addEventListener('change', () => read(true));
  for (const box of days) box.addEventListener('change', () => read(false));
  // Enter in a one-line field would submit the form: it changes nothing here.
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && e.target instanceof HTMLInputElement)
      e.preventDefault();
  });

  return {
    show(value, focus) {
      rule = ruleOf(value);
      if (rule.range.type === 'endDate' && !rule.range.endDate) rule.range.endDate = start.slice(0, 10);
      render(true);
      root.hidden = false;
      if (focus) interval.focus();
    },
    hide() {
      root.hidden = true;
    },
    lock() {
      for (const control of [interval, unit, on, end, endDate, count, ...days])
        (control as HTMLElement & { disabled: boolean }).disabled = true;
    },
    startChanged(next) {
      start = next;
      if (!root.hidden && !onBox.hidden) fillOn();
    },
  };
}
