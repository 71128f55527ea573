// "Find a time" for the commands and the form panel: the window's `FindTimeService` (loaded with the operations bundle
// at its first use) over the host's sign-in, with each feature's extra permission asked when it is first used.
import * as vscode from 'vscode';
import type { FeatureUnavailable, FindTimeFeature } from '../core/findTime';
import { unavailable } from '../core/findTime';
import type * as OperationsModule from '../services/meetingOperations';
import type { FeatureAccess, FindTimeService } from '../services/findTime';
import { isSignInError } from './auth';
import { featureScopes, unavailableReasonOf } from './featureScopes';
import type { HostContext } from './hostContext';

/**
 * A feature's Graph client once its extra scopes are granted: asked silently first; with a prompt (`createIfNone`)
 * only when `interactive` (a user action). A dismissed prompt, a refusal or any other failed sign-in for the extra
 * scopes is `unavailable` with its reason, never an error (the rest of the form works); a silent miss is `needsConsent`.
 */
export async function featureAccess(
  host: HostContext,
  feature: FindTimeFeature,
  opts: { interactive: boolean },
): Promise<FeatureAccess> {
  const extra = featureScopes[feature];
  if (extra.length > 0) {
    await host.account();
    let granted = (await host.auth.featureSession(extra, false)) !== undefined;
    if (!granted && opts.interactive) {
      try {
        granted = (await host.auth.featureSession(extra, true)) !== undefined;
      } catch (e) {
        if (!isSignInError(e)) throw e;
        return unavailable(feature, unavailableReasonOf(e.failure));
      }
    }
    if (!granted) return unavailable(feature, 'needsConsent');
  }
  return { ok: true, graph: await host.featureGraph(extra) };
}

/** The window's "find a time" service; its module (dist/operations.js) is required at the first call. */
export function lazyFindTime(host: HostContext): () => FindTimeService {
  let service: FindTimeService | undefined;
  return () => {
    if (!service) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('../services/meetingOperations') as typeof OperationsModule;
      service = new module.FindTimeService({
        access: (feature, opts) => featureAccess(host, feature, opts),
        defaultTimeZone: () => host.settings().timeZone,
      });
    }
    return service;
  };
}

/** The one line the form shows when a feature hides itself, translated. */
export function describeUnavailable(u: FeatureUnavailable): string {
  const name = {
    people: vscode.l10n.t('People suggestions'),
    availability: vscode.l10n.t('Free/busy'),
    suggestions: vscode.l10n.t('Suggested times'),
    rooms: vscode.l10n.t('Rooms'),
  }[u.feature];
  switch (u.reason) {
    case 'declined':
      return vscode.l10n.t('{0} unavailable: the permission was declined.', name);
    case 'notConsented':
      return vscode.l10n.t(
        '{0} unavailable: your organization has not allowed it (an administrator can consent).',
        name,
      );
    case 'personalAccount':
      return vscode.l10n.t('{0} unavailable: personal Microsoft accounts do not have it.', name);
    case 'needsConsent':
      return vscode.l10n.t('{0}: permission needed, asked when you use it.', name);
    case 'signInFailed':
      return vscode.l10n.t('{0} unavailable: asking for the permission failed (see the log).', name);
  }
}

/** A feature call's rejection for commands with arguments: the feature is unavailable (`reason`), nothing failed. */
export class FeatureUnavailableError extends Error {
  override readonly name = 'FeatureUnavailableError';
  readonly reason: FeatureUnavailable['reason'];
  readonly feature: FindTimeFeature;
  constructor(u: FeatureUnavailable) {
    super(u.message);
    this.reason = u.reason;
    this.feature = u.feature;
  }
}
