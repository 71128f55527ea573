// Issue 12: the form's all-day switch in headless Chromium: labelled, used by keyboard, it turns the start and end
// fields into days (the end the last day) and back; the submit carries the days; an all-day update shows days.
import assert from 'node:assert/strict';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

describe('form: the all-day switch (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  const times = () =>
    ui.form.page.evaluate(() =>
      ['start', 'end'].map((id) => {
        const field = document.getElementById(id) as HTMLElement & { value: string };
        return [field.getAttribute('type'), field.value];
      }),
    );

  it('is a labelled switch after the times; Space turns the times into days and back', async () => {
    await ui.form.init();
    assert.equal(await ui.form.page.locator('label[for=isAllDay]').textContent(), 'All day');
    await ui.form.page.locator('#end').focus();
    // Tab walks the date-time field's parts first, then leaves it for the switch.
    for (let i = 0; i < 10 && (await ui.form.focusedId()) === 'end'; i++)
      await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'isAllDay');
    await ui.form.page.keyboard.press('Space');
    assert.deepEqual(await times(), [
      ['date', '2030-06-03'],
      ['date', '2030-06-03'],
    ]);
    await ui.form.page.keyboard.press('Space');
    assert.deepEqual(await times(), [
      ['datetime-local', '2030-06-03T09:00'],
      ['datetime-local', '2030-06-03T09:30'],
    ]);
  });

  it('sends the days of an all-day meeting, the end the last day', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Offsite');
    await ui.form.page.locator('#isAllDay').click();
    await ui.form.page.locator('#end').fill('2030-06-04');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(
      [sent?.values.isAllDay, sent?.values.start, sent?.values.end],
      [true, '2030-06-03', '2030-06-04'],
    );
  });

  it('shows an all-day update as days', async () => {
    await ui.form.init(
      sampleInit({
        mode: 'update',
        meetingId: 'M1',
        values: sampleValues({ subject: 'Holiday', isAllDay: true, start: '2030-06-03', end: '2030-06-05' }),
      }),
    );
    assert.deepEqual(await times(), [
      ['date', '2030-06-03'],
      ['date', '2030-06-05'],
    ]);
    assert.equal(
      await ui.form.page
        .locator('#isAllDay')
        .evaluate((e) => (e as HTMLElement & { checked: boolean }).checked),
      true,
    );
  });
});
