// The meeting form: renders from `init`, validates live, submits once, shows the result, keeps a draft.
import type { FieldError } from '../core/types';
import { formatMessage } from '../core/messages';
import {
  duplicateAttendees,
  formInstant,
  parseAttendees,
  parseListText,
  switchAllDayTimes,
  sameFormValues,
  startsInPast,
  wallDurationMinutes,
} from '../shared/formModel';
import type { SubmitConcern } from '../shared/formModel';
import type { FormStringKey } from '../shared/formStrings';
import type {
  ActionMessage,
  FindTimeToWebview,
  FormValues,
  FromWebview,
  InitMessage,
  ResultMessage,
} from '../shared/protocol';
import {
  applyResult,
  errorTarget,
  hostErrorsAfterEdit,
  moveEndWithStart,
  newDraft,
  offersClosedDraft,
  statusIsStale,
  submitLabel,
  submitStep,
  touchedAfterEdit,
  visibleErrors,
} from '../shared/formState';
import type { Draft, StatusKey } from '../shared/formState';
import { formControl, formDefault, formFieldOrder, isFormDefault } from '../core/fields';
import type { FormFieldName } from '../core/fields';
import {
  button,
  fieldLabel,
  selectBox,
  setChoices,
  spinner,
  checkBox,
  checkLabel,
  textArea,
  textInput,
  typeToFind,
} from './controls';
import type { Choice } from './controls';
import { el, setText } from './dom';
import type { FindTimeUi } from './findTime';
import { RecurrenceField } from './recurrenceField';
import { suggestedAttendeesBox } from './suggestedAttendees';
import { errorText, validateForm } from './validation';
import type { ZoneChoice } from './zones';
import { sortZoneChoices, zoneChoice, zoneCity } from './zones';

/** The slice of `acquireVsCodeApi()` the page uses. */
export interface HostApi {
  postMessage(msg: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}

type FieldName = FormFieldName;

const fieldOrder: readonly FieldName[] = formFieldOrder;

/** The form page, built once per `init`. */
export class MeetingForm {
  readonly #t: (key: FormStringKey, params?: Record<string, string | number>) => string;
  readonly #draft: Draft;
  readonly #original: FormValues;
  #touched: Set<string>;
  #showAll = false;
  #prevStart: string;
  #errors: FieldError[] = [];
  /** Which page-made status line shows, so it can go once it is no longer true. */
  #statusKey: StatusKey | undefined;
  /** Field errors from the host's last failed result, kept until the user edits that field. */
  #hostErrors: FieldError[] = [];

  readonly #form: HTMLFormElement;
  readonly #status: HTMLElement;
  readonly #success: HTMLElement;
  readonly #end: HTMLInputElement;
  readonly #duration: HTMLElement;
  readonly #timeWarning: HTMLElement;
  readonly #timeZone: HTMLSelectElement;
  readonly #subject: HTMLInputElement;
  readonly #attendees: HTMLTextAreaElement;
  readonly #attendeesSummary: HTMLElement;
  /** Picker labels computed so far (Intl work, done in idle slices after the first paint). */
  readonly #zoneChoices = new Map<string, ZoneChoice>();
  readonly #zones: string[];
  readonly #teams: HTMLInputElement;
  /** Every form field's control, built by its kind (core/fields.ts). */
  readonly #controls: Record<FieldName, HTMLElement>;
  readonly #init: InitMessage;
  readonly #api: HostApi;
  readonly #submit: HTMLButtonElement;
  readonly #progress: HTMLElement;
  readonly #submitRow: HTMLElement;
  readonly #confirm: HTMLElement;
  readonly #confirmText: HTMLElement;
  readonly #confirmSend: HTMLElement;
  /** The field the open confirmation is about, focused again on Go back. */
  #confirmFocus: FieldName = 'subject';
  readonly #errorBoxes = new Map<FieldName, HTMLElement>();

  constructor(root: HTMLElement, init: InitMessage, api: HostApi, saved: Draft | undefined) {
    this.#init = init;
    this.#api = api;
    const strings = init.strings as Record<string, string>;
    this.#t = (key, params) => {
      const s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : undefined;
      return formatMessage(typeof s === 'string' ? s : key, params);
    };
    this.#original = { ...init.values, attendees: [...init.values.attendees] };
    this.#draft = saved ?? newDraft(init);
    this.#touched = new Set(this.#draft.touched);
    this.#prevStart = this.#draft.values.start;
    const v = this.#draft.values;

    document.title = this.#t(init.mode === 'update' ? 'titleUpdate' : 'titleSchedule');
    const heading = el('h1', { id: 'title' }, [document.title]);
    this.#status = el('div', {
      id: 'status',
      className: 'status',
      'attr:role': 'status',
      'attr:aria-live': 'polite',
    });

    this.#zones = init.timeZones.includes(v.timeZone) ? init.timeZones : [v.timeZone, ...init.timeZones];
    const controls: Partial<Record<FieldName, HTMLElement>> = {};
    for (const name of fieldOrder) controls[name] = this.#createControl(name, this.#valueOf(v, name));
    this.#controls = controls as Record<FieldName, HTMLElement>;
    this.#end = this.#controls.end as HTMLInputElement;
    this.#timeZone = this.#controls.timeZone as HTMLSelectElement;
    this.#subject = this.#controls.subject as HTMLInputElement;
    this.#attendees = this.#controls.attendees as HTMLTextAreaElement;
    this.#teams = this.#controls.teamsMeeting as HTMLInputElement;
    this.#duration = el('div', { id: 'duration', className: 'hint' });
    this.#timeWarning = el('div', { id: 'timeWarning', className: 'warning', hidden: true }, [
      this.#t('pastWarning'),
    ]);
    // Only the chosen zone until the picker is used: rendering 400+ options cost ~90 ms before first paint.
    this.#timeZone.addEventListener('focusin', () => this.#fillZones());
    this.#timeZone.addEventListener('pointerdown', () => this.#fillZones());
    this.#attendeesSummary = el('div', {
      id: 'attendees-summary',
      className: 'hint',
      'attr:aria-live': 'polite',
    });
    if (!init.teams.enabled) this.#disable(this.#teams);

    this.#submit = button('submit', this.#t(this.#submitKey()));
    this.#progress = spinner('progress');
    this.#submitRow = el('div', { className: 'actions' }, [
      this.#submit,
      this.#progress,
      el('span', { id: 'submitHint', className: 'hint' }, [this.#t('submitHint')]),
    ]);
    // The inline confirmation before sending something that may be a mistake; the safe choice comes first.
    this.#confirmText = el('div', { id: 'confirmText' });
    const confirmBack = button('confirmBack', this.#t('confirmBack'));
    confirmBack.setAttribute('aria-describedby', 'confirmText');
    this.#confirmSend = button('confirmSend', '', true);
    confirmBack.addEventListener('click', () => this.#hideConfirm(true));
    this.#confirmSend.addEventListener('click', () => {
      this.#hideConfirm(false);
      this.#trySubmit(true);
    });
    this.#confirm = el(
      'div',
      {
        id: 'confirm',
        className: 'confirm',
        hidden: true,
        'attr:role': 'group',
        'attr:aria-labelledby': 'confirmText',
      },
      [this.#confirmText, el('div', { className: 'actions' }, [confirmBack, this.#confirmSend])],
    );

    // The whole form in one go: native controls are usable as soon as they are attached.
    this.#form = el('form', { id: 'form', noValidate: true, 'attr:aria-labelledby': 'title' });
    // The options (formFieldOrder puts them last) go in a collapsed "More options" section, open when one is set.
    const options: HTMLElement[] = [];
    for (const name of fieldOrder) {
      if (name === 'end') continue;
      if (name === 'start') {
        this.#form.append(
          el('div', { className: 'row' }, [this.#fieldBox('start'), this.#fieldBox('end')]),
          this.#duration,
          this.#timeWarning,
        );
      } else if (formControl(name).option) options.push(this.#fieldBox(name));
      else this.#form.append(this.#fieldBox(name));
    }
    this.#moreOptions = el(
      'details',
      { id: 'more-options', open: fieldOrder.some((n) => this.#isSetOption(v, n)) },
      [el('summary', { id: 'more-options-summary' }, [this.#t('moreOptions')]), ...options],
    );
    this.#form.append(
      this.#moreOptions,
      el('div', { className: 'footer' }, [this.#submitRow, this.#confirm]),
    );
    this.#success = el('section', {
      id: 'success',
      hidden: true,
      tabIndex: -1,
      'attr:aria-labelledby': 'successTitle',
    });

    this.#wire();
    for (const name of fieldOrder) this.#fitAttendees(name);
    this.#updateDuration();
    this.#updateAttendeesSummary();
    root.replaceChildren(heading, this.#status, ...this.#draftOffer(), this.#form, this.#success);
    root.removeAttribute('aria-busy');
    if (this.#draft.success) this.#showSuccess(this.#draft.success);
    else if (this.#draft.pending) this.#setSending(true);
    // Focus starts in the first field, Subject (not the page body), unless something else took it meanwhile.
    else if (document.activeElement === document.body || document.activeElement === null)
      this.#subject.focus();
    // Once the form is usable, in the next task: the chosen zone's full label, the first validation (it loads the
    // time-zone data, Intl), the Repeat field's other choices, then the picker's other labels in idle slices.
    setTimeout(() => {
      this.#dateTimeKind();
      if (!this.#zonesFilled) {
        const current = this.#timeZone.value;
        setChoices(this.#timeZone, [this.#zoneOption(current)], current);
      }
      this.#validate();
      this.#recurrence?.fillChoices();
      this.#prepareZones();
      this.#loadFindTime();
    }, 0);
  }

  /** The offer to restore a closed tab's draft (a new form, once), or nothing. */
  #draftOffer(): HTMLElement[] {
    const closed = this.#init.closedDraft;
    if (!closed || !offersClosedDraft(this.#init, this.#draft)) return [];
    const answer = (restore: boolean): void => {
      offer.remove();
      this.#draft.offerHandled = true;
      this.#save();
      if (restore) this.#restoreValues(closed);
      this.#reveal('subject');
    };
    const restore = button('draftRestore', this.#t('draftRestore'));
    const discard = button('draftDiscard', this.#t('draftDiscard'), true);
    restore.addEventListener('click', () => answer(true));
    discard.addEventListener('click', () => answer(false));
    const offer = el(
      'div',
      {
        id: 'draftOffer',
        className: 'status',
        'attr:role': 'group',
        'attr:aria-labelledby': 'draftOfferText',
      },
      [
        el('div', { id: 'draftOfferText' }, [
          this.#t('draftOffer', { subject: closed.subject.trim() || this.#t('noSubject') }),
        ]),
        el('div', { className: 'actions' }, [restore, discard]),
      ],
    );
    return [offer];
  }

  /** Puts `values` into the controls and takes them as an edit. */
  #restoreValues(values: FormValues): void {
    this.#fillZones();
    // The start and end fields take the restored kind (days or date-times) before their values.
    for (const name of ['start', 'end'] as const)
      this.#controls[name].setAttribute('type', values.isAllDay ? 'date' : 'datetime-local');
    for (const name of fieldOrder) this.#setControlValue(name, this.#valueOf(values, name));
    if (this.#moreOptions && fieldOrder.some((n) => this.#isSetOption(values, n)))
      this.#moreOptions.open = true;
    this.#prevStart = values.start;
    this.#edited('subject', false);
  }

  /** Disables a control (a switch's label dims with it, form.css). */
  #disable(control: HTMLElement): void {
    (control as HTMLInputElement | HTMLSelectElement).disabled = true;
  }

  /** The host's `lock`: the meeting was cancelled or deleted, or is not the user's to change. Read-only from now. */
  onLock(reason: string): void {
    this.#draft.locked = reason;
    this.#findTime?.lock();
    this.#hideConfirm(false);
    document.title = this.#t('titleDetails');
    setText(document.getElementById('title') as HTMLElement, document.title);
    // Text stays readable (and selectable) as read-only; choices and the switch are disabled.
    for (const name of fieldOrder) {
      const control = this.#controls[name];
      if (['text', 'textarea', 'dateTime', 'attendees', 'number', 'list'].includes(formControl(name).control))
        Object.assign(control, { readOnly: true, placeholder: '' });
      else this.#disable(control);
    }
    this.#recurrence?.lock();
    this.#submit.disabled = true;
    // Found through its row: the lock may come before the form is attached.
    this.#submitRow.querySelector('#submitHint')?.remove();
    document.getElementById('draftOffer')?.remove();
    this.#success.querySelector('#action-join')?.remove();
    this.#setStatus(reason, false);
  }

  /** Issue 13's features (src/webview/findTime.ts), loaded once the form is complete; answers wait for them. */
  #findTime: FindTimeUi | undefined;
  readonly #findTimeQueue: FindTimeToWebview[] = [];

  /** A find-a-time answer from the host. */
  onFindTime(msg: FindTimeToWebview): void {
    if (this.#findTime) this.#findTime.receive(msg);
    else this.#findTimeQueue.push(msg);
  }

  /** Loads issue 13's features with a dynamic import (off the first frame) when the host offers them. */
  #loadFindTime(): void {
    const features = this.#init.findTime;
    if (!features || this.#draft.locked || this.#draft.success) return;
    const lists = fieldOrder.filter((n) => formControl(n).control === 'attendees');
    void import('./findTime.js').then(({ attachFindTime }) => {
      if (this.#draft.locked) return;
      this.#findTime = attachFindTime({
        t: this.#t,
        lang: document.documentElement.lang || 'en',
        features,
        post: (msg) => this.#api.postMessage(msg),
        values: () => this.#draft.values,
        attendeeLists: lists.map((name) => ({
          name,
          control: this.#controls[name] as HTMLTextAreaElement,
          box: document.getElementById(`${name}-field`) as HTMLElement,
        })),
        anchor: document.getElementById(`${lists[lists.length - 1]}-field`) as HTMLElement,
        setTimes: (start, end) => {
          (this.#controls.start as HTMLInputElement).value = start;
          this.#end.value = end;
          this.#prevStart = start;
          this.#edited('end', false);
        },
        addRoom: (room) => {
          const name = lists.includes('resources' as FieldName) ? ('resources' as FieldName) : 'attendees';
          const control = this.#controls[name] as HTMLTextAreaElement;
          const text = control.value.replace(/\s+$/, '');
          control.value = `${text ? `${text}\n` : ''}${room.name ? `${room.name} <${room.address}>` : room.address}`;
          this.#edited(name, false);
        },
        edited: (name) => this.#edited(name as FieldName, false),
      });
      for (const msg of this.#findTimeQueue.splice(0)) this.#findTime.receive(msg);
    });
  }

  /** Handles a host `result`; ignored unless it answers the request in flight. */
  onResult(msg: ResultMessage): void {
    const step = applyResult(this.#draft, msg);
    switch (step.kind) {
      case 'ignored':
        return;
      case 'success':
        this.#save();
        this.#showSuccess(step.success);
        return;
      case 'failed':
        this.#setSending(false);
        this.#save();
        this.#hostErrors = step.hostErrors;
        this.#showAll = true;
        this.#renderErrors();
        this.#setStatus(step.message ?? this.#t('failed'), true);
        this.#focusFirstInvalid();
        return;
    }
  }

  /** The picker entry of `zone` (its label computed once). */
  #zoneOption(zone: string): Choice {
    let choice = this.#zoneChoices.get(zone);
    if (!choice) {
      choice = zoneChoice(zone, new Date(), document.documentElement.lang || 'en');
      this.#zoneChoices.set(zone, choice);
    }
    return { label: choice.label, value: zone };
  }

  /** Computes the picker's labels in small slices while the page is idle, so opening it is quick. */
  #prepareZones(): void {
    let next = 0;
    const slice = (): void => {
      const until = Math.min(this.#zones.length, next + 40);
      for (; next < until; next++) this.#zoneOption(this.#zones[next]);
      if (next < this.#zones.length && !this.#zonesFilled) setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  }

  #zonesFilled = false;

  /** Puts every zone in the picker, west to east, the first time it is used. */
  #fillZones(): void {
    if (this.#zonesFilled) return;
    this.#zonesFilled = true;
    const current = this.#timeZone.value;
    for (const z of this.#zones) this.#zoneOption(z);
    const ordered = sortZoneChoices(this.#zones.map((z) => this.#zoneChoices.get(z) as ZoneChoice));
    setChoices(
      this.#timeZone,
      ordered.map((c) => this.#zoneOption(c.zone)),
      current,
    );
  }

  /** Shows how many people are invited and which addresses are listed twice. */
  #updateAttendeesSummary(): void {
    const list = parseAttendees(this.#attendees.value);
    const unique = new Set(list.map((a) => a.toLowerCase())).size;
    const lines =
      unique === 0
        ? []
        : [unique === 1 ? this.#t('attendeeCountOne') : this.#t('attendeeCount', { count: unique })];
    for (const address of duplicateAttendees(list)) lines.push(this.#t('attendeeDuplicate', { address }));
    this.#attendeesSummary.replaceChildren(...lines.map((l) => el('div', {}, [l])));
  }

  #field(name: FieldName, label: string, control: HTMLElement, help?: string): HTMLElement {
    const error = el('div', { id: `${name}-error`, className: 'error', 'attr:aria-live': 'polite' });
    this.#errorBoxes.set(name, error);
    const describedBy = [help ? `${name}-help` : '', `${name}-error`].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', describedBy);
    return el('div', { className: 'field', id: `${name}-field` }, [
      fieldLabel(name, label, `${name}-label`),
      control,
      ...(help ? [el('div', { id: `${name}-help`, className: 'hint' }, [help])] : []),
      error,
    ]);
  }

  #checkboxField(
    name: FieldName,
    control: HTMLElement,
    help: string | undefined,
    isReason: boolean,
  ): HTMLElement {
    const error = el('div', { id: `${name}-error`, className: 'error', 'attr:aria-live': 'polite' });
    this.#errorBoxes.set(name, error);
    control.setAttribute(
      'aria-describedby',
      help === undefined ? `${name}-error` : `${name}-help ${name}-error`,
    );
    return el('div', { className: 'field', id: `${name}-field` }, [
      checkLabel(control as HTMLInputElement),
      ...(help === undefined
        ? []
        : [el('div', { id: `${name}-help`, className: isReason ? 'hint reason' : 'hint' }, [help])]),
      error,
    ]);
  }

  #wire(): void {
    const onEdit = (name: FieldName) => () => this.#edited(name, false);
    const onLeave = (name: FieldName) => () => this.#edited(name, true);
    const controls = fieldOrder.map((name) => [name, this.#controls[name]] as const);
    for (const [name, control] of controls) {
      control.addEventListener('input', onEdit(name));
      control.addEventListener('change', onEdit(name));
      control.addEventListener('focusout', onLeave(name));
    }
    // Only the button and Ctrl+Enter send: a native (implicit) submission never does.
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#submit.addEventListener('click', (e) => {
      e.preventDefault();
      this.#trySubmit();
    });
    this.#form.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && !this.#confirm.hidden) {
          e.preventDefault();
          this.#hideConfirm(true);
          return;
        }
        if (e.key !== 'Enter' || e.isComposing) return;
        const target = e.target as Element | null;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          e.stopPropagation();
          this.#trySubmit();
        } else if (target instanceof HTMLInputElement) {
          // Enter in a one-line field (dates and times included) would submit the form: it sends nothing.
          e.preventDefault();
          e.stopPropagation();
        }
      },
      true,
    );
  }

  #edited(name: FieldName, left: boolean): void {
    if (this.#draft.success) return;
    if (name === 'isAllDay') this.#switchAllDay();
    const before = this.#draft.values;
    let values = this.#readValues();
    if (name === 'start') {
      const moved = moveEndWithStart(this.#prevStart, before, values);
      if (moved.values.end !== values.end) this.#end.value = moved.values.end;
      values = moved.values;
      this.#prevStart = moved.prevStart;
    }
    const changed = !sameFormValues(values, before) || this.#attendees.value !== this.#draft.attendeesText;
    if (!changed) {
      // Leaving a field unchanged only reveals its own errors; nothing else moves under the pointer.
      if (left && !this.#touched.has(name)) {
        this.#touched.add(name);
        this.#draft.touched = [...this.#touched];
        this.#save();
        this.#renderErrors();
      }
      return;
    }
    this.#touched = touchedAfterEdit(this.#touched, name);
    if (!this.#confirm.hidden) this.#hideConfirm(false);
    this.#hostErrors = hostErrorsAfterEdit(this.#hostErrors, name);
    this.#draft.values = values;
    this.#recurrence?.refresh();
    this.#draft.attendeesText = this.#attendees.value;
    this.#draft.touched = [...this.#touched];
    this.#fitAttendees(name);
    this.#updateAttendeesSummary();
    this.#save();
    // The host keeps a new form's values, to offer them again if the tab is closed unsent.
    if (this.#init.mode === 'schedule') this.#api.postMessage({ type: 'draft', values: { ...values } });
    this.#updateDuration();
    this.#validate();
    this.#findTime?.edited(name);
    if (!this.#draft.pending) setText(this.#submit, this.#t(this.#submitKey()));
    this.#clearStaleStatus();
  }

  /** The start and end fields' kind: days for an all-day meeting, else date-times (unless already switched). */
  #dateTimeKind(): void {
    const type = (this.#controls.isAllDay as HTMLInputElement).checked ? 'date' : 'datetime-local';
    for (const control of [this.#controls.start, this.#end] as HTMLInputElement[])
      if (control.type === 'text') control.type = type;
  }

  /** The all-day switch: the start and end fields take days (the end the last one), or date-times again. */
  #switchAllDay(): void {
    const on = (this.#controls.isAllDay as HTMLInputElement).checked;
    const start = this.#controls.start as HTMLInputElement;
    const type = on ? 'date' : 'datetime-local';
    if (start.getAttribute('type') === type) return;
    const next = switchAllDayTimes(on, start.value, this.#end.value);
    start.setAttribute('type', type);
    this.#end.setAttribute('type', type);
    start.value = next.start;
    this.#end.value = next.end;
    this.#prevStart = next.start;
  }

  /** Removes "please correct…" once nothing is invalid, and "nothing has changed" once something has. */
  #clearStaleStatus(): void {
    const invalid = this.#errors.length > 0 || this.#hostErrors.length > 0;
    if (statusIsStale(this.#statusKey, this.#draft, this.#original, invalid)) this.#setStatus('', false);
  }

  /** The button names what it does: Send (or Send update) when there are attendees, otherwise Save. */
  #submitKey(): FormStringKey {
    return submitLabel(this.#draft);
  }

  /** Grows an attendee list with its lines (up to 12): the required list shows 3 rows at least, the others 2. */
  #fitAttendees(name: FieldName): void {
    if (formControl(name).control !== 'attendees') return;
    const control = this.#controls[name] as HTMLTextAreaElement;
    const lines = control.value.split('\n').length;
    control.rows = Math.min(12, Math.max(name === 'attendees' ? 3 : 2, lines));
  }

  #readValues(): FormValues {
    const values: Record<string, unknown> = {};
    for (const name of fieldOrder) {
      const value = this.#readControl(name);
      if (!formControl(name).option || !isFormDefault(name, value)) values[name] = value;
    }
    return values as FormValues;
  }

  /** A control's value, by its kind. */
  #readControl(name: FieldName): unknown {
    const control = this.#controls[name];
    switch (formControl(name).control) {
      case 'text':
      case 'textarea':
      case 'dateTime':
      case 'timeZone':
      case 'number':
      case 'calendar':
        return (control as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
      case 'select': {
        // A value that is not one of the field's options (none chosen) reads as its default.
        const value = (control as HTMLSelectElement).value;
        return Object.prototype.hasOwnProperty.call(formControl(name).options ?? {}, value)
          ? value
          : formDefault(name);
      }
      case 'attendees':
        return parseAttendees((control as HTMLTextAreaElement).value);
      case 'checkbox':
        return (control as HTMLInputElement).checked;
      case 'list':
        return parseListText((control as HTMLInputElement).value);
      case 'recurrence':
        return this.#recurrence?.value ?? '';
    }
  }

  /** Puts a value into a control, by its kind (an absent option shows its default; a disabled switch stays). */
  #setControlValue(name: FieldName, value: unknown): void {
    const control = this.#controls[name];
    switch (formControl(name).control) {
      case 'text':
      case 'textarea':
      case 'dateTime':
      case 'timeZone':
      case 'select':
      case 'number':
      case 'calendar':
        (control as HTMLInputElement).value = String(value ?? formDefault(name));
        break;
      case 'attendees':
        (control as HTMLTextAreaElement).value = (value as string[]).join('\n');
        break;
      case 'list':
        (control as HTMLInputElement).value = ((value ?? []) as string[]).join(', ');
        break;
      case 'checkbox':
        if (!(control as HTMLInputElement).disabled) (control as HTMLInputElement).checked = value === true;
        break;
      case 'recurrence':
        if (this.#recurrence) this.#recurrence.value = String(value ?? '');
        break;
    }
  }

  /** Whether `name` is an option set to something other than its default in `values`. */
  #isSetOption(values: FormValues, name: FieldName): boolean {
    return formControl(name).option === true && !isFormDefault(name, this.#valueOf(values, name));
  }

  #moreOptions: HTMLDetailsElement | undefined;

  /** A field's value in `values` (an absent option: its default). */
  #valueOf(values: FormValues, name: FieldName): unknown {
    return (values as Record<string, unknown>)[name] ?? formDefault(name);
  }

  /** Builds a field's control by its kind (core/fields.ts), showing `value`. */
  #createControl(name: FieldName, value: unknown): HTMLElement {
    const spec = formControl(name);
    const placeholder = spec.placeholder ? this.#t(spec.placeholder) : undefined;
    switch (spec.control) {
      case 'text':
        return textInput(name, 'text', value as string, placeholder);
      case 'dateTime':
        // A text box holding the ISO value until the form is usable (`#dateTimeKind`, in the task after): Chromium's
        // first date-time editor loads its locale data and lays out its parts (~10 ms, the form's costliest control).
        return textInput(name, 'text', value as string);
      case 'textarea':
        return textArea(name, value as string, 8, placeholder);
      case 'attendees':
        // The required list keeps its text as typed (names included); the others show their addresses.
        return name === 'attendees'
          ? textArea(name, this.#draft.attendeesText, 3, 'name@example.com')
          : textArea(name, (value as string[]).join('\n'), 2);
      case 'timeZone': {
        // Only the chosen zone, by its city, until the picker is used: every zone's full label (offset and name)
        // loads ICU's zone names, and 400+ options are not needed to show one.
        const zone = value as string;
        const select = selectBox(name, [{ label: zoneCity(zone), value: zone }], zone);
        typeToFind(select, () => this.#fillZones());
        return select;
      }
      case 'select':
        return selectBox(
          name,
          Object.entries(spec.options ?? {}).map(([option, key]) => ({ label: this.#t(key), value: option })),
          value as string,
        );
      case 'checkbox':
        return checkBox(name, this.#t(spec.label), value as boolean, true);
      case 'number': {
        const field = textInput(name, 'number', value as string);
        field.min = '0';
        return field;
      }
      case 'list':
        return textInput(name, 'text', (value as string[]).join(', '));
      case 'calendar': {
        // Its choices come with the host's `calendars` message (onCalendars); until then its field is hidden.
        return selectBox(name, [], '');
      }
      case 'recurrence':
        // Its own module: the common rules, the rule in words, and the custom editor loaded when opened.
        this.#recurrence = new RecurrenceField(
          {
            t: this.#t,
            lang: document.documentElement.lang || 'en',
            start: () => (this.#controls ? (this.#readControl('start') as string) : this.#draft.values.start),
            timeZone: () => this.#draft.values.timeZone,
            changed: () => this.#edited(name, false),
          },
          value as string,
          { allowNone: this.#init.mode !== 'update' || this.#original.recurrence === '' },
        );
        return this.#recurrence.select;
    }
  }

  /**
   * The host's `calendars` (a new form, two or more the user can edit, the default first as ''): the picker shows
   * them, keeping a choice restored from a draft when it is still offered.
   */
  onCalendars(calendars: readonly { id: string; name: string }[]): void {
    if (this.#init.mode !== 'schedule' || this.#draft.locked || calendars.length < 2) return;
    const picker = this.#controls.calendarId as HTMLSelectElement;
    const chosen = String(this.#valueOf(this.#draft.values, 'calendarId'));
    const current = calendars.some((c) => c.id === chosen) ? chosen : '';
    setChoices(
      picker,
      calendars.map((c) => ({ label: c.name, value: c.id })),
      current,
    );
    const box = document.getElementById('calendarId-field') ?? picker.closest('.field');
    if (box instanceof HTMLElement) box.hidden = false;
  }

  /** The "Repeat" field (src/webview/recurrenceField.ts). */
  #recurrence: RecurrenceField | undefined;

  /** A field's box (label, control, help, error line), by its kind. */
  #fieldBox(name: FieldName): HTMLElement {
    const spec = formControl(name);
    const control = this.#controls[name];
    if (spec.control === 'checkbox') {
      // The Teams switch's help is the reason it is disabled, when it is.
      const reason =
        name === 'teamsMeeting' && !this.#init.teams.enabled ? this.#init.teams.reason : undefined;
      return this.#checkboxField(
        name,
        control,
        reason ?? (spec.help ? this.#t(spec.help) : undefined),
        reason !== undefined,
      );
    }
    const box = this.#field(name, this.#t(spec.label), control, spec.help ? this.#t(spec.help) : undefined);
    if (spec.control === 'calendar') box.hidden = true;
    if (spec.control === 'recurrence' && this.#recurrence) {
      box.querySelector('.error')?.before(this.#recurrence.summary, this.#recurrence.editorHost);
      control.setAttribute(
        'aria-describedby',
        `${control.getAttribute('aria-describedby') ?? ''} recurrence-summary`.trim(),
      );
    }
    if (name === 'attendees') {
      box.querySelector('.error')?.before(this.#attendeesSummary);
      control.setAttribute(
        'aria-describedby',
        `${control.getAttribute('aria-describedby') ?? ''} attendees-summary`.trim(),
      );
      const suggested = this.#init.suggestedAttendees;
      const group =
        suggested &&
        suggestedAttendeesBox(suggested, this.#draft.values.attendees, this.#t, (address, last) =>
          this.#addAttendee(address, last),
        );
      if (group) box.append(group);
    }
    return box;
  }

  /** Adds a suggested address to the required attendees, as if typed; focus returns to them after the last one. */
  #addAttendee(address: string, last: boolean): void {
    const text = this.#attendees.value.replace(/\s+$/, '');
    this.#attendees.value = text ? `${text}\n${address}` : address;
    this.#edited('attendees', false);
    if (last) this.#attendees.focus();
  }

  #save(): void {
    this.#api.setState(this.#draft);
  }

  #updateDuration(): void {
    const minutes = wallDurationMinutes(this.#draft.values.start, this.#draft.values.end);
    if (minutes === undefined || minutes <= 0) {
      setText(this.#duration, '');
      return;
    }
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const text =
      hours === 0
        ? this.#t('durationMinutes', { minutes })
        : rest === 0
          ? this.#t('durationHours', { hours })
          : this.#t('durationHoursMinutes', { hours, minutes: rest });
    setText(this.#duration, this.#t('duration', { duration: text }));
  }

  #validate(): void {
    this.#errors = validateForm(this.#init.mode, this.#draft.values, this.#original, this.#init.meetingId);
    this.#timeWarning.hidden = !startsInPast(this.#draft.values, Date.now());
    this.#renderErrors();
  }

  #renderErrors(): void {
    const shown = visibleErrors(this.#errors, this.#hostErrors, this.#touched, this.#showAll);
    const byField = new Map<FieldName, string[]>();
    for (const [name, errors] of shown) {
      const texts = errors.map((error) => {
        const text = errorText(this.#withLabel(error), this.#init.messages);
        const index = errorTarget(error.field).index;
        if (formControl(name).control !== 'attendees' || index === undefined) return text;
        const address = (this.#valueOf(this.#draft.values, name) as string[])[index] ?? '';
        return text.includes(address) ? text : this.#t('attendeeError', { address, message: text });
      });
      byField.set(name, texts);
    }
    for (const name of fieldOrder) {
      const box = this.#errorBoxes.get(name);
      const control = this.#control(name);
      const texts = byField.get(name) ?? [];
      box?.replaceChildren(...texts.map((t) => el('div', { className: 'error-line' }, [t])));
      control.setAttribute('aria-invalid', String(texts.length > 0));
    }
  }

  /**
   * The error as the page shows it: `{field}` is the field's label ("Subject", not "subject"), and date-times
   * are written the way the date-time fields show them (the page's language), not as ISO text.
   */
  #withLabel(error: FieldError): FieldError {
    if (!error.params) return error;
    const params = { ...error.params };
    const field = params.field;
    const name = typeof field === 'string' ? errorTarget(field).name : '';
    if ((fieldOrder as readonly string[]).includes(name))
      params.field = this.#t(formControl(name as FieldName).label);
    // The other attendee list an address is already in (attendeeInTwoLists), by its label.
    if (typeof params.list === 'string' && (fieldOrder as readonly string[]).includes(params.list))
      params.list = this.#t(formControl(params.list as FieldName).label);
    for (const key of ['start', 'end', 'value', 'gapStart', 'gapEnd']) {
      const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::\d\d)?$/.exec(String(params[key] ?? ''));
      if (!m) continue;
      const wall = new Date(Date.UTC(2000, +m[2] - 1, +m[3], +m[4], +m[5]));
      wall.setUTCFullYear(+m[1]); // Date.UTC reads years 0-99 as 1900-1999.
      this.#wallFormat ??= new Intl.DateTimeFormat(document.documentElement.lang || 'en', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
      });
      params[key] = this.#wallFormat.format(wall);
    }
    return { ...error, params };
  }

  #wallFormat: Intl.DateTimeFormat | undefined;

  #control(name: FieldName): HTMLElement {
    return this.#controls[name];
  }

  #focusFirstInvalid(): void {
    const name = fieldOrder.find((n) => this.#control(n).getAttribute('aria-invalid') === 'true');
    if (name) this.#reveal(name);
  }

  /** Focuses a field and scrolls so its label and messages show above the sticky footer. */
  #reveal(name: FieldName): void {
    if (formControl(name).option && this.#moreOptions) this.#moreOptions.open = true;
    this.#control(name).focus({ preventScroll: true });
    const box = document.getElementById(`${name}-field`)?.getBoundingClientRect();
    if (!box) return;
    const margin = 8;
    const room =
      window.innerHeight - (this.#form.querySelector('.footer')?.getBoundingClientRect().height ?? 0);
    if (box.top < margin || box.height + 2 * margin > room) window.scrollBy(0, box.top - margin);
    else if (box.bottom > room - margin) window.scrollBy(0, box.bottom - room + margin);
  }

  /** Sets the status line; a locked form's line keeps saying why it is locked. */
  #setStatus(text: string, isError: boolean, key?: StatusKey): void {
    const locked = this.#draft.locked;
    this.#statusKey = locked ? undefined : key;
    this.#status.classList.toggle('status-error', !locked && isError);
    setText(this.#status, locked ?? text);
  }

  #setSending(sending: boolean): void {
    this.#submit.disabled = sending || this.#draft.locked !== undefined;
    this.#progress.hidden = !sending;
    this.#form.setAttribute('aria-busy', String(sending));
    setText(this.#submit, this.#t(this.#submitKey()));
  }

  /** Shows the inline confirmation for `concerns`, focused on Go back. */
  #showConfirm(concerns: SubmitConcern[], focus: FieldName): void {
    const text: Record<SubmitConcern, FormStringKey> = {
      untouched: 'confirmUntouched',
      noSubject: 'confirmNoSubject',
      past: 'confirmPast',
    };
    this.#confirmText.replaceChildren(...concerns.map((c) => el('p', {}, [this.#t(text[c])])));
    setText(
      this.#confirmSend,
      this.#t(this.#submitKey() === 'submitSave' ? 'confirmSaveAnyway' : 'confirmSendAnyway'),
    );
    this.#confirmFocus = focus;
    this.#submitRow.hidden = true;
    this.#confirm.hidden = false;
    (this.#confirm.querySelector('#confirmBack') as HTMLElement | null)?.focus();
  }

  /** Closes the confirmation; `back` returns focus to the field it was about. */
  #hideConfirm(back: boolean): void {
    this.#confirm.hidden = true;
    this.#submitRow.hidden = false;
    if (back) this.#reveal(this.#confirmFocus);
  }

  #trySubmit(confirmed = false): void {
    if (this.#draft.pending || this.#draft.success) return;
    this.#draft.values = this.#readValues();
    this.#draft.attendeesText = this.#attendees.value;
    this.#validate();
    this.#hostErrors = [];
    const step = submitStep(this.#draft, this.#original, this.#errors, confirmed, Date.now());
    switch (step.kind) {
      case 'busy':
        return;
      case 'invalid':
        this.#showAll = true;
        this.#renderErrors();
        this.#setStatus(this.#t('errorSummary'), true, 'errorSummary');
        this.#focusFirstInvalid();
        return;
      case 'nothingChanged':
        this.#setStatus(this.#t('nothingChanged'), false, 'nothingChanged');
        return;
      case 'confirm':
        this.#setStatus('', false);
        this.#showConfirm(step.concerns, step.focus);
        return;
      case 'send': {
        const requestId = crypto.randomUUID();
        this.#draft.pending = requestId;
        this.#save();
        this.#setStatus('', false);
        this.#setSending(true);
        this.#api.postMessage({ type: 'submit', requestId, values: { ...this.#draft.values } });
        return;
      }
    }
  }

  /** When the sent meeting takes place, in the user's zone (the zone the form opened with). */
  #sentWhen(sent: FormValues): string {
    const start = formInstant(sent.start, sent.timeZone);
    const end = formInstant(sent.end, sent.timeZone);
    if (start === undefined || end === undefined) return `${sent.start} – ${sent.end} (${sent.timeZone})`;
    const zone = this.#original.timeZone;
    const format = new Intl.DateTimeFormat(document.documentElement.lang || 'en', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: zone,
    });
    return `${format.formatRange(start, end)} · ${this.#zoneOption(zone).label}`;
  }

  /** Everyone a sent form invited (the three attendee lists), or "Nobody". */
  #invited(sent: FormValues): string {
    const all = [...sent.attendees, ...(sent.optionalAttendees ?? []), ...(sent.resources ?? [])];
    return all.length > 0 ? all.join(', ') : this.#t('sentNobody');
  }

  #showSuccess(success: NonNullable<Draft['success']>): void {
    const { meetingId, canJoin, sent } = success;
    this.#form.hidden = true;
    this.#setStatus('', false);
    const copyStatus = el('span', { id: 'copyStatus', className: 'hint', 'attr:role': 'status' });
    const action = (kind: ActionMessage['action'], key: FormStringKey, secondary: boolean): HTMLElement => {
      const b = button(`action-${kind}`, this.#t(key), secondary);
      b.addEventListener('click', () => {
        this.#api.postMessage({ type: 'action', action: kind, meetingId });
        if (kind === 'copyId') setText(copyStatus, this.#t('copied'));
      });
      return b;
    };
    const row = (key: FormStringKey, value: Node | string): Node[] => [
      el('dt', {}, [this.#t(key)]),
      el('dd', {}, [value]),
    ];
    const summary = sent
      ? [
          ...row('sentSubject', sent.subject.trim() || this.#t('noSubject')),
          ...row('sentWhen', this.#sentWhen(sent)),
          ...row('sentInvited', this.#invited(sent)),
          ...(sent.teamsMeeting
            ? row('sentTeams', this.#t(canJoin ? 'sentTeamsLink' : 'sentTeamsPending'))
            : []),
        ]
      : [];
    this.#success.replaceChildren(
      el('h2', { id: 'successTitle' }, [
        this.#t(this.#init.mode === 'update' ? 'successUpdate' : 'successSchedule'),
      ]),
      el('dl', { className: 'sent' }, [
        ...summary,
        ...row('meetingId', el('code', { id: 'meetingId', className: 'meeting-id' }, [meetingId])),
      ]),
      el('div', { className: 'actions' }, [
        ...(canJoin && !this.#draft.locked ? [action('join', 'join', false)] : []),
        action('openInOutlook', 'openInOutlook', canJoin),
        action('copyId', 'copyId', true),
        copyStatus,
      ]),
    );
    this.#success.hidden = false;
    this.#success.focus();
  }
}
