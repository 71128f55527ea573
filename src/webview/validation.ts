// Live validation of the form with the same core validators the host runs.
import { formatMessage } from '../core/messages';
import type { FieldError } from '../core/types';
import { validateSchedule, validateUpdate } from '../core/validate';
import { formToScheduleInput, formToUpdateInput } from '../shared/formModel';
import type { FormMode, FormValues } from '../shared/protocol';

/** The validator's problems for the form's current values. */
export function validateForm(
  mode: FormMode,
  values: FormValues,
  original: FormValues,
  meetingId: string | undefined,
): FieldError[] {
  const ctx = { defaultTimeZone: values.timeZone || original.timeZone };
  const current = {
    start: { dateTime: `${original.start}:00`, timeZone: original.timeZone },
    end: { dateTime: `${original.end}:00`, timeZone: original.timeZone },
    isOnlineMeeting: original.teamsMeeting,
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
