// The host's side of schedule, update and cancel: the pure `MeetingOperations` over the shared services.
// The commands (with or without UI) and the form panel use this; the tree listens to the store's own change event.
import type { CancelRequest, Meeting, MeetingDraft } from '../core/types';
import type * as OperationsModule from '../services/meetingActions';
import type { ActionOptions, MeetingOperations, ScheduleOptions } from '../services/meetingActions';
import type { MeetingsApi, Services } from './services';

export type { ActionOptions } from '../services/meetingActions';

/** Meeting operations over the shared services. */
export class MeetingActions {
  private ops: MeetingOperations | undefined;

  constructor(private readonly services: Services) {}

  /** The pure operations (also used by recovery); loaded on first use, with the validation, not at activation. */
  get operations(): MeetingOperations {
    if (!this.ops) {
      const services = this.services;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ops = require('../services/meetingActions') as typeof OperationsModule;
      this.ops = new ops.MeetingOperations({
        store: services.store,
        log: services.log,
        graph: () => services.graph(),
        account: () => services.account(),
        defaultTimeZone: () => services.settings().timeZone,
      });
    }
    return this.ops;
  }

  /** Creates in flight in this window (recovery leaves them alone). */
  get inFlight(): ReadonlySet<string> {
    return this.operations.inFlight;
  }

  /** The zone for wall times without a zone. */
  defaultTimeZone(): string {
    return this.operations.defaultTimeZone();
  }

  /** Validates schedule input; throws `InvalidArgumentsError` naming each bad field (nothing is sent). */
  validateSchedule(input: unknown): MeetingDraft {
    return this.operations.validateSchedule(input);
  }

  /** Whether the account can add Teams meetings. */
  teamsAvailable(client?: MeetingsApi, options: ActionOptions = {}): Promise<boolean> {
    return this.operations.teamsAvailable(client, options);
  }

  /** Creates the meeting at most once per submit (see `MeetingOperations.schedule`). */
  schedule(draft: MeetingDraft, options: ScheduleOptions = {}): Promise<Meeting> {
    return this.operations.schedule(draft, options);
  }

  /** Reads a meeting from Graph. */
  get(meetingId: string, options: ActionOptions = {}): Promise<Meeting> {
    return this.operations.get(meetingId, options);
  }

  /** Validates and applies an update (only the given fields). */
  update(input: unknown, options: ActionOptions & { current?: Meeting } = {}): Promise<Meeting> {
    return this.operations.update(input, options);
  }

  /** Validates a cancel input; throws `InvalidArgumentsError`. */
  validateCancel(input: unknown): CancelRequest {
    return this.operations.validateCancel(input);
  }

  /** Reads the meeting and refuses (sending nothing) when the user is not its organizer. */
  readForCancel(meetingId: string, options: ActionOptions = {}): Promise<Meeting> {
    return this.operations.readForCancel(meetingId, options);
  }

  /** Cancels the meeting (organizer only; checked first unless `checked` is given). */
  cancel(input: unknown, options: ActionOptions & { checked?: Meeting } = {}): Promise<void> {
    return this.operations.cancel(input, options);
  }
}
