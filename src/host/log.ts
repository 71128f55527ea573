// The "Outlook Meetings" log channel. Never receives a token or an Authorization header.
import * as vscode from 'vscode';
import { redactSecrets } from './redact';

/** What the rest of the host (and the Graph client) logs through. */
export interface Log {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** Creates the log output channel. */
export function createLog(): { log: Log; channel: vscode.LogOutputChannel } {
  const channel = vscode.window.createOutputChannel('Outlook Meetings', { log: true });
  const log: Log = {
    trace: (m) => channel.trace(redactSecrets(m)),
    info: (m) => channel.info(redactSecrets(m)),
    warn: (m) => channel.warn(redactSecrets(m)),
    error: (m) => channel.error(redactSecrets(m instanceof Error ? `${m.name}: ${m.message}` : m)),
  };
  return { log, channel };
}
