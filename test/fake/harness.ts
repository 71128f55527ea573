import type { MeetingsClientOptions } from '../../src/graph/client';
import { MeetingsClient } from '../../src/graph/client';
import type { MeetingDraft } from '../../src/core/types';
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
