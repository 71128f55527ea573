// The second sign-in of "find a time": which extra scopes each feature asks for, how they join the base plan (global
// cloud, national cloud, the user's own app registration), and what a failed prompt means for the feature.
import assert from 'node:assert/strict';
import { featureScopes, unavailableReasonOf, withFeatureScopes } from '../../src/host/featureScopes';
import { classifySignInError, signInPlan } from '../../src/host/settingsModel';

function plan(auth: { endpoint: string; clientId?: string; tenant: string }) {
  const p = signInPlan(auth);
  assert.ok(p.ok);
  return p.value;
}

describe('host/featureScopes', () => {
  it('asks People.Read for people and Place.Read.All for rooms; free/busy and suggestions use the base session', () => {
    assert.deepEqual(featureScopes, {
      people: ['People.Read'],
      availability: [],
      suggestions: [],
      rooms: ['Place.Read.All'],
    });
  });

  it('the base sign-in keeps asking only for Calendars.ReadWrite', () => {
    assert.deepEqual(plan({ endpoint: 'https://graph.microsoft.com', tenant: 'organizations' }).scopes, [
      'Calendars.ReadWrite',
    ]);
  });

  it('adds the extra scopes after the base ones (global cloud)', () => {
    const p = plan({ endpoint: 'https://graph.microsoft.com', tenant: 'organizations' });
    assert.deepEqual(withFeatureScopes(p, ['People.Read']), ['Calendars.ReadWrite', 'People.Read']);
    assert.deepEqual(withFeatureScopes(p, []), ['Calendars.ReadWrite']);
  });

  it('keeps the VSCODE_CLIENT_ID / VSCODE_TENANT entries last', () => {
    const p = plan({ endpoint: 'https://graph.microsoft.com', clientId: 'c1', tenant: 'contoso.example' });
    assert.deepEqual(withFeatureScopes(p, ['Place.Read.All']), [
      'Calendars.ReadWrite',
      'Place.Read.All',
      'VSCODE_CLIENT_ID:c1',
      'VSCODE_TENANT:contoso.example',
    ]);
  });

  it("prefixes the extra scopes with a national cloud's Graph origin, like the base scope", () => {
    const p = plan({ endpoint: 'https://graph.microsoft.us', clientId: 'c1', tenant: 'organizations' });
    assert.deepEqual(withFeatureScopes(p, ['People.Read']), [
      'https://graph.microsoft.us/Calendars.ReadWrite',
      'https://graph.microsoft.us/People.Read',
      'VSCODE_CLIENT_ID:c1',
      'VSCODE_TENANT:organizations',
    ]);
  });

  it('a dismissed prompt is declined, blocked consent not consented, a personal account at organizations personal', () => {
    assert.equal(unavailableReasonOf('cancelled'), 'declined');
    assert.equal(unavailableReasonOf('consentBlocked'), 'notConsented');
    assert.equal(unavailableReasonOf('unapprovedScope'), 'notConsented');
    assert.equal(unavailableReasonOf('personalAccountAtOrganizations'), 'personalAccount');
    assert.equal(unavailableReasonOf('invalidClient'), 'signInFailed');
    assert.equal(unavailableReasonOf('other'), 'signInFailed');
    // VS Code's own rejection when the user dismisses its "wants to sign in" dialog (mainThreadAuthentication.ts).
    assert.equal(
      unavailableReasonOf(classifySignInError(new Error('User did not consent to login.'))),
      'declined',
    );
  });
});
