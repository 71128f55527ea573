// The agent tools in the real extension host against the fake Graph, invoked as another extension or a chat would:
// `vscode.lm.invokeTool` without an invocation token. In a test run VS Code answers the write tools' confirmation
// itself (its dialog service confirms every dialog in extension tests), so these calls reach Graph.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FakeGraph } from '../fake/fakeGraph';
import { addSession, removeAllSessions, resetStandInAuth } from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import { productExtensionId, useFakeGraph } from './suiteEnv';

const hour = 3_600_000;
const t0 = Date.UTC(2030, 0, 7, 8); // 09:00 in Berlin

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p as { value?: unknown }).value).join('');
}

async function refusal(name: string, input: object): Promise<string> {
  try {
    await invoke(name, input);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  assert.fail(`${name} was expected to fail`);
}

describe('agent tools through vscode.lm.invokeTool (real editor, fake Graph)', function () {
  this.timeout(60_000);
  let env: FakeGraphInUse;
  let fake: FakeGraph;
  let previousZone: string | undefined;

  before(async () => {
    const config = vscode.workspace.getConfiguration('outlookMeetings');
    previousZone = config.inspect<string>('timeZone')?.globalValue;
    await config.update('timeZone', 'Europe/Berlin', vscode.ConfigurationTarget.Global);
    resetStandInAuth();
    env = await useFakeGraph();
    fake = env.fake;
    removeAllSessions();
    addSession({ account: { id: 'tools-account', label: 'tools@contoso.test' } });
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext);
    await ext.activate();
    await vscode.commands.executeCommand('outlookMeetings.signIn');
  });

  after(async () => {
    await env?.dispose();
    await vscode.workspace
      .getConfiguration('outlookMeetings')
      .update('timeZone', previousZone, vscode.ConfigurationTarget.Global);
    resetStandInAuth();
  });

  it('contributes the five tools with their input schemas', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('outlookMeetings_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [
      'outlookMeetings_cancel',
      'outlookMeetings_findTimes',
      'outlookMeetings_list',
      'outlookMeetings_schedule',
      'outlookMeetings_update',
    ]);
    const schedule = ours.find((t) => t.name === 'outlookMeetings_schedule');
    assert.deepEqual((schedule?.inputSchema as { required?: string[] }).required, ['start', 'end']);
  });

  it('lists the calendar in a window, occurrences and others’ meetings included, with IDs and times in the user zone', async () => {
    const mine = fake.seed({ subject: 'Planning', startMs: t0 + hour });
    const theirs = fake.seed({
      subject: 'Their review',
      startMs: t0 + 3 * hour,
      isOrganizer: false,
      organizer: { address: 'ada@contoso.example', name: 'Ada' },
    });
    fake.seed({ subject: 'Next week', startMs: t0 + 7 * 24 * hour });
    const out = await invoke('outlookMeetings_list', { start: '2030-01-07T00:00', end: '2030-01-08T00:00' });
    assert.match(out, /^2 meetings, times in Europe\/Berlin:/);
    assert.ok(out.includes(`- 2030-01-07 10:00–10:30 (Europe/Berlin) "Planning" (ID: ${mine.id})`), out);
    assert.ok(out.includes(`"Their review" (ID: ${theirs.id}; organizer: ada@contoso.example)`), out);
    assert.ok(!out.includes('Next week'));
    const view = fake.requests.find((r) => r.path === '/v1.0/me/calendarView');
    assert.equal(view?.query.startDateTime, new Date(Date.UTC(2030, 0, 6, 23)).toISOString());
  });

  it('refuses a bad window naming the field, sending nothing', async () => {
    const before = fake.requests.length;
    const message = await refusal('outlookMeetings_list', {
      start: '2030-01-08T00:00',
      end: '2030-01-07T00:00',
    });
    assert.match(message, /Nothing was sent/);
    assert.match(message, /\bend\b/);
    assert.equal(fake.requests.length, before);
  });

  it('schedules, updates and cancels, each sent once and answered with the ID and times', async () => {
    const scheduled = await invoke('outlookMeetings_schedule', {
      subject: 'Tool sync',
      start: '2030-01-09T14:00',
      end: '2030-01-09T14:30',
      attendees: ['ada@contoso.example'],
    });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1.0/me/events');
    assert.equal(posts.length, 1);
    assert.deepEqual((posts[0]!.body as { subject: string }).subject, 'Tool sync');
    const id = /ID: (\S+)/.exec(scheduled)?.[1];
    assert.ok(id && fake.events.has(id), scheduled);
    assert.match(scheduled, /2030-01-09 14:00–14:30 \(Europe\/Berlin\)/);
    assert.match(scheduled, /Invitation sent to: ada@contoso\.example/);

    const updated = await invoke('outlookMeetings_update', { meetingId: id, subject: 'Tool sync (moved)' });
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1);
    assert.deepEqual(patches[0]!.body, { subject: 'Tool sync (moved)' });
    assert.match(updated, new RegExp(`ID: ${id}`));

    const cancelled = await invoke('outlookMeetings_cancel', { meetingId: id, comment: 'Not needed' });
    const cancels = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
    assert.equal(cancels.length, 1);
    assert.match(cancelled, /Cancelled "Tool sync \(moved\)"/);
    assert.equal(fake.events.get(id)?.isCancelled ?? true, true);
  });

  it('suggests free times (findMeetingTimes), best first, in the user zone', async () => {
    const out = await invoke('outlookMeetings_findTimes', {
      attendees: ['ada@contoso.example'],
      durationMinutes: 30,
      // The fake's working hours are 08:00-17:00 in the mailbox zone (Pacific): 18:00-21:00 in Berlin.
      start: '2030-01-08T18:00',
      end: '2030-01-08T21:00',
    });
    assert.match(
      out,
      /^\d+ suggested times, best first:\n- 2030-01-08 \d\d:\d\d–\d\d:\d\d \(Europe\/Berlin\) \(confidence \d+%/,
    );
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1.0/me/findMeetingTimes');
    assert.equal(sent.length, 1);
    const message = await refusal('outlookMeetings_findTimes', {
      attendees: [],
      durationMinutes: 0,
      start: '2030-01-08T09:00',
      end: '2030-01-08T12:00',
    });
    assert.match(message, /durationMinutes/);
  });

  it('refuses invalid arguments with the same validation as the commands, sending nothing', async () => {
    const before = fake.requests.filter((r) => r.method !== 'GET').length;
    const message = await refusal('outlookMeetings_schedule', {
      start: '2030-01-09T15:00',
      end: '2030-01-09T14:00',
      attendees: ['not-an-address'],
    });
    assert.match(message, /Nothing was sent/);
    assert.match(message, /\bend\b/);
    assert.match(message, /attendees\[0\]/);
    assert.equal(fake.requests.filter((r) => r.method !== 'GET').length, before);
  });
});
