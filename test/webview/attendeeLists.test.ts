// Issue 12: the form's three attendee lists (required, optional, rooms and equipment) in headless Chromium:
// labelled, in the main section after the required list, sent as typed, shown from an update's values, and an
// address in two lists named with the other list's label.
import assert from 'node:assert/strict';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

describe('form: three attendee lists (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  it('labels each list and puts them after the required attendees, outside More options', async () => {
    await ui.form.init();
    const layout = await ui.form.page.evaluate(() =>
      ['attendees', 'optionalAttendees', 'resources'].map((id) => ({
        label: document.getElementById(`${id}-label`)?.textContent,
        labelFor: (document.getElementById(`${id}-label`) as HTMLLabelElement | null)?.htmlFor,
        inMore: document.getElementById(id)?.closest('#more-options') !== null,
      })),
    );
    assert.deepEqual(layout, [
      { label: 'Required attendees', labelFor: 'attendees', inMore: false },
      { label: 'Optional attendees', labelFor: 'optionalAttendees', inMore: false },
      { label: 'Rooms and equipment', labelFor: 'resources', inMore: false },
    ]);
  });

  it('sends the optional attendees and rooms typed, from the keyboard', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Planning');
    await ui.form.page.locator('#attendees').fill('ana@contoso.example');
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'optionalAttendees');
    await ui.form.page.keyboard.type('Bo <bo@contoso.example>');
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'resources');
    await ui.form.page.keyboard.type('room1@contoso.example');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(
      [sent?.values.attendees, sent?.values.optionalAttendees, sent?.values.resources],
      [['ana@contoso.example'], ['bo@contoso.example'], ['room1@contoso.example']],
    );
  });

  it("shows an update's lists, and names the other list of an address given twice", async () => {
    await ui.form.init(
      sampleInit({
        mode: 'update',
        meetingId: 'M1',
        values: sampleValues({
          subject: 'Sync',
          attendees: ['ana@contoso.example'],
          optionalAttendees: ['bo@contoso.example'],
          resources: ['room1@contoso.example'],
        }),
      }),
    );
    assert.equal(await ui.form.page.locator('#optionalAttendees').inputValue(), 'bo@contoso.example');
    assert.equal(await ui.form.page.locator('#resources').inputValue(), 'room1@contoso.example');
    await ui.form.page.locator('#resources').fill('room1@contoso.example\nANA@contoso.example');
    await ui.form.page.locator('#subject').focus();
    assert.match(await ui.form.errorText('resources'), /ANA@contoso\.example.*"Required attendees"/);
  });
});
