// Issue 12: the form's calendar picker in headless Chromium: hidden until the host's `calendars` message (the form
// renders without it), then a labelled choice in More options, used by keyboard; the chosen calendar is submitted,
// the default one is not; an update form never shows it.
import assert from 'node:assert/strict';
import type { CalendarsMessage } from '../../src/shared/protocol';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

const calendars: CalendarsMessage = {
  type: 'calendars',
  calendars: [
    { id: '', name: 'Calendar' },
    { id: 'AAMkTeam=', name: 'Team' },
  ],
};

describe('form: the calendar picker (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  const pickerShown = () =>
    ui.form.page.evaluate(() => {
      const box = document.getElementById('calendarId-field');
      return box !== null && !box.hidden;
    });

  it('renders without the list; the list shows a labelled picker in More options, and the choice is sent', async () => {
    await ui.form.init();
    assert.equal(await pickerShown(), false);
    await ui.form.send(calendars);
    assert.equal(await pickerShown(), true);
    assert.equal(await ui.form.page.locator('#calendarId-label').textContent(), 'Calendar');
    assert.notEqual(
      await ui.form.page.evaluate(() => document.getElementById('calendarId')?.closest('#more-options')),
      null,
    );
    await ui.form.page.locator('#subject').fill('Planning');
    await ui.form.page.locator('#more-options-summary').focus();
    await ui.form.page.keyboard.press('Enter');
    for (let i = 0; i < 30 && (await ui.form.focusedId()) !== 'calendarId'; i++)
      await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'calendarId');
    await ui.form.pickOption(1);
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.equal(sent?.values.calendarId, 'AAMkTeam=');
  });

  it('the default calendar is not sent; an update form ignores the list', async () => {
    await ui.form.init();
    await ui.form.send(calendars);
    await ui.form.page.locator('#subject').fill('Planning');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.equal('calendarId' in (sent?.values ?? {}), false);

    const update = await ui.harness.open();
    await update.init(
      sampleInit({ mode: 'update', meetingId: 'M1', values: sampleValues({ subject: 'Sync' }) }),
    );
    await update.send(calendars);
    assert.equal(await update.page.evaluate(() => document.getElementById('calendarId-field')?.hidden), true);
    await update.page.context().close();
  });
});
