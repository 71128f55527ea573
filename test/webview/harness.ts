// Serves the built form page from 127.0.0.1 and drives it in headless Debian Chromium with a stand-in
// for `acquireVsCodeApi` that records posted messages and keeps its state in sessionStorage.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../vscode/workbench';
import type { Browser, Page } from 'playwright-core';
import { validationMessages } from '../../src/core/messages';
import { formStrings } from '../../src/shared/formStrings';
import { sampleValues } from '../shared/sampleValues';
import { readFormPreloads, renderFormHtml } from '../../src/shared/formHtml';
import type { FromWebview, InitMessage, SubmitMessage, ToWebview } from '../../src/shared/protocol';
import type { WebviewTheme } from './themes';
import { darkPlus, lightPlus } from './themes';

const root = join(__dirname, '..', '..');

/** Builds dist/webview (form.js, form.css). */
export function buildPage(): void {
  execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
}

/** The values used by most tests (test/shared/sampleValues.ts). */
export { sampleValues };

/** An `init` message as the host sends it, in English. */
export function sampleInit(over: Partial<InitMessage> = {}): InitMessage {
  return {
    type: 'init',
    mode: 'schedule',
    values: sampleValues(),
    teams: { enabled: true },
    strings: { ...formStrings },
    messages: { ...validationMessages },
    timeZones: Intl.supportedValuesOf('timeZone'),
    maxAttendees: 500,
    ...over,
  };
}

/** The messages of one type among those a page posted. */
export function ofType<T extends FromWebview['type']>(
  posted: FromWebview[],
  type: T,
): Extract<FromWebview, { type: T }>[] {
  return posted.filter((m): m is Extract<FromWebview, { type: T }> => m.type === type);
}

/** The submits among the messages a page posted. */
export function submits(posted: FromWebview[]): SubmitMessage[] {
  return ofType(posted, 'submit');
}

/** The pages of a form page test suite: the harness, and the page of the running test. */
export interface FormPages {
  readonly harness: Harness;
  /** The page opened for the running test. */
  readonly form: FormPage;
  /** Closes the running test's page and opens another (another theme or viewport) in its place. */
  reopen(theme?: WebviewTheme, viewport?: { width: number; height: number }): Promise<FormPage>;
}

/**
 * Registers a suite's mocha hooks: builds the page and starts the harness once, opens a fresh page before each
 * test and, after it, checks the page logged no CSP violation and closes it. Call it inside `describe`.
 */
export function useFormPage(): FormPages {
  let harness: Harness | undefined;
  let form: FormPage | undefined;
  before(async () => {
    buildPage();
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    form = await pages.harness.open();
  });
  afterEach(async () => {
    if (form) {
      assert.deepEqual(await form.violations(), [], 'no CSP violations');
      await form.page.context().close();
      form = undefined;
    }
  });
  const pages: FormPages = {
    get harness(): Harness {
      if (!harness) throw new Error('the harness starts in the before hook');
      return harness;
    },
    get form(): FormPage {
      if (!form) throw new Error('the page opens in the beforeEach hook');
      return form;
    },
    async reopen(theme, viewport) {
      await form?.page.context().close();
      form = await pages.harness.open(theme, viewport);
      return form;
    },
  };
  return pages;
}

/** One theme's turn in a screenshot script. */
export interface ScreenshotTurn {
  harness: Harness;
  theme: WebviewTheme;
  /** 'light' or 'dark', for the file names. */
  name: 'light' | 'dark';
  /** The folder to write to (test-results/). */
  out: string;
}

/** Runs a screenshot script: builds the page, calls `shoot` in Light+ then Dark+, exits 1 on a failure. */
export function runScreenshots(shoot: (turn: ScreenshotTurn) => Promise<void>): void {
  const run = async (): Promise<void> => {
    const out = join(root, 'test-results');
    mkdirSync(out, { recursive: true });
    buildPage();
    const harness = await startHarness();
    try {
      for (const [name, theme] of [
        ['light', lightPlus],
        ['dark', darkPlus],
      ] as const)
        await shoot({ harness, theme, name, out });
    } finally {
      await harness.close();
    }
    console.log(`Screenshots in ${out}`);
  };
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

/** The page server and the browser. */
export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** The HTML the server sends for `/` (renderFormHtml output). */
  html: string;
  nonce: string;
  open(theme?: WebviewTheme, viewport?: { width: number; height: number }): Promise<FormPage>;
  close(): Promise<void>;
}

/** Starts the static server and launches Chromium; fails with an install hint when Chromium is missing. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it: apt-get install chromium`);
  }
  const nonce = randomBytes(18).toString('base64');
  let html = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer): void => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    // The page's entry (form.js), its stylesheet, and the chunks the entry imports (esbuild code splitting).
    const file = /^\/([\w-]+\.(js|css))$/.exec(url.pathname);
    if (url.pathname === '/') send('text/html; charset=utf-8', html);
    else if (file && existsSync(join(root, 'dist/webview', file[1])))
      send(
        file[2] === 'js' ? 'text/javascript' : 'text/css',
        readFileSync(join(root, 'dist/webview', file[1])),
      );
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  html = renderFormHtml({
    cspSource: baseUrl,
    nonce,
    scriptUri: `${baseUrl}/form.js`,
    // As the host renders it: the chunks the entry imports first, preloaded under the nonce.
    preloadUris: readFormPreloads(join(root, 'dist', 'webview')).map((name) => `${baseUrl}/${name}`),
    styleUri: `${baseUrl}/form.css`,
    lang: 'en',
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  return {
    baseUrl,
    browser,
    html,
    nonce,
    async open(theme = darkPlus, viewport = { width: 900, height: 800 }) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(standIn, { bodyClass: theme.bodyClass, vars: theme.vars });
      const form = new FormPage(page);
      await page.goto(`${baseUrl}/`);
      return form;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface StandInWindow {
  __posted: unknown[];
  __violations: string[];
  __stateWrites: number;
}

/** Runs in the page before its scripts: the `acquireVsCodeApi` stand-in, the theme and a CSP-violation log. */
function standIn(theme: { bodyClass: string; vars: Record<string, string> }): void {
  const w = window as unknown as StandInWindow & { acquireVsCodeApi: () => unknown };
  w.__posted = [];
  w.__violations = [];
  w.__stateWrites = 0;
  let acquired = false;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may be called only once');
    acquired = true;
    return {
      postMessage(msg: unknown) {
        w.__posted.push(JSON.parse(JSON.stringify(msg)));
      },
      getState() {
        const s = sessionStorage.getItem('vscodeState');
        return s === null ? undefined : JSON.parse(s);
      },
      setState(state: unknown) {
        w.__stateWrites++;
        sessionStorage.setItem('vscodeState', JSON.stringify(state));
        return state;
      },
    };
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
  // No named inner functions here: tsx would wrap them in a `__name` helper the page does not have.
  document.addEventListener('DOMContentLoaded', () => {
    for (const [k, v] of Object.entries(theme.vars)) document.documentElement.style.setProperty(k, v);
    document.body.classList.add(theme.bodyClass);
  });
}

/** One open form page. */
export class FormPage {
  constructor(readonly page: Page) {}

  /** Messages the page has posted since it last loaded. */
  posted(): Promise<FromWebview[]> {
    return this.page.evaluate(() => (window as unknown as StandInWindow).__posted as FromWebview[]);
  }

  violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as StandInWindow).__violations);
  }

  /** Waits until the page has posted `count` messages besides drafts (posted on every edit) and returns all. */
  async waitForPosted(count: number): Promise<FromWebview[]> {
    await this.page.waitForFunction(
      (n) =>
        (window as unknown as StandInWindow).__posted.filter((m) => (m as { type?: string }).type !== 'draft')
          .length >= n,
      count,
    );
    return this.posted();
  }

  /** Posts a host message to the page. */
  async send(msg: ToWebview): Promise<void> {
    await this.page.evaluate((m) => window.postMessage(m, '*'), msg);
  }

  /** Waits for `ready`, sends `init` and waits until the form is built. */
  async init(msg: InitMessage = sampleInit()): Promise<void> {
    await this.waitForPosted(1);
    await this.send(msg);
    await this.page.waitForSelector('#form');
  }

  /**
   * Picks the option `steps` below the current one of a select (the focused one, or `#id`) by keyboard: the arrows
   * move a closed native select's choice (Windows and Linux; each step is a change).
   */
  async pickOption(steps: number, id?: string): Promise<void> {
    if (id) await this.page.locator(`#${id}`).focus();
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('ArrowDown');
  }

  /** The id of the element that has focus. */
  focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** The text of a field's error box. */
  errorText(field: string): Promise<string> {
    return this.page.locator(`#${field}-error`).evaluate((e) => e.textContent ?? '');
  }

  /** The state the page saved with setState. */
  state(): Promise<unknown> {
    return this.page.evaluate(() => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null'));
  }
}
