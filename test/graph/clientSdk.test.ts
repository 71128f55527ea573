// Issue 11, "Use the Graph client as a client": every request goes through the SDK's request builder
// (`client.api(…)`, the SDK's `GraphRequest`), built once per call; retries run inside its middleware chain
// (retry, then token and origin, then fetch), and the Graph bundle holds only the parts of the SDK that are used.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { GraphRequest } from '@microsoft/microsoft-graph-client/lib/es/src/GraphRequest';
import type * as ClientModule from '../../src/graph/client';
import { failure, sampleDraft, useHarness } from '../fake/harness';

const root = path.resolve(__dirname, '../..');

/** The production options of esbuild.js for the lazy Graph bundle (its plugin turning the SDK's generators into async functions included). */
function graphBundleOptions() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { nativeAsyncGraphSdk } = require(path.join(root, 'esbuild.js')) as { nativeAsyncGraphSdk: () => Plugin };
  return {
    absWorkingDir: root,
    entryPoints: ['src/graph/client.ts'],
    bundle: true,
    minify: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node18',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    legalComments: 'none' as const,
    metafile: true as const,
    logLevel: 'silent' as const,
    plugins: [nativeAsyncGraphSdk()],
  };
}

type Verb = 'get' | 'post' | 'patch';

/** Counts the SDK request builder's sends per verb while `run` runs. */
async function countSends(run: () => Promise<unknown>): Promise<Record<Verb, number>> {
  const counts: Record<Verb, number> = { get: 0, post: 0, patch: 0 };
  const proto = GraphRequest.prototype as unknown as Record<Verb, (...args: unknown[]) => unknown>;
  const originals = { get: proto.get, post: proto.post, patch: proto.patch };
  for (const verb of ['get', 'post', 'patch'] as const) {
    proto[verb] = function (this: unknown, ...args: unknown[]) {
      counts[verb] += 1;
      return originals[verb].apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(proto, originals);
  }
  return counts;
}

describe('MeetingsClient sends through the Graph SDK request builder (fake Graph, HTTPS)', () => {
  const h = useHarness();

  it('schedule, read, update, cancel and $batch each go through GraphRequest once', async () => {
    const client = h.client();
    let id = '';
    const counts = await countSends(async () => {
      id = (await client.schedule(sampleDraft(), { transactionId: 'tx-sdk' })).id;
      await client.get(id);
      await client.update({ meetingId: id, subject: 'Moved' });
      await client.getMany([id]);
      await client.cancel({ meetingId: id, comment: 'Sorry' });
    });
    assert.deepEqual(counts, { get: 1, post: 3, patch: 1 });
    assert.equal(h.fake.requests.filter((r) => r.batchOf === undefined).length, 5);
  });

  it('a retried request is built once: the retries run inside the middleware chain', async () => {
    h.fake.inject({ kind: 'status', status: 503, method: 'POST', times: 2, retryAfter: 0 });
    const client = h.client();
    const counts = await countSends(() => client.schedule(sampleDraft(), { transactionId: 'tx-retry' }));
    assert.deepEqual(counts, { get: 0, post: 1, patch: 0 });
    const posts = h.fake.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 3);
    assert.deepEqual(
      posts.map((r) => (r.body as { transactionId?: string }).transactionId),
      ['tx-retry', 'tx-retry', 'tx-retry'],
    );
    assert.equal(h.fake.events.size, 1);
  });
});

describe('dist/graph.js holds only the parts of the Graph SDK it uses', () => {
  it('the request builder and its HTTP client, not the default middleware, upload tasks or batch content', async function () {
    this.timeout(60_000);
    const result = await build({ ...graphBundleOptions(), write: false, outfile: 'dist/graph.js' });
    const sdk = 'node_modules/@microsoft/microsoft-graph-client/lib/es/src/';
    const inputs = Object.keys(result.metafile.inputs);
    const used = inputs
      .filter((i) => i.startsWith(sdk))
      .map((i) => i.slice(sdk.length).replace(/\.js$/, ''))
      .sort();
    assert.ok(used.includes('GraphRequest'), 'requests go through GraphRequest');
    assert.ok(used.includes('HTTPClient'), "GraphRequest sends through the SDK's HTTPClient");
    const unused = used.filter(
      (m) =>
        m.startsWith('tasks/') ||
        m.startsWith('content/') ||
        m === 'index' ||
        m === 'HTTPClientFactory' ||
        /^middleware\/(options\/|AuthenticationHandler|RetryHandler|RedirectHandler|TelemetryHandler|HTTPMessageHandler|ChaosHandler)/.test(
          m,
        ),
    );
    assert.deepEqual(unused, [], `unused SDK modules in dist/graph.js: ${unused.join(', ')}`);
  });
});

describe('dist/graph.js as built: the SDK with native async functions (fake Graph, HTTPS)', function () {
  this.timeout(60_000);
  const h = useHarness();
  let dir = '';
  let Built: typeof ClientModule.MeetingsClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'om-graph-bundle.'));
    const result = await build({ ...graphBundleOptions(), outfile: path.join(dir, 'graph.js') });
    const text = fs.readFileSync(path.join(dir, 'graph.js'), 'utf8');
    // The SDK's request builder is in the bundle, without tslib's generator runner.
    assert.ok(Object.keys(result.metafile.inputs).some((i) => i.endsWith('lib/es/src/GraphRequest.js')));
    assert.equal(/function\s*\*/.test(text), false, 'no generator function is left in the bundle');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Built = (require(path.join(dir, 'graph.js')) as typeof ClientModule).MeetingsClient;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const client = () =>
    new Built({
      baseUrl: h.fake.url,
      getToken: () => Promise.resolve('test-token'),
      timeZone: 'Europe/Berlin',
      timeoutMs: 5_000,
      retryBaseDelayMs: 10,
      fetch: h.trust.fetch,
    });

  it('schedules, reads, updates, reads many and cancels', async () => {
    const c = client();
    const made = await c.schedule(sampleDraft(), { transactionId: 'tx-built' });
    assert.equal((await c.get(made.id)).subject, 'Design review');
    assert.equal((await c.update({ meetingId: made.id, subject: 'Moved' })).subject, 'Moved');
    const many = await c.getMany([made.id]);
    assert.equal((many.get(made.id) as { subject?: string }).subject, 'Moved');
    await c.cancel({ meetingId: made.id, comment: 'Sorry' });
    assert.equal((await c.get(made.id)).isCancelled, true);
  });

  it('retries a 503 with the same request, and ends with the typed error of a refusal', async () => {
    h.fake.inject({ kind: 'status', status: 503, method: 'POST', times: 2, retryAfter: 0 });
    const c = client();
    await c.schedule(sampleDraft(), { transactionId: 'tx-built-retry' });
    assert.equal(h.fake.requests.filter((r) => r.method === 'POST').length, 3);
    h.fake.inject({ kind: 'status', status: 403, code: 'ErrorAccessDenied', method: 'GET' });
    const e = await failure(c.get('AAMkAGI2missing'));
    assert.equal(e.kind, 'forbidden');
    assert.equal(e.code, 'ErrorAccessDenied');
  });
});
