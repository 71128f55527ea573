// The host's shared state, handed to the commands, the tree and the forms: settings, sign-in, the store, and the Graph
// client (created on first use). Not to be confused with src/services/, the pure action flow.
import type * as vscode from 'vscode';
import type * as GraphClientModule from '../graph/client';
import type { MeetingsApi } from '../services/meetingOperations';
import { MeetingStore } from '../store/meetingStore';
import type { Account, Auth } from './auth';
import { NoAccountError } from './auth';
import type { Log } from './log';
import type { Settings } from './settings';
import { readSettings } from './settings';

/** Shared state of the extension host layer. */
export class HostContext {
  readonly store: MeetingStore;
  private client: { key: string; api: Promise<MeetingsApi> } | undefined;
  /** Clients whose token carries extra scopes ("find a time"), by endpoint, account, zone and scopes. */
  private featureClients = new Map<string, Promise<MeetingsApi>>();

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly auth: Auth,
    readonly log: Log,
  ) {
    this.store = new MeetingStore(context.globalState, (m) => log.warn(m));
  }

  /** Validated settings; throws `SettingsError` when one must not be used. */
  settings(): Settings {
    return readSettings((m) => this.log.warn(m));
  }

  /** The signed-in account, without prompting; throws `NoAccountError`. */
  async account(): Promise<Account> {
    await this.auth.session();
    const account = this.auth.account;
    if (!account) throw new NoAccountError();
    return account;
  }

  /** The Graph client for the current endpoint and account; loads the Graph module on first use. */
  async graph(): Promise<MeetingsApi> {
    const settings = this.settings();
    const account = await this.account();
    const key = `${settings.endpoint}\n${account.id}\n${settings.timeZone}`;
    if (this.client?.key !== key) {
      const api = this.createClient(settings);
      this.client = { key, api };
      api.catch(() => {
        if (this.client?.api === api) this.client = undefined;
      });
    }
    return this.client.api;
  }

  /** The Graph client whose token carries the base scopes plus `extra` (granted before: `Auth.featureSession`). */
  async featureGraph(extra: readonly string[]): Promise<MeetingsApi> {
    if (extra.length === 0) return this.graph();
    const settings = this.settings();
    const account = await this.account();
    const key = `${settings.endpoint}\n${account.id}\n${settings.timeZone}\n${extra.join(' ')}`;
    let api = this.featureClients.get(key);
    if (!api) {
      api = this.createClient(settings, () => this.auth.featureToken(extra));
      this.featureClients.set(key, api);
    }
    return api;
  }

  private async createClient(
    settings: Settings,
    getToken: () => Promise<string> = () => this.auth.token(),
  ): Promise<MeetingsApi> {
    const started = Date.now();
    // Loaded here, not at the top, so activation does not pay for the Graph client and its SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MeetingsClient } = require('../graph/client') as typeof GraphClientModule;
    const client = new MeetingsClient({
      baseUrl: settings.endpoint,
      getToken,
      timeZone: settings.timeZone,
      log: (entry) =>
        this.log.info(`${entry.method} ${entry.path} -> ${entry.status ?? entry.error ?? 'no answer'}`),
    });
    this.log.info(`Graph client ready for ${settings.endpoint} in ${Date.now() - started} ms.`);
    return client;
  }

  /** Drops the client so the next call builds one for the new settings or account. */
  resetClient(): void {
    this.client = undefined;
    this.featureClients.clear();
  }
}
