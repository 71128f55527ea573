// The meeting's fields, each declared once: its value kind (and so its validation), whether an update may change
// it, how it travels to and from Graph, and its form control with its strings. Validation (validate.ts), the Graph
// mapping (mapping.ts), the input and draft types (types.ts), the protocol's `FormValues` (shared/protocol.ts), the
// form's model (shared/formModel.ts) and the page's controls (webview/form.ts) all derive from `meetingFields`.
// Adding a field: one entry here, its strings in shared/formStrings.ts, a test. See ARCHITECTURE.md.
import type { Event } from '@microsoft/microsoft-graph-types';
import type { FormStringKey } from '../shared/formStrings';
import type { Recurrence, RecurrenceInput } from './recurrence';
import type { GraphDateTime } from './types';

/** Graph's event `importance` values (Microsoft Graph docs, "event resource type": low, normal, high). */
export const importanceValues = ['low', 'normal', 'high'] as const;
/** Graph's event `showAs` values we send (Microsoft Graph docs, "event resource type"; `unknown` is Graph's own). */
export const showAsValues = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere'] as const;
/** Graph's event `sensitivity` values (Microsoft Graph docs, "event resource type"). */
export const sensitivityValues = ['normal', 'personal', 'private', 'confidential'] as const;

/** How an input value is read and checked (the validator's rule per kind, in validate.ts). */
export type ValueKind =
  /** An ISO 8601 string in the input, resolved in the meeting's zone: a `GraphDateTime` in the draft. */
  | { type: 'dateTime' }
  /** An IANA or Windows zone name, canonical IANA in the draft. */
  | { type: 'timeZone' }
  /** A string of at most `max` characters; blank is left out of a schedule, and clears the field in an update. */
  | { type: 'text'; max: number }
  /** Email addresses: trimmed, checked, de-duplicated; an empty list is left out of a schedule. */
  | { type: 'emails' }
  | { type: 'boolean' }
  /** Up to `maxCount` non-blank strings of at most `maxLength` characters; an empty list is left out of a schedule. */
  | { type: 'strings'; maxCount: number; maxLength: number }
  /** A whole number from `min` to `max`; anything else is a `wrongType` error naming the field and the range. */
  | { type: 'integer'; min: number; max: number }
  /** One of `values`, case-folded; anything else is a `wrongType` error naming the field and the values. */
  | { type: 'enum'; values: readonly string[] }
  /** Graph's `patternedRecurrence`, checked by recurrence.ts (its defaults come from the start). */
  | { type: 'recurrence' };

/** The form's control for a field (the page builds one per kind, webview/form.ts). */
export type ControlKind =
  | 'text'
  | 'textarea'
  | 'dateTime'
  | 'timeZone'
  | 'attendees'
  | 'checkbox'
  | 'select'
  /** A whole number typed in a number field; its form value is the text typed (validation names a bad one). */
  | 'number'
  /** A few names in one line, separated by commas or semicolons; its form value is the list. */
  | 'list'
  /** The calendar to create in: shown only when the host lists two or more the user can edit; '' is the default. */
  | 'calendar'
  /** A series' rule: a choice of common ones and a custom editor; its form value is shared/recurrenceForm.ts's text. */
  | 'recurrence';

/** A field's form control and its strings (keys of the strings table). */
export interface FormControl {
  control: ControlKind;
  label: FormStringKey;
  help?: FormStringKey;
  placeholder?: FormStringKey;
  /** A select's choices: value -> its label's key, in the order shown. */
  options?: Readonly<Record<string, FormStringKey>>;
  /**
   * An option (the "More options" kind): absent from the form's values while at its default, so the page sends,
   * keeps and compares only what the user chose.
   */
  option?: boolean;
}

/** One meeting field. */
export interface FieldSpec {
  kind: ValueKind;
  /** Whether "Update meeting" may change it (a field not given keeps its value). */
  update: boolean;
  /**
   * Where Graph keeps it: `{ key }` sends the draft's value as `Event[key]` and reads it back by its kind (the
   * compiler checks the value fits Graph's type); `special` fields are mapped by named rules in mapping.ts (time
   * zones, Teams, the body's join block); `none` is input only (the zone travels inside `start`/`end`).
   */
  graph: { key: keyof Event } | 'special' | 'none';
  /** The form's control, or undefined when the form has none (`contentType`: the form edits plain text). */
  form?: FormControl;
  /** The value of a new form (or of an absent option). Defaults by control: '', false, []. */
  formDefault?: string | boolean | number;
}

/** Subject length limit (characters), as Outlook's subject line allows. */
export const SUBJECT_MAX = 255;
/** Location display name length limit (characters). */
export const LOCATION_MAX = 255;
/** Body length limit (characters): generous for an invite, well under Graph's request size limit. */
export const CONTENT_MAX = 100_000;
/**
 * The reminder's largest lead (minutes). Microsoft Graph docs, "event resource type", type
 * `reminderMinutesBeforeStart` as Int32 and state no other limit, so the bound is Int32's.
 */
export const REMINDER_MINUTES_MAX = 2_147_483_647;
/**
 * Our bounds for `categories` (Microsoft Graph docs, "event resource type": a String collection, no documented
 * limit): enough for any real use, small enough to refuse a runaway list before it is sent.
 */
export const CATEGORIES_MAX = 50;
/** The longest calendar ID taken (characters): the meeting ID's bound (core/meetingId.ts), far above Graph's IDs. */
export const CALENDAR_ID_MAX = 512;
/** The longest category name we send (characters). */
export const CATEGORY_MAX = 255;

/**
 * The meeting's fields, in input order (validation reports problems in this order; the form's visual order is
 * `formFieldOrder`).
 */
export const meetingFields = {
  start: {
    kind: { type: 'dateTime' },
    update: true,
    graph: 'special',
    form: { control: 'dateTime', label: 'start' },
  },
  end: {
    kind: { type: 'dateTime' },
    update: true,
    graph: 'special',
    form: { control: 'dateTime', label: 'end' },
  },
  timeZone: {
    kind: { type: 'timeZone' },
    update: true,
    graph: 'none',
    form: { control: 'timeZone', label: 'timeZone' },
  },
  // Microsoft Graph docs, "event resource type": all day, start and end at midnight in one zone (validate.ts);
  // start and end may then be dates, the end the day after the last day.
  isAllDay: {
    kind: { type: 'boolean' },
    update: true,
    graph: { key: 'isAllDay' },
    form: { control: 'checkbox', label: 'isAllDay' },
  },
  subject: {
    kind: { type: 'text', max: SUBJECT_MAX },
    update: true,
    graph: 'special',
    form: { control: 'text', label: 'subject', placeholder: 'subjectPlaceholder' },
  },
  location: {
    kind: { type: 'text', max: LOCATION_MAX },
    update: true,
    graph: 'special',
    form: { control: 'text', label: 'location', placeholder: 'locationPlaceholder' },
  },
  content: {
    kind: { type: 'text', max: CONTENT_MAX },
    update: true,
    graph: 'special',
    form: { control: 'textarea', label: 'content', placeholder: 'contentPlaceholder' },
  },
  contentType: { kind: { type: 'enum', values: ['text', 'html'] }, update: true, graph: 'special' },
  attendees: {
    kind: { type: 'emails' },
    update: true,
    graph: 'special',
    form: { control: 'attendees', label: 'attendees', help: 'attendeesHelp' },
  },
  // Sent inside Graph's one `attendees` list with their `type` ("attendee resource type": required, optional,
  // resource): mapping.ts builds the list from the three fields.
  optionalAttendees: {
    kind: { type: 'emails' },
    update: true,
    graph: 'special',
    form: { control: 'attendees', label: 'optionalAttendees' },
  },
  resources: {
    kind: { type: 'emails' },
    update: true,
    graph: 'special',
    form: { control: 'attendees', label: 'resources', help: 'resourcesHelp' },
  },
  teamsMeeting: {
    kind: { type: 'boolean' },
    update: true,
    graph: 'special',
    form: { control: 'checkbox', label: 'teams', help: 'teamsHelp' },
  },
  importance: {
    kind: { type: 'enum', values: importanceValues },
    update: true,
    graph: { key: 'importance' },
    form: {
      control: 'select',
      label: 'importance',
      options: { low: 'importanceLow', normal: 'importanceNormal', high: 'importanceHigh' },
      option: true,
    },
    formDefault: 'normal',
  },
  showAs: {
    kind: { type: 'enum', values: showAsValues },
    update: true,
    graph: { key: 'showAs' },
    form: {
      control: 'select',
      label: 'showAs',
      options: {
        free: 'showAsFree',
        tentative: 'showAsTentative',
        busy: 'showAsBusy',
        oof: 'showAsOof',
        workingElsewhere: 'showAsWorkingElsewhere',
      },
      option: true,
    },
    formDefault: 'busy',
  },
  sensitivity: {
    kind: { type: 'enum', values: sensitivityValues },
    update: true,
    graph: { key: 'sensitivity' },
    form: {
      control: 'select',
      label: 'sensitivity',
      options: {
        normal: 'sensitivityNormal',
        personal: 'sensitivityPersonal',
        private: 'sensitivityPrivate',
        confidential: 'sensitivityConfidential',
      },
      option: true,
    },
    formDefault: 'normal',
  },
  // Booleans Graph keeps under their own key, with Graph's defaults for a new event as the form's ("event
  // resource type": responseRequested and allowNewTimeProposals default to true, hideAttendees to false; Outlook
  // turns the reminder on for a new meeting).
  isReminderOn: {
    kind: { type: 'boolean' },
    update: true,
    graph: { key: 'isReminderOn' },
    form: { control: 'checkbox', label: 'isReminderOn', option: true },
    formDefault: true,
  },
  reminderMinutesBeforeStart: {
    kind: { type: 'integer', min: 0, max: REMINDER_MINUTES_MAX },
    update: true,
    graph: { key: 'reminderMinutesBeforeStart' },
    form: { control: 'number', label: 'reminderMinutesBeforeStart', option: true },
    // Graph's reminder for a new event ("event resource type" example answers: 15).
    formDefault: 15,
  },
  categories: {
    kind: { type: 'strings', maxCount: CATEGORIES_MAX, maxLength: CATEGORY_MAX },
    update: true,
    graph: { key: 'categories' },
    form: { control: 'list', label: 'categories', help: 'categoriesHelp', option: true },
  },
  responseRequested: {
    kind: { type: 'boolean' },
    update: true,
    graph: { key: 'responseRequested' },
    form: { control: 'checkbox', label: 'responseRequested', option: true },
    formDefault: true,
  },
  allowNewTimeProposals: {
    kind: { type: 'boolean' },
    update: true,
    graph: { key: 'allowNewTimeProposals' },
    form: { control: 'checkbox', label: 'allowNewTimeProposals', option: true },
    formDefault: true,
  },
  // A series: Graph's patternedRecurrence, mapped by recurrence.ts ("event resource type", `recurrence`).
  recurrence: {
    kind: { type: 'recurrence' },
    update: true,
    graph: 'special',
    form: { control: 'recurrence', label: 'recurrence' },
  },
  hideAttendees: {
    kind: { type: 'boolean' },
    update: true,
    graph: { key: 'hideAttendees' },
    form: {
      control: 'checkbox',
      label: 'hideAttendees',
      help: 'hideAttendeesHelp',
      option: true,
    },
  },
  // Schedule only: create in this calendar (`POST /me/calendars/{id}/events`, Microsoft Graph docs "Create event");
  // absent or blank, the default calendar. Its ID goes in the path (graph/calendars.ts), never in the body.
  calendarId: {
    kind: { type: 'text', max: CALENDAR_ID_MAX },
    update: false,
    graph: 'special',
    form: { control: 'calendar', label: 'calendar', option: true },
  },
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof meetingFields;
/** Every meeting field's name. */
export type FieldName = keyof Fields;

/** The value a kind validates to. */
export type KindValue<K extends ValueKind> = K extends { type: 'dateTime' }
  ? GraphDateTime
  : K extends { type: 'text' | 'timeZone' }
    ? string
    : K extends { type: 'emails' | 'strings' }
      ? string[]
      : K extends { type: 'boolean' }
        ? boolean
        : K extends { type: 'integer' }
          ? number
          : K extends { type: 'enum'; values: readonly (infer V)[] }
            ? V
            : K extends { type: 'recurrence' }
              ? Recurrence
              : never;

/** A field's validated value (in drafts and changes). */
export type FieldValue<N extends FieldName> = KindValue<Fields[N]['kind']>;
/** A field's value as a caller gives it (date-times as ISO strings). */
export type InputValue<N extends FieldName> = Fields[N]['kind'] extends { type: 'dateTime' }
  ? string
  : Fields[N]['kind'] extends { type: 'recurrence' }
    ? RecurrenceInput
    : FieldValue<N>;

/** Fields that are part of a draft (all but the input-only zone). */
export type DraftFieldName = { [N in FieldName]: Fields[N]['graph'] extends 'none' ? never : N }[FieldName];
/** Fields sent and read as they are under Graph's key (no special rule). */
export type PlainGraphFieldName = {
  [N in FieldName]: Fields[N]['graph'] extends { key: keyof Event } ? N : never;
}[FieldName];
/** Graph's key of a plain field. */
export type GraphKeyOf<N extends PlainGraphFieldName> = Fields[N]['graph'] extends {
  key: infer G extends keyof Event;
}
  ? G
  : never;

/** Fields an update may change. */
export type UpdatableFieldName = {
  [N in FieldName]: Fields[N]['update'] extends true ? N : never;
}[FieldName];

/** Fields the form edits. */
export type FormFieldName = {
  [N in FieldName]: Fields[N] extends { form: FormControl } ? N : never;
}[FieldName];
type FormOf<N extends FormFieldName> = Fields[N] extends { form: infer F extends FormControl } ? F : never;
/** Form fields that are options (absent from the form's values at their default). */
export type OptionFieldName = {
  [N in FormFieldName]: FormOf<N> extends { option: true } ? N : never;
}[FormFieldName];

/** The form value of each control kind. */
export interface ControlValues {
  text: string;
  textarea: string;
  dateTime: string;
  timeZone: string;
  attendees: string[];
  checkbox: boolean;
  select: string;
  number: string;
  list: string[];
  recurrence: string;
  calendar: string;
}
/** A form field's value in the form (`FormValues`). */
export type FormValue<N extends FormFieldName> = ControlValues[FormOf<N>['control']];

/** Every field's name, in input order. */
const fieldNames = /* @__PURE__ */ Object.keys(meetingFields) as FieldName[];
/** The fields of a schedule input. */
export const scheduleFieldNames: readonly FieldName[] = fieldNames;
/** The fields of an update input (besides `meetingId`). */
export const updateFieldNames: readonly FieldName[] = /* @__PURE__ */ fieldNames.filter(
  (n) => meetingFields[n].update,
);
/** The fields a draft may hold. */
export const draftFieldNames = /* @__PURE__ */ fieldNames.filter(
  (n) => meetingFields[n].graph !== 'none',
) as DraftFieldName[];
/** The plain Graph fields. */
export const plainGraphFieldNames = /* @__PURE__ */ fieldNames.filter(
  (n) => typeof meetingFields[n].graph === 'object',
) as PlainGraphFieldName[];
/** The plain Graph fields the form edits. */
export const plainFormFieldNames = /* @__PURE__ */ plainGraphFieldNames.filter(
  (n) => 'form' in meetingFields[n],
) as (PlainGraphFieldName & FormFieldName)[];

/**
 * The form's fields in the order the page shows them (Subject first, as in Outlook; options last, where "More
 * options" goes). The type below makes a form field missing from this list a compile error.
 */
export const formFieldOrder = [
  'subject',
  'start',
  'end',
  'isAllDay',
  'timeZone',
  'recurrence',
  'attendees',
  'optionalAttendees',
  'resources',
  'location',
  'teamsMeeting',
  'content',
  'importance',
  'showAs',
  'sensitivity',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'categories',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
  'calendarId',
] as const satisfies readonly FormFieldName[];
type MissingFromOrder = Exclude<FormFieldName, (typeof formFieldOrder)[number]>;
/** Compile-time check: `never` unless a form field is missing from `formFieldOrder`. */
export const formOrderComplete: [MissingFromOrder] extends [never] ? true : MissingFromOrder = true;

/** The spec of a form field's control. */
export function formControl(name: FormFieldName): FormControl {
  return meetingFields[name].form;
}

/** A form field's value in a new form (and of an absent option). */
export function formDefault<N extends FormFieldName>(name: N): FormValue<N> {
  const spec: FieldSpec = meetingFields[name];
  const control = formControl(name).control;
  switch (control) {
    case 'attendees':
    case 'list':
      return [] as string[] as FormValue<N>;
    case 'checkbox':
      return (spec.formDefault === true) as FormValue<N>;
    case 'number':
      return String(spec.formDefault ?? '') as FormValue<N>;
    case 'text':
    case 'textarea':
    case 'dateTime':
    case 'timeZone':
    case 'select':
    case 'recurrence':
    case 'calendar':
      return (spec.formDefault ?? '') as FormValue<N>;
  }
}

/** Whether `value` is `name`'s form default (lists compared item by item; a number's text trimmed). */
export function isFormDefault(name: FormFieldName, value: unknown): boolean {
  const fallback: unknown = formDefault(name);
  if (Array.isArray(fallback))
    return Array.isArray(value) && value.length === fallback.length && value.every((v, i) => v === fallback[i]);
  if (formControl(name).control === 'number') return typeof value === 'string' && value.trim() === fallback;
  return value === fallback;
}

/** Plain fields' values must fit Graph's type of their key: a field that does not is a compile error here. */
type PlainFits = {
  [N in PlainGraphFieldName]: FieldValue<N> extends NonNullable<Event[GraphKeyOf<N>]> ? true : N;
};
/** Compile-time check that every plain field's value type fits Graph's `Event` property. */
export const plainFieldsFit: PlainFits[PlainGraphFieldName] extends true ? true : never = true;
