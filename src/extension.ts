// Entry point: builds the host context and the meeting operations, and registers the commands, the tree and the forms.
// Nothing heavy loads here: the Graph client (see HostContext.graph) and the form panels are required on first use.
import * as vscode from 'vscode';
import { Auth } from './host/auth';
import { registerAccountCommands } from './host/commands/accountCommands';
import { registerFindTimeCommands } from './host/commands/findTimeCommands';
import { registerItemCommands } from './host/commands/itemCommands';
import { registerMeetingCommands } from './host/commands/meetingCommands';
import { describeError, showError } from './host/errors';
import { describeUnavailable, featureAccess, lazyFindTime } from './host/findTime';
import type * as FormPanelModule from './host/formPanel';
import type { FormPanels } from './host/formPanel';
import { createLog } from './host/log';
import { recoverPendingCreates } from './host/recovery';
import { HostContext } from './host/hostContext';
import { registerNextMeeting } from './host/nextMeeting';
import { lazyMeetingOperations } from './host/operations';
import { onDidChangeSettings, readAuthSettings } from './host/settings';
import { registerTools } from './host/tools';
import { registerTree } from './host/tree';
import { registerSelectionMeeting } from './host/selectionMeeting';
import { registerWalkthroughContext } from './host/walkthrough';

const formViewType: typeof FormPanelModule.formViewType = 'outlookMeetings.form';

/** Activates the extension. */
export function activate(context: vscode.ExtensionContext): void {
  const { log, channel } = createLog();
  const auth = new Auth(context.globalState, () => readAuthSettings((m) => log.warn(m)), log);
  const host = new HostContext(context, auth, log);
  const operations = lazyMeetingOperations(host);
  const findTime = lazyFindTime(host);
  let panels: FormPanels | undefined;
  const loadForms = (): FormPanels => {
    if (!panels) {
      // Loaded on first use, not at activation (a separate bundle, dist/forms.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { FormPanels: Panels } = require('./host/formPanel') as typeof FormPanelModule;
      panels = new Panels(
        host,
        operations,
        { describeError, showError },
        {
          service: findTime,
          allow: (feature) => featureAccess(host, feature, { interactive: true }),
          describeUnavailable,
        },
      );
    }
    return panels;
  };
  const forms: Pick<FormPanels, 'openSchedule' | 'openUpdate'> = {
    openSchedule: () => loadForms().openSchedule(),
    openUpdate: (meetingId) => loadForms().openUpdate(meetingId),
  };
  const { tree, disposables: treeDisposables } = registerTree(host);
  const recover = (): Promise<void> =>
    recoverPendingCreates(host, operations).catch((e: unknown) =>
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
    ...registerMeetingCommands(host, operations, forms),
    ...registerItemCommands(host, operations, tree),
    ...registerAccountCommands(host, channel),
    ...registerSelectionMeeting(host, (prefill) => loadForms().openSchedule(prefill)),
    ...registerWalkthroughContext(host),
    ...registerNextMeeting(host),
    ...registerTools(host, operations, findTime),
    ...registerFindTimeCommands(findTime),
    onDidChangeSettings((e) => {
      host.resetClient();
      if (e.affectsConfiguration('outlookMeetings.auth')) void auth.refresh();
      tree.update();
    }),
    auth.onDidChangeAccount((account) => {
      host.resetClient();
      if (account) void recover();
    }),
  );

  // Not awaited: the silent sign-in check runs after activation; finding an account starts the recovery.
  void auth.refresh();
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
