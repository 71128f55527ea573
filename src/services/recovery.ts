// Interrupted creates: a create recorded as pending but never answered is looked up at the next activation.
// Read-only: the calendar is searched for an event with the pending create's `transactionId` around its
// time; nothing is re-sent, so no invitation goes out that the user believed had failed.
// Pure: no runtime `vscode` import; the host turns the outcomes into translated notifications.
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { Meeting, MeetingDraft } from '../core/types';
import { draftFieldNames } from '../core/fields';
import { validateSchedule } from '../core/validate';
import { isRecord } from '../graph/errors';
import type { PendingCreate } from '../store/meetingStore';
import { mayHaveReachedGraph } from './errors';
import type { OperationsDeps } from './meetingOperations';
import { storedFromMeeting } from './storedMeeting';

/** How far around the draft's start and end the calendar is searched (covers any zone misreading). */
export const recoveryWindowPaddingMs = 24 * 60 * 60 * 1000;

/** What became of one pending create. */
export type RecoveryOutcome =
  /** Graph made the meeting; it is now stored and the pending entry cleared. */
  | { kind: 'recorded'; pending: PendingCreate; meeting: Meeting }
  /** Graph holds no meeting for it; the pending entry is cleared. `draft` is the re-validated draft to schedule again. */
  | { kind: 'notMade'; pending: PendingCreate; draft: MeetingDraft }
  /** The lookup failed with an unknown outcome; the pending entry stays for the next time. */
  | { kind: 'unresolved'; pending: PendingCreate; error: unknown }
  /** The stored record has no valid draft (damaged, or another version's): removed without a lookup, reported once. */
  | { kind: 'unreadable'; pending: PendingCreate };

/** The fields a stored draft may hold (those `validateSchedule` produces: the table's draft fields). */
const draftFields: readonly string[] = draftFieldNames;

/**
 * A stored draft, checked again with the core validator (as if typed into the form), or undefined when it is not
 * one: missing, with fields a draft never has, start and end in different zones, or failing validation.
 */
export function revalidateDraft(value: unknown): MeetingDraft | undefined {
  if (!isRecord(value) || !Object.keys(value).every((k) => draftFields.includes(k))) return undefined;
  const { start, end, ...rest } = value;
  if (!isRecord(start) || !isRecord(end) || start.timeZone !== end.timeZone) return undefined;
  if (typeof start.timeZone !== 'string') return undefined;
  const v = validateSchedule(
    { ...rest, start: start.dateTime, end: end.dateTime, timeZone: start.timeZone },
    { defaultTimeZone: start.timeZone },
  );
  return v.ok ? v.value : undefined;
}

/** The UTC window searched for a pending create. */
export function recoveryWindow(
  p: PendingCreate,
  draft: MeetingDraft = p.draft,
): { start: number; end: number } {
  const start = graphDateTimeToEpochMs(draft.start) ?? p.start;
  const end = graphDateTimeToEpochMs(draft.end) ?? p.end;
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
  deps: Pick<OperationsDeps, 'store' | 'log' | 'graph' | 'account'>,
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
    const draft = revalidateDraft(p.draft);
    if (!draft) {
      await store.removePending(account.id, p.transactionId);
      log.warn(
        `Removed the unreadable interrupted create ${p.transactionId}: its stored draft is not valid.`,
      );
      outcomes.push({ kind: 'unreadable', pending: p });
      continue;
    }
    let meeting: Meeting | undefined;
    try {
      meeting = await client.findByTransactionId(p.transactionId, recoveryWindow(p, draft), {
        signal: options.signal,
        ...(draft.calendarId !== undefined ? { calendarId: draft.calendarId } : {}),
      });
    } catch (e) {
      if (mayHaveReachedGraph(e)) {
        log.warn(`Could not look up the interrupted create ${p.transactionId} yet; will try again later.`);
        outcomes.push({ kind: 'unresolved', pending: p, error: e });
        continue;
      }
      throw e;
    }
    if (meeting) {
      await store.completePending(account.id, p.transactionId, storedFromMeeting(meeting));
      log.info(`Recovered create ${p.transactionId}: meeting ${meeting.id}.`);
      outcomes.push({ kind: 'recorded', pending: p, meeting });
    } else {
      await store.removePending(account.id, p.transactionId);
      log.info(`Interrupted create ${p.transactionId}: Graph made no meeting.`);
      outcomes.push({ kind: 'notMade', pending: p, draft });
    }
  }
  return outcomes;
}
