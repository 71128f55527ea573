// Issue 13's states for the screenshots (test/webview/screenshot.ts): people suggestions open, the strips with a
// suggested time picked, and a form whose features are unavailable. Shared helpers for test/webview/findTime.test.ts.
import { join } from 'node:path';
import { formControl, formFieldOrder } from '../../src/core/fields';
import type { FindTimeFeatures, FormValues, FromWebview } from '../../src/shared/protocol';
import type { FormPage, Harness } from './harness';
import { sampleInit, sampleValues } from './harness';
import type { WebviewTheme } from './themes';

/** Every feature offered. */
export const allFeatures: FindTimeFeatures = {
  people: { state: 'available' },
  availability: { state: 'available' },
  suggestions: { state: 'available' },
  rooms: { state: 'available' },
};

/** The sample values with every attendee list the field table has (empty unless given). */
export function findTimeValues(over: Partial<FormValues> = {}): FormValues {
  const out: Record<string, unknown> = { ...sampleValues() };
  for (const name of formFieldOrder) if (formControl(name).control === 'attendees') out[name] ??= [];
  return { ...out, ...over } as FormValues;
}

/** Waits until the page has posted `count` messages of `type`, and returns them. */
export async function waitForPosted<T extends FromWebview['type']>(
  form: FormPage,
  type: T,
  count = 1,
): Promise<Extract<FromWebview, { type: T }>[]> {
  await form.page.waitForFunction(
    ([t, n]) =>
      (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === t).length >=
      n,
    [type, count] as const,
  );
  return (await form.posted()).filter((m): m is Extract<FromWebview, { type: T }> => m.type === type);
}

/** Renders issue 13's states into `out` as form-<name>-people.png, -availability.png, -unavailable.png. */
export async function findTimeScreens(
  harness: Harness,
  theme: WebviewTheme,
  name: string,
  out: string,
  viewport: { width: number; height: number },
): Promise<void> {
  const form = await harness.open(theme, viewport);
  await form.init(
    sampleInit({
      values: findTimeValues({ subject: 'Design review', attendees: ['ana@contoso.com', 'bo@contoso.com'] }),
      findTime: allFeatures,
    }),
  );
  const [fb] = await waitForPosted(form, 'freeBusyQuery');
  await form.send({
    type: 'freeBusy',
    requestId: fb.requestId,
    schedules: [
      { address: 'me@contoso.com', organizer: true, busy: [{ start: 540, end: 600, status: 'busy' }] },
      {
        address: 'ana@contoso.com',
        busy: [
          { start: 600, end: 660, status: 'busy' },
          { start: 840, end: 900, status: 'tentative' },
        ],
      },
      { address: 'bo@contoso.com', busy: [{ start: 0, end: 1440, status: 'oof' }] },
      { address: 'ext@fabrikam.com', busy: [], unknown: true },
    ],
  });
  await form.page.locator('#suggest-times').click();
  const [times] = await waitForPosted(form, 'timesQuery');
  await form.send({
    type: 'times',
    requestId: times.requestId,
    suggestions: [
      {
        start: '2030-06-03T11:00',
        end: '2030-06-03T11:30',
        confidence: 100,
        attendees: [
          { address: 'ana@contoso.com', availability: 'free' },
          { address: 'bo@contoso.com', availability: 'oof' },
        ],
      },
      {
        start: '2030-06-03T15:00',
        end: '2030-06-03T15:30',
        confidence: 50,
        attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
      },
    ],
  });
  await form.page.locator('#suggestion-0').click();
  await form.page.locator('#find-time').scrollIntoViewIfNeeded();
  await form.page.screenshot({ path: join(out, `form-${name}-availability.png`) });

  const box = form.page.locator('#attendees');
  await box.press('End');
  await box.pressSequentially('\nAnd', { delay: 20 });
  const [people] = await waitForPosted(form, 'peopleQuery');
  await form.send({
    type: 'people',
    requestId: people.requestId,
    people: [
      { name: 'Anders Berg', address: 'anders@contoso.com' },
      { name: 'Andrea Costa', address: 'andrea.costa@contoso.com' },
      { name: '', address: 'andy@fabrikam.com' },
    ],
  });
  await form.page.locator('#attendees-people').waitFor({ state: 'visible' });
  await box.press('ArrowDown');
  await form.page.locator('#attendees-field').scrollIntoViewIfNeeded();
  await form.page.screenshot({ path: join(out, `form-${name}-people.png`) });
  await form.page.context().close();

  const off = await harness.open(theme, viewport);
  const personal = 'Free/busy unavailable: personal Microsoft accounts do not have it.';
  await off.init(
    sampleInit({
      values: findTimeValues(),
      findTime: {
        people: { state: 'ask', reason: 'People suggestions: permission needed, asked when you use it.' },
        availability: { state: 'unavailable', reason: personal },
        suggestions: { state: 'unavailable', reason: personal },
        rooms: { state: 'unavailable', reason: 'Rooms unavailable: your organization has not allowed it.' },
      },
    }),
  );
  await off.page.locator('#find-time').waitFor();
  await off.page.locator('#find-time').scrollIntoViewIfNeeded();
  await off.page.screenshot({ path: join(out, `form-${name}-unavailable.png`) });
  await off.page.context().close();
}
