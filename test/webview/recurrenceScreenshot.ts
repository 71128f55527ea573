// Renders the form's "Repeat" field in Light+ and Dark+ (a common rule; the custom editor open) into test-results/.
// Run: npx tsx test/webview/recurrenceScreenshot.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';
import { darkPlus, lightPlus } from './themes';

async function main(): Promise<void> {
  const out = join(__dirname, '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  buildPage();
  const harness = await startHarness();
  const viewport = { width: 1000, height: 900 };
  const custom = JSON.stringify({
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
    range: { type: 'endDate', endDate: '2030-12-31' },
  });
  try {
    for (const [name, theme] of [
      ['light', lightPlus],
      ['dark', darkPlus],
    ] as const) {
      const form = await harness.open(theme, viewport);
      await form.init(
        sampleInit({
          values: sampleValues({ subject: 'Pairing', attendees: ['ana@example.com'], recurrence: custom }),
        }),
      );
      await form.page.waitForSelector('#recurrence-editor:not([hidden])');
      await form.page.locator('#recurrence-interval').focus();
      await form.page.screenshot({ path: join(out, `form-${name}-recurrence.png`) });
      await form.page.context().close();
    }
  } finally {
    await harness.close();
  }
  console.log(`Screenshots in ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
