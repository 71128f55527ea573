// The agent tools' names (`contributes.languageModelTools[].name`), shared by the contribution's generator
// (toolSchemas.ts) and the host that registers them (src/host/tools.ts). Pure.

/** Each tool's name; its `toolReferenceName` is `outlook-<key>`. */
export const toolNames = {
  schedule: 'outlookMeetings_schedule',
  update: 'outlookMeetings_update',
  cancel: 'outlookMeetings_cancel',
  list: 'outlookMeetings_list',
  findTimes: 'outlookMeetings_findTimes',
} as const;

/** A tool's key in `toolNames`. */
export type ToolKey = keyof typeof toolNames;
