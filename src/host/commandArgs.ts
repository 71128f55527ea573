// Tells apart the ways a command is invoked: from the palette (no argument), from a tree item (the node),
// or by another extension, task or keybinding (an arguments object, run without UI). Pure: no `vscode`.
import type { FieldError } from '../core/types';

/** The brand carried by the tree's meeting nodes. */
export const meetingNodeType = 'outlookMeetings.meeting';

/** What a tree meeting node exposes to commands. */
export interface MeetingNodeRef {
  readonly nodeType: typeof meetingNodeType;
  readonly meetingId: string;
}

export type CommandArg =
  | { kind: 'none' }
  | { kind: 'node'; meetingId: string }
  | { kind: 'args'; args: Record<string, unknown> }
  | { kind: 'invalid' };

/** True for a tree meeting node (not for an arguments object). */
export function isMeetingNode(value: unknown): value is MeetingNodeRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<MeetingNodeRef>).nodeType === meetingNodeType &&
    typeof (value as Partial<MeetingNodeRef>).meetingId === 'string'
  );
}

/** Classifies a command's first argument. Arrays, class instances and primitives are `invalid`. */
export function classifyCommandArg(arg: unknown): CommandArg {
  if (arg === undefined || arg === null) return { kind: 'none' };
  if (isMeetingNode(arg)) return { kind: 'node', meetingId: arg.meetingId };
  if (typeof arg === 'object' && !Array.isArray(arg)) {
    const proto = Object.getPrototypeOf(arg) as unknown;
    if (proto === Object.prototype || proto === null)
      return { kind: 'args', args: arg as Record<string, unknown> };
  }
  return { kind: 'invalid' };
}

/** One line naming every bad field: `Invalid arguments: start: ...; attendees[1]: ...`. */
export function formatFieldErrors(
  errors: readonly FieldError[],
  describe: (e: FieldError) => string = (e) => e.message,
): string {
  return errors.map((e) => `${e.field}: ${describe(e)}`).join('; ');
}

/** A meeting ID as typed or pasted: trimmed; empty or whitespace-containing input is refused. */
export function parseMeetingIdInput(text: string): string | undefined {
  const v = text.trim();
  if (!v || /\s/.test(v) || v.length > 512) return undefined;
  return v;
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
