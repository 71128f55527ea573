// "Find a time" in the real extension host against the fake Graph over HTTPS: the two argument-only commands resolve
// to their results, reject naming every bad field with nothing sent, and degrade (reject as unavailable, nothing
// shown) for a personal account; a feature's extra scope is asked only on a user action (`createIfNone`), and a
// declined one makes the feature unavailable while the base sign-in keeps working.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Availability, MeetingTimeSuggestion } from '../../src/core/findTime';
import { Auth } from '../../src/host/auth';
import { featureAccess, lazyFindTime } from '../../src/host/findTime';
import { HostContext } from '../../src/host/hostContext';
import type { Log } from '../../src/host/log';
import { readAuthSettings } from '../../src/host/settings';
import type { FakeGraph } from '../fake/fakeGraph';
import {
  addSession,
  authCalls,
  clearAuthCalls,
  currentSessions,
  removeAllSessions,
  removeSession,
  resetStandInAuth,
  setDefaultToken,
} from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import { productExtensionId, useFakeGraph } from './suiteEnv';

const cmd = {
  find: 'outlookMeetings.findMeetingTimes',
  availability: 'outlookMeetings.getAvailability',
  signIn: 'outlookMeetings.signIn',
} as const;
const token = `om-find-${Math.random().toString(36).slice(2)}-secret`;
const H = 3_600_000;
const day = Date.UTC(2030, 0, 7); // a Monday
const ana = 'ana@contoso.example';
const ben = 'ben@contoso.example';
const account = { id: 'find-time-account', label: 'find@contoso.test' };

async function rejection(p: Thenable<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof Error, `rejected with a non-Error: ${String(e)}`);
    return e;
  }
  assert.fail('expected the command to reject');
}

/** A host context of the product's own modules over the real `vscode.authentication` (the stand-in answers). */
function productHost(): { host: HostContext; dispose(): void } {
  const values = new Map<string, unknown>();
  const memento = {
    get: (key: string) => values.get(key),
    update: (key: string, value: unknown) => {
      values.set(key, value);
      return Promise.resolve();
    },
    keys: () => [...values.keys()],
  };
  const quiet = (): void => undefined;
  const log: Log = { trace: quiet, info: quiet, warn: quiet, error: quiet };
  const auth = new Auth(memento as unknown as vscode.Memento, () => readAuthSettings(), log);
  const host = new HostContext({ globalState: memento } as unknown as vscode.ExtensionContext, auth, log);
  return { host, dispose: () => auth.dispose() };
}

describe('find a time: commands and scopes, against the fake Graph over HTTPS', function () {
  this.timeout(60_000);
  let env: FakeGraphInUse;
  let fake: FakeGraph;

  before(async () => {
    resetStandInAuth();
    setDefaultToken(token);
    env = await useFakeGraph();
    fake = env.fake;
    fake.findTime.setWorkingHours({ zone: 'UTC', startHour: 8, endHour: 17 });
    fake.findTime.addPeople([{ name: 'Ana Lopez', email: ana }]);
    removeAllSessions();
    addSession({ account, scopes: ['Calendars.ReadWrite'] });
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext, `${productExtensionId} is not loaded`);
    await ext.activate();
    await vscode.commands.executeCommand(cmd.signIn);
  });

  after(async () => {
    await env?.dispose();
    resetStandInAuth();
    setDefaultToken('test-token');
  });

  it('findMeetingTimes resolves to suggestions, best first, with ISO instants and who is free', async () => {
    fake.findTime.addBusy(ana, { startMs: day + 8 * H, endMs: day + 10 * H, status: 'busy' });
    const mark = fake.requests.length;
    const result = await vscode.commands.executeCommand<MeetingTimeSuggestion[]>(cmd.find, {
      attendees: [ana, ben],
      durationMinutes: 60,
      start: '2030-01-07T08:00:00Z',
      end: '2030-01-07T12:00:00Z',
    });
    const sent = fake.requests.slice(mark);
    assert.deepEqual(
      sent.map((r) => `${r.method} ${r.path}`),
      ['POST /v1.0/me/findMeetingTimes'],
    );
    assert.equal(sent[0]?.headers.authorization, `Bearer ${token}`);
    assert.deepEqual(result[0], {
      start: '2030-01-07T10:00:00Z',
      end: '2030-01-07T11:00:00Z',
      confidence: 100,
      attendeeAvailability: [
        { email: ana, availability: 'free' },
        { email: ben, availability: 'free' },
      ],
    });
    for (let i = 1; i < result.length; i++) assert.ok(result[i - 1]!.confidence >= result[i]!.confidence);
  });

  it('getAvailability resolves one entry per address; 20 addresses are one request', async () => {
    const emails = [ana, ...Array.from({ length: 19 }, (_, i) => `p${i}@contoso.example`)];
    const mark = fake.requests.length;
    const result = await vscode.commands.executeCommand<Availability[]>(cmd.availability, {
      emails,
      start: '2030-01-07T08:00:00Z',
      end: '2030-01-07T12:00:00Z',
      intervalMinutes: 60,
    });
    assert.deepEqual(
      fake.requests.slice(mark).map((r) => `${r.method} ${r.path}`),
      ['POST /v1.0/me/calendar/getSchedule'],
    );
    assert.deepEqual(
      result.map((a) => a.email),
      emails,
    );
    assert.deepEqual(result[0], {
      email: ana,
      availabilityView: '2200',
      busy: [{ start: '2030-01-07T08:00:00Z', end: '2030-01-07T10:00:00Z', status: 'busy' }],
    });
  });

  it('bad arguments reject naming every bad field, and nothing is sent', async () => {
    const mark = fake.requests.length;
    const e = await rejection(
      vscode.commands.executeCommand(cmd.find, {
        attendees: ['not-an-address'],
        durationMinutes: 0,
        start: 'soon',
        end: '2030-01-07T12:00:00Z',
      }),
    );
    assert.match(e.message, /attendees\[0\]/);
    assert.match(e.message, /durationMinutes/);
    assert.match(e.message, /start/);
    const e2 = await rejection(
      vscode.commands.executeCommand(cmd.availability, { emails: [], start: '2030-01-07T08:00Z', end: 3 }),
    );
    assert.match(e2.message, /emails/);
    assert.match(e2.message, /end/);
    const e3 = await rejection(vscode.commands.executeCommand(cmd.availability));
    assert.match(e3.message, /arguments object/);
    assert.equal(fake.requests.length, mark, 'nothing was sent');
  });

  it('a personal account: both commands reject as unavailable (personal account), nothing else fails', async () => {
    const work = fake.calendar;
    fake.setCalendar({
      allowedOnlineMeetingProviders: ['skypeForConsumer'],
      defaultOnlineMeetingProvider: 'skypeForConsumer',
    });
    try {
      const e = await rejection(
        vscode.commands.executeCommand(cmd.availability, {
          emails: [ana],
          start: '2030-01-07T08:00:00Z',
          end: '2030-01-07T12:00:00Z',
        }),
      );
      assert.equal(e.name, 'FeatureUnavailableError');
      assert.match(e.message, /personal Microsoft accounts/);
    } finally {
      fake.setCalendar(work);
    }
  });

  it('an extra scope is asked only on a user action; declined, the feature is unavailable and the rest works', async () => {
    const { host, dispose } = productHost();
    try {
      clearAuthCalls();
      const silent = await featureAccess(host, 'people', { interactive: false });
      assert.deepEqual(silent.ok ? 'ok' : silent.unavailable.reason, 'needsConsent');
      assert.equal(
        authCalls().filter((c) => c.kind === 'createSession').length,
        0,
        'no prompt without a user action',
      );
      // On a user action VS Code asks first with its own modal ("The extension 'Outlook Meetings' wants to sign in
      // using ..."), before the provider is called; dismissing it rejects with "User did not consent to login."
      // (declined, test/host/featureScopes.test.ts). Test runs refuse every dialog with their own error, so here the
      // declined prompt comes back as signInFailed: unavailable all the same, and the provider never made a session.
      const asked = await featureAccess(host, 'people', { interactive: true });
      assert.deepEqual(asked.ok ? 'ok' : asked.unavailable.reason, 'signInFailed');
      assert.equal(authCalls().filter((c) => c.kind === 'createSession').length, 0);
      // The search through the service says the same, and sends nothing.
      const mark = fake.requests.length;
      const people = await lazyFindTime(host)().searchPeople('ana', { interactive: true });
      assert.equal(people.ok ? 'ok' : people.unavailable.reason, 'signInFailed');
      assert.equal(fake.requests.length, mark);
      // The base session still works: free/busy needs no extra scope.
      const availability = await vscode.commands.executeCommand<Availability[]>(cmd.availability, {
        emails: [ana],
        start: '2030-01-07T08:00:00Z',
        end: '2030-01-07T12:00:00Z',
      });
      assert.equal(availability.length, 1);
    } finally {
      dispose();
    }
  });

  it('a session with the extra scope for another account is not used: the feature still needs consent', async () => {
    const { host, dispose } = productHost();
    const otherToken = `${token}-other`;
    try {
      addSession({
        account: { id: 'someone-else', label: 'else@contoso.test' },
        scopes: ['Calendars.ReadWrite', 'People.Read'],
        accessToken: otherToken,
      });
      fake.tokens.add(otherToken);
      fake.findTime.grant(otherToken, ['Calendars.ReadWrite', 'People.Read']);
      const mark = fake.requests.length;
      const access = await featureAccess(host, 'people', { interactive: false });
      assert.equal(access.ok ? 'ok' : access.unavailable.reason, 'needsConsent');
      assert.equal(fake.requests.length, mark);
    } finally {
      for (const s of currentSessions()) if (s.account.id === 'someone-else') removeSession(s.id);
      dispose();
    }
  });

  it("granted, the extra scope's own token goes with the feature's requests", async () => {
    const { host, dispose } = productHost();
    const peopleToken = `${token}-people`;
    try {
      addSession({ account, scopes: ['Calendars.ReadWrite', 'People.Read'], accessToken: peopleToken });
      fake.tokens.add(peopleToken);
      fake.findTime.grant(peopleToken, ['Calendars.ReadWrite', 'People.Read']);
      const mark = fake.requests.length;
      const people = await lazyFindTime(host)().searchPeople('ana');
      assert.deepEqual(people, { ok: true, value: [{ name: 'Ana Lopez', email: ana }] });
      const sent = fake.requests.slice(mark);
      assert.deepEqual(
        sent.map((r) => `${r.method} ${r.path} ${String(r.headers.authorization)}`),
        [`GET /v1.0/me/people Bearer ${peopleToken}`],
      );
    } finally {
      dispose();
    }
  });
});
