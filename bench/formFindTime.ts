// Part "formFindTime" (issue 13): people requests while typing a 10-character name in the built form page (headless
// Chromium, the page as the webview tests build it: dist/webview of the working tree), at human typing speeds with
// random gaps between keys, and with one mid-word pause. An in-page stand-in host answers each search after 80 ms,
// with a few people (the longer queries are then narrowed in the page) or with a full page of 10 (each pause may ask
// again). Target: at most 2 requests per name. The form's first frame with the features offered beside today's is
// part "form" (bench/form.ts).
import { allFeatures, findTimeValues } from '../test/webview/findTimeScreens';
import { buildPage, sampleInit, startHarness } from '../test/webview/harness';
import type { Figure } from './stats';
import { median } from './stats';

/** A small deterministic random source (the runs repeat exactly). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Run {
  requests: number;
  /** The longest gap between two keys as the page saw them (ms). */
  maxGap: number;
}

/** Types "Ana Lima B" in `runs` runs per kind and counts the people requests the page posted. */
export async function measurePeopleTyping(opts: { runs: number }): Promise<Figure[]> {
  buildPage();
  const harness = await startHarness();
  const name = 'Ana Lima B';
  const rand = random(13);
  const kinds = [
    { key: 'few', answer: 3, pause: false },
    { key: 'fullPage', answer: 10, pause: false },
    { key: 'fullPagePause', answer: 10, pause: true },
  ] as const;
  const results: Record<string, Run[]> = { few: [], fullPage: [], fullPagePause: [] };
  try {
    for (let run = 0; run < opts.runs; run++) {
      for (const kind of kinds) {
        const form = await harness.open();
        try {
          await form.init(sampleInit({ values: findTimeValues(), findTime: allFeatures }));
          await form.page.evaluate((count) => {
            const w = window as unknown as {
              __posted: { type: string; requestId?: string }[];
              __keys: number[];
            };
            w.__keys = [];
            document.addEventListener('keydown', () => w.__keys.push(performance.now()), true);
            let seen = 0;
            setInterval(() => {
              for (; seen < w.__posted.length; seen++) {
                const m = w.__posted[seen];
                if (m.type !== 'peopleQuery') continue;
                const people = Array.from({ length: count }, (_, i) => ({
                  name: `Ana Lima ${String.fromCharCode(65 + i)}`,
                  address: `ana.${i}@contoso.com`,
                }));
                setTimeout(
                  () => window.postMessage({ type: 'people', requestId: m.requestId, people }, '*'),
                  80,
                );
              }
            }, 5);
          }, kind.answer);
          // 60-200 ms between keys (a fast to an unhurried typist), one 450 ms pause after "Ana " when asked; typed
          // by in-page timers (as the textarea's own input events), so the harness's round trips add no pauses.
          const gaps = [...name].map((_, i) => (kind.pause && i === 4 ? 450 : 60 + rand() * 140));
          // A plain string: tsx would wrap named inner functions in a `__name` helper the page does not have.
          await form.page.evaluate(`new Promise((resolve) => {
            const text = ${JSON.stringify(name)};
            const waits = ${JSON.stringify(gaps)};
            const inner = document.getElementById('attendees');
            inner.focus();
            let i = 0;
            const next = () => {
              if (i >= text.length) return resolve();
              const ch = text[i];
              document.dispatchEvent(new KeyboardEvent('keydown', { key: ch }));
              inner.value += ch;
              inner.setSelectionRange(inner.value.length, inner.value.length);
              inner.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch, inputType: 'insertText' }));
              setTimeout(next, waits[i++]);
            };
            next();
          })`);
          await form.page.waitForTimeout(700);
          const got = await form.page.evaluate(() => {
            const w = window as unknown as { __posted: { type: string }[]; __keys: number[] };
            const gaps = w.__keys.slice(1).map((t, i) => t - w.__keys[i]);
            return {
              requests: w.__posted.filter((m) => m.type === 'peopleQuery').length,
              maxGap: Math.max(...gaps),
            };
          });
          results[kind.key].push(got);
        } finally {
          await form.page.context().close();
        }
      }
    }
  } finally {
    await harness.close();
  }
  const all = Object.values(results).flat();
  const describe = (runs: Run[]): string =>
    `${runs.map((r) => r.requests).join(' ')} (longest key gap median ${median(runs.map((r) => r.maxGap)).toFixed(0)} ms)`;
  return [
    {
      key: 'formFindTime.peopleRequests',
      label: 'form: people requests while typing a 10-character name (worst run)',
      value: Math.max(...all.map((r) => r.requests)),
      unit: 'requests',
      target: 2,
      note: `debounce 250 ms; per run: a few matches ${describe(results.few)}; a full page of matches ${describe(results.fullPage)}; full page with one 450 ms pause ${describe(results.fullPagePause)}`,
    },
  ];
}
