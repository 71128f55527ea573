// The form's strings table (English). The host sends each entry through `vscode.l10n.t`,
// so a translation needs only an `l10n/bundle.l10n.<lang>.json` file, no code.
export const formStrings = {
  titleSchedule: 'Schedule meeting',
  titleUpdate: 'Update meeting',
} as const;

export type FormStringKey = keyof typeof formStrings;
export type FormStrings = Record<FormStringKey, string>;
