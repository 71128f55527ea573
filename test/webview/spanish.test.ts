// The form in Spanish: the strings the host sends (each English text through l10n/bundle.l10n.es.json, as
// vscode.l10n.t does with a Spanish display language), the page's lang `es` (what the host sets from
// vscode.env.language), dates and times in Spanish. Screenshots: test-results/form-es-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { validationMessages } from '../../src/core/messages';
import { formStrings } from '../../src/shared/formStrings';
import type { InitMessage, SubmitMessage } from '../../src/shared/protocol';
import { readStrings } from '../../scripts/l10nMissing';
import type { Harness } from './harness';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';
import { lightPlus } from './themes';

const es = readStrings('l10n/bundle.l10n.es.json');
/** An English table through the Spanish bundle, as the host's `vscode.l10n.t` does (English when missing). */
function spanish<T extends Record<string, string>>(table: T): T {
  return Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, typeof es[v] === 'string' ? es[v] : v]),
  ) as T;
}

describe('meeting form in Spanish (headless Chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  const out = join(__dirname, '..', '..', 'test-results');

  before(async () => {
    mkdirSync(out, { recursive: true });
    buildPage();
    harness = await startHarness();
  });
  after(async () => harness?.close());

  it('shows every form string in Spanish, dates included, and takes a screenshot', async () => {
    const form = await harness.open(lightPlus, { width: 1280, height: 800 });
    try {
      await form.waitForPosted(1);
      // The host renders <html lang> from vscode.env.language.
      await form.page.evaluate(() => (document.documentElement.lang = 'es'));
      const init: InitMessage = sampleInit({
        values: sampleValues({ attendees: ['ana@contoso.example'] }),
        strings: spanish(formStrings),
        messages: spanish(validationMessages),
      });
      await form.send(init);
      await form.page.waitForSelector('#form');
      assert.equal(await form.page.locator('h1').textContent(), es[formStrings.titleSchedule]);
      assert.notEqual(es[formStrings.titleSchedule], formStrings.titleSchedule);
      assert.equal(
        await form.page.locator('#more-options-summary').textContent(),
        es[formStrings.moreOptions],
      );
      await form.page.screenshot({ path: join(out, 'form-es-empty.png') });

      await form.page.locator('#end').fill('2030-06-03T09:00');
      await form.page.locator('#subject').fill('Revisión del diseño');
      await form.page.locator('#submit').click();
      await form.page.screenshot({ path: join(out, 'form-es-errors.png') });
      await form.page.locator('#end').fill('2030-06-03T11:00');
      await form.page.locator('#submit').click();
      const sent = (await form.waitForPosted(2)).find((m): m is SubmitMessage => m.type === 'submit');
      assert.ok(sent);
      await form.send({ type: 'result', requestId: sent.requestId, ok: true, meetingId: 'AAMk=1' });
      await form.page.waitForSelector('#success:not([hidden])');
      const success = (await form.page.locator('#success').innerText()).toLowerCase();
      // 3 June 2030 is a Monday: the summary's date is written in Spanish.
      assert.match(success, /lunes/);
      assert.match(success, /junio/);
      await form.page.screenshot({ path: join(out, 'form-es-success.png') });
    } finally {
      await form.page.context().close();
    }
  });
});
