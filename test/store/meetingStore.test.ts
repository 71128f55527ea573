import assert from 'node:assert/strict';
import type { Meeting } from '../../src/core/types';
import type { MementoLike, PendingCreate, StoredMeeting } from '../../src/store/meetingStore';
import {
  MeetingStore,
  groupMeetings,
  maxStoredSubjectLength,
  storedSubject,
  toStoredMeeting,
} from '../../src/store/meetingStore';

/** An in-memory Memento that keeps a JSON copy (like VS Code's storage) and answers after a delay. */
class FakeMemento implements MementoLike {
  readonly data = new Map<string, string>();
  writes = 0;
  constructor(private readonly delay: () => number = () => 0) {}
  get<T>(key: string): T | undefined {
    const v = this.data.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }
  update(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    this.writes++;
    return new Promise((resolve) =>
      setTimeout(() => {
        this.data.set(key, json);
        resolve();
      }, this.delay()),
    );
  }
}

/** An in-memory Memento that hands back the value it was given; counts record reads and list writes. */
class SameValueMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  recordReads = 0;
  listWrites = 0;
  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    if (!Array.isArray(value)) return value as T | undefined;
    return new Proxy(value, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) this.recordReads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    if (key.startsWith('meetings/')) this.listWrites++;
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const HOUR = 3_600_000;
const now = Date.UTC(2030, 5, 15, 12);
const longId = 'AAMkAGI2TG93AAA=' + 'x'.repeat(136);

function meeting(id: string, startOffsetHours: number, extra: Partial<StoredMeeting> = {}): StoredMeeting {
  const start = now + startOffsetHours * HOUR;
  return {
    id,
    subject: `Meeting ${id}`,
    start,
    end: start + HOUR / 2,
    timeZone: 'Europe/Berlin',
    online: false,
    status: 'active',
    organizer: true,
    ...extra,
  };
}

function pending(transactionId: string): PendingCreate {
  return {
    transactionId,
    subject: 'Planning',
    start: now,
    end: now + HOUR,
    createdAt: now - 1000,
    draft: {
      start: { dateTime: '2030-06-15T14:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-06-15T15:00:00', timeZone: 'Europe/Berlin' },
      subject: 'Planning',
      attendees: ['a@example.com'],
    },
  };
}

describe('MeetingStore', () => {
  it('adds, updates and removes meetings, and persists them', async () => {
    const memento = new FakeMemento();
    const store = new MeetingStore(memento);
    await store.put('acc', meeting('a', 1));
    await store.put('acc', meeting('b', 2));
    await store.put('acc', { ...meeting('a', 3), subject: 'Moved' });
    assert.deepEqual(
      store.list('acc').map((m) => [m.id, m.subject]),
      [
        ['b', 'Meeting b'],
        ['a', 'Moved'],
      ],
    );
    await store.setStatus('acc', 'b', 'cancelled');
    assert.equal(store.get('acc', 'b')?.status, 'cancelled');
    await store.remove('acc', 'a');
    assert.equal(store.get('acc', 'a'), undefined);

    const reopened = new MeetingStore(memento);
    assert.deepEqual(
      reopened.list('acc').map((m) => [m.id, m.status]),
      [['b', 'cancelled']],
    );
  });

  it('keeps accounts apart', async () => {
    const memento = new FakeMemento();
    const store = new MeetingStore(memento);
    await store.put('alice', meeting('a', 1));
    await store.put('bob', meeting('b', 1));
    assert.deepEqual(
      store.list('alice').map((m) => m.id),
      ['a'],
    );
    assert.deepEqual(
      new MeetingStore(memento).list('bob').map((m) => m.id),
      ['b'],
    );
    await store.remove('alice', 'b');
    assert.equal(store.list('bob').length, 1);
  });

  it('keeps both of two concurrent writes, even when the memento answers out of order', async () => {
    const delays = [30, 0, 15, 5, 25, 1];
    let i = 0;
    const memento = new FakeMemento(() => delays[i++ % delays.length]);
    const store = new MeetingStore(memento);
    await Promise.all([
      store.put('acc', meeting('a', 1)),
      store.put('acc', meeting('b', 2)),
      store.addPending('acc', pending('t1')),
      store.setStatus('acc', 'a', 'cancelled'),
      store.put('acc', meeting('c', -5)),
    ]);
    const reopened = new MeetingStore(memento);
    assert.deepEqual(
      reopened.list('acc').map((m) => [m.id, m.status]),
      [
        ['c', 'active'],
        ['a', 'cancelled'],
        ['b', 'active'],
      ],
    );
    assert.deepEqual(
      reopened.pendingCreates('acc').map((p) => p.transactionId),
      ['t1'],
    );
  });

  it('reload waits for queued writes, then reads what another window wrote', async () => {
    const memento = new FakeMemento(() => 10);
    const store = new MeetingStore(memento);
    const other = new MeetingStore(memento);
    void store.put('acc', meeting('mine', 1));
    await store.reload('acc');
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['mine'],
    );
    await other.put('acc', meeting('theirs', 2));
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['mine'],
    );
    await store.reload('acc');
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['mine', 'theirs'],
    );
  });

  it("two stores that both loaded first keep each other's adds, patches and removals, copied or shared values", async () => {
    for (const memento of [new FakeMemento(), new SameValueMemento()]) {
      await memento.update('meetings/acc', [meeting('base', 0), meeting('gone', 3)]);
      const one = new MeetingStore(memento);
      const two = new MeetingStore(memento);
      assert.equal(one.list('acc').length, 2);
      assert.equal(two.list('acc').length, 2);
      await one.put('acc', meeting('x', 1));
      await two.put('acc', meeting('y', 2));
      await one.setStatus('acc', 'base', 'cancelled');
      await two.patch('acc', 'y', { subject: 'Renamed' });
      await one.put('acc', { ...meeting('x', 1), subject: 'Same length' });
      await two.remove('acc', 'gone');
      await one.put('acc', meeting('z', -1));
      const reopened = new MeetingStore(memento);
      assert.deepEqual(
        reopened.list('acc').map((m) => [m.id, m.subject, m.status]),
        [
          ['z', 'Meeting z', 'active'],
          ['base', 'Meeting base', 'cancelled'],
          ['x', 'Same length', 'active'],
          ['y', 'Renamed', 'active'],
        ],
      );
    }
  });

  it('writes of one store alone do not read the stored list back, and queued changes go out in one write', async () => {
    const memento = new SameValueMemento();
    const store = new MeetingStore(memento);
    await store.put('acc', meeting('a', 1));
    memento.recordReads = 0;
    memento.listWrites = 0;
    await store.put('acc', meeting('b', 2));
    await store.remove('acc', 'a');
    assert.equal(memento.recordReads, 0);
    assert.equal(memento.listWrites, 2);
    memento.listWrites = 0;
    await Promise.all([
      store.put('acc', meeting('c', 3)),
      store.put('acc', meeting('d', 4)),
      store.setStatus('acc', 'b', 'cancelled'),
    ]);
    assert.equal(memento.listWrites, 1);
    assert.deepEqual(
      new MeetingStore(memento).list('acc').map((m) => [m.id, m.status]),
      [
        ['b', 'cancelled'],
        ['c', 'active'],
        ['d', 'active'],
      ],
    );
  });

  it('groups Upcoming, Past and Cancelled, newest first', () => {
    const list = [
      meeting('past-old', -48),
      meeting('past-new', -2),
      meeting('now', -0.25),
      meeting('soon', 1),
      meeting('later', 24),
      meeting('gone', 5, { status: 'deleted' }),
      meeting('off', -3, { status: 'cancelled' }),
    ].sort((a, b) => a.start - b.start);
    const g = groupMeetings(list, now);
    assert.deepEqual(
      g.upcoming.map((m) => m.id),
      ['later', 'soon', 'now'],
    );
    assert.deepEqual(
      g.past.map((m) => m.id),
      ['past-new', 'past-old'],
    );
    assert.deepEqual(
      g.cancelled.map((m) => m.id),
      ['gone', 'off'],
    );
  });

  it('orders meetings by start whatever the insertion order, ties by id', async () => {
    const store = new MeetingStore(new FakeMemento());
    const offsets = [5, -3, 7, 0, 5, 2, -10, 7];
    await store.putMany(
      'acc',
      offsets.map((h, i) => meeting(`m${i}`, h)),
    );
    const starts = store.list('acc').map((m) => m.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['m6', 'm1', 'm3', 'm5', 'm0', 'm4', 'm2', 'm7'],
    );
  });

  it('records a pending create, then completes it with the meeting written first', async () => {
    const memento = new FakeMemento();
    const store = new MeetingStore(memento);
    await store.addPending('acc', pending('t1'));
    await store.addPending('acc', pending('t2'));
    await store.addPending('acc', pending('t1'));
    assert.deepEqual(
      new MeetingStore(memento).pendingCreates('acc').map((p) => p.transactionId),
      ['t2', 't1'],
    );
    const order: string[] = [];
    const original = memento.update.bind(memento);
    memento.update = (key, value) => {
      order.push(key.split('/')[0]);
      return original(key, value);
    };
    await store.completePending('acc', 't1', meeting('made', 1));
    assert.deepEqual(
      order.filter((k) => k !== 'meetingsRevision'),
      ['meetings', 'pending'],
    );
    const reopened = new MeetingStore(memento);
    assert.deepEqual(
      reopened.pendingCreates('acc').map((p) => p.transactionId),
      ['t2'],
    );
    assert.equal(reopened.get('acc', 'made')?.subject, 'Meeting made');
    assert.deepEqual(reopened.pendingCreates('acc')[0].draft.attendees, ['a@example.com']);
    await store.removePending('acc', 't2');
    assert.equal(new MeetingStore(memento).pendingCreates('acc').length, 0);
  });

  it('ignores malformed stored data', () => {
    const memento = new FakeMemento();
    memento.data.set('meetings/acc', JSON.stringify([{ id: 1 }, null, meeting('ok', 1), 'x']));
    memento.data.set('pending/acc', JSON.stringify({ not: 'a list' }));
    const store = new MeetingStore(memento);
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['ok'],
    );
    assert.deepEqual(store.pendingCreates('acc'), []);
  });

  it('stores at most 600 bytes per meeting, even with a long ID and the longest subject', async () => {
    const memento = new FakeMemento();
    const store = new MeetingStore(memento);
    const n = 50;
    const records: StoredMeeting[] = [];
    for (let i = 0; i < n; i++) {
      records.push(
        meeting(`${longId}${i}`, i, {
          subject: storedSubject((i % 2 ? '会' : '😀').repeat(300)),
          timeZone: 'America/Argentina/ComodRivadavia',
          online: true,
          lastModified: '2030-06-15T11:59:59.1234567Z',
        }),
      );
    }
    await store.putMany('acc', records);
    const bytes = Buffer.byteLength(memento.data.get('meetings/acc') ?? '', 'utf8');
    assert.ok(bytes / n <= 600, `${bytes / n} bytes per meeting`);
  });

  it('builds a record from a Graph meeting, cutting the subject to the stored maximum', () => {
    const graph: Meeting = {
      id: 'id1',
      subject: 's'.repeat(400),
      start: { dateTime: '2030-06-15T14:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-06-15T15:00:00', timeZone: 'UTC' },
      attendees: [{ address: 'a@example.com', type: 'required' }],
      isOnlineMeeting: true,
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      webLink: 'https://outlook.office365.com/owa/?itemid=x',
      isOrganizer: false,
      isCancelled: true,
      lastModifiedDateTime: '2030-06-01T00:00:00Z',
    };
    const utc = (dt: string): number => Date.parse(`${dt}Z`);
    const r = toStoredMeeting(graph, utc);
    assert.equal(Array.from(r.subject).length, maxStoredSubjectLength);
    assert.ok(r.subject.endsWith('…'));
    assert.equal(storedSubject('😀'.repeat(200)).slice(-2, -1), '😀'.slice(1));
    assert.equal(storedSubject('short'), 'short');
    assert.equal(r.start, Date.UTC(2030, 5, 15, 14));
    assert.equal(r.end, Date.UTC(2030, 5, 15, 15));
    assert.equal(r.status, 'cancelled');
    assert.equal(r.organizer, false);
    assert.equal(r.online, true);
    assert.equal('webLink' in r, false);
    assert.equal(r.lastModified, '2030-06-01T00:00:00Z');
  });
});

describe('MeetingStore: a stored list that must not break the tree (issue 10.4)', () => {
  it('drops duplicate IDs, keeping the newest record', () => {
    const memento = new FakeMemento();
    memento.data.set(
      'meetings/acc',
      JSON.stringify([
        meeting('dup', 1, { subject: 'older', lastModified: '2030-06-01T10:00:00Z' }),
        meeting('other', 2),
        meeting('dup', 3, { subject: 'newer', lastModified: '2030-06-02T10:00:00Z' }),
        meeting('dup', 5, { subject: 'oldest', lastModified: '2030-05-01T10:00:00Z' }),
        meeting('same', 1, { subject: 'first' }),
        meeting('same', 1, { subject: 'last written' }),
      ]),
    );
    const store = new MeetingStore(memento);
    const ids = store.list('acc').map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length, `no duplicate tree IDs: ${ids.join(',')}`);
    assert.equal(store.get('acc', 'dup')?.subject, 'newer');
    assert.equal(store.get('acc', 'same')?.subject, 'last written');
  });

  it('an update of a duplicated record leaves no stale duplicate behind', async () => {
    const memento = new FakeMemento();
    memento.data.set('meetings/acc', JSON.stringify([meeting('dup', 1), meeting('dup', 4)]));
    const store = new MeetingStore(memento);
    await store.put('acc', meeting('dup', 2, { subject: 'updated' }));
    assert.deepEqual(
      store.list('acc').map((m) => [m.id, m.subject]),
      [['dup', 'updated']],
    );
    const written = memento.get<StoredMeeting[]>('meetings/acc') ?? [];
    assert.deepEqual(
      written.map((m) => m.id),
      ['dup'],
    );
  });

  it('requires finite start and end inside the Date range', () => {
    const memento = new FakeMemento();
    const bad = [
      meeting('huge', 1, { start: 1e20 }),
      meeting('inf', 1, { end: Number.POSITIVE_INFINITY }),
      meeting('past range', 1, { start: -8.64e15 - 1 }),
    ];
    // JSON has no Infinity; 1e400 parses to it.
    memento.data.set('meetings/acc', JSON.stringify([...bad, meeting('ok', 1)]).replace('null', '1e400'));
    const store = new MeetingStore(memento);
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['ok'],
    );
  });

  it('keeps records it cannot read when the list is written back, and logs them', async () => {
    const memento = new FakeMemento();
    const future = { id: 'v9', subject: 'From a newer version', start: now, end: now + HOUR, status: 'tentative' };
    memento.data.set('meetings/acc', JSON.stringify([future, meeting('ok', 1), 'junk']));
    const logged: string[] = [];
    const store = new MeetingStore(memento, (m) => logged.push(m));
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['ok'],
    );
    await store.put('acc', meeting('new', 2));
    const written = memento.get<unknown[]>('meetings/acc') ?? [];
    assert.deepEqual(written.filter((r) => typeof r !== 'object' || (r as { id?: string }).id === 'v9'), [
      future,
      'junk',
    ]);
    assert.deepEqual(
      store.list('acc').map((m) => m.id),
      ['ok', 'new'],
    );
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0]!, /2 stored record/);
  });
});
