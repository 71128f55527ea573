// Accessibility audit: axe-core over the form in every state, in the light and dark themes; any WCAG 2.1 A/AA
// violation fails. One row of `states` per state: a new state (a feature's panel, a new message) is one line here.
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { InitMessage, SubmitMessage } from '../../src/shared/protocol';
import type { FormPage, Harness } from './harness';
import { buildPage, sampleInit, sampleValues, startHarness } from './harness';
import { allFeatures, findTimeValues, waitForPosted } from './findTimeScreens';
import { darkPlus, lightPlus } from './themes';

/** A form state: the `init` it opens with, then what brings it there (clicks, keys, host messages). */
interface AuditState {
  name: string;
  init?: Partial<InitMessage>;
  reach?: (form: FormPage) => Promise<void>;
}

/** Types a subject (an untouched form asks first), presses Send and returns the submit the page posted. */
async function send(form: FormPage): Promise<SubmitMessage> {
  await form.page.locator('#subject').fill('Design review');
  await form.page.locator('#submit').click();
  const posted = await form.waitForPosted(2);
  return posted.find((m): m is SubmitMessage => m.type === 'submit')!;
}

const filled = { values: sampleValues({ attendees: ['ana@contoso.example'] }) };

export const states: AuditState[] = [
  { name: 'empty' },
  { name: 'more options open', reach: (f) => f.page.locator('#more-options-summary').click() },
  {
    name: 'custom repeat editor open',
    init: {
      values: sampleValues({
        recurrence: JSON.stringify({
          pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
          range: { type: 'numbered', numberOfOccurrences: 5 },
        }),
      }),
    },
    reach: async (f) => void (await f.page.waitForSelector('#recurrence-editor:not([hidden])')),
  },
  { name: 'confirm (untouched)', reach: (f) => f.page.locator('#submit').click() },
  {
    name: 'errors, Teams disabled with its reason',
    init: { teams: { enabled: false, reason: 'Not for personal accounts.' } },
    reach: async (f) => {
      await f.page.locator('#attendees').fill('ana@example.com\nbob@\nana@example.com');
      await f.page.locator('#end').fill('2030-06-03T09:00');
      await f.page.locator('#submit').click();
    },
  },
  { name: 'submitting', init: filled, reach: async (f) => void (await send(f)) },
  {
    name: 'failed with a message',
    init: filled,
    reach: async (f) => {
      const sent = await send(f);
      await f.send({
        type: 'result',
        requestId: sent.requestId,
        ok: false,
        message: 'The meeting could not be saved.',
      });
      await f.page.waitForFunction(() => !document.getElementById('submit')?.hasAttribute('disabled'));
    },
  },
  {
    name: 'success, ID copied',
    init: { values: sampleValues({ teamsMeeting: true }) },
    reach: async (f) => {
      const sent = await send(f);
      await f.send({
        type: 'result',
        requestId: sent.requestId,
        ok: true,
        meetingId: 'AAMk=1',
        canJoin: true,
      });
      await f.page.waitForSelector('#success:not([hidden])');
      await f.page.locator('#action-copyId').click();
      // The ID is labelled by its own row, not by a second label that would read it twice.
      assert.equal(await f.page.locator('#meetingId').getAttribute('aria-labelledby'), null);
    },
  },
  {
    name: 'update',
    init: {
      mode: 'update',
      meetingId: 'M1',
      values: sampleValues({ subject: 'Weekly', teamsMeeting: true }),
    },
  },
  {
    name: 'locked',
    init: { mode: 'update', meetingId: 'M1', values: sampleValues({ subject: 'Weekly' }) },
    reach: async (f) => {
      await f.send({ type: 'lock', reason: 'This meeting was cancelled. It can no longer be changed.' });
      await f.page.waitForFunction(() => document.getElementById('submit')?.hasAttribute('disabled'));
    },
  },
  {
    name: 'closed draft offered',
    init: { closedDraft: sampleValues({ subject: 'Unsent' }) },
  },
  {
    name: 'find a time: free/busy strips, suggested times, people suggestions open',
    init: { values: findTimeValues({ attendees: ['ana@contoso.com'] }), findTime: allFeatures },
    reach: async (f) => {
      const [fb] = await waitForPosted(f, 'freeBusyQuery');
      await f.send({
        type: 'freeBusy',
        requestId: fb.requestId,
        schedules: [
          { address: 'me@contoso.com', organizer: true, busy: [{ start: 540, end: 570, status: 'busy' }] },
          { address: 'ana@contoso.com', busy: [{ start: 600, end: 660, status: 'oof' }] },
        ],
      });
      await f.page.locator('#suggest-times').click();
      const [times] = await waitForPosted(f, 'timesQuery');
      await f.send({
        type: 'times',
        requestId: times.requestId,
        suggestions: [
          {
            start: '2030-06-03T13:00',
            end: '2030-06-03T13:30',
            confidence: 100,
            attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
          },
        ],
      });
      const box = f.page.locator('#attendees');
      await box.press('End');
      await box.pressSequentially('\nAnd', { delay: 30 });
      const [people] = await waitForPosted(f, 'peopleQuery');
      await f.send({
        type: 'people',
        requestId: people.requestId,
        people: [
          { name: 'Ana Lima', address: 'ana@contoso.com' },
          { name: 'Anders Berg', address: 'anders@contoso.com' },
        ],
      });
      await f.page.locator('#attendees-people').waitFor({ state: 'visible' });
      await box.press('ArrowDown');
    },
  },
  {
    name: 'find a time: a feature line with Allow',
    init: { values: findTimeValues(), findTime: allFeatures },
    reach: (f) =>
      f.send({
        type: 'feature',
        feature: 'rooms',
        state: { state: 'ask', reason: 'Rooms need permission.' },
      }),
  },
  {
    name: 'suggested attendees (meetings about code)',
    init: {
      values: sampleValues({
        subject: 'Discuss tree.ts',
        content: 'src/tree.ts, lines 2–3\n\n```ts\nx\n```\n',
      }),
      suggestedAttendees: [
        { name: 'Ana López', address: 'ana@contoso.example' },
        { name: 'Bo', address: 'bo@contoso.example' },
      ],
    },
  },
];

/** The WCAG 2.1 A and AA violations axe finds on the page, one line each. */
async function audit(form: FormPage): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline scripts) does not apply.
  await form.page.evaluate(axe.source);
  return form.page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
    );
  });
}

// Light with the bright error red issue 15 measured (#f85149, 3.35:1 on white): the page must still reach 4.5:1.
const lightBrightError = { ...lightPlus, vars: { ...lightPlus.vars, '--vscode-errorForeground': '#f85149' } };

describe('meeting form accessibility (axe-core, WCAG 2.1 AA, headless Chromium)', function () {
  this.timeout(120_000);
  let harness: Harness;

  before(async () => {
    buildPage();
    harness = await startHarness();
  });
  after(async () => harness?.close());

  for (const [themeName, theme] of [
    ['light', lightBrightError],
    ['dark', darkPlus],
  ] as const) {
    it(`has no violations in any state, ${themeName} theme`, async () => {
      const failures: string[] = [];
      for (const state of states) {
        const form = await harness.open(theme, { width: 1280, height: 800 });
        try {
          await form.init(sampleInit(state.init));
          await state.reach?.(form);
          for (const v of await audit(form)) failures.push(`[${state.name}] ${v}`);
        } finally {
          await form.page.context().close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
