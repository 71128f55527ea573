// Per-meeting commands (open in Outlook, join, copy ID) and refresh. They take a tree item, or
// `{ meetingId }` from other code; with an arguments object they show no UI and reject on failure.
import * as vscode from 'vscode';
import type { MeetingOperations } from '../../services/meetingOperations';
import { classifyCommandArg, meetingIdArgument } from '../commandArgs';
import type { HostContext } from '../hostContext';
import type { MeetingsTree } from '../tree';
import { inSandbox } from '../tree';
import { pickMeeting } from './pickMeeting';
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

/** Registers open in Outlook, join, copy ID and refresh. */
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
    vscode.commands.registerCommand('outlookMeetings.refresh', () => tree.refreshAndReport()),
  ];
}
