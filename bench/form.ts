// Part 6: the built form page in headless Chromium: time from navigation start to an interactive first field
// (the page posted `ready`, the stand-in host answered `init` at once, the first field, #subject, is enabled and has
// focus, and the form's other controls are attached),
// beside a reference page whose script only posts `ready`: the same HTML shell, CSP and stylesheet from the same
// server, in the same browser, a fresh context each, the two loads interleaved (order alternating). The ratio is
// what our script costs over what Chromium costs any webview page. A third page in the same rounds gives the floor:
// the form's own document (captured once from a load, scripts removed, values left out) as static HTML whose only
// script focuses the first field and posts `ready`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/vscode/workbench';
import { readFormPreloads, renderFormHtml } from '../src/shared/formHtml';
import { allFeatures } from '../test/webview/findTimeScreens';
import { sampleInit } from '../test/webview/harness';
import type { Figure } from './stats';
import { median, quantile } from './stats';

interface BenchWindow {
  __interactiveAt?: number;
  __readyAt?: number;
}

/** The reference page's whole script: what any webview page does first. */
const referenceScript = "acquireVsCodeApi().postMessage({ type: 'ready' });\n";

/** The static floor page's whole script: focus the first field (a forced layout), then say ready. */
const staticScript =
  "document.getElementById('subject').focus();\nacquireVsCodeApi().postMessage({ type: 'ready' });\n";

/**
 * Runs in the page before its scripts: answers `ready` with `init` and records when the form is interactive; for the
 * reference page (`init` null) records `ready` as its interactive time.
 * A plain string, so the TypeScript runner adds no helpers the page lacks.
 */
function standInScript(init: unknown, capture = false): string {
  return `(() => {
  const init = ${JSON.stringify(init)};
  let state;
  // Interactive: the first field (#subject, where the page puts focus) is enabled and has focus (and, were it a custom
  // element, defined), and the form's controls are all attached (the page gives the form its id with its fields, and
  // drops aria-busy from #app).
  const check = () => {
    if (window.__interactiveAt !== undefined) return true;
    const field = document.getElementById('subject');
    const form = document.getElementById('form');
    const app = document.getElementById('app');
    if (
      field && field.isConnected && !field.disabled &&
      (!field.localName.includes('-') || customElements.get(field.localName) !== undefined) &&
      form && form.isConnected && app && !app.hasAttribute('aria-busy')
    ) {
      const active = document.activeElement;
      if (active === null || active === document.body) field.focus();
      const now = document.activeElement;
      if (now === field || (now !== null && field.contains(now))) {
        window.__interactiveAt = performance.now();
        if (${String(capture)}) window.__captured = document.documentElement.outerHTML;
        observer.disconnect();
        document.removeEventListener('focusin', check, true);
        return true;
      }
    }
    return false;
  };
  // Checked when the page changes the DOM or moves focus (not once per frame: a frame's wait is not the page's cost).
  const observer = new MutationObserver(check);
  const poll = () => {
    if (!check()) requestAnimationFrame(poll);
  };
  window.acquireVsCodeApi = () => ({
    postMessage(msg) {
      if (msg && msg.type === 'ready') {
        window.__readyAt = performance.now();
        if (init === null) {
          window.__interactiveAt = window.__readyAt;
          return;
        }
        observer.observe(document, { subtree: true, childList: true, attributes: true });
        document.addEventListener('focusin', check, true);
        window.postMessage(init, '*');
        queueMicrotask(poll);
      }
    },
    getState: () => state,
    setState: (s) => (state = s),
  });
})();`;
}

/** One load's times, from navigation start. */
interface LoadTimes {
  interactive: number;
  /** First contentful paint. */
  paint: number;
  ready: number;
}

/**
 * Loads the form page and the reference page `loads` times each (after one warm-up pair), interleaved, each in a
 * fresh browser context: median time to an interactive first field, the reference's `ready`, and their ratio.
 */
export async function measureForm(opts: {
  distDir: string;
  loads: number;
  /** Issue 13: also load the form with its find-a-time features offered, in the same rounds. */
  withFindTime?: boolean;
}): Promise<Figure[]> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  const nonce = randomBytes(18).toString('base64');
  // Every file of dist/webview: the page's entry, its stylesheet and the chunks the entry imports.
  const files: Record<string, Buffer | string> = { '/ready.js': referenceScript, '/static.js': staticScript };
  for (const name of fs.readdirSync(path.join(opts.distDir, 'webview')))
    files[`/${name}`] = fs.readFileSync(path.join(opts.distDir, 'webview', name));
  const server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = files[p];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const type = p.endsWith('.js')
      ? 'text/javascript'
      : p.endsWith('.css')
        ? 'text/css'
        : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The form's page preloads the chunks its entry imports first, as the host's does; the reference page only posts `ready`.
  const page = (script: string, preloads: string[] = []): string =>
    renderFormHtml({
      cspSource: base,
      nonce,
      scriptUri: `${base}${script}`,
      preloadUris: preloads.map((name) => `${base}/${name}`),
      styleUri: `${base}/form.css`,
      lang: 'en',
    });
  files['/'] = page('/form.js', readFormPreloads(path.join(opts.distDir, 'webview')));
  files['/reference'] = page('/ready.js');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  /** The built form's document at interactive (for the static page), when `capture` is set. */
  let captured: string | undefined;
  const load = async (url: string, init: unknown, capture = false): Promise<LoadTimes> => {
    const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
    try {
      const tab = await context.newPage();
      await tab.addInitScript({ content: standInScript(init, capture) });
      await tab.goto(url);
      if (capture) {
        await tab.waitForFunction(() => (window as unknown as BenchWindow).__interactiveAt !== undefined);
        // The document as it is at that moment (what the user can use then), not after the tasks that follow.
        captured = await tab.evaluate(() => (window as unknown as { __captured?: string }).__captured);
      }
      await tab.waitForFunction(
        () => (window as unknown as BenchWindow).__interactiveAt !== undefined,
        undefined,
        {
          timeout: 30_000,
        },
      );
      // The form's first paint with content (the title and the first field, or more), for the trade-off between
      // showing something early and finishing the form early; waited for if it comes after interactive (the
      // reference page paints no content).
      if (init !== null)
        await tab.waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint').length > 0,
          undefined,
          {
            timeout: 30_000,
          },
        );
      return await tab.evaluate(() => {
        const w = window as unknown as BenchWindow;
        return {
          interactive: w.__interactiveAt ?? NaN,
          ready: w.__readyAt ?? NaN,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        };
      });
    } finally {
      await context.close();
    }
  };
  const form: LoadTimes[] = [];
  const reference: number[] = [];
  const ratios: number[] = [];
  const withFindTime: LoadTimes[] = [];
  const statics: number[] = [];
  const staticRatios: number[] = [];
  try {
    const init = sampleInit();
    const findTimeInit = { ...init, findTime: allFeatures };
    // The floor: the same form as the page builds it, served as static HTML under the same shell, CSP and stylesheet,
    // whose only script (at the end of the body) focuses the first field and posts `ready`. No script-built form can
    // be interactive sooner than the browser lays this out.
    await load(`${base}/`, init, true);
    files['/static'] = staticPage(captured ?? '', base, nonce);
    for (let i = 0; i < opts.loads + 1; i++) {
      const loadForm = (): Promise<LoadTimes> => load(`${base}/`, init);
      const loadReference = async (): Promise<number> => (await load(`${base}/reference`, null)).interactive;
      let f: LoadTimes;
      let r: number;
      if (i % 2 === 0) {
        f = await loadForm();
        r = await loadReference();
      } else {
        r = await loadReference();
        f = await loadForm();
      }
      const st = (await load(`${base}/static`, null)).interactive;
      // Issue 13: the same form with its features offered, before or after the pair by turns.
      const ft = opts.withFindTime ? await load(`${base}/`, findTimeInit) : undefined;
      if (i === 0) continue; // the first pair warms Chromium's own caches
      if (ft) withFindTime.push(ft);
      form.push(f);
      reference.push(r);
      ratios.push(f.interactive / r);
      statics.push(st);
      staticRatios.push(st / r);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const interactive = form.map((t) => t.interactive);
  const findTimeFigures: Figure[] =
    withFindTime.length === 0
      ? []
      : [
          {
            key: 'form.findTime.interactive',
            label: 'form with find-a-time offered (issue 13): navigation start to interactive first field',
            value: median(withFindTime.map((t) => t.interactive)),
            unit: 'ms',
            note: `today's form ${median(interactive).toFixed(0)} ms in the same rounds; first contentful paint ${median(withFindTime.map((t) => t.paint)).toFixed(0)} ms vs ${median(form.map((t) => t.paint)).toFixed(0)} ms`,
          },
          {
            key: 'form.findTime.delta',
            label:
              "form with find-a-time offered minus today's, same round (median of per-round differences)",
            value: median(withFindTime.map((t, k) => t.interactive - form[k].interactive)),
            unit: 'ms',
            note: `per round ${withFindTime.map((t, k) => (t.interactive - form[k].interactive).toFixed(0)).join(' ')} ms`,
          },
        ];
  return [
    {
      key: 'form.interactive',
      label: 'form: navigation start to interactive first field',
      value: median(interactive),
      unit: 'ms',
      target: 150,
      note: `ready posted at ${median(form.map((t) => t.ready)).toFixed(0)} ms, first contentful paint at ${median(form.map((t) => t.paint)).toFixed(0)} ms, p90 ${quantile(interactive, 0.9).toFixed(0)} ms, n=${interactive.length}`,
    },
    {
      key: 'form.reference',
      label: 'reference page (same shell, script only posts ready): navigation start to ready',
      value: median(reference),
      unit: 'ms',
      note: `p90 ${quantile(reference, 0.9).toFixed(0)} ms, n=${reference.length}, interleaved with the form loads`,
    },
    {
      key: 'form.ratio',
      label: 'form interactive / reference ready (median of per-pair ratios)',
      value: median(ratios),
      unit: '×',
      target: 1.5,
      note: `pairs ${ratios.map((x) => x.toFixed(2)).join(' ')}; ratio of medians ${(median(interactive) / median(reference)).toFixed(2)}`,
    },
    {
      key: 'form.staticRatio',
      label: 'floor: the same form as static HTML (focus and ready only) / reference ready',
      value: median(staticRatios),
      unit: '×',
      note: `static form ready at ${median(statics).toFixed(0)} ms (p90 ${quantile(statics, 0.9).toFixed(0)}); what the browser alone needs to lay out this form, loaded in the same rounds`,
    },
    ...findTimeFigures,
  ];
}

/** The static page: the captured form document without its scripts, plus one nonce'd script that focuses and says ready. */
function staticPage(html: string, base: string, nonce: string): string {
  if (!html.includes('id="form"'))
    throw new Error('the form page could not be captured for the static floor');
  const body = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace('</body>', `<script nonce="${nonce}" src="${base}/static.js"></script></body>`);
  return `<!DOCTYPE html>\n${body}`;
}
