// Whether the extension is talking to the `npm start` sandbox rather than Microsoft Graph. Pure: no runtime `vscode`.
// The sign is the endpoint the sandbox sets: a validated endpoint is either a Microsoft Graph host (`graphHosts`) or
// loopback, and only the sandbox and the tests run a Graph server on loopback. A meeting read from there exists in no
// real mailbox, so its links to Outlook and Teams lead to nothing of the user's (and must not leave the machine).
import { graphHosts } from './settingsModel';

/** True when the (validated) Graph endpoint is not a Microsoft Graph host, i.e. the local fake. */
export function isSandboxEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  return !graphHosts.includes(host);
}
