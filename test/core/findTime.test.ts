// Validation of the arguments of outlookMeetings.findMeetingTimes and outlookMeetings.getAvailability: every bad
// field named at once, nothing thrown, windows read like the actions' (offset = instant, none = wall time in the zone).
import assert from 'node:assert/strict';
import {
  DEFAULT_INTERVAL_MINUTES,
  MAX_WINDOW_DAYS,
  unavailable,
  validateAvailability,
  validateFindMeetingTimes,
} from '../../src/core/findTime';
import type { FieldError, Validation } from '../../src/core/types';
import { ctx } from './fixtures';

function codes(v: Validation<unknown>): string[] {
  assert.equal(v.ok, false, `expected errors, got ${JSON.stringify(v)}`);
  return (v.ok ? [] : v.errors).map((e: FieldError) => `${e.field}:${e.code}`);
}

function valueOf<T>(v: Validation<T>): T {
  if (!v.ok) assert.fail(`expected a value, got ${JSON.stringify(v.errors)}`);
  return v.value;
}

const find = {
  attendees: ['ana@contoso.example'],
  durationMinutes: 30,
  start: '2030-01-07T09:00:00Z',
  end: '2030-01-07T17:00:00Z',
};

describe('core/findTime: findMeetingTimes arguments', () => {
  it('reads a valid call: instants, addresses trimmed and de-duplicated, optional attendees default to none', () => {
    const v = valueOf(
      validateFindMeetingTimes(
        { ...find, attendees: [' ana@contoso.example ', 'ANA@contoso.example', 'ben@contoso.example'] },
        ctx,
      ),
    );
    assert.deepEqual(v, {
      attendees: ['ana@contoso.example', 'ben@contoso.example'],
      optionalAttendees: [],
      durationMinutes: 30,
      startMs: Date.UTC(2030, 0, 7, 9),
      endMs: Date.UTC(2030, 0, 7, 17),
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads wall times in timeZone (or the default zone), offsets as instants', () => {
    const inZone = valueOf(
      validateFindMeetingTimes(
        { ...find, start: '2030-01-07T09:00', end: '2030-01-07T17:00', timeZone: 'America/New_York' },
        ctx,
      ),
    );
    assert.equal(inZone.startMs, Date.UTC(2030, 0, 7, 14));
    assert.equal(inZone.timeZone, 'America/New_York');
    const byDefault = valueOf(validateFindMeetingTimes({ ...find, start: '2030-01-07T09:00' }, ctx));
    assert.equal(byDefault.startMs, Date.UTC(2030, 0, 7, 8));
    const offset = valueOf(validateFindMeetingTimes({ ...find, start: '2030-01-07T09:00+05:30' }, ctx));
    assert.equal(offset.startMs, Date.UTC(2030, 0, 7, 3, 30));
  });

  it('accepts an empty attendee list (the organizer alone) and optional attendees', () => {
    const v = valueOf(
      validateFindMeetingTimes({ ...find, attendees: [], optionalAttendees: ['cy@contoso.example'] }, ctx),
    );
    assert.deepEqual(v.attendees, []);
    assert.deepEqual(v.optionalAttendees, ['cy@contoso.example']);
  });

  it('names every bad field at once', () => {
    assert.deepEqual(
      codes(
        validateFindMeetingTimes(
          {
            attendees: ['ana@contoso.example', 'not an address'],
            optionalAttendees: 'ben@contoso.example',
            durationMinutes: 0,
            start: 'tomorrow',
            end: 12,
            timeZone: 'Mars/Olympus',
            subject: 'x',
          },
          ctx,
        ),
      ).sort(),
      [
        'attendees[1]:invalidEmail',
        'durationMinutes:wrongType',
        'end:wrongType',
        'optionalAttendees:wrongType',
        'start:invalidDateTime',
        'subject:unknownField',
        'timeZone:unknownTimeZone',
      ],
    );
  });

  it('requires attendees, durationMinutes, start and end', () => {
    assert.deepEqual(codes(validateFindMeetingTimes({}, ctx)).sort(), [
      'attendees:required',
      'durationMinutes:required',
      'end:required',
      'start:required',
    ]);
  });

  it('refuses a non-object, an end not after the start, a window of 62 days or more, a meeting longer than the window', () => {
    assert.deepEqual(codes(validateFindMeetingTimes(['a'], ctx)), ['input:wrongType']);
    assert.deepEqual(codes(validateFindMeetingTimes({ ...find, end: find.start }, ctx)), [
      'end:endBeforeStart',
    ]);
    assert.deepEqual(codes(validateFindMeetingTimes({ ...find, end: `2030-03-10T09:00:00Z` }, ctx)), [
      'end:windowTooLong',
    ]);
    valueOf(validateFindMeetingTimes({ ...find, end: '2030-03-09T08:59:00Z' }, ctx));
    assert.deepEqual(codes(validateFindMeetingTimes({ ...find, durationMinutes: 481 }, ctx)), [
      'durationMinutes:durationExceedsWindow',
    ]);
    assert.deepEqual(codes(validateFindMeetingTimes({ ...find, durationMinutes: 1441 }, ctx)), [
      'durationMinutes:wrongType',
    ]);
    assert.deepEqual(codes(validateFindMeetingTimes({ ...find, durationMinutes: 30.5 }, ctx)), [
      'durationMinutes:wrongType',
    ]);
  });

  it('each error carries an English message naming the problem', () => {
    const v = validateFindMeetingTimes({ ...find, end: '2030-04-07T09:00:00Z' }, ctx);
    assert.ok(!v.ok);
    assert.match(v.errors[0]!.message, new RegExp(`at most ${MAX_WINDOW_DAYS} days`));
  });
});

const avail = { emails: ['ana@contoso.example'], start: '2030-01-07T00:00:00Z', end: '2030-01-08T00:00:00Z' };

describe('core/findTime: getAvailability arguments', () => {
  it('reads a valid call with the default interval', () => {
    assert.deepEqual(valueOf(validateAvailability(avail, ctx)), {
      emails: ['ana@contoso.example'],
      intervalMinutes: DEFAULT_INTERVAL_MINUTES,
      startMs: Date.UTC(2030, 0, 7),
      endMs: Date.UTC(2030, 0, 8),
      timeZone: 'Europe/Berlin',
    });
    assert.equal(valueOf(validateAvailability({ ...avail, intervalMinutes: 15 }, ctx)).intervalMinutes, 15);
  });

  it('names every bad field at once; emails must not be empty; the interval is 5 to 1440', () => {
    assert.deepEqual(
      codes(
        validateAvailability(
          { emails: [], start: '2030-01-07', end: '2030-01-06T00:00Z', intervalMinutes: 4 },
          ctx,
        ),
      ).sort(),
      ['emails:required', 'intervalMinutes:wrongType', 'start:invalidDateTime'],
    );
    assert.deepEqual(codes(validateAvailability({ ...avail, intervalMinutes: 1441 }, ctx)), [
      'intervalMinutes:wrongType',
    ]);
    assert.deepEqual(codes(validateAvailability({ ...avail, timeZone: 'UTC' }, ctx)), [
      'timeZone:unknownField',
    ]);
    assert.deepEqual(codes(validateAvailability({ start: avail.start, end: avail.start }, ctx)).sort(), [
      'emails:required',
      'end:endBeforeStart',
    ]);
  });

  it('accepts up to 500 addresses (split into requests later) and refuses more', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@contoso.example`);
    assert.equal(valueOf(validateAvailability({ ...avail, emails: many(500) }, ctx)).emails.length, 500);
    assert.deepEqual(codes(validateAvailability({ ...avail, emails: many(501) }, ctx)), [
      'emails:tooManyAttendees',
    ]);
  });
});

describe('core/findTime: unavailable', () => {
  it('gives the feature, the reason and one English line', () => {
    const u = unavailable('rooms', 'personalAccount');
    assert.equal(u.ok, false);
    assert.deepEqual(
      { ...u.unavailable, message: undefined },
      {
        feature: 'rooms',
        reason: 'personalAccount',
        message: undefined,
      },
    );
    assert.doesNotMatch(u.unavailable.message, /\n/);
  });
});
