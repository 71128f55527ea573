import assert from 'node:assert/strict';
import type { Harness } from '../fake/harness';
import { sampleDraft, useHarness } from '../fake/harness';
import { isInvalidInputError, isNotOrganizerError, isMeetingsError } from '../../src/graph/errors';
import type { RecordedRequest } from '../fake/fakeGraph';

function only(h: Harness, method: string, pathPattern: RegExp): RecordedRequest[] {
  return h.fake.requests.filter(
    (r) => r.batchOf === undefined && r.method === method && pathPattern.test(r.path),
  );
}

describe('MeetingsClient actions against the fake Graph (HTTPS)', () => {
  const h = useHarness();

  it('schedules: sends the mapped body with transactionId, token and Prefer headers, returns the meeting', async () => {
    const client = h.client();
    const meeting = await client.schedule(sampleDraft(), { transactionId: 'tx-schedule-1' });

    const posts = only(h, 'POST', /^\/v1\.0\/me\/events$/);
    assert.equal(posts.length, 1);
    const sent = posts[0]!;
    assert.equal(sent.headers.authorization, 'Bearer test-token');
    assert.match(String(sent.headers.prefer), /IdType="ImmutableId"/);
    assert.match(String(sent.headers.prefer), /outlook\.timezone="W\. Europe Standard Time"/);
    assert.match(String(sent.headers['content-type']), /application\/json/);
    assert.deepEqual(sent.body, {
      subject: 'Design review',
      body: { contentType: 'text', content: 'Agenda: everything' },
      start: { dateTime: '2030-01-07T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2030-01-07T11:00:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Room 1' },
      attendees: [
        { emailAddress: { address: 'ada@contoso.example' }, type: 'required' },
        { emailAddress: { address: 'grace@contoso.example' }, type: 'required' },
      ],
      transactionId: 'tx-schedule-1',
    });

    assert.equal(h.fake.events.size, 1);
    const stored = [...h.fake.events.values()][0]!;
    assert.equal(meeting.id, stored.id);
    assert.equal(meeting.subject, 'Design review');
    assert.equal(meeting.isOrganizer, true);
    assert.equal(meeting.isOnlineMeeting, false);
    assert.equal(meeting.transactionId, 'tx-schedule-1');
    assert.ok(meeting.webLink?.startsWith('https://'));
    assert.deepEqual(meeting.start, { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' });
    assert.deepEqual(
      meeting.attendees.map((a) => a.address),
      ['ada@contoso.example', 'grace@contoso.example'],
    );
  });

  it('reads a meeting back in the configured zone, or UTC without one', async () => {
    const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-get' });
    const berlin = await h.client().get(created.id);
    assert.deepEqual(berlin.start, { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' });
    const ny = await h.client({ timeZone: 'Eastern Standard Time' }).get(created.id);
    assert.deepEqual(ny.start, { dateTime: '2030-01-07T04:00:00', timeZone: 'America/New_York' });
    const utc = await h.client({ timeZone: undefined }).get(created.id);
    assert.deepEqual(utc.start, { dateTime: '2030-01-07T09:00:00', timeZone: 'UTC' });
    const lastGet = only(h, 'GET', /\/me\/events\//).at(-1)!;
    assert.equal(lastGet.headers.prefer, 'IdType="ImmutableId"');
  });

  it('schedules a Teams meeting with the provider the calendar allows, and caches the calendar', async () => {
    const client = h.client();
    const m1 = await client.schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-teams-1' });
    const m2 = await client.schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-teams-2' });
    assert.equal(only(h, 'GET', /^\/v1\.0\/me\/calendar$/).length, 1);
    const post = only(h, 'POST', /^\/v1\.0\/me\/events$/)[0]!;
    assert.equal((post.body as Record<string, unknown>).isOnlineMeeting, true);
    assert.equal((post.body as Record<string, unknown>).onlineMeetingProvider, 'teamsForBusiness');
    for (const m of [m1, m2]) {
      assert.equal(m.isOnlineMeeting, true);
      assert.equal(m.onlineMeetingProvider, 'teamsForBusiness');
      assert.match(m.joinUrl ?? '', /^https:\/\/teams\.microsoft\.com\//);
    }
  });

  it('refuses Teams for a personal account (no Teams provider) without creating anything', async () => {
    h.fake.setCalendar({
      allowedOnlineMeetingProviders: ['skypeForConsumer'],
      defaultOnlineMeetingProvider: 'skypeForConsumer',
    });
    await assert.rejects(
      h.client().schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-personal' }),
      (e: unknown) => isInvalidInputError(e) && e.code === 'teamsUnavailable',
    );
    assert.equal(only(h, 'POST', /\/me\/events$/).length, 0);
    assert.equal(h.fake.events.size, 0);
  });

  it('a partial update sends only the changed field, no attendees key, and keeps the rest', async () => {
    const client = h.client();
    const created = await client.schedule(sampleDraft(), { transactionId: 'tx-partial' });
    const before = h.fake.requests.length;
    const updated = await client.update({ meetingId: created.id, subject: 'Renamed' });
    const sent = h.fake.requests.slice(before);
    assert.deepEqual(
      sent.map((r) => r.method),
      ['PATCH'],
      'no GET before a subject-only change',
    );
    assert.deepEqual(sent[0]!.body, { subject: 'Renamed' });
    assert.equal(updated.subject, 'Renamed');
    assert.deepEqual(
      updated.attendees.map((a) => a.address),
      ['ada@contoso.example', 'grace@contoso.example'],
    );
    assert.equal(updated.location, 'Room 1');
    assert.deepEqual(updated.start, created.start);
  });

  it('an update with attendees replaces the list wholesale', async () => {
    const client = h.client();
    const created = await client.schedule(sampleDraft(), { transactionId: 'tx-attendees' });
    const updated = await client.update({ meetingId: created.id, attendees: ['linus@contoso.example'] });
    const patch = only(h, 'PATCH', /\/me\/events\//)[0]!;
    assert.deepEqual((patch.body as Record<string, unknown>).attendees, [
      { emailAddress: { address: 'linus@contoso.example' }, type: 'required' },
    ]);
    assert.deepEqual(
      updated.attendees.map((a) => a.address),
      ['linus@contoso.example'],
    );
    assert.deepEqual(
      h.fake.events.get(created.id)!.attendees.map((a) => a.address),
      ['linus@contoso.example'],
    );
  });

  it('changing the content of a Teams meeting reads it first and keeps the join block', async () => {
    const client = h.client();
    const created = await client.schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-body' });
    const joinUrl = created.joinUrl!;
    const before = h.fake.requests.length;
    await client.update({ meetingId: created.id, content: 'New agenda', contentType: 'text' });
    const sent = h.fake.requests.slice(before);
    assert.deepEqual(
      sent.map((r) => r.method),
      ['GET', 'PATCH'],
    );
    const content = h.fake.events.get(created.id)!.body.content;
    assert.ok(content.includes('New agenda'));
    assert.ok(content.includes(joinUrl), 'the join link survives the update');
    assert.ok(!content.includes('Agenda: everything'));
  });

  it('turns Teams on for a meeting that has none, and refuses to turn it off', async () => {
    const client = h.client();
    const created = await client.schedule(sampleDraft(), { transactionId: 'tx-teams-on' });
    const on = await client.update({ meetingId: created.id, teamsMeeting: true }, { current: created });
    const patch = only(h, 'PATCH', /\/me\/events\//)[0]!;
    assert.deepEqual(patch.body, { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    assert.equal(on.isOnlineMeeting, true);
    assert.ok(on.joinUrl);

    const patches = only(h, 'PATCH', /\/me\/events\//).length;
    await assert.rejects(
      client.update({ meetingId: created.id, teamsMeeting: false }),
      (e: unknown) => isInvalidInputError(e) && e.code === 'teamsCannotBeTurnedOff',
    );
    assert.equal(only(h, 'PATCH', /\/me\/events\//).length, patches, 'nothing sent');
    assert.equal(h.fake.events.get(created.id)!.isOnlineMeeting, true);
  });

  it('the fake refuses to turn an online meeting off, as Graph does', async () => {
    const created = await h
      .client()
      .schedule(sampleDraft({ teamsMeeting: true }), { transactionId: 'tx-off' });
    const res = await h.trust.fetch(`${h.fake.url}/v1.0/me/events/${encodeURIComponent(created.id)}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ isOnlineMeeting: false }),
    });
    assert.equal(res.status, 400);
    const json = (await res.json()) as { error: { code: string } };
    assert.equal(json.error.code, 'ErrorInvalidRequest');
    assert.ok(res.headers.get('request-id'));
  });

  it('cancels as organizer with the comment in `Comment`', async () => {
    const client = h.client();
    const created = await client.schedule(sampleDraft(), { transactionId: 'tx-cancel' });
    await client.cancel({ meetingId: created.id, comment: 'Moved to next week' });
    const post = only(h, 'POST', /\/cancel$/)[0]!;
    assert.deepEqual(post.body, { Comment: 'Moved to next week' });
    const ev = h.fake.events.get(created.id)!;
    assert.equal(ev.isCancelled, true);
    assert.equal(ev.cancelComment, 'Moved to next week');
    assert.equal((await client.get(created.id)).isCancelled, true);
  });

  it('cancel by a non-organizer is a notOrganizer error and changes nothing', async () => {
    const seeded = h.fake.seed({
      subject: 'Their meeting',
      isOrganizer: false,
      organizer: { address: 'boss@contoso.example', name: 'Boss' },
    });
    await assert.rejects(h.client().cancel({ meetingId: seeded.id, comment: 'no' }), (e: unknown) => {
      assert.ok(isNotOrganizerError(e));
      assert.equal(e.code, 'ErrorInvalidRequest');
      assert.equal(e.status, 400);
      assert.ok(e.requestId);
      assert.match(e.message, /^notOrganizer \(HTTP 400, code ErrorInvalidRequest, request id /);
      return true;
    });
    assert.equal(h.fake.events.get(seeded.id)!.isCancelled, false);
  });

  it('the fake accepts a lower-case `comment` for cancel too', async () => {
    const created = await h.client().schedule(sampleDraft(), { transactionId: 'tx-lower' });
    const res = await h.trust.fetch(`${h.fake.url}/v1.0/me/events/${encodeURIComponent(created.id)}/cancel`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'lower' }),
    });
    assert.equal(res.status, 202);
    assert.equal(await res.text(), '');
    assert.equal(h.fake.events.get(created.id)!.cancelComment, 'lower');
  });

  it('reports the online-meeting providers of the calendar', async () => {
    h.fake.setCalendar({ allowedOnlineMeetingProviders: [], defaultOnlineMeetingProvider: 'unknown' });
    assert.deepEqual(await h.client().onlineMeetingProviders(), { allowed: [], defaultProvider: 'unknown' });
  });

  it('errors are MeetingsErrors recognised by the brand, not the class', async () => {
    try {
      await h.client().get('AAMkdoesnotexist=');
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(isMeetingsError(e));
      const copy = { ...(e as object), kind: (e as { kind: string }).kind };
      assert.ok(isMeetingsError(copy), 'a plain copy keeps the brand');
    }
  });
});
