// The agent tools (`contributes.languageModelTools`, generated from the field table by src/core/toolSchemas.ts):
// schedule, update, cancel and list, registered with `vscode.lm.registerTool` (VS Code API reference and the
// "Language Model Tool API" guide: `prepareInvocation` returns the confirmation, must have no side effects and need not
// be followed by `invoke`; `invoke` returns a `LanguageModelToolResult`, and errors are thrown with a message that helps
// the model). Inputs go through the same validation as the command arguments (the operations); the write tools
// confirm with a message naming exactly what is sent to whom; results are short text with IDs and times in the user's
// zone. The list reads no invocation token, so it also works invoked outside a chat.
import * as vscode from 'vscode';
import type { ToolKey } from '../core/toolNames';
import { toolNames } from '../core/toolNames';
import type { GraphDateTime, Meeting, MeetingChanges, MeetingDraft } from '../core/types';
import type { CalendarEntry } from '../graph/calendarView';
import type { FindTimeService } from '../services/findTime';
import type { MeetingOperations } from '../services/meetingOperations';
import { isInvalidArgumentsError } from '../services/errors';
import { describeError } from './errors';
import { describeUnavailable } from './findTime';
import type { HostContext } from './hostContext';
import { inertNotificationText } from './inertText';
import { rejectMasked } from './redact';
import type { ConfirmWords } from './toolsModel';
import {
  fieldLines,
  graphRange,
  peopleList,
  quotedSubject,
  recipientLines,
  updateRecipients,
  zonedRange,
} from './toolsModel';

type Input = Record<string, unknown>;

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

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
export function registerTools(
  host: HostContext,
  operations: MeetingOperations,
  findTime: () => FindTimeService,
): vscode.Disposable[] {
  const zone = (): string => {
    try {
      return host.settings().timeZone;
    } catch {
      return 'UTC';
    }
  };
  const range = (start: GraphDateTime, end: GraphDateTime): string => graphRange(start, end, zone());
  const subjectOf = (subject: string | undefined): string =>
    quotedSubject(subject, vscode.l10n.t('(no subject)'));
  const from = (): string => host.auth.account?.label ?? vscode.l10n.t('your account');
  const words: ConfirmWords = {
    when: (v) => vscode.l10n.t('When: {0}', v),
    subject: (v) => vscode.l10n.t('Subject: {0}', v),
    noSubject: vscode.l10n.t('(no subject)'),
    location: (v) => vscode.l10n.t('Location: {0}', v),
    teams: (on) => (on ? vscode.l10n.t('With a Teams meeting.') : vscode.l10n.t('Without a Teams meeting.')),
    message: (v) => vscode.l10n.t('Message: {0}', v),
    repeats: (v) => vscode.l10n.t('Repeats: {0}', v),
    to: (v) => vscode.l10n.t('To: {0}', v),
    optional: (v) => vscode.l10n.t('Optional: {0}', v),
    rooms: (v) => vscode.l10n.t('Rooms and equipment: {0}', v),
    removed: (v) => vscode.l10n.t('Removed, and sent a cancellation: {0}', v),
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
        const to = recipientLines(draft, words);
        return confirm(vscode.l10n.t('Send a meeting invitation?'), [
          to.length > 0
            ? vscode.l10n.t('Outlook sends this invitation from {0}:', from())
            : vscode.l10n.t('Outlook adds this meeting to the calendar of {0}; nobody is invited:', from()),
          ...to,
          ...fieldLines({ subject: draft.subject ?? '', ...draft }, zone(), words),
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
        const { lists, removed } = updateRecipients(current, changes);
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
          ...recipientLines(lists, words),
          ...(removed.length > 0 ? [words.removed(peopleList(removed))] : []),
          ...(Object.keys(changed).length > 0
            ? fieldLines(changed, zone(), words)
            : [vscode.l10n.t('Nothing changes.')]),
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
          ...(comment?.trim() ? [words.message(inertNotificationText(comment))] : []),
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
    findTimes: {
      prepareInvocation: () => ({ invocationMessage: vscode.l10n.t('Looking for free times…') }),
      invoke: ({ input }) =>
        run(async () => {
          const service = findTime();
          // Invoked by the model, not a user action: a permission the account lacks is reported, never asked for.
          const result = await service.findMeetingTimes(service.validateFindMeetingTimes(input), {
            interactive: false,
          });
          if (!result.ok) throw new Error(describeUnavailable(result.unavailable));
          if (result.value.length === 0) return text(vscode.l10n.t('No time found in that window.'));
          const lines = result.value.map((s) => {
            const who = s.attendeeAvailability.map((a) => `${a.email}: ${a.availability}`).join(', ');
            const facts = [vscode.l10n.t('confidence {0}%', s.confidence), ...(who ? [who] : [])].join('; ');
            return `- ${zonedRange(Date.parse(s.start), Date.parse(s.end), zone())} (${facts})`;
          });
          return text(
            [vscode.l10n.t('{0} suggested times, best first:', result.value.length), ...lines].join('\n'),
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
