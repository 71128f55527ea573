// Issue 12: the form's "Repeat" field in headless Chromium: the common rules from the start in one labelled select,
// the rule in words, the custom editor (a separate chunk, loaded when opened) used with the keyboard alone, and what
// the page sends.
import assert from 'node:assert/strict';
import type { FormPage } from './harness';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

/** The select's option labels and its value. */
function selectState(form: FormPage, id: string): Promise<{ labels: string[]; value: string }> {
  return form.page.locator(`#${id}`).evaluate((s) => {
    const select = s as HTMLSelectElement;
    return { labels: [...select.options].map((o) => o.text), value: select.value };
  });
}

describe('form: the Repeat field (headless Chromium)', function () {
  this.timeout(90_000);
  const ui = useFormPage();

  it('is a labelled select of the common rules from the start (2030-06-03 is a Monday), after the time zone', async () => {
    await ui.form.init();
    assert.equal(await ui.form.page.locator('#recurrence-label').textContent(), 'Repeat');
    assert.deepEqual(await selectState(ui.form, 'recurrence'), {
      labels: [
        'Does not repeat',
        'Every day',
        'Every week on Monday',
        'Every weekday (Monday to Friday)',
        'Every month on day 3',
        'Custom…',
      ],
      value: 'none',
    });
    assert.equal(await ui.form.page.locator('#recurrence-summary').textContent(), '');
    await ui.form.page.locator('#timeZone').focus();
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'recurrence', 'the field follows the time zone in the tab order');
    // Moving the start renames the choices.
    await ui.form.page.locator('#start').fill('2030-06-04T10:00');
    await ui.form.page.waitForFunction(() =>
      [...(document.getElementById('recurrence') as HTMLSelectElement).options].some(
        (o) => o.text === 'Every week on Tuesday',
      ),
    );
  });

  it('a common rule chosen by keyboard is described and sent; it follows a moved start', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ subject: 'Standup' }) }));
    await ui.form.pickOption(2, 'recurrence');
    assert.equal(await ui.form.page.locator('#recurrence-summary').textContent(), 'Repeats weekly, Mon.');
    assert.equal(await ui.form.page.locator('#recurrence-editor').count(), 0, 'no editor for a common rule');
    await ui.form.page.locator('#start').fill('2030-06-05T10:00');
    await ui.form.page.waitForFunction(
      () => document.getElementById('recurrence-summary')?.textContent === 'Repeats weekly, Wed.',
    );
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(JSON.parse(sent?.values.recurrence ?? ''), {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd' },
    });
  });

  it('the custom editor: every 2 weeks on Mon and Wed, 6 times, with the keyboard alone', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ subject: 'Pairing' }) }));
    await ui.form.page.locator('#recurrence').focus();
    await ui.form.page.keyboard.press('End'); // Custom…, the last choice
    await ui.form.page.waitForSelector('#recurrence-editor:not([hidden])');
    // Opened from the choice, focus goes to its first control.
    await ui.form.page.waitForFunction(() => document.activeElement?.id === 'recurrence-interval');
    const labels = await ui.form.page.evaluate(() =>
      ['recurrence-interval', 'recurrence-unit', 'recurrence-end'].map(
        (id) => document.querySelector(`label[for="${id}"]`)?.textContent,
      ),
    );
    assert.deepEqual(labels, ['Every', 'Unit', 'Ends']);
    assert.equal(
      await ui.form.page.locator('#recurrence-editor').getAttribute('aria-labelledby'),
      'recurrence-editor-title',
    );
    await ui.form.page.keyboard.press('Control+A');
    await ui.form.page.keyboard.type('2');
    // Tab to Wednesday's box (after the unit and Sunday..Tuesday) and tick it with Space.
    for (let i = 0; i < 12 && (await ui.form.focusedId()) !== 'recurrence-day-wednesday'; i++)
      await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'recurrence-day-wednesday');
    await ui.form.page.keyboard.press('Space');
    for (let i = 0; i < 12 && (await ui.form.focusedId()) !== 'recurrence-end'; i++)
      await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'recurrence-end');
    await ui.form.pickOption(2, 'recurrence-end');
    await ui.form.page.waitForSelector('#recurrence-count');
    await ui.form.page.locator('#recurrence-count').focus();
    await ui.form.page.keyboard.press('Control+A');
    await ui.form.page.keyboard.type('6');
    await ui.form.page.waitForFunction(
      () =>
        document.getElementById('recurrence-summary')?.textContent ===
        'Repeats every 2 weeks on Mon and Wed, 6 times.',
    );
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(JSON.parse(sent?.values.recurrence ?? ''), {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', numberOfOccurrences: 6 },
    });
  });

  it('monthly on "the first Monday" until a date; no days ticked is named before sending', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ subject: 'Review' }) }));
    await ui.form.page.locator('#recurrence').focus();
    await ui.form.page.keyboard.press('End'); // Custom…, the last choice
    await ui.form.page.waitForSelector('#recurrence-editor:not([hidden])');
    // Untick the start's Monday: a weekly rule with no day says so.
    await ui.form.page.locator('#recurrence-day-monday').click();
    await ui.form.page.waitForFunction(
      () => document.getElementById('recurrence-editor-hint')?.textContent === 'Choose at least one day.',
    );
    await ui.form.pickOption(1, 'recurrence-unit');
    await ui.form.page.waitForSelector('#recurrence-on');
    assert.deepEqual((await selectState(ui.form, 'recurrence-on')).labels, ['Day 3', 'The first Monday']);
    await ui.form.pickOption(1, 'recurrence-on');
    await ui.form.pickOption(1, 'recurrence-end');
    await ui.form.page.locator('#recurrence-end-date').fill('2030-12-31');
    await ui.form.page.waitForFunction(
      () =>
        document.getElementById('recurrence-summary')?.textContent ===
        'Repeats monthly on the first Mon until Dec 31, 2030.',
    );
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(JSON.parse(sent?.values.recurrence ?? ''), {
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'first' },
      range: { type: 'endDate', endDate: '2030-12-31' },
    });
  });

  it('Custom… reached with the arrows starts from the rule shown when the field was entered, not from the ones passed', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ subject: 'Pairing' }) }));
    // Down through Every day, Every week, Every weekday and Every month to Custom…: each step is a change.
    await ui.form.pickOption(5, 'recurrence');
    await ui.form.page.waitForSelector('#recurrence-editor:not([hidden])');
    // "Does not repeat" was shown: the editor starts weekly on the start's weekday (2030-06-03, a Monday).
    assert.equal((await selectState(ui.form, 'recurrence-unit')).value, 'weekly');
    assert.equal(await ui.form.page.locator('#recurrence-day-monday').isChecked(), true);
    // Entered again while a quick rule shows, the editor starts from that rule.
    await ui.form.page.locator('#subject').focus();
    await ui.form.page.locator('#recurrence').focus();
    await ui.form.page.keyboard.press('Home'); // Does not repeat
    await ui.form.pickOption(1); // Every day
    await ui.form.page.locator('#subject').focus();
    await ui.form.page.locator('#recurrence').focus();
    await ui.form.page.keyboard.press('End'); // Custom…
    await ui.form.page.waitForFunction(
      () => (document.getElementById('recurrence-unit') as HTMLSelectElement | null)?.value === 'daily',
    );
  });

  it('shows a series being updated: its rule, no "Does not repeat", and an end before the start named', async () => {
    const rule = JSON.stringify({
      pattern: { type: 'daily', interval: 3 },
      range: { type: 'endDate', endDate: '2030-07-01' },
    });
    await ui.form.init(
      sampleInit({
        mode: 'update',
        meetingId: 'M1',
        values: sampleValues({ subject: 'Series', recurrence: rule }),
      }),
    );
    const state = await selectState(ui.form, 'recurrence');
    assert.equal(state.value, 'custom');
    assert.ok(!state.labels.includes('Does not repeat'));
    await ui.form.page.waitForSelector('#recurrence-editor:not([hidden])');
    assert.equal(
      await ui.form.page.locator('#recurrence-summary').textContent(),
      'Repeats every 3 days until Jul 1, 2030.',
    );
    await ui.form.page.locator('#recurrence-end-date').fill('2030-05-01');
    await ui.form.page.locator('#submit').click();
    await ui.form.page.waitForFunction(
      () => (document.getElementById('recurrence-error')?.textContent ?? '') !== '',
    );
    assert.match(await ui.form.errorText('recurrence'), /cannot end/);
    assert.equal(submits(await ui.form.posted()).length, 0);
  });
});
