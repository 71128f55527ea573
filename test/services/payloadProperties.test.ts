// Property-based: valid schedule inputs map to a payload the fake Graph accepts (201 over HTTPS), and
// invalid ones come back as field errors with nothing sent.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_SUBJECT_LENGTH } from '../../src/core/validate';
import { isInvalidArgumentsError } from '../../src/services/errors';
import { MeetingOperations } from '../../src/services/meetingOperations';
import { MeetingStore } from '../../src/store/meetingStore';
import { useHarness } from '../fake/harness';
import { SharedMemento, accountId, depsFor } from './env';

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Sydney',
  'UTC',
  'W. Europe Standard Time',
  'Pacific Standard Time',
];

/** A wall time between 08:00 and 20:00 (never in a DST gap), and an end 5 to 240 minutes later. */
const times = fc
  .record({
    y: fc.integer({ min: 2027, max: 2035 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 8, max: 19 }),
    mi: fc.integer({ min: 0, max: 59 }),
    minutes: fc.integer({ min: 5, max: 240 }),
    zone: fc.constantFrom(...zones),
    offset: fc.boolean(),
  })
  .map(({ y, mo, d, h, mi, minutes, zone, offset }) => {
    const startWall = Date.UTC(y, mo - 1, d, h, mi);
    const endWall = startWall + minutes * 60_000;
    const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    if (offset) return { start: `${fmt(startWall)}+02:00`, end: `${fmt(endWall)}+02:00`, zone };
    return { start: fmt(startWall), end: fmt(endWall), zone };
  });

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9+_-]{1,12}(\.[a-z0-9+_-]{1,8})?$/),
    label,
    fc.constantFrom('com', 'example', 'de', 'org'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE events; --',
  '&amp;&lt;b&gt;',
  '{{constructor.constructor("x")()}}',
  '\u202eevil\u202c',
  '👩‍👩‍👧‍👦 Ünïcødé 日本語 עברית',
);
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: max }),
    hostile,
    fc.string({ unit: 'binary', maxLength: max }),
  );

const validInput = fc
  .record(
    {
      times,
      subject: text(120),
      attendees: fc.uniqueArray(email, { maxLength: 6, selector: (e) => e.toLowerCase() }),
      location: text(80),
      content: text(300),
      contentType: fc.constantFrom('text', 'html'),
    },
    { requiredKeys: ['times'] },
  )
  .map(({ times: t, ...rest }) => ({ start: t.start, end: t.end, timeZone: t.zone, ...rest }));

/** One corruption of a valid input, and the field it must be reported on. */
const invalidInput = fc
  .tuple(
    validInput,
    fc.constantFrom(
      'endBeforeStart',
      'badEmail',
      'badZone',
      'longSubject',
      'wrongType',
      'unknownField',
      'badStart',
    ),
    fc.string({ minLength: 1, maxLength: 10 }),
  )
  .map(([input, corruption, noise]) => {
    const out: Record<string, unknown> = { ...input };
    switch (corruption) {
      case 'endBeforeStart':
        [out.start, out.end] = [input.end, input.start];
        return { input: out, field: 'end' };
      case 'badEmail':
        out.attendees = [...(input.attendees ?? []), `${noise.replace(/@/g, '')} at nowhere`];
        return { input: out, field: 'attendees' };
      case 'badZone':
        out.timeZone = `Mars/${noise}`;
        return { input: out, field: 'timeZone' };
      case 'longSubject':
        out.subject = 'x'.repeat(MAX_SUBJECT_LENGTH + 1 + noise.length);
        return { input: out, field: 'subject' };
      case 'wrongType':
        out.attendees = noise;
        return { input: out, field: 'attendees' };
      case 'unknownField':
        out[`zz${noise}`] = 1;
        return { input: out, field: `zz${noise}` };
      default:
        out.start = `2030-02-30T${noise}`;
        return { input: out, field: 'start' };
    }
  });

describe('Schedule payloads, property-based, against the fake Graph (HTTPS)', function () {
  this.timeout(60_000);
  const h = useHarness({}, { perTest: false });

  it('valid inputs (zones, emails, unicode and HTML text) map to a payload the fake answers 201', async () => {
    const client = h.client();
    const ops = new MeetingOperations(depsFor(new MeetingStore(new SharedMemento()), client));
    await fc.assert(
      fc.asyncProperty(validInput, async (input) => {
        const draft = ops.validateSchedule(input);
        const before = h.fake.requests.length;
        const meeting = await ops.schedule(draft);
        const posts = h.fake.requests.slice(before).filter((r) => r.method === 'POST');
        const { transactionId } = posts[0]!.body as { transactionId: string };
        assert.deepEqual(
          posts.map((r) => r.status),
          [201],
        );
        const ev = h.fake.events.get(meeting.id)!;
        assert.equal(ev.transactionId, transactionId);
        assert.equal(ev.subject, draft.subject ?? '');
        assert.deepEqual(
          ev.attendees.map((a) => a.address),
          draft.attendees ?? [],
        );
      }),
      { numRuns: 50 },
    );
  });

  it('invalid inputs yield field errors naming the field, and nothing is sent or stored', async () => {
    const store = new MeetingStore(new SharedMemento());
    const ops = new MeetingOperations(depsFor(store, h.client()));
    await fc.assert(
      fc.asyncProperty(invalidInput, async ({ input, field }) => {
        const before = h.fake.requests.length;
        let error: unknown;
        try {
          await ops.schedule(ops.validateSchedule(input));
        } catch (e) {
          error = e;
        }
        assert.ok(isInvalidArgumentsError(error), `expected field errors, got ${String(error)}`);
        assert.ok(
          error.errors.some((e) => e.field === field || e.field.startsWith(`${field}[`)),
          `no error on ${field}: ${JSON.stringify(error.errors)}`,
        );
        assert.equal(h.fake.requests.length, before, 'nothing was sent');
        assert.deepEqual(store.pendingCreates(accountId), []);
      }),
      { numRuns: 50 },
    );
  });
});
