// Part 6: the built form page in headless Chromium: time from navigation start to an interactive first field
// (the page posted `ready`, the stand-in host answered `init` at once, and the first field is enabled and takes focus).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/vscode/workbench';
import { renderFormHtml } from '../src/shared/formHtml';
import { sampleInit } from '../test/webview/harness';
import type { Figure } from './stats';
import { median, quantile } from './stats';

interface BenchWindow {
  __interactiveAt?: number;
  __readyAt?: number;
}

/**
 * Runs in the page before its scripts: answers `ready` with `init` and records when #start can take focus.
 * A plain string, so the TypeScript runner adds no helpers the page lacks.
 */
function standInScript(init: unknown): string {
  return `(() => {
  const init = ${JSON.stringify(init)};
  let state;
  const check = () => {
    const field = document.getElementById('start');
    if (field && field.isConnected && !field.disabled && customElements.get(field.localName) !== undefined) {
      field.focus();
      const active = document.activeElement;
      if (active === field || (active !== null && field.contains(active))) {
        window.__interactiveAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  window.acquireVsCodeApi = () => ({
    postMessage(msg) {
      if (msg && msg.type === 'ready') {
        window.__readyAt = performance.now();
        window.postMessage(init, '*');
        queueMicrotask(check);
      }
    },
    getState: () => state,
    setState: (s) => (state = s),
  });
})();`;
}

/** Loads the page `loads` times, each in a fresh browser context; median time to an interactive first field. */
export async function measureForm(opts: { distDir: string; loads: number }): Promise<Figure[]> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  const nonce = randomBytes(18).toString('base64');
  const js = fs.readFileSync(path.join(opts.distDir, 'webview', 'form.js'));
  const css = fs.readFileSync(path.join(opts.distDir, 'webview', 'form.css'));
  let html = '';
  const server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = p === '/' ? html : p === '/form.js' ? js : p === '/form.css' ? css : undefined;
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const type = p === '/' ? 'text/html; charset=utf-8' : p.endsWith('.js') ? 'text/javascript' : 'text/css';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  html = renderFormHtml({
    cspSource: base,
    nonce,
    scriptUri: `${base}/form.js`,
    styleUri: `${base}/form.css`,
    lang: 'en',
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const interactive: number[] = [];
  const ready: number[] = [];
  try {
    const init = sampleInit();
    for (let i = 0; i < opts.loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: standInScript(init) });
      await page.goto(`${base}/`);
      await page.waitForFunction(
        () => (window as unknown as BenchWindow).__interactiveAt !== undefined,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const t = await page.evaluate(() => {
        const w = window as unknown as BenchWindow;
        return { interactive: w.__interactiveAt ?? NaN, ready: w.__readyAt ?? NaN };
      });
      await context.close();
      if (i === 0) continue; // the first load warms Chromium's own caches
      interactive.push(t.interactive);
      ready.push(t.ready);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return [
    {
      key: 'form.interactive',
      label: 'form: navigation start to interactive first field',
      value: median(interactive),
      unit: 'ms',
      target: 150,
      note: `ready posted at ${median(ready).toFixed(0)} ms, p90 ${quantile(interactive, 0.9).toFixed(0)} ms, n=${interactive.length}`,
    },
  ];
}
