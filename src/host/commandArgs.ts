// Tells apart the ways a command is invoked: from the palette (no argument), from a tree item (the node),
// or by another extension, task or keybinding (an arguments object, run without UI). Pure: no `vscode`.
import { MAX_MEETING_ID_LENGTH, isMeetingId, meetingIdProblem } from '../core/meetingId';
import { fieldError } from '../core/messages';
import { InvalidArgumentsError } from '../services/errors';

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
    isMeetingId((value as Partial<MeetingNodeRef>).meetingId)
  );
}

/** Classifies a command's first argument. Arrays, class instances, primitives and nodes with a bad ID are `invalid`. */
export function classifyCommandArg(arg: unknown): CommandArg {
  if (arg === undefined || arg === null) return { kind: 'none' };
  if (isMeetingNode(arg)) return { kind: 'node', meetingId: arg.meetingId };
  if ((arg as Partial<MeetingNodeRef>).nodeType === meetingNodeType) return { kind: 'invalid' };
  if (typeof arg === 'object' && !Array.isArray(arg)) {
    const proto = Object.getPrototypeOf(arg) as unknown;
    if (proto === Object.prototype || proto === null)
      return { kind: 'args', args: arg as Record<string, unknown> };
  }
  return { kind: 'invalid' };
}

/** A meeting ID as typed or pasted: trimmed, then held to the core's meeting-ID rule. */
export function parseMeetingIdInput(text: string): string | undefined {
  const v = text.trim();
  return isMeetingId(v) ? v : undefined;
}

/**
 * The `meetingId` of a command's arguments object, held to the core's meeting-ID rule (as update and cancel are); throws
 * `InvalidArgumentsError` naming `meetingId` otherwise (nothing is sent, nothing reaches the clipboard).
 */
export function meetingIdArgument(command: string, args: Record<string, unknown>): string {
  const value = args.meetingId;
  if (typeof value !== 'string')
    throw new InvalidArgumentsError(
      [
        value === undefined
          ? fieldError('meetingId', 'required')
          : fieldError('meetingId', 'wrongType', { expected: 'a string', actual: typeof value }),
      ],
      `${command}: invalid arguments`,
    );
  const problem = meetingIdProblem(value);
  if (problem === undefined) return value;
  const params: Record<string, string | number> =
    problem === 'tooLong'
      ? { length: value.length, max: MAX_MEETING_ID_LENGTH }
      : { value: JSON.stringify(value).slice(0, 80) };
  throw new InvalidArgumentsError([fieldError('meetingId', problem, params)], `${command}: invalid arguments`);
}
