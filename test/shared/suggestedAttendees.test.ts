import assert from 'node:assert/strict';
import { validationMessages } from '../../src/core/messages';
import { defaultFormValues } from '../../src/shared/formModel';
import { formStrings } from '../../src/shared/formStrings';
import { parseToWebview, protocolLimits } from '../../src/shared/protocol';

const init = (suggestedAttendees: unknown): unknown => ({
  type: 'init',
  mode: 'schedule',
  values: defaultFormValues(new Date(Date.UTC(2030, 5, 3, 8)), 'Europe/Berlin', 30),
  teams: { enabled: true },
  strings: { ...formStrings },
  messages: { ...validationMessages },
  timeZones: ['Europe/Berlin'],
  maxAttendees: 500,
  suggestedAttendees,
});

describe('protocol: suggested attendees in init (meetings about code)', () => {
  it('accepts a list of names and addresses, and init without one', () => {
    const people = [{ name: 'Ana López', address: 'ana@contoso.example' }];
    const msg = parseToWebview(init(people));
    assert.ok(msg && msg.type === 'init');
    assert.deepEqual(msg.suggestedAttendees, people);
    assert.ok(parseToWebview(init(undefined)));
  });

  it('refuses a malformed or oversized list', () => {
    for (const bad of [
      'ana@contoso.example',
      [{ name: 'Ana' }],
      [{ name: 'Ana', address: 42 }],
      [{ name: 'Ana', address: 'ana@contoso.example', extra: true }],
      [{ name: 'x'.repeat(protocolLimits.attendee + 1), address: 'a@b.example' }],
      Array.from({ length: protocolLimits.suggestions + 1 }, (_, i) => ({
        name: 'P',
        address: `p${i}@x.example`,
      })),
    ]) {
      assert.equal(parseToWebview(init(bad)), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });
});
