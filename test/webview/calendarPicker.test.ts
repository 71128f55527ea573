// Issue 12: the form's calendar picker in headless Chromium: hidden until the host's `calendars` message (the form
// renders without it), then a labelled choice in More options, used by keyboard; the chosen calendar is submitted,
// the default one is not; an update form never shows it.
import assert from 'node:assert/strict';
import type { CalendarsMessage, FromWebview, SubmitMessage } from '../../src/shared/protocol';
import type { FormPage, Harness } from './harness';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';

function submits(posted: FromWebview[]): SubmitMessage[] {
  return posted.filter((m): m is SubmitMessage => m.type === 'submit');
}

const calendars: CalendarsMessage = {
  type: 'calendars',
  calendars: [
    { id: '', name: 'Calendar' },
    { id: 'AAMkTeam=', name: 'Team' },
  ],
};

describe('form: the calendar picker (headless Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let form: FormPage;

  before(async () => {
    buildPage();
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    form = await harness.open();
  });
  afterEach(async () => {
    if (form) {
      assert.deepEqual(await form.violations(), [], 'no CSP violations');
      await form.page.context().close();
    }
  });

  const pickerShown = () =>
    form.page.evaluate(() => {
      const box = document.getElementById('calendarId-field');
      return box !== null && !box.hidden;
    });

  it('renders without the list; the list shows a labelled picker in More options, and the choice is sent', async () => {
    await form.init();
    assert.equal(await pickerShown(), false);
    await form.send(calendars);
    assert.equal(await pickerShown(), true);
    assert.equal(await form.page.locator('#calendarId-label').textContent(), 'Calendar');
    assert.notEqual(
      await form.page.evaluate(() => document.getElementById('calendarId')?.closest('#more-options')),
      null,
    );
    await form.page.locator('#subject input').fill('Planning');
    await form.page.locator('#more-options-summary').focus();
    await form.page.keyboard.press('Enter');
    for (let i = 0; i < 30 && (await form.focusedId()) !== 'calendarId'; i++)
      await form.page.keyboard.press('Tab');
    assert.equal(await form.focusedId(), 'calendarId');
    for (const key of ['Enter', 'ArrowDown', 'Enter']) {
      await form.page.keyboard.press(key);
      await form.page.waitForTimeout(200); // the list opens and closes with a transition
    }
    await form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await form.waitForPosted(2));
    assert.equal(sent?.values.calendarId, 'AAMkTeam=');
  });

  it('the default calendar is not sent; an update form ignores the list', async () => {
    await form.init();
    await form.send(calendars);
    await form.page.locator('#subject input').fill('Planning');
    await form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await form.waitForPosted(2));
    assert.equal('calendarId' in (sent?.values ?? {}), false);

    const update = await harness.open();
    await update.init(
      sampleInit({ mode: 'update', meetingId: 'M1', values: sampleValues({ subject: 'Sync' }) }),
    );
    await update.send(calendars);
    assert.equal(await update.page.evaluate(() => document.getElementById('calendarId-field')?.hidden), true);
    await update.page.context().close();
  });
});
