// Meetings about code: the form offers the people who last changed the lines; nobody is added until the user chooses.
import assert from 'node:assert/strict';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

const people = [
  { name: 'Ana López', address: 'ana@contoso.example' },
  { name: 'Bo', address: 'bo@contoso.example' },
  { name: 'Cy', address: 'cy@contoso.example' },
];

describe('meeting form page: suggested attendees (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  it('lists them without inviting anyone; Enter on each adds it, the focus moving on, then back to the attendees', async () => {
    await ui.form.init(
      sampleInit({
        values: sampleValues({ subject: 'Discuss tree.ts', attendees: ['cy@contoso.example'] }),
        suggestedAttendees: people,
      }),
    );
    const buttons = ui.form.page.locator('#suggested button');
    await buttons.first().waitFor();
    // Cy is already invited: not suggested again.
    assert.deepEqual(await buttons.allTextContents(), [
      'Add Ana López <ana@contoso.example>',
      'Add Bo <bo@contoso.example>',
    ]);
    assert.equal(await ui.form.page.locator('#attendees').inputValue(), 'cy@contoso.example');
    assert.match((await ui.form.page.locator('#suggested-label').textContent()) ?? '', /Nobody is invited/);

    await ui.form.page.locator('#suggested-0').focus();
    await ui.form.page.keyboard.press('Enter');
    await ui.form.page.waitForFunction(() => document.activeElement?.id === 'suggested-1');
    assert.equal(
      await ui.form.page.locator('#attendees').inputValue(),
      'cy@contoso.example\nana@contoso.example',
    );
    await ui.form.page.keyboard.press('Space');
    await ui.form.page.waitForFunction(() => document.activeElement?.id === 'attendees');
    assert.equal(await ui.form.page.locator('#suggested').count(), 0, 'nobody left to suggest');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(sent?.values.attendees, [
      'cy@contoso.example',
      'ana@contoso.example',
      'bo@contoso.example',
    ]);
  });

  it('shows nothing when there are no suggestions', async () => {
    await ui.form.init(sampleInit());
    assert.equal(await ui.form.page.locator('#suggested').count(), 0);
  });
});
