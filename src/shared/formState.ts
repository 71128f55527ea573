// The meeting form's state rules, pure (tested in Node): the draft kept with setState, which error shows when,
// moving the end with the start, and the submit state machine with its confirmation step. The page
// (webview/form.ts) renders what these decide.
import { formFieldOrder } from '../core/fields';
import type { FormFieldName } from '../core/fields';
import type { FieldError } from '../core/types';
import {
  addWallMinutes,
  formToUpdateInput,
  hasChanges,
  parseAttendees,
  submitConcerns,
  wallDurationMinutes,
} from './formModel';
import type { SubmitConcern } from './formModel';
import type { FormStringKey } from './formStrings';
import type { FormMode, FormValues, InitMessage, ResultMessage } from './protocol';
import { parseFormValues } from './protocol';

/** What the page keeps with `setState`: enough to rebuild the form after a reload. */
export interface Draft {
  version: 1;
  mode: FormMode;
  meetingId?: string;
  values: FormValues;
  attendeesText: string;
  /** Fields the user has visited, whose errors are shown live. */
  touched: string[];
  /** The request in flight, so its result still lands after a reload. */
  pending?: string;
  success?: { meetingId: string; canJoin: boolean; sent?: FormValues };
  /** The host's offer of a closed tab's draft was answered (restored or discarded). */
  offerHandled?: boolean;
  /** Why the form is read-only (the host's `lock`; not kept: the host says it again after a reload). */
  locked?: string;
}

/** A new draft showing `init`'s values. */
export function newDraft(init: InitMessage): Draft {
  return {
    version: 1,
    mode: init.mode,
    meetingId: init.meetingId,
    values: { ...init.values, attendees: [...init.values.attendees] },
    attendeesText: init.values.attendees.join('\n'),
    touched: [],
  };
}

/** A saved state if it is a draft of this page for the same form (mode and meeting), checked field by field. */
export function draftFor(state: unknown, init: InitMessage): Draft | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const d = state as Partial<Draft>;
  if (d.version !== 1 || d.mode !== init.mode || d.meetingId !== init.meetingId) return undefined;
  const values = parseFormValues(d.values);
  if (!values || typeof d.attendeesText !== 'string') return undefined;
  return {
    version: 1,
    mode: init.mode,
    meetingId: init.meetingId,
    values,
    attendeesText: d.attendeesText,
    touched: Array.isArray(d.touched) ? d.touched.filter((t) => typeof t === 'string') : [],
    pending: typeof d.pending === 'string' ? d.pending : undefined,
    offerHandled: d.offerHandled === true,
    success:
      d.success && typeof d.success.meetingId === 'string'
        ? {
            meetingId: d.success.meetingId,
            canJoin: d.success.canJoin === true,
            sent: parseFormValues(d.success.sent),
          }
        : undefined,
  };
}

/** The meeting a saved page state's success view shows (the host's restore reads it), or undefined. */
export function sentMeetingIdOf(state: unknown): string | undefined {
  const success = (state as Partial<Draft> | null | undefined)?.success;
  return typeof success === 'object' && success !== null && typeof success.meetingId === 'string'
    ? success.meetingId
    : undefined;
}

/** The form field an error belongs to (`attendees[2]` -> `attendees`, index 2). */
export function errorTarget(field: string): { name: string; index?: number } {
  const m = /^([A-Za-z]+)\[(\d+)\]/.exec(field);
  if (m) return { name: m[1], index: Number(m[2]) };
  const dot = /^([A-Za-z]+)/.exec(field);
  return { name: dot ? dot[1] : field };
}

/** The form field of a name, or undefined when the form has no such field. */
function formField(name: string): FormFieldName | undefined {
  return (formFieldOrder as readonly string[]).includes(name) ? (name as FormFieldName) : undefined;
}

/**
 * The errors to show, per form field in form order: the validator's and the host's (the same field and code once),
 * for the fields the user has visited, or for all after a submit (`showAll`).
 */
export function visibleErrors(
  errors: readonly FieldError[],
  hostErrors: readonly FieldError[],
  touched: ReadonlySet<string>,
  showAll: boolean,
): Map<FormFieldName, FieldError[]> {
  const byField = new Map<FormFieldName, FieldError[]>();
  const seen = new Set<string>();
  for (const error of [...errors, ...hostErrors]) {
    const key = `${error.field}\u0000${error.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = formField(errorTarget(error.field).name);
    if (!name || (!showAll && !touched.has(name))) continue;
    byField.set(name, [...(byField.get(name) ?? []), error]);
  }
  return byField;
}

/** The first field (in form order) with an error to show. */
export function firstInvalid(shown: Map<FormFieldName, FieldError[]>): FormFieldName | undefined {
  return formFieldOrder.find((n) => (shown.get(n)?.length ?? 0) > 0);
}

/**
 * Moving the start moves the end with it, keeping the length the meeting had (`prevStart` to `before.end`). Returns
 * the new values and the start to measure from next (kept while the typed start is not a date-time yet).
 */
export function moveEndWithStart(
  prevStart: string,
  before: FormValues,
  values: FormValues,
): { values: FormValues; prevStart: string } {
  if (values.start === prevStart) return { values, prevStart };
  // An all-day form's days (YYYY-MM-DD) move as their midnights, by whole days (the end may equal the start).
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const wall = (v: string): string => (day.test(v) ? `${v}T00:00` : v);
  const length = wallDurationMinutes(wall(prevStart), wall(before.end));
  const minLength = day.test(values.start) ? 0 : 1;
  const moved =
    length !== undefined && length >= minLength ? addWallMinutes(wall(values.start), length) : undefined;
  const end = moved !== undefined && day.test(values.start) ? moved.slice(0, 10) : moved;
  const next = end === undefined ? values : { ...values, end };
  return {
    values: next,
    prevStart: addWallMinutes(wall(values.start), 0) !== undefined ? values.start : prevStart,
  };
}

/** The fields whose errors show after an edit of `name` (editing the start also shows the end's). */
export function touchedAfterEdit(touched: ReadonlySet<string>, name: FormFieldName): Set<string> {
  const next = new Set(touched);
  next.add(name);
  if (name === 'start') next.add('end');
  return next;
}

/** The host's errors still standing after an edit of `name` (that field's go). */
export function hostErrorsAfterEdit(hostErrors: readonly FieldError[], name: FormFieldName): FieldError[] {
  return hostErrors.filter((e) => errorTarget(e.field).name !== name);
}

/** What pressing Send (or Send anyway) leads to. */
export type SubmitStep =
  /** A request is in flight, the meeting was saved, or the form is locked: nothing happens. */
  | { kind: 'busy' }
  /** Fields are invalid: show every error and focus the first. */
  | { kind: 'invalid' }
  /** An update form with nothing changed: say so, send nothing. */
  | { kind: 'nothingChanged' }
  /** Ask first (inline), about these concerns; focus goes back to `focus` on "Go back". */
  | { kind: 'confirm'; concerns: SubmitConcern[]; focus: FormFieldName }
  /** Send now. */
  | { kind: 'send' };

/** The submit state machine: from the draft, the validator's errors and whether the user already confirmed. */
export function submitStep(
  draft: Draft,
  original: FormValues,
  errors: readonly FieldError[],
  confirmed: boolean,
  nowMs: number,
): SubmitStep {
  if (draft.pending || draft.success || draft.locked) return { kind: 'busy' };
  if (errors.length > 0) return { kind: 'invalid' };
  if (
    draft.mode === 'update' &&
    !hasChanges(formToUpdateInput(draft.meetingId ?? '', draft.values, original))
  )
    return { kind: 'nothingChanged' };
  if (!confirmed) {
    const concerns = submitConcerns(draft.mode, draft.values, original, nowMs);
    if (concerns.length > 0) {
      const focus = concerns.includes('past') && !concerns.includes('noSubject') ? 'start' : 'subject';
      return { kind: 'confirm', concerns, focus };
    }
  }
  return { kind: 'send' };
}

/** What a host `result` does to the draft. */
export type ResultStep =
  /** Not the answer to the request in flight: ignored. */
  | { kind: 'ignored' }
  /** Saved: the draft keeps the success (and what was sent) for a reload. */
  | { kind: 'success'; success: NonNullable<Draft['success']> }
  /** Failed: the host's field errors and its message for the whole form. */
  | { kind: 'failed'; hostErrors: FieldError[]; message?: string };

/** Applies a host `result` to the draft (clearing `pending` when it answers the request in flight). */
export function applyResult(draft: Draft, msg: ResultMessage): ResultStep {
  if (!draft.pending || msg.requestId !== draft.pending) return { kind: 'ignored' };
  draft.pending = undefined;
  if (msg.ok) {
    draft.success = { meetingId: msg.meetingId, canJoin: msg.canJoin === true, sent: draft.values };
    return { kind: 'success', success: draft.success };
  }
  const message = msg.message !== undefined && msg.message !== '' ? msg.message : undefined;
  return { kind: 'failed', hostErrors: msg.errors ?? [], ...(message ? { message } : {}) };
}

/** The submit button's label: Sending…, else Send (Send update) when there are attendees, otherwise Save. */
export function submitLabel(draft: Draft): FormStringKey {
  if (draft.pending) return 'sending';
  const others = draft.values.optionalAttendees.length + draft.values.resources.length;
  if (parseAttendees(draft.attendeesText).length === 0 && others === 0) return 'submitSave';
  return draft.mode === 'update' ? 'submitSendUpdate' : 'submitSend';
}

/** Which page-made status line shows. */
export type StatusKey = 'errorSummary' | 'nothingChanged';

/** Whether the status line `key` is no longer true: nothing invalid any more, or something has changed. */
export function statusIsStale(
  key: StatusKey | undefined,
  draft: Draft,
  original: FormValues,
  invalid: boolean,
): boolean {
  if (key === 'errorSummary') return !invalid;
  if (key === 'nothingChanged')
    return hasChanges(formToUpdateInput(draft.meetingId ?? '', draft.values, original));
  return false;
}

/** Whether the page offers a closed tab's draft (a new form, not yet answered, nothing sent). */
export function offersClosedDraft(init: InitMessage, draft: Draft): boolean {
  return init.mode === 'schedule' && init.closedDraft !== undefined && !draft.offerHandled && !draft.success;
}
