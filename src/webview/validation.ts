// Live validation of the form with the same core validators the host runs.
import { formatMessage } from '../core/messages';
import type { FieldError } from '../core/types';
import { validateSchedule, validateUpdate } from '../core/validate';
import { addDays, formToScheduleInput, formToUpdateInput } from '../shared/formModel';
import type { FormMode, FormValues } from '../shared/protocol';

/** The validator's problems for the form's current values. */
export function validateForm(
  mode: FormMode,
  values: FormValues,
  original: FormValues,
  meetingId: string | undefined,
): FieldError[] {
  const ctx = { defaultTimeZone: values.timeZone || original.timeZone };
  // An all-day form shows days, its end the last one (Graph's end is the day after).
  const wall = (v: string, days: number) =>
    original.isAllDay ? `${addDays(v, days) ?? v}T00:00:00` : `${v}:00`;
  const current = {
    start: { dateTime: wall(original.start, 0), timeZone: original.timeZone },
    end: { dateTime: wall(original.end, 1), timeZone: original.timeZone },
    isOnlineMeeting: original.teamsMeeting,
    isAllDay: original.isAllDay,
  };
  const result =
    mode === 'update'
      ? validateUpdate(formToUpdateInput(meetingId ?? '', values, original), { ...ctx, current })
      : validateSchedule(formToScheduleInput(values), ctx);
  return result.ok ? [] : result.errors;
}

/** The localised text of a field error: the host's template for its code, else the validator's English. */
export function errorText(error: FieldError, messages: Record<string, string>): string {
  const template = Object.prototype.hasOwnProperty.call(messages, error.code)
    ? messages[error.code]
    : undefined;
  return typeof template === 'string' ? formatMessage(template, error.params) : error.message;
}
