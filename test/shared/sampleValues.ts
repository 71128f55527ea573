// The form values most tests start from: a half-hour meeting in 2030 in Berlin, nothing else filled. One copy, so a
// new form field is added to the fixtures once (the compiler names this file when one is missing).
import type { FormValues } from '../../src/shared/protocol';

/** A half-hour meeting on 3 June 2030 in Berlin, with `over` on top. */
export function sampleValues(over: Partial<FormValues> = {}): FormValues {
  return {
    start: '2030-06-03T10:00',
    end: '2030-06-03T10:30',
    timeZone: 'Europe/Berlin',
    subject: '',
    attendees: [],
    isAllDay: false,
    optionalAttendees: [],
    resources: [],
    recurrence: '',
    location: '',
    teamsMeeting: false,
    content: '',
    ...over,
  };
}
