import assert from 'node:assert/strict';
import {
  MAX_ATTENDEES,
  MAX_COMMENT_LENGTH,
  MAX_CONTENT_LENGTH,
  MAX_LOCATION_LENGTH,
  MAX_SUBJECT_LENGTH,
  isValidEmail,
  validateCancel,
  validateSchedule,
  validateUpdate,
} from '../../src/core/validate';
import { MAX_MEETING_ID_LENGTH } from '../../src/core/meetingId';
import { formatMessage, validationMessages } from '../../src/core/messages';
import type { FieldError, Validation } from '../../src/core/types';
import { ctx } from './fixtures';

function errorsOf<T>(v: Validation<T>): FieldError[] {
  assert.equal(v.ok, false, `expected errors, got ${JSON.stringify(v)}`);
  return v.ok ? [] : v.errors;
}

function valueOf<T>(v: Validation<T>): T {
  if (!v.ok) assert.fail(`expected a value, got ${JSON.stringify(v.errors)}`);
  return v.value;
}

function codes(v: Validation<unknown>): string[] {
  return errorsOf(v).map((e) => `${e.field}:${e.code}`);
}

const emails = (n: number): string[] => Array.from({ length: n }, (_, i) => `person${i}@example.com`);

describe('core validate: schedule', () => {
  it('accepts a full input and normalises it', () => {
    const draft = valueOf(
      validateSchedule(
        {
          start: '2026-06-01T10:00',
          end: '2026-06-01T10:30',
          timeZone: 'W. Europe Standard Time',
          subject: 'Plan <b>&</b>',
          attendees: [' Ana@Example.com ', 'ana@example.COM', 'bo@example.org'],
          location: 'Room 1',
          teamsMeeting: true,
          content: 'Hello <world>',
        },
        ctx,
      ),
    );
    assert.deepEqual(draft, {
      start: { dateTime: '2026-06-01T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-06-01T10:30:00', timeZone: 'Europe/Berlin' },
      subject: 'Plan <b>&</b>',
      attendees: ['Ana@Example.com', 'bo@example.org'],
      location: 'Room 1',
      teamsMeeting: true,
      content: 'Hello <world>',
      contentType: 'text',
    });
  });

  it('uses the default zone and converts offset inputs into it', () => {
    const draft = valueOf(validateSchedule({ start: '2026-06-01T08:00:00Z', end: '2026-06-01T11:00' }, ctx));
    assert.deepEqual(draft.start, { dateTime: '2026-06-01T10:00:00', timeZone: 'Europe/Berlin' });
    assert.deepEqual(draft.end, { dateTime: '2026-06-01T11:00:00', timeZone: 'Europe/Berlin' });
    assert.equal(draft.contentType, undefined);
  });

  it('requires start and end', () => {
    assert.deepEqual(codes(validateSchedule({}, ctx)), ['start:required', 'end:required']);
    assert.deepEqual(codes(validateSchedule({ start: ' ', end: '' }, ctx)), [
      'start:required',
      'end:required',
    ]);
  });

  it('needs the end after the start, comparing instants', () => {
    assert.deepEqual(codes(validateSchedule({ start: '2026-06-01T10:00', end: '2026-06-01T10:00' }, ctx)), [
      'end:endBeforeStart',
    ]);
    assert.deepEqual(codes(validateSchedule({ start: '2026-06-01T10:00', end: '2026-06-01T09:00' }, ctx)), [
      'end:endBeforeStart',
    ]);
    // 10:00 Berlin is 08:00Z, so an end at 08:30Z is after it even though its digits are smaller.
    assert.equal(validateSchedule({ start: '2026-06-01T10:00', end: '2026-06-01T08:30:00Z' }, ctx).ok, true);
    // Across the fall-back overlap: 02:30 (first, CEST) to 02:10 is still backwards on the wall clock,
    // and both resolve to the earlier occurrence, so it is refused.
    assert.deepEqual(codes(validateSchedule({ start: '2026-10-25T02:30', end: '2026-10-25T02:10' }, ctx)), [
      'end:endBeforeStart',
    ]);
  });

  it('refuses a start inside the spring-forward gap and says which times are valid', () => {
    const errors = errorsOf(validateSchedule({ start: '2026-03-29T02:30', end: '2026-03-29T04:00' }, ctx));
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, 'start');
    assert.equal(errors[0].code, 'nonexistentLocalTime');
    assert.equal(errors[0].params?.gapEnd, '2026-03-29 03:00');
    assert.match(errors[0].message, /does not exist in Europe\/Berlin/);
    assert.match(errors[0].message, /03:00 or later/);
  });

  it('refuses malformed date-times and unknown zones, naming the value', () => {
    const errors = errorsOf(
      validateSchedule({ start: '2026-02-30T10:00', end: 'noon', timeZone: 'Mars/Olympus' }, ctx),
    );
    assert.deepEqual(
      errors.map((e) => `${e.field}:${e.code}`),
      ['timeZone:unknownTimeZone', 'start:invalidDateTime', 'end:invalidDateTime'],
    );
    assert.match(errors[0].message, /"Mars\/Olympus"/);
    assert.match(errors[2].message, /"noon" is not one/);
  });

  it('returns every problem at once', () => {
    const errors = errorsOf(
      validateSchedule(
        {
          start: 5,
          end: '2026-06-01T25:00',
          subject: 'x'.repeat(MAX_SUBJECT_LENGTH + 1),
          location: 'y'.repeat(MAX_LOCATION_LENGTH + 1),
          content: 'z'.repeat(MAX_CONTENT_LENGTH + 1),
          contentType: 'markdown',
          attendees: ['ok@example.com', 'bad', 7, 'Ana <ana@example.com>'],
          teamsMeeting: 'yes',
          colour: 'blue',
        },
        ctx,
      ),
    );
    assert.deepEqual(
      errors.map((e) => `${e.field}:${e.code}`),
      [
        'colour:unknownField',
        'start:wrongType',
        'end:invalidDateTime',
        'subject:tooLong',
        'location:tooLong',
        'content:tooLong',
        'contentType:wrongType',
        'attendees[1]:invalidEmail',
        'attendees[2]:wrongType',
        'attendees[3]:invalidEmail',
        'teamsMeeting:wrongType',
      ],
    );
    for (const e of errors) assert.ok(e.message.length > 10 && !/\{\w+\}/.test(e.message), e.message);
  });

  it('accepts lengths at the limits', () => {
    const v = validateSchedule(
      {
        start: '2026-06-01T10:00',
        end: '2026-06-01T11:00',
        subject: 'x'.repeat(MAX_SUBJECT_LENGTH),
        location: 'y'.repeat(MAX_LOCATION_LENGTH),
        content: 'z'.repeat(MAX_CONTENT_LENGTH),
        contentType: 'HTML',
      },
      ctx,
    );
    assert.equal(valueOf(v).contentType, 'html');
  });

  it('allows 500 attendees and refuses 501, counting after de-duplication', () => {
    const base = { start: '2026-06-01T10:00', end: '2026-06-01T11:00' };
    assert.equal(
      valueOf(validateSchedule({ ...base, attendees: emails(MAX_ATTENDEES) }, ctx)).attendees?.length,
      500,
    );
    const errors = errorsOf(validateSchedule({ ...base, attendees: emails(MAX_ATTENDEES + 1) }, ctx));
    assert.deepEqual(
      errors.map((e) => [e.field, e.code, e.params?.count]),
      [['attendees', 'tooManyAttendees', 501]],
    );
    const withDuplicates = [...emails(MAX_ATTENDEES), 'PERSON0@example.com', 'person1@EXAMPLE.com'];
    assert.equal(
      valueOf(validateSchedule({ ...base, attendees: withDuplicates }, ctx)).attendees?.length,
      500,
    );
  });

  it('rejects wrong shapes of the whole input', () => {
    for (const input of [null, undefined, 'start', 42, [], [{ start: 'x' }]]) {
      assert.deepEqual(codes(validateSchedule(input, ctx)), ['input:wrongType']);
    }
  });

  it('rejects null values and a non-array attendee list', () => {
    assert.deepEqual(
      codes(
        validateSchedule(
          { start: '2026-06-01T10:00', end: '2026-06-01T11:00', subject: null, attendees: 'a@b.co' },
          ctx,
        ),
      ),
      ['subject:wrongType', 'attendees:wrongType'],
    );
  });

  it('treats own __proto__ keys as unknown fields and never runs getters', () => {
    const parsed: unknown = JSON.parse(
      '{"start":"2026-06-01T10:00","end":"2026-06-01T11:00","__proto__":{"x":1}}',
    );
    assert.deepEqual(codes(validateSchedule(parsed, ctx)), ['__proto__:unknownField']);
    let ran = false;
    const withGetter = {
      end: '2026-06-01T11:00',
      get start(): string {
        ran = true;
        return '2026-06-01T10:00';
      },
    };
    assert.deepEqual(codes(validateSchedule(withGetter, ctx)), ['start:wrongType']);
    assert.equal(ran, false);
  });

  it('leaves out blank optional strings and keeps text verbatim', () => {
    const draft = valueOf(
      validateSchedule(
        {
          start: '2026-06-01T10:00',
          end: '2026-06-01T11:00',
          subject: '  ',
          location: '',
          content: '',
          attendees: [],
        },
        ctx,
      ),
    );
    assert.deepEqual(Object.keys(draft).sort(), ['end', 'start']);
    const kept = valueOf(
      validateSchedule(
        {
          start: '2026-06-01T10:00',
          end: '2026-06-01T11:00',
          content: '  <script>x</script>\n',
          contentType: 'html',
        },
        ctx,
      ),
    );
    assert.equal(kept.content, '  <script>x</script>\n');
  });

  it('reports an unknown default zone on the timeZone field', () => {
    assert.deepEqual(
      codes(
        validateSchedule({ start: '2026-06-01T10:00', end: '2026-06-01T11:00' }, { defaultTimeZone: 'Nope' }),
      ),
      ['timeZone:unknownTimeZone'],
    );
  });
});

describe('core validate: email addresses', () => {
  for (const good of [
    'a@b.co',
    'first.last@example.com',
    'x+tag@sub.example.org',
    "o'brien@example.ie",
    'user@xn--bcher-kva.example',
    'a_b-c@example-domain.travel',
  ]) {
    it(`accepts ${good}`, () => assert.equal(isValidEmail(good), true));
  }
  for (const bad of [
    '',
    'plain',
    '@example.com',
    'a@',
    'a@localhost',
    'a@example',
    'a b@example.com',
    'a@exa mple.com',
    'Ana <ana@example.com>',
    '"ana"@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a.@example.com',
    'a@-example.com',
    'a@example-.com',
    'a@example..com',
    'a@example.c',
    'a@example.123',
    'a@[127.0.0.1]',
    'a@b@example.com',
    'ümlaut@example.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(isValidEmail(bad), false));
  }
});

describe('core validate: update', () => {
  const current = {
    start: { dateTime: '2026-06-01T10:00:00.0000000', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2026-06-01T11:00:00.0000000', timeZone: 'Europe/Berlin' },
    isOnlineMeeting: true,
  };

  it('returns only the fields given', () => {
    assert.deepEqual(valueOf(validateUpdate({ meetingId: 'AAMk=', subject: 'New' }, ctx)), {
      meetingId: 'AAMk=',
      subject: 'New',
    });
    const cleared = valueOf(validateUpdate({ meetingId: 'AAMk=', location: '', attendees: [] }, ctx));
    assert.deepEqual(cleared, { meetingId: 'AAMk=', location: '', attendees: [] });
  });

  it('requires a meeting ID without whitespace or control characters, of sane length', () => {
    assert.deepEqual(codes(validateUpdate({ subject: 'x' }, ctx)), ['meetingId:required']);
    assert.deepEqual(codes(validateUpdate({ meetingId: '' }, ctx)), ['meetingId:required']);
    assert.deepEqual(codes(validateUpdate({ meetingId: 12 }, ctx)), ['meetingId:wrongType']);
    assert.deepEqual(codes(validateUpdate({ meetingId: 'AA Mk' }, ctx)), ['meetingId:invalidMeetingId']);
    assert.deepEqual(codes(validateUpdate({ meetingId: 'AAMk\u0000' }, ctx)), ['meetingId:invalidMeetingId']);
    assert.deepEqual(codes(validateUpdate({ meetingId: 'A'.repeat(MAX_MEETING_ID_LENGTH + 1) }, ctx)), [
      'meetingId:tooLong',
    ]);
    assert.equal(validateUpdate({ meetingId: 'A'.repeat(MAX_MEETING_ID_LENGTH) }, ctx).ok, true);
  });

  it('checks a lone new start or end against the current meeting', () => {
    assert.deepEqual(
      codes(validateUpdate({ meetingId: 'id', start: '2026-06-01T11:00' }, { ...ctx, current })),
      ['start:endBeforeStart'],
    );
    assert.deepEqual(
      codes(validateUpdate({ meetingId: 'id', end: '2026-06-01T09:30' }, { ...ctx, current })),
      ['end:endBeforeStart'],
    );
    assert.equal(
      validateUpdate({ meetingId: 'id', start: '2026-06-01T10:30' }, { ...ctx, current }).ok,
      true,
    );
    // Without the current meeting a lone start cannot be compared.
    assert.equal(validateUpdate({ meetingId: 'id', start: '2026-06-01T11:00' }, ctx).ok, true);
    // In another zone: 11:30 New York is 17:30 Berlin, after the current end.
    assert.deepEqual(
      codes(
        validateUpdate(
          { meetingId: 'id', start: '2026-06-01T11:30', timeZone: 'America/New_York' },
          { ...ctx, current },
        ),
      ),
      ['start:endBeforeStart'],
    );
  });

  it('checks both ends against each other when both are given', () => {
    assert.deepEqual(
      codes(
        validateUpdate(
          { meetingId: 'id', start: '2026-06-02T10:00', end: '2026-06-02T09:00' },
          { ...ctx, current },
        ),
      ),
      ['end:endBeforeStart'],
    );
  });

  it('needs a start or end with a time zone', () => {
    assert.deepEqual(codes(validateUpdate({ meetingId: 'id', timeZone: 'UTC' }, ctx)), ['start:required']);
  });

  it('refuses turning Teams off an online meeting, and allows it on', () => {
    const errors = errorsOf(validateUpdate({ meetingId: 'id', teamsMeeting: false }, { ...ctx, current }));
    assert.deepEqual(
      errors.map((e) => `${e.field}:${e.code}`),
      ['teamsMeeting:teamsCannotBeTurnedOff'],
    );
    assert.match(errors[0].message, /cannot remove it/);
    assert.equal(validateUpdate({ meetingId: 'id', teamsMeeting: true }, { ...ctx, current }).ok, true);
    assert.equal(
      validateUpdate(
        { meetingId: 'id', teamsMeeting: false },
        { ...ctx, current: { ...current, isOnlineMeeting: false } },
      ).ok,
      true,
    );
  });

  it('needs content with a content type', () => {
    assert.deepEqual(codes(validateUpdate({ meetingId: 'id', contentType: 'html' }, ctx)), [
      'content:required',
    ]);
    assert.deepEqual(
      valueOf(validateUpdate({ meetingId: 'id', content: '<p>x</p>', contentType: 'html' }, ctx)),
      {
        meetingId: 'id',
        content: '<p>x</p>',
        contentType: 'html',
      },
    );
  });

  it('returns every problem at once', () => {
    assert.deepEqual(
      codes(
        validateUpdate(
          { meetingId: ' ', start: '2026-03-29T02:00', attendees: ['x'], teamsMeeting: false, extra: 1 },
          { ...ctx, current },
        ),
      ),
      [
        'extra:unknownField',
        'meetingId:invalidMeetingId',
        'start:nonexistentLocalTime',
        'attendees[0]:invalidEmail',
        'teamsMeeting:teamsCannotBeTurnedOff',
      ],
    );
  });
});

describe('core validate: cancel', () => {
  it('accepts an ID and an optional comment', () => {
    assert.deepEqual(valueOf(validateCancel({ meetingId: 'AAMk=' })), { meetingId: 'AAMk=' });
    assert.deepEqual(valueOf(validateCancel({ meetingId: 'AAMk=', comment: 'Sorry' })), {
      meetingId: 'AAMk=',
      comment: 'Sorry',
    });
    assert.deepEqual(valueOf(validateCancel({ meetingId: 'AAMk=', comment: '  ' })), { meetingId: 'AAMk=' });
  });

  it('reports a missing ID, a long comment and unknown fields together', () => {
    assert.deepEqual(codes(validateCancel({ comment: 'c'.repeat(MAX_COMMENT_LENGTH + 1), reason: 'x' })), [
      'reason:unknownField',
      'meetingId:required',
      'comment:tooLong',
    ]);
    assert.deepEqual(codes(validateCancel('AAMk=')), ['input:wrongType']);
  });
});

describe('core messages', () => {
  it('has a template for every code and fills placeholders', () => {
    for (const [code, template] of Object.entries(validationMessages)) {
      assert.ok(template.length > 20, code);
    }
    assert.equal(formatMessage('a {x} b {y} {x}', { x: 1 }), 'a 1 b {y} 1');
    assert.equal(formatMessage('{toString}', {}), '{toString}');
  });
});
