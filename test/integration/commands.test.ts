// The commands with arguments objects, run in the real extension host against the fake Graph over HTTPS:
// the exact requests that reach Graph, what is refused before anything is sent, the stored list as Refresh
// reads it back ($batch), sign-out, the workspace endpoint that must be ignored, and the log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { FakeGraph, RecordedRequest } from '../fake/fakeGraph';
import { addSession, removeAllSessions, resetStandInAuth, setDefaultToken } from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import {
  logRoots,
  outlookLogFiles,
  productExtensionId,
  startTrustedFakeGraph,
  useFakeGraph,
  waitFor,
  withWorkspaceSettings,
} from './suiteEnv';

const cmd = {
  schedule: 'outlookMeetings.scheduleMeeting',
  update: 'outlookMeetings.updateMeeting',
  cancel: 'outlookMeetings.cancelMeeting',
  refresh: 'outlookMeetings.refresh',
  signIn: 'outlookMeetings.signIn',
  signOut: 'outlookMeetings.signOut',
} as const;

/** A token shaped like nothing a redactor would recognise, so finding it anywhere means it leaked. */
const token = `om-int-${Math.random().toString(36).slice(2)}-secret`;
const zone = 'Europe/Berlin';
/** `zone` as Graph is sent it: its Windows name ("dateTimeTimeZone resource type"). */
const sentZone = 'W. Europe Standard Time';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let accountNo = 0;

/** Signs the product in with a fresh account, so each test sees its own stored list. */
async function freshAccount(): Promise<string> {
  accountNo++;
  removeAllSessions();
  const id = `int-account-${accountNo}`;
  addSession({ account: { id, label: `user${accountNo}@contoso.test` } });
  return id;
}

function decoded(r: RecordedRequest): string {
  return decodeURIComponent(r.path);
}

function eventPath(id: string): string {
  return `/v1.0/me/events/${id}`;
}

function topLevel(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.batchOf === undefined);
}

function summary(requests: RecordedRequest[]): string[] {
  return topLevel(requests).map((r) => `${r.method} ${decoded(r)}`);
}

/** The meeting ids a `$batch` among `requests` asked for, sorted. */
function batchedIds(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => r.batchOf !== undefined && r.method === 'GET')
    .map((r) => decoded(r).replace(/^\/v1\.0\/me\/events\//, ''))
    .sort();
}

async function rejection(p: Thenable<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof Error, `rejected with a non-Error: ${String(e)}`);
    return e;
  }
  assert.fail('expected the command to reject');
}

function scheduleArgs(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    start: '2030-03-04T10:00',
    end: '2030-03-04T10:45',
    timeZone: zone,
    subject: 'Integration review',
    attendees: ['ada@contoso.example', 'grace@contoso.example'],
    location: 'Room 7',
    content: 'Agenda: everything',
    ...over,
  };
}

describe('commands with arguments, against the fake Graph over HTTPS', function () {
  this.timeout(60_000);
  let env: FakeGraphInUse;
  let fake: FakeGraph;
  let previousZone: string | undefined;

  before(async () => {
    resetStandInAuth();
    setDefaultToken(token);
    const config = vscode.workspace.getConfiguration('outlookMeetings');
    previousZone = config.inspect<string>('timeZone')?.globalValue;
    await config.update('timeZone', zone, vscode.ConfigurationTarget.Global);
    env = await useFakeGraph();
    fake = env.fake;
    await freshAccount();
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext, `${productExtensionId} is not loaded`);
    await ext.activate();
    // After a sign-out elsewhere in the run, sign in again (the stand-in hands over its session, no dialog).
    await vscode.commands.executeCommand(cmd.signIn);
  });

  after(async () => {
    fake.clearFaults();
    await env?.dispose();
    await vscode.workspace
      .getConfiguration('outlookMeetings')
      .update('timeZone', previousZone, vscode.ConfigurationTarget.Global);
    resetStandInAuth();
    setDefaultToken('test-token');
  });

  afterEach(() => fake.clearFaults());

  it('schedule sends exactly one POST with the mapped body, the token and the Prefer headers, and resolves to the ID', async () => {
    await freshAccount();
    const mark = fake.requests.length;
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, scheduleArgs());
    const sent = fake.requests.slice(mark);
    assert.deepEqual(summary(sent), ['POST /v1.0/me/events']);
    const post = sent[0]!;
    assert.equal(post.headers.authorization, `Bearer ${token}`);
    assert.match(String(post.headers.prefer), /IdType="ImmutableId"/);
    assert.match(String(post.headers.prefer), /outlook\.timezone="W\. Europe Standard Time"/);
    assert.match(String(post.headers['content-type']), /^application\/json/);
    const body = post.body as Record<string, unknown>;
    assert.match(String(body.transactionId), uuid);
    assert.deepEqual(body, {
      subject: 'Integration review',
      body: { contentType: 'text', content: 'Agenda: everything' },
      start: { dateTime: '2030-03-04T10:00:00', timeZone: sentZone },
      end: { dateTime: '2030-03-04T10:45:00', timeZone: sentZone },
      location: { displayName: 'Room 7' },
      attendees: [
        { emailAddress: { address: 'ada@contoso.example' }, type: 'required' },
        { emailAddress: { address: 'grace@contoso.example' }, type: 'required' },
      ],
      transactionId: body.transactionId,
    });
    assert.equal(typeof id, 'string');
    const ev = fake.events.get(id);
    assert.ok(ev, 'the returned ID is the event the fake made');
    assert.equal(ev.transactionId, body.transactionId);
    assert.equal(ev.startMs, Date.UTC(2030, 2, 4, 9, 0));
  });

  it('schedule with offsets sends exact instants; without a time zone uses the setting', async () => {
    const mark = fake.requests.length;
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, {
      start: '2030-03-05T08:30:00Z',
      end: '2030-03-05T09:00:00+00:00',
      subject: 'Instants',
    });
    const post = topLevel(fake.requests.slice(mark))[0]!;
    assert.equal(fake.events.get(id)?.startMs, Date.UTC(2030, 2, 5, 8, 30));
    assert.equal(fake.events.get(id)?.endMs, Date.UTC(2030, 2, 5, 9, 0));
    assert.equal('attendees' in (post.body as object), false, 'no attendees key when none are given');
  });

  it('update with only a subject reads the meeting, PATCHes only the subject, and keeps the attendees', async () => {
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, scheduleArgs());
    const mark = fake.requests.length;
    const result = await vscode.commands.executeCommand<string>(cmd.update, {
      meetingId: id,
      subject: 'Renamed review',
    });
    assert.equal(result, id);
    const sent = fake.requests.slice(mark);
    assert.deepEqual(summary(sent), [`GET ${eventPath(id)}`, `PATCH ${eventPath(id)}`]);
    const patch = sent[1]!;
    assert.deepEqual(patch.body, { subject: 'Renamed review' });
    assert.equal(patch.headers.authorization, `Bearer ${token}`);
    assert.match(String(patch.headers.prefer), /IdType="ImmutableId"/);
    const ev = fake.events.get(id)!;
    assert.equal(ev.subject, 'Renamed review');
    assert.deepEqual(
      ev.attendees.map((a) => a.address),
      ['ada@contoso.example', 'grace@contoso.example'],
    );
    assert.equal(ev.location, 'Room 7');
    assert.equal(ev.startMs, Date.UTC(2030, 2, 4, 9, 0));
  });

  it('update with new times and attendees sends those fields only', async () => {
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, scheduleArgs());
    const mark = fake.requests.length;
    await vscode.commands.executeCommand(cmd.update, {
      meetingId: id,
      start: '2030-03-04T14:00',
      end: '2030-03-04T15:00',
      attendees: ['linus@contoso.example'],
    });
    const patch = topLevel(fake.requests.slice(mark)).find((r) => r.method === 'PATCH')!;
    assert.deepEqual(patch.body, {
      start: { dateTime: '2030-03-04T14:00:00', timeZone: sentZone },
      end: { dateTime: '2030-03-04T15:00:00', timeZone: sentZone },
      attendees: [{ emailAddress: { address: 'linus@contoso.example' }, type: 'required' }],
    });
    const ev = fake.events.get(id)!;
    assert.equal(ev.subject, 'Integration review');
    assert.deepEqual(
      ev.attendees.map((a) => a.address),
      ['linus@contoso.example'],
    );
  });

  it('cancel with a comment reads the meeting, then POSTs /cancel with the comment, and resolves', async () => {
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, scheduleArgs());
    const mark = fake.requests.length;
    const result = await vscode.commands.executeCommand(cmd.cancel, {
      meetingId: id,
      comment: 'Sorry, moving it.',
    });
    assert.equal(result, undefined);
    const sent = fake.requests.slice(mark);
    assert.deepEqual(summary(sent), [`GET ${eventPath(id)}`, `POST ${eventPath(id)}/cancel`]);
    assert.deepEqual(sent[1]!.body, { Comment: 'Sorry, moving it.' });
    assert.equal(sent[1]!.headers.authorization, `Bearer ${token}`);
    const ev = fake.events.get(id)!;
    assert.equal(ev.isCancelled, true);
    assert.equal(ev.cancelComment, 'Sorry, moving it.');
  });

  it('invalid arguments reject naming each bad field, and no request reaches Graph', async () => {
    const mark = fake.requests.length;
    const schedule = await rejection(
      vscode.commands.executeCommand(cmd.schedule, {
        start: 'next tuesday',
        end: 42,
        timeZone: 'Mars/Olympus',
        attendees: ['ok@contoso.example', 'bob@', 7],
        teamsMeeting: 'yes',
        colour: 'blue',
      }),
    );
    for (const field of [
      'start',
      'end',
      'timeZone',
      'attendees[1]',
      'attendees[2]',
      'teamsMeeting',
      'colour',
    ])
      assert.match(schedule.message, new RegExp(`(^|[ ;:])${field.replace(/[[\]]/g, '\\$&')}:`), field);
    assert.doesNotMatch(schedule.message, /attendees\[0\]/);

    const update = await rejection(
      vscode.commands.executeCommand(cmd.update, { meetingId: '', subject: 5, location: ['x'] }),
    );
    for (const field of ['meetingId', 'subject', 'location']) assert.match(update.message, new RegExp(field));

    const cancel = await rejection(
      vscode.commands.executeCommand(cmd.cancel, { meetingId: 17, comment: { text: 'x' } }),
    );
    for (const field of ['meetingId', 'comment']) assert.match(cancel.message, new RegExp(field));

    await rejection(vscode.commands.executeCommand(cmd.schedule, 'tomorrow at ten'));
    await rejection(vscode.commands.executeCommand(cmd.schedule, [scheduleArgs()]));
    assert.deepEqual(summary(fake.requests.slice(mark)), [], 'nothing was sent');
  });

  it('a throttled create that is then dropped after Graph applied it leaves exactly one meeting and one stored entry', async () => {
    await freshAccount();
    const eventsBefore = fake.events.size;
    fake.inject({ kind: 'throttle', method: 'POST', path: '/me/events', retryAfter: 1 });
    fake.inject({ kind: 'drop', when: 'after', method: 'POST', path: '/me/events' });
    const mark = fake.requests.length;
    const id = await vscode.commands.executeCommand<string>(cmd.schedule, scheduleArgs({ subject: 'Busy' }));
    const posts = topLevel(fake.requests.slice(mark)).filter((r) => r.method === 'POST');
    assert.deepEqual(
      posts.map((r) => r.fault ?? 'none'),
      ['throttle', 'drop', 'none'],
    );
    const tx = new Set(posts.map((r) => (r.body as { transactionId: string }).transactionId));
    assert.equal(tx.size, 1, 'every attempt carries the same transactionId');
    assert.equal(fake.events.size, eventsBefore + 1, 'exactly one meeting on the fake');
    assert.equal(fake.events.get(id)?.subject, 'Busy');

    // Refresh re-reads every stored meeting of the account: the one meeting, once.
    const before = fake.requests.length;
    await vscode.commands.executeCommand(cmd.refresh);
    assert.deepEqual(batchedIds(fake.requests.slice(before)), [id]);
  });

  it('cancel and update of a meeting the user does not organize are refused, with nothing sent', async () => {
    const theirs = fake.seed({
      subject: 'Their meeting',
      isOrganizer: false,
      organizer: { address: 'boss@contoso.example', name: 'Megan Bowen' },
      attendees: [{ address: 'alexw@contoso.example', type: 'required' }],
    });
    const mark = fake.requests.length;
    const cancel = await rejection(
      vscode.commands.executeCommand(cmd.cancel, { meetingId: theirs.id, comment: 'No' }),
    );
    assert.match(cancel.message, /organizer/i);
    assert.match(cancel.message, /Megan Bowen/);
    const update = await rejection(
      vscode.commands.executeCommand(cmd.update, { meetingId: theirs.id, subject: 'Mine now' }),
    );
    assert.match(update.message, /organizer/i);
    const sent = topLevel(fake.requests.slice(mark));
    assert.deepEqual(
      sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decoded(r)}`),
      [],
      'only reads reached Graph',
    );
    assert.equal(theirs.isCancelled, false);
    assert.equal(theirs.subject, 'Their meeting');
  });

  it('refresh re-reads the stored meetings in one $batch; a meeting deleted in Outlook is marked, read again, and comes back', async () => {
    await freshAccount();
    const upcoming = await vscode.commands.executeCommand<string>(
      cmd.schedule,
      scheduleArgs({ subject: 'Soon' }),
    );
    const past = await vscode.commands.executeCommand<string>(
      cmd.schedule,
      scheduleArgs({ subject: 'Last year', start: '2020-01-06T10:00', end: '2020-01-06T11:00' }),
    );
    const cancelled = await vscode.commands.executeCommand<string>(
      cmd.schedule,
      scheduleArgs({ subject: 'Called off' }),
    );
    await vscode.commands.executeCommand(cmd.cancel, { meetingId: cancelled });
    const untracked = fake.seed({ subject: 'Made in Outlook' });

    let mark = fake.requests.length;
    await vscode.commands.executeCommand(cmd.refresh);
    let sent = fake.requests.slice(mark);
    assert.deepEqual(summary(sent), ['POST /v1.0/$batch']);
    assert.equal(sent[0]!.headers.authorization, `Bearer ${token}`);
    assert.deepEqual(batchedIds(sent), [upcoming, past, cancelled].sort());
    assert.ok(!batchedIds(sent).includes(untracked.id), 'only meetings made with the extension are listed');

    const deletedEvent = fake.events.get(upcoming)!;
    fake.events.delete(upcoming);
    mark = fake.requests.length;
    await vscode.commands.executeCommand(cmd.refresh);
    sent = fake.requests.slice(mark);
    assert.deepEqual(batchedIds(sent), [upcoming, past, cancelled].sort());
    assert.equal(sent.find((r) => r.batchOf !== undefined && decoded(r).endsWith(upcoming))?.status, 404);

    // Marked deleted, it is still read at every refresh, and comes back when Graph has it again.
    fake.events.set(upcoming, deletedEvent);
    mark = fake.requests.length;
    await vscode.commands.executeCommand(cmd.refresh);
    sent = fake.requests.slice(mark);
    assert.deepEqual(
      batchedIds(sent),
      [upcoming, past, cancelled].sort(),
      'the deleted meeting is read again',
    );
    assert.equal(sent.find((r) => r.batchOf !== undefined && decoded(r).endsWith(upcoming))?.status, 200);
    const mark2 = fake.requests.length;
    await vscode.commands.executeCommand(cmd.update, { meetingId: upcoming, subject: 'Back again' });
    assert.ok(
      summary(fake.requests.slice(mark2)).includes(`PATCH ${eventPath(upcoming)}`),
      'the meeting that came back can be updated',
    );

    // Changed in Outlook: the next refresh reads the new subject (the update command then sees it too).
    fake.events.get(past)!.subject = 'Renamed in Outlook';
    await vscode.commands.executeCommand(cmd.refresh);
    assert.equal(fake.events.get(past)!.subject, 'Renamed in Outlook');
  });

  it('open, join and copy with arguments: a bad meeting ID or a link to another host is refused, nothing sent or opened', async () => {
    const item = {
      copy: 'outlookMeetings.copyMeetingId',
      open: 'outlookMeetings.openInOutlook',
      join: 'outlookMeetings.joinMeeting',
    };
    let mark = fake.requests.length;
    for (const id of ['..', '.', 'AAMk\nrm -rf ~', 'a b', 7]) {
      for (const command of Object.values(item)) {
        const e = await rejection(vscode.commands.executeCommand(command, { meetingId: id }));
        assert.match(e.message, /meetingId/, `${command} ${JSON.stringify(id)}`);
      }
    }
    assert.deepEqual(summary(fake.requests.slice(mark)), [], 'nothing was sent');

    const hostile = fake.seed({
      subject: 'Hostile links',
      webLink: 'https://outlook.office.com.attacker.example/owa/?itemid=x',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: {
        joinUrl: 'https://attacker.example\\@teams.microsoft.com/l/meetup-join/x',
        conferenceId: '1',
      },
    });
    mark = fake.requests.length;
    const open = await rejection(vscode.commands.executeCommand(item.open, { meetingId: hostile.id }));
    assert.match(open.message, /no web link/);
    const join = await rejection(vscode.commands.executeCommand(item.join, { meetingId: hostile.id }));
    assert.match(join.message, /no Teams link/);
    assert.deepEqual(summary(fake.requests.slice(mark)), [
      `GET ${eventPath(hostile.id)}`,
      `GET ${eventPath(hostile.id)}`,
    ]);

    // The endpoint here is the local fake, as in the sandbox: even good Outlook and Teams links are not opened
    // (its meetings are in no real mailbox; issue 15).
    const good = fake.seed({
      subject: 'Sandbox meeting',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', conferenceId: '2' },
    });
    const sandboxOpen = await rejection(vscode.commands.executeCommand(item.open, { meetingId: good.id }));
    assert.match(sandboxOpen.message, /This is the sandbox/);
    const sandboxJoin = await rejection(vscode.commands.executeCommand(item.join, { meetingId: good.id }));
    assert.match(sandboxJoin.message, /This is the sandbox/);
  });

  it('sign-out stops every request until the user signs in again', async () => {
    await freshAccount();
    const id = await vscode.commands.executeCommand<string>(
      cmd.schedule,
      scheduleArgs({ subject: 'Before' }),
    );
    await vscode.commands.executeCommand(cmd.signOut);
    const mark = fake.requests.length;
    const err = await rejection(vscode.commands.executeCommand(cmd.schedule, scheduleArgs()));
    assert.match(err.message, /sign in/i);
    await rejection(vscode.commands.executeCommand(cmd.update, { meetingId: id, subject: 'x' }));
    await rejection(vscode.commands.executeCommand(cmd.cancel, { meetingId: id }));
    // Refresh shows "not signed in" as a notification and settles only when it is dismissed: do not wait for it.
    void vscode.commands.executeCommand(cmd.refresh);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(summary(fake.requests.slice(mark)), [], 'nothing sent while signed out');

    await vscode.commands.executeCommand(cmd.signIn);
    const before = fake.requests.length;
    await vscode.commands.executeCommand(cmd.refresh);
    assert.deepEqual(batchedIds(fake.requests.slice(before)), [id], 'the list is back after signing in');
  });

  it('ignores outlookMeetings.graph.endpoint from the workspace settings: the token never reaches that host', async () => {
    const other = await startTrustedFakeGraph({ tokens: [token] });
    try {
      await withWorkspaceSettings({ 'outlookMeetings.graph.endpoint': other.url }, async () => {
        const mark = fake.requests.length;
        const id = await vscode.commands.executeCommand<string>(
          cmd.schedule,
          scheduleArgs({ subject: 'Here' }),
        );
        await vscode.commands.executeCommand(cmd.update, { meetingId: id, subject: 'Still here' });
        await vscode.commands.executeCommand(cmd.refresh);
        await vscode.commands.executeCommand(cmd.cancel, { meetingId: id });
        assert.deepEqual(other.requests, [], 'no request reached the workspace-configured host');
        assert.deepEqual(
          summary(fake.requests.slice(mark)).map((s) => s.split(' ')[0]),
          ['POST', 'GET', 'PATCH', 'POST', 'GET', 'POST'],
        );
        assert.equal(fake.events.get(id)?.isCancelled, true);
      });
    } finally {
      await other.close();
    }
  });

  it('never writes the token to the log output channel', async () => {
    await vscode.commands.executeCommand(cmd.schedule, scheduleArgs({ subject: 'Logged' }));
    const logs = outlookLogFiles();
    assert.ok(logs.length > 0, `no "Outlook Meetings.log" found under ${logRoots().join(', ')}`);
    await waitFor('the log to mention the scheduled meeting', () =>
      logs.some((f) => fs.readFileSync(f, 'utf8').includes('Scheduled meeting')),
    );
    for (const f of logs) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!text.includes(token), `the token is in ${f}`);
    }
  });
});
