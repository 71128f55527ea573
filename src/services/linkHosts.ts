// Which hosts a meeting's links may open: `webLink` only Outlook on the web, `joinUrl` only Teams, in every cloud.
// Exact host match over a parsed URL (https, no user info, default port), so look-alikes such as
// `https://teams.microsoft.com.attacker.example/` or `https://attacker.example\@teams.microsoft.com/` are refused.
// Pure: no runtime `vscode` import.

/** The two links Graph gives for an event. */
export type LinkKind = 'webLink' | 'joinUrl';

/**
 * Hosts per link kind.
 * - Outlook on the web: the global and consumer hosts; US Government GCC High `outlook.office365.us` and DoD
 *   `outlook-dod.office365.us` / `webmail.apps.mil` ("Office 365 U.S. Government GCC High endpoints",
 *   "Office 365 U.S. Government DoD endpoints", Exchange Online rows); China `partner.outlook.cn` ("API endpoints
 *   of Office 365 operated by 21Vianet", Calendar API row).
 * - Teams: `teams.microsoft.com`, `teams.live.com` (Teams free), GCC High `gov.teams.microsoft.us`, DoD
 *   `dod.teams.microsoft.us` (the DoD endpoints page), and 21Vianet `teams.microsoftonline.cn` (the Teams JavaScript
 *   client library docs name it as the China host's origin). GCC uses the global hosts.
 */
export const allowedLinkHosts: Readonly<Record<LinkKind, readonly string[]>> = {
  webLink: [
    'outlook.office.com',
    'outlook.office365.com',
    'outlook.live.com',
    'outlook.office365.us',
    'outlook-dod.office365.us',
    'webmail.apps.mil',
    'partner.outlook.cn',
  ],
  joinUrl: [
    'teams.microsoft.com',
    'teams.live.com',
    'gov.teams.microsoft.us',
    'dod.teams.microsoft.us',
    'teams.microsoftonline.cn',
  ],
};

/** Longest link accepted (Graph's join links are a few hundred characters). */
const maxLinkLength = 8192;

/** The link's normalised `href` when it may be opened for its kind; otherwise undefined. */
export function allowedLink(kind: LinkKind, link: unknown): string | undefined {
  if (typeof link !== 'string' || link.length === 0 || link.length > maxLinkLength) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return undefined;
  return allowedLinkHosts[kind].includes(url.hostname) ? url.href : undefined;
}
