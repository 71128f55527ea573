import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { ScratchDirs } from './codeServer';
import { cleanEnv, makeScratchDirs } from './codeServer';

/** Debian's Chromium; OM_CHROMIUM overrides it. */
export const chromiumPath = process.env.OM_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that work for headless Chromium on these machines (see VSCODE-TESTS.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The product's extension id. */
export const productExtensionId = 'outlook-meetings.outlook-meetings';

/** A headless Chromium with its own HOME/TMPDIR/XDG folders. */
export interface WorkbenchBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  scratch: ScratchDirs;
  close(): Promise<void>;
}

/** Launches headless Debian Chromium (never a downloaded one) and opens one page. */
export async function launchBrowser(
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<WorkbenchBrowser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install Debian's \`chromium\` (apt-get install -y chromium).`,
    );
  }
  const scratch = makeScratchDirs();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: cleanEnv(scratch.env) as Record<string, string>,
  });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      await browser.close().catch(() => undefined);
      fs.rmSync(scratch.root, { recursive: true, force: true });
    })();
    return closed;
  };
  return { browser, context, page, scratch, close };
}

/**
 * Adds extension ids to the product's `trustedExtensionAuthAccess` in the served workbench.js (only the copy
 * this page receives), so `getSession(..., { createIfNone: true })` needs no consent dialog.
 * Call before the page navigates.
 */
export async function trustExtensionsForAuth(
  page: Page,
  extensionIds: string[] = [productExtensionId],
): Promise<void> {
  await page.route(/\/workbench\.js(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const patched = patchTrustedExtensionAuthAccess(body, extensionIds);
    await route.fulfill({
      response,
      body: patched,
      headers: { ...response.headers(), 'content-length': undefined as never },
    });
  });
}

/** Rewrites every `trustedExtensionAuthAccess` list (array, or object of provider -> array) to include the ids. */
export function patchTrustedExtensionAuthAccess(source: string, extensionIds: string[]): string {
  const key = /(["']?)trustedExtensionAuthAccess\1\s*:\s*/g;
  let out = '';
  let last = 0;
  let found = 0;
  for (let m = key.exec(source); m; m = key.exec(source)) {
    const at = m.index + m[0].length;
    const open = source[at];
    if (open !== '[' && open !== '{') continue;
    const end = matchingBracket(source, at);
    if (end < 0) continue;
    const value = source.slice(at, end + 1);
    let replacement: string;
    const ids = extensionIds.map((id) => JSON.stringify(id)).join(',');
    if (open === '[') {
      replacement = `[${ids}${value.length > 2 ? ',' : ''}${value.slice(1)}`;
    } else {
      // Object form: add the ids to every provider's list, and a `microsoft` list when there is none.
      replacement = value.replace(/:\s*\[/g, `:[${ids},`).replace(/,\]/g, ']');
      if (!/["']?microsoft["']?\s*:/.test(value)) {
        replacement = `{"microsoft":[${ids}]${value.length > 2 ? ',' : ''}${replacement.slice(1)}`;
      }
    }
    out += source.slice(last, at) + replacement;
    last = end + 1;
    found++;
  }
  if (found === 0) throw new Error('trustedExtensionAuthAccess not found in the served workbench.js');
  return out + source.slice(last);
}

function matchingBracket(s: string, start: number): number {
  const open = s[start];
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === open || c === '[' || c === '{') depth++;
    else if (c === close || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** What the extension host reports through the smoke-test driver hooks. */
export interface AutomationHooks {
  /** Resolves with the exit code the extension host passes to `codeAutomationExit`. */
  exitCode: Promise<number>;
}

/** Exposes `codeAutomationExit` and `codeAutomationLog` on the page; log lines go to `onLog`. */
export async function exposeAutomationHooks(
  page: Page,
  onLog: (text: string) => void,
): Promise<AutomationHooks> {
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    resolveExit(typeof code === 'number' ? code : Number(code) || 0);
  });
  await page.exposeFunction('codeAutomationLog', (_level: unknown, args: unknown) => {
    const parts: unknown[] = Array.isArray(args) ? args : [args];
    onLog(format(...parts));
  });
  return { exitCode };
}

/** Waits until the workbench has rendered (the activity bar and the status bar are there). */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page
    .locator('.monaco-workbench .part.activitybar')
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page
    .locator('.monaco-workbench .part.statusbar')
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The quick-input box (command palette, quick picks, input boxes). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Runs a command from the command palette by its title as shown there (e.g. "Outlook: Schedule Meeting"). */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = quickInput(page).locator('input');
  // The palette lists the commands known when it opens: while extensions are still loading, reopen it.
  for (;;) {
    await page
      .locator('.monaco-workbench')
      .first()
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('F1');
    const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
    try {
      // An editor that opens late (a preview, a webview) takes the focus and closes the palette: open it again.
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ state: 'visible', timeout: 3000 });
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
      continue;
    }
    // The matching row is usually the focused first one: Enter runs it as a person would. A click waits for the
    // row to hold still over two animation frames, which a busy workbench did not give it for 30 s.
    if (await row.evaluate((e) => e.classList.contains('focused'))) await page.keyboard.press('Enter');
    else await row.click();
    return;
  }
}

/** Picks the quick-pick row containing `text`. */
export async function pickQuickItem(page: Page, text: string): Promise<void> {
  const row = quickInput(page).locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Types into the open quick input and accepts it with Enter. */
export async function answerInputBox(page: Page, value: string): Promise<void> {
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(value);
  await input.press('Enter');
}

/** The content frame of the webview whose tab is active (webviews nest an iframe inside an iframe). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Opens a view container from the activity bar by its title (e.g. "Outlook Meetings"); leaves it open if it is. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = page
    .locator('.part.activitybar .action-item')
    .filter({ has: page.locator(`a[aria-label^="${title}"]`) })
    .or(page.locator(`.part.activitybar .action-item[aria-label^="${title}"]`))
    .first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  const open =
    /\bchecked\b/.test((await item.getAttribute('class')) ?? '') &&
    (await page.locator('.part.sidebar').first().isVisible());
  if (!open) await item.click();
}

/** A tree row in the side bar whose text contains `text`. */
export function treeRow(page: Page, text: string): Locator {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
}

/** Opens a tree row's context menu and runs the entry labelled `action`. */
export async function contextMenuAction(page: Page, row: Locator, action: string): Promise<void> {
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  const entry = menu.locator('.action-item', { hasText: action }).first();
  await entry.waitFor({ state: 'visible' });
  // The menu ignores a mouse-up that comes right after it opened (the end of the right-click): pause like a person.
  await entry.hover();
  await page.waitForTimeout(300);
  await entry.click();
  try {
    await menu.waitFor({ state: 'hidden', timeout: 2000 });
  } catch {
    await entry.hover();
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 5000 });
  }
}

/** Texts of the visible notification toasts. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
}

/**
 * Texts of every notification, from the notification center (toasts are not always shown, e.g. when the
 * headless window does not have focus). Opens the center and closes it again.
 */
export async function allNotificationTexts(page: Page): Promise<string[]> {
  await runCommand(page, 'Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor({ state: 'visible' });
  const texts = await center.locator('.notification-list-item-message').allInnerTexts();
  await runCommand(page, 'Notifications: Hide Notifications').catch(() => page.keyboard.press('Escape'));
  return texts;
}

/** Saves a screenshot under test-results/ (gitignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(__dirname, '..', '..', 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}
