import assert from 'node:assert/strict';
import type { ConfirmWords } from '../../src/host/toolsModel';
import {
  fieldLines,
  peopleList,
  recipientLines,
  updateRecipients,
  zonedRange,
} from '../../src/host/toolsModel';

describe('toolsModel: the agent tools’ text', () => {
  it("writes a time range in the user's zone, the date once when it is one day", () => {
    const start = Date.UTC(2030, 0, 7, 9, 0);
    assert.equal(
      zonedRange(start, start + 30 * 60_000, 'Europe/Berlin'),
      '2030-01-07 10:00–10:30 (Europe/Berlin)',
    );
    assert.equal(
      zonedRange(start, start + 24 * 3_600_000, 'America/New_York'),
      '2030-01-07 04:00 – 2030-01-08 04:00 (America/New_York)',
    );
  });

  it('lists people up to a limit, then says how many more', () => {
    assert.equal(peopleList([]), '');
    assert.equal(peopleList(['a@x.example', 'b@x.example']), 'a@x.example, b@x.example');
    const many = Array.from({ length: 25 }, (_, i) => `p${i}@x.example`);
    assert.match(peopleList(many, 20), /^p0@x\.example, .*p19@x\.example \(\+5\)$/);
  });
});

describe('toolsModel: what a confirmation says is sent, and to whom', () => {
  const words: ConfirmWords = {
    when: (v) => `When: ${v}`,
    subject: (v) => `Subject: ${v}`,
    noSubject: '(no subject)',
    location: (v) => `Location: ${v}`,
    teams: (on) => (on ? 'With Teams.' : 'Without Teams.'),
    message: (v) => `Message: ${v}`,
    repeats: (v) => `Repeats: ${v}`,
    to: (v) => `To: ${v}`,
    optional: (v) => `Optional: ${v}`,
    rooms: (v) => `Rooms: ${v}`,
    removed: (v) => `Removed: ${v}`,
  };
  const berlin = (dateTime: string) => ({ dateTime, timeZone: 'Europe/Berlin' });

  it('names every field sent, untrusted text without link syntax, in the user zone', () => {
    const lines = fieldLines(
      {
        start: berlin('2030-01-07T10:00:00'),
        end: berlin('2030-01-07T10:30:00'),
        subject: 'Plan [here](command:evil)',
        location: 'Room 1',
        teamsMeeting: true,
        content: 'x'.repeat(400),
        importance: 'high',
        categories: ['Blue'],
      },
      'America/New_York',
      words,
    );
    assert.deepEqual(lines.slice(0, 4), [
      'When: 2030-01-07 04:00–04:30 (America/New_York)',
      'Subject: "Plan [here] (command:evil)"',
      'Location: Room 1',
      'With Teams.',
    ]);
    assert.equal(lines[4], `Message: ${'x'.repeat(300)}…`);
    assert.deepEqual(lines.slice(5), ['importance: "high"', 'categories: ["Blue"]']);
  });

  it('an update goes to the lists after the change; whoever it removes is named', () => {
    const current = {
      attendees: [
        { address: 'ada@x.example', type: 'required' as const },
        { address: 'bo@x.example', type: 'required' as const },
        { address: 'cy@x.example', type: 'optional' as const },
        { address: 'room1@x.example', type: 'resource' as const },
      ],
    };
    const r = updateRecipients(current, { meetingId: 'm', attendees: ['ada@x.example', 'dee@x.example'] });
    assert.deepEqual(r.lists, {
      attendees: ['ada@x.example', 'dee@x.example'],
      optionalAttendees: ['cy@x.example'],
      resources: ['room1@x.example'],
    });
    assert.deepEqual(r.removed, ['bo@x.example']);
    assert.deepEqual(recipientLines(r.lists, words), [
      'To: ada@x.example, dee@x.example',
      'Optional: cy@x.example',
      'Rooms: room1@x.example',
    ]);
    assert.deepEqual(updateRecipients(current, { meetingId: 'm', subject: 'x' }).removed, []);
  });
});
