// Schedule, update and cancel. With an arguments object they run without any UI and resolve to a result;
// from the palette or the tree they open the form, a quick pick, or the cancel confirmation.
import * as vscode from 'vscode';
import type { Meeting } from '../../core/types';
import { MAX_COMMENT_LENGTH } from '../../core/validate';
import type { MeetingOperations } from '../../services/meetingOperations';
import { classifyCommandArg } from '../commandArgs';
import type { FormPanels } from '../formPanel';
import type { HostContext } from '../hostContext';
import { cancelScope, formatWhen } from '../treeModel';
import { graphDateTimeToEpochMs } from '../../core/datetime';
import { pickMeeting } from './pickMeeting';
import { ensureSignedIn, invalidArgument, runWithUi } from './run';
import { rejectMasked } from '../redact';
import { notify } from '../notifications';

export const commandIds = {
  schedule: 'outlookMeetings.scheduleMeeting',
  update: 'outlookMeetings.updateMeeting',
  cancel: 'outlookMeetings.cancelMeeting',
} as const;

/** The people a cancellation notifies (rooms and equipment are not told). */
function notifiedPeople(meeting: Meeting): string[] {
  return meeting.attendees.filter((a) => a.type !== 'resource').map((a) => a.name || a.address);
}

/** Names of attendees for the confirmation: up to five, then "and N more". */
function attendeeSummary(meeting: Meeting): string {
  const people = notifiedPeople(meeting);
  if (people.length === 0) return vscode.l10n.t('No attendees will be notified.');
  const shown = people.slice(0, 5).join(', ');
  return people.length > 5
    ? vscode.l10n.t(
        '{0} attendees will be notified: {1} and {2} more.',
        people.length,
        shown,
        people.length - 5,
      )
    : people.length === 1
      ? vscode.l10n.t('{0} will be notified.', shown)
      : vscode.l10n.t('{0} attendees will be notified: {1}.', people.length, shown);
}

/**
 * The interactive cancel: organizer check, comment box (only when someone is notified), modal confirmation naming who
 * is notified. The modal's default is the safe button: VS Code makes the first item the dialog's primary button, the
 * one focused and pressed by Enter, and adds its own "Cancel" for Escape and the close box ("MessageItem.isCloseAffordance":
 * "triggered when the user cancels the dialog (e.g. by pressing the ESC key)"; mainThreadMessageService's
 * _showModalMessage turns the items into the prompt's buttons in order). So "Keep Meeting" comes first, and the
 * cancellation is sent only by choosing its own button.
 */
async function cancelWithUi(actions: MeetingOperations, meetingId: string): Promise<void> {
  const meeting = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the meeting…') },
    () => actions.readForCancel(meetingId),
  );
  const subject = meeting.subject || vscode.l10n.t('(no subject)');
  if (meeting.isCancelled) {
    void notify.info(vscode.l10n.t('"{0}" is already cancelled.', subject));
    return;
  }
  const notified = notifiedPeople(meeting).length > 0;
  // The comment goes to the attendees with the cancellation: with nobody to tell there is nothing to ask.
  const comment = notified
    ? await vscode.window.showInputBox({
        title: vscode.l10n.t('Cancel "{0}"', subject),
        // VS Code adds "(Press 'Enter' to confirm or 'Escape' to cancel)" after the prompt: it names no keys itself.
        prompt: vscode.l10n.t('It goes with the cancellation to everyone invited.'),
        placeHolder: vscode.l10n.t('Message to the attendees (optional)'),
        ignoreFocusOut: true,
        validateInput: (text) =>
          text.length > MAX_COMMENT_LENGTH
            ? vscode.l10n.t('The message is too long: at most {0} characters.', MAX_COMMENT_LENGTH)
            : undefined,
      })
    : '';
  if (comment === undefined) return;
  const start = graphDateTimeToEpochMs(meeting.start);
  const end = graphDateTimeToEpochMs(meeting.end);
  const when =
    start !== undefined && end !== undefined
      ? formatWhen(start, end, vscode.env.language, actions.defaultTimeZone())
      : meeting.start.dateTime;
  const keep = vscode.l10n.t('Keep Meeting');
  const confirm = notified ? vscode.l10n.t('Send Cancellation') : vscode.l10n.t('Cancel Meeting');
  // Graph's rule: a series master's ID cancels the whole series, an occurrence's that occurrence only.
  const scope = cancelScope(meeting.type);
  const question =
    scope === 'series'
      ? vscode.l10n.t('Cancel the whole series "{0}" (from {1})?', subject, when)
      : scope === 'occurrence'
        ? vscode.l10n.t('Cancel the occurrence of "{0}" on {1}?', subject, when)
        : vscode.l10n.t('Cancel "{0}" ({1})?', subject, when);
  const scopeNote =
    scope === 'series'
      ? vscode.l10n.t('Every occurrence of the series is cancelled.')
      : scope === 'occurrence'
        ? vscode.l10n.t('Only this occurrence is cancelled; the rest of the series stays.')
        : undefined;
  const answer = await notify.warn(
    question,
    {
      modal: true,
      detail: scopeNote ? `${scopeNote} ${attendeeSummary(meeting)}` : attendeeSummary(meeting),
    },
    keep,
    confirm,
  );
  if (answer !== confirm) return;
  const input = comment.trim() ? { meetingId, comment } : { meetingId };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cancelling the meeting…') },
    () => actions.cancel(input, { checked: meeting }),
  );
  void notify.info(
    scope === 'occurrence'
      ? vscode.l10n.t('The occurrence of "{0}" on {1} was cancelled.', subject, when)
      : vscode.l10n.t('"{0}" was cancelled.', subject),
  );
}

/** Registers schedule, update and cancel. */
export function registerMeetingCommands(
  services: HostContext,
  actions: MeetingOperations,
  forms: Pick<FormPanels, 'openSchedule' | 'openUpdate'>,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      commandIds.schedule,
      async (arg: unknown): Promise<string | undefined> => {
        const kind = classifyCommandArg(arg);
        if (kind.kind === 'args') {
          const { args } = kind;
          return rejectMasked(async () => (await actions.schedule(actions.validateSchedule(args))).id);
        }
        if (kind.kind === 'invalid') throw invalidArgument(commandIds.schedule);
        await runWithUi(services, async () => {
          await ensureSignedIn(services);
          await forms.openSchedule();
        });
        return undefined;
      },
    ),

    vscode.commands.registerCommand(commandIds.update, async (arg: unknown): Promise<string | undefined> => {
      const kind = classifyCommandArg(arg);
      if (kind.kind === 'args') {
        const { args } = kind;
        return rejectMasked(async () => (await actions.update(args)).id);
      }
      if (kind.kind === 'invalid') throw invalidArgument(commandIds.update);
      await runWithUi(services, async () => {
        await ensureSignedIn(services);
        const id =
          kind.kind === 'node'
            ? kind.meetingId
            : await pickMeeting(services, vscode.l10n.t('Update Meeting'));
        if (id) await forms.openUpdate(id);
      });
      return undefined;
    }),

    vscode.commands.registerCommand(commandIds.cancel, async (arg: unknown): Promise<void> => {
      const kind = classifyCommandArg(arg);
      if (kind.kind === 'args') {
        const { args } = kind;
        return rejectMasked(() => actions.cancel(args));
      }
      if (kind.kind === 'invalid') throw invalidArgument(commandIds.cancel);
      await runWithUi(services, async () => {
        await ensureSignedIn(services);
        const id =
          kind.kind === 'node'
            ? kind.meetingId
            : await pickMeeting(services, vscode.l10n.t('Cancel Meeting'));
        if (id) await cancelWithUi(actions, id);
      });
    }),
  ];
}
