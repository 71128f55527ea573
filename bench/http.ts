// Parts 3 and 4: per-action overhead of MeetingsClient against a bare request, and refresh at scale ($batch),
// both against the fake Graph server over HTTPS on 127.0.0.1. The client is the one that ships: dist/graph.js of
// the bench's production build (esbuild.js --production, minified), required here, not src/graph/client.ts under
// tsx (whose per-call naming helpers and unminified code the shipped bundle does not have).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { toWindowsZone } from '../src/core/datetime';
import { toCreateBody, toUpdateBody } from '../src/core/mapping';
import type { MeetingChanges } from '../src/core/types';
import type * as ClientModule from '../src/graph/client';
import { sampleDraft } from '../test/fake/harness';
import { fetchTrusting } from '../test/fake/trustFetch';
import type { TrustingFetch } from '../test/fake/trustFetch';
import type { RemoteFake } from './fakeProcess';
import { startRemoteFake } from './fakeProcess';
import type { Figure } from './stats';
import { median, nowMs, quantile } from './stats';

const token = 'test-token';
const timeZone = 'Europe/Berlin';
// What the client sends: the zone's Windows name (the fake, like Graph, converts answers to it).
const prefer = `IdType="ImmutableId", outlook.timezone="${toWindowsZone(timeZone) ?? 'UTC'}"`;

type MeetingsClient = ClientModule.MeetingsClient;

/** The shipped client: `MeetingsClient` of the production dist/graph.js in `distDir`. */
function shippedClient(distDir: string): typeof ClientModule.MeetingsClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(distDir, 'graph.js')) as typeof ClientModule).MeetingsClient;
}

function newClient(distDir: string, fake: RemoteFake, trust: TrustingFetch): MeetingsClient {
  const MeetingsClient = shippedClient(distDir);
  return new MeetingsClient({
    baseUrl: fake.url,
    getToken: () => Promise.resolve(token),
    timeZone,
    fetch: trust.fetch,
  });
}

/**
 * The same request the client makes, sent with the same fetch and agent, without the client: redirects not
 * followed either (`redirect: 'manual'`, as the client sends; undici's default, `follow`, costs more per request).
 */
async function bare(trust: TrustingFetch, url: string, method: string, body: unknown): Promise<unknown> {
  const r = await trust.fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', prefer },
    body: JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`bare ${method} ${url}: ${r.status} ${text.slice(0, 200)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

async function topLevel(fake: RemoteFake): Promise<number> {
  return (await fake.stats()).topLevel;
}

type Action = 'schedule' | 'update' | 'cancel';

/** Median ratio (client / bare) per action over interleaved repetitions, and HTTP requests per client action. */
export async function measureActions(opts: {
  distDir: string;
  reps: number;
  warmup: number;
}): Promise<Figure[]> {
  const fake = await startRemoteFake();
  const trust = fetchTrusting(fake.caPem);
  const client = newClient(opts.distDir, fake, trust);
  const api = `${fake.url}/v1.0`;
  const draft = sampleDraft();
  const ratios: Record<Action, number[]> = { schedule: [], update: [], cancel: [] };
  const clientMs: Record<Action, number[]> = { schedule: [], update: [], cancel: [] };
  const bareMs: Record<Action, number[]> = { schedule: [], update: [], cancel: [] };
  const requestsPerAction: Record<Action, number[]> = { schedule: [], update: [], cancel: [] };
  const pool = await fake.seed(2 * 2 * (opts.reps + opts.warmup), 'Bench');
  const seeded = (): string => {
    const id = pool.pop();
    if (!id) throw new Error('seeded events used up');
    return id;
  };

  const runClient = async (action: Action): Promise<number> => {
    const id = action === 'schedule' ? '' : seeded();
    const before = await topLevel(fake);
    const t = nowMs();
    if (action === 'schedule') await client.schedule(draft, { transactionId: randomUUID() });
    else if (action === 'update') await client.update({ meetingId: id, subject: 'Moved' } as MeetingChanges);
    else await client.cancel({ meetingId: id, comment: 'Sorry' });
    const ms = nowMs() - t;
    requestsPerAction[action].push((await topLevel(fake)) - before);
    return ms;
  };
  const runBare = async (action: Action): Promise<number> => {
    const id = action === 'schedule' ? '' : seeded();
    // The body is built outside the timing: the bare side stands for "the request alone".
    const body =
      action === 'schedule'
        ? toCreateBody(draft, { transactionId: randomUUID() })
        : action === 'update'
          ? toUpdateBody({ meetingId: id, subject: 'Moved' } as MeetingChanges)
          : { Comment: 'Sorry' };
    const [method, url] =
      action === 'schedule'
        ? ['POST', `${api}/me/events`]
        : action === 'update'
          ? ['PATCH', `${api}/me/events/${encodeURIComponent(id)}`]
          : ['POST', `${api}/me/events/${encodeURIComponent(id)}/cancel`];
    // The same exchange with the fake process right before and after the timing as the client side makes to
    // count its requests: a fake just woken by it answers sooner, which alone made the client look faster.
    await topLevel(fake);
    const t = nowMs();
    await bare(trust, url, method, body);
    const ms = nowMs() - t;
    await topLevel(fake);
    return ms;
  };

  try {
    for (let i = 0; i < opts.warmup + opts.reps; i++) {
      for (const action of ['schedule', 'update', 'cancel'] as const) {
        // Alternate which goes first so neither side always gets the warmer connection.
        let c: number;
        let b: number;
        if (i % 2 === 0) {
          c = await runClient(action);
          b = await runBare(action);
        } else {
          b = await runBare(action);
          c = await runClient(action);
        }
        if (i < opts.warmup) continue;
        ratios[action].push(c / b);
        clientMs[action].push(c);
        bareMs[action].push(b);
      }
    }
  } finally {
    await trust.close();
    await fake.close();
  }
  const figures: Figure[] = [];
  for (const action of ['schedule', 'update', 'cancel'] as const) {
    const counts = requestsPerAction[action].slice(opts.warmup);
    figures.push({
      key: `action.${action}.ratio`,
      label: `${action}: client / bare HTTPS (median ratio)`,
      value: median(ratios[action]),
      unit: '×',
      target: 1.15,
      note: `client ${median(clientMs[action]).toFixed(2)} ms, bare ${median(bareMs[action]).toFixed(2)} ms, p90 ratio ${quantile(ratios[action], 0.9).toFixed(2)}, n=${ratios[action].length}`,
    });
    figures.push({
      key: `action.${action}.requests`,
      label: `${action}: HTTP requests per action (max)`,
      value: Math.max(...counts),
      unit: 'req',
      target: 1,
      note: `min ${Math.min(...counts)}`,
    });
  }
  return figures;
}

/**
 * Refreshes `count` meetings with getMany against a fake that holds each call (a request or a `$batch` member)
 * `latencyMs` and answers 429 to any call beyond the 4th executing at once (Outlook's mailbox concurrency).
 * Ideal for that limit: ceil(count / 4) × latencyMs (4 members always executing, nothing else).
 */
export async function measureRefresh(opts: {
  distDir: string;
  count: number;
  latencyMs: number;
  reps: number;
}): Promise<Figure[]> {
  const fake = await startRemoteFake(opts.latencyMs);
  const trust = fetchTrusting(fake.caPem);
  const client = newClient(opts.distDir, fake, trust);
  const ids = await fake.seed(opts.count, 'Meeting');
  const wallMs: number[] = [];
  const requestCounts: number[] = [];
  const maxInFlight: number[] = [];
  const maxExecuting: number[] = [];
  const throttled: number[] = [];
  const clientCpuMs: number[] = [];
  const fakeCpuMs: number[] = [];
  let answered = 0;
  try {
    // Warm the connections once.
    await client.getMany(ids.slice(0, 80));
    for (let r = 0; r < opts.reps; r++) {
      await fake.resetStats();
      const fakeBefore = await fake.stats();
      const before = fakeBefore.topLevel;
      const cpu = process.cpuUsage();
      const t = nowMs();
      const result = await client.getMany(ids);
      wallMs.push(nowMs() - t);
      const used = process.cpuUsage(cpu);
      clientCpuMs.push((used.user + used.system) / 1000);
      const stats = await fake.stats();
      fakeCpuMs.push(stats.cpuMs - fakeBefore.cpuMs);
      requestCounts.push(stats.topLevel - before);
      maxInFlight.push(stats.maxConcurrency);
      maxExecuting.push(stats.maxExecuting);
      throttled.push(stats.concurrencyThrottled);
      answered = [...result.values()].filter((v) => !(v instanceof Error)).length;
    }
  } finally {
    await trust.close();
    await fake.close();
  }
  const ideal = Math.ceil(opts.count / 4) * opts.latencyMs;
  const wall = median(wallMs);
  const n = opts.count.toLocaleString('en');
  return [
    {
      key: 'refresh.requests',
      label: `refresh ${n}: HTTP requests (max over runs)`,
      value: Math.max(...requestCounts),
      unit: 'req',
      target: 50,
      note: `${answered} of ${opts.count} meetings read; most $batch requests in flight at once: ${Math.max(...maxInFlight)}`,
    },
    {
      key: 'refresh.maxExecuting',
      label: `refresh ${n}: most calls executing at once (batch members counted)`,
      value: Math.max(...maxExecuting),
      unit: 'req',
      target: 4,
    },
    {
      key: 'refresh.throttled',
      label: `refresh ${n}: 429s for the mailbox concurrency limit (max over runs)`,
      value: Math.max(...throttled),
      unit: '',
      target: 0,
    },
    {
      key: 'refresh.wallVsIdeal',
      label: `refresh ${n}: wall time / ideal for 4 at once`,
      value: wall / ideal,
      unit: '×',
      target: 1.3,
      note: `wall ${wall.toFixed(1)} ms, ideal ceil(${opts.count}/4) × ${opts.latencyMs} ms = ${ideal} ms, runs ${wallMs.length}; CPU per refresh: client ${median(clientCpuMs).toFixed(0)} ms, fake ${median(fakeCpuMs).toFixed(0)} ms`,
    },
  ];
}
