// The Graph client's request path holds only a valid meeting ID (issue 10.7): `.` and `..` would make
// `/me/events/..` resolve to `/me`, so a dot-only ID is refused before anything is sent.
import assert from 'node:assert/strict';
import { isMeetingsError } from '../../src/graph/errors';
import { useHarness } from '../fake/harness';

describe('Graph client: meeting IDs in the request path (issue 10.7)', () => {
  const h = useHarness();

  for (const id of ['.', '..', 'a\nb']) {
    it(`refuses ${JSON.stringify(id)} in get, update and cancel, sending nothing`, async () => {
      const client = h.client();
      const refused = (e: unknown): boolean => isMeetingsError(e) && e.kind === 'invalidInput';
      await assert.rejects(client.get(id), refused);
      await assert.rejects(client.update({ meetingId: id, subject: 'x' }), refused);
      await assert.rejects(client.cancel({ meetingId: id }), refused);
      assert.deepEqual(
        h.fake.requests.map((r) => `${r.method} ${r.path}`),
        [],
      );
    });
  }
});
