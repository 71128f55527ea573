// A find-a-time service over a real Graph client for the fake Graph over HTTPS, shared by the host tests (the
// source's classes) and the bench (the shipped dist's classes, passed in).
import type { FetchLike, MeetingsClient } from '../../src/graph/client';
import type { FindTimeService } from '../../src/services/findTime';
import type { FakeGraph } from './fakeGraph';

/** The classes to wire: the source's or those of the shipped dist. */
export interface FindTimeClasses {
  MeetingsClient: typeof MeetingsClient;
  FindTimeService: typeof FindTimeService;
}

/** A FindTimeService whose Graph is a client for `fake` (token `test-token`, zone Europe/Berlin) using `fetch`. */
export function findTimeOverFake(
  classes: FindTimeClasses,
  fake: FakeGraph,
  fetch: FetchLike,
): FindTimeService {
  const client = new classes.MeetingsClient({
    baseUrl: fake.url,
    getToken: () => Promise.resolve('test-token'),
    timeZone: 'Europe/Berlin',
    fetch,
  });
  return new classes.FindTimeService({
    access: () => Promise.resolve({ ok: true, graph: client }),
    defaultTimeZone: () => 'Europe/Berlin',
  });
}
