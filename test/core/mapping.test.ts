import assert from 'node:assert/strict';
import {
  MalformedGraphResponseError,
  escapeHtml,
  findJoinBlock,
  fromGraphEvent,
  isMalformedResponseError,
  isMappingError,
  pickOnlineMeetingProvider,
  toCreateBody,
  toUpdateBody,
} from '../../src/core/mapping';
import type { Meeting, MeetingDraft } from '../../src/core/types';

const start = { dateTime: '2026-06-01T10:00:00', timeZone: 'Europe/Berlin' };
const end = { dateTime: '2026-06-01T10:30:00', timeZone: 'Europe/Berlin' };
/** What the bodies carry for `start` and `end`: the Windows name Graph takes. */
const sentStart = { ...start, timeZone: 'W. Europe Standard Time' };
const sentEnd = { ...end, timeZone: 'W. Europe Standard Time' };
const joinUrl =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d&x=1';

/** An online meeting body shaped like Graph's documented example (older layout). */
const graphTeamsBody =
  '<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n' +
  'Old agenda: <b>ship it</b>\r\n' +
  '<div style="width:100%; height:20px"><span style="white-space:nowrap; color:gray; opacity:.36">' +
  '_'.repeat(80) +
  '</span>\r\n</div>\r\n' +
  '<div class="me-email-text" style="color:#252424">\r\n<div style="margin-top:24px"><a class="me-email-headline" href="' +
  joinUrl.replace(/&/g, '&amp;') +
  '">Join\r\n Microsoft Teams Meeting</a> </div>\r\n<div><a href="tel:&#43;1 555">&#43;1 555</a></div>\r\n</div>\r\n' +
  '<div style="width:100%; height:20px"><span style="white-space:nowrap; color:gray; opacity:.36">' +
  '_'.repeat(80) +
  '</span>\r\n</div>\r\n</body>\r\n</html>\r\n';

/** The newer layout: the separator sits inside the outer `me-email-text` block. */
const newerTeamsBody =
  '<html><body><div><p>Old notes</p></div>' +
  '<div style="max-width: 520px; color: #242424;" class="me-email-text">' +
  '<div style="margin-bottom:24px;overflow:hidden;white-space:nowrap;">' +
  '_'.repeat(64) +
  '</div><div><span>Microsoft Teams</span> <a href="https://aka.ms/JoinTeamsMeeting">Need help?</a></div>' +
  '<div><a href="https://teams.microsoft.com/l/meetup-join/xyz">Join the meeting now</a></div></div></body></html>';

function onlineMeeting(content: string, contentType: 'html' | 'text' = 'html'): Meeting {
  return {
    id: 'AAMk=',
    subject: 'Sync',
    start,
    end,
    attendees: [],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    joinUrl,
    isOrganizer: true,
    isCancelled: false,
    content,
    contentType,
  };
}

const offlineMeeting: Meeting = {
  ...onlineMeeting(''),
  isOnlineMeeting: false,
  joinUrl: undefined,
  content: 'x',
};

describe('core mapping: create', () => {
  it('builds the full Graph body', () => {
    const draft: MeetingDraft = {
      start,
      end,
      subject: 'Plan',
      attendees: ['ana@example.com', 'bo@example.org'],
      location: 'Room 1',
      teamsMeeting: true,
      content: '<p>Hi</p>',
      contentType: 'html',
    };
    assert.deepEqual(
      toCreateBody(draft, { transactionId: 'tx-1', onlineMeetingProvider: 'teamsForBusiness' }),
      {
        subject: 'Plan',
        body: { contentType: 'html', content: '<p>Hi</p>' },
        start: sentStart,
        end: sentEnd,
        location: { displayName: 'Room 1' },
        attendees: [
          { emailAddress: { address: 'ana@example.com' }, type: 'required' },
          { emailAddress: { address: 'bo@example.org' }, type: 'required' },
        ],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        transactionId: 'tx-1',
      },
    );
  });

  it('leaves out fields not given, and sends Teams off explicitly', () => {
    assert.deepEqual(toCreateBody({ start, end }, { transactionId: 't' }), {
      start: sentStart,
      end: sentEnd,
      transactionId: 't',
    });
    assert.deepEqual(toCreateBody({ start, end, teamsMeeting: false }, { transactionId: 't' }), {
      start: sentStart,
      end: sentEnd,
      isOnlineMeeting: false,
      transactionId: 't',
    });
    assert.deepEqual(toCreateBody({ start, end, content: 'plain' }, { transactionId: 't' }).body, {
      contentType: 'text',
      content: 'plain',
    });
  });

  it('refuses Teams without a provider', () => {
    assert.throws(
      () => toCreateBody({ start, end, teamsMeeting: true }, { transactionId: 't' }),
      (e: unknown) => isMappingError(e) && e.code === 'teamsUnavailable',
    );
  });
});

describe('core mapping: online meeting provider', () => {
  it('prefers teamsForBusiness, case-insensitively', () => {
    assert.equal(
      pickOnlineMeetingProvider(['skypeForBusiness', 'TeamsForBusiness'], 'skypeForBusiness'),
      'teamsForBusiness',
    );
  });
  it('takes a Teams default that is allowed', () => {
    assert.equal(pickOnlineMeetingProvider(['teamsForConsumer'], 'teamsForConsumer'), 'teamsForConsumer');
  });
  it('has none for personal accounts and Skype-only calendars', () => {
    assert.equal(pickOnlineMeetingProvider([], 'unknown'), undefined);
    assert.equal(pickOnlineMeetingProvider(['skypeForConsumer'], 'skypeForConsumer'), undefined);
    assert.equal(pickOnlineMeetingProvider(['unknown'], 'unknown'), undefined);
  });
});

describe('core mapping: update', () => {
  it('sends only the given fields and no attendees key when attendees are not given', () => {
    const body = toUpdateBody({ meetingId: 'id', subject: 'New' }, offlineMeeting);
    assert.deepEqual(body, { subject: 'New' });
    assert.equal('attendees' in body, false);
    assert.deepEqual(toUpdateBody({ meetingId: 'id' }), {});
    assert.deepEqual(toUpdateBody({ meetingId: 'id', start, end, location: '' }), {
      start: sentStart,
      end: sentEnd,
      location: { displayName: '' },
    });
  });

  it('sends attendees wholesale when given, even an empty list', () => {
    assert.deepEqual(toUpdateBody({ meetingId: 'id', attendees: ['a@b.co'] }, offlineMeeting).attendees, [
      { emailAddress: { address: 'a@b.co' }, type: 'required' },
    ]);
    assert.deepEqual(toUpdateBody({ meetingId: 'id', attendees: [] }, offlineMeeting).attendees, []);
  });

  it('turns Teams on for a meeting that is not online', () => {
    assert.deepEqual(
      toUpdateBody({ meetingId: 'id', teamsMeeting: true }, offlineMeeting, 'teamsForBusiness'),
      {
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
      },
    );
    assert.throws(
      () => toUpdateBody({ meetingId: 'id', teamsMeeting: true }, offlineMeeting),
      (e: unknown) => isMappingError(e) && e.code === 'teamsUnavailable',
    );
  });

  it('sends nothing for Teams on an online meeting, and for Teams off on an offline one', () => {
    assert.deepEqual(
      toUpdateBody({ meetingId: 'id', teamsMeeting: true }, onlineMeeting(''), 'teamsForBusiness'),
      {},
    );
    assert.deepEqual(toUpdateBody({ meetingId: 'id', teamsMeeting: false }, offlineMeeting), {});
  });

  it('refuses turning Teams off an online meeting', () => {
    assert.throws(
      () => toUpdateBody({ meetingId: 'id', teamsMeeting: false }, onlineMeeting('')),
      (e: unknown) =>
        isMappingError(e) && e.code === 'teamsCannotBeTurnedOff' && /cannot remove/.test(e.message),
    );
  });

  it('keeps the Teams join block when the content of an online meeting changes (text becomes escaped HTML)', () => {
    const body = toUpdateBody(
      { meetingId: 'id', content: 'New agenda: <a> & "b"\nline 2', contentType: 'text' },
      onlineMeeting(graphTeamsBody),
    );
    assert.equal(body.body?.contentType, 'html');
    const html = body.body?.content ?? '';
    assert.ok(html.includes('New agenda: &lt;a&gt; &amp; &quot;b&quot;<br>\r\nline 2'), html);
    assert.ok(html.includes(joinUrl.replace(/&/g, '&amp;')), 'join URL kept');
    assert.ok(html.includes('Join\r\n Microsoft Teams Meeting'), 'join headline kept');
    assert.equal(html.includes('Old agenda'), false, 'old content replaced');
    assert.ok(html.startsWith('<html>\r\n<head>'), 'document head kept');
    assert.ok(html.indexOf('New agenda') < html.indexOf('_'.repeat(80)), 'new content before the block');
    assert.equal(html.match(/_{80}/g)?.length, 2, 'both separators kept');
    assert.ok(html.trimEnd().endsWith('</html>'));
  });

  it('keeps the newer join block layout whole, including its outer element', () => {
    const body = toUpdateBody(
      { meetingId: 'id', content: '<p>Fresh</p>', contentType: 'html' },
      { ...onlineMeeting(newerTeamsBody), joinUrl: undefined },
    );
    const html = body.body?.content ?? '';
    assert.ok(
      html.includes('<p>Fresh</p>\r\n<div style="max-width: 520px; color: #242424;" class="me-email-text">'),
      html,
    );
    assert.ok(html.includes('https://teams.microsoft.com/l/meetup-join/xyz'));
    assert.equal(html.includes('Old notes'), false);
  });

  it('takes the inner body of a full HTML document as new content', () => {
    const body = toUpdateBody(
      { meetingId: 'id', content: '<html><body><p>Doc</p></body></html>', contentType: 'html' },
      onlineMeeting(graphTeamsBody),
    );
    assert.equal(body.body?.content.match(/<body/g)?.length, 1);
    assert.ok(body.body?.content.includes('<p>Doc</p>'));
  });

  it('keeps a plain-text join block in a text body', () => {
    const textBody = `Old\r\n${'_'.repeat(80)}\r\nJoin Microsoft Teams Meeting\r\n${joinUrl}\r\n`;
    const body = toUpdateBody(
      { meetingId: 'id', content: 'New', contentType: 'text' },
      onlineMeeting(textBody, 'text'),
    );
    assert.deepEqual(body.body, {
      contentType: 'text',
      content: `New\r\n\r\n${'_'.repeat(80)}\r\nJoin Microsoft Teams Meeting\r\n${joinUrl}\r\n`,
    });
  });

  it('adds a join link of its own when an online body has lost the block', () => {
    const body = toUpdateBody(
      { meetingId: 'id', content: 'New', contentType: 'text' },
      onlineMeeting('<p>no block</p>'),
    );
    assert.equal(body.body?.contentType, 'html');
    assert.ok(body.body?.content.startsWith('New\r\n'));
    assert.ok(body.body?.content.includes(`href="${joinUrl.replace(/&/g, '&amp;')}"`));
  });

  it('sends content unchanged for a meeting that is not online', () => {
    assert.deepEqual(
      toUpdateBody({ meetingId: 'id', content: 'a < b', contentType: 'text' }, offlineMeeting).body,
      { contentType: 'text', content: 'a < b' },
    );
  });

  it('does not mistake an underscore line without Teams for the join block', () => {
    assert.equal(findJoinBlock(`<p>${'_'.repeat(40)}</p><p>signature</p>`, 'html'), undefined);
    const span = findJoinBlock(graphTeamsBody, 'html', joinUrl);
    assert.ok(span);
    assert.ok(graphTeamsBody.slice(span.start).startsWith('<div style="width:100%; height:20px">'));
    assert.ok(graphTeamsBody.slice(span.end).startsWith('</body>'));
  });

  it('escapes HTML special characters', () => {
    assert.equal(escapeHtml(`<script>'&"</script>`), '&lt;script&gt;&#39;&amp;&quot;&lt;/script&gt;');
  });
});

/** A Teams event as Graph returns it (after the documented example). */
function graphEvent(): Record<string, unknown> {
  return {
    '@odata.etag': 'W/"x"',
    id: 'AAMkADAAABIGYDZAAA=',
    lastModifiedDateTime: '2019-11-15T01:55:56.5162924Z',
    transactionId: 'tx-1',
    subject: 'Prep for customer meeting',
    isCancelled: false,
    isOrganizer: true,
    webLink: 'https://outlook.office365.com/owa/?itemid=AAMk',
    isOnlineMeeting: true,
    onlineMeetingProvider: 'TeamsForBusiness',
    onlineMeetingUrl: null,
    body: { contentType: 'HTML', content: graphTeamsBody },
    start: { dateTime: '2019-11-20T13:00:00.0000000', timeZone: 'Pacific Standard Time' },
    end: { dateTime: '2019-11-20T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
    location: { displayName: 'Cordova conference room', locationType: 'default' },
    attendees: [
      {
        type: 'Required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: 'Adele Vance', address: 'AdeleV@contoso.OnMicrosoft.com' },
      },
      { type: 'optional', emailAddress: { address: 'x@contoso.com' } },
    ],
    organizer: { emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.OnMicrosoft.com' } },
    onlineMeeting: { joinUrl, conferenceId: '291633251', tollNumber: '+1 323-555-0166' },
  };
}

describe('core mapping: fromGraphEvent', () => {
  it('reads a full event, folding enums and normalising seven-decimal times', () => {
    assert.deepEqual(fromGraphEvent(graphEvent()), {
      id: 'AAMkADAAABIGYDZAAA=',
      subject: 'Prep for customer meeting',
      start: { dateTime: '2019-11-20T13:00:00', timeZone: 'America/Los_Angeles' },
      end: { dateTime: '2019-11-20T14:00:00', timeZone: 'America/Los_Angeles' },
      location: 'Cordova conference room',
      attendees: [
        {
          address: 'AdeleV@contoso.OnMicrosoft.com',
          name: 'Adele Vance',
          type: 'required',
          response: 'none',
        },
        { address: 'x@contoso.com', type: 'optional' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      joinUrl,
      webLink: 'https://outlook.office365.com/owa/?itemid=AAMk',
      isOrganizer: true,
      isCancelled: false,
      organizer: { address: 'AlexW@contoso.OnMicrosoft.com', name: 'Alex Wilber' },
      content: graphTeamsBody,
      contentType: 'html',
      transactionId: 'tx-1',
      lastModifiedDateTime: '2019-11-15T01:55:56.5162924Z',
    });
  });

  it("reads each attendee's answer (status.response), folding case; an answer Graph may add later is left out", () => {
    const answers = [
      'organizer',
      'TentativelyAccepted',
      'accepted',
      'declined',
      'notResponded',
      'unknownFutureValue',
    ];
    const m = fromGraphEvent({
      ...graphEvent(),
      attendees: answers.map((response, i) => ({
        type: 'required',
        status: { response, time: '2030-01-01T00:00:00Z' },
        emailAddress: { address: `a${i}@contoso.com` },
      })),
    });
    assert.deepEqual(
      m.attendees.map((a) => a.response),
      ['organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded', undefined],
    );
    assert.throws(
      () =>
        fromGraphEvent({
          ...graphEvent(),
          attendees: [{ status: { response: 3 }, emailAddress: { address: 'a@contoso.com' } }],
        }),
      (e: unknown) => isMalformedResponseError(e) && e.path === 'attendees[0].status.response',
    );
  });

  it('reads a sparse non-online event with nulls', () => {
    const m = fromGraphEvent({
      id: 'x',
      subject: null,
      start: { dateTime: '2017-04-15T11:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2017-04-15T12:00:00.0000000', timeZone: 'UTC' },
      onlineMeetingProvider: 'unknown',
      onlineMeeting: null,
      location: null,
      attendees: null,
      organizer: null,
      body: null,
      transactionId: null,
    });
    assert.deepEqual(m, {
      id: 'x',
      subject: '',
      start: { dateTime: '2017-04-15T11:00:00', timeZone: 'UTC' },
      end: { dateTime: '2017-04-15T12:00:00', timeZone: 'UTC' },
      attendees: [],
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      isOrganizer: false,
      isCancelled: false,
    });
  });

  const broken: [string, (e: Record<string, unknown>) => unknown][] = [
    ['not an object', () => 'event'],
    ['an array', () => [graphEvent()]],
    ['no id', (e) => ({ ...e, id: undefined })],
    ['numeric id', (e) => ({ ...e, id: 5 })],
    ['empty id', (e) => ({ ...e, id: '' })],
    ['no start', (e) => ({ ...e, start: undefined })],
    ['start as a string', (e) => ({ ...e, start: '2019-11-20T13:00:00' })],
    ['bad dateTime', (e) => ({ ...e, end: { dateTime: '2019-11-31T13:00:00', timeZone: 'UTC' } })],
    ['numeric timeZone', (e) => ({ ...e, end: { dateTime: '2019-11-20T13:00:00', timeZone: 1 } })],
    ['subject a number', (e) => ({ ...e, subject: 3 })],
    ['attendees an object', (e) => ({ ...e, attendees: {} })],
    ['attendee without emailAddress', (e) => ({ ...e, attendees: [{ type: 'required' }] })],
    ['isOnlineMeeting a string', (e) => ({ ...e, isOnlineMeeting: 'true' })],
    ['isOrganizer a number', (e) => ({ ...e, isOrganizer: 1 })],
    ['joinUrl a number', (e) => ({ ...e, onlineMeeting: { joinUrl: 1 } })],
    ['body contentType unknown', (e) => ({ ...e, body: { contentType: 'rtf', content: '' } })],
  ];
  for (const [name, mutate] of broken) {
    it(`throws a typed error for ${name}`, () => {
      assert.throws(
        () => fromGraphEvent(mutate(graphEvent())),
        (e: unknown) =>
          isMalformedResponseError(e) && e instanceof MalformedGraphResponseError && e.path.length > 0,
      );
    });
  }

  it('names the bad path', () => {
    try {
      fromGraphEvent({ ...graphEvent(), attendees: [{ emailAddress: { address: 5 } }] });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(isMalformedResponseError(e));
      assert.equal(e.path, 'attendees[0].emailAddress.address');
    }
    assert.equal(isMalformedResponseError(new Error('x')), false);
  });
});
