// Errors of the action flow that are not Graph's, and whether a failed create may have reached Graph.
// Pure: no runtime `vscode` import.
import { isMeetingsError } from '../graph/errors';
import type { FieldError } from '../core/types';

/**
 * Only the organizer may change or cancel a meeting: our own check, raised before anything is sent (Graph's own
 * refusal is a `MeetingsError` of kind `notOrganizer`, see `isNotOrganizerError` in src/graph/errors.ts).
 */
export class OrganizerOnlyError extends Error {
  override readonly name = 'OrganizerOnlyError';
  constructor(
    readonly meetingId: string,
    readonly organizer?: string,
  ) {
    super(
      `Only the organizer${organizer ? ` (${organizer})` : ''} can change or cancel this meeting; nothing was sent.`,
    );
  }
}

/** Guard for `OrganizerOnlyError`. */
export function isOrganizerOnlyError(e: unknown): e is OrganizerOnlyError {
  return e instanceof Error && e.name === 'OrganizerOnlyError';
}

/** Graph error kinds after which a write may still have been applied. */
const unknownOutcomeKinds: readonly string[] = [
  'network',
  'timeout',
  'server',
  'badResponse',
  'throttled',
  'cancelled',
];

/**
 * The one rule for whether a failed write may have reached Graph (so a create stays pending and a cancel's intent is
 * kept): a Graph error that says an attempt went unanswered or whose kind leaves the outcome open, or an unexpected
 * error; not the refusals raised here before anything is sent. Host errors (no account, settings) are raised before a
 * write is recorded, and a token failure inside the client is a Graph error (`notSignedIn`).
 */
export function mayHaveReachedGraph(e: unknown): boolean {
  if (isMeetingsError(e)) return e.mayHaveBeenApplied === true || unknownOutcomeKinds.includes(e.kind);
  return !isInvalidArgumentsError(e) && !isOrganizerOnlyError(e);
}

/** One line naming every bad field: `Invalid arguments: start: ...; attendees[1]: ...`. */
export function formatFieldErrors(
  errors: readonly FieldError[],
  describe: (e: FieldError) => string = (e) => e.message,
): string {
  return errors.map((e) => `${e.field}: ${describe(e)}`).join('; ');
}

/** Invalid command arguments or form values: nothing was sent. The message names every bad field. */
export class InvalidArgumentsError extends Error {
  override readonly name = 'InvalidArgumentsError';
  constructor(
    readonly errors: readonly FieldError[],
    summary = 'Invalid arguments',
  ) {
    super(`${summary}: ${formatFieldErrors(errors)}`);
  }
}

/** Guard that survives separately bundled copies of the class. */
export function isInvalidArgumentsError(e: unknown): e is InvalidArgumentsError {
  return (
    e instanceof Error &&
    e.name === 'InvalidArgumentsError' &&
    Array.isArray((e as InvalidArgumentsError).errors)
  );
}
