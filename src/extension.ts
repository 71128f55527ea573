// Entry point: builds the services and registers the commands, the tree and the form panels.
// Nothing heavy loads here: the Graph client is required on first use (see Services.graph).
import type * as vscode from 'vscode';
import { MeetingActions } from './host/actions';
import { Auth } from './host/auth';
import { registerAccountCommands } from './host/commands/accountCommands';
import { registerItemCommands } from './host/commands/itemCommands';
import { registerMeetingCommands } from './host/commands/meetingCommands';
import { FormPanels } from './host/formPanel';
import { createLog } from './host/log';
import { recoverPendingCreates } from './host/recovery';
import { Services } from './host/services';
import { onDidChangeSettings, readAuthSettings } from './host/settings';
import { registerTree } from './host/tree';

/** Activates the extension. */
export function activate(context: vscode.ExtensionContext): void {
  const { log, channel } = createLog();
  const auth = new Auth(context.globalState, () => readAuthSettings((m) => log.warn(m)), log);
  const services = new Services(context, auth, log);
  const actions = new MeetingActions(services);
  const forms = new FormPanels(services, actions);
  const { tree, disposables: treeDisposables } = registerTree(services);
  const recover = (): Promise<void> =>
    recoverPendingCreates(services, actions).catch((e: unknown) =>
      log.error(e instanceof Error ? e : String(e)),
    );

  context.subscriptions.push(
    channel,
    auth,
    forms,
    forms.registerSerializer(),
    ...treeDisposables,
    ...registerMeetingCommands(services, actions, forms),
    ...registerItemCommands(services, actions, tree),
    ...registerAccountCommands(services, channel),
    onDidChangeSettings((e) => {
      services.resetClient();
      if (e.affectsConfiguration('outlookMeetings.auth')) void auth.refresh();
      tree.update();
    }),
    auth.onDidChangeAccount((account) => {
      services.resetClient();
      if (account) void recover();
    }),
  );

  // Not awaited: the silent sign-in check runs after activation; finding an account starts the recovery.
  void auth.refresh();
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
