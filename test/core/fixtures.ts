// Shared values of the Node-tier tests of validation and mapping: the validation context (the zone a time without
// an offset is in) and a one-hour meeting's wall times, the same zone and day as `sampleDraft` (test/fake/harness.ts).

/** The validation context: times without an offset are in Berlin. */
export const ctx = { defaultTimeZone: 'Europe/Berlin' };

/** A one-hour meeting's start and end, as the form and the commands give them. */
export const times = { start: '2030-01-07T10:00', end: '2030-01-07T11:00' };
