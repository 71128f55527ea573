// Parsing and validation of the extension's settings. Pure: no runtime `vscode` import, tested in Node.
// Every setting is read from user settings only: the endpoint and app registration decide where the token goes, and
// the zone and duration what is sent (a cloned repository's .vscode/settings.json must change none of them).

/** The settings section. */
export const configSection = 'outlookMeetings';

/** Setting keys, relative to `configSection`. */
export const settingKeys = {
  clientId: 'auth.clientId',
  tenant: 'auth.tenant',
  endpoint: 'graph.endpoint',
  defaultDurationMinutes: 'defaultDurationMinutes',
  timeZone: 'timeZone',
  showNextMeeting: 'nextMeeting.showInStatusBar',
  reminderMinutes: 'nextMeeting.reminderMinutes',
} as const;

export const defaultEndpoint = 'https://graph.microsoft.com';
export const defaultTenant = 'organizations';
export const defaultDurationMinutes = 30;
export const minDurationMinutes = 5;
export const maxDurationMinutes = 1440;

/** Graph hosts: the global service and the national clouds. */
export const graphHosts: readonly string[] = [
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
];

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** The shape of `WorkspaceConfiguration.inspect()` this module reads. */
export interface Inspection<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** A user-scope value: the user's (global) setting or the default; workspace and folder values are ignored. */
export interface UserValue<T> {
  value: T | undefined;
  /** A workspace or folder tried to set this setting (and was ignored). */
  workspaceIgnored: boolean;
}

/** Reads only the user (global) value of a setting from an inspection. */
export function userValue<T>(inspection: Inspection<T> | undefined): UserValue<T> {
  return {
    value: inspection?.globalValue !== undefined ? inspection.globalValue : inspection?.defaultValue,
    workspaceIgnored:
      inspection?.workspaceValue !== undefined || inspection?.workspaceFolderValue !== undefined,
  };
}

/**
 * The value in effect (folder, then workspace, then user, then default), as an extension reading it with `get` sees
 * it. For VS Code's own `microsoft-sovereign-cloud.environment`: its provider reads what is in effect, so the check
 * before sign-in must too (a workspace value that differs from the user's is then refused, never silently used).
 */
export function effectiveValue<T>(inspection: Inspection<T> | undefined): T | undefined {
  return (
    inspection?.workspaceFolderValue ??
    inspection?.workspaceValue ??
    inspection?.globalValue ??
    inspection?.defaultValue
  );
}

/** Why a setting's value was refused. */
export type SettingProblem =
  | 'notString'
  | 'notUrl'
  | 'notHttps'
  | 'hasCredentials'
  | 'hasPath'
  | 'hasQuery'
  | 'unknownHost'
  | 'notGuid'
  | 'invalidTenant'
  | 'tenantIsDomain'
  | 'nationalCloudNeedsClientId'
  | 'cloudEnvironmentMismatch';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem };

/** Validates the Graph endpoint: https, a Graph host (or loopback, for tests), no credentials, path or query. */
export function parseEndpoint(value: unknown): Parsed<string> {
  if (value === undefined || value === null || value === '') return { ok: true, value: defaultEndpoint };
  if (typeof value !== 'string') return { ok: false, problem: 'notString' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, problem: 'notUrl' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'notHttps' };
  if (url.username || url.password) return { ok: false, problem: 'hasCredentials' };
  if (url.pathname !== '/' && url.pathname !== '') return { ok: false, problem: 'hasPath' };
  if (url.search || url.hash) return { ok: false, problem: 'hasQuery' };
  const host = url.hostname.toLowerCase();
  if (!graphHosts.includes(host) && !loopbackHosts.has(host)) return { ok: false, problem: 'unknownHost' };
  if (url.port && !loopbackHosts.has(host)) return { ok: false, problem: 'unknownHost' };
  return { ok: true, value: url.origin };
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domain =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Validates the app registration's client ID: empty (VS Code's own app) or a GUID. */
export function parseClientId(value: unknown): Parsed<string | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, problem: 'notString' };
  const v = value.trim();
  if (v === '') return { ok: true, value: undefined };
  return guid.test(v) ? { ok: true, value: v.toLowerCase() } : { ok: false, problem: 'notGuid' };
}

/** The tenant values that are not a tenant ID, and the accounts each admits (README, "Register an Entra app"). */
export const tenantKeywords: readonly string[] = ['organizations', 'common', 'consumers'];

/**
 * Validates the tenant: `organizations`, `common`, `consumers` or a tenant ID (GUID). A domain name is refused
 * (`tenantIsDomain`): VS Code's Microsoft provider then refreshes the token on every `getSession` (GRAPH.md,
 * "VS Code's Microsoft sign-in").
 */
export function parseTenant(value: unknown): Parsed<string> {
  if (value === undefined || value === null) return { ok: true, value: defaultTenant };
  if (typeof value !== 'string') return { ok: false, problem: 'notString' };
  const v = value.trim();
  if (v === '') return { ok: true, value: defaultTenant };
  if (tenantKeywords.includes(v.toLowerCase()) || guid.test(v)) return { ok: true, value: v.toLowerCase() };
  return { ok: false, problem: domain.test(v) ? 'tenantIsDomain' : 'invalidTenant' };
}

/** The default meeting length: an integer in [5, 1440], else the default. */
export function parseDuration(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return defaultDurationMinutes;
  return Math.min(maxDurationMinutes, Math.max(minDurationMinutes, Math.round(value)));
}

/** The zone for new meetings: the setting when it names a known zone, else the system's zone. */
export function parseTimeZone(
  value: unknown,
  systemZone: string,
  isKnown: (zone: string) => boolean,
): string {
  if (typeof value !== 'string' || value.trim() === '') return systemZone;
  return isKnown(value.trim()) ? value.trim() : systemZone;
}

/** The meeting defaults and the settings whose workspace value was ignored. */
export interface MeetingDefaults {
  durationMinutes: number;
  /** The zone as the setting (or the system) names it; the host converts a Windows name to IANA. */
  timeZone: string;
  /** Keys (relative to `configSection`) a workspace or folder tried to set. */
  workspaceIgnored: string[];
}

/** The meeting defaults from the inspections of their settings: user values only, else the defaults. */
export function meetingDefaults(
  inspect: (key: string) => Inspection<unknown> | undefined,
  systemZone: string,
  isKnown: (zone: string) => boolean,
): MeetingDefaults {
  const zone = userValue(inspect(settingKeys.timeZone));
  const duration = userValue(inspect(settingKeys.defaultDurationMinutes));
  return {
    durationMinutes: parseDuration(duration.value),
    timeZone: parseTimeZone(zone.value, systemZone, isKnown),
    workspaceIgnored: [
      ...(zone.workspaceIgnored ? [settingKeys.timeZone] : []),
      ...(duration.workspaceIgnored ? [settingKeys.defaultDurationMinutes] : []),
    ],
  };
}

export const defaultReminderMinutes = 5;
export const maxReminderMinutes = 120;

/** The reminder's lead before a meeting: whole minutes in [0, 120] (0: no reminder), else the default. */
export function parseReminderMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return defaultReminderMinutes;
  return Math.min(maxReminderMinutes, Math.max(0, Math.round(value)));
}

/** The next meeting's settings (status bar item, reminder lead) and the settings whose workspace value was ignored. */
export interface NextMeetingSettings {
  showInStatusBar: boolean;
  reminderMinutes: number;
  workspaceIgnored: string[];
}

/** The next meeting's settings from their inspections: user values only, else the defaults. */
export function nextMeetingSettings(
  inspect: (key: string) => Inspection<unknown> | undefined,
): NextMeetingSettings {
  const show = userValue(inspect(settingKeys.showNextMeeting));
  const lead = userValue(inspect(settingKeys.reminderMinutes));
  return {
    showInStatusBar: typeof show.value === 'boolean' ? show.value : true,
    reminderMinutes: parseReminderMinutes(lead.value),
    workspaceIgnored: [
      ...(show.workspaceIgnored ? [settingKeys.showNextMeeting] : []),
      ...(lead.workspaceIgnored ? [settingKeys.reminderMinutes] : []),
    ],
  };
}

/** The scope Graph needs for every action. */
export const graphScopes: readonly string[] = ['Calendars.ReadWrite'];

/**
 * Sign-in scopes: the Graph scope (prefixed with the Graph origin `resource` for a national cloud) plus the user's
 * own app registration when one is configured.
 */
export function buildScopes(auth: { clientId?: string; tenant: string }, resource?: string): string[] {
  const scopes = resource ? graphScopes.map((s) => `${resource}/${s}`) : [...graphScopes];
  if (auth.clientId) scopes.push(`VSCODE_CLIENT_ID:${auth.clientId}`, `VSCODE_TENANT:${auth.tenant}`);
  return scopes;
}

/**
 * VS Code's Microsoft sign-in providers and the setting that picks the sovereign one's cloud, as the built-in
 * extension declares them (microsoft/vscode, extensions/microsoft-authentication/package.json:
 * `contributes.authentication` ids `microsoft` and `microsoft-sovereign-cloud`; `contributes.configuration`
 * `microsoft-sovereign-cloud.environment`, enum `ChinaCloud` | `USGovernment` | `custom`).
 */
export const globalProviderId = 'microsoft';
export const sovereignProviderId = 'microsoft-sovereign-cloud';
export const sovereignEnvironmentSetting = 'microsoft-sovereign-cloud.environment';

/** The `microsoft-sovereign-cloud.environment` values this extension uses. */
export type SovereignEnvironment = 'USGovernment' | 'ChinaCloud';

/** National-cloud Graph hosts and the sovereign environment whose sign-in their tokens need (GRAPH.md, "National clouds"). */
const nationalClouds: Readonly<Record<string, SovereignEnvironment>> = {
  'graph.microsoft.us': 'USGovernment',
  'dod-graph.microsoft.us': 'USGovernment',
  'microsoftgraph.chinacloudapi.cn': 'ChinaCloud',
};

/** How to sign in for one endpoint: which provider, which scopes, and (national clouds) which environment. */
export interface SignInPlan {
  providerId: string;
  scopes: string[];
  /** The value `microsoft-sovereign-cloud.environment` must have; absent for the global cloud. */
  environment?: SovereignEnvironment;
}

/**
 * The sign-in for a (validated) endpoint. The global cloud and loopback use `microsoft` with short scopes; a national
 * cloud uses `microsoft-sovereign-cloud`, fully-qualified scopes and needs the user's own app registered in that
 * cloud (`nationalCloudNeedsClientId` without one).
 */
export function signInPlan(auth: {
  endpoint: string;
  clientId?: string;
  tenant: string;
}): Parsed<SignInPlan> {
  const url = new URL(auth.endpoint);
  const environment = nationalClouds[url.hostname.toLowerCase()];
  if (!environment) return { ok: true, value: { providerId: globalProviderId, scopes: buildScopes(auth) } };
  if (!auth.clientId) return { ok: false, problem: 'nationalCloudNeedsClientId' };
  return {
    ok: true,
    value: { providerId: sovereignProviderId, scopes: buildScopes(auth, url.origin), environment },
  };
}

/** `cloudEnvironmentMismatch` when a national cloud's plan and the user's `microsoft-sovereign-cloud.environment` differ. */
export function sovereignEnvironmentProblem(plan: SignInPlan, actual: unknown): SettingProblem | undefined {
  return plan.environment && actual !== plan.environment ? 'cloudEnvironmentMismatch' : undefined;
}

/** What went wrong when signing in, as far as the message tells. */
export type SignInFailure =
  | 'cancelled'
  | 'unapprovedScope'
  | 'personalAccountAtOrganizations'
  | 'invalidClient'
  | 'consentBlocked'
  | 'appNotFound'
  | 'other';

/**
 * Classifies a sign-in error by the AADSTS code (Microsoft Entra "authentication and authorization error codes":
 * 500200 is a personal account signing in where only work or school accounts are allowed, 70002 an invalid client)
 * or the wording VS Code uses for a dismissed prompt.
 */
export function classifySignInError(error: unknown): SignInFailure {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/AADSTS65002\b/.test(text)) return 'unapprovedScope';
  if (/AADSTS500200\b/.test(text)) return 'personalAccountAtOrganizations';
  if (/AADSTS70002\b/.test(text)) return 'invalidClient';
  if (/AADSTS(700016|50020|90002)\b/.test(text)) return 'appNotFound';
  if (/AADSTS(90094|65001|90008)\b|admin approval|admin consent/i.test(text)) return 'consentBlocked';
  if (/cancel|did not consent|user declined/i.test(text)) return 'cancelled';
  return 'other';
}
