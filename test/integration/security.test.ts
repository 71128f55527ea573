// Secrets and trust in the real extension host: a token Graph echoes back in an error never reaches the log,
// and a workspace's settings change neither the Graph endpoint nor the app registration (client ID, tenant).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fault, FakeGraph } from '../fake/fakeGraph';
import {
  addSession,
  authCalls,
  clearAuthCalls,
  removeAllSessions,
  resetStandInAuth,
  setDefaultToken,
} from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import {
  outlookLogText,
  productExtensionId,
  startTrustedFakeGraph,
  useFakeGraph,
  waitFor,
  withWorkspaceSettings,
} from './suiteEnv';

/** Opaque, matching no redaction pattern: only the host's own knowledge of its token can mask it. */
const token = `om-sec-${Math.random().toString(36).slice(2)}-opaque`;
const attackerClientId = 'bad0bad0-0000-4000-8000-00000000a77a';
const attackerTenant = 'attacker.example';

describe('secrets and trust, in the real extension host', function () {
  this.timeout(90_000);
  let env: FakeGraphInUse;
  let fake: FakeGraph;

  before(async () => {
    resetStandInAuth();
    setDefaultToken(token);
    env = await useFakeGraph();
    fake = env.fake;
    removeAllSessions();
    addSession({ account: { id: 'sec-account-1', label: 'sec@contoso.test' } });
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext, `${productExtensionId} is not loaded`);
    await ext.activate();
    await vscode.commands.executeCommand('outlookMeetings.signIn');
  });

  after(async () => {
    fake.clearFaults();
    await env?.dispose();
    resetStandInAuth();
    setDefaultToken('test-token');
  });

  afterEach(() => fake.clearFaults());

  it('masks the token in the log when Graph echoes it in 400, 401, 403 and 500 errors', async () => {
    await vscode.commands.executeCommand('outlookMeetings.scheduleMeeting', {
      start: '2030-05-06T10:00',
      end: '2030-05-06T10:30',
      timeZone: 'Europe/Berlin',
      subject: 'Echo target',
    });
    // Graph's message is logged for 400 and 403 (it explains the refusal); for 401 and 500 only the kind and the
    // request id are, so there the test waits for the new error line instead of the message.
    const echoes: { name: string; quoted: boolean; fault: (message: string) => Fault }[] = [
      {
        name: '400',
        quoted: true,
        fault: (message) => ({ kind: 'status', status: 400, code: 'ErrorInvalidRequest', message }),
      },
      { name: '401', quoted: false, fault: (message) => ({ kind: 'unauthorized', message }) },
      { name: '403', quoted: true, fault: (message) => ({ kind: 'status', status: 403, message }) },
      { name: '500', quoted: false, fault: (message) => ({ kind: 'status', status: 500, message }) },
    ];
    for (const { name, quoted, fault } of echoes) {
      const marker = `echo${name}-${Date.now()}`;
      const before = outlookLogText().length;
      fake.inject({ ...fault(`${marker} your token ${token} was rejected`), path: /\$batch/, times: 20 });
      // Refresh from the UI path: its failure is logged and shown as a notification.
      await vscode.commands.executeCommand('outlookMeetings.refresh');
      await waitFor(`the log to record the ${name} failure`, () => {
        const added = outlookLogText().slice(before);
        return quoted ? added.includes(marker) : /\[error\]/.test(added);
      });
      fake.clearFaults();
      if (quoted) assert.match(outlookLogText(), new RegExp(`${marker} your token \\[redacted\\]`));
    }
    assert.ok(!outlookLogText().includes(token), 'the token Graph echoed is in the log');
  });

  it('ignores a workspace that sets the time zone and default duration (user settings only)', async () => {
    const config = () => vscode.workspace.getConfiguration('outlookMeetings');
    const zoneSent = /Kiritimati|Line Islands/;
    /** Schedules with a wall time and no zone (the setting's zone applies); returns what the fake received. */
    const schedule = async (subject: string): Promise<string> => {
      const mark = fake.requests.length;
      await vscode.commands
        .executeCommand('outlookMeetings.scheduleMeeting', {
          start: '2030-05-08T10:00',
          end: '2030-05-08T10:30',
          subject,
        })
        .then(undefined, () => undefined);
      return fake.requests
        .slice(mark)
        .map((r) => `${r.rawBody}\n${JSON.stringify(r.headers)}`)
        .join('\n');
    };
    await withWorkspaceSettings(
      { 'outlookMeetings.timeZone': 'Pacific/Kiritimati', 'outlookMeetings.defaultDurationMinutes': 720 },
      async () => {
        const inspected = config().inspect('timeZone');
        assert.equal(inspected?.workspaceValue, undefined, 'VS Code applied the workspace time zone');
        const sent = await schedule('Workspace picks the zone');
        assert.ok(sent.length > 0, 'nothing reached the fake');
        assert.doesNotMatch(sent, zoneSent, 'the workspace time zone was used');
        // The same observation sees a user-level zone, so the check above can fail.
        try {
          await config().update('timeZone', 'Pacific/Kiritimati', vscode.ConfigurationTarget.Global);
          assert.match(await schedule('User picks the zone'), zoneSent);
        } finally {
          await config().update('timeZone', undefined, vscode.ConfigurationTarget.Global);
        }
      },
    );
  });

  it('ignores a workspace that sets the Graph endpoint, client ID and tenant', async () => {
    const other = await startTrustedFakeGraph({ tokens: [token] });
    const config = () => vscode.workspace.getConfiguration('outlookMeetings');
    const userClientId = 'f00df00d-1111-4222-8333-444455556666';
    const attack = {
      'outlookMeetings.graph.endpoint': other.url,
      'outlookMeetings.auth.clientId': attackerClientId,
      'outlookMeetings.auth.tenant': attackerTenant,
    };
    try {
      await withWorkspaceSettings(attack, async () => {
        try {
          clearAuthCalls();
          const mark = fake.requests.length;
          const id = await vscode.commands.executeCommand<string>('outlookMeetings.scheduleMeeting', {
            start: '2030-05-07T10:00',
            end: '2030-05-07T10:30',
            timeZone: 'Europe/Berlin',
            subject: 'Workspace says otherwise',
          });
          await vscode.commands.executeCommand('outlookMeetings.signIn');
          await vscode.commands.executeCommand('outlookMeetings.cancelMeeting', { meetingId: id });
          const scopes = authCalls().flatMap((c) => c.scopes ?? []);
          assert.ok(authCalls().length > 0, 'the product asked the provider for a session');
          assert.deepEqual(
            scopes.filter((s) => s.includes(attackerClientId) || s.includes(attackerTenant)),
            [],
            'a workspace value reached the sign-in scopes',
          );
          assert.deepEqual(other.requests, [], 'a request reached the workspace-configured host');
          assert.ok(fake.requests.length > mark, 'the requests went to the user-configured fake');
          assert.equal(fake.events.get(id)?.isCancelled, true);

          // The same observation sees a user-level client ID, so the check above can fail.
          await config().update('auth.clientId', userClientId, vscode.ConfigurationTarget.Global);
          clearAuthCalls();
          await vscode.commands.executeCommand('outlookMeetings.signIn');
          await waitFor('a session request with the user client ID', () =>
            authCalls().some((c) => (c.scopes ?? []).includes(`VSCODE_CLIENT_ID:${userClientId}`)),
          );
        } finally {
          await config().update('auth.clientId', undefined, vscode.ConfigurationTarget.Global);
        }
      });
    } finally {
      await other.close();
    }
  });
});
