// Schedule, update and cancel: validation, the store bookkeeping and the Graph calls, without UI.
// Pure: no runtime `vscode` import; the host wraps it and shows translated messages. The store announces its changes.
// `schedule` is the one place that makes a meeting: it picks the create's transaction ID, reuses it when the same
// submit is retried, records the pending create, decides (with `mayHaveReachedGraph`) whether it stays pending,
// and `resolvePendingCreates` is its recovery.
import { randomUUID } from 'node:crypto';
import { graphDateTimeToEpochMs } from '../core/datetime';
import { isMappingError, pickOnlineMeetingProvider } from '../core/mapping';
import { fieldError } from '../core/messages';
import type { CancelRequest, FieldError, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import { validateCancel, validateSchedule, validateUpdate } from '../core/validate';
import { validateTimeWindow } from '../core/findTime';
import type { CalendarEntry } from '../graph/calendarView';
import type { CalendarInfo } from '../graph/calendars';
import { listCalendars } from '../graph/calendars';
import type { MeetingsClient } from '../graph/client';
import { isMeetingsError } from '../graph/errors';
import type { Occurrence } from '../graph/instances';
import type { MeetingStore } from '../store/meetingStore';
import { InvalidArgumentsError, OrganizerOnlyError, mayHaveReachedGraph } from './errors';
import type { RecoveryOptions, RecoveryOutcome } from './recovery';
import { resolvePendingCreates } from './recovery';
import { storedFromMeeting } from './storedMeeting';

/** The Graph client as the operations use it. */
export type MeetingsApi = Pick<
  MeetingsClient,
  | 'schedule'
  | 'update'
  | 'cancel'
  | 'get'
  | 'getMany'
  | 'onlineMeetingProviders'
  | 'findByTransactionId'
  | 'send'
  | 'calendarView'
  | 'occurrences'
  | 'pages'
>;

/** "Find a time" rides in this bundle (dist/operations.js), loaded at its first use (src/host/findTime.ts). */
export { FindTimeService } from './findTime';

/** Where the operations log (never tokens). */
export interface OperationsLog {
  info(message: string): void;
  warn(message: string): void;
}

/** What the operations need from their host. */
export interface OperationsDeps {
  store: MeetingStore;
  log: OperationsLog;
  /** The Graph client for the current account (may throw the host's own errors: not signed in, settings). */
  graph(): Promise<MeetingsApi>;
  /** The account whose list is used. */
  account(): Promise<{ id: string }>;
  /** The zone for wall times without a zone. */
  defaultTimeZone(): string;
}

/** Options shared by the operations. */
export interface OperationOptions {
  signal?: AbortSignal;
}

/** Options of `schedule`. */
export interface ScheduleOptions extends OperationOptions {
  /**
   * The caller's key for one submit (the form, one "Schedule Again"), so that retrying it reuses the transaction ID of
   * an attempt whose outcome is unknown (Graph then returns the event it made instead of making a second one). Only
   * the same draft under the same key is a retry. Without a key every call is a new meeting.
   */
  attempt?: string;
}

function invalid(errors: FieldError[]): InvalidArgumentsError {
  return new InvalidArgumentsError(errors);
}

/** Maps a "Teams unavailable" refusal to a field error on `teamsMeeting`. */
function teamsFieldError(e: unknown): unknown {
  if (isMappingError(e) && (e.code === 'teamsUnavailable' || e.code === 'teamsCannotBeTurnedOff')) {
    return invalid([fieldError('teamsMeeting', e.code)]);
  }
  if (isMeetingsError(e) && (e.code === 'teamsUnavailable' || e.code === 'teamsCannotBeTurnedOff')) {
    return invalid([fieldError('teamsMeeting', e.code)]);
  }
  return e;
}

/** Meeting operations over a store and a Graph client. */
export class MeetingOperations {
  /** Creates in flight through this instance (recovery leaves them alone). */
  private readonly inFlight = new Set<string>();
  /** Transaction IDs of submits that may be retried (in flight, or whose outcome is unknown), by attempt key and draft. */
  private readonly attempts = new Map<string, string>();

  constructor(private readonly deps: OperationsDeps) {}

  /** The zone for wall times without a zone. */
  defaultTimeZone(): string {
    return this.deps.defaultTimeZone();
  }

  /**
   * Looks up the account's interrupted creates (read-only) and records or clears each; creates in flight through
   * this instance are left alone. Here, in the lazily loaded operations, so the validation it uses is not loaded at
   * activation.
   */
  resolvePendingCreates(options: Omit<RecoveryOptions, 'inFlight'> = {}): Promise<RecoveryOutcome[]> {
    return resolvePendingCreates(this.deps, { ...options, inFlight: this.inFlight });
  }

  /** Validates schedule input; throws `InvalidArgumentsError` naming each bad field (nothing is sent). */
  validateSchedule(input: unknown): MeetingDraft {
    const v = validateSchedule(input, { defaultTimeZone: this.defaultTimeZone() });
    if (!v.ok) throw invalid(v.errors);
    return v.value;
  }

  /** Whether the account can add Teams meetings (reads the calendar's providers once per client). */
  async teamsAvailable(client?: MeetingsApi, options: OperationOptions = {}): Promise<boolean> {
    const api = client ?? (await this.deps.graph());
    const providers = await api.onlineMeetingProviders({ signal: options.signal });
    return pickOnlineMeetingProvider(providers.allowed, providers.defaultProvider) !== undefined;
  }

  /**
   * Creates the meeting, at most once per submit. The transaction ID is chosen here: a retry of the same submit
   * (same `attempt` key, same draft) after an unknown outcome sends the same ID, which Graph de-duplicates (Microsoft
   * Learn, "event resource type", `transactionId`: "to avoid redundant POST operations in case of client retries to
   * create the same event"). The pending
   * create is stored before the request and cleared when Graph answers or surely refused; when the create may have
   * reached Graph (`mayHaveReachedGraph`) it stays pending for a retry or for `resolvePendingCreates`.
   */
  async schedule(draft: MeetingDraft, options: ScheduleOptions = {}): Promise<Meeting> {
    const { store, log } = this.deps;
    const client = await this.deps.graph();
    const account = await this.deps.account();
    if (draft.teamsMeeting && !(await this.teamsAvailable(client, options))) {
      throw invalid([fieldError('teamsMeeting', 'teamsUnavailable')]);
    }
    const key = options.attempt === undefined ? undefined : `${options.attempt}\n${JSON.stringify(draft)}`;
    const transactionId = (key !== undefined ? this.attempts.get(key) : undefined) ?? randomUUID();
    if (key !== undefined) this.attempts.set(key, transactionId);
    const start = graphDateTimeToEpochMs(draft.start) ?? Date.now();
    const end = graphDateTimeToEpochMs(draft.end) ?? start;
    await store.addPending(account.id, {
      transactionId,
      subject: draft.subject ?? '',
      start,
      end,
      createdAt: Date.now(),
      draft,
    });
    let meeting: Meeting;
    this.inFlight.add(transactionId);
    try {
      meeting = await client.schedule(draft, { transactionId, signal: options.signal });
    } catch (e) {
      if (mayHaveReachedGraph(e)) {
        log.warn(
          `The create ${transactionId} may have reached Graph; it stays pending until retried or recovered.`,
        );
      } else {
        if (key !== undefined) this.attempts.delete(key);
        await store.removePending(account.id, transactionId);
      }
      throw teamsFieldError(e);
    } finally {
      this.inFlight.delete(transactionId);
    }
    if (key !== undefined) this.attempts.delete(key);
    await store.completePending(account.id, transactionId, storedFromMeeting(meeting));
    log.info(`Scheduled meeting ${meeting.id} (transaction ${transactionId}).`);
    return meeting;
  }

  /** The user's calendars (`GET /me/calendars`, graph/calendars.ts), for the form's calendar picker. */
  async calendars(options: OperationOptions = {}): Promise<CalendarInfo[]> {
    return listCalendars(await this.deps.graph(), { signal: options.signal });
  }

  /** Reads a meeting from Graph. */
  async get(meetingId: string, options: OperationOptions = {}): Promise<Meeting> {
    const client = await this.deps.graph();
    return client.get(meetingId, { signal: options.signal });
  }

  /**
   * Validates and applies an update (only the given fields). Reads the meeting first unless `current` is
   * given, so one-sided time changes, Teams and the organizer are checked before anything is sent.
   */
  async update(input: unknown, options: OperationOptions & { current?: Meeting } = {}): Promise<Meeting> {
    const { current, changes } = await this.previewUpdate(input, options);
    const client = await this.deps.graph();
    if (changes.teamsMeeting && !current.isOnlineMeeting && !(await this.teamsAvailable(client, options))) {
      throw invalid([fieldError('teamsMeeting', 'teamsUnavailable')]);
    }
    let meeting: Meeting;
    try {
      meeting = await client.update(changes, { current, signal: options.signal });
    } catch (e) {
      throw teamsFieldError(e);
    }
    await this.record(meeting);
    return meeting;
  }

  /**
   * The occurrences (and changed occurrences) of the series `seriesMasterId` overlapping `window` (epoch ms), soonest
   * first (`GET /me/events/{id}/instances`, graph/instances.ts): the tree's "Update/Cancel this occurrence…" list.
   */
  async occurrences(
    seriesMasterId: string,
    window: { start: number; end: number },
    options: OperationOptions = {},
  ): Promise<Occurrence[]> {
    return (await this.deps.graph()).occurrences(seriesMasterId, window, options);
  }

  /**
   * Validates an update against the meeting as Graph has it (read unless `current` is given) and checks the user
   * organizes it, sending nothing: what `update` sends, for a confirmation to show first (the agent tool).
   */
  async previewUpdate(
    input: unknown,
    options: OperationOptions & { current?: Meeting } = {},
  ): Promise<{ current: Meeting; changes: MeetingChanges }> {
    const defaultTimeZone = this.defaultTimeZone();
    const pre = validateUpdate(input, { defaultTimeZone });
    if (!pre.ok) throw invalid(pre.errors);
    const current = options.current ?? (await this.get(pre.value.meetingId, options));
    if (!current.isOrganizer)
      throw new OrganizerOnlyError(current.id, current.organizer?.name ?? current.organizer?.address);
    const v = validateUpdate(input, { defaultTimeZone, current });
    if (!v.ok) throw invalid(v.errors);
    return { current, changes: v.value };
  }

  /**
   * The user's calendar in a `{ start, end }` window (ISO 8601, validated as command arguments are; the agent tool
   * `outlookMeetings_list`), occurrences of series expanded, soonest first. Throws `InvalidArgumentsError` (nothing sent).
   */
  async listMeetings(input: unknown, options: OperationOptions = {}): Promise<CalendarEntry[]> {
    const v = validateTimeWindow(input, { defaultTimeZone: this.defaultTimeZone() });
    if (!v.ok) throw invalid(v.errors);
    const client = await this.deps.graph();
    return client.calendarView({ start: v.value.startMs, end: v.value.endMs }, { signal: options.signal });
  }

  /** Stores Graph's answer for a meeting the store already lists. */
  private async record(meeting: Meeting): Promise<void> {
    const account = await this.deps.account();
    if (this.deps.store.get(account.id, meeting.id)) {
      await this.deps.store.put(account.id, storedFromMeeting(meeting));
    }
  }

  /** Validates a cancel input; throws `InvalidArgumentsError`. */
  validateCancel(input: unknown): CancelRequest {
    const v = validateCancel(input);
    if (!v.ok) throw invalid(v.errors);
    return v.value;
  }

  /** Reads the meeting and refuses (sending nothing) when the user is not its organizer. */
  async readForCancel(meetingId: string, options: OperationOptions = {}): Promise<Meeting> {
    const meeting = await this.get(meetingId, options);
    if (!meeting.isOrganizer) {
      throw new OrganizerOnlyError(meeting.id, meeting.organizer?.name ?? meeting.organizer?.address);
    }
    return meeting;
  }

  /** Cancels the meeting (organizer only; checked first unless `checked` is given). */
  async cancel(input: unknown, options: OperationOptions & { checked?: Meeting } = {}): Promise<void> {
    const req = this.validateCancel(input);
    const meeting = options.checked ?? (await this.readForCancel(req.meetingId, options));
    const client = await this.deps.graph();
    const account = await this.deps.account();
    const { store } = this.deps;
    const stored = store.get(account.id, req.meetingId) !== undefined;
    if (!meeting.isCancelled) {
      // Recorded before sending, so a refresh that later finds the event gone knows the cancel was ours.
      if (stored) await store.patch(account.id, req.meetingId, { cancelRequested: true });
      try {
        await client.cancel(req, { signal: options.signal });
      } catch (e) {
        if (stored && !mayHaveReachedGraph(e))
          await store.patch(account.id, req.meetingId, { cancelRequested: undefined });
        throw e;
      }
    }
    if (stored)
      await store.patch(account.id, req.meetingId, { status: 'cancelled', cancelRequested: undefined });
    this.deps.log.info(`Cancelled meeting ${req.meetingId}.`);
  }
}
