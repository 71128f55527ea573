// The meetings created with the extension, one list per account, over a `Memento`-shaped store.
// Pure: no runtime `vscode` import. Each account's list is kept in memory, sorted by start, and written
// back whole after every change; writes are chained per account so concurrent operations never lose one.
// A revision stamp stored next to the list tells whether another window wrote since this one last read or
// wrote; only then is the stored list read again and the queued changes re-applied to it, so two windows
// never lose each other's meetings while a single window's write costs no re-read, re-sort or re-index.
import { isMeetingId } from '../core/meetingId';
import type { Recurrence } from '../core/recurrence';
import type { Attendee, Meeting, MeetingDraft } from '../core/types';

/** The subset of `vscode.Memento` the store needs. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** `active`: as created or updated; `cancelled`: cancelled here or in Outlook; `deleted`: gone from Outlook. */
export type MeetingStatus = 'active' | 'cancelled' | 'deleted';

/** One stored meeting: small on purpose; links are read from Graph when needed. */
export interface StoredMeeting {
  id: string;
  subject: string;
  /** UTC instant, ms since the epoch. */
  start: number;
  /** UTC instant, ms since the epoch. */
  end: number;
  /** The zone the meeting was scheduled in (IANA or Windows name). */
  timeZone: string;
  online: boolean;
  status: MeetingStatus;
  organizer: boolean;
  /** Graph's `lastModifiedDateTime`, when known. */
  lastModified?: string;
  /** A cancel was sent (or about to be) and its answer not yet seen: a later "not found" means we cancelled it. */
  cancelRequested?: boolean;
  /** How the attendees answered, counted (absent without attendees, and in records older than the counts). */
  responses?: ResponseCounts;
  /**
   * A series master's recurrence, as Graph reported it (validated by the mapping); `start`/`end` are then its first
   * occurrence's. Absent for single meetings and occurrences, and in older records.
   */
  recurrence?: Recurrence;
}

/**
 * How many attendees gave each answer (Graph's `attendees[].status.response`, "responseStatus resource type"); zero
 * counts are left out. `noAnswer`: `none` or `notResponded`, or no status at all. Counts, not people, so a record stays
 * small whatever the number of attendees; the tooltip reads the people from Graph.
 */
export interface ResponseCounts {
  accepted?: number;
  tentative?: number;
  declined?: number;
  noAnswer?: number;
}

/** Counts the attendees' answers; an attendee answering as the organizer is not counted. Undefined: nobody counted. */
export function countResponses(attendees: readonly Attendee[]): ResponseCounts | undefined {
  const counts: ResponseCounts = {};
  let any = false;
  for (const a of attendees) {
    const kind: keyof ResponseCounts | undefined =
      a.response === 'organizer'
        ? undefined
        : a.response === 'accepted'
          ? 'accepted'
          : a.response === 'tentativelyAccepted'
            ? 'tentative'
            : a.response === 'declined'
              ? 'declined'
              : 'noAnswer';
    if (!kind) continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
    any = true;
  }
  return any ? counts : undefined;
}

/** A create that was sent (or is about to be) but whose answer has not been recorded yet. */
export interface PendingCreate {
  transactionId: string;
  subject: string;
  /** UTC instant (ms), for display. */
  start: number;
  /** UTC instant (ms), for display. */
  end: number;
  /** When the create was recorded (ms since the epoch). */
  createdAt: number;
  /** The full validated draft, so the create can be re-sent with the same `transactionId`. */
  draft: MeetingDraft;
}

/** The tree's groups, each newest first. */
export interface MeetingGroups {
  upcoming: StoredMeeting[];
  past: StoredMeeting[];
  /** Cancelled and deleted-in-Outlook meetings. */
  cancelled: StoredMeeting[];
}

/** The longest subject kept in the store, in characters (the tree shows no more; Graph holds the full one). */
export const maxStoredSubjectLength = 80;
/** ... and in UTF-8 bytes, so a record stays small whatever the script. */
export const maxStoredSubjectBytes = 200;

const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Cuts a subject to the stored maximum, ending with an ellipsis, without splitting a surrogate pair. */
export function storedSubject(subject: string): string {
  let chars = 0;
  let bytes = 0;
  let cut = -1;
  let i = 0;
  for (const ch of subject) {
    chars++;
    bytes += utf8Length(ch.codePointAt(0) ?? 0);
    if (cut < 0 && (chars > maxStoredSubjectLength - 1 || bytes > maxStoredSubjectBytes - 3)) cut = i;
    if (chars > maxStoredSubjectLength || bytes > maxStoredSubjectBytes) return subject.slice(0, cut) + '…';
    i += ch.length;
  }
  return subject;
}

const meetingsKey = (accountId: string): string => `meetings/${accountId}`;
const pendingKey = (accountId: string): string => `pending/${accountId}`;
const revisionKey = (accountId: string): string => `meetingsRevision/${accountId}`;

/** Makes revision stamps unique to this store instance (window) and increasing within it. */
function revisionStamps(): () => string {
  const instance = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  let counter = 0;
  return () => `${instance}.${++counter}`;
}

/** A change to the meeting list, replayed on the freshest stored list when it is written. */
type MeetingsOp = (s: MeetingList) => void;
/** A change to the pending creates, likewise. */
type PendingOp = (pending: PendingCreate[]) => PendingCreate[];

interface MeetingList {
  /** Sorted by `start` ascending, then `id`. Records are never mutated in place. */
  meetings: StoredMeeting[];
  byId: Map<string, StoredMeeting>;
  /** Stored records this version cannot read, written back as they are. */
  unreadable: unknown[];
}

interface AccountState extends MeetingList {
  pending: PendingCreate[];
  writes: Promise<void>;
  /** The stored revision stamp when this instance last read or wrote the list. */
  revision: unknown;
  /** How many records the stored list had then (a cheap check against writers that keep no stamp). */
  storedLength: number;
  /** Changes made in memory whose write has not run yet, in order. */
  queuedMeetings: MeetingsOp[];
  queuedPending: PendingOp[];
}

/** Compares by start, then id, so the order is total and stable. */
function compare(a: StoredMeeting, b: StoredMeeting): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Index at which `m` keeps `list` sorted (binary search). */
function insertionIndex(list: StoredMeeting[], m: StoredMeeting): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid], m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The largest distance from the epoch a JavaScript `Date` can hold, in ms (ECMAScript's time value range). */
const maxTimeValue = 8.64e15;

/** A finite instant that a `Date` can hold. */
function isInstant(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= maxTimeValue;
}

/** Whether a stored value is a record this version can read and show. */
function isStoredMeeting(r: unknown): r is StoredMeeting {
  const m = r as Partial<StoredMeeting> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    isMeetingId(m.id) &&
    typeof m.subject === 'string' &&
    isInstant(m.start) &&
    isInstant(m.end) &&
    typeof m.timeZone === 'string' &&
    (m.status === 'active' || m.status === 'cancelled' || m.status === 'deleted')
  );
}

/** True when `a` is newer than `b` (the later `lastModified`; when neither tells, the later one in the list). */
function newer(a: StoredMeeting, b: StoredMeeting): boolean {
  if (a.lastModified && b.lastModified && a.lastModified !== b.lastModified) {
    const ta = Date.parse(a.lastModified);
    const tb = Date.parse(b.lastModified);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta > tb;
  }
  return true;
}

/** What a stored list holds: the records this version reads (one per ID), and the others, kept as they are. */
interface SanitizedList {
  meetings: StoredMeeting[];
  /** Records this version cannot read (malformed, or from another version): written back untouched. */
  unreadable: unknown[];
}

/**
 * Splits a stored list into readable records, one per ID (the newest wins), and records this version cannot
 * read, which are kept so that writing the list back never deletes another version's data.
 */
function sanitize(value: unknown): SanitizedList {
  if (!Array.isArray(value)) return { meetings: [], unreadable: [] };
  const byId = new Map<string, StoredMeeting>();
  const unreadable: unknown[] = [];
  for (const r of value as unknown[]) {
    if (!isStoredMeeting(r)) {
      unreadable.push(r);
      continue;
    }
    const seen = byId.get(r.id);
    if (!seen || newer(r, seen)) byId.set(r.id, r);
  }
  return { meetings: [...byId.values()], unreadable };
}

/** Converts a Graph wall time in its zone to a UTC instant; `toInstant` comes from the core's date-time module. */
export type WallTimeToInstant = (dateTime: string, timeZone: string) => number;

/** Builds the stored record of a meeting read back from Graph. */
export function toStoredMeeting(meeting: Meeting, toInstant: WallTimeToInstant): StoredMeeting {
  const record: StoredMeeting = {
    id: meeting.id,
    subject: storedSubject(meeting.subject),
    start: toInstant(meeting.start.dateTime, meeting.start.timeZone),
    end: toInstant(meeting.end.dateTime, meeting.end.timeZone),
    timeZone: meeting.start.timeZone,
    online: meeting.isOnlineMeeting,
    status: meeting.isCancelled ? 'cancelled' : 'active',
    organizer: meeting.isOrganizer,
  };
  if (meeting.lastModifiedDateTime) record.lastModified = meeting.lastModifiedDateTime;
  const responses = countResponses(meeting.attendees);
  if (responses) record.responses = responses;
  if (meeting.type === 'seriesMaster' && meeting.recurrence) record.recurrence = meeting.recurrence;
  return record;
}

const dayMs = 86_400_000;
/** The longest a pattern's period can be, in days ("recurrencePattern resource type": `interval` counts these). */
const periodDays: Record<string, number> = {
  daily: 1,
  weekly: 7,
  absoluteMonthly: 31,
  relativeMonthly: 31,
  absoluteYearly: 366,
  relativeYearly: 366,
};

/**
 * When a meeting is over: its end, or for a series master the end of its last occurrence, bounded from above without
 * expanding the series: `noEnd` never (Infinity); `endDate` the day after that date in any zone (its UTC midnight plus
 * two days) plus one occurrence's length; `numbered` the first start plus as many periods (`interval` days, weeks at
 * most 7 days, months 31, years 366) as it takes, plus one period of slack. A stored recurrence of the wrong shape
 * (a damaged record) counts as none.
 */
export function seriesEnd(m: StoredMeeting): number {
  const r = m.recurrence as unknown;
  if (typeof r !== 'object' || r === null) return m.end;
  const { pattern, range } = r as { pattern?: Partial<Recurrence['pattern']>; range?: Partial<Recurrence['range']> };
  const period = periodDays[String(pattern?.type)];
  const interval = pattern?.interval;
  if (period === undefined || typeof interval !== 'number' || !(interval >= 1) || typeof range !== 'object')
    return m.end;
  const length = Math.max(0, m.end - m.start);
  switch (range?.type) {
    case 'noEnd':
      return Number.POSITIVE_INFINITY;
    case 'endDate': {
      const last = Date.parse(`${String(range.endDate)}T00:00:00Z`);
      return Number.isNaN(last) ? m.end : last + 2 * dayMs + length;
    }
    case 'numbered': {
      const count = range.numberOfOccurrences;
      if (typeof count !== 'number' || !(count >= 1)) return m.end;
      const perPeriod = Array.isArray(pattern?.daysOfWeek) ? Math.max(1, pattern.daysOfWeek.length) : 1;
      return m.start + (Math.ceil(count / perPeriod) + 1) * interval * period * dayMs + length;
    }
    default:
      return m.end;
  }
}

/** Splits meetings into the tree's groups, each newest (latest start) first. O(n), no sort. */
export function groupMeetings(meetings: readonly StoredMeeting[], now: number): MeetingGroups {
  const groups: MeetingGroups = { upcoming: [], past: [], cancelled: [] };
  for (let i = meetings.length - 1; i >= 0; i--) {
    const m = meetings[i];
    if (m.status !== 'active') groups.cancelled.push(m);
    else if ((m.recurrence ? seriesEnd(m) : m.end) > now) groups.upcoming.push(m);
    else groups.past.push(m);
  }
  return groups;
}

/** Adds or replaces `m` in a sorted list. */
function putInList(l: MeetingList, m: StoredMeeting): void {
  removeFromList(l, m.id);
  l.meetings.splice(insertionIndex(l.meetings, m), 0, m);
  l.byId.set(m.id, m);
}

/** Removes the meeting with `id` from a sorted list, if there. */
function removeFromList(l: MeetingList, id: string): void {
  const old = l.byId.get(id);
  if (!old) return;
  let i = insertionIndex(l.meetings, old);
  while (i < l.meetings.length && l.meetings[i].id !== id) i++;
  if (i < l.meetings.length) l.meetings.splice(i, 1);
  else {
    const j = l.meetings.findIndex((m) => m.id === id);
    if (j >= 0) l.meetings.splice(j, 1);
  }
  l.byId.delete(id);
}

/** The list of meetings created with the extension, per account, with pending creates. */
export class MeetingStore {
  private readonly accounts = new Map<string, AccountState>();
  private readonly nextRevision = revisionStamps();
  private readonly listeners = new Set<(accountId: string) => void>();
  /** How many unreadable records were last logged per account, so each finding is logged once. */
  private readonly reportedUnreadable = new Map<string, number>();

  /** `log` hears about stored records this version cannot read (they are kept, not shown). */
  constructor(
    private readonly memento: MementoLike,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  private readMeetings(accountId: string): MeetingList {
    const { meetings, unreadable } = sanitize(this.memento.get(meetingsKey(accountId)));
    if (unreadable.length > 0 && this.reportedUnreadable.get(accountId) !== unreadable.length) {
      this.reportedUnreadable.set(accountId, unreadable.length);
      this.log(
        `${unreadable.length} stored record(s) of account ${accountId} could not be read (another version's, or damaged); they are kept as they are and not shown.`,
      );
    }
    meetings.sort(compare);
    return { meetings, byId: new Map(meetings.map((m) => [m.id, m])), unreadable };
  }

  /**
   * The account's pending creates. A record without a transaction ID cannot be looked up or removed by ID: it is
   * logged and left out (the next write drops it). The draft is checked by recovery, which reports and removes it.
   */
  private readPending(accountId: string): PendingCreate[] {
    const pending = this.memento.get<unknown>(pendingKey(accountId));
    if (!Array.isArray(pending)) return [];
    const readable = pending.filter(
      (p): p is PendingCreate =>
        typeof p === 'object' && p !== null && typeof (p as PendingCreate).transactionId === 'string',
    );
    if (readable.length < pending.length)
      this.log(
        `Left out ${pending.length - readable.length} unreadable interrupted create(s) of account ${accountId} (no transaction ID); the next write removes them.`,
      );
    return readable;
  }

  private state(accountId: string): AccountState {
    let s = this.accounts.get(accountId);
    if (!s) {
      const revision = this.memento.get<unknown>(revisionKey(accountId));
      const list = this.readMeetings(accountId);
      s = {
        ...list,
        revision,
        storedLength: list.meetings.length,
        pending: this.readPending(accountId),
        writes: Promise.resolve(),
        queuedMeetings: [],
        queuedPending: [],
      };
      this.accounts.set(accountId, s);
    }
    return s;
  }

  /**
   * Applies a change in memory now and queues its write. The write writes every change queued so far in
   * one go. When another window wrote since this one last read or wrote (the stored revision stamp
   * differs), it first re-reads the stored list and re-applies the queued changes to it, so windows never
   * drop each other's changes; otherwise the in-memory list already is the stored one plus those changes.
   */
  private change(accountId: string, s: AccountState, op: MeetingsOp): Promise<void> {
    op(s);
    s.queuedMeetings.push(op);
    this.fire(accountId);
    return this.enqueue(s, async () => {
      if (s.queuedMeetings.length === 0) return;
      const stored = this.memento.get<unknown>(meetingsKey(accountId));
      const revision = this.memento.get<unknown>(revisionKey(accountId));
      const unchanged =
        revision !== undefined &&
        revision === s.revision &&
        Array.isArray(stored) &&
        stored.length === s.storedLength;
      if (!unchanged) {
        const fresh = this.readMeetings(accountId);
        for (const queued of s.queuedMeetings) queued(fresh);
        s.meetings = fresh.meetings;
        s.byId = fresh.byId;
        s.unreadable = fresh.unreadable;
      }
      s.queuedMeetings = [];
      const value: unknown[] = [...s.meetings, ...s.unreadable];
      s.revision = this.nextRevision();
      s.storedLength = value.length;
      await Promise.all([
        this.memento.update(meetingsKey(accountId), value),
        this.memento.update(revisionKey(accountId), s.revision),
      ]);
    });
  }

  /** Like `change`, for the pending creates. */
  private changePending(accountId: string, s: AccountState, op: PendingOp): Promise<void> {
    s.pending = op(s.pending);
    s.queuedPending.push(op);
    return this.enqueue(s, async () => {
      const fresh = op(this.readPending(accountId));
      s.queuedPending.shift();
      let merged = fresh.slice();
      for (const later of s.queuedPending) merged = later(merged);
      s.pending = merged;
      await this.memento.update(pendingKey(accountId), fresh);
    });
  }

  /** Chains a write after the account's earlier ones; resolves when it is done. */
  private enqueue(s: AccountState, run: () => Promise<void>): Promise<void> {
    const next = s.writes.then(run, run);
    s.writes = next.catch(() => undefined);
    return next;
  }

  /**
   * Forgets the in-memory copy once its queued writes are done, so the next read comes from the memento
   * (e.g. after another window wrote). Changes made while waiting are written before it is dropped.
   */
  async reload(accountId: string): Promise<void> {
    const s = this.accounts.get(accountId);
    if (!s) return;
    let seen: Promise<void>;
    do {
      seen = s.writes;
      await seen;
    } while (seen !== s.writes);
    if (this.accounts.get(accountId) === s) {
      this.accounts.delete(accountId);
      this.fire(accountId);
    }
  }

  /**
   * Calls `listener` with the account ID whenever that account's meeting list changes in memory (a put, patch,
   * removal, or a reload that may bring another window's changes). Listeners run synchronously; dispose to stop.
   */
  onDidChange(listener: (accountId: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private fire(accountId: string): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(accountId);
      } catch (e) {
        this.log(`A store change listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** All stored meetings of the account, sorted by start ascending. Do not mutate. */
  list(accountId: string): readonly StoredMeeting[] {
    return this.state(accountId).meetings;
  }

  /** The stored meeting with this ID, if any. */
  get(accountId: string, id: string): StoredMeeting | undefined {
    return this.state(accountId).byId.get(id);
  }

  /** The account's meetings grouped for the tree. */
  groups(accountId: string, now: number = Date.now()): MeetingGroups {
    return groupMeetings(this.state(accountId).meetings, now);
  }

  /** Adds the meeting, or replaces the stored one with the same ID. */
  put(accountId: string, meeting: StoredMeeting): Promise<void> {
    return this.change(accountId, this.state(accountId), (l) => putInList(l, meeting));
  }

  /** Adds or replaces several meetings with one write. */
  putMany(accountId: string, meetings: readonly StoredMeeting[]): Promise<void> {
    const copy = meetings.slice();
    return this.change(accountId, this.state(accountId), (l) => {
      for (const m of copy) putInList(l, m);
    });
  }

  /** Changes some fields of a stored meeting; no-op when it is not stored. */
  patch(accountId: string, id: string, changes: Partial<Omit<StoredMeeting, 'id'>>): Promise<void> {
    const s = this.state(accountId);
    if (!s.byId.get(id)) return Promise.resolve();
    return this.change(accountId, s, (l) => {
      const current = l.byId.get(id);
      if (current) putInList(l, { ...current, ...changes, id });
    });
  }

  /** Sets the status of a stored meeting (cancelled, deleted in Outlook). */
  setStatus(accountId: string, id: string, status: MeetingStatus): Promise<void> {
    return this.patch(accountId, id, { status });
  }

  /** Removes a meeting from the list. */
  remove(accountId: string, id: string): Promise<void> {
    return this.change(accountId, this.state(accountId), (l) => removeFromList(l, id));
  }

  /** The account's pending creates, oldest first. */
  pendingCreates(accountId: string): readonly PendingCreate[] {
    return this.state(accountId).pending;
  }

  /** Records a create before it is sent. */
  addPending(accountId: string, pending: PendingCreate): Promise<void> {
    return this.changePending(accountId, this.state(accountId), (list) => [
      ...list.filter((p) => p.transactionId !== pending.transactionId),
      pending,
    ]);
  }

  /** Forgets a pending create (answered, failed for sure, or given up). */
  removePending(accountId: string, transactionId: string): Promise<void> {
    return this.changePending(accountId, this.state(accountId), (list) =>
      list.filter((p) => p.transactionId !== transactionId),
    );
  }

  /** Records the meeting Graph made for a pending create and clears the pending entry, meeting first. */
  completePending(accountId: string, transactionId: string, meeting: StoredMeeting): Promise<void> {
    const stored = this.put(accountId, meeting);
    const cleared = this.removePending(accountId, transactionId);
    return Promise.all([stored, cleared]).then(() => undefined);
  }

  /** Resolves when every write queued so far for the account is done. */
  flush(accountId: string): Promise<void> {
    return this.state(accountId).writes;
  }
}
