// The quick pick of the account's stored meetings (upcoming first) plus "Enter a meeting ID…".
import * as vscode from 'vscode';
import type { HostContext } from '../hostContext';
import { parseMeetingIdInput } from '../commandArgs';
import { displayZone } from '../tree';
import { formatWhen, pickOrder } from '../treeModel';

interface Item extends vscode.QuickPickItem {
  meetingId?: string;
}

/** Lets the user pick one of their meetings or paste an ID; undefined when dismissed. */
export async function pickMeeting(services: HostContext, title: string): Promise<string | undefined> {
  const account = await services.account();
  const meetings = pickOrder(services.store.groups(account.id));
  const zone = displayZone(services);
  const enterId: Item = {
    label: `$(edit) ${vscode.l10n.t('Enter a meeting ID…')}`,
    alwaysShow: true,
  };
  const items: Item[] = [
    ...meetings.map((m) => ({
      label: m.subject.trim() || vscode.l10n.t('(no subject)'),
      description: formatWhen(m.start, m.end, vscode.env.language, zone),
      iconPath: new vscode.ThemeIcon(m.online ? 'device-camera-video' : 'calendar'),
      meetingId: m.id,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    enterId,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Choose a meeting you scheduled with this extension, or enter its ID'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.meetingId) return picked.meetingId;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The meeting ID (from "Copy Meeting ID" or Microsoft Graph)'),
    ignoreFocusOut: true,
    validateInput: (text) =>
      parseMeetingIdInput(text) ? undefined : vscode.l10n.t('Enter a meeting ID without spaces.'),
  });
  return typed === undefined ? undefined : parseMeetingIdInput(typed);
}
