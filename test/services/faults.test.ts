// Seeded randomized faults: schedule, update and cancel through the pure actions against the fake Graph
// over HTTPS, each scenario under a mix of 429/503/504, drops, timeouts, an expiring token and malformed
// JSON. Replay a run with `OM_FAULT_SEED=<seed> npm run test:unit`.
import assert from 'node:assert/strict';
import type { Meeting } from '../../src/core/types';
import { isMeetingsError } from '../../src/graph/errors';
import { isInvalidArgumentsError, mayHaveReachedGraph } from '../../src/services/errors';
import type { MeetingOperations } from '../../src/services/meetingOperations';
import { MeetingOperations as Operations } from '../../src/services/meetingOperations';
import { resolvePendingCreates } from '../../src/services/recovery';
import { MeetingStore } from '../../src/store/meetingStore';
import type { Fault, RecordedRequest } from '../fake/fakeGraph';
import type { Harness } from '../fake/harness';
import { sampleDraft, useHarness } from '../fake/harness';
import { SharedMemento, accountId, depsFor, recordTransactionIds } from './env';

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const envSeed = process.env.OM_FAULT_SEED;
const randomSeed = envSeed !== undefined ? Number(envSeed) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
const fixedSeed = 20250607;
const attemptTimeoutMs = 120;
const scenarioTimeoutMs = 15_000;
const parallel = 6;

type Op = 'schedule' | 'update' | 'cancel';

interface Scenario {
  index: number;
  op: Op;
  maxRetries: number;
  faults: string[];
  delayed: boolean;
}

interface Result {
  scenario: Scenario;
  outcome: 'done' | 'error';
  errorKind?: string;
  unknown?: boolean;
  /** The create's transaction ID (chosen by the service). */
  transactionId?: string;
}

/** Picks one element. */
function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Runs `count` scenarios from `seed` against a fresh fake; returns a summary line. */
async function runSuite(h: Harness, seed: number, count: number): Promise<string> {
  const rand = prng(seed);
  const memento = new SharedMemento();
  const store = new MeetingStore(memento);
  const transactionIds = recordTransactionIds(store);
  const setupClient = h.client({ maxRetries: 0 });
  const setup = new Operations(depsFor(store, setupClient));
  const results: Result[] = [];
  const describeScenario = (s: Scenario) =>
    `seed ${seed} scenario ${s.index} (${s.op}, maxRetries ${s.maxRetries}, faults: ${s.faults.join(', ') || 'none'})`;

  const plans = Array.from({ length: count }, (_, index) => {
    const op: Op = (['schedule', 'update', 'cancel'] as const)[index % 3]!;
    return { index, op, r: prng(Math.floor(rand() * 2 ** 32)) };
  });

  async function runOne(plan: { index: number; op: Op; r: () => number }): Promise<Result> {
    const { index, op, r } = plan;
    const prefix = `s${seed}-${index}-`;
    const current = `${prefix}t0`;
    h.fake.tokens.add(current);
    // An expired token is refused with 401 and not retried: the action fails as notSignedIn (or, after an
    // unanswered write attempt, as an outcome that stays pending).
    const getToken = (): Promise<string> => Promise.resolve(current);
    const mine = (req: RecordedRequest) => String(req.headers.authorization ?? '').includes(prefix);
    const scenario: Scenario = { index, op, maxRetries: Math.floor(r() * 5), faults: [], delayed: false };
    const client = h.client({
      getToken,
      maxRetries: scenario.maxRetries,
      timeoutMs: attemptTimeoutMs,
      retryBaseDelayMs: 5,
      maxRetryWaitMs: 3_000,
    });
    const ops: MeetingOperations = new Operations(depsFor(store, client));
    const subject = `Scenario ${seed}/${index}`;

    let target: Meeting | undefined;
    if (op !== 'schedule') target = await setup.schedule(sampleDraft({ subject }));

    const methods: Record<Op, string[]> = {
      schedule: ['POST'],
      update: ['GET', 'PATCH'],
      cancel: ['GET', 'POST'],
    };
    const faultCount = Math.floor(r() * 5);
    if (r() < 0.3) {
      const at = 1 + Math.floor(r() * 3);
      let seen = 0;
      scenario.faults.push(`token expires at request ${at}`);
      h.fake.inject({
        kind: 'delay',
        ms: 0,
        match: (req) => {
          if (!mine(req) || ++seen < at) return false;
          h.fake.tokens.delete(current);
          return true;
        },
      });
    }
    for (let f = 0; f < faultCount; f++) {
      const method = r() < 0.5 ? pick(r, methods[op]) : undefined;
      const when = r() < 0.5 ? ('before' as const) : ('after' as const);
      const base = { match: mine, ...(method ? { method } : {}) };
      let fault: Fault;
      switch (Math.floor(r() * 8)) {
        case 0:
          fault = { ...base, kind: 'throttle', retryAfter: Number((0.01 + r() * 0.04).toFixed(3)) };
          break;
        case 1:
          fault = {
            ...base,
            kind: 'throttle',
            status: 503,
            retryAfter: Number((0.01 + r() * 0.04).toFixed(3)),
          };
          break;
        case 2:
          fault = { ...base, kind: 'status', status: 503 };
          break;
        case 3:
          fault = { ...base, kind: 'status', status: 504 };
          break;
        case 4:
          fault = { ...base, kind: 'drop', when };
          break;
        case 5:
          fault = { ...base, kind: 'delay', ms: attemptTimeoutMs + 80, when };
          scenario.delayed = true;
          break;
        default:
          fault = { ...base, kind: 'malformed', when };
          break;
      }
      scenario.faults.push(
        `${fault.kind}${'status' in fault && fault.status ? ` ${fault.status}` : ''}${'when' in fault ? ` ${fault.when}` : ''}${method ? ` on ${method}` : ''}`,
      );
      h.fake.inject(fault);
    }

    const updatedSubject = `${subject} (updated)`;
    let timer: NodeJS.Timeout | undefined;
    const action = (async (): Promise<Meeting | undefined> => {
      if (op === 'schedule') return ops.schedule(sampleDraft({ subject }));
      if (op === 'update')
        return ops.update({ meetingId: target!.id, subject: updatedSubject, location: 'Room 2' });
      await ops.cancel({ meetingId: target!.id, comment: 'fault suite' });
      return undefined;
    })();
    let value: Meeting | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await Promise.race([
        action,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`hang: ${describeScenario(scenario)}`)),
            scenarioTimeoutMs,
          );
        }),
      ]);
    } catch (e) {
      failed = true;
      error = e;
    } finally {
      clearTimeout(timer);
    }
    if (scenario.delayed) await new Promise((resolve) => setTimeout(resolve, attemptTimeoutMs + 150));
    const where = describeScenario(scenario);

    if (failed) {
      const typed =
        (isMeetingsError(error) && typeof error.kind === 'string') ||
        (isInvalidArgumentsError(error) && error.errors.length > 0);
      assert.ok(typed, `untyped failure in ${where}: ${String(error)}`);
    }
    const events = [...h.fake.events.values()];
    const transactionId = op === 'schedule' ? transactionIds.get(subject) : undefined;
    if (op === 'schedule') {
      assert.ok(transactionId, `no pending create recorded: ${where}`);
      const made = events.filter((e) => e.transactionId === transactionId);
      assert.ok(made.length <= 1, `duplicate create in ${where}`);
      const pending = store.pendingCreates(accountId).some((p) => p.transactionId === transactionId);
      if (!failed) {
        assert.equal(made.length, 1, `done but not on the fake: ${where}`);
        assert.equal(value!.id, made[0]!.id, where);
        assert.equal(store.get(accountId, value!.id)?.subject, subject, where);
        assert.ok(!pending, `done but still pending: ${where}`);
      } else if (!mayHaveReachedGraph(error)) {
        assert.equal(made.length, 0, `a definite failure made a meeting: ${where}`);
        assert.ok(!pending, where);
      } else {
        assert.ok(pending, `an unknown outcome must stay pending: ${where}`);
        for (const e of made) assert.equal(store.get(accountId, e.id), undefined, where);
      }
    } else {
      const ev = h.fake.events.get(target!.id)!;
      const stored = store.get(accountId, target!.id)!;
      assert.ok(ev && stored, where);
      if (op === 'update') {
        if (!failed) {
          assert.equal(ev.subject, updatedSubject, where);
          assert.equal(ev.location, 'Room 2', where);
          assert.equal(stored.subject, updatedSubject, where);
        } else {
          assert.ok([subject, updatedSubject].includes(ev.subject), where);
          assert.equal(stored.subject, subject, where);
        }
      } else if (!failed) {
        assert.equal(ev.isCancelled, true, where);
        assert.equal(stored.status, 'cancelled', where);
      } else {
        assert.equal(stored.status, 'active', where);
      }
    }
    return {
      scenario,
      outcome: failed ? 'error' : 'done',
      ...(failed ? { errorKind: isMeetingsError(error) ? error.kind : 'invalidArguments' } : {}),
      ...(failed ? { unknown: mayHaveReachedGraph(error) } : {}),
      ...(transactionId !== undefined ? { transactionId } : {}),
    };
  }

  let next = 0;
  const worker = async () => {
    for (let plan = plans[next++]; plan; plan = plans[next++]) results.push(await runOne(plan));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  await new Promise((resolve) => setTimeout(resolve, attemptTimeoutMs + 200));
  await store.flush(accountId);

  // The next activation: a new store over the same memento, and recovery with a healthy client.
  const nextStore = new MeetingStore(memento);
  const pendingBefore = nextStore.pendingCreates(accountId).map((p) => p.transactionId);
  const unknownSchedules = results
    .filter((x) => x.scenario.op === 'schedule' && x.outcome === 'error' && x.unknown)
    .map((x) => x.transactionId);
  assert.deepEqual(
    [...pendingBefore].sort(),
    [...unknownSchedules].sort(),
    'exactly the unknown outcomes are pending',
  );
  const outcomes = await resolvePendingCreates(depsFor(nextStore, h.client()));
  assert.ok(
    outcomes.every((o) => o.kind !== 'unresolved'),
    'every pending create was resolved',
  );
  assert.deepEqual(nextStore.pendingCreates(accountId), []);

  const events = [...h.fake.events.values()];
  const byTx = new Map<string, number>();
  const bySubject = new Map<string, number>();
  for (const e of events) {
    if (e.transactionId) byTx.set(e.transactionId, (byTx.get(e.transactionId) ?? 0) + 1);
    const key = e.subject.replace(/ \(updated\)$/, '');
    bySubject.set(key, (bySubject.get(key) ?? 0) + 1);
  }
  assert.deepEqual(
    [...byTx].filter(([, n]) => n > 1),
    [],
    `seed ${seed}: duplicate meetings by transactionId`,
  );
  assert.deepEqual(
    [...bySubject].filter(([, n]) => n > 1),
    [],
    `seed ${seed}: duplicate meetings by subject`,
  );
  const storedIds = nextStore
    .list(accountId)
    .map((m) => m.id)
    .sort();
  const fakeIds = events.map((e) => e.id).sort();
  assert.deepEqual(
    storedIds,
    fakeIds,
    `seed ${seed}: the stored list must match the fake (no lost, no phantom IDs)`,
  );

  const tally = (f: (x: Result) => boolean) => results.filter(f).length;
  const kinds = new Map<string, number>();
  for (const x of results) if (x.errorKind) kinds.set(x.errorKind, (kinds.get(x.errorKind) ?? 0) + 1);
  return (
    `seed ${seed}: ${results.length} scenarios, ${tally((x) => x.outcome === 'done')} done, ` +
    `${tally((x) => x.outcome === 'error')} clear errors (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
    `recovery: ${outcomes.filter((o) => o.kind === 'recorded').length} recorded, ` +
    `${outcomes.filter((o) => o.kind === 'notMade').length} not made; fake holds ${events.length} meetings`
  );
}

describe('Fault suite: seeded random faults across schedule, update and cancel (HTTPS fake)', function () {
  this.timeout(120_000);
  const h = useHarness();

  before(() => {
    console.log(`    fault suite seed: OM_FAULT_SEED=${randomSeed}`);
  });

  it(`210 scenarios, seed ${randomSeed} (replay: OM_FAULT_SEED=${randomSeed} npm run test:unit)`, async () => {
    console.log(`    ${await runSuite(h, randomSeed, 210)}`);
  });

  it(`60 scenarios with the fixed seed ${fixedSeed}`, async () => {
    console.log(`    ${await runSuite(h, fixedSeed, 60)}`);
  });
});
