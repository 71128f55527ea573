// Turns errors into localised notifications with the action that helps.
import * as vscode from 'vscode';
import type { MeetingsErrorKind } from '../graph/errors';
import { isMeetingsError } from '../graph/errors';
import { isInvalidArgumentsError, isOrganizerOnlyError } from '../services/errors';
import { isNoAccountError, isSignInError } from './auth';
import type { Log } from './log';
import { redactSecrets } from './redact';
import type { SettingsError } from './settings';
import { isSettingsError, openSettings } from './settings';
import { configSection, settingKeys } from './settingsModel';
import { notify } from './notifications';

/**
 * The parts of a Graph client error the host presents. The error's own `message` is technical (for the log) and is
 * never shown: every sentence the user reads is written here.
 */
export interface GraphErrorInfo {
  kind: MeetingsErrorKind;
  code?: string;
  requestId?: string;
  status?: number;
  /** Graph's own text (`error.message`), quoted when Graph refused the input. */
  graphMessage?: string;
  retryAfterMs?: number;
}

/** The presentable parts of a `MeetingsError`. */
export function graphErrorInfo(e: unknown): GraphErrorInfo | undefined {
  if (!isMeetingsError(e)) return undefined;
  return {
    kind: e.kind,
    code: e.code,
    requestId: e.requestId,
    status: e.status,
    graphMessage: e.graphMessage,
    retryAfterMs: e.retryAfterMs,
  };
}

/** Input refused before or by Graph: by our code (nothing was sent), else with Graph's own text when it gave one. */
function invalidInputMessage(info: GraphErrorInfo): string {
  switch (info.code) {
    case 'invalidMeetingId':
      return vscode.l10n.t('The meeting ID is not valid. Nothing was sent.');
    case 'invalidCalendarId':
      return vscode.l10n.t('The calendar ID is not valid. Nothing was sent.');
    case 'calendarNotFound':
      return vscode.l10n.t(
        'The chosen calendar was not found in Outlook: it may have been deleted. No meeting was made.',
      );
    case 'teamsUnavailable':
      return vscode.l10n.t(
        'Teams meetings are not available for this account: its calendar allows no Teams online-meeting provider. Nothing was sent.',
      );
    case 'teamsCannotBeTurnedOff':
      return vscode.l10n.t(
        'This meeting already has a Teams link, and Outlook cannot remove it from a meeting. Nothing was sent.',
      );
    case 'unsupportedTimeZone':
      return vscode.l10n.t(
        'Outlook has no time zone matching the one chosen. Choose a zone with the same clock times, such as a nearby city. Nothing was sent.',
      );
    default:
      return info.graphMessage
        ? vscode.l10n.t('Outlook refused the request: {0}', info.graphMessage)
        : vscode.l10n.t('Outlook refused the request as invalid. Check the meeting details.');
  }
}

type ActionId = 'retry' | 'signIn' | 'openSettings' | 'setupGuide' | 'copyRequestId' | 'showLog';

/** A message and the buttons that help. */
export interface ErrorView {
  message: string;
  actions: ActionId[];
  /** The setting to open for `openSettings`. */
  setting?: string;
  requestId?: string;
  /** Nothing to show (the user cancelled). */
  silent?: boolean;
}

function signInView(failure: string, detail: string): ErrorView {
  const auth = `${configSection}.auth`;
  switch (failure) {
    case 'cancelled':
      return { message: vscode.l10n.t('Sign-in was cancelled.'), actions: [], silent: true };
    case 'unapprovedScope':
      return {
        message: vscode.l10n.t(
          "Your organization does not let VS Code's own sign-in app use your calendar (AADSTS65002). Register your own Entra app and set its client ID in the settings.",
        ),
        actions: ['setupGuide', 'openSettings'],
        setting: auth,
      };
    case 'personalAccountAtOrganizations':
      return {
        message: vscode.l10n.t(
          'This is a personal Microsoft account, and the tenant "organizations" admits only work or school accounts (AADSTS500200). Set {0} to "common" (both kinds) or "consumers" (personal only), with an app registration that allows personal accounts.',
          `${configSection}.${settingKeys.tenant}`,
        ),
        actions: ['openSettings', 'setupGuide'],
        setting: `${configSection}.${settingKeys.tenant}`,
      };
    case 'invalidClient':
      return {
        message: vscode.l10n.t(
          'The app registration refused this sign-in as an invalid client (AADSTS70002). Check the client ID, and that the app is registered for "Mobile and desktop applications" with the redirect URIs listed in the setup guide.',
        ),
        actions: ['setupGuide', 'openSettings'],
        setting: auth,
      };
    case 'consentBlocked':
      return {
        message: vscode.l10n.t(
          'Your organization requires an administrator to approve this app before you can use it (admin consent). Ask your IT administrator to grant consent to the app registration, then sign in again.',
        ),
        actions: ['setupGuide', 'openSettings'],
        setting: auth,
      };
    case 'appNotFound':
      return {
        message: vscode.l10n.t(
          'The app registration was not found in your tenant. Check the client ID and tenant settings.',
        ),
        actions: ['openSettings', 'setupGuide'],
        setting: auth,
      };
    default:
      return {
        message: vscode.l10n.t('Signing in to Microsoft failed: {0}', detail),
        actions: ['openSettings', 'setupGuide', 'showLog'],
        setting: auth,
      };
  }
}

function graphView(info: GraphErrorInfo): ErrorView {
  const base = (message: string, actions: ActionId[]): ErrorView => ({
    message,
    actions: info.requestId ? [...actions, 'copyRequestId'] : actions,
    requestId: info.requestId,
  });
  switch (info.kind) {
    case 'cancelled':
      return { message: vscode.l10n.t('The request was cancelled.'), actions: [], silent: true };
    case 'notSignedIn':
      if (info.code === 'audienceMismatch') {
        return {
          ...base(
            vscode.l10n.t(
              'Microsoft Graph refused the sign-in token because it was issued for another cloud or service. The Graph endpoint setting and the cloud you signed in to may not match: check "{0}" (and, for a national cloud, its sign-in environment), then sign in again.',
              `${configSection}.${settingKeys.endpoint}`,
            ),
            ['openSettings', 'signIn'],
          ),
          setting: `${configSection}.${settingKeys.endpoint}`,
        };
      }
      return base(vscode.l10n.t('Microsoft Graph did not accept your sign-in. Sign in again.'), ['signIn']);
    case 'notFound':
      return base(
        vscode.l10n.t('The meeting no longer exists in Outlook: it was deleted or the ID is wrong.'),
        [],
      );
    case 'mailbox':
      return base(
        vscode.l10n.t(
          'Microsoft Graph cannot use this mailbox ({0}): it may be unlicensed, inactive, soft-deleted or hosted on-premises. Nothing was changed and no meeting is marked deleted; ask your administrator.',
          info.code ?? '404',
        ),
        ['showLog'],
      );
    case 'notOrganizer':
      return base(vscode.l10n.t('Only the organizer can change or cancel this meeting.'), []);
    case 'throttled':
      return base(
        info.retryAfterMs !== undefined
          ? vscode.l10n.t(
              'Outlook is receiving too many requests right now. Try again in {0} seconds.',
              Math.max(1, Math.ceil(info.retryAfterMs / 1000)),
            )
          : vscode.l10n.t('Outlook is receiving too many requests right now. Try again in a minute.'),
        ['retry'],
      );
    case 'invalidInput':
      return base(invalidInputMessage(info), []);
    case 'network':
      return base(vscode.l10n.t('Microsoft Graph could not be reached. Check your network connection.'), [
        'retry',
        'showLog',
      ]);
    case 'timeout':
      return base(vscode.l10n.t('Microsoft Graph did not answer in time.'), ['retry', 'showLog']);
    case 'forbidden':
      return base(
        vscode.l10n.t(
          'Access denied: your account or app registration lacks the Calendars.ReadWrite permission, or an administrator has not consented to it.',
        ),
        ['setupGuide', 'signIn'],
      );
    case 'server':
      return base(
        vscode.l10n.t(
          'Microsoft Graph had a problem ({0}). Try again later.',
          info.status ?? info.code ?? '?',
        ),
        ['retry', 'showLog'],
      );
    case 'badResponse':
      if (info.code === 'redirectRefused') {
        return base(
          vscode.l10n.t(
            'Microsoft Graph answered with a redirect (HTTP {0}), which the extension refuses: nothing was sent to the other address. Check the Graph endpoint setting, any proxy, and try again.',
            info.status ?? '3xx',
          ),
          ['showLog'],
        );
      }
      return base(vscode.l10n.t('Microsoft Graph sent an answer the extension cannot read.'), [
        'retry',
        'showLog',
      ]);
    default:
      // Every kind has its sentence above (the compiler checks); a kind from a newer copy of the client gets this.
      return base(
        vscode.l10n.t('Microsoft Graph request failed ({0}).', info.kind satisfies never as string),
        ['showLog'],
      );
  }
}

/** The view of a setting the extension will not use: its sentence, with the button that opens that setting. */
function settingsView(e: SettingsError): ErrorView {
  const base = (message: string, actions: ActionId[] = ['openSettings']): ErrorView => ({
    message,
    actions,
    setting: e.setting,
  });
  switch (e.problem) {
    case 'tenantIsDomain':
      return base(
        vscode.l10n.t(
          'The setting "{0}" holds a domain name. Use your Directory (tenant) ID, or "organizations", "common" or "consumers". Nothing was sent.',
          e.setting,
        ),
      );
    case 'cloudEnvironmentMismatch': {
      const actual = e.detail.actual;
      return base(
        vscode.l10n.t(
          'To sign in for {0}, set the user setting "{1}" to "{2}" (it is {3}). Nothing was sent.',
          e.detail.endpoint ?? '',
          e.setting,
          e.detail.expected ?? '',
          actual === undefined ? vscode.l10n.t('not set') : JSON.stringify(actual),
        ),
      );
    }
    case 'nationalCloudNeedsClientId':
      return base(
        vscode.l10n.t(
          'A national cloud needs your own app registration in that cloud: set "{0}" to its Application (client) ID. Nothing was sent.',
          e.setting,
        ),
        ['openSettings', 'setupGuide'],
      );
    default:
      return base(
        vscode.l10n.t(
          'The setting "{0}" has a value the extension will not use, so nothing was sent. Fix it in your user settings.',
          e.setting,
        ),
      );
  }
}

/** The message and actions for an error; tokens in it (Graph may echo one) are masked. */
export function describeError(e: unknown): ErrorView {
  const view = describeUnmasked(e);
  return { ...view, message: redactSecrets(view.message) };
}

function describeUnmasked(e: unknown): ErrorView {
  if (isNoAccountError(e)) {
    return {
      message: vscode.l10n.t('Sign in to your Microsoft account to use Outlook meetings.'),
      actions: ['signIn'],
    };
  }
  if (isSignInError(e)) return signInView(e.failure, e.detail);
  if (isSettingsError(e)) return settingsView(e);
  if (isInvalidArgumentsError(e)) {
    return {
      message: vscode.l10n.t(
        'Nothing was sent. Please correct: {0}',
        e.errors.map((x) => x.field).join(', '),
      ),
      actions: [],
    };
  }
  if (isOrganizerOnlyError(e)) {
    return {
      message: e.organizer
        ? vscode.l10n.t(
            'Only the organizer ({0}) can change or cancel this meeting. Nothing was sent.',
            e.organizer,
          )
        : vscode.l10n.t('Only the organizer can change or cancel this meeting. Nothing was sent.'),
      actions: [],
    };
  }
  const info = graphErrorInfo(e);
  if (info) return graphView(info);
  return {
    message: vscode.l10n.t('Something went wrong: {0}', e instanceof Error ? e.message : String(e)),
    actions: ['showLog'],
  };
}

/** Options of `showError`. */
export interface ShowErrorOptions {
  /** Re-runs the same operation (for a create: with the same transaction ID). */
  retry?: () => unknown;
  /** Leave out the Retry button even when the error allows it. */
  noRetry?: boolean;
}

/** Logs an error and shows it as a notification with its actions. */
export async function showError(e: unknown, log: Log, options: ShowErrorOptions = {}): Promise<void> {
  const view = describeError(e);
  log.error(e instanceof Error ? e : String(e));
  if (view.silent) return;
  const labels: Record<ActionId, string> = {
    retry: vscode.l10n.t('Retry'),
    signIn: vscode.l10n.t('Sign In'),
    openSettings: vscode.l10n.t('Open Settings'),
    setupGuide: vscode.l10n.t('Set Up App Registration'),
    copyRequestId: vscode.l10n.t('Copy Request ID'),
    showLog: vscode.l10n.t('Show Log'),
  };
  const actions = view.actions.filter((a) => a !== 'retry' || (options.retry && !options.noRetry));
  const message = view.requestId
    ? `${view.message} ${vscode.l10n.t('(request ID {0})', view.requestId)}`
    : view.message;
  // notify masks tokens and breaks link syntax in whatever reaches the notification.
  const picked = await notify.error(message, ...actions.map((a) => labels[a]));
  const action = actions.find((a) => labels[a] === picked);
  switch (action) {
    case 'retry':
      await options.retry?.();
      break;
    case 'signIn':
      await vscode.commands.executeCommand('outlookMeetings.signIn');
      break;
    case 'openSettings':
      await openSettings(view.setting);
      break;
    case 'setupGuide':
      await vscode.commands.executeCommand('outlookMeetings.showSetupGuide');
      break;
    case 'copyRequestId':
      if (view.requestId) await vscode.env.clipboard.writeText(view.requestId);
      break;
    case 'showLog':
      await vscode.commands.executeCommand('outlookMeetings.showLog');
      break;
    case undefined:
      break;
  }
}
