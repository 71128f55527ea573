// The host's lazily loaded meeting operations: one instance over the host context, loaded at the first use.
import assert from 'node:assert/strict';
import type { HostContext } from '../../src/host/hostContext';
import { lazyMeetingOperations } from '../../src/host/operations';
import { MeetingStore } from '../../src/store/meetingStore';
import { SharedMemento } from '../faults/env';

describe('lazyMeetingOperations', () => {
  it('reads settings only when used, and keeps one instance with bound methods', () => {
    let settingsRead = 0;
    const host = {
      store: new MeetingStore(new SharedMemento()),
      log: { info: () => undefined, warn: () => undefined },
      graph: () => Promise.reject(new Error('no Graph in this test')),
      account: () => Promise.resolve({ id: 'acc' }),
      settings: () => {
        settingsRead++;
        return { timeZone: 'Europe/Berlin' };
      },
    } as unknown as HostContext;
    const operations = lazyMeetingOperations(host);
    assert.equal(settingsRead, 0);
    const { validateSchedule, inFlight } = operations;
    const draft = validateSchedule({ start: '2030-01-07T10:00', end: '2030-01-07T11:00' });
    assert.deepEqual(draft.start, { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' });
    assert.equal(settingsRead, 1);
    assert.equal(operations.inFlight, inFlight, 'the same instance on every read');
  });
});
