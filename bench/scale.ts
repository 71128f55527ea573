// Part 5: the tree and the store at 10,000 meetings, over an in-memory Memento.
import { randomBytes } from 'node:crypto';
import type { MementoLike, StoredMeeting } from '../src/store/meetingStore';
import { MeetingStore } from '../src/store/meetingStore';
import type { ResponseWords } from '../src/host/treeModel';
import { formatWhen, groupOrder, meetingContextValue, responseSummary } from '../src/host/treeModel';
import type { Figure } from './stats';
import { median, nowMs } from './stats';

const account = 'bench-account';
const subjects = [
  'Design review: calendar sync',
  'Weekly 1:1',
  'Sprint planning — Q3 roadmap',
  'Incident retro (payments)',
  'Customer call: Contoso onboarding',
  'Architecture sync',
];
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'W. Europe Standard Time'];

/** An in-memory Memento: keeps the value as given, like VS Code's before it is flushed. */
export class MemoryMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

/** A Graph-like immutable event id (~150 characters, as Graph returns). */
export function graphLikeId(): string {
  return `AAMkAGI2TG93AAA${randomBytes(100).toString('base64').replace(/\//g, '-').replace(/\+/g, '_')}=`;
}

/** A stored meeting spread over ±2 years around `now`, some online, some cancelled. */
export function sampleStored(i: number, now: number): StoredMeeting {
  const start = now + Math.round(((Math.random() * 4 - 2) * 365 * 86_400_000) / 900_000) * 900_000;
  return {
    id: graphLikeId(),
    subject: `${subjects[i % subjects.length]} #${i}`,
    start,
    end: start + (1 + (i % 4)) * 1_800_000,
    timeZone: zones[i % zones.length],
    online: i % 3 === 0,
    status: i % 17 === 0 ? 'cancelled' : 'active',
    organizer: i % 5 !== 0,
    lastModified: new Date(now - i * 60_000).toISOString().replace(/\.\d+Z$/, '.1234567Z'),
    // How the attendees answered (issue 12): most meetings have some of each.
    responses: { accepted: 1 + (i % 7), tentative: i % 2, declined: i % 3, noAnswer: 2 + (i % 5) },
  };
}

const responseWords: ResponseWords = {
  accepted: (n) => `${n} accepted`,
  tentative: (n) => `${n} tentative`,
  declined: (n) => `${n} declined`,
  noAnswer: (n) => `${n} no answer`,
};

/** What the tree needs per child item, computed with the same pure functions the host's tree uses. */
function childModels(meetings: readonly StoredMeeting[], now: number): number {
  let chars = 0;
  for (const m of meetings) {
    const when = formatWhen(m.start, m.end, 'en');
    const context = meetingContextValue(m, now);
    const answered = responseSummary(m.responses, responseWords) ?? '';
    chars += when.length + context.length + m.subject.length + answered.length;
  }
  return chars;
}

/** Measures tree building, single adds and stored bytes at `count` meetings. */
export async function measureScale(opts: { count: number; reps: number; adds: number }): Promise<Figure[]> {
  const now = Date.now();
  const memento = new MemoryMemento();
  const seed = new MeetingStore(memento);
  const records = Array.from({ length: opts.count }, (_, i) => sampleStored(i, now));
  await seed.putMany(account, records);
  await seed.flush(account);

  const rootTimes: number[] = [];
  const coldTimes: number[] = [];
  const childTimes: number[] = [];
  for (let r = 0; r < opts.reps; r++) {
    // Cold: a new store reads the memento (sanitize + sort), then groups.
    const cold = new MeetingStore(memento);
    let t = nowMs();
    const coldGroups = cold.groups(account, now);
    coldTimes.push(nowMs() - t);
    // Warm: the tree's root children from the loaded store.
    t = nowMs();
    const groups = cold.groups(account, now);
    const roots = groupOrder.filter((g) => g !== 'cancelled' || groups[g].length > 0);
    rootTimes.push(nowMs() - t);
    if (roots.length === 0 || coldGroups.upcoming.length !== groups.upcoming.length)
      throw new Error('bad groups');
    // Every group's children (as if all three were expanded): labels, descriptions, context values.
    t = nowMs();
    let chars = 0;
    for (const g of roots) chars += childModels(groups[g], now);
    childTimes.push(nowMs() - t);
    if (chars === 0) throw new Error('no children');
  }

  const store = new MeetingStore(memento);
  store.list(account);
  const addTimes: number[] = [];
  for (let i = 0; i < opts.adds; i++) {
    const m = sampleStored(opts.count + i, now);
    const t = nowMs();
    await store.put(account, m);
    addTimes.push(nowMs() - t);
    await store.remove(account, m.id);
  }
  await store.flush(account);

  const stored = memento.get<StoredMeeting[]>(`meetings/${account}`) ?? [];
  if (stored.length !== opts.count) throw new Error(`stored ${stored.length}, expected ${opts.count}`);
  const bytes = Buffer.byteLength(JSON.stringify(stored));
  const n = opts.count.toLocaleString('en');
  return [
    {
      key: 'tree.rootChildren',
      label: `tree root children at ${n} (read memento, sort, group: cold)`,
      value: median(coldTimes),
      unit: 'ms',
      target: 30,
      note: `warm (store loaded) ${median(rootTimes).toFixed(2)} ms`,
    },
    {
      key: 'tree.allGroupChildren',
      label: `row texts of all ${n} (formatWhen + contextValue + responseSummary each)`,
      value: median(childTimes),
      unit: 'ms',
      note: 'informative: VS Code asks only for rows of expanded groups',
    },
    {
      key: 'store.addOne',
      label: `add one meeting to ${n} (MeetingStore.put)`,
      value: median(addTimes),
      unit: 'ms',
      target: 1,
      note: `median of ${opts.adds}`,
    },
    {
      key: 'store.bytesPerMeeting',
      label: 'stored bytes per meeting (JSON)',
      value: bytes / stored.length,
      unit: 'B',
      target: 600,
      note: `${bytes} bytes for ${stored.length}, id ${stored[0].id.length} chars`,
    },
  ];
}
