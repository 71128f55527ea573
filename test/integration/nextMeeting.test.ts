// The next meeting in the real extension host against the fake Graph: the status bar item's text for seeded meetings
// (read back through `outlookMeetings.showNextMeeting` with an arguments object, which answers what the item shows),
// its reminder notification (the log line the product writes when it shows one), and the polling rules.
// The launcher switches the feature off for the other suites; these tests turn it on in the user settings.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeGraph } from '../fake/fakeGraph';
import { addSession, removeAllSessions, resetStandInAuth } from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import { outlookLogText, productExtensionId, useFakeGraph, waitFor } from './suiteEnv';

const show = 'outlookMeetings.showNextMeeting';
const min = 60_000;

interface Shown {
  text?: string;
  meetingId?: string;
  start?: string;
}

async function shown(): Promise<Shown> {
  return (await vscode.commands.executeCommand<Shown>(show, {})) ?? {};
}

/** Reads the item until `ok` holds (every 100 ms); fails naming `what` after 15 s. */
async function shownWhen(what: string, ok: (s: Shown) => boolean): Promise<Shown> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = await shown();
    if (ok(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (shown: ${JSON.stringify(s)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setNextMeeting(values: {
  showInStatusBar?: boolean;
  reminderMinutes?: number;
}): Promise<void> {
  const config = vscode.workspace.getConfiguration('outlookMeetings');
  for (const [key, value] of Object.entries(values))
    await config.update(`nextMeeting.${key}`, value, vscode.ConfigurationTarget.Global);
}

function calendarViews(fake: FakeGraph): number {
  return fake.requests.filter((r) => r.path === '/v1.0/me/calendarView').length;
}

describe('next meeting: the status bar item and its reminder (real editor, fake Graph)', function () {
  this.timeout(60_000);
  let env: FakeGraphInUse;
  let fake: FakeGraph;
  let previous: { show?: boolean; minutes?: number };

  before(async () => {
    const config = vscode.workspace.getConfiguration('outlookMeetings');
    previous = {
      show: config.inspect<boolean>('nextMeeting.showInStatusBar')?.globalValue,
      minutes: config.inspect<number>('nextMeeting.reminderMinutes')?.globalValue,
    };
    await setNextMeeting({ showInStatusBar: false, reminderMinutes: 0 });
    resetStandInAuth();
    env = await useFakeGraph();
    fake = env.fake;
    removeAllSessions();
    addSession({ account: { id: 'next-meeting-account', label: 'next@contoso.test' } });
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext);
    await ext.activate();
    await vscode.commands.executeCommand('outlookMeetings.signIn');
  });

  after(async () => {
    // Back to off (the code-server launcher's values; the test-electron launcher has none), so the suites after
    // this one see no calendar reads of their own fake.
    await setNextMeeting({ showInStatusBar: previous.show ?? false, reminderMinutes: previous.minutes ?? 0 });
    await env?.dispose();
    resetStandInAuth();
  });

  it('asks nothing while the item and the reminders are off', async () => {
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(calendarViews(fake), 0);
    assert.deepEqual(await shown(), {});
  });

  it('shows "$(calendar) Stand-up in 12 min" for a seeded meeting and reminds of it once', async () => {
    const start = Date.now() + 12 * min - 20_000;
    const standUp = fake.seed({
      subject: 'Stand-up',
      startMs: start,
      endMs: start + 15 * min,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/standup', conferenceId: '42' },
    });
    fake.seed({ subject: 'Later', startMs: Date.now() + 3 * 60 * min });
    fake.seed({ subject: 'Cancelled', startMs: Date.now() + 5 * min, isCancelled: true });

    await setNextMeeting({ showInStatusBar: true, reminderMinutes: 15 });
    const state = await shownWhen('the item to show the stand-up', (s) => s.meetingId === standUp.id);
    assert.match(state.text ?? '', /^\$\(calendar\) Stand-up in 1[12] min$/);
    assert.equal(state.start, new Date(start).toISOString());

    const view = fake.requests.find((r) => r.path === '/v1.0/me/calendarView');
    assert.ok(view, 'GET /me/calendarView was sent');
    assert.ok(view.query.$select?.split(',').includes('onlineMeeting'), '$select names what it reads');
    assert.ok(Date.parse(view.query.startDateTime!) <= Date.now());
    assert.ok(Date.parse(view.query.endDateTime!) >= Date.now() + 23 * 60 * min);

    // 15 minutes' lead: the stand-up, 12 minutes away, is due at once; the cancelled one never.
    await waitFor('the reminder', () => outlookLogText().includes(`reminder shown for ${standUp.id}`));
    assert.ok(!outlookLogText().includes('"Cancelled"'), 'no reminder of a cancelled meeting');
  });

  it('does not ask Graph again within 5 minutes when settings change, and hides the item when told', async () => {
    const before = calendarViews(fake);
    assert.ok(before >= 1);
    await setNextMeeting({ reminderMinutes: 5 });
    await setNextMeeting({ showInStatusBar: false });
    assert.deepEqual(await shownWhen('the item to hide', (s) => s.text === undefined), {});
    assert.equal(calendarViews(fake), before, 'no second calendarView within 5 minutes');
    const reminders = outlookLogText().split('reminder shown for').length - 1;
    assert.equal(reminders, 1, 'the reminder is shown once');
  });
});
