import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../src/graph/client';

/** A `fetch` that trusts `caPem` (the fake's test CA) on top of nothing else, plus a way to close its agent. */
export interface TrustingFetch {
  fetch: FetchLike;
  close(): Promise<void>;
}

/** Node 20 reads NODE_EXTRA_CA_CERTS only at start-up, so tests pass this `fetch` to the client instead. */
export function fetchTrusting(caPem: string): TrustingFetch {
  const agent = new Agent({ connect: { ca: caPem } });
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    })) as unknown as FetchLike;
  return { fetch, close: () => agent.close() };
}
