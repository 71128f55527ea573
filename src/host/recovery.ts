// Interrupted creates: a create recorded as pending but never answered is resolved at the next activation.
// Graph de-duplicates creates by `transactionId`, so re-sending the same draft returns the meeting it
// made, or makes it now if the first request never arrived.
import * as vscode from 'vscode';
import type { MeetingActions } from './actions';
import { storeChanged } from './actions';
import { describeError, mayHaveReachedGraph } from './errors';
import type { Services } from './services';
import { storedFromMeeting } from './services';

/** Pending creates older than this are not re-sent; the user is told to check Outlook instead. */
export const maxRecoveryAgeMs = 24 * 60 * 60 * 1000;

let running: Promise<void> | undefined;

/** Resolves the signed-in account's pending creates (one run at a time). Loads Graph only when there are some. */
export function recoverPendingCreates(services: Services, actions: MeetingActions): Promise<void> {
  running ??= recover(services, actions).finally(() => (running = undefined));
  return running;
}

async function recover(services: Services, actions: MeetingActions): Promise<void> {
  const account = services.auth.account;
  if (!account) return;
  const { store, log } = services;
  const pending = store.pendingCreates(account.id).filter((p) => !actions.inFlight.has(p.transactionId));
  if (pending.length === 0) return;
  log.info(`Resolving ${pending.length} interrupted create(s).`);
  for (const p of pending) {
    const subject = p.subject || vscode.l10n.t('(no subject)');
    if (Date.now() - p.createdAt > maxRecoveryAgeMs) {
      await store.removePending(account.id, p.transactionId);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted more than a day ago and could not be confirmed. Check your Outlook calendar.',
          subject,
        ),
      );
      continue;
    }
    try {
      const client = await services.graph();
      const meeting = await client.schedule(p.draft, { transactionId: p.transactionId });
      await store.completePending(account.id, p.transactionId, storedFromMeeting(meeting));
      storeChanged.fire();
      log.info(`Recovered create ${p.transactionId}: meeting ${meeting.id}.`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted when VS Code closed; the meeting is now in your calendar.',
          subject,
        ),
      );
    } catch (e) {
      if (mayHaveReachedGraph(e)) {
        log.warn(`Could not resolve the interrupted create ${p.transactionId} yet; will try again later.`);
        continue;
      }
      await store.removePending(account.id, p.transactionId);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted and no meeting was made: {1}',
          subject,
          describeError(e).message,
        ),
      );
    }
  }
}
