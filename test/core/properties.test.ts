import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateCancel, validateSchedule, validateUpdate } from '../../src/core/validate';
import { instantToWall, parseIsoDateTime, toGraphDateTime, wallToInstant } from '../../src/core/datetime';
import { fromGraphEvent, isMalformedResponseError } from '../../src/core/mapping';
import type { Validation } from '../../src/core/types';

const ctx = { defaultTimeZone: 'America/New_York' };

function wellFormed(v: Validation<unknown>): void {
  if (v.ok) {
    assert.equal(typeof v.value, 'object');
    return;
  }
  assert.ok(v.errors.length > 0, 'a failure names at least one problem');
  for (const e of v.errors) {
    assert.equal(typeof e.field, 'string');
    assert.ok(e.field.length > 0);
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0);
  }
}

const dateTimeText = fc.oneof(
  fc.string(),
  fc
    .record({
      y: fc.integer({ min: 1990, max: 2040 }),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 25 }),
      mi: fc.integer({ min: 0, max: 60 }),
      z: fc.constantFrom('', 'Z', '+02:00', '-05:30', '+14:00'),
    })
    .map(({ y, mo, d, h, mi, z }) => {
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}${z}`;
    }),
);

const fieldValue = fc.oneof(
  fc.anything(),
  dateTimeText,
  fc.array(fc.oneof(fc.emailAddress(), fc.string(), fc.anything()), { maxLength: 8 }),
  fc.constantFrom('Europe/Berlin', 'W. Europe Standard Time', 'Nowhere', 'text', 'html', true, false),
);

const inputLike = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      'meetingId',
      'start',
      'end',
      'timeZone',
      'subject',
      'attendees',
      'location',
      'teamsMeeting',
      'content',
      'contentType',
      'comment',
      'other',
    ),
    fieldValue,
  ),
);

describe('core properties', () => {
  it('validators never throw and give a value or named field errors', () => {
    fc.assert(
      fc.property(inputLike, (input) => {
        wellFormed(validateSchedule(input, ctx));
        wellFormed(
          validateUpdate(input, {
            ...ctx,
            current: {
              start: { dateTime: '2026-03-08T01:00:00', timeZone: 'America/New_York' },
              end: { dateTime: '2026-03-08T04:00:00', timeZone: 'America/New_York' },
              isOnlineMeeting: true,
            },
          }),
        );
        wellFormed(validateCancel(input));
      }),
      { numRuns: 500 },
    );
  });

  it('a valid schedule always has its end after its start', () => {
    fc.assert(
      fc.property(dateTimeText, dateTimeText, (start, end) => {
        const v = validateSchedule({ start, end }, ctx);
        if (!v.ok) return;
        const s = toGraphDateTime(start, ctx.defaultTimeZone);
        const e = toGraphDateTime(end, ctx.defaultTimeZone);
        assert.ok(s.ok && e.ok);
        assert.ok(e.value.epochMs > s.value.epochMs);
      }),
      { numRuns: 500 },
    );
  });

  it('instant -> wall -> instant round-trips in DST zones (to the second, earlier occurrence on overlaps)', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1995, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }),
        fc.constantFrom(...zones),
        (seconds, zone) => {
          const epochMs = seconds * 1000;
          const wall = instantToWall(epochMs, zone);
          const back = wallToInstant(wall, zone);
          assert.ok(back.ok, `${zone} ${new Date(epochMs).toISOString()} has a wall time that must exist`);
          if (back.ambiguous) assert.ok(back.epochMs <= epochMs && epochMs - back.epochMs <= 3 * 3_600_000);
          else assert.equal(back.epochMs, epochMs);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the parser never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateTimeText), (text) => {
        parseIsoDateTime(text);
      }),
    );
  });

  it('fromGraphEvent either reads an event or throws the typed error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ id: fc.anything(), start: fc.anything(), end: fc.anything() })),
        (json) => {
          try {
            fromGraphEvent(json);
          } catch (e) {
            assert.ok(isMalformedResponseError(e), String(e));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
