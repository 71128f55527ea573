// English templates for validation problems. The host translates them (`l10n.t`) and the form shows them.
import type { FieldError, ValidationCode } from './types';

/**
 * One English template per validation code. Placeholders: `{field}` (the input's name), `{value}` (what was
 * given), `{max}`, `{count}`, `{excess}`, `{length}`, `{expected}`, `{actual}`, `{zone}`, `{gapStart}`,
 * `{gapEnd}`, `{start}`, `{end}`, `{known}`, `{list}`.
 */
export const validationMessages: Record<ValidationCode, string> = {
  required: 'Enter a value for "{field}": it is required.',
  invalidDateTime:
    'Enter a date and time like 2026-03-29T14:30 (or with an offset, like 2026-03-29T14:30+02:00): "{value}" is not one.',
  endBeforeStart:
    'The end ({end}) must be after the start ({start}). Choose a later end or an earlier start.',
  unknownTimeZone:
    '"{value}" is not a time zone this extension knows. Use an IANA name like Europe/Berlin or a Windows name like W. Europe Standard Time.',
  unsupportedTimeZone:
    'Outlook has no time zone matching "{value}". Choose a zone with the same clock times, such as a nearby city.',
  dateOutOfRange:
    '"{value}" falls outside the years 1 to 9999 in {zone}. Choose a date within them.',
  invalidEmail: 'Enter an email address like name@example.com: "{value}" is not one.',
  allDayNotMidnight:
    '"{field}" of an all-day meeting must be a date (midnight), like 2030-06-03, not {value}; the end is the day after the last day.',
  attendeeInTwoLists:
    '"{value}" is already listed in "{list}". List each address once: in one of attendees, optional attendees or rooms and equipment.',
  tooManyAttendees: 'A meeting can have at most {max} attendees, and this one has {count}. Remove {excess}.',
  tooLong: '"{field}" is too long: {length} characters where at most {max} are allowed. Shorten it.',
  wrongType: '"{field}" must be {expected}, not {actual}.',
  nonexistentLocalTime:
    '{value} does not exist in {zone}: the clocks skip from {gapStart} to {gapEnd} that day. Choose {gapEnd} or later, or a time before {gapStart}.',
  teamsCannotBeTurnedOff:
    'This meeting already has a Teams link, and Outlook cannot remove it. Leave "Teams meeting" on, or cancel the meeting and schedule a new one without Teams.',
  teamsUnavailable:
    'Teams meetings are not available for this account (personal Microsoft accounts cannot add them). Turn "Teams meeting" off.',
  unknownField: '"{field}" is not an input of this action. Remove it; the inputs are: {known}.',
  invalidDate: '"{field}" must be a date like 2026-03-29: "{value}" is not one.',
  recurrenceStartDate:
    '"{field}" must be the date the meeting starts ({expected}), not {value}. Leave it out to use the start date.',
  recurrenceEndBeforeStart:
    'The series cannot end ({value}) before it starts ({start}). Choose a later "{field}".',
  recurrenceOfOccurrence:
    'This is one occurrence of a series, and an occurrence has no recurrence of its own. Change the recurrence with the series\' meeting ID.',
  invalidMeetingId:
    'The meeting ID "{value}" cannot be right: it contains spaces or control characters, or is only dots. Copy the ID again from the meeting.',
  windowTooLong:
    'The start and end are {days} days apart; Outlook looks at most {max} days ahead. Choose a shorter window.',
  durationExceedsWindow:
    'A meeting of {value} minutes does not fit between the start and the end. Choose a shorter meeting or a longer window.',
};

/** Fills `{name}` placeholders from `params`; a placeholder without a value is left as it is. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A field error with its English message formatted. */
export function fieldError(
  field: string,
  code: ValidationCode,
  params?: Record<string, string | number>,
): FieldError {
  const all = { field, ...params };
  return { field, code, params: all, message: formatMessage(validationMessages[code], all) };
}
