// Per-meeting commands (open in Outlook, join, copy ID), a series' occurrence commands, and refresh. They take a tree
// item, or `{ meetingId }` from other code; with an arguments object they show no UI and reject on failure.
import * as vscode from 'vscode';
import type { MeetingOperations } from '../../services/meetingOperations';
import type { MeetingNodeRef } from '../commandArgs';
import { classifyCommandArg, meetingIdArgument, meetingNodeType } from '../commandArgs';
import type { HostContext } from '../hostContext';
import type { MeetingsTree } from '../tree';
import { inSandbox } from '../tree';
import { pickMeeting, pickOccurrence } from './pickMeeting';
import { invalidArgument, runWithUi } from './run';
import { rejectMasked } from '../redact';
import type { LinkKind } from '../../services/linkHosts';
import { allowedLink } from '../../services/linkHosts';
import { notify } from '../notifications';

/** A meeting link as a `Uri` when its host is allowed for its kind (see `allowedLink`); otherwise undefined. */
export function allowedLinkUri(kind: LinkKind, link: string | undefined): vscode.Uri | undefined {
  const href = allowedLink(kind, link);
  return href === undefined ? undefined : vscode.Uri.parse(href, true);
}

type Resolved = { ui: boolean; meetingId: string | undefined };

async function resolveTarget(
  services: HostContext,
  command: string,
  arg: unknown,
  title: string,
): Promise<Resolved> {
  const kind = classifyCommandArg(arg);
  switch (kind.kind) {
    case 'node':
      return { ui: true, meetingId: kind.meetingId };
    case 'args':
      return { ui: false, meetingId: meetingIdArgument(command, kind.args) };
    case 'none':
      return { ui: true, meetingId: await pickMeeting(services, title) };
    case 'invalid':
      throw invalidArgument(command);
  }
}

/** A meeting as a tree item refers to it, so a command given it opens its UI (form, confirmation). */
const nodeRef = (meetingId: string): MeetingNodeRef => ({ nodeType: meetingNodeType, meetingId });

/** Registers open in Outlook, join, copy ID, the occurrence commands and refresh. */
export function registerItemCommands(
  services: HostContext,
  actions: MeetingOperations,
  tree: MeetingsTree,
): vscode.Disposable[] {
  const perMeeting = (
    command: string,
    title: () => string,
    run: (meetingId: string, ui: boolean) => Promise<unknown>,
  ): vscode.Disposable =>
    vscode.commands.registerCommand(command, async (arg: unknown) => {
      if (classifyCommandArg(arg).kind === 'args') {
        return rejectMasked(async () => {
          const { meetingId } = await resolveTarget(services, command, arg, title());
          return meetingId ? run(meetingId, false) : undefined;
        });
      }
      return runWithUi(services, async () => {
        const { meetingId } = await resolveTarget(services, command, arg, title());
        return meetingId ? run(meetingId, true) : undefined;
      });
    });

  const openLink = async (meetingId: string, ui: boolean, which: LinkKind): Promise<boolean> => {
    /** Opens nothing: the message rejects an arguments-object call, or is shown to the user. */
    const refuse = (message: string): false => {
      if (!ui) throw new Error(message);
      void notify.info(message);
      return false;
    };
    const meeting = await actions.get(meetingId);
    const uri = allowedLinkUri(which, meeting[which]);
    if (!uri) {
      return refuse(
        which === 'joinUrl'
          ? vscode.l10n.t('This meeting has no Teams link to join.')
          : vscode.l10n.t('Outlook gave no web link for this meeting.'),
      );
    }
    // Sandbox meetings live only in the local fake Graph: no link to the real Outlook or Teams (README: nothing
    // leaves your machine).
    if (inSandbox(services)) {
      return refuse(
        which === 'joinUrl'
          ? vscode.l10n.t('This is the sandbox: its meetings have no real Teams meeting to join.')
          : vscode.l10n.t(
              'This is the sandbox: its meetings are kept by a fake Graph server on this machine, not in Outlook, so there is nothing to open there.',
            ),
      );
    }
    return vscode.env.openExternal(uri);
  };

  return [
    perMeeting(
      'outlookMeetings.openInOutlook',
      () => vscode.l10n.t('Open in Outlook'),
      (id, ui) => openLink(id, ui, 'webLink'),
    ),
    perMeeting(
      'outlookMeetings.joinMeeting',
      () => vscode.l10n.t('Join Teams Meeting'),
      (id, ui) => openLink(id, ui, 'joinUrl'),
    ),
    perMeeting(
      'outlookMeetings.copyMeetingId',
      () => vscode.l10n.t('Copy Meeting ID'),
      async (id, ui) => {
        await vscode.env.clipboard.writeText(id);
        if (ui) vscode.window.setStatusBarMessage(vscode.l10n.t('Meeting ID copied.'), 3000);
        return id;
      },
    ),
    ...(['updateOccurrence', 'cancelOccurrence'] as const).map((which) => {
      const command = `outlookMeetings.${which}`;
      // A series' context menu: pick one of its next occurrences, then open that occurrence alone in the form or the
      // cancel confirmation (Graph's rule: an occurrence's ID changes or cancels that occurrence only). Callers with
      // arguments pass the occurrence's ID to updateMeeting / cancelMeeting instead.
      return vscode.commands.registerCommand(command, (arg: unknown) => {
        if (classifyCommandArg(arg).kind === 'args') {
          return Promise.reject(
            new Error(
              `${command} takes a series from the Meetings view. With arguments, pass an occurrence's ID to outlookMeetings.updateMeeting or outlookMeetings.cancelMeeting.`,
            ),
          );
        }
        return runWithUi(services, async () => {
          const title =
            which === 'updateOccurrence'
              ? vscode.l10n.t('Update This Occurrence')
              : vscode.l10n.t('Cancel This Occurrence');
          const { meetingId: seriesId } = await resolveTarget(services, command, arg, title);
          if (!seriesId) return;
          const occurrenceId = await pickOccurrence(services, actions, seriesId, title);
          if (!occurrenceId) return;
          await vscode.commands.executeCommand(
            which === 'updateOccurrence' ? 'outlookMeetings.updateMeeting' : 'outlookMeetings.cancelMeeting',
            nodeRef(occurrenceId),
          );
        });
      });
    }),
    vscode.commands.registerCommand('outlookMeetings.refresh', () => tree.refreshAndReport()),
  ];
}
