// The host's lazily loaded meeting operations: one instance over the host context, loaded at the first use.
import assert from 'node:assert/strict';
import type { HostContext } from '../../src/host/hostContext';
import { lazyMeetingOperations } from '../../src/host/operations';
import { MeetingStore } from '../../src/store/meetingStore';
import { SharedMemento } from '../services/env';

describe('lazyMeetingOperations', () => {
  it('reads settings only when used, and keeps one instance with bound methods', () => {
    let settingsRead = 0;
    let built = 0;
    const store = new MeetingStore(new SharedMemento());
    const host = {
      get store() {
        built++; // read once, when the operations are made
        return store;
      },
      log: { info: () => undefined, warn: () => undefined },
      graph: () => Promise.reject(new Error('no Graph in this test')),
      account: () => Promise.resolve({ id: 'acc' }),
      settings: () => {
        settingsRead++;
        return { timeZone: 'Europe/Berlin' };
      },
    } as unknown as HostContext;
    const operations = lazyMeetingOperations(host);
    assert.equal(built, 0, 'nothing loaded before the first use');
    const { validateSchedule } = operations;
    const draft = validateSchedule({ start: '2030-01-07T10:00', end: '2030-01-07T11:00' });
    assert.deepEqual(draft.start, { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' });
    assert.equal(operations.defaultTimeZone(), 'Europe/Berlin');
    assert.equal(settingsRead, 2);
    assert.equal(built, 1, 'one instance for every read');
  });
});
