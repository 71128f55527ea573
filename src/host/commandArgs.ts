// Tells apart the ways a command is invoked: from the palette (no argument), from a tree item (the node),
// or by another extension, task or keybinding (an arguments object, run without UI). Pure: no `vscode`.
export { InvalidArgumentsError, formatFieldErrors, isInvalidArgumentsError } from '../services/errors';

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

/** A meeting ID as typed or pasted: trimmed; empty or whitespace-containing input is refused. */
export function parseMeetingIdInput(text: string): string | undefined {
  const v = text.trim();
  if (!v || /\s/.test(v) || v.length > 512) return undefined;
  return v;
}
