// The host side of the form protocol: what FormPanel runs for a page message. A rejected message must reach no
// handler (no Graph request, no store write, no command), whatever its shape.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FormMessageHandlers } from '../../src/host/formDispatch';
import { dispatchFormMessage, formActionCommands, newFormNonce } from '../../src/host/formDispatch';
import { renderFormHtml } from '../../src/shared/formHtml';
import { protocolLimits } from '../../src/shared/protocol';
import { sampleValues } from '../shared/sampleValues';

const values = sampleValues({ subject: 'S', attendees: ['a@example.com'] });
const submit = { type: 'submit', requestId: 'r1', values };
const action = { type: 'action', action: 'copyId', meetingId: 'M1' };

type Call = [kind: string, ...args: unknown[]];

function recorder(): { calls: Call[]; handlers: FormMessageHandlers } {
  const calls: Call[] = [];
  return {
    calls,
    handlers: {
      ready: () => {
        calls.push(['ready']);
        return Promise.resolve();
      },
      submit: (requestId, v) => {
        calls.push(['submit', requestId, v]);
        return Promise.resolve();
      },
      command: (command, arg) => {
        calls.push(['command', command, arg]);
        return Promise.resolve();
      },
      draft: (v) => {
        calls.push(['draft', v]);
      },
      findTime: (msg) => {
        calls.push(['findTime', msg]);
        return Promise.resolve();
      },
      rejected: () => {
        calls.push(['rejected']);
      },
      failed: (e) => {
        calls.push(['failed', e]);
      },
    },
  };
}

async function dispatched(raw: unknown): Promise<{ result: string; calls: Call[] }> {
  const { calls, handlers } = recorder();
  const result = await dispatchFormMessage(raw, handlers);
  return { result, calls };
}

async function assertRejected(raw: unknown, label: string): Promise<void> {
  const { result, calls } = await dispatched(raw);
  assert.equal(result, 'rejected', label);
  assert.deepEqual(calls, [['rejected']], `${label}: only the rejection is logged`);
}

const long = (n: number): string => 'x'.repeat(n + 1);

/** Hostile messages, by class: each must be rejected with no handler run. */
const hostile: Record<string, [string, unknown][]> = {
  'unknown types': [
    ['init from the page', { type: 'init' }],
    ['result from the page', { type: 'result', requestId: 'r1', ok: true }],
    ['upper case', { type: 'SUBMIT', requestId: 'r1', values }],
    ['no type', { requestId: 'r1', values }],
    ['a command name', { type: 'outlookMeetings.cancelMeeting', meetingId: 'M1' }],
    ['not an object', 'submit'],
    ['null', null],
    ['an array', [submit]],
    ['__proto__ type', JSON.parse('{"__proto__": {"type": "ready"}}')],
  ],
  'missing fields': [
    ['submit without values', { type: 'submit', requestId: 'r1' }],
    ['submit without requestId', { type: 'submit', values }],
    ['values without subject', { ...submit, values: { ...values, subject: undefined } }],
    ['action without meetingId', { type: 'action', action: 'join' }],
    ['action without action', { type: 'action', meetingId: 'M1' }],
  ],
  'wrong types': [
    ['numeric requestId', { ...submit, requestId: 1 }],
    ['empty requestId', { ...submit, requestId: '' }],
    ['attendees as a string', { ...submit, values: { ...values, attendees: 'a@example.com' } }],
    ['attendee objects', { ...submit, values: { ...values, attendees: [{ address: 'a@example.com' }] } }],
    ['teamsMeeting as a string', { ...submit, values: { ...values, teamsMeeting: 'true' } }],
    ['unknown action', { type: 'action', action: 'cancel', meetingId: 'M1' }],
    ['command as action', { type: 'action', action: 'workbench.action.reloadWindow', meetingId: 'M1' }],
    ['meetingId object', { type: 'action', action: 'join', meetingId: { toString: () => 'M1' } }],
    [
      'a class instance',
      new (class {
        type = 'ready';
      })(),
    ],
  ],
  'oversized values': [
    ['requestId', { ...submit, requestId: long(protocolLimits.requestId) }],
    ['subject', { ...submit, values: { ...values, subject: long(protocolLimits.text) } }],
    ['content', { ...submit, values: { ...values, content: long(protocolLimits.content) } }],
    ['location', { ...submit, values: { ...values, location: long(protocolLimits.text) } }],
    ['attendee', { ...submit, values: { ...values, attendees: [long(protocolLimits.attendee)] } }],
    [
      'attendee count',
      { ...submit, values: { ...values, attendees: Array(protocolLimits.attendees + 1).fill('a@b.co') } },
    ],
    ['meetingId', { ...action, meetingId: long(protocolLimits.meetingId) }],
  ],
  'extra properties': [
    ['ready with a payload', { type: 'ready', command: 'workbench.action.reloadWindow' }],
    ['submit with a token field', { ...submit, token: 'x' }],
    ['values with contentType html', { ...submit, values: { ...values, contentType: 'html' } }],
    ['action with args', { ...action, args: ['--evil'] }],
    ['action with a url', { ...action, url: 'https://attacker.example' }],
  ],
};

describe('FormPanel message dispatch (src/host/formDispatch.ts)', () => {
  it('hands a draft of a new form to the panel, which keeps it if the tab closes unsent', async () => {
    const { result, calls } = await dispatched({ type: 'draft', values });
    assert.equal(result, 'draft');
    assert.deepEqual(calls, [['draft', values]]);
  });

  it('hands each well-formed message to its handler, with checked copies of its fields', async () => {
    assert.deepEqual(await dispatched({ type: 'ready' }), { result: 'ready', calls: [['ready']] });
    const s = await dispatched(submit);
    assert.deepEqual(s, { result: 'submit', calls: [['submit', 'r1', values]] });
    assert.notEqual((s.calls[0]?.[2] as typeof values).attendees, values.attendees);
    for (const [name, command] of Object.entries(formActionCommands)) {
      assert.deepEqual(await dispatched({ type: 'action', action: name, meetingId: 'M1' }), {
        result: 'action',
        calls: [['command', command, { meetingId: 'M1' }]],
      });
    }
    assert.deepEqual(Object.values(formActionCommands).sort(), [
      'outlookMeetings.copyMeetingId',
      'outlookMeetings.joinMeeting',
      'outlookMeetings.openInOutlook',
    ]);
  });

  for (const [kind, cases] of Object.entries(hostile)) {
    it(`rejects ${kind} with no handler run`, async () => {
      for (const [label, raw] of cases) await assertRejected(raw, label);
    });
  }

  it('runs no handler for arbitrary values (fast-check anything)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }),
        async (raw) => assertRejected(raw, 'anything'),
      ),
      { numRuns: 500 },
    );
  });

  it('runs no handler for a valid message with one field added, removed or retyped (fast-check)', async () => {
    const base = fc.constantFrom<Record<string, unknown>>(submit, action, { type: 'ready' });
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('add' as const), key: fc.string(), value: fc.anything() }),
      fc.record({ op: fc.constant('remove' as const), index: fc.nat() }),
      fc.record({
        op: fc.constant('retype' as const),
        index: fc.nat(),
        value: fc.oneof(fc.integer(), fc.constant(null), fc.object()),
      }),
      fc.record({ op: fc.constant('valueKey' as const), key: fc.string(), value: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(base, mutation, async (msg, m) => {
        const copy: Record<string, unknown> = { ...msg };
        const keys = Object.keys(copy);
        if (m.op === 'add') {
          fc.pre(!(m.key in copy) && m.key !== '__proto__');
          copy[m.key] = m.value;
        } else if (m.op === 'remove') {
          delete copy[keys[m.index % keys.length]!];
        } else if (m.op === 'retype') {
          copy[keys[m.index % keys.length]!] = m.value;
        } else {
          fc.pre(msg.type === 'submit' && !(m.key in values) && m.key !== '__proto__');
          copy.values = { ...values, [m.key]: m.value };
        }
        await assertRejected(copy, JSON.stringify(m));
      }),
      { numRuns: 500 },
    );
  });
});

describe('form panel nonce (src/host/formDispatch.ts newFormNonce)', () => {
  it('is fresh per panel and is what the rendered CSP allows', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(newFormNonce());
    assert.equal(seen.size, 1000);
    const nonce = newFormNonce();
    assert.ok(nonce.length >= 24);
    const html = renderFormHtml({
      cspSource: 'https://webview.test',
      nonce,
      scriptUri: 'https://webview.test/form.js',
      styleUri: 'https://webview.test/form.css',
      lang: 'en',
    });
    assert.ok(
      html.includes(`script-src &#39;nonce-${nonce}&#39;`) || html.includes(`script-src 'nonce-${nonce}'`),
    );
    assert.ok(html.includes(`nonce="${nonce}"`));
  });
});

describe('form panel errors are shown, never dropped (issue 10.8)', () => {
  it('a button whose command rejects (Open in Outlook with no link) hands the error to `failed`', async () => {
    const { calls, handlers } = recorder();
    const noLink = new Error('Outlook gave no web link for this meeting.');
    handlers.command = () => Promise.reject(noLink);
    const result = await dispatchFormMessage(
      { type: 'action', action: 'openInOutlook', meetingId: 'M1' },
      handlers,
    );
    assert.equal(result, 'failed');
    assert.deepEqual(calls, [['failed', noLink]]);
  });

  it('ready and submit handlers that throw are reported the same way, and dispatch never rejects', async () => {
    for (const [raw, key] of [
      [{ type: 'ready' }, 'ready'],
      [submit, 'submit'],
    ] as const) {
      const { calls, handlers } = recorder();
      const boom = new Error(`${key} failed`);
      (handlers as unknown as Record<string, () => Promise<void>>)[key] = () => Promise.reject(boom);
      assert.equal(await dispatchFormMessage(raw, handlers), 'failed');
      assert.deepEqual(calls, [['failed', boom]]);
    }
  });
});
