// Refresh: reconciles the stored meetings of the account with what Graph says now (changed, cancelled, deleted in
// Outlook, or failed to read). Pure: no runtime `vscode` import; the host shows progress and the outcome.
import type { Meeting } from '../core/types';
import { isMeetingsError, isNotFoundError } from '../graph/errors';
import type { StoredMeeting } from '../store/meetingStore';
import type { OperationsDeps } from './meetingOperations';
import { storedFromMeeting, storedMeetingSelect } from './storedMeeting';

/** What one refresh did. */
export interface RefreshResult {
  /** How many stored meetings were read from Graph (deleted ones included). */
  checked: number;
  /** How many records were written back (changed or not). */
  recorded: number;
  /** Meetings Graph could not answer for, with the error; their records are left as they were. */
  failed: { id: string; error: unknown }[];
}

/** What to do with one stored meeting given Graph's answer for it. */
type Reconciled =
  { kind: 'record'; meeting: StoredMeeting } | { kind: 'keep' } | { kind: 'failed'; error: unknown };

/**
 * The rule for one meeting:
 * - Graph has it: its current state is recorded (a meeting marked deleted comes back; one cancelled here stays
 *   cancelled);
 * - not found (`ErrorItemNotFound`/`itemNotFound`, see `isNotFoundError`): a cancel we sent whose answer was lost
 *   explains it, so the meeting is cancelled; otherwise an active meeting was deleted in Outlook;
 * - any other error (for example 404 `MailboxNotEnabledForRESTAPI` for an unlicensed, on-premises or soft-deleted
 *   mailbox, see "Microsoft Graph error responses and resource types"): reported, nothing changes.
 */
function reconcile(old: StoredMeeting, answer: Meeting | Error | undefined): Reconciled {
  if (answer === undefined)
    return { kind: 'failed', error: new Error(`Graph gave no answer for ${old.id}.`) };
  if (isNotFoundError(answer)) {
    if (old.cancelRequested && old.status !== 'cancelled')
      return { kind: 'record', meeting: withoutCancelIntent({ ...old, status: 'cancelled' }) };
    if (old.status === 'active') return { kind: 'record', meeting: { ...old, status: 'deleted' } };
    return { kind: 'keep' };
  }
  if (answer instanceof Error || isMeetingsError(answer)) return { kind: 'failed', error: answer };
  const next = storedFromMeeting(answer);
  if (old.status === 'cancelled' && next.status === 'active') next.status = 'cancelled';
  return { kind: 'record', meeting: next };
}

/** The record without its cancel intent. */
function withoutCancelIntent(m: StoredMeeting): StoredMeeting {
  const copy = { ...m };
  delete copy.cancelRequested;
  return copy;
}

/** Options of `refreshMeetings`. */
export interface RefreshOptions {
  signal?: AbortSignal;
}

/**
 * Re-reads every stored meeting of the account (in `$batch` requests) and records what changed. The store announces
 * the change itself. A request that fails as a whole throws; per-meeting failures come back in `failed`.
 */
export async function refreshMeetings(
  deps: Pick<OperationsDeps, 'store' | 'log' | 'graph' | 'account'>,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const { store, log } = deps;
  const account = await deps.account();
  await store.reload(account.id);
  const ids = store.list(account.id).map((m) => m.id);
  if (ids.length === 0) return { checked: 0, recorded: 0, failed: [] };
  const client = await deps.graph();
  const answers = await client.getMany(ids, { signal: options.signal, select: storedMeetingSelect });
  const updates: StoredMeeting[] = [];
  const failed: RefreshResult['failed'] = [];
  for (const id of ids) {
    const old = store.get(account.id, id);
    if (!old) continue;
    const r = reconcile(old, answers.get(id));
    if (r.kind === 'record') updates.push(r.meeting);
    else if (r.kind === 'failed') {
      failed.push({ id, error: r.error });
      log.warn(`Refresh of ${id} failed: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
    }
  }
  if (updates.length > 0) await store.putMany(account.id, updates);
  log.info(`Refreshed ${ids.length} meetings: ${updates.length} recorded, ${failed.length} failed.`);
  return { checked: ids.length, recorded: updates.length, failed };
}
