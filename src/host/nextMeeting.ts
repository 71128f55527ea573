// The next meeting from the user's whole calendar: a status bar item ("$(calendar) Stand-up in 12 min"), its click
// (Join, Open in Outlook, the rest of the day's meetings), and a reminder N minutes before a meeting starts.
// The rules (what is next, the text, when to remind, when to poll) are pure, in nextMeetingModel.ts. Nothing here
// runs at activation beyond creating the (hidden) item: Graph is first asked when an account is found, and then at most
// every 5 minutes while a window is focused (vscode.d.ts: `window.state.focused`, `window.onDidChangeWindowState`).
import * as vscode from 'vscode';
import type { CalendarEntry } from '../graph/calendarView';
import { meetingNodeType } from './commandArgs';
import type { HostContext } from './hostContext';
import type { StartsWhen } from './nextMeetingModel';
import {
  dueReminders,
  escapeIcons,
  lookaheadWindow,
  msUntilNextChange,
  nextMeeting,
  pollPlan,
  restOfDay,
  statusText,
} from './nextMeetingModel';
import { notify } from './notifications';
import type { NextMeetingSettings } from './settingsModel';
import { configSection, nextMeetingSettings, settingKeys } from './settingsModel';
import { formatWhen } from './treeModel';

/** The status bar item's click; with an arguments object (`{}`) it shows nothing and resolves to what the item shows. */
export const showNextMeetingCommand = 'outlookMeetings.showNextMeeting';

/** What the status bar item shows, as `showNextMeeting` with an arguments object answers it. */
export interface NextMeetingState {
  /** The item's text; undefined while it is hidden. */
  text?: string;
  meetingId?: string;
  /** ISO 8601 (UTC) start of the meeting shown. */
  start?: string;
}

function readSettings(log: (m: string) => void): NextMeetingSettings {
  const config = vscode.workspace.getConfiguration(configSection);
  const s = nextMeetingSettings((key) => config.inspect(key));
  for (const key of s.workspaceIgnored)
    log(`Ignoring the workspace value of ${configSection}.${key}: only user settings apply.`);
  return s;
}

/** The status bar item and the reminders over the calendar view. */
class NextMeeting implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'outlookMeetings.nextMeeting',
    vscode.StatusBarAlignment.Left,
    -100,
  );
  private entries: CalendarEntry[] = [];
  private lastPoll: number | undefined;
  private polling = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private readonly reminded = new Set<string>();
  private state: NextMeetingState = {};
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: HostContext) {
    this.item.name = vscode.l10n.t('Next Outlook Meeting');
    this.item.command = showNextMeetingCommand;
    this.disposables.push(
      this.item,
      host.auth.onDidChangeAccount(() => this.restart()),
      vscode.window.onDidChangeWindowState(() => this.plan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${configSection}.nextMeeting`)) {
          this.plan();
          this.render();
        } else if (
          e.affectsConfiguration(`${configSection}.${settingKeys.endpoint}`) ||
          e.affectsConfiguration(`${configSection}.${settingKeys.timeZone}`)
        ) {
          this.restart();
        }
      }),
    );
  }

  /** What the item shows now. */
  current(): NextMeetingState {
    return { ...this.state };
  }

  /** A new account or endpoint: the entries read so far belong to the old one. */
  private restart(): void {
    this.entries = [];
    this.lastPoll = undefined;
    this.render();
    this.plan();
  }

  private settings(): NextMeetingSettings {
    return readSettings((m) => this.host.log.warn(m));
  }

  /** Asks Graph now when the rules allow, and sets the timer of the next check. */
  private plan(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    const s = this.settings();
    const decision = pollPlan({
      now: Date.now(),
      lastPoll: this.lastPoll,
      signedIn: this.host.auth.account !== undefined,
      focused: vscode.window.state.focused,
      enabled: s.showInStatusBar || s.reminderMinutes > 0,
    });
    if (decision.pollNow) void this.poll();
    if (decision.waitMs !== undefined) this.pollTimer = setTimeout(() => this.plan(), decision.waitMs);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    this.lastPoll = Date.now();
    const account = this.host.auth.account?.id;
    try {
      const api = await this.host.graph();
      const entries = await api.calendarView(lookaheadWindow(Date.now()));
      // Signed out or switched while the answer was on its way: it is not this account's.
      if (this.host.auth.account?.id === account) this.entries = entries;
    } catch (e) {
      this.host.log.warn(
        `Next meeting: the calendar could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      this.polling = false;
      this.render();
    }
  }

  private whenText(when: StartsWhen): string {
    switch (when.kind) {
      case 'now':
        return vscode.l10n.t('now');
      case 'minutes':
        return vscode.l10n.t('in {0} min', when.minutes);
      case 'at':
        return vscode.l10n.t('at {0}', this.clock(when.start));
    }
  }

  private zone(): string | undefined {
    try {
      return this.host.settings().timeZone;
    } catch {
      return undefined;
    }
  }

  private clock(epochMs: number): string {
    return new Intl.DateTimeFormat(vscode.env.language, {
      hour: 'numeric',
      minute: '2-digit',
      ...(this.zone() ? { timeZone: this.zone() } : {}),
    }).format(epochMs);
  }

  /** Updates the item and shows the reminders due; sets the timer of the next change (local, no Graph). */
  private render(): void {
    clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    const now = Date.now();
    const s = this.settings();
    const signedIn = this.host.auth.account !== undefined;
    const entries = signedIn ? this.entries : [];
    const shown = nextMeeting(entries, now);
    if (s.showInStatusBar && shown) {
      const { subject, when } = statusText(shown, now);
      const name = subject || vscode.l10n.t('(no subject)');
      const label = vscode.l10n.t('{0} {1}', name, this.whenText(when));
      const text = `$(calendar) ${escapeIcons(label)}`;
      if (text !== this.state.text) {
        this.host.log.info(`Next meeting: the status bar shows "${label}" (${shown.id}).`);
      }
      this.item.text = text;
      this.item.tooltip = [
        shown.subject || vscode.l10n.t('(no subject)'),
        formatWhen(shown.start, shown.end, vscode.env.language, this.zone()),
        ...(shown.location ? [shown.location] : []),
        vscode.l10n.t('Click for Join, Open in Outlook and the rest of the day.'),
      ].join('\n');
      this.item.accessibilityInformation = { label: vscode.l10n.t('Next meeting: {0}', label) };
      this.item.show();
      this.state = { text, meetingId: shown.id, start: new Date(shown.start).toISOString() };
    } else {
      this.item.hide();
      this.state = {};
    }
    for (const due of dueReminders(entries, now, s.reminderMinutes, this.reminded)) {
      this.reminded.add(due.key);
      void this.remind(due.entry, now);
    }
    const wait = msUntilNextChange(entries, now, s.reminderMinutes);
    if (wait !== undefined) this.tickTimer = setTimeout(() => this.render(), wait);
  }

  private async remind(entry: CalendarEntry, now: number): Promise<void> {
    const { subject, when } = statusText(entry, now);
    const name = subject || vscode.l10n.t('(no subject)');
    this.host.log.info(`Next meeting: reminder shown for ${entry.id} ("${name}" ${this.whenText(when)}).`);
    const join = vscode.l10n.t('Join');
    const message =
      when.kind === 'minutes'
        ? vscode.l10n.t('"{0}" starts in {1} min.', name, when.minutes)
        : vscode.l10n.t('"{0}" is starting.', name);
    const answer = entry.joinUrl ? await notify.info(message, join) : await notify.info(message);
    if (answer === join) await joinMeeting(entry.id);
  }

  /** The click: Join and Open in Outlook for the meeting shown, then the rest of today's meetings. */
  async pick(): Promise<void> {
    const now = Date.now();
    const shown = nextMeeting(this.entries, now);
    const zone = this.zone();
    const today = restOfDay(this.host.auth.account ? this.entries : [], now, zone ?? 'UTC');
    if (!shown && today.length === 0) {
      void notify.info(vscode.l10n.t('No more meetings today.'));
      return;
    }
    type Item = vscode.QuickPickItem & { run?: () => Thenable<unknown> };
    const actions = (entry: CalendarEntry): Item[] => [
      ...(entry.joinUrl
        ? [{ label: `$(device-camera-video) ${vscode.l10n.t('Join')}`, run: () => joinMeeting(entry.id) }]
        : []),
      ...(entry.webLink
        ? [
            {
              label: `$(link-external) ${vscode.l10n.t('Open in Outlook')}`,
              run: () => openInOutlook(entry.id),
            },
          ]
        : []),
    ];
    const describe = (entry: CalendarEntry): Item => ({
      label: entry.subject || vscode.l10n.t('(no subject)'),
      description: formatWhen(entry.start, entry.end, vscode.env.language, zone),
      ...(entry.location ? { detail: entry.location } : {}),
    });
    const items: Item[] = [];
    if (shown) {
      items.push({ label: describe(shown).label, kind: vscode.QuickPickItemKind.Separator });
      items.push(...actions(shown));
    }
    const later = today.filter((e) => e.id !== shown?.id || e.start !== shown.start);
    if (later.length > 0) {
      items.push({ label: vscode.l10n.t('Later today'), kind: vscode.QuickPickItemKind.Separator });
      for (const entry of later) {
        items.push({
          ...describe(entry),
          run: async () => {
            const next = await vscode.window.showQuickPick(actions(entry), {
              title: entry.subject || vscode.l10n.t('(no subject)'),
            });
            await next?.run?.();
          },
        });
      }
    }
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Next Meeting') });
    await picked?.run?.();
  }

  /** Starts watching: after activation, so the first Graph call never runs inside `activate()`. */
  start(): void {
    this.plan();
    this.render();
  }

  dispose(): void {
    clearTimeout(this.pollTimer);
    clearTimeout(this.tickTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Join through the item command (a node-shaped argument: the command's UI path, sandbox and errors included). */
function joinMeeting(meetingId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('outlookMeetings.joinMeeting', {
    nodeType: meetingNodeType,
    meetingId,
  });
}

function openInOutlook(meetingId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('outlookMeetings.openInOutlook', {
    nodeType: meetingNodeType,
    meetingId,
  });
}

/**
 * Registers the next meeting's status bar item, its click command and the reminders. Watching starts on a timer
 * after activation returns (no Graph code at activation).
 */
export function registerNextMeeting(host: HostContext): vscode.Disposable[] {
  const next = new NextMeeting(host);
  const started = setTimeout(() => next.start(), 0);
  return [
    next,
    { dispose: () => clearTimeout(started) },
    vscode.commands.registerCommand(showNextMeetingCommand, async (arg: unknown) => {
      if (arg !== undefined && arg !== null) return next.current();
      await next.pick();
      return undefined;
    }),
  ];
}
