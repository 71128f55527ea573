// Issue 12 in the workbench, driven like a person (code-server + headless Chromium, the fake Graph in this process):
// the tree shows a series' pattern and its attendees' answers (row and tooltip), and "Cancel This Occurrence…" from
// the series' context menu picks one of the next occurrences and cancels it alone, the confirmation saying so and
// how many people are notified. Screenshots go to test-results/. Run: npx mocha --config test/e2e/mocharc.json
// test/e2e/treeSeries.test.ts   (OM_VERBOSE=1 prints code-server's output)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeEvent, FakeGraph } from '../fake/fakeGraph';
import type { SeriesFields } from '../fake/recurrence';
import { respond } from '../fake/responses';
import type { WorkbenchSession } from './workbenchSession';
import { allowSignInIfAsked, startWorkbenchSession } from './workbenchSession';
import {
  answerInputBox,
  contextMenuAction,
  activeWebview,
  openViewContainer,
  quickInput,
  runCommand,
  saveScreenshot,
  treeRow,
} from '../vscode/workbench';

const token = `om-series-${Math.random().toString(36).slice(2)}`;
const verbose = process.env.OM_VERBOSE === '1';
const log = (text: string): void => void process.stderr.write(`[test:ui series] ${text}\n`);

describe('the tree: a series and its answers, cancel one occurrence (code-server + headless Chromium)', function () {
  this.timeout(120_000);
  let fake: FakeGraph;
  let session: WorkbenchSession | undefined;
  let page: Page;
  let series: (FakeEvent & SeriesFields) | undefined;
  const subject = 'Team sync';
  const people = ['ana@contoso.example', 'bo@contoso.example', 'cy@contoso.example', 'di@contoso.example'];
  const seriesArgs = {
    subject,
    start: '2030-06-03T10:00',
    end: '2030-06-03T10:30',
    timeZone: 'Europe/Berlin',
    attendees: people,
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd' },
    },
  };

  before(async function () {
    this.timeout(10 * 60_000);
    session = await startWorkbenchSession({
      token,
      log,
      verbose,
      // A key that runs Schedule Meeting with arguments: a weekly series on Mon and Wed, stored by the extension.
      beforeStart: ({ userDataDir }) =>
        fs.writeFileSync(
          path.join(userDataDir, 'User', 'keybindings.json'),
          JSON.stringify([
            { key: 'ctrl+alt+shift+y', command: 'outlookMeetings.scheduleMeeting', args: seriesArgs },
          ]),
        ),
    });
    ({ fake, page } = session);
  });

  after(async () => {
    await session?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page)
      await saveScreenshot(page, `ui-series-failed-${this.currentTest.title}`).catch(() => undefined);
  });

  it("shows a series' pattern and how its attendees answered, on the row and in the tooltip", async () => {
    // Signed in, then the series scheduled by Schedule Meeting with arguments (a key binding), so the extension stores it.
    await openViewContainer(page, 'Outlook Meetings');
    await runCommand(page, 'Outlook: Sign In');
    await allowSignInIfAsked(page);
    await page.waitForTimeout(1000);
    const deadline = Date.now() + 30_000;
    while (fake.events.size === 0) {
      assert.ok(Date.now() < deadline, 'the series was not scheduled');
      await page
        .locator('.part.sidebar')
        .first()
        .click({ position: { x: 100, y: 5 } });
      await page.keyboard.press('Control+Alt+Shift+Y');
      await page.waitForTimeout(2000);
    }
    series = [...fake.events.values()][0] as FakeEvent & SeriesFields;
    assert.ok(series.recurrence, 'scheduled as a series');
    respond(fake, series.id, 'ana@contoso.example', 'accepted');
    respond(fake, series.id, 'bo@contoso.example', 'accepted');
    const proposedStart = Date.UTC(2030, 5, 3, 12);
    respond(fake, series.id, 'cy@contoso.example', 'declined', {
      startMs: proposedStart,
      endMs: proposedStart + 1_800_000,
    });
    await runCommand(page, 'Outlook: Refresh Meetings');
    // The row as stored at scheduling ("4 no answer") until the refresh brings the answers given in Outlook.
    const row = treeRow(page, '2 accepted');
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await row.innerText();
    assert.match(text, /Team sync/);
    assert.match(text, /weekly, Mon and Wed, 10:00\s–\s10:30\sAM, from Jun 3, 2030/);
    assert.match(text, /2 accepted, 1 declined, 1 no answer/);
    await saveScreenshot(page, 'ui-light-tree-series');
    // The side bar widened by its sash (its right edge), as a person does to read the whole row.
    const sidebar = await page.locator('.part.sidebar').first().boundingBox();
    if (sidebar) {
      const x = sidebar.x + sidebar.width + 1;
      await page.mouse.move(x, 400);
      await page.mouse.down();
      await page.mouse.move(x + 300, 400, { steps: 10 });
      await page.mouse.up();
    }
    await saveScreenshot(page, 'ui-light-tree-series-wide');

    const beforeHover = fake.requests.length;
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Attendees' }).first();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    const tip = await hover.innerText();
    assert.match(tip, /Repeats weekly, Mon and Wed/);
    assert.match(tip, /ana@contoso\.example \(accepted\)/);
    assert.match(tip, /cy@contoso\.example \(declined; proposes Jun 3, 2030, 2:00\sPM\s–\s2:30\sPM\)/);
    // The hover reads only what the tooltip adds to the stored record.
    const seriesPath = `/v1.0/me/events/${series.id}`;
    const read = fake.requests
      .slice(beforeHover)
      .find((r) => r.method === 'GET' && decodeURIComponent(r.path) === seriesPath);
    assert.equal(read?.query.$select, 'start,end,location,attendees');
    await saveScreenshot(page, 'ui-light-tree-series-tooltip');
    await page.mouse.move(640, 780);
  });

  it('cancels one occurrence from the series menu: picked from the next ones, the confirmation says so', async () => {
    assert.ok(series);
    await contextMenuAction(page, treeRow(page, subject), 'Cancel This Occurrence');
    const pick = quickInput(page);
    const wednesday = pick.locator('.monaco-list-row', { hasText: 'Wed, Jun 5, 2030' }).first();
    await wednesday.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await pick.innerText(), /Mon, Jun 3, 2030, 10:00\s–\s10:30\sAM/);
    await saveScreenshot(page, 'ui-light-tree-series-pick');
    await wednesday.click();
    await answerInputBox(page, '');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const said = await dialog.innerText();
    assert.match(said, /Cancel the occurrence of "Team sync" on Jun 5, 2030/);
    assert.match(said, /Only this occurrence is cancelled; the rest of the series stays\./);
    assert.match(said, /4 attendees will be notified/);
    await saveScreenshot(page, 'ui-light-tree-series-cancel-confirm');
    const mark = fake.requests.length;
    await dialog.locator('a.monaco-button', { hasText: 'Send Cancellation' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    const deadline = Date.now() + 20_000;
    while (!fake.requests.slice(mark).some((r) => r.method === 'POST' && r.path.endsWith('/cancel'))) {
      assert.ok(Date.now() < deadline, 'no cancel was sent');
      await page.waitForTimeout(200);
    }
    const cancels = fake.requests
      .slice(mark)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));
    assert.equal(cancels.length, 1);
    assert.notEqual(
      decodeURIComponent(cancels[0]!.path),
      `/v1.0/me/events/${series.id}/cancel`,
      'not the series',
    );
    assert.equal(series.isCancelled, false, 'the series goes on');
    await treeRow(page, 'weekly, Mon and Wed').waitFor({ state: 'visible', timeout: 20_000 });
    await saveScreenshot(page, 'ui-light-tree-series-after-cancel');
  });

  it('updates one occurrence from the series menu: the picked occurrence opens alone in the Update form', async () => {
    assert.ok(series);
    await contextMenuAction(page, treeRow(page, subject), 'Update This Occurrence');
    const pick = quickInput(page);
    const monday = pick.locator('.monaco-list-row', { hasText: 'Mon, Jun 10, 2030' }).first();
    await monday.waitFor({ state: 'visible', timeout: 20_000 });
    await monday.click();
    const form = activeWebview(page);
    await form.locator('h1', { hasText: 'Update meeting' }).waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await form.locator('#start').inputValue(), '2030-06-10T10:00');
    await saveScreenshot(page, 'ui-light-tree-series-update-occurrence');
  });

  it('Cancel Meeting on the series says the whole series is cancelled; Keep Meeting sends nothing', async () => {
    assert.ok(series);
    await runCommand(page, 'View: Close All Editors');
    await contextMenuAction(page, treeRow(page, subject), 'Cancel Meeting');
    await answerInputBox(page, '');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const said = await dialog.innerText();
    assert.match(said, /Cancel the whole series "Team sync" \(from Jun 3, 2030/);
    assert.match(said, /Every occurrence of the series is cancelled\./);
    assert.match(said, /4 attendees will be notified/);
    await saveScreenshot(page, 'ui-light-tree-series-cancel-series-confirm');
    const mark = fake.requests.length;
    await dialog.locator('a.monaco-button', { hasText: 'Keep Meeting' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(fake.requests.slice(mark).filter((r) => r.method === 'POST').length, 0);
    assert.equal(series.isCancelled, false);
  });
});
