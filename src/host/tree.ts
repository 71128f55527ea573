// The "Meetings" tree: the account's stored meetings grouped Upcoming / Past / Cancelled, and Refresh.
import * as vscode from 'vscode';
import { refreshMeetings } from '../services/refresh';
import type { MeetingGroups, StoredMeeting } from '../store/meetingStore';
import type { MeetingNodeRef } from './commandArgs';
import { meetingNodeType } from './commandArgs';
import { describeError, showError } from './errors';
import type { HostContext } from './hostContext';
import type { AnswerNames, GroupId, MeetingState, ResponseWords, Slot } from './treeModel';
import {
  attendeeText,
  formatSlot,
  formatWhen,
  meetingContextValue,
  meetingState,
  responseSummary,
  rowAction,
  seriesText,
  seriesWhen,
  tooltipSelect,
  treeGroups,
} from './treeModel';
import type { RecurrenceStrings } from '../core/recurrenceStrings';
import { recurrenceStrings } from '../core/recurrenceStrings';
import type { Meeting } from '../core/types';
import { notify } from './notifications';
import { isSandboxEndpoint } from './sandbox';
import { readAuthSettings } from './settings';
import { configSection, settingKeys } from './settingsModel';

export const meetingsViewId = 'outlookMeetings.meetings';

/** A group node (Upcoming, Past, Cancelled). */
export class GroupNode {
  readonly nodeType = 'outlookMeetings.group';
  constructor(
    readonly group: GroupId,
    readonly meetings: readonly StoredMeeting[],
  ) {}
}

/** A meeting node; commands receive it as their argument. */
export class MeetingNode implements MeetingNodeRef {
  readonly nodeType = meetingNodeType;
  readonly meetingId: string;
  constructor(
    readonly meeting: StoredMeeting,
    readonly now: number,
  ) {
    this.meetingId = meeting.id;
  }
}

export type Node = GroupNode | MeetingNode;

/** The name of a meeting state, which is also the label of its group. */
function stateName(state: MeetingState): string {
  switch (state) {
    case 'upcoming':
      return vscode.l10n.t('Upcoming');
    case 'past':
      return vscode.l10n.t('Past');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    case 'deleted':
      return vscode.l10n.t('Deleted in Outlook');
  }
}

/** The row's words for the attendees' answers ("3 accepted, 1 declined, 2 no answer"). */
const responseWords: ResponseWords = {
  accepted: (n) => vscode.l10n.t('{0} accepted', n),
  tentative: (n) => vscode.l10n.t('{0} tentative', n),
  declined: (n) => vscode.l10n.t('{0} declined', n),
  noAnswer: (n) => vscode.l10n.t('{0} no answer', n),
};

let translatedRecurrence: RecurrenceStrings | undefined;
/** The words of a series' pattern, translated (they are part of the form's strings, so in the l10n bundle). */
function recurrenceWords(): RecurrenceStrings {
  if (!translatedRecurrence) {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(recurrenceStrings)) out[key] = vscode.l10n.t(value);
    translatedRecurrence = out as RecurrenceStrings;
  }
  return translatedRecurrence;
}

/** The most attendees the tooltip lists, one a line. */
const tooltipPeople = 15;

/** The zone times are shown in: the configured one (the extension host may run elsewhere, e.g. on a server in UTC). */
export function displayZone(services: HostContext): string | undefined {
  try {
    return services.settings().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Whether the extension talks to the sandbox's fake Graph (see `isSandboxEndpoint`); false when settings are refused.
 * Reads only the sign-in settings: this runs at activation, and the full settings' zone checks cost ICU's zone data.
 */
export function inSandbox(services: HostContext): boolean {
  try {
    return isSandboxEndpoint(readAuthSettings((m) => services.log.warn(m)).endpoint);
  } catch {
    return false;
  }
}

/** Context key for the sandbox's welcome views: set from the endpoint, which the sandbox points at its fake Graph. */
export const sandboxContextKey = 'outlookMeetings.sandbox';

/** The tree of stored meetings for the signed-in account. */
export class MeetingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private groups: { accountId: string; now: number; zone?: string; groups: MeetingGroups } | undefined;

  constructor(private readonly services: HostContext) {
    this.disposables.push(
      services.store.onDidChange(() => this.update()),
      services.auth.onDidChangeAccount(() => this.update()),
    );
  }

  /** Redraws the tree from the store. */
  update(): void {
    this.groups = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node instanceof MeetingNode) return [];
    if (node instanceof GroupNode)
      return node.meetings.map((m) => new MeetingNode(m, this.groups?.now ?? Date.now()));
    const account = this.services.auth.account;
    if (!account) return [];
    if (!this.groups || this.groups.accountId !== account.id) {
      const now = Date.now();
      this.groups = {
        accountId: account.id,
        now,
        zone: displayZone(this.services),
        groups: this.services.store.groups(account.id, now),
      };
    }
    return treeGroups(this.groups.groups).map(([g, meetings]) => new GroupNode(g, meetings));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node instanceof GroupNode) {
      const item = new vscode.TreeItem(
        stateName(node.group),
        node.group === 'upcoming'
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `group:${node.group}`;
      item.description = String(node.meetings.length);
      item.contextValue = `group.${node.group}`;
      return item;
    }
    const m = node.meeting;
    const subject = m.subject.trim() || vscode.l10n.t('(no subject)');
    const item = new vscode.TreeItem(subject, vscode.TreeItemCollapsibleState.None);
    item.id = `meeting:${m.id}`;
    // A series shows its pattern and time of day ("weekly, Mon and Wed, 10:00 – 10:30 AM"), and its first day while
    // that is ahead; a single meeting its date and time. Short, so the answers after it fit more often.
    const pattern = seriesText(m, vscode.env.language, recurrenceWords());
    let when: string;
    if (pattern) {
      const { time, firstDay } = seriesWhen(m, node.now, vscode.env.language, this.groups?.zone);
      when = firstDay
        ? vscode.l10n.t('{0}, {1}, from {2}', pattern, time, firstDay)
        : vscode.l10n.t('{0}, {1}', pattern, time);
    } else when = formatWhen(m.start, m.end, vscode.env.language, this.groups?.zone);
    // How the attendees answered, after the time (the stored counts; refresh brings them up to date).
    const answered = m.status === 'active' ? responseSummary(m.responses, responseWords) : undefined;
    item.description = answered ? `${when} · ${answered}` : when;
    const state = meetingState(m, node.now);
    item.iconPath = new vscode.ThemeIcon(
      state === 'deleted'
        ? 'trash'
        : state === 'cancelled'
          ? 'circle-slash'
          : m.online
            ? 'device-camera-video'
            : 'calendar',
    );
    item.contextValue = meetingContextValue(m, node.now);
    // The tooltip is left to resolveTreeItem, which adds location and attendees read from Graph on hover.
    item.accessibilityInformation = {
      label: [subject, when, answered, stateName(state)].filter(Boolean).join(', '),
    };
    // Every row opens the meeting in the form: to edit, or its details read-only (the form says why).
    item.command = {
      command: 'outlookMeetings.updateMeeting',
      title:
        rowAction(m, node.now) === 'edit'
          ? vscode.l10n.t('Update Meeting')
          : vscode.l10n.t('Show Meeting Details'),
      arguments: [node],
    };
    return item;
  }

  /**
   * The tooltip, on hover ("TreeDataProvider.resolveTreeItem": called on hover to fill properties left undefined):
   * the stored facts, and the location and attendees read from Graph (kept out of the store). If the read fails, the
   * stored facts alone.
   */
  async resolveTreeItem(
    item: vscode.TreeItem,
    node: Node,
    token: vscode.CancellationToken,
  ): Promise<vscode.TreeItem> {
    if (!(node instanceof MeetingNode)) return item;
    let details: Meeting | undefined;
    if (meetingState(node.meeting, node.now) !== 'deleted') {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        details = await (
          await this.services.graph()
        ).get(node.meetingId, {
          signal: abort.signal,
          select: tooltipSelect,
        });
      } catch (e) {
        this.services.log.warn(`Tooltip details not read: ${describeError(e).message}`);
      } finally {
        listener.dispose();
      }
    }
    const lines = this.tooltipLines(node, details);
    // A plain string tooltip: whatever the subject, location or names hold, they are shown as text.
    item.tooltip = lines.filter((l): l is string => l !== undefined).join('\n');
    return item;
  }

  /** The tooltip's lines (undefined: left out). */
  private tooltipLines(node: MeetingNode, details: Meeting | undefined): (string | undefined)[] {
    const m = node.meeting;
    const state = meetingState(m, node.now);
    const answers: AnswerNames = {
      organizer: vscode.l10n.t('organizer'),
      tentativelyAccepted: vscode.l10n.t('tentative'),
      accepted: vscode.l10n.t('accepted'),
      declined: vscode.l10n.t('declined'),
      notResponded: vscode.l10n.t('no answer'),
    };
    const zone = this.groups?.zone;
    const proposal = (slot: Slot): string =>
      vscode.l10n.t('proposes {0}', formatSlot(slot, vscode.env.language, zone));
    // One person a line: their answer and any new time they proposed ("attendee resource type": `status`,
    // `proposedNewTime`).
    const people = details?.attendees.map((a) => `  ${attendeeText(a, answers, proposal)}`) ?? [];
    const pattern = seriesText(m, vscode.env.language, recurrenceWords());
    return [
      m.subject.trim() || vscode.l10n.t('(no subject)'),
      formatWhen(m.start, m.end, vscode.env.language, zone),
      pattern ? vscode.l10n.t('Repeats {0}', pattern) : undefined,
      vscode.l10n.t('Time zone: {0}', m.timeZone),
      details?.location ? vscode.l10n.t('Location: {0}', details.location) : undefined,
      ...(people.length > 0
        ? [
            vscode.l10n.t('Attendees ({0}):', people.length),
            ...people.slice(0, tooltipPeople),
            people.length > tooltipPeople
              ? `  ${vscode.l10n.t('and {0} more', people.length - tooltipPeople)}`
              : undefined,
          ]
        : []),
      stateName(state),
      m.online ? vscode.l10n.t('Teams meeting') : undefined,
      m.organizer ? vscode.l10n.t('You are the organizer') : undefined,
    ];
  }

  /** Re-reads every stored meeting from Graph and records what changed (rules: `refreshMeetings`). */
  async refresh(): Promise<void> {
    const { services } = this;
    const result = await vscode.window.withProgress(
      { location: { viewId: meetingsViewId }, title: vscode.l10n.t('Refreshing meetings…') },
      () => refreshMeetings(services),
    );
    const first = result.failed[0];
    if (first) {
      void notify.warn(
        vscode.l10n.t(
          '{0} of {1} meetings could not be refreshed: {2} See the log for details.',
          result.failed.length,
          result.checked,
          describeError(first.error).message,
        ),
      );
    }
  }

  /** Refresh with errors shown as notifications. */
  async refreshAndReport(): Promise<void> {
    try {
      await this.refresh();
    } catch (e) {
      void showError(e, this.services.log, { retry: () => this.refreshAndReport() });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Registers the tree view. */
export function registerTree(services: HostContext): {
  tree: MeetingsTree;
  disposables: vscode.Disposable[];
} {
  const tree = new MeetingsTree(services);
  const view = vscode.window.createTreeView(meetingsViewId, {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const setSandbox = (): void =>
    void vscode.commands.executeCommand('setContext', sandboxContextKey, inSandbox(services));
  setSandbox();
  const watch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${configSection}.${settingKeys.endpoint}`)) setSandbox();
  });
  return { tree, disposables: [tree, view, watch] };
}
