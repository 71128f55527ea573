import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { AttemptDeadlines } from '../../src/graph/retry';

describe('AttemptDeadlines: per-attempt timeouts shared by attempts that start together', () => {
  it('aborts an attempt still running after its timeout, never before', async () => {
    const deadlines = new AttemptDeadlines(100);
    const started = performance.now();
    const d = deadlines.join();
    await once(d.signal, 'abort');
    const elapsed = performance.now() - started;
    d.leave();
    assert.ok(elapsed >= 99, `aborted after ${elapsed.toFixed(1)} ms, before the 100 ms timeout`);
    assert.ok(d.signal.reason instanceof Error && d.signal.reason.message === 'timeout');
  });

  it('an attempt that starts later keeps its own full timeout when an earlier one times out', async () => {
    const deadlines = new AttemptDeadlines(150);
    const first = deadlines.join();
    await delay(60);
    const secondStarted = performance.now();
    const second = deadlines.join();
    await once(first.signal, 'abort');
    assert.equal(second.signal.aborted, false, 'the later attempt was cut short');
    await once(second.signal, 'abort');
    const elapsed = performance.now() - secondStarted;
    first.leave();
    second.leave();
    assert.ok(elapsed >= 149, `the later attempt had ${elapsed.toFixed(1)} ms of its 150`);
  });

  it('attempts that start together share one signal (one timer, not one per attempt)', () => {
    const deadlines = new AttemptDeadlines(30_000);
    const a = deadlines.join();
    const b = deadlines.join();
    assert.equal(a.signal, b.signal);
    a.leave();
    b.leave();
  });

  it('a group whose attempts have all ended is not aborted at its deadline', async () => {
    const deadlines = new AttemptDeadlines(60);
    const a = deadlines.join();
    const b = deadlines.join();
    a.leave();
    b.leave();
    await delay(150);
    assert.equal(a.signal.aborted, false);
  });
});
