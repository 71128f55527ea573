import assert from 'node:assert/strict';
import type { MeetingsClientOptions } from '../../src/graph/client';
import { MeetingsClient } from '../../src/graph/client';
import type { MeetingDraft } from '../../src/core/types';
import type { MeetingsError } from '../../src/graph/errors';
import { isMeetingsError } from '../../src/graph/errors';
import type { FakeGraph, FakeGraphOptions } from './fakeGraph';
import { startFakeGraph } from './fakeGraph';
import type { TrustingFetch } from './trustFetch';
import { fetchTrusting } from './trustFetch';

/** A fake Graph server plus clients wired to it over HTTPS. */
export interface Harness {
  fake: FakeGraph;
  trust: TrustingFetch;
  /** A client for the fake (token `test-token`, zone `Europe/Berlin`, quick backoff), with overrides. */
  client(overrides?: Partial<MeetingsClientOptions>): MeetingsClient;
  close(): Promise<void>;
}

/** Starts a fake Graph server and returns a harness for it. */
export async function startHarness(opts: FakeGraphOptions = {}): Promise<Harness> {
  const fake = await startFakeGraph(opts);
  const trust = fetchTrusting(fake.caPem);
  return {
    fake,
    trust,
    client: (overrides = {}) =>
      new MeetingsClient({
        baseUrl: fake.url,
        getToken: () => Promise.resolve('test-token'),
        timeZone: 'Europe/Berlin',
        timeoutMs: 5_000,
        retryBaseDelayMs: 10,
        fetch: trust.fetch,
        ...overrides,
      }),
    close: async () => {
      await trust.close();
      await fake.close();
    },
  };
}

/**
 * Gives the enclosing mocha `describe` a fresh harness for each test (`beforeEach`/`afterEach`), or one for
 * the whole block with `{ perTest: false }` (`before`/`after`). The returned harness stands for the current one.
 */
export function useHarness(opts: FakeGraphOptions = {}, { perTest = true } = {}): Harness {
  let current: Harness | undefined;
  const now = (): Harness => {
    if (!current) throw new Error('useHarness: the harness is only there while a test runs');
    return current;
  };
  (perTest ? beforeEach : before)(async () => {
    current = await startHarness(opts);
  });
  (perTest ? afterEach : after)(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get fake() {
      return now().fake;
    },
    get trust() {
      return now().trust;
    },
    client: (overrides) => now().client(overrides),
    close: () => now().close(),
  };
}

/** A validated draft for a one-hour meeting in Berlin. */
export function sampleDraft(overrides: Partial<MeetingDraft> = {}): MeetingDraft {
  return {
    start: { dateTime: '2030-01-07T10:00:00', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2030-01-07T11:00:00', timeZone: 'Europe/Berlin' },
    subject: 'Design review',
    attendees: ['ada@contoso.example', 'grace@contoso.example'],
    location: 'Room 1',
    content: 'Agenda: everything',
    ...overrides,
  };
}

/** Awaits `p`, which must fail with a MeetingsError, and returns that error. */
export async function failure(p: Promise<unknown>): Promise<MeetingsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isMeetingsError(e), `expected a MeetingsError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
