// Sign in, sign out, switch account, the setup guide and the log.
import * as vscode from 'vscode';
import type { HostContext } from '../hostContext';
import { showError } from '../errors';
import { notify } from '../notifications';

/** The README section on registering an Entra app. */
export const setupGuideAnchor = 'register-an-entra-app-once-per-organization';

/** Registers the account commands. */
export function registerAccountCommands(
  services: HostContext,
  channel: vscode.OutputChannel,
): vscode.Disposable[] {
  const signIn = async (switchAccount: boolean): Promise<void> => {
    try {
      const account = await services.auth.signIn({ switchAccount });
      services.resetClient();
      void notify.info(vscode.l10n.t('Signed in to Outlook as {0}.', account.label));
    } catch (e) {
      void showError(e, services.log, { retry: () => signIn(switchAccount) });
    }
  };
  return [
    vscode.commands.registerCommand('outlookMeetings.signIn', () => signIn(false)),
    vscode.commands.registerCommand('outlookMeetings.switchAccount', () => signIn(true)),
    vscode.commands.registerCommand('outlookMeetings.signOut', async () => {
      await services.auth.signOut();
      services.resetClient();
      void notify.info(
        vscode.l10n.t(
          'Outlook Meetings no longer uses your Microsoft account. To remove the account from VS Code, use the Accounts menu.',
        ),
      );
    }),
    vscode.commands.registerCommand('outlookMeetings.showSetupGuide', async () => {
      const readme = vscode.Uri.joinPath(services.context.extensionUri, 'README.md').with({
        fragment: setupGuideAnchor,
      });
      try {
        await vscode.commands.executeCommand('markdown.showPreview', readme);
      } catch {
        await vscode.commands.executeCommand('vscode.open', readme);
      }
    }),
    vscode.commands.registerCommand('outlookMeetings.showLog', () => channel.show(true)),
  ];
}
