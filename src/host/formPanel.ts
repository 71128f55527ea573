// The meeting form's host side: one webview panel per form, locked down, talking the typed protocol.
import * as vscode from 'vscode';
import { isMeetingId } from '../core/meetingId';
import { formatMessage, validationMessages } from '../core/messages';
import type { FieldError, Meeting, ValidationCode } from '../core/types';
import { MAX_ATTENDEES, validateSchedule } from '../core/validate';
import { allowedLink } from '../services/linkHosts';
import { readFormPreloads, renderFormHtml } from '../shared/formHtml';
import {
  calendarChoices,
  defaultFormValues,
  draftWorthKeeping,
  formToScheduleInput,
  formToUpdateInput,
  hasChanges,
  meetingToFormValues,
  storedToFormValues,
} from '../shared/formModel';
import { sentMeetingIdOf } from '../shared/formState';
import type { FormStrings } from '../shared/formStrings';
import { formStrings } from '../shared/formStrings';
import type {
  FormMode,
  FormValues,
  InitMessage,
  ResultMessage,
  SuggestedAttendee,
  TeamsState,
  ToWebview,
} from '../shared/protocol';
import type { MeetingOperations } from '../services/meetingOperations';
import { isInvalidArgumentsError } from '../services/errors';
import type * as HostErrors from './errors';
import type { FormLock } from './formDispatch';
import { dispatchFormMessage, formLock, newFormNonce } from './formDispatch';
import type { HostContext } from './hostContext';
import { FormFindTime } from './formFindTime';
import type { FormFindTimeDeps } from './formFindTime';
import type { SchedulePrefill } from './selectionMeeting';

export const formViewType = 'outlookMeetings.form';

/**
 * The host's error helpers, passed in rather than imported: this module is a separate bundle loaded on first use,
 * and the redaction state (remembered tokens) must be the activation bundle's one copy.
 */
export type FormErrorHelpers = Pick<typeof HostErrors, 'describeError' | 'showError'>;
const teamsLookupTimeoutMs = 5000;

/**
 * Issue 13's host parts the form uses, passed in (src/host/findTime.ts lives in the activation bundle, with the one
 * service and its scope state): the window's service, Allow's prompt, and the line of an unavailable feature.
 */
export type FormFindTimeHelpers = Pick<FormFindTimeDeps, 'service' | 'allow' | 'describeUnavailable'>;

const available = { state: 'available' } as const;

/** The success result for a submit: the meeting's ID, and whether its Teams link may be offered. */
function okResult(requestId: string, meeting: Meeting): ResultMessage {
  return {
    type: 'result',
    requestId,
    ok: true,
    meetingId: meeting.id,
    canJoin: allowedLink('joinUrl', meeting.joinUrl) !== undefined,
  };
}

/** The status line of a read-only form. */
function lockReason(lock: FormLock, organizer?: string): string {
  switch (lock) {
    case 'cancelled':
      return vscode.l10n.t('This meeting was cancelled. It can no longer be changed.');
    case 'deleted':
      return vscode.l10n.t('This meeting was deleted in Outlook. These are the details last seen.');
    case 'notOrganizer':
      return organizer
        ? vscode.l10n.t('{0} organizes this meeting: only the organizer can change it.', organizer)
        : vscode.l10n.t('Only the organizer can change this meeting.');
  }
}

/** Form strings, translated. */
export function translatedFormStrings(): FormStrings {
  const out = {} as Record<string, string>;
  for (const [key, value] of Object.entries(formStrings)) out[key] = vscode.l10n.t(value);
  return out as FormStrings;
}

/** Validation templates, translated. */
export function translatedValidationMessages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, template] of Object.entries(validationMessages)) out[code] = vscode.l10n.t(template);
  return out;
}

/** A field error with its message in the display language. */
export function translateFieldError(e: FieldError): FieldError {
  const template = validationMessages[e.code as ValidationCode];
  return template ? { ...e, message: formatMessage(vscode.l10n.t(template), e.params) } : e;
}

let zoneCache: string[] | undefined;
function timeZones(): string[] {
  zoneCache ??= Intl.supportedValuesOf('timeZone');
  return zoneCache;
}

interface FormSetup {
  mode: FormMode;
  meeting?: Meeting;
  /** The meeting an update form shows when Graph was not read (a cancelled or deleted one, from the store). */
  meetingId?: string;
  /** Why the form opens read-only. */
  lock?: string;
  values: FormValues;
  /** Resolved before `init` is sent, so the panel can open while the calendar is read. */
  teams: Promise<TeamsState>;
  /** A new form: the values of the last one closed unsent, which the page offers to restore. */
  closedDraft?: FormValues;
  /** A new form: people offered as attendees (meetings about code), added only when the user chooses. */
  suggestedAttendees?: SuggestedAttendee[];
}

/** One open form. */
class FormPanel {
  /** The meeting a new form scheduled (its success view shows): such a form is not reused for another. */
  sentMeetingId: string | undefined;
  private original: FormValues;
  private meeting: Meeting | undefined;
  private lastResult: ResultMessage | undefined;
  private busy = false;
  /** The page's latest values (new forms only). */
  private draft: FormValues | undefined;
  /** Why the form is read-only (its meeting cancelled or deleted, or not the user's to change). */
  private locked: string | undefined;
  /** Issue 13's requests of this form (people, free/busy, suggested times, rooms). */
  readonly findTime: FormFindTime | undefined;

  constructor(
    readonly key: string,
    readonly panel: vscode.WebviewPanel,
    private readonly setup: FormSetup,
    private readonly services: HostContext,
    private readonly actions: MeetingOperations,
    private readonly errors: FormErrorHelpers,
    findTime?: FormFindTimeHelpers,
  ) {
    this.findTime =
      findTime &&
      new FormFindTime({
        ...findTime,
        organizer: async () => {
          const label = (await services.account()).label;
          return label.includes('@') ? label : undefined;
        },
        describeError: (e) => errors.describeError(e).message,
        post: (m) => this.post(m),
        log: (m) => services.log.warn(m),
      });
    this.original = setup.values;
    this.meeting = setup.meeting;
    this.locked = setup.lock;
    const webview = panel.webview;
    const nonce = newFormNonce();
    const root = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
    webview.html = renderFormHtml({
      cspSource: webview.cspSource,
      nonce,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'form.js')).toString(),
      preloadUris: readFormPreloads(root.fsPath).map((name) =>
        webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString(),
      ),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'form.css')).toString(),
      lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(vscode.env.language) ? vscode.env.language : 'en',
    });
    webview.onDidReceiveMessage((msg: unknown) => void this.receive(msg));
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async init(): Promise<InitMessage> {
    return {
      type: 'init',
      mode: this.setup.mode,
      // Update forms only: a new form's page keeps its success view under no meeting ID (its saved draft's).
      meetingId: this.setup.mode === 'update' ? this.meetingId() : undefined,
      values: this.original,
      teams: await this.setup.teams,
      strings: translatedFormStrings(),
      messages: translatedValidationMessages(),
      timeZones: timeZones(),
      maxAttendees: MAX_ATTENDEES,
      closedDraft: this.setup.closedDraft,
      // Every feature is offered until a request finds it declined or unavailable (knowing sooner would hold the form).
      findTime:
        this.findTime && !this.locked
          ? { people: available, availability: available, suggestions: available, rooms: available }
          : undefined,
      suggestedAttendees: this.setup.suggestedAttendees,
    };
  }

  private async receive(raw: unknown): Promise<void> {
    await dispatchFormMessage(raw, {
      rejected: () => this.services.log.warn('Ignored a malformed message from the meeting form.'),
      ready: async () => {
        this.post(await this.init());
        if (this.lastResult) this.post(this.lastResult);
        if (this.locked) this.post({ type: 'lock', reason: this.locked });
        // A new form's calendar picker, after init: the page shows its first frame without waiting for it.
        else if (this.setup.mode === 'schedule') void this.postCalendars();
      },
      submit: async (requestId, values) => {
        if (this.busy) return;
        this.busy = true;
        try {
          // A submit racing the lock (or from a page that missed it) is refused here too.
          this.lastResult = this.locked
            ? { type: 'result', requestId, ok: false, message: this.locked }
            : await this.submit(requestId, values);
        } finally {
          this.busy = false;
        }
        this.post(this.lastResult);
      },
      draft: (values) => {
        if (this.setup.mode === 'schedule') this.draft = values;
      },
      command: (command, arg) => Promise.resolve(vscode.commands.executeCommand(command, arg)),
      findTime: async (msg) => {
        if (!this.locked) await this.findTime?.handle(msg);
      },
      failed: (e) => void this.errors.showError(e, this.services.log, { noRetry: true }),
    });
  }

  /** Sends the calendars the picker offers (two or more the user can edit); a failed read only leaves it out. */
  private async postCalendars(): Promise<void> {
    try {
      const calendars = calendarChoices(await this.actions.calendars());
      if (calendars.length > 0) this.post({ type: 'calendars', calendars });
    } catch (e) {
      this.services.log.warn(`The calendar list could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The meeting this form shows: the one it updates, or the one it scheduled. */
  meetingId(): string | undefined {
    return this.meeting?.id ?? this.setup.meetingId ?? this.sentMeetingId;
  }

  /** Makes the form read-only, saying why (once). */
  lock(reason: string): void {
    if (this.locked) return;
    this.locked = reason;
    this.post({ type: 'lock', reason });
  }

  /** A new form's typed values if it was never sent: kept in memory (never on disk) when its tab closes. */
  unsentDraft(): FormValues | undefined {
    if (this.setup.mode !== 'schedule' || this.lastResult?.ok === true || !this.draft) return undefined;
    return draftWorthKeeping(this.draft, this.original) ? this.draft : undefined;
  }

  private fail(requestId: string, e: unknown): ResultMessage {
    if (isInvalidArgumentsError(e)) {
      return { type: 'result', requestId, ok: false, errors: e.errors.map(translateFieldError) };
    }
    const view = this.errors.describeError(e);
    if (view.actions.some((a) => a === 'signIn' || a === 'openSettings' || a === 'setupGuide')) {
      void this.errors.showError(e, this.services.log, { noRetry: true });
    } else {
      this.services.log.error(e instanceof Error ? e : String(e));
    }
    return { type: 'result', requestId, ok: false, message: view.message };
  }

  private async submit(requestId: string, values: FormValues): Promise<ResultMessage> {
    try {
      return this.setup.mode === 'schedule'
        ? await this.schedule(requestId, values)
        : await this.update(requestId, values);
    } catch (e) {
      return this.fail(requestId, e);
    }
  }

  private async schedule(requestId: string, values: FormValues): Promise<ResultMessage> {
    const v = validateSchedule(formToScheduleInput(values), {
      defaultTimeZone: this.actions.defaultTimeZone(),
    });
    if (!v.ok) return { type: 'result', requestId, ok: false, errors: v.errors.map(translateFieldError) };
    // Sending the same draft again after an unknown outcome is a retry of this submit: same transaction ID.
    const meeting = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scheduling the meeting…') },
      () => this.actions.schedule(v.value, { attempt: 'scheduleForm' }),
    );
    this.meeting = meeting;
    this.sentMeetingId = meeting.id;
    return okResult(requestId, meeting);
  }

  private async update(requestId: string, values: FormValues): Promise<ResultMessage> {
    const current = this.meeting;
    if (!current) throw new Error('No meeting to update.');
    // The stored status first: a meeting cancelled or deleted meanwhile (here, or seen in Outlook) is not changed.
    const account = await this.services.account();
    const stored = this.services.store.get(account.id, current.id);
    const lock = formLock(stored, undefined);
    if (lock) {
      this.lock(lockReason(lock));
      return { type: 'result', requestId, ok: false, message: this.locked };
    }
    const input = formToUpdateInput(current.id, values, this.original);
    if (!hasChanges(input)) return okResult(requestId, current);
    const meeting = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating the meeting…') },
      () => this.actions.update(input, { current }),
    );
    this.meeting = meeting;
    this.original = values;
    return okResult(requestId, meeting);
  }
}

/** Opens and tracks the form panels. */
export class FormPanels implements vscode.Disposable {
  private readonly open = new Set<FormPanel>();
  /** The last new form closed unsent, offered by the next one (memory only). */
  private closedDraft: FormValues | undefined;
  /** Prefilled forms opened so far: each gets its own key. */
  private prefilled = 0;

  /** Locks the open forms of a meeting the store now records as cancelled or deleted (here or in Outlook). */
  private readonly storeWatch: { dispose(): void };

  constructor(
    private readonly services: HostContext,
    private readonly actions: MeetingOperations,
    private readonly errors: FormErrorHelpers,
    private readonly findTime?: FormFindTimeHelpers,
  ) {
    this.storeWatch = services.store.onDidChange((accountId) => {
      for (const form of this.open) {
        const id = form.meetingId();
        const lock = id ? formLock(services.store.get(accountId, id), undefined) : undefined;
        if (lock) form.lock(lockReason(lock));
      }
    });
  }

  private async teamsState(meeting?: Meeting): Promise<TeamsState> {
    if (meeting?.isOnlineMeeting) {
      return { enabled: false, reason: vscode.l10n.t("Teams can't be turned off once added.") };
    }
    try {
      // The answer only shapes the switch (the host checks again on submit), so do not hold the form for long.
      const timeout = new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(true), teamsLookupTimeoutMs),
      );
      if (!(await Promise.race([this.actions.teamsAvailable(), timeout]))) {
        return {
          enabled: false,
          reason: vscode.l10n.t(
            'Teams meetings are not available for this account (personal Microsoft accounts cannot add them).',
          ),
        };
      }
    } catch (e) {
      this.services.log.warn(
        `Could not read the calendar's online meeting providers: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    return { enabled: true };
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    const root = vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview');
    return { enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: false };
  }

  /**
   * The open form for `key` that may be shown again: an update form of that meeting, or the new form unless it
   * shows its success view (Schedule Meeting then opens a new form).
   */
  private reusable(key: string): FormPanel | undefined {
    for (const form of this.open) if (form.key === key && !form.sentMeetingId) return form;
    return undefined;
  }

  private create(key: string, title: string, setup: FormSetup, restored?: vscode.WebviewPanel): FormPanel {
    const panel =
      restored ??
      vscode.window.createWebviewPanel(formViewType, title, vscode.ViewColumn.Active, this.webviewOptions());
    if (restored) {
      restored.webview.options = this.webviewOptions();
      restored.title = title;
    }
    panel.iconPath = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'outlook-meetings.svg');
    const form = new FormPanel(key, panel, setup, this.services, this.actions, this.errors, this.findTime);
    this.open.add(form);
    panel.onDidDispose(() => {
      form.findTime?.dispose();
      this.open.delete(form);
      this.closedDraft = form.unsentDraft() ?? this.closedDraft;
    });
    return form;
  }

  /** Restores a form after a window reload; the page brings its own draft back from its saved state. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = (typeof state === 'object' && state !== null ? state : {}) as {
      mode?: unknown;
      meetingId?: unknown;
    };
    try {
      if (saved.mode === 'update' && isMeetingId(saved.meetingId)) {
        const key = `update:${saved.meetingId}`;
        if (this.reusable(key)) return panel.dispose();
        const { title, setup } = await this.updateSetup(saved.meetingId);
        this.create(key, title, setup, panel);
        return;
      }
      // A new form whose success view shows (the page's saved state says so) stays that meeting's.
      const sent = sentMeetingIdOf(state);
      if (!sent && this.reusable('schedule')) return panel.dispose();
      const settings = this.services.settings();
      const values = defaultFormValues(new Date(), settings.timeZone, settings.durationMinutes);
      const teams = this.teamsState();
      const form = this.create(
        'schedule',
        vscode.l10n.t('Schedule Meeting'),
        { mode: 'schedule', values, teams },
        panel,
      );
      form.sentMeetingId = sent;
    } catch (e) {
      this.services.log.warn(
        `Could not restore a meeting form: ${e instanceof Error ? e.message : String(e)}`,
      );
      panel.dispose();
    }
  }

  /** Opens the schedule form (or reveals the open one, unless it shows its success view). */
  async openSchedule(prefill?: SchedulePrefill): Promise<void> {
    if (prefill) return this.openPrefilled(prefill);
    const existing = this.reusable('schedule');
    if (existing) return existing.panel.reveal();
    const settings = this.services.settings();
    await this.services.account();
    const again = this.reusable('schedule');
    if (again) return again.panel.reveal();
    const values = defaultFormValues(new Date(), settings.timeZone, settings.durationMinutes);
    const closedDraft = this.closedDraft;
    this.closedDraft = undefined;
    this.create('schedule', vscode.l10n.t('Schedule Meeting'), {
      mode: 'schedule',
      values,
      teams: this.teamsState(),
      closedDraft,
    });
  }

  /** Opens a new form with `prefill` (meetings about code): always its own tab, never an open one. */
  private async openPrefilled(prefill: SchedulePrefill): Promise<void> {
    const settings = this.services.settings();
    await this.services.account();
    const values = { ...defaultFormValues(new Date(), settings.timeZone, settings.durationMinutes), ...prefill.values };
    this.create(`schedule:${++this.prefilled}`, vscode.l10n.t('Schedule Meeting'), {
      mode: 'schedule',
      values,
      teams: this.teamsState(),
      suggestedAttendees: prefill.suggestedAttendees,
    });
  }

  /**
   * An update form's setup. A meeting the store records as cancelled or deleted shows what the store keeps, read-only
   * (Graph no longer has it, or no longer lets it change); any other is read from Graph, read-only when Graph says it
   * is cancelled or organized by someone else.
   */
  private async updateSetup(meetingId: string): Promise<{ title: string; setup: FormSetup }> {
    const { timeZone } = this.services.settings();
    const account = await this.services.account();
    const stored = this.services.store.get(account.id, meetingId);
    const storedLock = formLock(stored, undefined);
    if (stored && storedLock) {
      const subject = stored.subject || vscode.l10n.t('(no subject)');
      const values = storedToFormValues(stored, timeZone);
      const teams: TeamsState = { enabled: false };
      return {
        title: vscode.l10n.t('Details: {0}', subject),
        setup: {
          mode: 'update',
          meetingId,
          values,
          teams: Promise.resolve(teams),
          lock: lockReason(storedLock),
        },
      };
    }
    const meeting = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the meeting…') },
      () => this.actions.get(meetingId),
    );
    const lock = formLock(undefined, meeting);
    const subject = meeting.subject || vscode.l10n.t('(no subject)');
    const organizer = meeting.organizer?.name ?? meeting.organizer?.address;
    return {
      title: lock ? vscode.l10n.t('Details: {0}', subject) : vscode.l10n.t('Update: {0}', subject),
      setup: {
        mode: 'update',
        meeting,
        values: meetingToFormValues(meeting, timeZone),
        teams: this.teamsState(meeting),
        lock: lock ? lockReason(lock, organizer) : undefined,
      },
    };
  }

  /**
   * Opens the update form of a meeting (or reveals its open form): editable for a meeting the user organizes, the
   * details read-only for a cancelled or deleted one or one organized by someone else.
   */
  async openUpdate(meetingId: string): Promise<void> {
    const key = `update:${meetingId}`;
    const existing = this.reusable(key);
    if (existing) return existing.panel.reveal();
    const { title, setup } = await this.updateSetup(meetingId);
    const opened = this.reusable(key);
    if (opened) return opened.panel.reveal();
    this.create(key, title, setup);
  }

  dispose(): void {
    this.storeWatch.dispose();
    for (const p of [...this.open]) p.panel.dispose();
    this.open.clear();
  }
}
