// The built form page in headless Chromium, with a stand-in for acquireVsCodeApi.
import assert from 'node:assert/strict';
import { formControl, formFieldOrder } from '../../src/core/fields';
import { wallTimeIn } from '../../src/shared/formModel';
import type { SubmitMessage } from '../../src/shared/protocol';
import type { FormPage } from './harness';
import { allFeatures } from './findTimeScreens';
import { sampleInit, sampleValues, submits, useFormPage } from './harness';

/** Types a subject, presses Create and returns the submit the page posted (after its ready). */
async function submitWithSubject(form: FormPage, subject: string): Promise<SubmitMessage> {
  await form.page.locator('#subject').fill(subject);
  await form.page.locator('#submit').click();
  return submits(await form.waitForPosted(2))[0] as SubmitMessage;
}

/** Answers the page's submit with success: the meeting's ID and whether it can be joined. */
function succeed(form: FormPage, sent: SubmitMessage, meetingId: string, canJoin: boolean): Promise<void> {
  return form.send({ type: 'result', requestId: sent.requestId, ok: true, meetingId, canJoin });
}

describe('meeting form page (headless Chromium)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  it('posts ready, shows nothing interactive before init, then renders the form', async () => {
    const posted = await ui.form.waitForPosted(1);
    assert.deepEqual(posted, [{ type: 'ready' }]);
    const before = await ui.form.page.evaluate(() => ({
      controls: document.querySelectorAll('input, textarea, select, button').length,
      busy: document.getElementById('app')?.getAttribute('aria-busy'),
    }));
    assert.deepEqual(before, { controls: 0, busy: 'true' });
    await ui.form.send(
      sampleInit({ values: sampleValues({ subject: 'Planning', attendees: ['a@example.com'] }) }),
    );
    await ui.form.page.waitForSelector('#form');
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Planning');
    assert.equal(await ui.form.page.locator('#attendees').inputValue(), 'a@example.com');
    assert.equal(await ui.form.page.locator('#start').inputValue(), '2030-06-03T10:00');
    assert.equal(await ui.form.page.locator('h1').textContent(), 'Schedule meeting');
    assert.equal(await ui.form.page.locator('#duration').textContent(), 'Duration: 30 min');
  });

  it('shows validation messages for a missing start, an end before the start and each bad attendee', async () => {
    await ui.form.init();
    await ui.form.page.locator('#end').fill('2030-06-03T09:00');
    assert.match(await ui.form.errorText('end'), /must be after the start/);
    await ui.form.page.locator('#attendees').fill('ok@example.com\nbob@\n<x>@evil');
    await ui.form.page.locator('#subject').focus();
    const attendeeErrors = await ui.form.page
      .locator('#attendees-error .error-line')
      .evaluateAll((els) => els.map((e) => e.textContent));
    assert.equal(attendeeErrors.length, 2);
    assert.match(attendeeErrors[0] ?? '', /"bob@" is not one/);
    assert.match(attendeeErrors[1] ?? '', /"<x>@evil" is not one/);
    assert.equal(await ui.form.page.locator('#attendees').getAttribute('aria-invalid'), 'true');
    assert.equal(await ui.form.page.locator('#attendees').getAttribute('aria-invalid'), 'true');
    await ui.form.page.locator('#start').fill('');
    assert.match(await ui.form.errorText('start'), /required/);
    await ui.form.page.locator('#submit').click();
    assert.equal(await ui.form.focusedId(), 'start', 'focus on the first invalid field');
    assert.equal(
      await ui.form.page.locator('#status').textContent(),
      'Please correct the highlighted fields.',
    );
    assert.equal(submits(await ui.form.posted()).length, 0, 'nothing sent while invalid');
    await ui.form.page.locator('#start').fill('2030-06-03T08:00');
    await ui.form.page.locator('#end').fill('2030-06-03T08:45');
    await ui.form.page.locator('#attendees').fill('ok@example.com');
    assert.equal(await ui.form.errorText('start'), '');
    assert.equal(await ui.form.errorText('end'), '');
    assert.equal(await ui.form.errorText('attendees'), '');
  });

  it('keeps the duration when the start changes', async () => {
    await ui.form.init();
    await ui.form.page.locator('#start').fill('2030-06-03T14:15');
    assert.equal(await ui.form.page.locator('#end').inputValue(), '2030-06-03T14:45');
  });

  it('can be filled and submitted with the keyboard alone, in a sensible tab order', async () => {
    await ui.form.init();
    await ui.form.page.waitForFunction(() => document.activeElement?.id === 'subject');
    const order: string[] = ['subject'];
    for (let i = 0; i < 40 && order.at(-1) !== 'submit'; i++) {
      await ui.form.page.keyboard.press('Tab');
      const id = await ui.form.focusedId();
      if (id && order.at(-1) !== id) order.push(id);
    }
    // Every control of the field table, in its order (a control's id is its field's name), then Send; the options
    // sit in the collapsed "More options" section: its summary is in the order, their controls are not, until
    // the keyboard opens it.
    // The calendar picker shows only with the host's list of calendars (test/webview/calendarPicker.test.ts).
    const options = formFieldOrder.filter((n) => formControl(n).option && n !== 'calendarId');
    const main = formFieldOrder.filter((n) => !formControl(n).option);
    assert.ok(options.length > 0);
    assert.deepEqual(order, [...main, 'more-options-summary', 'submit']);
    assert.equal(await ui.form.page.locator('#more-options').getAttribute('open'), null);
    await ui.form.page.keyboard.press('Shift+Tab');
    assert.equal(await ui.form.focusedId(), 'more-options-summary');
    assert.equal(
      await ui.form.page.locator('#more-options-summary').textContent(),
      'More options',
      'the section is labelled',
    );
    await ui.form.page.keyboard.press('Enter');
    const opened: string[] = ['more-options-summary'];
    for (let i = 0; i < 20 && opened.at(-1) !== 'submit'; i++) {
      await ui.form.page.keyboard.press('Tab');
      const id = await ui.form.focusedId();
      if (id && opened.at(-1) !== id) opened.push(id);
    }
    assert.deepEqual(opened, ['more-options-summary', ...options, 'submit']);
    // Moves focus with the keyboard only (Tab, or Shift+Tab back) until it reaches a control, wherever fields sit.
    const tabTo = async (id: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> => {
      for (let i = 0; i < 40 && (await ui.form.focusedId()) !== id; i++)
        await ui.form.page.keyboard.press(key);
      assert.equal(await ui.form.focusedId(), id);
    };
    await tabTo('subject', 'Shift+Tab');
    await ui.form.page.keyboard.type('Sprint review');
    await tabTo('attendees');
    await ui.form.page.keyboard.type('ana@example.com');
    await ui.form.page.keyboard.press('Enter');
    await ui.form.page.keyboard.type('bo@example.org');
    assert.equal(submits(await ui.form.posted()).length, 0, 'Enter in the attendees box adds a line');
    await tabTo('location');
    await ui.form.page.keyboard.type('Room 4');
    await tabTo('teamsMeeting');
    await ui.form.page.keyboard.press('Space');
    await tabTo('content');
    await ui.form.page.keyboard.type('Agenda');
    await ui.form.page.keyboard.press('Escape');
    await tabTo('location', 'Shift+Tab');
    await ui.form.page.keyboard.press('Enter');
    assert.equal(submits(await ui.form.posted()).length, 0, 'Enter in a one-line field sends nothing');
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.ok(sent);
    assert.deepEqual(sent.values, {
      start: '2030-06-03T10:00',
      end: '2030-06-03T10:30',
      timeZone: 'Europe/Berlin',
      subject: 'Sprint review',
      attendees: ['ana@example.com', 'bo@example.org'],
      isAllDay: false,
      optionalAttendees: [],
      resources: [],
      recurrence: '',
      location: 'Room 4',
      teamsMeeting: true,
      content: 'Agenda',
    });
  });

  it('offers Importance as a select after the message: Normal at first and not sent, High chosen by keyboard is sent', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ subject: 'Budget' }) }));
    await ui.form.page.locator('#more-options-summary').focus();
    await ui.form.page.keyboard.press('Enter');
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'importance');
    assert.equal(await ui.form.page.locator('#importance-label').textContent(), 'Importance');
    assert.equal(
      await ui.form.page.locator('#importance').evaluate((s) => (s as HTMLInputElement).value),
      'normal',
    );
    await ui.form.pickOption(1);
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.equal(sent?.values.importance, 'high');
  });

  it('never sends on Enter in a one-line field, date and time fields included; Ctrl+Enter and Cmd+Enter send', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Planning');
    for (const field of ['subject', 'location', 'start', 'end']) {
      await ui.form.page.locator(`#${field}`).focus();
      await ui.form.page.keyboard.press('Enter');
    }
    await ui.form.page.locator('#start').focus();
    await ui.form.page.keyboard.type('12');
    await ui.form.page.keyboard.press('Enter');
    await ui.form.page.waitForTimeout(100);
    assert.equal(submits(await ui.form.posted()).length, 0, 'Enter sent nothing');
    await ui.form.page.locator('#location').focus();
    await ui.form.page.keyboard.press('Meta+Enter');
    assert.equal(submits(await ui.form.waitForPosted(2)).length, 1, 'Cmd+Enter sends');
  });

  it('asks in the page before sending an untouched form, focusing the safe choice', async () => {
    await ui.form.init();
    assert.equal(await ui.form.page.locator('#submit').textContent(), 'Save', 'no attendees: Save');
    await ui.form.page.locator('#submit').click();
    await ui.form.page.waitForTimeout(100);
    assert.equal(submits(await ui.form.posted()).length, 0, 'nothing sent before confirming');
    assert.equal(await ui.form.page.locator('#confirm').isVisible(), true);
    assert.match((await ui.form.page.locator('#confirm').textContent()) ?? '', /no subject/);
    assert.equal(await ui.form.focusedId(), 'confirmBack', 'focus on Go back');
    await ui.form.page.keyboard.press('Enter');
    assert.equal(await ui.form.page.locator('#confirm').isVisible(), false);
    assert.equal(submits(await ui.form.posted()).length, 0, 'Go back sends nothing');
    assert.equal(await ui.form.focusedId(), 'subject', 'back at the field the warning names');
    await ui.form.page.keyboard.press('Control+Enter');
    assert.equal(await ui.form.focusedId(), 'confirmBack');
    await ui.form.page.keyboard.press('Escape');
    assert.equal(await ui.form.page.locator('#confirm').isVisible(), false, 'Escape is Go back');
    await ui.form.page.keyboard.press('Control+Enter');
    await ui.form.page.keyboard.press('Tab');
    assert.equal(await ui.form.focusedId(), 'confirmSend');
    assert.equal(await ui.form.page.locator('#confirmSend').textContent(), 'Save anyway');
    await ui.form.page.keyboard.press('Enter');
    assert.equal(submits(await ui.form.waitForPosted(2)).length, 1, 'sent after confirming');
  });

  it('names the button Send when there are attendees and Save when there are none', async () => {
    await ui.form.init();
    await ui.form.page.locator('#attendees').fill('ana@example.com');
    assert.equal(await ui.form.page.locator('#submit').textContent(), 'Send');
    await ui.form.page.locator('#attendees').fill('');
    assert.equal(await ui.form.page.locator('#submit').textContent(), 'Save');
    await ui.reopen();
    await ui.form.init(
      sampleInit({ mode: 'update', meetingId: 'M1', values: sampleValues({ attendees: ['a@example.com'] }) }),
    );
    assert.equal(await ui.form.page.locator('#submit').textContent(), 'Send update');
  });

  it('warns near the times when the start is in the past, also after a zone change, and asks before sending', async () => {
    // An hour from now, for an hour (the end was once the start's day at 23:00: equal to the start from 22:00 on).
    const soon = wallTimeIn(new Date(Date.now() + 60 * 60_000), 'Europe/Berlin');
    const later = wallTimeIn(new Date(Date.now() + 2 * 60 * 60_000), 'Europe/Berlin');
    await ui.form.init(sampleInit({ values: sampleValues({ start: soon, end: later }) }));
    await ui.form.page.locator('#subject').fill('Stand-up');
    assert.equal(await ui.form.page.locator('#timeWarning').isVisible(), false);
    // Same clock time, fourteen hours ahead of UTC: now it lies in the past.
    await ui.form.page.locator('#timeZone').focus();
    await ui.form.page.keyboard.type('Kiritimati');
    await ui.form.page.locator('#subject').focus();
    assert.equal(await ui.form.page.locator('#timeZone').inputValue(), 'Pacific/Kiritimati');
    assert.equal(await ui.form.page.locator('#timeWarning').isVisible(), true);
    assert.match((await ui.form.page.locator('#timeWarning').textContent()) ?? '', /in the past/);
    await ui.form.page.locator('#submit').click();
    assert.match((await ui.form.page.locator('#confirm').textContent()) ?? '', /in the past/);
    assert.equal(submits(await ui.form.posted()).length, 0);
  });

  it('clears a status line once it is no longer true', async () => {
    await ui.form.init();
    await ui.form.page.locator('#end').fill('2030-06-03T09:00');
    await ui.form.page.locator('#submit').click();
    assert.equal(
      await ui.form.page.locator('#status').textContent(),
      'Please correct the highlighted fields.',
    );
    await ui.form.page.locator('#end').fill('2030-06-03T11:00');
    assert.equal(await ui.form.page.locator('#status').textContent(), '', 'no error left: the summary goes');
    await ui.reopen();
    await ui.form.init(
      sampleInit({ mode: 'update', meetingId: 'M2', values: sampleValues({ subject: 'Weekly' }) }),
    );
    await ui.form.page.locator('#submit').click();
    assert.equal(
      await ui.form.page.locator('#status').textContent(),
      'Nothing has changed, so nothing was sent.',
    );
    await ui.form.page.locator('#location').fill('Room 7');
    assert.equal(await ui.form.page.locator('#status').textContent(), '', 'something changed: the note goes');
  });

  it('scrolls the invalid field it focuses so that its label and message are in view', async () => {
    await ui.reopen(undefined, { width: 900, height: 460 });
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Review');
    await ui.form.page
      .locator('#attendees')
      .fill(
        [
          'a@',
          'b@',
          'c@',
          'd@',
          'e@',
          'f@x.com',
          'g@x.com',
          'h@x.com',
          'i@x.com',
          'j@x.com',
          'k@x.com',
          'l@x.com',
        ].join('\n'),
      );
    await ui.form.page.locator('#subject').focus();
    await ui.form.page.keyboard.press('Control+Enter');
    assert.equal(await ui.form.focusedId(), 'attendees');
    const seen = await ui.form.page.evaluate(() => {
      const footer = document.querySelector('.footer')?.getBoundingClientRect().top ?? innerHeight;
      const bottom = Math.min(innerHeight, footer);
      const out: Record<string, boolean> = {};
      for (const [key, id] of [
        ['label', 'attendees-label'],
        ['error', 'attendees-error'],
      ]) {
        const r = document.getElementById(id)?.getBoundingClientRect();
        out[key] = !!r && r.height > 0 && r.top >= 0 && r.bottom <= bottom;
      }
      return out;
    });
    assert.deepEqual(seen, { label: true, error: true });
  });

  it('keeps the success view when the tab is hidden and shown again', async () => {
    await ui.form.init();
    const sent = await submitWithSubject(ui.form, 'Retro');
    await succeed(ui.form, sent, 'M-77', false);
    await ui.form.page.waitForSelector('#success:not([hidden])');
    await ui.form.page.reload();
    await ui.form.waitForPosted(1);
    await ui.form.send(sampleInit());
    await ui.form.page.waitForSelector('#success:not([hidden])');
    assert.equal(await ui.form.page.locator('#meetingId').textContent(), 'M-77');
    assert.equal(await ui.form.page.locator('#form').isVisible(), false);
  });

  it("takes Outlook's copied recipients, counts the attendees and warns about duplicates", async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Sync');
    await ui.form.page
      .locator('#attendees')
      .fill('Ana Smith <ana@contoso.example>; "Smith, Bo" <bo@contoso.example>; ANA@contoso.example');
    await ui.form.page.locator('#location').focus();
    assert.equal(await ui.form.errorText('attendees'), '');
    assert.match((await ui.form.page.locator('#attendees-summary').textContent()) ?? '', /2 attendees/);
    assert.match(
      (await ui.form.page.locator('#attendees-summary').textContent()) ?? '',
      /ana@contoso\.example is listed more than once/,
    );
    await ui.form.page.keyboard.press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(sent?.values.attendees, [
      'ana@contoso.example',
      'bo@contoso.example',
      'ANA@contoso.example',
    ]);
  });

  it('puts Subject first and keeps the Send button in view at 1280x800 however long the form is', async () => {
    await ui.reopen(undefined, { width: 1280, height: 800 });
    await ui.form.init();
    assert.equal(await ui.form.page.locator('form .field').first().getAttribute('id'), 'subject-field');
    const many = Array.from({ length: 12 }, (_, i) => `p${i}@example.com`).join('\n');
    await ui.form.page.locator('#attendees').fill(many);
    await ui.form.page.locator('#content').fill('Agenda\n'.repeat(30));
    await ui.form.page.evaluate(() => window.scrollTo(0, 0));
    const visible = await ui.form.page.evaluate(() => {
      const r = document.getElementById('submit')?.getBoundingClientRect();
      if (!r || r.height === 0) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.bottom <= innerHeight && !!hit?.closest('#submit');
    });
    assert.equal(visible, true, 'the button is visible without scrolling');
  });

  it('offers time zones with offsets and friendly names; typing part of a name picks that zone', async () => {
    await ui.form.init();
    const shown = (): Promise<string> =>
      ui.form.page
        .locator('#timeZone')
        .evaluate((z) => (z as HTMLSelectElement).selectedOptions[0]?.text ?? '');
    // The full label (offset and zone name) is filled in one task after the form is usable (start-up cost).
    await ui.form.page.waitForFunction(
      () =>
        /^\(UTC/.test(
          (document.getElementById('timeZone') as HTMLSelectElement).selectedOptions[0]?.text ?? '',
        ),
      undefined,
      { timeout: 5000 },
    );
    assert.match(await shown(), /^\(UTC\+0[12]:00\) Berlin – Central European Time$/);
    await ui.form.page.locator('#timeZone').focus();
    const labels = await ui.form.page
      .locator('#timeZone')
      .evaluate((z) => [...(z as HTMLSelectElement).options].map((o) => o.text));
    assert.ok(labels.length > 300);
    assert.ok(
      labels.every((l) => /^\(UTC[+-]\d\d:\d\d\) /.test(l)),
      labels.slice(0, 3).join(' | '),
    );
    assert.ok(labels.some((l) => /^\(UTC\+09:00\) Tokyo – Japan/.test(l)));
    assert.equal(
      await ui.form.page.locator('#timeZone').inputValue(),
      'Europe/Berlin',
      'focus changes nothing',
    );
    // The labels start with their offset: letters find a zone anywhere in its label, not only at its start.
    await ui.form.page.keyboard.type('Tokyo');
    assert.equal(await ui.form.page.locator('#timeZone').inputValue(), 'Asia/Tokyo');
    assert.match(await shown(), /Tokyo/);
    // Letters that match nothing leave the choice as it is.
    await ui.form.page.waitForTimeout(1100);
    await ui.form.page.keyboard.type('@@@');
    assert.equal(await ui.form.page.locator('#timeZone').inputValue(), 'Asia/Tokyo');
    const drafts = (await ui.form.posted()).filter((m) => m.type === 'draft');
    assert.equal(
      drafts.at(-1)?.type === 'draft' && drafts.at(-1)?.values.timeZone,
      'Asia/Tokyo',
      'taken as an edit',
    );
  });

  it('writes whole hours as "1 h" and times in messages as the fields show them', async () => {
    await ui.form.init();
    await ui.form.page.locator('#end').fill('2030-06-03T11:00');
    assert.equal(await ui.form.page.locator('#duration').textContent(), 'Duration: 1 h');
    await ui.form.page.locator('#end').fill('2030-06-03T11:15');
    assert.equal(await ui.form.page.locator('#duration').textContent(), 'Duration: 1 h 15 min');
    await ui.form.page.locator('#end').fill('2030-06-03T09:00');
    // The same format as the date-time fields show (en-US here), not the ISO text.
    assert.match(
      await ui.form.errorText('end'),
      /The end \(06\/03\/2030, 09:00 AM\) must be after the start \(06\/03\/2030, 10:00 AM\)/,
    );
  });

  it('leads the success view with what was sent, then the ID, and confirms Copy ID', async () => {
    await ui.form.init(sampleInit({ values: sampleValues({ teamsMeeting: true }) }));
    await ui.form.page.locator('#subject').fill('Design review');
    await ui.form.page.locator('#attendees').fill('ana@example.com\nbo@example.com');
    await ui.form.page.locator('#submit').click();
    const sent = submits(await ui.form.waitForPosted(2))[0] as SubmitMessage;
    await succeed(ui.form, sent, 'AAMk=1', true);
    await ui.form.page.waitForSelector('#success:not([hidden])');
    const text = (await ui.form.page.locator('#success').textContent()) ?? '';
    for (const part of ['Design review', 'ana@example.com', 'bo@example.com', '10:00', 'Teams']) {
      assert.ok(text.includes(part), `${part} in ${text}`);
    }
    assert.ok(text.indexOf('Design review') < text.indexOf('AAMk=1'), 'what was sent comes before the ID');
    await ui.form.page.locator('#action-copyId').click();
    assert.equal(await ui.form.page.locator('#copyStatus').textContent(), 'Meeting ID copied.');
    await ui.form.page.reload();
    await ui.form.waitForPosted(1);
    await ui.form.send(sampleInit());
    await ui.form.page.waitForSelector('#success:not([hidden])');
    assert.match((await ui.form.page.locator('#success').textContent()) ?? '', /Design review/);
  });

  it('opens with focus on Subject, the first field', async () => {
    await ui.form.init();
    await ui.form.page.waitForFunction(() => document.activeElement?.id === 'subject', undefined, {
      timeout: 2000,
    });
    assert.equal(await ui.form.focusedId(), 'subject');
  });

  it('really disables the Teams switch, and the reason is readable beside it', async () => {
    await ui.form.init(sampleInit({ teams: { enabled: false, reason: 'Not for personal accounts.' } }));
    const teams = ui.form.page.locator('#teamsMeeting');
    assert.equal(await teams.isDisabled(), true);
    assert.equal(await teams.getAttribute('role'), 'switch');
    assert.equal(await teams.getAttribute('aria-describedby'), 'teamsMeeting-help teamsMeeting-error');
    assert.equal(
      await ui.form.page.locator('#teamsMeeting-help').textContent(),
      'Not for personal accounts.',
    );
    // A click on its label changes nothing.
    await ui.form.page.locator('label[for=teamsMeeting]').click({ force: true });
    assert.equal(await teams.isChecked(), false);
  });

  it('tells the host its values as a draft while typing in a new form, not in an update form', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Plan');
    const drafts = (await ui.form.posted()).filter((m) => m.type === 'draft');
    assert.ok(drafts.length > 0);
    assert.deepEqual(drafts.at(-1), { type: 'draft', values: sampleValues({ subject: 'Plan' }) });
    await ui.reopen();
    await ui.form.init(
      sampleInit({ mode: 'update', meetingId: 'M3', values: sampleValues({ subject: 'Weekly' }) }),
    );
    await ui.form.page.locator('#subject').fill('Weekly 2');
    assert.equal((await ui.form.posted()).filter((m) => m.type === 'draft').length, 0);
  });

  it('offers once the draft of a tab closed unsent: Restore fills the form, Discard leaves it', async () => {
    const closedDraft = sampleValues({
      subject: 'Left behind',
      attendees: ['a@example.com'],
      content: 'Notes',
    });
    await ui.form.init(sampleInit({ closedDraft }));
    assert.match((await ui.form.page.locator('#draftOffer').textContent()) ?? '', /Left behind/);
    await ui.form.page.locator('#draftRestore').click();
    assert.equal(await ui.form.page.locator('#draftOffer').isVisible(), false);
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Left behind');
    assert.equal(await ui.form.page.locator('#attendees').inputValue(), 'a@example.com');
    assert.equal(await ui.form.page.locator('#content').inputValue(), 'Notes');
    await ui.form.page.reload();
    await ui.form.init(sampleInit({ closedDraft }));
    assert.equal(await ui.form.page.locator('#draftOffer').isVisible(), false, 'offered once');
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Left behind');
    await ui.reopen();
    await ui.form.init(sampleInit({ closedDraft }));
    await ui.form.page.locator('#draftDiscard').click();
    assert.equal(await ui.form.page.locator('#draftOffer').isVisible(), false);
    assert.equal(await ui.form.page.locator('#subject').inputValue(), '');
  });

  it('submits with Ctrl+Enter from the message box', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Notes');
    await ui.form.page.locator('#content').focus();
    await ui.form.page.keyboard.type('Line one');
    await ui.form.page.keyboard.press('Control+Enter');
    const sent = submits(await ui.form.waitForPosted(2));
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.values.content, 'Line one');
  });

  it('posts the exact submit message once, however often Submit is pressed', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Budget');
    await ui.form.page.locator('#submit').click();
    await ui.form.page.locator('#submit').click({ force: true });
    await ui.form.page.locator('#subject').press('Enter');
    await ui.form.page.keyboard.press('Control+Enter');
    const posted = await ui.form.waitForPosted(2);
    await ui.form.page.waitForTimeout(200);
    const all = (await ui.form.posted()).filter((m) => m.type !== 'draft');
    assert.equal(all.length, 2, JSON.stringify(all));
    const sent = all[1] as SubmitMessage;
    assert.equal(posted[0]?.type, 'ready');
    assert.match(sent.requestId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(sent, {
      type: 'submit',
      requestId: sent.requestId,
      values: sampleValues({ subject: 'Budget' }),
    });
    assert.equal(
      await ui.form.page
        .locator('#submit')
        .evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled),
      true,
    );
    assert.equal(await ui.form.page.locator('#submit').textContent(), 'Sending…');
  });

  it('shows the meeting ID and the follow-up actions after success', async () => {
    await ui.form.init();
    const sent = await submitWithSubject(ui.form, 'Review');
    await ui.form.send({ type: 'result', requestId: 'someone-else', ok: true, meetingId: 'WRONG' });
    await ui.form.page.waitForTimeout(100);
    assert.equal(
      await ui.form.page.locator('#success').isHidden(),
      true,
      'a result for another request is ignored',
    );
    await succeed(ui.form, sent, 'AAMk=123', true);
    await ui.form.page.waitForSelector('#success:not([hidden])');
    assert.equal(await ui.form.page.locator('#meetingId').textContent(), 'AAMk=123');
    assert.equal(await ui.form.page.locator('#form').isHidden(), true);
    for (const action of ['openInOutlook', 'join', 'copyId'] as const) {
      await ui.form.page.locator(`#action-${action}`).click();
    }
    const actions = (await ui.form.posted()).filter((m) => m.type === 'action');
    assert.deepEqual(actions, [
      { type: 'action', action: 'openInOutlook', meetingId: 'AAMk=123' },
      { type: 'action', action: 'join', meetingId: 'AAMk=123' },
      { type: 'action', action: 'copyId', meetingId: 'AAMk=123' },
    ]);
  });

  it('offers no Join button when the meeting cannot be joined', async () => {
    await ui.form.init();
    const sent = await submitWithSubject(ui.form, 'Review');
    await succeed(ui.form, sent, 'M1', false);
    await ui.form.page.waitForSelector('#success:not([hidden])');
    assert.equal(await ui.form.page.locator('#action-join').count(), 0);
    assert.equal(await ui.form.page.locator('#action-copyId').count(), 1);
  });

  it('locks an open update form when the host says its meeting was cancelled: read-only, the reason shown, nothing sent (issue 15)', async () => {
    await ui.form.init(
      sampleInit({
        mode: 'update',
        meetingId: 'M1',
        values: sampleValues({ subject: 'Weekly', teamsMeeting: true }),
      }),
    );
    await ui.form.page.locator('#subject').fill('Weekly (moved)');
    const reason = 'This meeting was cancelled. It can no longer be changed.';
    await ui.form.send({ type: 'lock', reason });
    await ui.form.page.waitForFunction(() => document.getElementById('submit')?.hasAttribute('disabled'));
    assert.equal(await ui.form.page.locator('#status').textContent(), reason);
    assert.equal(await ui.form.page.locator('h1').textContent(), 'Meeting details');
    for (const inner of ['#subject', '#start', '#attendees', '#content'])
      assert.equal(await ui.form.page.locator(inner).isEditable(), false, `${inner} is read-only`);
    assert.equal(await ui.form.page.locator('#teamsMeeting').getAttribute('disabled'), '');
    await ui.form.page.locator('#subject').press('X');
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Weekly (moved)');
    await ui.form.page.keyboard.press('Control+Enter');
    await ui.form.page.locator('#submit').click({ force: true });
    await ui.form.page.waitForTimeout(100);
    assert.deepEqual(submits(await ui.form.posted()), [], 'nothing is sent');
  });

  it('opens read-only when the lock comes right after init: no send hint, Send disabled (issue 15)', async () => {
    await ui.form.waitForPosted(1);
    await ui.form.send(sampleInit({ mode: 'update', meetingId: 'M1' }));
    await ui.form.send({ type: 'lock', reason: 'This meeting was deleted in Outlook.' });
    await ui.form.page.waitForSelector('#form');
    await ui.form.page.waitForSelector('#submit');
    assert.equal(await ui.form.page.locator('#submitHint').count(), 0);
    assert.equal(await ui.form.page.locator('#submit').getAttribute('disabled'), '');
    assert.equal(await ui.form.page.locator('#status').textContent(), 'This meeting was deleted in Outlook.');
  });

  it('hides Join on a success view whose meeting is cancelled, and a late failure keeps the reason (issue 15)', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Review');
    await ui.form.page.locator('#attendees').fill('ana@example.com');
    await ui.form.page.locator('#submit').click();
    const sent = submits(await ui.form.waitForPosted(2))[0] as SubmitMessage;
    await succeed(ui.form, sent, 'M1', true);
    await ui.form.page.waitForSelector('#action-join');
    await ui.form.send({ type: 'lock', reason: 'This meeting was deleted in Outlook.' });
    await ui.form.page.waitForSelector('#action-join', { state: 'detached' });
    assert.equal(await ui.form.page.locator('#status').textContent(), 'This meeting was deleted in Outlook.');
    assert.equal(await ui.form.page.locator('#action-openInOutlook').count(), 1);
  });

  it('shows a failure with its field errors and lets the user send again', async () => {
    await ui.form.init();
    const first = await submitWithSubject(ui.form, 'Review');
    await ui.form.send({
      type: 'result',
      requestId: first.requestId,
      ok: false,
      message: 'Graph refused the meeting.',
      errors: [
        {
          field: 'subject',
          code: 'tooLong',
          params: { field: 'subject', length: 300, max: 255 },
          message: 'x',
        },
      ],
    });
    await ui.form.page.waitForFunction(() => document.getElementById('status')?.textContent !== '');
    assert.equal(await ui.form.page.locator('#status').textContent(), 'Graph refused the meeting.');
    assert.match(
      await ui.form.errorText('subject'),
      /"Subject" is too long: 300 characters where at most 255/,
    );
    assert.equal(await ui.form.focusedId(), 'subject');
    assert.equal(
      await ui.form.page
        .locator('#submit')
        .evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled),
      false,
    );
    await ui.form.page.locator('#submit').click();
    const again = submits(await ui.form.waitForPosted(3));
    assert.equal(again.length, 2);
    assert.notEqual(again[1]?.requestId, first.requestId);
  });

  it('restores the draft after a reload, and the draft wins over init values', async () => {
    await ui.form.init();
    await ui.form.page.locator('#subject').fill('Draft subject');
    await ui.form.page.locator('#attendees').fill('x@example.com\nhalf@');
    await ui.form.page.locator('#start').fill('2030-06-04T09:00');
    await ui.form.page.reload();
    await ui.form.init();
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Draft subject');
    assert.equal(await ui.form.page.locator('#attendees').inputValue(), 'x@example.com\nhalf@');
    assert.equal(await ui.form.page.locator('#start').inputValue(), '2030-06-04T09:00');
    assert.equal(await ui.form.page.locator('#end').inputValue(), '2030-06-04T09:30');
    assert.match(await ui.form.errorText('attendees'), /"half@" is not one/);
  });

  it('ignores a draft of another meeting', async () => {
    await ui.form.init(
      sampleInit({ mode: 'update', meetingId: 'A', values: sampleValues({ subject: 'Meeting A' }) }),
    );
    await ui.form.page.locator('#subject').fill('Edited A');
    await ui.form.page.reload();
    await ui.form.init(
      sampleInit({ mode: 'update', meetingId: 'B', values: sampleValues({ subject: 'Meeting B' }) }),
    );
    assert.equal(await ui.form.page.locator('#subject').inputValue(), 'Meeting B');
    assert.equal(await ui.form.page.locator('h1').textContent(), 'Update meeting');
  });

  it('in update mode says nothing changed instead of sending, and sends all values once something has', async () => {
    const original = sampleValues({ subject: 'Weekly', attendees: ['a@example.com'], teamsMeeting: true });
    await ui.form.init(sampleInit({ mode: 'update', meetingId: 'M9', values: original }));
    await ui.form.page.locator('#subject').press('Control+Enter');
    assert.equal(
      await ui.form.page.locator('#status').textContent(),
      'Nothing has changed, so nothing was sent.',
    );
    assert.equal(submits(await ui.form.posted()).length, 0);
    await ui.form.page.locator('#location').fill('Room 2');
    await ui.form.page.locator('#location').press('Control+Enter');
    const [sent] = submits(await ui.form.waitForPosted(2));
    assert.deepEqual(sent?.values, { ...original, location: 'Room 2' });
  });

  it('disables the Teams switch with the host-given reason', async () => {
    await ui.form.init(sampleInit({ teams: { enabled: false, reason: 'Not for personal accounts.' } }));
    assert.equal(
      await ui.form.page
        .locator('#teamsMeeting')
        .evaluate((c) => (c as HTMLElement & { disabled: boolean }).disabled),
      true,
    );
    assert.equal(
      await ui.form.page.locator('#teamsMeeting-help').textContent(),
      'Not for personal accounts.',
    );
  });

  it('shows hostile text in fields and host strings as inert text', async () => {
    const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    const strings = { ...sampleInit().strings, titleSchedule: evil, subject: evil, teamsHelp: evil };
    await ui.form.init(
      sampleInit({
        strings,
        values: sampleValues({ subject: evil, location: evil, content: evil, attendees: [`${evil}@x.com`] }),
      }),
    );
    await ui.form.page.locator('#attendees').focus();
    await ui.form.page.locator('#subject').focus();
    await ui.form.page.locator('#submit').click();
    await ui.form.page.waitForTimeout(200);
    const seen = await ui.form.page.evaluate(() => {
      // No named inner functions: tsx would wrap them in a `__name` helper the page does not have.
      const counts = {
        img: document.querySelectorAll('img').length,
        script: document.querySelectorAll('script').length,
      };
      return {
        counts,
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        title: document.querySelector('h1')?.textContent,
        label: document.getElementById('subject-label')?.textContent,
        help: document.getElementById('teamsMeeting-help')?.textContent,
        attendeeError: document.getElementById('attendees-error')?.textContent,
      };
    });
    assert.deepEqual(seen.counts, { img: 0, script: 1 }, 'only the page script itself');
    assert.equal(seen.pwned, undefined);
    assert.equal(seen.title, evil);
    assert.equal(seen.label, evil);
    assert.equal(seen.help, evil);
    assert.ok(seen.attendeeError?.includes('<img src=x'), seen.attendeeError);
    assert.equal(await ui.form.page.locator('#subject').inputValue(), evil);
    assert.equal(await ui.form.page.locator('#location').inputValue(), evil);
    assert.equal(await ui.form.page.locator('#content').inputValue(), evil);
  });

  it('shows a hostile failure message and meeting ID as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    await ui.form.init();
    const sent = await submitWithSubject(ui.form, 'Review');
    await ui.form.send({ type: 'result', requestId: sent.requestId, ok: false, message: evil });
    await ui.form.page.waitForFunction(() => document.getElementById('status')?.textContent !== '');
    assert.equal(await ui.form.page.locator('#status').textContent(), evil);
    await ui.form.page.locator('#submit').click();
    const again = submits(await ui.form.waitForPosted(3))[1] as SubmitMessage;
    await ui.form.send({ type: 'result', requestId: again.requestId, ok: true, meetingId: evil });
    await ui.form.page.waitForSelector('#success:not([hidden])');
    assert.equal(await ui.form.page.locator('#meetingId').textContent(), evil);
    assert.equal(await ui.form.page.locator('img').count(), 0);
    assert.equal(
      await ui.form.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      undefined,
    );
  });

  it('is one module script: its chunks, the features loaded later among them, load under its nonce', async () => {
    const scripts = [...ui.harness.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0] ?? '', /type="module"/);
    await ui.form.init(sampleInit({ findTime: allFeatures }));
    // The find-a-time features come from a chunk the form imports once it is usable.
    await ui.form.page.waitForSelector('#suggest-times');
    const loaded = await ui.form.page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
    );
    assert.ok(
      loaded.some((p) => /^\/findTime-[\w-]+\.js$/.test(p)),
      JSON.stringify(loaded),
    );
    // Every control is the browser's own: nothing waits for a definition.
    assert.equal(await ui.form.page.locator('#form :not(:defined)').count(), 0);
    assert.deepEqual(await ui.form.violations(), []);
  });

  it('is served with a CSP that allows no remote content and only the nonced script', async () => {
    const html = ui.harness.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(html)?.[1]
      ?.replace(/&#39;/g, "'");
    assert.equal(
      csp,
      `default-src 'none'; style-src ${ui.harness.baseUrl}; font-src ${ui.harness.baseUrl}; img-src ${ui.harness.baseUrl}; script-src 'nonce-${ui.harness.nonce}'`,
    );
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval|https?:\/\/(?!127\.0\.0\.1)|\*/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0]?.includes(`nonce="${ui.harness.nonce}"`));
    // The policy is enforced: an inline script without the nonce does not run.
    await ui.form.init();
    await ui.form.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
    });
    assert.equal(
      await ui.form.page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
      undefined,
    );
    const violations = await ui.form.violations();
    assert.ok(
      violations.some((v) => v.startsWith('script-src')),
      JSON.stringify(violations),
    );
    await ui.form.page.evaluate(() => {
      (window as unknown as { __violations: string[] }).__violations.length = 0;
    });
  });
});
