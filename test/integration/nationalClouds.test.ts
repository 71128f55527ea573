// National clouds in the real extension host: a national-cloud endpoint signs in through the
// `microsoft-sovereign-cloud` provider (a stand-in here) with fully-qualified scopes, only once the user's
// `microsoft-sovereign-cloud.environment` names that cloud; until then nothing is asked and the log says what to set.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuthCall } from './standInAuth';
import { globalStandIn, resetStandInAuth, sovereignStandIn } from './standInAuth';
import { outlookLogText, productExtensionId, waitFor, withWorkspaceSettings } from './suiteEnv';

const clientId = '0c1d2e3f-aaaa-4bbb-8ccc-0123456789ab';
const tenant = '5e6f7a8b-1111-4222-8333-abcdefabcdef';
const endpoint = 'https://graph.microsoft.us';
const environmentSetting = 'microsoft-sovereign-cloud.environment';

/** Whether a call asked for exactly these scopes (in any order). */
function asked(call: AuthCall, scopes: string[]): boolean {
  return JSON.stringify([...(call.scopes ?? [])].sort()) === JSON.stringify([...scopes].sort());
}

describe('national clouds, in the real extension host', function () {
  this.timeout(90_000);
  const expectedScopes = [
    `${endpoint}/Calendars.ReadWrite`,
    `VSCODE_CLIENT_ID:${clientId}`,
    `VSCODE_TENANT:${tenant}`,
  ];
  const user = async (key: string, value: unknown): Promise<void> =>
    vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);

  before(async () => {
    resetStandInAuth();
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext, `${productExtensionId} is not loaded`);
    await ext.activate();
    // The stand-in refuses to create sessions: no account means the product never calls the (real) national host.
    sovereignStandIn.setCreateBehavior({
      kind: 'fail',
      message: 'AADSTS50020: test stand-in creates no session',
    });
    await user('outlookMeetings.auth.clientId', clientId);
    await user('outlookMeetings.auth.tenant', tenant);
    await user('outlookMeetings.graph.endpoint', endpoint);
  });

  after(async () => {
    await user(environmentSetting, undefined);
    await user('outlookMeetings.graph.endpoint', undefined);
    await user('outlookMeetings.auth.clientId', undefined);
    await user('outlookMeetings.auth.tenant', undefined);
    resetStandInAuth();
  });

  it('asks no provider and says exactly what to set while microsoft-sovereign-cloud.environment is missing or wrong', async () => {
    for (const value of [undefined, 'ChinaCloud']) {
      await user(environmentSetting, value);
      globalStandIn.clearAuthCalls();
      sovereignStandIn.clearAuthCalls();
      const before = outlookLogText().length;
      await vscode.commands.executeCommand('outlookMeetings.signIn');
      const said = `The setting ${environmentSetting} must be "USGovernment" for ${endpoint} (it is ${
        value === undefined ? 'not set' : JSON.stringify(value)
      })`;
      await waitFor(`the log to say what to set (${String(value)})`, () =>
        outlookLogText().slice(before).includes(said),
      ).catch((e: Error) => {
        throw new Error(`${e.message}; the log added: ${outlookLogText().slice(before).slice(-2000)}`);
      });
      assert.deepEqual(sovereignStandIn.authCalls(), [], 'the sovereign provider was asked');
      assert.deepEqual(globalStandIn.authCalls(), [], 'the global provider was asked for a national cloud');
    }
  });

  it('signs in with microsoft-sovereign-cloud and fully-qualified scopes once the environment is USGovernment', async () => {
    await user(environmentSetting, 'USGovernment');
    globalStandIn.clearAuthCalls();
    sovereignStandIn.clearAuthCalls();
    await vscode.commands.executeCommand('outlookMeetings.signIn');
    await waitFor('a session request to the sovereign stand-in with the national-cloud scopes', () =>
      sovereignStandIn.authCalls().some((c) => asked(c, expectedScopes)),
    );
    assert.deepEqual(
      sovereignStandIn.authCalls().filter((c) => c.scopes && !asked(c, expectedScopes)),
      [],
      'other scopes were asked',
    );
    assert.deepEqual(globalStandIn.authCalls(), [], 'the global provider was asked for a national cloud');
  });

  it('refuses a workspace value of microsoft-sovereign-cloud.environment that differs (VS Code would use it)', async () => {
    await user(environmentSetting, 'USGovernment');
    await withWorkspaceSettings({ [environmentSetting]: 'ChinaCloud' }, async () => {
      sovereignStandIn.clearAuthCalls();
      const before = outlookLogText().length;
      await vscode.commands.executeCommand('outlookMeetings.signIn');
      const said = `The setting ${environmentSetting} must be "USGovernment" for ${endpoint} (it is "ChinaCloud")`;
      await waitFor('the log to say what to set', () => outlookLogText().slice(before).includes(said));
      assert.deepEqual(
        sovereignStandIn.authCalls().filter((c) => c.kind === 'createSession'),
        [],
        'a sign-in was attempted under the workspace environment',
      );
    });
  });

  it("follows the sovereign provider's session changes", async () => {
    await user(environmentSetting, 'USGovernment');
    // Let the refresh the settings change started finish before observing.
    await waitFor('the refresh after the settings change', () =>
      sovereignStandIn.authCalls().some((c) => c.kind === 'getSessions' && asked(c, expectedScopes)),
    ).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    sovereignStandIn.clearAuthCalls();
    // A session for other scopes: the product re-reads its own (and finds none), so no account and no Graph call.
    sovereignStandIn.addSession({ scopes: ['https://management.usgovcloudapi.net/.default'] });
    await waitFor('the product to re-read its session after the change event', () =>
      sovereignStandIn.authCalls().some((c) => c.kind === 'getSessions' && asked(c, expectedScopes)),
    );
  });
});
