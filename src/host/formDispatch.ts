// Routes a message from the meeting form to the panel's handlers. Pure (no `vscode`), tested in Node: a message
// that `parseFromWebview` rejects reaches no handler, so it sends nothing to Graph, writes nothing and runs no command.
import { randomBytes } from 'node:crypto';
import type { ActionMessage, FindTimeFromWebview, FormValues } from '../shared/protocol';
import { parseFromWebview } from '../shared/protocol';
import { isMeetingId } from '../core/meetingId';
import type { MeetingStatus } from '../store/meetingStore';

/** The command each after-success button of the form runs, with `{ meetingId }`. */
export const formActionCommands: Readonly<Record<ActionMessage['action'], string>> = {
  openInOutlook: 'outlookMeetings.openInOutlook',
  join: 'outlookMeetings.joinMeeting',
  copyId: 'outlookMeetings.copyMeetingId',
};

/** What a form panel does for each accepted message. */
export interface FormMessageHandlers {
  /** The page loaded: send `init` (and the last result). */
  ready(): Promise<void>;
  /** Schedule or update with checked values. */
  submit(requestId: string, values: FormValues): Promise<void>;
  /** The page's current values (schedule form), kept in case its tab closes unsent. */
  draft(values: FormValues): void;
  /** Issue 13's requests (people, free/busy, suggested times, rooms, a feature's permission): `formFindTime.ts`. */
  findTime(msg: FindTimeFromWebview): Promise<void>;
  /** Run one of the commands in `formActionCommands`. */
  command(command: string, arg: { meetingId: string }): Promise<unknown>;
  /** The message was malformed and ignored (for the log). */
  rejected(): void;
  /** A handler failed: show the error (nothing a page message starts may fail silently). */
  failed(error: unknown): void;
}

/**
 * Checks a raw page message and hands it to its handler; returns the type handled, `rejected`, or `failed` when the
 * handler threw (the error then went to `handlers.failed`). Never rejects.
 */
export async function dispatchFormMessage(
  raw: unknown,
  handlers: FormMessageHandlers,
): Promise<'ready' | 'submit' | 'action' | 'draft' | 'findTime' | 'rejected' | 'failed'> {
  const msg = parseFromWebview(raw);
  if (!msg || (msg.type === 'action' && !isMeetingId(msg.meetingId))) {
    handlers.rejected();
    return 'rejected';
  }
  try {
    switch (msg.type) {
      case 'ready':
        await handlers.ready();
        return 'ready';
      case 'submit':
        await handlers.submit(msg.requestId, msg.values);
        return 'submit';
      case 'action':
        await handlers.command(formActionCommands[msg.action], { meetingId: msg.meetingId });
        return 'action';
      case 'draft':
        handlers.draft(msg.values);
        return 'draft';
      default:
        await handlers.findTime(msg);
        return 'findTime';
    }
  } catch (e) {
    handlers.failed(e);
    return 'failed';
  }
}

/** Why a meeting's form is read-only. */
export type FormLock = 'cancelled' | 'deleted' | 'notOrganizer';

/**
 * Whether a meeting's form is read-only: its meeting cancelled or deleted (as the store records it, here or in
 * Outlook, or as Graph's answer says), or organized by someone else (only the organizer can change it).
 */
export function formLock(
  stored: { status: MeetingStatus } | undefined,
  read: { isCancelled: boolean; isOrganizer: boolean } | undefined,
): FormLock | undefined {
  if (stored?.status === 'deleted') return 'deleted';
  if (stored?.status === 'cancelled' || read?.isCancelled) return 'cancelled';
  if (read && !read.isOrganizer) return 'notOrganizer';
  return undefined;
}

/** A fresh CSP nonce for one panel's HTML: 144 random bits, base64. */
export function newFormNonce(): string {
  return randomBytes(18).toString('base64');
}
