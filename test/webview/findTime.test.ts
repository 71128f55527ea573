// Issue 13 in the built form page (headless Chromium): people suggestions by keyboard in every attendee list, the
// free/busy strips and their screen-reader text, picking a suggested time, the room picker, features that hide
// themselves with one line. Their axe audit: rows of test/webview/a11y.test.ts.
import assert from 'node:assert/strict';
import { formControl, formFieldOrder } from '../../src/core/fields';
import type {
  FreeBusyQueryMessage,
  InitMessage,
  PeopleQueryMessage,
  TimesQueryMessage,
} from '../../src/shared/protocol';
import { ofType, sampleInit, useFormPage } from './harness';
import { allFeatures, findTimeValues, waitForPosted } from './findTimeScreens';

const available = allFeatures;
const values = findTimeValues;
const waitFor = waitForPosted;

function init(over: Partial<InitMessage> = {}): InitMessage {
  return sampleInit({ values: values(), findTime: available, ...over });
}

const ana = { name: 'Ana Lima', address: 'ana@contoso.com' };
const anders = { name: 'Anders Berg', address: 'anders@contoso.com' };

describe('find a time in the form page (issue 13)', function () {
  this.timeout(60_000);
  const ui = useFormPage();

  it('offers nothing and asks nothing when the host offers no find-a-time features', async () => {
    await ui.form.init(sampleInit({ values: values() }));
    await ui.form.page.locator('#attendees').pressSequentially('ana', { delay: 20 });
    await ui.form.page.waitForTimeout(600);
    const posted = await ui.form.posted();
    assert.deepEqual(
      posted.filter((m) => !['ready', 'draft'].includes(m.type)),
      [],
    );
    assert.equal(await ui.form.page.locator('#find-time').count(), 0);
  });

  it('suggests people while typing: one request per pause, arrows, Enter picks, Escape closes', async () => {
    await ui.form.init(init());
    const box = ui.form.page.locator('#attendees');
    await box.pressSequentially('Ana', { delay: 40 });
    const [query] = await waitFor(ui.form, 'peopleQuery');
    assert.equal(query.query, 'Ana');
    await ui.form.send({ type: 'people', requestId: query.requestId, people: [ana, anders] });
    const list = ui.form.page.locator('#attendees-people');
    await list.waitFor({ state: 'visible' });
    assert.equal(await list.locator('[role=option]').count(), 2);
    assert.match((await list.textContent()) ?? '', /Ana Lima.*ana@contoso\.com/);

    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    const selected = await list.locator('[aria-selected=true]').textContent();
    assert.match(selected ?? '', /Ana Lima/);
    // The text box points at the highlighted option.
    assert.equal(await box.getAttribute('aria-activedescendant'), 'attendees-person-0');
    await box.press('Enter');
    assert.equal(await box.inputValue(), 'Ana Lima <ana@contoso.com>\n');
    assert.equal(await list.isVisible(), false);
    // The pick is an edit of the attendees: the button now says Send, nothing was submitted.
    assert.equal((await ui.form.page.locator('#submit').textContent())?.trim(), 'Send');
    assert.equal(ofType(await ui.form.posted(), 'submit').length, 0);

    // Back to "Ana": answered from the cache, no request; Escape closes, what was typed stays.
    await box.pressSequentially('Ana', { delay: 40 });
    await list.waitFor({ state: 'visible' });
    await box.press('Escape');
    assert.equal(await list.isVisible(), false);
    assert.equal(await box.inputValue(), 'Ana Lima <ana@contoso.com>\nAna');
    await ui.form.page.waitForTimeout(400);
    assert.equal(ofType(await ui.form.posted(), 'peopleQuery').length, 1);
  });

  it('never blocks a typed address: with nothing highlighted Enter is a new line', async () => {
    await ui.form.init(init());
    const box = ui.form.page.locator('#attendees');
    await box.pressSequentially('carl@contoso.com', { delay: 10 });
    await waitFor(ui.form, 'peopleQuery');
    await ui.form.page.waitForTimeout(400);
    const query = ofType(await ui.form.posted(), 'peopleQuery').at(-1) as PeopleQueryMessage;
    await ui.form.send({ type: 'people', requestId: query.requestId, people: [ana] });
    // The list shows, nothing highlighted: Enter is still a new line.
    await ui.form.page.locator('#attendees-people').waitFor({ state: 'visible' });
    await box.press('Enter');
    await box.pressSequentially('dora@contoso.com', { delay: 5 });
    assert.equal(await box.inputValue(), 'carl@contoso.com\ndora@contoso.com');
  });

  it('typing a 10-character name fast costs one people request', async () => {
    await ui.form.init(init());
    // The page's clock is paused and moved by hand, 60 ms a key, so a loaded machine cannot stretch the pauses
    // between keys past the debounce (real delays made this count 2 under load).
    const clock = ui.form.page.clock;
    await clock.install();
    await clock.pauseAt((await ui.form.page.evaluate(() => Date.now())) + 1_000);
    const box = ui.form.page.locator('#attendees');
    for (const key of 'Ana Lima B') {
      await box.press(key === ' ' ? 'Space' : key);
      await clock.runFor(60);
    }
    await clock.runFor(700);
    assert.equal(ofType(await ui.form.posted(), 'peopleQuery').length, 1);
    assert.equal(
      (ofType(await ui.form.posted(), 'peopleQuery')[0] as PeopleQueryMessage).query,
      'Ana Lima B',
    );
  });

  it('suggests in every attendee list', async () => {
    await ui.form.init(init());
    const lists = formFieldOrder.filter((n) => formControl(n).control === 'attendees');
    const people = [
      ana,
      { name: 'Bo Ek', address: 'bo@contoso.com' },
      { name: 'Room 9', address: 'room9@contoso.com' },
    ];
    for (const [i, name] of lists.entries()) {
      const person = people[i % people.length];
      await ui.form.page.locator(`#${name}`).pressSequentially(person.name.slice(0, 2), { delay: 20 });
      const queries = await waitFor(ui.form, 'peopleQuery', i + 1);
      await ui.form.send({
        type: 'people',
        requestId: (queries.at(-1) as PeopleQueryMessage).requestId,
        people: [person],
      });
      await ui.form.page.locator(`#${name}-people`).waitFor({ state: 'visible' });
      await ui.form.page.locator(`#${name}`).press('ArrowDown');
      await ui.form.page.locator(`#${name}`).press('Enter');
      assert.equal(
        await ui.form.page.locator(`#${name}`).inputValue(),
        `${person.name} <${person.address}>\n`,
      );
    }
  });

  it('draws a strip per person for the day, reads it as text, and asks again only when people or the day change', async () => {
    await ui.form.init(init());
    const [first] = await waitFor(ui.form, 'freeBusyQuery');
    assert.deepEqual(
      { ...first, requestId: '' },
      {
        type: 'freeBusyQuery',
        requestId: '',
        addresses: [],
        day: '2030-06-03',
        timeZone: 'Europe/Berlin',
      },
    );
    await ui.form.page.locator('#attendees').fill('ana@contoso.com');
    const second = (await waitFor(ui.form, 'freeBusyQuery', 2))[1] as FreeBusyQueryMessage;
    assert.deepEqual(second.addresses, ['ana@contoso.com']);
    await ui.form.send({
      type: 'freeBusy',
      requestId: second.requestId,
      schedules: [
        { address: 'me@contoso.com', organizer: true, busy: [{ start: 540, end: 570, status: 'tentative' }] },
        { address: 'ana@contoso.com', busy: [{ start: 600, end: 660, status: 'busy' }] },
      ],
    });
    const rows = ui.form.page.locator('#freebusy-rows .freebusy-row:not(.freebusy-hours)');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    const texts = await ui.form.page.locator('#freebusy-rows .sr-only').allTextContents();
    assert.deepEqual(texts, [
      'You: tentative 09:00 to 09:30',
      'ana@contoso.com: busy 10:00 to 11:00',
      'This meeting: 10:00 to 10:30',
    ]);
    // The slot is drawn over each strip.
    assert.equal(await ui.form.page.locator('.freebusy-strip .freebusy-slot').count(), 2);

    // A new time on the same day moves the slot and asks nothing.
    await ui.form.page.locator('#start').fill('2030-06-03T14:00');
    await ui.form.page.waitForTimeout(900);
    assert.equal(ofType(await ui.form.posted(), 'freeBusyQuery').length, 2);
    assert.match(
      (await ui.form.page.locator('#freebusy-rows .sr-only').last().textContent()) ?? '',
      /14:00 to 14:30/,
    );
    // Another day: one request.
    await ui.form.page.locator('#start').fill('2030-06-04T14:00');
    const third = (await waitFor(ui.form, 'freeBusyQuery', 3))[2] as FreeBusyQueryMessage;
    assert.equal(third.day, '2030-06-04');
    await ui.form.page.waitForTimeout(900);
    assert.equal(ofType(await ui.form.posted(), 'freeBusyQuery').length, 3);
  });

  it('suggests times; picking one fills start and end and sends nothing', async () => {
    await ui.form.init(init({ values: values({ attendees: ['ana@contoso.com'] }) }));
    await ui.form.page.locator('#suggest-times').click();
    const [query] = await waitFor(ui.form, 'timesQuery');
    assert.deepEqual({ ...query, requestId: '' } as TimesQueryMessage, {
      type: 'timesQuery',
      requestId: '',
      attendees: ['ana@contoso.com'],
      optionalAttendees: [],
      durationMinutes: 30,
      day: '2030-06-03',
      timeZone: 'Europe/Berlin',
    });
    await ui.form.send({
      type: 'times',
      requestId: query.requestId,
      suggestions: [
        {
          start: '2030-06-03T13:00',
          end: '2030-06-03T13:30',
          confidence: 100,
          attendees: [{ address: 'ana@contoso.com', availability: 'free' }],
        },
        {
          start: '2030-06-03T15:00',
          end: '2030-06-03T15:30',
          confidence: 50,
          attendees: [{ address: 'ana@contoso.com', availability: 'tentative' }],
        },
      ],
    });
    await ui.form.page.locator('#suggestion-1').waitFor();
    assert.equal(await ui.form.page.locator('#suggest-more').count(), 0, 'two suggestions: all shown');
    assert.match(
      (await ui.form.page.locator('#suggestion-1-details').textContent()) ?? '',
      /50% likely · not free: ana@contoso\.com/,
    );
    await ui.form.page.locator('#suggestion-1').focus();
    await ui.form.page.keyboard.press('Enter');
    await ui.form.page.waitForFunction(
      () => (document.querySelector('#start') as HTMLInputElement).value === '2030-06-03T15:00',
    );
    assert.equal(await ui.form.page.locator('#end').inputValue(), '2030-06-03T15:30');
    assert.match(
      (await ui.form.page.locator('#suggest-state').textContent()) ?? '',
      /Nothing is sent until you press Send/,
    );
    assert.equal(ofType(await ui.form.posted(), 'submit').length, 0);
  });

  it('shows the best five suggested times first, the rest after Show all', async () => {
    await ui.form.init(init({ values: values({ attendees: ['ana@contoso.com'] }) }));
    await ui.form.page.locator('#suggest-times').click();
    const [query] = await waitFor(ui.form, 'timesQuery');
    await ui.form.send({
      type: 'times',
      requestId: query.requestId,
      suggestions: Array.from({ length: 7 }, (_, i) => ({
        start: `2030-06-03T1${i}:00`,
        end: `2030-06-03T1${i}:30`,
        confidence: 100 - i,
        attendees: [],
      })),
    });
    await ui.form.page.locator('#suggest-more').waitFor();
    assert.equal(await ui.form.page.locator('.suggestion button[id^=suggestion-]:visible').count(), 5);
    assert.equal((await ui.form.page.locator('#suggest-more').textContent())?.trim(), 'Show all 7');
    await ui.form.page.locator('#suggest-more').click();
    assert.equal(await ui.form.page.locator('.suggestion button[id^=suggestion-]:visible').count(), 7);
    assert.equal(await ui.form.focusedId(), 'suggestion-5');
  });

  it('lists rooms when the picker is first used; the chosen room becomes a resource', async () => {
    await ui.form.init(init());
    await ui.form.page.locator('#room').focus();
    const [query] = await waitFor(ui.form, 'roomsQuery');
    await ui.form.send({
      type: 'rooms',
      requestId: query.requestId,
      rooms: [{ name: 'Room 1', address: 'room1@contoso.com' }],
    });
    // Moving through the list adds nothing; the room's own button adds it.
    await ui.form.page.locator('#room').press('ArrowDown');
    assert.equal(await ui.form.page.locator('#room').inputValue(), 'room1@contoso.com');
    const target = formFieldOrder.includes('resources' as never) ? 'resources' : 'attendees';
    assert.equal(await ui.form.page.locator(`#${target}`).inputValue(), '');
    assert.equal(await ui.form.page.locator('#room-add').textContent(), 'Add Room 1 <room1@contoso.com>');
    await ui.form.page.keyboard.press('Tab');
    await ui.form.page.keyboard.press('Enter');
    assert.equal(await ui.form.focusedId(), 'room', 'focus returns to the list');
    assert.equal(await ui.form.page.locator('#room-add').isVisible(), false);
    assert.equal(await ui.form.page.locator(`#${target}`).inputValue(), 'Room 1 <room1@contoso.com>');
    assert.match((await ui.form.page.locator('#room-state').textContent()) ?? '', /Room 1 added/);
    // The room joins the strips: one request covering it.
    const queries = await waitFor(ui.form, 'freeBusyQuery', 2);
    assert.deepEqual((queries[1] as FreeBusyQueryMessage).addresses, ['room1@contoso.com']);
  });

  it('hides an unavailable feature with one line, offers Allow where asking may help; the form still works', async () => {
    await ui.form.init(
      init({
        findTime: {
          ...available,
          availability: {
            state: 'unavailable',
            reason: 'Personal Microsoft accounts do not have free/busy.',
          },
          suggestions: { state: 'unavailable', reason: 'Personal Microsoft accounts do not have free/busy.' },
        },
      }),
    );
    await ui.form.page.locator('#find-time').waitFor();
    assert.equal(await ui.form.page.locator('#freebusy').isVisible(), false);
    assert.equal(await ui.form.page.locator('#suggest-times').isVisible(), false);
    assert.deepEqual(await ui.form.page.locator('.find-time-note').allTextContents(), [
      'Personal Microsoft accounts do not have free/busy.',
    ]);
    await ui.form.send({
      type: 'feature',
      feature: 'people',
      state: { state: 'ask', reason: 'People suggestions need permission.' },
    });
    await ui.form.page.locator('#allow-people').click();
    const [allow] = await waitFor(ui.form, 'allowFeature');
    assert.deepEqual(allow, { type: 'allowFeature', feature: 'people' });
    // Typing while the permission is missing asks nothing; once allowed, suggestions work again.
    await ui.form.page.locator('#attendees').pressSequentially('an', { delay: 20 });
    await ui.form.page.waitForTimeout(400);
    assert.equal(ofType(await ui.form.posted(), 'peopleQuery').length, 0);
    await ui.form.send({ type: 'feature', feature: 'people', state: { state: 'available' } });
    await ui.form.page.locator('#allow-people').waitFor({ state: 'detached' });
    await ui.form.page.locator('#attendees').pressSequentially('a', { delay: 20 });
    await waitFor(ui.form, 'peopleQuery');
    await ui.form.page.locator('#attendees').fill('');
    await ui.form.send({
      type: 'feature',
      feature: 'rooms',
      state: { state: 'unavailable', reason: 'Rooms need admin consent.' },
    });
    await ui.form.page.locator('#room-field').waitFor({ state: 'hidden' });
    assert.equal(ofType(await ui.form.posted(), 'freeBusyQuery').length, 0);
    await ui.form.page.locator('#subject').fill('Still works');
    await ui.form.page.locator('#submit').click();
    assert.equal((await waitFor(ui.form, 'submit')).length, 1);
  });
});
