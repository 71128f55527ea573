// Makes untrusted text (subjects, names, Graph's error messages) inert in VS Code notifications. Pure: no `vscode`.
// Notifications show their message as text, except `[label](target)`, which becomes a link; targets may be
// `command:` URIs, which VS Code runs when clicked. Breaking the `](` pair leaves the words readable and no link.

const linkJoint = /\]\(/g;

/** The message with every `[label](target)` link syntax broken, so a notification renders it as plain text. */
export function inertNotificationText(text: string): string {
  return text.replace(linkJoint, '] (');
}
