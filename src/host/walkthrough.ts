// The context key the walkthrough's last step completes on (`onContext:outlookMeetings.hasMeetings`, package.json
// `contributes.walkthroughs`): true once the signed-in account has scheduled a meeting here. The other steps complete
// on events that exist anyway: the setup guide command, the client ID setting, `outlookMeetings.signedIn`.
import * as vscode from 'vscode';
import type { HostContext } from './hostContext';

export const hasMeetingsContextKey = 'outlookMeetings.hasMeetings';

/** Keeps `outlookMeetings.hasMeetings` true while the signed-in account's list holds a meeting. */
export function registerWalkthroughContext(host: HostContext): vscode.Disposable[] {
  let last: boolean | undefined;
  const update = (): void => {
    const account = host.auth.account;
    const has = account !== undefined && host.store.list(account.id).length > 0;
    if (has === last) return;
    last = has;
    void vscode.commands.executeCommand('setContext', hasMeetingsContextKey, has);
  };
  update();
  return [host.store.onDidChange(() => update()), host.auth.onDidChangeAccount(() => update())];
}
