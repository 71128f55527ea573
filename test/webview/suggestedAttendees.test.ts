// Meetings about code: the form offers the people who last changed the lines; nobody is added until the user chooses.
import assert from 'node:assert/strict';
import type { FromWebview, SubmitMessage } from '../../src/shared/protocol';
import type { FormPage, Harness } from './harness';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';

const people = [
  { name: 'Ana López', address: 'ana@contoso.example' },
  { name: 'Bo', address: 'bo@contoso.example' },
  { name: 'Cy', address: 'cy@contoso.example' },
];

function submits(posted: FromWebview[]): SubmitMessage[] {
  return posted.filter((m): m is SubmitMessage => m.type === 'submit');
}

describe('meeting form page: suggested attendees (headless Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let form: FormPage;

  before(async () => {
    buildPage();
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    form = await harness.open();
  });
  afterEach(async () => {
    assert.deepEqual(await form.violations(), [], 'no CSP violations');
    await form.page.context().close();
  });

  it('lists them without inviting anyone; Enter on each adds it, the focus moving on, then back to the attendees', async () => {
    await form.init(
      sampleInit({
        values: sampleValues({ subject: 'Discuss tree.ts', attendees: ['cy@contoso.example'] }),
        suggestedAttendees: people,
      }),
    );
    const buttons = form.page.locator('#suggested vscode-button');
    await buttons.first().waitFor();
    // Cy is already invited: not suggested again.
    assert.deepEqual(await buttons.allTextContents(), [
      'Add Ana López <ana@contoso.example>',
      'Add Bo <bo@contoso.example>',
    ]);
    assert.equal(await form.page.locator('#attendees textarea').inputValue(), 'cy@contoso.example');
    assert.match((await form.page.locator('#suggested-label').textContent()) ?? '', /Nobody is invited/);

    await form.page.locator('#suggested-0').focus();
    await form.page.keyboard.press('Enter');
    await form.page.waitForFunction(() => document.activeElement?.id === 'suggested-1');
    assert.equal(
      await form.page.locator('#attendees textarea').inputValue(),
      'cy@contoso.example\nana@contoso.example',
    );
    await form.page.keyboard.press('Space');
    await form.page.waitForFunction(() => document.activeElement?.id === 'attendees');
    assert.equal(await form.page.locator('#suggested').count(), 0, 'nobody left to suggest');
    await form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await form.waitForPosted(2));
    assert.deepEqual(sent?.values.attendees, [
      'cy@contoso.example',
      'ana@contoso.example',
      'bo@contoso.example',
    ]);
  });

  it('shows nothing when there are no suggestions', async () => {
    await form.init(sampleInit());
    assert.equal(await form.page.locator('#suggested').count(), 0);
  });
});
