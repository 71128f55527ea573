// The one rule for a meeting ID, wherever one comes in: command arguments, tree nodes, typed IDs, form messages,
// stored records and the Graph client's request path. Tiny and dependency-free so the activation bundle can use it.

/** Meeting ID length limit: Graph ids are about 150 characters; this leaves room and stops garbage. */
export const MAX_MEETING_ID_LENGTH = 512;

/** Whitespace, controls, zero-width and line/paragraph separators: never part of a Graph ID. */
// eslint-disable-next-line no-control-regex
const whitespaceOrControl = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;

/** Why a string is not a meeting ID, or undefined when it is one. */
export function meetingIdProblem(value: string): 'required' | 'tooLong' | 'invalidMeetingId' | undefined {
  if (value === '') return 'required';
  if (value.length > MAX_MEETING_ID_LENGTH) return 'tooLong';
  if (whitespaceOrControl.test(value)) return 'invalidMeetingId';
  // `.` and `..` are path segments: `/me/events/..` would resolve to `/me` (WHATWG URL path resolution).
  if (/^\.+$/.test(value)) return 'invalidMeetingId';
  return undefined;
}

/** Whether `value` is a meeting ID the extension accepts. */
export function isMeetingId(value: unknown): value is string {
  return typeof value === 'string' && meetingIdProblem(value) === undefined;
}
