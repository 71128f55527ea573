// Renders the form's "Repeat" field in Light+ and Dark+ (a common rule; the custom editor open) into test-results/.
// Run: npx tsx test/webview/recurrenceScreenshot.ts
import { join } from 'node:path';
import { runScreenshots, sampleInit, sampleValues } from './harness';

const viewport = { width: 1000, height: 900 };
const custom = JSON.stringify({
  pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
  range: { type: 'endDate', endDate: '2030-12-31' },
});

runScreenshots(async ({ harness, theme, name, out }) => {
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
});
