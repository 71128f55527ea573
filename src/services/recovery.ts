// Interrupted creates: a create recorded as pending but never answered is looked up at the next activation.
// Read-only: the calendar is searched for an event with the pending create's `transactionId` around its
// time; nothing is re-sent, so no invitation goes out that the user believed had failed.
// Pure: no runtime `vscode` import; the host turns the outcomes into translated notifications.
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { Meeting } from '../core/types';
import type { PendingCreate } from '../store/meetingStore';
import { outcomeUnknown } from './errors';
import type { ActionDeps } from './meetingActions';
import { storedFromMeeting } from './meetingActions';

/** How far around the draft's start and end the calendar is searched (covers any zone misreading). */
export const recoveryWindowPaddingMs = 24 * 60 * 60 * 1000;

/** What became of one pending create. */
export type RecoveryOutcome =
  /** Graph made the meeting; it is now stored and the pending entry cleared. */
  | { kind: 'recorded'; pending: PendingCreate; meeting: Meeting }
  /** Graph holds no meeting for it; the pending entry is cleared (the draft can be scheduled again). */
  | { kind: 'notMade'; pending: PendingCreate }
  /** The lookup failed with an unknown outcome; the pending entry stays for the next time. */
  | { kind: 'unresolved'; pending: PendingCreate; error: unknown };

/** The UTC window searched for a pending create. */
export function recoveryWindow(p: PendingCreate): { start: number; end: number } {
  const start = graphDateTimeToEpochMs(p.draft.start) ?? p.start;
  const end = graphDateTimeToEpochMs(p.draft.end) ?? p.end;
  return {
    start: Math.min(start, end, p.start) - recoveryWindowPaddingMs,
    end: Math.max(start, end, p.end) + recoveryWindowPaddingMs,
  };
}

/** Options of `resolvePendingCreates`. */
export interface RecoveryOptions {
  /** Creates still in flight in this process (left alone). */
  inFlight?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/**
 * Looks up each pending create of the account (read-only) and records or clears it. Errors that are not
 * about the outcome (not signed in, settings) are thrown before anything changes.
 */
export async function resolvePendingCreates(
  deps: Pick<ActionDeps, 'store' | 'log' | 'graph' | 'account' | 'onStoreChanged'>,
  options: RecoveryOptions = {},
): Promise<RecoveryOutcome[]> {
  const { store, log } = deps;
  const account = await deps.account();
  const pending = store.pendingCreates(account.id).filter((p) => !options.inFlight?.has(p.transactionId));
  if (pending.length === 0) return [];
  log.info(`Looking up ${pending.length} interrupted create(s).`);
  const client = await deps.graph();
  const outcomes: RecoveryOutcome[] = [];
  for (const p of pending) {
    let meeting: Meeting | undefined;
    try {
      meeting = await client.findByTransactionId(p.transactionId, recoveryWindow(p), {
        signal: options.signal,
      });
    } catch (e) {
      if (outcomeUnknown(e)) {
        log.warn(`Could not look up the interrupted create ${p.transactionId} yet; will try again later.`);
        outcomes.push({ kind: 'unresolved', pending: p, error: e });
        continue;
      }
      throw e;
    }
    if (meeting) {
      await store.completePending(account.id, p.transactionId, storedFromMeeting(meeting));
      deps.onStoreChanged?.();
      log.info(`Recovered create ${p.transactionId}: meeting ${meeting.id}.`);
      outcomes.push({ kind: 'recorded', pending: p, meeting });
    } else {
      await store.removePending(account.id, p.transactionId);
      log.info(`Interrupted create ${p.transactionId}: Graph made no meeting.`);
      outcomes.push({ kind: 'notMade', pending: p });
    }
  }
  return outcomes;
}
