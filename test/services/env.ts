// Shared pieces of the fault suites: a memento two "windows" can share, and the pure actions wired to a
// fake Graph client and a store.
import type { MeetingsClient } from '../../src/graph/client';
import type { OperationsDeps } from '../../src/services/meetingOperations';
import { MeetingOperations } from '../../src/services/meetingOperations';
import type { MementoLike } from '../../src/store/meetingStore';
import { MeetingStore } from '../../src/store/meetingStore';

export const accountId = 'acc-1';

/** A `Memento` over one backing map: values are copied in and out, writes settle on a later turn. */
export class SharedMemento implements MementoLike {
  readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/** Collects what the actions log. */
export interface CapturedLog {
  info(message: string): void;
  warn(message: string): void;
  lines: string[];
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

/** Dependencies of the pure actions for one account over `store` and `client`. */
export function depsFor(store: MeetingStore, client: MeetingsClient): OperationsDeps {
  return {
    store,
    log: captureLog(),
    graph: () => Promise.resolve(client),
    account: () => Promise.resolve({ id: accountId }),
    defaultTimeZone: () => 'Europe/Berlin',
  };
}

/**
 * The transaction ID of each create the store is given, by subject: the service chooses them, so tests read them
 * here (or from the fake's requests).
 */
export function recordTransactionIds(store: MeetingStore): Map<string, string> {
  const bySubject = new Map<string, string>();
  const addPending = store.addPending.bind(store);
  store.addPending = (account, pending) => {
    bySubject.set(pending.subject, pending.transactionId);
    return addPending(account, pending);
  };
  return bySubject;
}

/**
 * The window `closing` closes (its store written to the shared memento) and another opens on the same memento, as
 * after a reload or a crash of VS Code.
 */
export async function reopenWindow(
  closing: { store: MeetingStore },
  memento: MementoLike,
  client: MeetingsClient,
): Promise<ReturnType<typeof openWindow>> {
  await closing.store.flush(accountId);
  return openWindow(memento, client);
}

/** A "window": a store over the shared memento and the actions over it. */
export function openWindow(
  memento: MementoLike,
  client: MeetingsClient,
): {
  store: MeetingStore;
  ops: MeetingOperations;
  deps: OperationsDeps;
} {
  const store = new MeetingStore(memento);
  const deps = depsFor(store, client);
  return { store, ops: new MeetingOperations(deps), deps };
}
