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

interface StoredSession {
  id: string;
  accessToken: string;
  account: vscode.AuthenticationSessionAccountInformation;
  scopes: readonly string[];
  /** A session added without scopes answers every scope request. */
  anyScopes: boolean;
}

const changes = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
let stored: StoredSession[] = [];
let calls: AuthCall[] = [];
let createBehavior: CreateBehavior = { kind: 'create' };
let nextId = 1;
let registration: vscode.Disposable | undefined;

function matches(s: StoredSession, scopes: readonly string[] | undefined): boolean {
  return s.anyScopes || !scopes || scopes.every((x) => s.scopes.includes(x));
}

function publicSession(s: StoredSession): vscode.AuthenticationSession {
  return { id: s.id, accessToken: s.accessToken, account: s.account, scopes: s.scopes };
}

const provider: vscode.AuthenticationProvider = {
  onDidChangeSessions: changes.event,
  getSessions(scopes?: readonly string[]) {
    calls.push({ kind: 'getSessions', scopes: scopes ? [...scopes] : undefined });
    return Promise.resolve(stored.filter((s) => matches(s, scopes)).map(publicSession));
  },
  createSession(scopes: readonly string[]) {
    calls.push({ kind: 'createSession', scopes: [...scopes] });
    if (createBehavior.kind === 'fail') return Promise.reject(new Error(createBehavior.message));
    return Promise.resolve(addSession({ scopes: [...scopes], account: createBehavior.account }));
  },
  removeSession(sessionId: string) {
    calls.push({ kind: 'removeSession', sessionId });
    removeSession(sessionId);
    return Promise.resolve();
  },
};

/**
 * Registers the stand-in under the id `microsoft` (once; later calls return the same registration).
 * Single-account on purpose: VS Code then hands an existing session to `getSession(..., { createIfNone: true })`
 * without a dialog (the launcher lists the product in `trustedExtensionAuthAccess`). With multiple accounts, or
 * with no session yet, VS Code asks "wants to sign in" first, and test runs refuse every dialog: seed a session
 * with `addSession` before the product signs in.
 */
export function registerStandInAuth(): vscode.Disposable {
  registration ??= vscode.authentication.registerAuthenticationProvider(
    standInProviderId,
    'Microsoft (test stand-in)',
    provider,
    { supportsMultipleAccounts: false },
  );
  return registration;
}

/** Adds a session (default account and token, answering any scopes unless `scopes` is given) and fires the change event. */
export function addSession(
  opts: {
    accessToken?: string;
    account?: vscode.AuthenticationSessionAccountInformation;
    scopes?: string[];
  } = {},
): vscode.AuthenticationSession {
  const session: StoredSession = {
    id: `stand-in-session-${nextId++}`,
    accessToken: opts.accessToken ?? defaultToken,
    account: opts.account ?? defaultAccount,
    scopes: opts.scopes ?? [],
    anyScopes: opts.scopes === undefined,
  };
  stored.push(session);
  changes.fire({ added: [publicSession(session)], removed: [], changed: [] });
  return publicSession(session);
}

/** Removes one session and fires the change event; returns whether it existed. */
export function removeSession(sessionId: string): boolean {
  const found = stored.find((s) => s.id === sessionId);
  if (!found) return false;
  stored = stored.filter((s) => s !== found);
  changes.fire({ added: [], removed: [publicSession(found)], changed: [] });
  return true;
}

/** Removes every session (as a sign-out elsewhere would) and fires one change event. */
export function removeAllSessions(): void {
  const removed = stored.map(publicSession);
  stored = [];
  if (removed.length) changes.fire({ added: [], removed, changed: [] });
}

/** Replaces a session's token (as a refresh would) and fires a `changed` event. */
export function changeSessionToken(sessionId: string, accessToken: string): void {
  const s = stored.find((x) => x.id === sessionId);
  if (!s) throw new Error(`No stand-in session ${sessionId}`);
  s.accessToken = accessToken;
  changes.fire({ added: [], removed: [], changed: [publicSession(s)] });
}

/** The current sessions. */
export function currentSessions(): vscode.AuthenticationSession[] {
  return stored.map(publicSession);
}

/** Sets what `createSession` does (the sign-in prompt's outcome). */
export function setCreateBehavior(b: CreateBehavior): void {
  createBehavior = b;
}

/** Sets the token new sessions carry. */
export function setDefaultToken(token: string): void {
  defaultToken = token;
}

/** The token new sessions carry. */
export function getDefaultToken(): string {
  return defaultToken;
}

/** Every call made to the provider since the last reset, oldest first. */
export function authCalls(): readonly AuthCall[] {
  return calls;
}

/** Clears the call log only. */
export function clearAuthCalls(): void {
  calls = [];
}

/** Back to the start: no sessions (change event fired if there were any), empty call log, default behaviour. */
export function resetStandInAuth(): void {
  removeAllSessions();
  calls = [];
  createBehavior = { kind: 'create' };
}
