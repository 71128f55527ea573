import * as vscode from 'vscode';

/** The provider id the product asks for; the stand-in takes it over in test runs. */
export const standInProviderId = 'microsoft';

/** The account new sessions get unless a test says otherwise. */
export const defaultAccount: vscode.AuthenticationSessionAccountInformation = {
  id: 'test-account-1',
  label: 'adele.vance@contoso.test',
};

/** The access token new sessions carry unless a test says otherwise (see `setDefaultToken`). */
let defaultToken = 'test-token';

/** One call the product (or VS Code on its behalf) made to the provider. */
export interface AuthCall {
  kind: 'getSessions' | 'createSession' | 'removeSession';
  scopes?: readonly string[];
  sessionId?: string;
}

/** What `createSession` does: create a session for the default account, or fail with a message. */
export type CreateBehavior =
  | { kind: 'create'; account?: vscode.AuthenticationSessionAccountInformation }
  | { kind: 'fail'; message: string };

/** What a new session carries; the default account and token, and any scopes, where left out. */
export interface NewSession {
  accessToken?: string;
  account?: vscode.AuthenticationSessionAccountInformation;
  scopes?: string[];
}

interface StoredSession {
  id: string;
  accessToken: string;
  account: vscode.AuthenticationSessionAccountInformation;
  scopes: readonly string[];
  /** A session added without scopes answers every scope request. */
  anyScopes: boolean;
}

/** One stand-in provider: its sessions, the calls made to it and what its sign-in prompt does. */
export class StandInProvider {
  private readonly changes =
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  private stored: StoredSession[] = [];
  private calls: AuthCall[] = [];
  private createBehavior: CreateBehavior = { kind: 'create' };
  private registration: vscode.Disposable | undefined;

  constructor(
    readonly id: string,
    private readonly label: string,
  ) {}

  private readonly provider: vscode.AuthenticationProvider = {
    onDidChangeSessions: this.changes.event,
    getSessions: (scopes?: readonly string[]) => {
      this.calls.push({ kind: 'getSessions', scopes: scopes ? [...scopes] : undefined });
      return Promise.resolve(this.stored.filter((s) => matches(s, scopes)).map(publicSession));
    },
    createSession: (scopes: readonly string[]) => {
      this.calls.push({ kind: 'createSession', scopes: [...scopes] });
      const b = this.createBehavior;
      if (b.kind === 'fail') return Promise.reject(new Error(b.message));
      return Promise.resolve(this.addSession({ scopes: [...scopes], account: b.account }));
    },
    removeSession: (sessionId: string) => {
      this.calls.push({ kind: 'removeSession', sessionId });
      this.removeSession(sessionId);
      return Promise.resolve();
    },
  };

  /** Registers the stand-in under its id (once; later calls return the same registration). See `registerStandInAuth`. */
  register(): vscode.Disposable {
    this.registration ??= vscode.authentication.registerAuthenticationProvider(
      this.id,
      this.label,
      this.provider,
      {
        supportsMultipleAccounts: false,
      },
    );
    return this.registration;
  }

  /** Adds a session (default account and token, answering any scopes unless `scopes` is given) and fires the change event. */
  addSession(opts: NewSession = {}): vscode.AuthenticationSession {
    const session: StoredSession = {
      id: `stand-in-session-${nextId++}`,
      accessToken: opts.accessToken ?? defaultToken,
      account: opts.account ?? defaultAccount,
      scopes: opts.scopes ?? [],
      anyScopes: opts.scopes === undefined,
    };
    this.stored.push(session);
    this.changes.fire({ added: [publicSession(session)], removed: [], changed: [] });
    return publicSession(session);
  }

  /** Removes one session and fires the change event; returns whether it existed. */
  removeSession(sessionId: string): boolean {
    const found = this.stored.find((s) => s.id === sessionId);
    if (!found) return false;
    this.stored = this.stored.filter((s) => s !== found);
    this.changes.fire({ added: [], removed: [publicSession(found)], changed: [] });
    return true;
  }

  /** Removes every session (as a sign-out elsewhere would) and fires one change event. */
  removeAllSessions(): void {
    const removed = this.stored.map(publicSession);
    this.stored = [];
    if (removed.length) this.changes.fire({ added: [], removed, changed: [] });
  }

  /** Replaces a session's token (as a refresh would) and fires a `changed` event. */
  changeSessionToken(sessionId: string, accessToken: string): void {
    const s = this.stored.find((x) => x.id === sessionId);
    if (!s) throw new Error(`No stand-in session ${sessionId}`);
    s.accessToken = accessToken;
    this.changes.fire({ added: [], removed: [], changed: [publicSession(s)] });
  }

  /** The current sessions. */
  currentSessions(): vscode.AuthenticationSession[] {
    return this.stored.map(publicSession);
  }

  /** Sets what `createSession` does (the sign-in prompt's outcome). */
  setCreateBehavior(b: CreateBehavior): void {
    this.createBehavior = b;
  }

  /** Every call made to the provider since the last reset, oldest first. */
  authCalls(): readonly AuthCall[] {
    return this.calls;
  }

  /** Clears the call log only. */
  clearAuthCalls(): void {
    this.calls = [];
  }

  /** Back to the start: no sessions (change event fired if there were any), empty call log, default behaviour. */
  reset(): void {
    this.removeAllSessions();
    this.calls = [];
    this.createBehavior = { kind: 'create' };
  }
}

let nextId = 1;

function matches(s: StoredSession, scopes: readonly string[] | undefined): boolean {
  return s.anyScopes || !scopes || scopes.every((x) => s.scopes.includes(x));
}

function publicSession(s: StoredSession): vscode.AuthenticationSession {
  return { id: s.id, accessToken: s.accessToken, account: s.account, scopes: s.scopes };
}

/** The stand-in for `microsoft` (the global cloud), which the module-level functions below act on. */
export const globalStandIn = new StandInProvider(standInProviderId, 'Microsoft (test stand-in)');

/**
 * The stand-in for `microsoft-sovereign-cloud` (national clouds). VS Code's built-in provider registers that id only
 * while `microsoft-sovereign-cloud.environment` is set; the stand-in is registered at suite start, before any test
 * sets it, so the product's `getSession` reaches the stand-in.
 */
export const sovereignStandIn = new StandInProvider(
  'microsoft-sovereign-cloud',
  'Microsoft Sovereign Cloud (test stand-in)',
);

/**
 * Registers the stand-ins under the ids `microsoft` and `microsoft-sovereign-cloud` (once; later calls return the
 * same registrations). Single-account on purpose: VS Code then hands an existing session to
 * `getSession(..., { createIfNone: true })` without a dialog (the launcher lists the product in
 * `trustedExtensionAuthAccess`). With multiple accounts, or with no session yet, VS Code asks "wants to sign in"
 * first, and test runs refuse every dialog: seed a session with `addSession` before the product signs in.
 */
export function registerStandInAuth(): vscode.Disposable {
  return vscode.Disposable.from(globalStandIn.register(), sovereignStandIn.register());
}

/** Adds a session to the `microsoft` stand-in; see `StandInProvider.addSession`. */
export function addSession(opts: NewSession = {}): vscode.AuthenticationSession {
  return globalStandIn.addSession(opts);
}

/** Removes one session of the `microsoft` stand-in and fires the change event; returns whether it existed. */
export function removeSession(sessionId: string): boolean {
  return globalStandIn.removeSession(sessionId);
}

/** Removes every session of the `microsoft` stand-in (as a sign-out elsewhere would) and fires one change event. */
export function removeAllSessions(): void {
  globalStandIn.removeAllSessions();
}

/** Replaces a `microsoft` stand-in session's token (as a refresh would) and fires a `changed` event. */
export function changeSessionToken(sessionId: string, accessToken: string): void {
  globalStandIn.changeSessionToken(sessionId, accessToken);
}

/** The `microsoft` stand-in's current sessions. */
export function currentSessions(): vscode.AuthenticationSession[] {
  return globalStandIn.currentSessions();
}

/** Sets what the `microsoft` stand-in's `createSession` does (the sign-in prompt's outcome). */
export function setCreateBehavior(b: CreateBehavior): void {
  globalStandIn.setCreateBehavior(b);
}

/** Sets the token new sessions carry. */
export function setDefaultToken(token: string): void {
  defaultToken = token;
}

/** The token new sessions carry. */
export function getDefaultToken(): string {
  return defaultToken;
}

/** Every call made to the `microsoft` stand-in since the last reset, oldest first. */
export function authCalls(): readonly AuthCall[] {
  return globalStandIn.authCalls();
}

/** Clears the `microsoft` stand-in's call log only. */
export function clearAuthCalls(): void {
  globalStandIn.clearAuthCalls();
}

/** Back to the start for both stand-ins: no sessions, empty call logs, default behaviour. */
export function resetStandInAuth(): void {
  globalStandIn.reset();
  sovereignStandIn.reset();
}
