// Shared plumbing of the commands: errors shown for UI invocations, sign-in on demand.
import type { HostContext } from '../hostContext';
import { isNoAccountError } from '../auth';
import { showError } from '../errors';

/**
 * Runs a UI action and shows its error as a notification (with Retry re-running it). The command settles
 * without waiting for the user to answer the notification.
 */
export async function runWithUi<T>(services: HostContext, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (e) {
    void showError(e, services.log, { retry: () => runWithUi(services, action) });
    return undefined;
  }
}

/** Makes sure someone is signed in, prompting when needed (the user asked for an action). */
export async function ensureSignedIn(services: HostContext): Promise<void> {
  try {
    await services.account();
  } catch (e) {
    if (!isNoAccountError(e)) throw e;
    await services.auth.signIn();
  }
}

/** The error a command rejects with when its argument is neither a tree item nor an arguments object. */
export function invalidArgument(command: string): Error {
  return new Error(
    `${command} expects no argument, a meeting from the Meetings view, or an arguments object.`,
  );
}
