// Reads the extension's settings, all from user settings only (see settingsModel.ts).
import * as vscode from 'vscode';
import { isKnownTimeZone, toIanaZone, userTimeZone } from '../core/datetime';
import type { Parsed, SettingProblem } from './settingsModel';
import {
  configSection,
  effectiveValue,
  meetingDefaults,
  parseClientId,
  parseEndpoint,
  parseTenant,
  settingKeys,
  sovereignEnvironmentSetting,
  userValue,
} from './settingsModel';

/** Settings, validated. */
export interface Settings {
  endpoint: string;
  clientId?: string;
  tenant: string;
  durationMinutes: number;
  /** IANA name. */
  timeZone: string;
}

/** The settings sign-in needs. */
export interface AuthSettings extends Pick<Settings, 'endpoint' | 'clientId' | 'tenant'> {
  /** `microsoft-sovereign-cloud.environment` (VS Code's setting) as in effect, unvalidated. */
  sovereignEnvironment?: unknown;
}

/** What a national-cloud setting problem needs to say exactly what to set. */
export interface SettingsErrorDetail {
  /** The value the setting must have. */
  expected?: string;
  /** The value it has (undefined: not set). */
  actual?: unknown;
  /** The Graph endpoint that needs it. */
  endpoint?: string;
}

/** A setting holds a value the extension refuses to use; nothing is sent until it is fixed. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    /** Full setting id, e.g. `outlookMeetings.graph.endpoint`. */
    readonly setting: string,
    readonly problem: SettingProblem,
    readonly detail: SettingsErrorDetail = {},
  ) {
    super(
      detail.expected !== undefined
        ? `The setting ${setting} must be "${detail.expected}" for ${detail.endpoint ?? 'this endpoint'} (it is ${
            detail.actual === undefined ? 'not set' : JSON.stringify(detail.actual)
          }); nothing was sent.`
        : `The setting ${setting} is not valid (${problem}).`,
    );
  }
}

/** Guard that survives separately bundled copies of the class. */
export function isSettingsError(e: unknown): e is SettingsError {
  return e instanceof Error && e.name === 'SettingsError' && typeof (e as SettingsError).setting === 'string';
}

function userSetting<T>(key: string, log?: (m: string) => void): T | undefined {
  const inspection = vscode.workspace.getConfiguration(configSection).inspect<T>(key);
  const { value, workspaceIgnored } = userValue(inspection);
  if (workspaceIgnored && log)
    log(`Ignoring the workspace value of ${configSection}.${key}: only user settings apply.`);
  return value;
}

function unwrap<T>(key: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw new SettingsError(`${configSection}.${key}`, parsed.problem);
  return parsed.value;
}

/** The endpoint and app registration settings (user settings only); throws `SettingsError`. Cheap: no `Intl` work. */
export function readAuthSettings(log?: (m: string) => void): AuthSettings {
  const endpoint = unwrap(settingKeys.endpoint, parseEndpoint(userSetting(settingKeys.endpoint, log)));
  const clientId = unwrap(settingKeys.clientId, parseClientId(userSetting(settingKeys.clientId, log)));
  const tenant = unwrap(settingKeys.tenant, parseTenant(userSetting(settingKeys.tenant, log)));
  // VS Code's provider reads its environment with `get` (the value in effect, a workspace's included), so the check
  // before sign-in reads the same: a workspace value that differs from the user's fails the check, never slips past.
  const environment = effectiveValue(
    vscode.workspace.getConfiguration().inspect(sovereignEnvironmentSetting),
  );
  return { endpoint, clientId, tenant, sovereignEnvironment: environment === '' ? undefined : environment };
}

/** Reads and validates the settings; throws `SettingsError` for a value that must not be used. */
export function readSettings(log?: (m: string) => void): Settings {
  const config = vscode.workspace.getConfiguration(configSection);
  const { endpoint, clientId, tenant } = readAuthSettings(log);
  const defaults = meetingDefaults((key) => config.inspect(key), userTimeZone(), isKnownTimeZone);
  for (const key of defaults.workspaceIgnored)
    log?.(`Ignoring the workspace value of ${configSection}.${key}: only user settings apply.`);
  return {
    endpoint,
    clientId,
    tenant,
    durationMinutes: defaults.durationMinutes,
    // IANA, so the form's picker and Intl understand it (a Windows name in the setting is converted).
    timeZone: toIanaZone(defaults.timeZone) ?? 'UTC',
  };
}

/** Opens the Settings editor on one setting (or the extension's section). */
export async function openSettings(setting: string = configSection): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', setting);
}

/** Calls `listener` when a setting of the extension changes. */
export function onDidChangeSettings(
  listener: (e: vscode.ConfigurationChangeEvent) => void,
): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(configSection)) listener(e);
  });
}
