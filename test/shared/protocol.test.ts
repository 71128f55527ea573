import assert from 'node:assert/strict';
import { validationMessages } from '../../src/core/messages';
import { formStrings } from '../../src/shared/formStrings';
import { parseFromWebview, parseToWebview, protocolLimits } from '../../src/shared/protocol';
import { sampleValues } from './sampleValues';

const values = sampleValues({ subject: 'S', attendees: ['a@example.com'] });
const submit = { type: 'submit', requestId: 'r1', values };

describe('parseFromWebview', () => {
  it('accepts a draft of the values (schedule form) and nothing beside them', () => {
    assert.deepEqual(parseFromWebview({ type: 'draft', values }), { type: 'draft', values });
    assert.equal(parseFromWebview({ type: 'draft', values, extra: 1 }), undefined);
    assert.equal(parseFromWebview({ type: 'draft', values: { ...values, subject: 5 } }), undefined);
    assert.equal(parseFromWebview({ type: 'draft' }), undefined);
  });

  it('accepts the three well-formed messages and returns copies', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    const parsed = parseFromWebview(submit);
    assert.deepEqual(parsed, submit);
    assert.notEqual(parsed && 'values' in parsed ? parsed.values.attendees : undefined, values.attendees);
    for (const action of ['openInOutlook', 'join', 'copyId']) {
      assert.deepEqual(parseFromWebview({ type: 'action', action, meetingId: 'M1' }), {
        type: 'action',
        action,
        meetingId: 'M1',
      });
    }
  });

  it('rejects non-objects and unknown types', () => {
    for (const m of [
      undefined,
      null,
      'ready',
      42,
      [],
      [{ type: 'ready' }],
      { type: 'init' },
      { type: 'READY' },
      {},
    ]) {
      assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
    }
    assert.equal(
      parseFromWebview(
        new (class {
          type = 'ready';
        })(),
      ),
      undefined,
    );
  });

  it('rejects missing fields', () => {
    assert.equal(parseFromWebview({ type: 'submit', values }), undefined);
    assert.equal(parseFromWebview({ type: 'submit', requestId: 'r' }), undefined);
    for (const key of Object.keys(values)) {
      const v: Record<string, unknown> = { ...values };
      delete v[key];
      assert.equal(parseFromWebview({ ...submit, values: v }), undefined, key);
    }
    assert.equal(parseFromWebview({ type: 'action', action: 'join' }), undefined);
  });

  it('rejects wrong types', () => {
    const bad: [string, unknown][] = [
      ['start', 1],
      ['end', null],
      ['timeZone', {}],
      ['subject', ['x']],
      ['attendees', 'a@example.com'],
      ['attendees', [1]],
      ['attendees', [null]],
      ['location', false],
      ['teamsMeeting', 'true'],
      ['content', undefined],
    ];
    for (const [key, value] of bad) {
      assert.equal(parseFromWebview({ ...submit, values: { ...values, [key]: value } }), undefined, key);
    }
    assert.equal(parseFromWebview({ ...submit, requestId: 7 }), undefined);
    assert.equal(parseFromWebview({ ...submit, requestId: '' }), undefined);
    assert.equal(parseFromWebview({ type: 'action', action: 'delete', meetingId: 'M' }), undefined);
    assert.equal(parseFromWebview({ type: 'action', action: 'join', meetingId: 5 }), undefined);
    const holey = ['a@x.com', 'b@x.com'];
    holey.length = 3;
    assert.equal(parseFromWebview({ ...submit, values: { ...values, attendees: holey } }), undefined);
  });

  it('rejects oversized values', () => {
    const long = (n: number): string => 'x'.repeat(n + 1);
    assert.equal(parseFromWebview({ ...submit, requestId: long(protocolLimits.requestId) }), undefined);
    assert.equal(
      parseFromWebview({ ...submit, values: { ...values, subject: long(protocolLimits.text) } }),
      undefined,
    );
    assert.equal(
      parseFromWebview({ ...submit, values: { ...values, content: long(protocolLimits.content) } }),
      undefined,
    );
    assert.equal(
      parseFromWebview({ ...submit, values: { ...values, start: long(protocolLimits.dateTime) } }),
      undefined,
    );
    assert.equal(
      parseFromWebview({ ...submit, values: { ...values, attendees: [long(protocolLimits.attendee)] } }),
      undefined,
    );
    const many = Array.from({ length: protocolLimits.attendees + 1 }, (_, i) => `p${i}@example.com`);
    assert.equal(parseFromWebview({ ...submit, values: { ...values, attendees: many } }), undefined);
    assert.equal(
      parseFromWebview({ type: 'action', action: 'join', meetingId: long(protocolLimits.meetingId) }),
      undefined,
    );
    assert.ok(
      parseFromWebview({ ...submit, values: { ...values, content: 'x'.repeat(protocolLimits.content) } }),
    );
  });

  it('rejects extra properties, at the top and inside values', () => {
    assert.equal(parseFromWebview({ type: 'ready', extra: 1 }), undefined);
    assert.equal(parseFromWebview({ ...submit, token: 'x' }), undefined);
    assert.equal(parseFromWebview({ ...submit, values: { ...values, contentType: 'html' } }), undefined);
    assert.equal(
      parseFromWebview({ type: 'action', action: 'join', meetingId: 'M', url: 'https://evil' }),
      undefined,
    );
    const withSymbol = { type: 'ready', [Symbol('x')]: 1 };
    assert.equal(parseFromWebview(withSymbol), undefined);
    const attendees = ['a@example.com'] as string[] & { extra?: number };
    attendees.extra = 1;
    assert.equal(parseFromWebview({ ...submit, values: { ...values, attendees } }), undefined);
  });
});

describe('parseToWebview (the page checks every host message)', () => {
  const init = {
    type: 'init',
    mode: 'update',
    meetingId: 'M1',
    values,
    teams: { enabled: false, reason: 'No Teams here.' },
    strings: { ...formStrings },
    messages: { ...validationMessages },
    timeZones: ['Europe/Berlin'],
    maxAttendees: 500,
  };

  it('accepts a well-formed init and both kinds of result', () => {
    assert.deepEqual(parseToWebview(init), init);
    assert.deepEqual(parseToWebview({ ...init, closedDraft: values }), { ...init, closedDraft: values });
    const ok = { type: 'result', requestId: 'r1', ok: true, meetingId: 'M1', canJoin: true };
    assert.deepEqual(parseToWebview(ok), ok);
    const failed = {
      type: 'result',
      requestId: 'r1',
      ok: false,
      errors: [{ field: 'subject', code: 'tooLong', message: 'Too long', params: { max: 255 } }],
      message: 'Please correct the highlighted fields.',
    };
    assert.deepEqual(parseToWebview(failed), failed);
  });

  it('accepts a lock with its reason (issue 15: a cancelled or deleted meeting locks its forms)', () => {
    const lock = { type: 'lock', reason: 'This meeting was cancelled.' };
    assert.deepEqual(parseToWebview(lock), lock);
  });

  for (const [name, msg] of [
    ['an unknown type', { type: 'nope' }],
    ['init with bad values', { ...init, values: { ...values, teamsMeeting: 'yes' } }],
    ['init with a bad closed draft', { ...init, closedDraft: { subject: 'x' } }],
    ['init with an unknown mode', { ...init, mode: 'delete' }],
    ['init with a string that is not one', { ...init, strings: { title: 5 } }],
    ['init without time zones', { ...init, timeZones: undefined }],
    ['a success without a meeting ID', { type: 'result', requestId: 'r1', ok: true }],
    ['a result with ok missing', { type: 'result', requestId: 'r1', meetingId: 'M1' }],
    [
      'a failure with an error of an unknown code',
      { type: 'result', requestId: 'r1', ok: false, errors: [{ field: 'x', code: 'boom', message: 'm' }] },
    ],
    ['a failure whose message is not text', { type: 'result', requestId: 'r1', ok: false, message: 5 }],
    ['a lock without a reason', { type: 'lock' }],
    ['a lock whose reason is not text', { type: 'lock', reason: 5 }],
    ['a lock with an extra property', { type: 'lock', reason: 'x', html: '<b>x</b>' }],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(parseToWebview(msg), undefined));
  }
});
