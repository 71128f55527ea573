// The typed message protocol between the extension host and the meeting form webview.
// The host never trusts a message: `parseFromWebview` checks every field before anything acts on it.
import type { FieldError } from '../core/types';
import type { FormStrings } from './formStrings';

/** What the form edits. `start`/`end` are wall times `YYYY-MM-DDTHH:mm` in `timeZone`. */
export interface FormValues {
  start: string;
  end: string;
  timeZone: string;
  subject: string;
  attendees: string[];
  location: string;
  teamsMeeting: boolean;
  content: string;
}

/** Whether the Teams switch can be used, and why not. */
export interface TeamsState {
  /** The switch can be changed. */
  enabled: boolean;
  /** Localised explanation shown next to a disabled switch. */
  reason?: string;
}

export type FormMode = 'schedule' | 'update';

/** Host to page: fill the form. Sent once, after the page says `ready`. */
export interface InitMessage {
  type: 'init';
  mode: FormMode;
  /** The meeting being updated (update mode). */
  meetingId?: string;
  values: FormValues;
  teams: TeamsState;
  /** Localised UI strings. */
  strings: FormStrings;
  /** Localised validation templates, keyed by `ValidationCode`. */
  messages: Record<string, string>;
  /** IANA zones offered in the time zone picker. */
  timeZones: string[];
  /** Maximum number of attendees (Graph's limit). */
  maxAttendees: number;
}

/** Host to page: the answer to a `submit`, echoing its `requestId`. */
export interface ResultMessage {
  type: 'result';
  requestId: string;
  ok: boolean;
  /** On success: the meeting's ID. */
  meetingId?: string;
  /** On success: whether the meeting has a Teams link to join. */
  canJoin?: boolean;
  /** On failure: problems tied to fields. */
  errors?: FieldError[];
  /** On failure: a localised message for the whole form. */
  message?: string;
}

export type ToWebview = InitMessage | ResultMessage;

/** Page to host: the page has loaded and listens. */
export interface ReadyMessage {
  type: 'ready';
}

/** Page to host: schedule or update with these values. */
export interface SubmitMessage {
  type: 'submit';
  requestId: string;
  values: FormValues;
}

/** Page to host: one of the buttons shown after success. */
export interface ActionMessage {
  type: 'action';
  action: 'openInOutlook' | 'join' | 'copyId';
  meetingId: string;
}

export type FromWebview = ReadyMessage | SubmitMessage | ActionMessage;
