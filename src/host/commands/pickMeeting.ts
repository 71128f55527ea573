// The quick pick of the account's stored meetings (upcoming first) plus "Enter a meeting ID…", and the pick of one of
// a series' next occurrences.
import * as vscode from 'vscode';
import { graphDateTimeToEpochMs } from '../../core/datetime';
import type { MeetingOperations } from '../../services/meetingOperations';
import type { HostContext } from '../hostContext';
import { parseMeetingIdInput } from '../commandArgs';
import { notify } from '../notifications';
import { displayZone } from '../tree';
import { formatOccurrence, formatWhen, occurrenceWindow, pickOrder } from '../treeModel';

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

/** The most occurrences offered at once (the next ones). */
const maxOccurrences = 100;

/**
 * Lets the user pick one of the next occurrences of the series `seriesMasterId` (read from Graph: `GET
 * /me/events/{id}/instances` over a year from now, or from its stored first start when later), shown with weekday, date and time in the user's zone. Undefined
 * when dismissed, or when the series has no occurrence left (the user is told).
 */
export async function pickOccurrence(
  services: HostContext,
  actions: MeetingOperations,
  seriesMasterId: string,
  title: string,
): Promise<string | undefined> {
  const account = await services.account();
  const first = services.store.get(account.id, seriesMasterId)?.start;
  const occurrences = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the occurrences…') },
    () => actions.occurrences(seriesMasterId, occurrenceWindow(Date.now(), first)),
  );
  const upcoming = occurrences.filter((o) => !o.isCancelled).slice(0, maxOccurrences);
  if (upcoming.length === 0) {
    void notify.info(vscode.l10n.t('This series has no occurrences in the next year.'));
    return undefined;
  }
  const zone = displayZone(services);
  const items: Item[] = upcoming.map((o) => {
    const start = graphDateTimeToEpochMs(o.start);
    const end = graphDateTimeToEpochMs(o.end);
    return {
      label:
        start === undefined
          ? o.start.dateTime
          : formatOccurrence(start, end ?? start, vscode.env.language, zone),
      // An exception: this occurrence was changed on its own (Graph's type `exception`).
      description: o.type === 'exception' ? vscode.l10n.t('changed') : undefined,
      meetingId: o.id,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Choose the occurrence'),
    matchOnDescription: true,
  });
  return picked?.meetingId;
}
