// Schedule, update and cancel: validation, the store bookkeeping and the Graph calls, without UI.
// The commands (with or without UI) and the form panel all go through here.
import * as vscode from 'vscode';
import { graphDateTimeToEpochMs } from '../core/datetime';
import { pickOnlineMeetingProvider, isMappingError } from '../core/mapping';
import { fieldError } from '../core/messages';
import type { FieldError, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import { validateCancel, validateSchedule, validateUpdate } from '../core/validate';
import { isMeetingsError } from '../graph/errors';
import { InvalidArgumentsError } from './commandArgs';
import { mayHaveReachedGraph, NotOrganizerError } from './errors';
import type { MeetingsApi, Services } from './services';
import { storedFromMeeting } from './services';

/** Options shared by the actions. */
export interface ActionOptions {
  signal?: AbortSignal;
}

/** Emits when the stored list of an account changed. */
export const storeChanged = new vscode.EventEmitter<void>();

function invalid(errors: FieldError[]): InvalidArgumentsError {
  return new InvalidArgumentsError(errors);
}

/** Meeting operations over the shared services. */
export class MeetingActions {
  /** Creates in flight in this window (recovery leaves them alone). */
  readonly inFlight = new Set<string>();

  constructor(private readonly services: Services) {}

  /** The zone for wall times without a zone. */
  defaultTimeZone(): string {
    return this.services.settings().timeZone;
  }

  /** Validates schedule input; throws `InvalidArgumentsError` naming each bad field (nothing is sent). */
  validateSchedule(input: unknown): MeetingDraft {
    const v = validateSchedule(input, { defaultTimeZone: this.defaultTimeZone() });
    if (!v.ok) throw invalid(v.errors);
    return v.value;
  }

  /** Whether the account can add Teams meetings (reads the calendar's providers once per client). */
  async teamsAvailable(client?: MeetingsApi, options: ActionOptions = {}): Promise<boolean> {
    const api = client ?? (await this.services.graph());
    const providers = await api.onlineMeetingProviders({ signal: options.signal });
    return pickOnlineMeetingProvider(providers.allowed, providers.defaultProvider) !== undefined;
  }

  /**
   * Creates the meeting. The pending create (with `transactionId`) is stored before the request; the
   * meeting is stored as soon as Graph answers, before anything else. Reuse `transactionId` on a retry.
   */
  async schedule(draft: MeetingDraft, transactionId: string, options: ActionOptions = {}): Promise<Meeting> {
    const { store, log } = this.services;
    const client = await this.services.graph();
    const account = await this.services.account();
    if (draft.teamsMeeting && !(await this.teamsAvailable(client, options))) {
      throw invalid([fieldError('teamsMeeting', 'teamsUnavailable')]);
    }
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
      if (!mayHaveReachedGraph(e)) await store.removePending(account.id, transactionId);
      else
        log.warn(
          `The create ${transactionId} may have reached Graph; it stays pending until retried or recovered.`,
        );
      throw this.teamsFieldError(e);
    } finally {
      this.inFlight.delete(transactionId);
    }
    await store.completePending(account.id, transactionId, storedFromMeeting(meeting));
    storeChanged.fire();
    log.info(`Scheduled meeting ${meeting.id} (transaction ${transactionId}).`);
    return meeting;
  }

  /** Maps a "Teams unavailable" refusal to a field error on `teamsMeeting`. */
  private teamsFieldError(e: unknown): unknown {
    if (isMappingError(e) && e.code === 'teamsUnavailable')
      return invalid([fieldError('teamsMeeting', 'teamsUnavailable')]);
    if (isMappingError(e) && e.code === 'teamsCannotBeTurnedOff') {
      return invalid([fieldError('teamsMeeting', 'teamsCannotBeTurnedOff')]);
    }
    if (isMeetingsError(e) && (e.code === 'teamsUnavailable' || e.code === 'teamsCannotBeTurnedOff')) {
      return invalid([fieldError('teamsMeeting', e.code)]);
    }
    return e;
  }

  /** Reads a meeting from Graph. */
  async get(meetingId: string, options: ActionOptions = {}): Promise<Meeting> {
    const client = await this.services.graph();
    return client.get(meetingId, { signal: options.signal });
  }

  /**
   * Validates and applies an update (only the given fields). Reads the meeting first unless `current` is
   * given, so one-sided time changes, Teams and the organizer are checked before anything is sent.
   */
  async update(input: unknown, options: ActionOptions & { current?: Meeting } = {}): Promise<Meeting> {
    const defaultTimeZone = this.defaultTimeZone();
    const pre = validateUpdate(input, { defaultTimeZone });
    if (!pre.ok) throw invalid(pre.errors);
    const current = options.current ?? (await this.get(pre.value.meetingId, options));
    if (!current.isOrganizer)
      throw new NotOrganizerError(current.id, current.organizer?.name ?? current.organizer?.address);
    const v = validateUpdate(input, { defaultTimeZone, current });
    if (!v.ok) throw invalid(v.errors);
    const changes: MeetingChanges = v.value;
    const client = await this.services.graph();
    if (changes.teamsMeeting && !current.isOnlineMeeting && !(await this.teamsAvailable(client, options))) {
      throw invalid([fieldError('teamsMeeting', 'teamsUnavailable')]);
    }
    let meeting: Meeting;
    try {
      meeting = await client.update(changes, { current, signal: options.signal });
    } catch (e) {
      throw this.teamsFieldError(e);
    }
    await this.record(meeting);
    return meeting;
  }

  /** Stores Graph's answer for a meeting the store already lists. */
  private async record(meeting: Meeting): Promise<void> {
    const account = await this.services.account();
    if (this.services.store.get(account.id, meeting.id)) {
      await this.services.store.put(account.id, storedFromMeeting(meeting));
      storeChanged.fire();
    }
  }

  /** Validates a cancel input; throws `InvalidArgumentsError`. */
  validateCancel(input: unknown): { meetingId: string; comment?: string } {
    const v = validateCancel(input);
    if (!v.ok) throw invalid(v.errors);
    return v.value;
  }

  /** Reads the meeting and refuses (sending nothing) when the user is not its organizer. */
  async readForCancel(meetingId: string, options: ActionOptions = {}): Promise<Meeting> {
    const meeting = await this.get(meetingId, options);
    if (!meeting.isOrganizer) {
      throw new NotOrganizerError(meeting.id, meeting.organizer?.name ?? meeting.organizer?.address);
    }
    return meeting;
  }

  /** Cancels the meeting (organizer only; checked first unless `checked` is given). */
  async cancel(input: unknown, options: ActionOptions & { checked?: Meeting } = {}): Promise<void> {
    const req = this.validateCancel(input);
    const meeting = options.checked ?? (await this.readForCancel(req.meetingId, options));
    const client = await this.services.graph();
    if (!meeting.isCancelled) await client.cancel(req, { signal: options.signal });
    const account = await this.services.account();
    if (this.services.store.get(account.id, req.meetingId)) {
      await this.services.store.setStatus(account.id, req.meetingId, 'cancelled');
      storeChanged.fire();
    }
    this.services.log.info(`Cancelled meeting ${req.meetingId}.`);
  }
}
