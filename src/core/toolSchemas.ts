// The agent tools' contribution (`contributes.languageModelTools` in package.json), derived from the field table: the
// input schema of schedule and update has one property per field of `meetingFields` with its kind's limits, so the
// tools take exactly the command arguments. `npm run tools` writes it into package.json (scripts/toolSchemas.ts);
// test/scripts/toolSchemas.test.ts fails when package.json differs. Pure: no `vscode`.
// Contribution facts: VS Code's languageModelToolsContribution.ts and the "Language Model Tool API" guide (`name`
// `^(?!copilot_|vscode_)[\w-]+$`, `displayName` and `modelDescription` required, `inputSchema` an object,
// `canBeReferencedInPrompt` with `toolReferenceName` `^[\w-]+$`).
import type { FieldName, ValueKind } from './fields';
import { meetingFields, scheduleFieldNames, updateFieldNames } from './fields';
import type { ToolKey } from './toolNames';
import { toolNames } from './toolNames';
import { recurrencePatternTypes, recurrenceRangeTypes, weekDays, weekIndexes } from './recurrence';
import { MAX_DURATION_MINUTES, MAX_WINDOW_DAYS } from './findTime';
import { MAX_ATTENDEES, MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_TIME_ZONE_LENGTH } from './validate';

/** A JSON schema, as much of it as the tools use. */
export type JsonSchema = { [key: string]: unknown };

/**
 * What the model reads about each field (the field table's kinds give the limits). A new field adds its line here and
 * runs `npm run tools`; test/scripts/toolSchemas.test.ts fails until both are done.
 */
const fieldDescriptions: Partial<Record<FieldName, string>> = {
  start:
    "Start, ISO 8601. With an offset (Z, +01:00) an exact instant; without one a wall time in timeZone (default: the user's zone).",
  end: 'End, ISO 8601, after start; read as start is.',
  timeZone:
    "The meeting's time zone, an IANA name (Europe/Berlin) or a Windows name. Default: the user's zone.",
  isAllDay:
    'An all-day meeting: start and end are then dates (YYYY-MM-DD) or midnight, the end the day after the last day.',
  subject: 'The subject line.',
  location: "The location's display name.",
  content: 'The message body: plain text unless contentType is html.',
  contentType: 'How content is written: text (default) or html.',
  attendees: 'Required attendees: email addresses.',
  optionalAttendees: 'Optional attendees: email addresses.',
  resources: 'Rooms and equipment: their email addresses.',
  teamsMeeting: 'Add a Teams meeting (work or school accounts). Once on, it cannot be turned off.',
  importance: 'Importance.',
  showAs: 'How the time shows in calendars.',
  sensitivity: 'Sensitivity.',
  isReminderOn: 'Whether Outlook reminds the attendees.',
  reminderMinutesBeforeStart: 'Minutes before the start at which Outlook reminds.',
  categories: 'Outlook category names.',
  responseRequested: 'Whether attendees are asked to respond.',
  allowNewTimeProposals: 'Whether attendees may propose a new time.',
  recurrence:
    "Repeats: Graph's patternedRecurrence { pattern: { type, interval, daysOfWeek?, dayOfMonth?, month?, index?, firstDayOfWeek? }, range: { type, startDate?, endDate?, numberOfOccurrences? } }. Dates are YYYY-MM-DD; startDate defaults to the start's date.",
  hideAttendees: 'Whether each attendee sees only themselves.',
  calendarId: "Schedule only: the ID of the calendar to create the meeting in (from Graph's calendars). Default: the default calendar.",
};

const isoDateTime = { type: 'string', maxLength: 64 };
const emailList = {
  type: 'array',
  items: { type: 'string', maxLength: MAX_EMAIL_LENGTH },
  maxItems: MAX_ATTENDEES,
};

/** Graph's patternedRecurrence as the validator (recurrence.ts) reads it. */
const recurrenceSchema: JsonSchema = {
  type: 'object',
  properties: {
    pattern: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: [...recurrencePatternTypes] },
        interval: { type: 'integer', minimum: 1 },
        daysOfWeek: { type: 'array', items: { type: 'string', enum: [...weekDays] } },
        dayOfMonth: { type: 'integer', minimum: 1, maximum: 31 },
        month: { type: 'integer', minimum: 1, maximum: 12 },
        index: { type: 'string', enum: [...weekIndexes] },
        firstDayOfWeek: { type: 'string', enum: [...weekDays] },
      },
      required: ['type'],
    },
    range: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: [...recurrenceRangeTypes] },
        startDate: { type: 'string' },
        endDate: { type: 'string' },
        numberOfOccurrences: { type: 'integer', minimum: 1 },
        recurrenceTimeZone: { type: 'string', maxLength: MAX_TIME_ZONE_LENGTH },
      },
      required: ['type'],
    },
  },
  required: ['pattern', 'range'],
};

/** The schema of one value kind (its limits as the validator checks them). */
export function kindSchema(kind: ValueKind): JsonSchema {
  switch (kind.type) {
    case 'dateTime':
      return { ...isoDateTime };
    case 'timeZone':
      return { type: 'string', maxLength: MAX_TIME_ZONE_LENGTH };
    case 'text':
      return { type: 'string', maxLength: kind.max };
    case 'emails':
      return structuredClone(emailList);
    case 'boolean':
      return { type: 'boolean' };
    case 'strings':
      return { type: 'array', items: { type: 'string', maxLength: kind.maxLength }, maxItems: kind.maxCount };
    case 'integer':
      return { type: 'integer', minimum: kind.min, maximum: kind.max };
    case 'enum':
      return { type: 'string', enum: [...kind.values] };
    case 'recurrence':
      return structuredClone(recurrenceSchema);
  }
}

function fieldProperties(names: readonly FieldName[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const name of names) {
    const description = fieldDescriptions[name];
    out[name] = { ...kindSchema(meetingFields[name].kind), ...(description ? { description } : {}) };
  }
  return out;
}

const meetingId = {
  type: 'string',
  minLength: 1,
  description: 'The meeting ID, as outlookMeetings_schedule or outlookMeetings_list gave it.',
};

/** The input schema of each tool. */
export function toolInputSchemas(): Record<ToolKey, JsonSchema> {
  return {
    schedule: {
      type: 'object',
      properties: fieldProperties(scheduleFieldNames),
      required: ['start', 'end'],
      additionalProperties: false,
    },
    update: {
      type: 'object',
      properties: { meetingId, ...fieldProperties(updateFieldNames) },
      required: ['meetingId'],
      additionalProperties: false,
    },
    cancel: {
      type: 'object',
      properties: {
        meetingId,
        comment: {
          type: 'string',
          maxLength: MAX_COMMENT_LENGTH,
          description: 'A message sent with the cancellation to everyone invited.',
        },
      },
      required: ['meetingId'],
      additionalProperties: false,
    },
    list: {
      type: 'object',
      properties: {
        start: {
          ...isoDateTime,
          description: "Window start, ISO 8601 (without an offset: the user's zone).",
        },
        end: {
          ...isoDateTime,
          description: `Window end, ISO 8601, after start; under ${MAX_WINDOW_DAYS} days after it.`,
        },
      },
      required: ['start', 'end'],
      additionalProperties: false,
    },
    findTimes: {
      type: 'object',
      properties: {
        attendees: { ...emailList, description: 'Required attendees: email addresses (may be empty).' },
        optionalAttendees: { ...emailList, description: 'Optional attendees: email addresses.' },
        durationMinutes: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_DURATION_MINUTES,
          description: 'The meeting length in minutes (at most the window).',
        },
        start: { ...isoDateTime, description: 'Search from, ISO 8601 (without an offset: in timeZone).' },
        end: {
          ...isoDateTime,
          description: `Search until, ISO 8601, under ${MAX_WINDOW_DAYS} days after start.`,
        },
        timeZone: {
          type: 'string',
          maxLength: MAX_TIME_ZONE_LENGTH,
          description: "The zone of start and end without an offset. Default: the user's zone.",
        },
      },
      required: ['attendees', 'durationMinutes', 'start', 'end'],
      additionalProperties: false,
    },
  };
}

/** What the model reads about each tool. */
const modelDescriptions: Record<ToolKey, string> = {
  schedule:
    "Schedules an Outlook meeting in the signed-in user's calendar and sends the invitation to the attendees. The user confirms first. Returns the meeting ID and its times in the user's time zone.",
  update:
    'Changes an Outlook meeting the user organizes; only the given fields change (an attendee list given replaces that list), and the attendees get the update. The user confirms first. Returns the meeting ID and its times.',
  cancel:
    'Cancels an Outlook meeting the user organizes and sends the cancellation, with the optional comment, to everyone invited. The user confirms first.',
  findTimes:
    "Suggests times when the attendees and the user are free for a meeting of the given length between start and end (Outlook's findMeetingTimes, work or school accounts), best first, with each attendee's availability; times in the user's time zone. Read-only: it schedules nothing.",
  list: "Lists the meetings in the signed-in user's Outlook calendar between start and end (occurrences of repeating meetings included): subject, times in the user's time zone, ID, organizer, Teams. Read-only.",
};

const icons: Record<ToolKey, string> = {
  schedule: '$(add)',
  update: '$(edit)',
  cancel: '$(circle-slash)',
  list: '$(calendar)',
  findTimes: '$(search)',
};

/** The `contributes.languageModelTools` entries, in this order; their strings in package.nls.json (`tool.<key>.*`). */
export function languageModelToolsContribution(): JsonSchema[] {
  const schemas = toolInputSchemas();
  return (Object.keys(toolNames) as ToolKey[]).map((key) => ({
    name: toolNames[key],
    displayName: `%tool.${key}.displayName%`,
    toolReferenceName: `outlook-${key}`,
    canBeReferencedInPrompt: true,
    icon: icons[key],
    userDescription: `%tool.${key}.userDescription%`,
    modelDescription: modelDescriptions[key],
    tags: ['outlook', 'meetings', 'calendar'],
    inputSchema: schemas[key],
  }));
}
