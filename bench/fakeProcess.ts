// The fake Graph server in its own process, so its CPU time does not share the client's event loop
// (as with the real Graph). Driven over IPC: seed events, read request counts and the highest concurrency.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { FakeGraph } from '../test/fake/fakeGraph';
import { startFakeGraph } from '../test/fake/fakeGraph';

type Command =
  { op: 'seed'; count: number; subject: string } | { op: 'stats' } | { op: 'resetStats' } | { op: 'close' };

/** Request counts the fake recorded. */
export interface FakeStats {
  /** Top-level requests since start. */
  topLevel: number;
  /** Inner $batch requests since start. */
  inner: number;
  /** Highest number of top-level requests handled at once since start or `resetStats`. */
  maxConcurrency: number;
  /** Highest number of calls executing at once, `$batch` members counted one by one. */
  maxExecuting: number;
  /** Calls answered 429 for going over the mailbox's concurrency limit (4). */
  concurrencyThrottled: number;
  /** CPU time (user + system) the fake's process has used, ms. */
  cpuMs: number;
}

/** A fake Graph server running in a child process. */
export interface RemoteFake {
  url: string;
  caPem: string;
  seed(count: number, subject?: string): Promise<string[]>;
  stats(): Promise<FakeStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the fake in a child process (through tsx); each executing call (a request or a `$batch` member) is held `latencyMs`, at most 4 at once (more get 429). */
export async function startRemoteFake(latencyMs = 0): Promise<RemoteFake> {
  const child: ChildProcess = fork(__filename, ['--serve', String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  let ready: (v: { url: string; caPem: string }) => void = () => undefined;
  const started = new Promise<{ url: string; caPem: string }>((resolve) => (ready = resolve));
  child.on('message', (m: { id?: number; ready?: { url: string; caPem: string }; result?: unknown }) => {
    if (m.ready) ready(m.ready);
    else if (m.id !== undefined) {
      waiting.get(m.id)?.(m.result);
      waiting.delete(m.id);
    }
  });
  const call = <T>(cmd: Command): Promise<T> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (v: unknown) => void);
      child.send({ id, cmd });
    });
  const { url, caPem } = await started;
  return {
    url,
    caPem,
    seed: (count, subject = 'Bench meeting') => call<string[]>({ op: 'seed', count, subject }),
    stats: () => call<FakeStats>({ op: 'stats' }),
    resetStats: () => call<void>({ op: 'resetStats' }),
    close: async () => {
      await call<void>({ op: 'close' });
      child.disconnect();
    },
  };
}

async function serve(latencyMs: number): Promise<void> {
  const fake: FakeGraph = await startFakeGraph(latencyMs > 0 ? { latencyMs } : {});
  process.on('message', (m: { id: number; cmd: Command }) => {
    const { cmd } = m;
    let result: unknown;
    if (cmd.op === 'seed') {
      result = Array.from({ length: cmd.count }, (_, i) => fake.seed({ subject: `${cmd.subject} ${i}` }).id);
    } else if (cmd.op === 'stats') {
      const inner = fake.requests.filter((r) => r.batchOf !== undefined).length;
      const cpu = process.cpuUsage();
      result = {
        topLevel: fake.requests.length - inner,
        inner,
        maxConcurrency: fake.maxConcurrency(),
        maxExecuting: fake.maxExecuting(),
        concurrencyThrottled: fake.concurrencyThrottled(),
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    } else if (cmd.op === 'resetStats') {
      fake.resetStats();
    } else if (cmd.op === 'close') {
      void fake.close().then(() => process.send?.({ id: m.id }));
      return;
    }
    process.send?.({ id: m.id, result });
  });
  process.send?.({ ready: { url: fake.url, caPem: fake.caPem } });
}

if (process.argv[2] === '--serve') void serve(Number(process.argv[3] ?? 0));
