// The words of `describeRecurrence` (recurrence.ts), apart so the form's strings table can include them without
// the recurrence rules.

/**
 * English templates of `describeRecurrence` (`{n}` a count, `{days}` a list of weekday names, `{day}` a day of the
 * month, `{date}` a date, `{index}` a `recurIndex*` word, `{month}` a month name, `{pattern}` the pattern's words).
 * The form gets them translated with its strings (shared/formStrings.ts); the host translates them with `l10n.t`.
 */
export const recurrenceStrings = {
  recurDaily: 'daily',
  recurEveryNDays: 'every {n} days',
  recurWeekly: 'weekly, {days}',
  recurEveryNWeeks: 'every {n} weeks on {days}',
  recurEveryWeekday: 'every weekday',
  recurMonthlyOnDay: 'monthly on day {day}',
  recurEveryNMonthsOnDay: 'every {n} months on day {day}',
  recurMonthlyOnThe: 'monthly on the {index} {days}',
  recurEveryNMonthsOnThe: 'every {n} months on the {index} {days}',
  recurYearlyOn: 'yearly on {date}',
  recurEveryNYearsOn: 'every {n} years on {date}',
  recurYearlyOnThe: 'yearly on the {index} {days} of {month}',
  recurEveryNYearsOnThe: 'every {n} years on the {index} {days} of {month}',
  recurUntil: '{pattern} until {date}',
  recurTimes: '{pattern}, {count} times',
  recurIndexFirst: 'first',
  recurIndexSecond: 'second',
  recurIndexThird: 'third',
  recurIndexFourth: 'fourth',
  recurIndexLast: 'last',
} as const;
/** The templates `describeRecurrence` uses, translated or not. */
export type RecurrenceStrings = { readonly [K in keyof typeof recurrenceStrings]: string };
