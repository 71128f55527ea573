// Entry point: builds the services and registers the commands, the tree and the form panels.
// Nothing heavy loads here: the Graph client (see Services.graph) and the form panels are required on first use.
import * as vscode from 'vscode';
import { MeetingActions } from './host/actions';
import { Auth } from './host/auth';
import { registerAccountCommands } from './host/commands/accountCommands';
import { registerItemCommands } from './host/commands/itemCommands';
import { registerMeetingCommands } from './host/commands/meetingCommands';
import { NotOrganizerError, describeError, showError } from './host/errors';
import type * as FormPanelModule from './host/formPanel';
import type { FormPanels } from './host/formPanel';
import { createLog } from './host/log';
import { recoverPendingCreates } from './host/recovery';
import { Services } from './host/services';
import { onDidChangeSettings, readAuthSettings } from './host/settings';
import { registerTree } from './host/tree';

const formViewType: typeof FormPanelModule.formViewType = 'outlookMeetings.form';

/** Activates the extension. */
export function activate(context: vscode.ExtensionContext): void {
  const { log, channel } = createLog();
  const auth = new Auth(context.globalState, () => readAuthSettings((m) => log.warn(m)), log);
  const services = new Services(context, auth, log);
  const actions = new MeetingActions(services);
  let panels: FormPanels | undefined;
  const loadForms = (): FormPanels => {
    if (!panels) {
      // Loaded on first use, not at activation (a separate bundle, dist/forms.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { FormPanels: Panels } = require('./host/formPanel') as typeof FormPanelModule;
      panels = new Panels(services, actions, {
        NotOrganizerError,
        describeError,
        showError,
      });
    }
    return panels;
  };
  const forms: Pick<FormPanels, 'openSchedule' | 'openUpdate'> = {
    openSchedule: () => loadForms().openSchedule(),
    openUpdate: (meetingId) => loadForms().openUpdate(meetingId),
  };
  const { tree, disposables: treeDisposables } = registerTree(services);
  const recover = (): Promise<void> =>
    recoverPendingCreates(services, actions).catch((e: unknown) =>
      log.error(e instanceof Error ? e : String(e)),
    );

  context.subscriptions.push(
    channel,
    auth,
    { dispose: () => panels?.dispose() },
    // Registered now so forms come back after a reload; the panel code loads when one does.
    vscode.window.registerWebviewPanelSerializer(formViewType, {
      deserializeWebviewPanel: (panel, state) => loadForms().restore(panel, state),
    }),
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
