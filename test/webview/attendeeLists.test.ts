// Issue 12: the form's three attendee lists (required, optional, rooms and equipment) in headless Chromium:
// labelled, in the main section after the required list, sent as typed, shown from an update's values, and an
// address in two lists named with the other list's label.
import assert from 'node:assert/strict';
import type { FromWebview, SubmitMessage } from '../../src/shared/protocol';
import type { FormPage, Harness } from './harness';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';

function submits(posted: FromWebview[]): SubmitMessage[] {
  return posted.filter((m): m is SubmitMessage => m.type === 'submit');
}

describe('form: three attendee lists (headless Chromium)', function () {
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

  it('labels each list and puts them after the required attendees, outside More options', async () => {
    await form.init();
    const layout = await form.page.evaluate(() =>
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
    await form.init();
    await form.page.locator('#subject input').fill('Planning');
    await form.page.locator('#attendees textarea').fill('ana@contoso.example');
    await form.page.keyboard.press('Tab');
    assert.equal(await form.focusedId(), 'optionalAttendees');
    await form.page.keyboard.type('Bo <bo@contoso.example>');
    await form.page.keyboard.press('Tab');
    assert.equal(await form.focusedId(), 'resources');
    await form.page.keyboard.type('room1@contoso.example');
    await form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await form.waitForPosted(2));
    assert.deepEqual(
      [sent?.values.attendees, sent?.values.optionalAttendees, sent?.values.resources],
      [['ana@contoso.example'], ['bo@contoso.example'], ['room1@contoso.example']],
    );
  });

  it("shows an update's lists, and names the other list of an address given twice", async () => {
    await form.init(
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
    assert.equal(await form.page.locator('#optionalAttendees textarea').inputValue(), 'bo@contoso.example');
    assert.equal(await form.page.locator('#resources textarea').inputValue(), 'room1@contoso.example');
    await form.page.locator('#resources textarea').fill('room1@contoso.example\nANA@contoso.example');
    await form.page.locator('#subject input').focus();
    assert.match(await form.errorText('resources'), /ANA@contoso\.example.*"Required attendees"/);
  });
});
