import assert from 'node:assert/strict';
import { isMeetingsError } from '../../src/graph/errors';
import { sampleDraft, useHarness } from '../fake/harness';

describe('Garbled answers to writes are never taken for success', () => {
  const h = useHarness();

  it('a cancel answered 200 with malformed JSON, not applied: a badResponse error, the meeting stays', async () => {
    const client = h.client({ maxRetries: 0 });
    const m = await client.schedule(sampleDraft(), { transactionId: 'tx-garbled-cancel' });
    h.fake.inject({ kind: 'malformed', when: 'before', method: 'POST', path: /\/cancel$/ });
    await assert.rejects(
      client.cancel({ meetingId: m.id }),
      (e: unknown) => isMeetingsError(e) && e.kind === 'badResponse',
    );
    assert.equal(h.fake.events.get(m.id)!.isCancelled, false);
  });

  it('a cancel applied but answered with malformed JSON: read back, counted as done', async () => {
    const client = h.client({ maxRetries: 0 });
    const m = await client.schedule(sampleDraft(), { transactionId: 'tx-garbled-cancel-2' });
    h.fake.inject({ kind: 'malformed', when: 'after', method: 'POST', path: /\/cancel$/ });
    await client.cancel({ meetingId: m.id });
    assert.equal(h.fake.events.get(m.id)!.isCancelled, true);
  });
});
