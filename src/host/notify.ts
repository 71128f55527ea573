// The one way user-visible notifications are shown: every message (and modal detail) has remembered tokens masked
// and `[label](target)` link syntax broken before it reaches VS Code's show*Message, however the text was built.
// Pure: no runtime `vscode` import; the show functions are passed in (notifications.ts passes VS Code's, tests a
// recorder). Lint (eslint.config.mjs) bans show*Message everywhere but notifications.ts.
import type { MessageOptions } from 'vscode';
import { inertNotificationText } from './inertText';
import { redactSecrets } from './redact';

/** One of VS Code's show*Message functions, always called with options. */
export type ShowMessage = (
  message: string,
  options: MessageOptions,
  ...items: string[]
) => Thenable<string | undefined>;

/** The show functions the notifier calls. */
export interface MessageShowers {
  info: ShowMessage;
  warning: ShowMessage;
  error: ShowMessage;
}

/** Shows a message with optional options and buttons; resolves to the picked button. */
export interface Notify {
  (message: string, ...items: string[]): Thenable<string | undefined>;
  (message: string, options: MessageOptions, ...items: string[]): Thenable<string | undefined>;
}

/** Information, warning and error notifications whose text is always masked and inert. */
export interface Notifier {
  info: Notify;
  warn: Notify;
  error: Notify;
}

/** Text as a notification may show it: tokens masked, no link syntax. */
export function safeNotificationText(text: string): string {
  return inertNotificationText(redactSecrets(text));
}

/** A notifier over the given show functions. */
export function createNotifier(show: MessageShowers): Notifier {
  const wrap =
    (f: ShowMessage): Notify =>
    (message: string, ...rest: (MessageOptions | string)[]): Thenable<string | undefined> => {
      const options = typeof rest[0] === 'object' ? { ...rest[0] } : {};
      if (options.detail !== undefined) options.detail = safeNotificationText(options.detail);
      const items = rest.filter((r): r is string => typeof r === 'string');
      return f(safeNotificationText(message), options, ...items);
    };
  return { info: wrap(show.info), warn: wrap(show.warning), error: wrap(show.error) };
}
