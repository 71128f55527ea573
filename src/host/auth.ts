// Sign-in behind one seam: every token comes from `getSession(provider, scopes)` through this class, with the
// provider and scopes the endpoint's cloud needs (`microsoft` globally, `microsoft-sovereign-cloud` for national clouds).
import * as vscode from 'vscode';
import { withFeatureScopes } from './featureScopes';
import type { Log } from './log';
import { rememberSecret } from './redact';
import type { SignInFailure, SignInPlan } from './settingsModel';
import {
  classifySignInError,
  configSection,
  globalProviderId,
  settingKeys,
  signInPlan,
  sovereignEnvironmentProblem,
  sovereignEnvironmentSetting,
  sovereignProviderId,
} from './settingsModel';
import type { AuthSettings } from './settings';
import { SettingsError } from './settings';

/** The providers whose session changes this class follows. */
const providerIds: readonly string[] = [globalProviderId, sovereignProviderId];
export const signedInContextKey = 'outlookMeetings.signedIn';
const signedOutFlag = 'auth.signedOut';

/**
 * No account in VS Code: the user has not signed in (or signed out of this extension). Graph refusing a token is
 * another thing: a `MeetingsError` of kind `notSignedIn` (`isNotSignedInError` in src/graph/errors.ts).
 */
export class NoAccountError extends Error {
  override readonly name = 'NoAccountError';
  constructor(message = 'Not signed in to Microsoft. Run "Outlook: Sign In" first.') {
    super(message);
  }
}

/** Guard that survives separately bundled copies of the class. */
export function isNoAccountError(e: unknown): e is NoAccountError {
  return e instanceof Error && e.name === 'NoAccountError';
}

/** Signing in failed; `failure` says why as far as the message tells. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly failure: SignInFailure,
    readonly detail: string,
  ) {
    super(`Sign-in failed (${failure}): ${detail}`);
  }
}

/** Guard for `SignInError`. */
export function isSignInError(e: unknown): e is SignInError {
  return e instanceof Error && e.name === 'SignInError' && typeof (e as SignInError).failure === 'string';
}

/** The signed-in account as the rest of the extension sees it. */
export interface Account {
  id: string;
  label: string;
}

/** Sessions for Graph: silent when possible, prompting only when the user acts. */
export class Auth implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Account | undefined>();
  /** Fires when the account in use changes (sign in, sign out, switch, or a session change in VS Code). */
  readonly onDidChangeAccount = this.changed.event;
  private current: Account | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly state: vscode.Memento,
    private readonly settings: () => AuthSettings,
    private readonly log: Log,
  ) {
    this.disposables.push(
      vscode.authentication.onDidChangeSessions((e) => {
        if (providerIds.includes(e.provider.id)) void this.refresh();
      }),
      // The endpoint picks the cloud, and VS Code's environment setting the sovereign provider's cloud.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration(sovereignEnvironmentSetting) ||
          e.affectsConfiguration(`${configSection}.${settingKeys.endpoint}`)
        )
          void this.refresh();
      }),
    );
  }

  /** The account in use, if signed in. */
  get account(): Account | undefined {
    return this.current;
  }

  /**
   * The provider and scopes for the endpoint's cloud; throws `SettingsError` (before anything is asked or sent) when
   * a national cloud lacks the user's app registration or `microsoft-sovereign-cloud.environment` does not name it.
   */
  private plan(): SignInPlan {
    const s = this.settings();
    const parsed = signInPlan(s);
    if (!parsed.ok) throw new SettingsError(`${configSection}.${settingKeys.clientId}`, parsed.problem);
    const problem = sovereignEnvironmentProblem(parsed.value, s.sovereignEnvironment);
    if (problem) {
      throw new SettingsError(sovereignEnvironmentSetting, problem, {
        expected: parsed.value.environment,
        actual: s.sovereignEnvironment,
        endpoint: s.endpoint,
      });
    }
    return parsed.value;
  }

  private async setAccount(session: vscode.AuthenticationSession | undefined): Promise<void> {
    const next = session ? { id: session.account.id, label: session.account.label } : undefined;
    await vscode.commands.executeCommand('setContext', signedInContextKey, next !== undefined);
    if (next?.id !== this.current?.id) {
      this.current = next;
      this.log.info(next ? `Using the account ${next.label}.` : 'Not signed in.');
      this.changed.fire(next);
    }
  }

  /** Re-reads the session silently (at activation, and when sessions or settings change). */
  async refresh(): Promise<Account | undefined> {
    if (this.state.get<boolean>(signedOutFlag)) {
      await this.setAccount(undefined);
      return undefined;
    }
    let session: vscode.AuthenticationSession | undefined;
    try {
      // Invalid auth settings throw here: then nobody is signed in until they are fixed.
      const { providerId, scopes } = this.plan();
      session = await vscode.authentication.getSession(providerId, scopes, { silent: true });
    } catch (e) {
      this.log.warn(`Silent sign-in check failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    await this.setAccount(session);
    return this.current;
  }

  /** A session without any prompt; throws `NoAccountError` when there is none. */
  async session(): Promise<vscode.AuthenticationSession> {
    if (this.state.get<boolean>(signedOutFlag)) throw new NoAccountError();
    const { providerId, scopes } = this.plan();
    const session = await vscode.authentication.getSession(providerId, scopes, { silent: true });
    if (!session) {
      await this.setAccount(undefined);
      throw new NoAccountError();
    }
    if (session.account.id !== this.current?.id) await this.setAccount(session);
    return session;
  }

  /** An access token for Graph, without any prompt. Never log it. */
  async token(): Promise<string> {
    // The one read of the token (a lint rule allows it only here, as rememberSecret's argument).
    return rememberSecret((await this.session()).accessToken);
  }

  /**
   * A second session carrying the base scopes plus `extra` (incremental consent, asked when a feature is first used).
   * Silent unless `interactive`: `createIfNone` may prompt, so only a user action sets it ("AuthenticationGetSessionOptions"
   * in vscode.d.ts: `createIfNone` shows a modal dialog asking the user to sign in; `silent` never shows one and gives
   * `undefined` when no session matches). Undefined when silent and not yet granted; `SignInError` when the prompt fails.
   */
  async featureSession(
    extra: readonly string[],
    interactive: boolean,
  ): Promise<vscode.AuthenticationSession | undefined> {
    if (this.state.get<boolean>(signedOutFlag)) throw new NoAccountError();
    const plan = this.plan();
    const scopes = withFeatureScopes(plan, extra);
    let session: vscode.AuthenticationSession | undefined;
    if (!interactive)
      session = await vscode.authentication.getSession(plan.providerId, scopes, { silent: true });
    else {
      try {
        session = await vscode.authentication.getSession(plan.providerId, scopes, { createIfNone: true });
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        this.log.warn(`Asking for ${extra.join(', ')} failed: ${detail}`);
        throw new SignInError(classifySignInError(e), detail);
      }
    }
    // Only a session of the account in use: another account's token would read another mailbox's people or rooms.
    if (session && this.current && session.account.id !== this.current.id) {
      this.log.warn(`The session with ${extra.join(', ')} belongs to another account; not used.`);
      if (interactive) throw new SignInError('other', 'The permission was given for another account.');
      return undefined;
    }
    return session;
  }

  /** The token of the feature session with `extra`, without any prompt; throws `NoAccountError` when not granted. Never log it. */
  async featureToken(extra: readonly string[]): Promise<string> {
    const session = await this.featureSession(extra, false);
    if (!session) throw new NoAccountError();
    return rememberSecret(session.accessToken);
  }

  /** Signs in, prompting when needed (the user asked for it). Throws `SignInError` on failure. */
  async signIn(options: { switchAccount?: boolean } = {}): Promise<Account> {
    const { providerId, scopes } = this.plan();
    let session: vscode.AuthenticationSession;
    try {
      session = options.switchAccount
        ? await vscode.authentication.getSession(providerId, scopes, {
            clearSessionPreference: true,
            forceNewSession: { detail: vscode.l10n.t('Choose the account to use for Outlook meetings.') },
          })
        : await vscode.authentication.getSession(providerId, scopes, { createIfNone: true });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.log.warn(`Sign-in failed: ${detail}`);
      throw new SignInError(classifySignInError(e), detail);
    }
    await this.state.update(signedOutFlag, undefined);
    await this.setAccount(session);
    return { id: session.account.id, label: session.account.label };
  }

  /** Stops using the session in this extension until the user signs in again. */
  async signOut(): Promise<void> {
    await this.state.update(signedOutFlag, true);
    await this.setAccount(undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
