// Renders the form in Light+ and Dark+ at 1280x800 (empty, confirming, with validation errors, sending, after
// success, locked; issue 13: availability, people suggestions, features unavailable) into test-results/.
// Run: npx tsx test/webview/screenshot.ts
import { join } from 'node:path';
import { runScreenshots, sampleInit, sampleValues } from './harness';
import { findTimeScreens } from './findTimeScreens';

const viewport = { width: 1280, height: 800 };

runScreenshots(async ({ harness, theme, name, out }) => {
  const empty = await harness.open(theme, viewport);
  await empty.init(sampleInit({ values: sampleValues() }));
  await empty.page.screenshot({ path: join(out, `form-${name}-empty.png`) });
  await empty.page.locator('#start').fill('2020-06-03T10:00');
  await empty.page.locator('#submit').click();
  await empty.page.screenshot({ path: join(out, `form-${name}-confirm.png`) });

  const invalid = await harness.open(theme, viewport);
  await invalid.init(
    sampleInit({
      teams: {
        enabled: false,
        reason: 'Teams meetings are not available for personal Microsoft accounts.',
      },
    }),
  );
  await invalid.page.locator('#subject').fill('Quarterly planning');
  await invalid.page
    .locator('#attendees')
    .fill('Ana Smith <ana@example.com>; bob@\nnot an address; ANA@example.com');
  await invalid.page.locator('#end').fill('2030-06-03T09:00');
  await invalid.page.locator('#submit').click();
  await invalid.page.screenshot({ path: join(out, `form-${name}-errors.png`) });

  const done = await harness.open(theme, viewport);
  await done.init(sampleInit({ values: sampleValues({ teamsMeeting: true }) }));
  await done.page.locator('#subject').fill('Design review');
  await done.page.locator('#attendees').fill('Ana Smith <ana@example.com>; bo@example.com');
  await done.page.locator('#submit').click();
  const submit = (await done.waitForPosted(2)).find((m) => m.type === 'submit');
  if (submit?.type !== 'submit') throw new Error('no submit');
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
  const locked = await harness.open(theme, viewport);
  await locked.init(
    sampleInit({
      mode: 'update',
      meetingId: 'AAMkAGI2TG93AAA=',
      values: sampleValues({
        subject: 'Weekly sync',
        attendees: ['ana@example.com'],
        teamsMeeting: true,
      }),
    }),
  );
  await locked.send({ type: 'lock', reason: 'This meeting was cancelled. It can no longer be changed.' });
  await locked.page.waitForFunction(() => document.getElementById('submit')?.hasAttribute('disabled'));
  await locked.page.screenshot({ path: join(out, `form-${name}-locked.png`) });
  for (const p of [empty, invalid, done, locked]) await p.page.context().close();
  await findTimeScreens(harness, theme, name, out, viewport);
});
