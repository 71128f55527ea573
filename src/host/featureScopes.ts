// The extra permissions of "find a time", asked only when a feature is first used (incremental consent), and the
// scope list of that second sign-in. Pure: no `vscode`.
import type { FindTimeFeature, UnavailableReason } from '../core/findTime';
import type { SignInFailure, SignInPlan } from './settingsModel';

/**
 * The Graph permissions each feature needs beyond the base sign-in's Calendars.ReadWrite: People.Read for people
 * search ("user: list people"), Place.Read.All for rooms ("place: list", admin consent in its permission metadata).
 * Free/busy and suggested times need only calendar read access ("calendar: getSchedule": Calendars.Read, which
 * Calendars.ReadWrite includes), so they use the base session.
 */
export const featureScopes: Readonly<Record<FindTimeFeature, readonly string[]>> = {
  people: ['People.Read'],
  availability: [],
  suggestions: [],
  rooms: ['Place.Read.All'],
};

/**
 * The scopes of a feature's session: the plan's Graph scopes, the extra ones (prefixed with the national cloud's Graph
 * origin like the plan's own, e.g. `https://graph.microsoft.us/People.Read`), then the plan's `VSCODE_*` entries.
 */
export function withFeatureScopes(plan: SignInPlan, extra: readonly string[]): string[] {
  const graph = plan.scopes.filter((s) => !s.startsWith('VSCODE_'));
  const special = plan.scopes.filter((s) => s.startsWith('VSCODE_'));
  const first = graph[0] ?? '';
  const prefix = plan.environment ? first.slice(0, first.lastIndexOf('/') + 1) : '';
  const added = extra.map((s) => `${prefix}${s}`).filter((s) => !graph.includes(s));
  return [...graph, ...added, ...special];
}

/**
 * Why a feature is unavailable after the sign-in for its extra scopes failed: the user dismissed VS Code's consent
 * dialog (`declined`: VS Code rejects with "User did not consent to login.", mainThreadAuthentication.ts), the tenant
 * needs an admin's consent or VS Code's app may not ask for the scope (`notConsented`), a personal account where only
 * work or school accounts are allowed (`personalAccount`), anything else `signInFailed`.
 */
export function unavailableReasonOf(failure: SignInFailure): UnavailableReason {
  switch (failure) {
    case 'cancelled':
      return 'declined';
    case 'consentBlocked':
    case 'unapprovedScope':
      return 'notConsented';
    case 'personalAccountAtOrganizations':
      return 'personalAccount';
    default:
      return 'signInFailed';
  }
}
