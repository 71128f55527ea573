// Issue 12: the `number` (reminder) and `list` (categories) control kinds in "More options", in headless Chromium:
// labelled, reached and filled by keyboard, sent only when changed, shown from an update's values, a bad number named.
import assert from 'node:assert/strict';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

describe('form: number and list controls (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  it('are labelled controls inside More options, showing the defaults (15 minutes, no categories)', async () => {
    await ui.form.init();
    const shown = await ui.form.page.evaluate(() =>
      ['reminderMinutesBeforeStart', 'categories'].map((id) => ({
        label: document.getElementById(`${id}-label`)?.textContent,
        inMore: document.getElementById(id)?.closest('#more-options') !== null,
        type: document.getElementById(id)?.getAttribute('type'),
      })),
    );
    assert.deepEqual(shown, [
      { label: 'Reminder (minutes before the start)', inMore: true, type: 'number' },
      { label: 'Categories', inMore: true, type: 'text' },
    ]);
    assert.equal(await ui.form.page.locator('#reminderMinutesBeforeStart').inputValue(), '15');
    assert.equal(await ui.form.page.locator('#categories').inputValue(), '');
  });

  it('number and list: filled by keyboard and sent; untouched they are not sent', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Planning');
    await ui.form.page.locator('#more-options-summary').focus();
    await ui.form.page.keyboard.press('Enter');
    for (let i = 0; i < 20 && (await ui.form.focusedId()) !== 'reminderMinutesBeforeStart'; i++)
      await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'reminderMinutesBeforeStart');
    await ui.form.page.keyboard.press('Control+A');
    await ui.form.page.keyboard.type('30');
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'categories');
    await ui.form.page.keyboard.type('Red; Project X');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.equal(sent?.values.reminderMinutesBeforeStart, '30');
    assert.deepEqual(sent?.values.categories, ['Red', 'Project X']);

    const untouched = await ui.harness.open();
    await untouched.init();
    await untouched.page.locator('#subject').fill('Planning');
    await untouched.page.keyboard.press('Control+Enter');
    const [plain] = submits(await untouched.waitForPosted(2));
    assert.equal('reminderMinutesBeforeStart' in (plain?.values ?? {}), false);
    assert.equal('categories' in (plain?.values ?? {}), false);
    await untouched.page.context().close();
  });

  it("shows an update's values with More options open, and names a number that is not whole", async () => {
    await ui.form.init(
      sampleInit({
        mode: 'update',
        meetingId: 'M1',
        values: sampleValues({ subject: 'Sync', reminderMinutesBeforeStart: '60', categories: ['Blue'] }),
      }),
    );
    assert.notEqual(await ui.form.page.locator('#more-options').getAttribute('open'), null);
    assert.equal(await ui.form.page.locator('#reminderMinutesBeforeStart').inputValue(), '60');
    assert.equal(await ui.form.page.locator('#categories').inputValue(), 'Blue');
    await ui.form.page.locator('#reminderMinutesBeforeStart').fill('1.5');
    await ui.form.page.locator('#categories').focus();
    assert.match(
      await ui.form.errorText('reminderMinutesBeforeStart'),
      /"Reminder \(minutes before the start\)" must be a whole number from 0/,
    );
  });
});
