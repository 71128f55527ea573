// Renders the form in Light+ and Dark+ (empty, with validation errors, after success) into test-results/.
// Run: npx tsx test/webview/screenshot.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';
import { darkPlus, lightPlus } from './themes';

async function main(): Promise<void> {
  const out = join(__dirname, '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  buildPage();
  const harness = await startHarness();
  try {
    for (const [name, theme] of [
      ['light', lightPlus],
      ['dark', darkPlus],
    ] as const) {
      const empty = await harness.open(theme);
      await empty.init(sampleInit({ values: sampleValues() }));
      await empty.page.screenshot({ path: join(out, `form-${name}-empty.png`) });

      const invalid = await harness.open(theme);
      await invalid.init(
        sampleInit({
          teams: {
            enabled: false,
            reason: 'Teams meetings are not available for personal Microsoft accounts.',
          },
        }),
      );
      await invalid.page.locator('#subject input').fill('Quarterly planning');
      await invalid.page.locator('#attendees textarea').fill('ana@example.com\nbob@\nnot an address');
      await invalid.page.locator('#end input').fill('2030-06-03T09:00');
      await invalid.page.locator('#submit').click();
      await invalid.page.screenshot({ path: join(out, `form-${name}-errors.png`) });

      const done = await harness.open(theme);
      await done.init(sampleInit({ values: sampleValues({ teamsMeeting: true }) }));
      await done.page.locator('#subject input').fill('Design review');
      await done.page.locator('#submit').click();
      const [, submit] = await done.waitForPosted(2);
      if (submit.type !== 'submit') throw new Error('no submit');
      await done.page.screenshot({ path: join(out, `form-${name}-sending.png`) });
      await done.send({
        type: 'result',
        requestId: submit.requestId,
        ok: true,
        meetingId: 'AAMkAGI2TG93AAA=',
        canJoin: true,
      });
      await done.page.waitForSelector('#success:not([hidden])');
      await done.page.screenshot({ path: join(out, `form-${name}-success.png`) });
      for (const p of [empty, invalid, done]) await p.page.context().close();
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
