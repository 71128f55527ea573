// Issue 12: calendars (`GET /me/calendars`, `canEdit`) and a create in a chosen calendar
// (`POST /me/calendars/{id}/events`), against the fake Graph over HTTPS through the real client.
import assert from 'node:assert/strict';
import { toCreateBody } from '../../src/core/mapping';
import { validateSchedule, validateUpdate } from '../../src/core/validate';
import { listCalendars } from '../../src/graph/calendars';
import { isMeetingsError } from '../../src/graph/errors';
import { MeetingOperations } from '../../src/services/meetingOperations';
import { calendarChoices } from '../../src/shared/formModel';
import { MeetingStore } from '../../src/store/meetingStore';
import { failure, sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, depsFor } from '../services/env';

describe('calendars: the list and a create in a chosen calendar', () => {
  const h = useHarness();

  it('validates calendarId (schedule only), naming the field; the body never carries it', () => {
    const ctx = { defaultTimeZone: 'Europe/Berlin' };
    const times = { start: '2030-01-07T10:00', end: '2030-01-07T11:00' };
    const ok = validateSchedule({ ...times, calendarId: 'AAMkCal2=' }, ctx);
    assert.ok(ok.ok);
    assert.equal(ok.value.calendarId, 'AAMkCal2=');
    assert.equal('calendarId' in toCreateBody(ok.value, { transactionId: 't' }), false);
    for (const bad of ['..', 'a b', 7]) {
      const r = validateSchedule({ ...times, calendarId: bad }, ctx);
      assert.ok(!r.ok, String(bad));
      assert.deepEqual(
        r.errors.map((e) => e.field),
        ['calendarId'],
      );
    }
    const blank = validateSchedule({ ...times, calendarId: ' ' }, ctx);
    assert.ok(blank.ok);
    assert.equal('calendarId' in blank.value, false, 'blank: the default calendar');
    const update = validateUpdate({ meetingId: 'AAMk=', calendarId: 'AAMkCal2=' }, ctx);
    assert.ok(!update.ok);
    assert.deepEqual(
      update.errors.map((e) => [e.field, e.code]),
      [['calendarId', 'unknownField']],
    );
  });

  it('lists the calendars with canEdit and the default one', async () => {
    const team = h.fake.seedCalendar({ name: 'Team', canEdit: true });
    h.fake.seedCalendar({ name: 'Holidays', canEdit: false });
    const calendars = await listCalendars(h.client());
    assert.deepEqual(
      calendars.map((c) => [c.name, c.canEdit, c.isDefault]),
      [
        ['Calendar', true, true],
        ['Team', true, false],
        ['Holidays', false, false],
      ],
    );
    assert.equal(calendars[1]?.id, team.id);
    const get = h.fake.requests.find((r) => r.method === 'GET' && r.path === '/v1.0/me/calendars');
    assert.ok(get, 'GET /me/calendars');
  });

  it('creates in the chosen calendar; without one in the default calendar', async () => {
    const team = h.fake.seedCalendar({ name: 'Team', canEdit: true });
    const client = h.client();
    const inTeam = await client.schedule(sampleDraft({ calendarId: team.id }), { transactionId: 't1' });
    const post = h.fake.requests.filter((r) => r.method === 'POST').at(-1);
    assert.equal(post?.path, `/v1.0/me/calendars/${encodeURIComponent(team.id)}/events`);
    assert.equal('calendarId' in (post?.body as object), false);
    assert.equal(h.fake.events.get(inTeam.id)?.calendarId, team.id);
    const plain = await client.schedule(sampleDraft(), { transactionId: 't2' });
    assert.equal(h.fake.requests.filter((r) => r.method === 'POST').at(-1)?.path, '/v1.0/me/events');
    assert.equal(h.fake.events.get(plain.id)?.calendarId, undefined);
  });

  it('an unknown calendar is 404; a calendar the user cannot edit is 403, and nothing is made', async () => {
    const client = h.client();
    const unknown = await failure(
      client.schedule(sampleDraft({ calendarId: 'AAMkNoSuch=' }), { transactionId: 't3' }),
    );
    assert.equal(unknown.status, 404);
    assert.deepEqual(
      [unknown.kind, unknown.code],
      ['invalidInput', 'calendarNotFound'],
      'not "the meeting was deleted"',
    );
    const holidays = h.fake.seedCalendar({ name: 'Holidays', canEdit: false });
    const refused = await failure(
      client.schedule(sampleDraft({ calendarId: holidays.id }), { transactionId: 't4' }),
    );
    assert.ok(isMeetingsError(refused));
    assert.equal(refused.kind, 'forbidden');
    assert.equal(h.fake.events.size, 0);
  });

  it("the form's picker gets the calendars the user can edit through the operations, the default first", async () => {
    const ops = new MeetingOperations(depsFor(new MeetingStore(new SharedMemento()), h.client()));
    assert.deepEqual(calendarChoices(await ops.calendars()), [], 'the default calendar alone: no picker');
    const team = h.fake.seedCalendar({ name: 'Team', canEdit: true });
    h.fake.seedCalendar({ name: 'Holidays', canEdit: false });
    assert.deepEqual(calendarChoices(await ops.calendars()), [
      { id: '', name: 'Calendar' },
      { id: team.id, name: 'Team' },
    ]);
  });
});
