// Interrupted creates, host side: runs the read-only lookup (`MeetingOperations.resolvePendingCreates`) when an account
// comes into use and tells the user what became of each one.
import * as vscode from 'vscode';
import type { RecoveryOutcome } from '../services/recovery';
import type { MeetingOperations } from '../services/meetingOperations';
import { showError } from './errors';
import type { HostContext } from './hostContext';
import { notify } from './notifications';

let running: Promise<void> | undefined;

/** Resolves the signed-in account's pending creates (one run at a time). Loads Graph only when there are some. */
export function recoverPendingCreates(host: HostContext, operations: MeetingOperations): Promise<void> {
  running ??= recover(host, operations).finally(() => (running = undefined));
  return running;
}

async function recover(host: HostContext, operations: MeetingOperations): Promise<void> {
  const account = host.auth.account;
  if (!account) return;
  if (host.store.pendingCreates(account.id).length === 0) return;
  // Through the lazily loaded operations: the lookup re-validates drafts, and validation is not loaded at activation.
  const outcomes = await operations.resolvePendingCreates();
  for (const outcome of outcomes)
    report(host, operations, outcome).catch((e: unknown) => showError(e, host.log, { noRetry: true }));
}

async function report(
  host: HostContext,
  operations: MeetingOperations,
  outcome: RecoveryOutcome,
): Promise<void> {
  const subject =
    (typeof outcome.pending.subject === 'string' && outcome.pending.subject) || vscode.l10n.t('(no subject)');
  switch (outcome.kind) {
    case 'recorded':
      void notify.info(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted when VS Code closed, but Outlook made the meeting; it is now in your list.',
          subject,
        ),
      );
      return;
    case 'notMade': {
      const again = vscode.l10n.t('Schedule Again');
      const picked = await notify.warn(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted when VS Code closed and no meeting was made.',
          subject,
        ),
        again,
      );
      if (picked === again) {
        // One submit: its Retry sends the same transaction ID when the outcome was unknown.
        const attempt = `scheduleAgain:${outcome.pending.transactionId}`;
        const schedule = async (): Promise<void> => {
          try {
            await operations.schedule(outcome.draft, { attempt });
            void notify.info(vscode.l10n.t('"{0}" was scheduled.', subject));
          } catch (e) {
            await showError(e, host.log, { retry: schedule });
          }
        };
        await schedule();
      }
      return;
    }
    case 'unreadable':
      void notify.warn(
        vscode.l10n.t(
          'Scheduling "{0}" was interrupted when VS Code closed, and its saved details cannot be read, so it cannot be checked or scheduled again. Look in Outlook whether the meeting exists.',
          subject,
        ),
      );
      return;
    case 'unresolved':
      return;
  }
}
