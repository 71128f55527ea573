// The agent tools (`contributes.languageModelTools`, generated from the field table by src/core/toolSchemas.ts):
// schedule, update, cancel and list, registered with `vscode.lm.registerTool` (VS Code API reference and the
// "Language Model Tool API" guide: `prepareInvocation` returns the confirmation, must have no side effects and need not
// be followed by `invoke`; `invoke` returns a `LanguageModelToolResult`, and errors are thrown with a message that helps
// the model). Inputs go through the same validation as the command arguments (the operations); the write tools
// confirm with a message naming exactly what is sent to whom; results are short text with IDs and times in the user's
// zone. The list reads no invocation token, so it also works invoked outside a chat.
import * as vscode from 'vscode';
import { graphDateTimeToEpochMs } from '../core/datetime';
import type { ToolKey } from '../core/toolNames';
import { toolNames } from '../core/toolNames';
import type { GraphDateTime, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import type { CalendarEntry } from '../graph/calendarView';
import type { MeetingOperations } from '../services/meetingOperations';
import { isInvalidArgumentsError } from '../services/errors';
import { describeError } from './errors';
import type { HostContext } from './hostContext';
import { inertNotificationText } from './inertText';
import { rejectMasked } from './redact';
import { peopleList, zonedRange } from './toolsModel';

type Input = Record<string, unknown>;

/** The longest message body quoted in a confirmation. */
const quotedContentMax = 300;

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

/** Untrusted text (subjects, names, bodies) for a confirmation: no link syntax. */
const inert = inertNotificationText;

/** The error a tool throws: what the user would read, naming every bad field; tokens masked. */
function forModel(e: unknown): Error {
  if (isInvalidArgumentsError(e)) return new Error(`Nothing was sent. ${e.message}`);
  const view = describeError(e);
  return new Error(view.requestId ? `${view.message} (request id ${view.requestId})` : view.message);
}

/** Runs a tool's action; its failure becomes the model's error message (secrets masked). */
async function run(
  action: () => Promise<vscode.LanguageModelToolResult>,
): Promise<vscode.LanguageModelToolResult> {
  try {
    return await rejectMasked(action);
  } catch (e) {
    throw forModel(e);
  }
}

/** Registers the agent tools. */
export function registerTools(host: HostContext, operations: MeetingOperations): vscode.Disposable[] {
  const zone = (): string => {
    try {
      return host.settings().timeZone;
    } catch {
      return 'UTC';
    }
  };
  const range = (start: GraphDateTime, end: GraphDateTime): string => {
    const a = graphDateTimeToEpochMs(start);
    const b = graphDateTimeToEpochMs(end);
    return a === undefined || b === undefined
      ? `${start.dateTime} – ${end.dateTime}`
      : zonedRange(a, b, zone());
  };
  const subjectOf = (subject: string | undefined): string =>
    subject?.trim() ? `"${inert(subject)}"` : vscode.l10n.t('(no subject)');
  const from = (): string => host.auth.account?.label ?? vscode.l10n.t('your account');

  /** One line per field sent, beyond the ones the message names itself. */
  const fieldLines = (fields: Partial<MeetingDraft>): string[] => {
    const lines: string[] = [];
    const start = fields.start ?? fields.end;
    const end = fields.end ?? fields.start;
    if (start && end) lines.push(vscode.l10n.t('When: {0}', range(start, end)));
    if (fields.subject !== undefined) lines.push(vscode.l10n.t('Subject: {0}', subjectOf(fields.subject)));
    if (fields.location !== undefined) lines.push(vscode.l10n.t('Location: {0}', inert(fields.location)));
    if (fields.teamsMeeting !== undefined)
      lines.push(
        fields.teamsMeeting
          ? vscode.l10n.t('With a Teams meeting.')
          : vscode.l10n.t('Without a Teams meeting.'),
      );
    if (fields.content !== undefined) {
      const body =
        fields.content.length > quotedContentMax
          ? `${fields.content.slice(0, quotedContentMax)}…`
          : fields.content;
      lines.push(vscode.l10n.t('Message: {0}', inert(body)));
    }
    if (fields.recurrence !== undefined)
      lines.push(vscode.l10n.t('Repeats: {0}', inert(JSON.stringify(fields.recurrence))));
    const named = new Set([
      'start',
      'end',
      'subject',
      'location',
      'teamsMeeting',
      'content',
      'recurrence',
      'attendees',
      'optionalAttendees',
      'resources',
      'meetingId',
    ]);
    for (const [key, value] of Object.entries(fields)) {
      if (!named.has(key) && value !== undefined) lines.push(`${key}: ${inert(JSON.stringify(value))}`);
    }
    return lines;
  };

  const recipientLines = (lists: {
    attendees?: string[];
    optionalAttendees?: string[];
    resources?: string[];
  }): string[] => {
    const lines: string[] = [];
    if (lists.attendees?.length) lines.push(vscode.l10n.t('To: {0}', peopleList(lists.attendees)));
    if (lists.optionalAttendees?.length)
      lines.push(vscode.l10n.t('Optional: {0}', peopleList(lists.optionalAttendees)));
    if (lists.resources?.length)
      lines.push(vscode.l10n.t('Rooms and equipment: {0}', peopleList(lists.resources)));
    return lines;
  };

  const meetingPeople = (m: Meeting): string[] =>
    m.attendees.filter((a) => a.type !== 'resource').map((a) => a.address);

  const confirm = (title: string, lines: string[]): vscode.PreparedToolInvocation => ({
    confirmationMessages: { title, message: lines.join('\n\n') },
  });

  /** Validation failed: no confirmation; `invoke` then throws the same error, naming the fields. */
  const unconfirmed = (): vscode.PreparedToolInvocation => ({
    invocationMessage: vscode.l10n.t('Checking the meeting…'),
  });

  const listLine = (e: CalendarEntry): string => {
    const facts = [
      `ID: ${e.id}`,
      ...(e.isOrganizer ? [] : e.organizer ? [vscode.l10n.t('organizer: {0}', e.organizer.address)] : []),
      ...(e.joinUrl ? ['Teams'] : []),
      ...(e.isCancelled ? [vscode.l10n.t('cancelled')] : []),
      ...(e.response === 'declined' ? [vscode.l10n.t('declined')] : []),
      ...(e.isAllDay ? [vscode.l10n.t('all day')] : []),
    ];
    return `- ${zonedRange(e.start, e.end, zone())} ${subjectOf(e.subject)} (${facts.join('; ')})`;
  };

  const tools: Record<ToolKey, vscode.LanguageModelTool<Input>> = {
    schedule: {
      prepareInvocation: ({ input }) => {
        let draft: MeetingDraft;
        try {
          draft = operations.validateSchedule(input);
        } catch {
          return unconfirmed();
        }
        const to = recipientLines(draft);
        return confirm(vscode.l10n.t('Send a meeting invitation?'), [
          to.length > 0
            ? vscode.l10n.t('Outlook sends this invitation from {0}:', from())
            : vscode.l10n.t('Outlook adds this meeting to the calendar of {0}; nobody is invited:', from()),
          ...to,
          ...fieldLines({ subject: draft.subject ?? '', ...draft }),
        ]);
      },
      invoke: ({ input }) =>
        run(async () => {
          const m = await operations.schedule(operations.validateSchedule(input));
          const people = meetingPeople(m);
          return text(
            [
              vscode.l10n.t('Scheduled {0}, {1}. ID: {2}', subjectOf(m.subject), range(m.start, m.end), m.id),
              people.length > 0 ? vscode.l10n.t('Invitation sent to: {0}', peopleList(people)) : '',
              m.joinUrl ? vscode.l10n.t('Teams link: {0}', m.joinUrl) : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
        }),
    },
    update: {
      prepareInvocation: async ({ input }) => {
        let preview: { current: Meeting; changes: MeetingChanges };
        try {
          preview = await operations.previewUpdate(input);
        } catch {
          return unconfirmed();
        }
        const { current, changes } = preview;
        const lists = {
          attendees:
            changes.attendees ?? current.attendees.filter((a) => a.type === 'required').map((a) => a.address),
          optionalAttendees:
            changes.optionalAttendees ??
            current.attendees.filter((a) => a.type === 'optional').map((a) => a.address),
          resources:
            changes.resources ?? current.attendees.filter((a) => a.type === 'resource').map((a) => a.address),
        };
        const kept = new Set(
          [...lists.attendees, ...lists.optionalAttendees, ...lists.resources].map((a) => a.toLowerCase()),
        );
        const removed = current.attendees.map((a) => a.address).filter((a) => !kept.has(a.toLowerCase()));
        const changed: Partial<MeetingDraft> = Object.fromEntries(
          Object.entries(changes).filter(([key]) => key !== 'meetingId'),
        );
        return confirm(vscode.l10n.t('Send a meeting update?'), [
          vscode.l10n.t(
            'Outlook sends this update of {0} ({1}) from {2}:',
            subjectOf(current.subject),
            range(current.start, current.end),
            from(),
          ),
          ...recipientLines(lists),
          ...(removed.length > 0
            ? [vscode.l10n.t('Removed, and sent a cancellation: {0}', peopleList(removed))]
            : []),
          ...(Object.keys(changed).length > 0 ? fieldLines(changed) : [vscode.l10n.t('Nothing changes.')]),
        ]);
      },
      invoke: ({ input }) =>
        run(async () => {
          const m = await operations.update(input);
          return text(
            vscode.l10n.t('Updated {0}, now {1}. ID: {2}', subjectOf(m.subject), range(m.start, m.end), m.id),
          );
        }),
    },
    cancel: {
      prepareInvocation: async ({ input }) => {
        let meeting: Meeting;
        let comment: string | undefined;
        try {
          const req = operations.validateCancel(input);
          comment = req.comment;
          meeting = await operations.readForCancel(req.meetingId);
        } catch {
          return unconfirmed();
        }
        const people = meetingPeople(meeting);
        return confirm(vscode.l10n.t('Cancel the meeting?'), [
          people.length > 0
            ? vscode.l10n.t(
                'Outlook sends the cancellation of {0} ({1}) from {2} to: {3}',
                subjectOf(meeting.subject),
                range(meeting.start, meeting.end),
                from(),
                peopleList(people),
              )
            : vscode.l10n.t(
                'Outlook cancels {0} ({1}); nobody else is invited.',
                subjectOf(meeting.subject),
                range(meeting.start, meeting.end),
              ),
          ...(comment?.trim() ? [vscode.l10n.t('Message: {0}', inert(comment))] : []),
        ]);
      },
      invoke: ({ input }) =>
        run(async () => {
          const req = operations.validateCancel(input);
          const meeting = await operations.readForCancel(req.meetingId);
          await operations.cancel(input, { checked: meeting });
          return text(
            vscode.l10n.t(
              'Cancelled {0} ({1}). ID: {2}',
              subjectOf(meeting.subject),
              range(meeting.start, meeting.end),
              meeting.id,
            ),
          );
        }),
    },
    list: {
      prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Reading your Outlook calendar…') }),
      invoke: ({ input }) =>
        run(async () => {
          const entries = await operations.listMeetings(input);
          if (entries.length === 0) return text(vscode.l10n.t('No meetings in that window ({0}).', zone()));
          return text(
            [
              vscode.l10n.t('{0} meetings, times in {1}:', entries.length, zone()),
              ...entries.map(listLine),
            ].join('\n'),
          );
        }),
    },
  };

  return (Object.keys(toolNames) as ToolKey[]).map((key) =>
    vscode.lm.registerTool(toolNames[key], tools[key]),
  );
}
