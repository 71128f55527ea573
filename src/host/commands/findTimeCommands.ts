// `outlookMeetings.findMeetingTimes` and `outlookMeetings.getAvailability`: argument-only commands (no UI, like the
// three actions with arguments). They resolve to the results, reject naming every bad field (nothing sent), and reject
// with `FeatureUnavailableError` when the account or tenant does not allow the feature (nothing shown).
import * as vscode from 'vscode';
import type { Availability, MeetingTimeSuggestion } from '../../core/findTime';
import type { FindTimeService } from '../../services/findTime';
import { classifyCommandArg } from '../commandArgs';
import { FeatureUnavailableError } from '../findTime';
import { rejectMasked } from '../redact';

export const findTimeCommandIds = {
  findMeetingTimes: 'outlookMeetings.findMeetingTimes',
  getAvailability: 'outlookMeetings.getAvailability',
} as const;

/** The error for a call without an arguments object. */
function argumentsRequired(command: string): Error {
  return new Error(`${command} expects an arguments object.`);
}

/** Registers the two commands over the window's service (created at the first call). */
export function registerFindTimeCommands(findTime: () => FindTimeService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      findTimeCommandIds.findMeetingTimes,
      (arg: unknown): Promise<MeetingTimeSuggestion[]> =>
        rejectMasked(async () => {
          const kind = classifyCommandArg(arg);
          if (kind.kind !== 'args') throw argumentsRequired(findTimeCommandIds.findMeetingTimes);
          const service = findTime();
          // Running the command is the user's action: a missing permission may be asked for.
          const result = await service.findMeetingTimes(service.validateFindMeetingTimes(kind.args), {
            interactive: true,
          });
          if (!result.ok) throw new FeatureUnavailableError(result.unavailable);
          return result.value;
        }),
    ),
    vscode.commands.registerCommand(
      findTimeCommandIds.getAvailability,
      (arg: unknown): Promise<Availability[]> =>
        rejectMasked(async () => {
          const kind = classifyCommandArg(arg);
          if (kind.kind !== 'args') throw argumentsRequired(findTimeCommandIds.getAvailability);
          const service = findTime();
          const result = await service.getAvailability(service.validateAvailability(kind.args), {
            interactive: true,
          });
          if (!result.ok) throw new FeatureUnavailableError(result.unavailable);
          return result.value;
        }),
    ),
  ];
}
