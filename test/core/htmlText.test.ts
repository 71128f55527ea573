import assert from 'node:assert/strict';
import { bodyForEditing, htmlToText } from '../../src/core/htmlText';
import { escapeHtml } from '../../src/core/mapping';
import { meetingToFormValues } from '../../src/shared/formModel';
import type { Meeting } from '../../src/core/types';

const separator = '_'.repeat(80);
const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
const teamsBlock =
  `<div style="width:100%"><span>${separator}</span></div>` +
  `<div class="me-email-text"><span style="font-size:24px">Microsoft Teams meeting</span>` +
  `<a href="${joinUrl}">Join the meeting now</a></div>` +
  `<div style="width:100%"><span>${separator}</span></div>`;

describe('htmlToText', () => {
  it('keeps the visible text and turns blocks and <br> into line breaks', () => {
    const html =
      '<html><head><style>p{color:red}</style><title>x</title></head><body>' +
      '<p>Agenda:</p><div>1. Budget<br>2. Hiring</div><!-- hidden --></body></html>';
    assert.equal(htmlToText(html), 'Agenda:\n1. Budget\n2. Hiring');
  });

  it('decodes entities, including numeric ones, and leaves unknown ones alone', () => {
    assert.equal(htmlToText('<p>a &amp; b &lt;c&gt; &#233;&#x1F600; &bogus;</p>'), 'a & b <c> é😀 &bogus;');
  });

  it('reads back what escapeHtml wrote for a text body', () => {
    const text = 'Line one\n<script>alert(1)</script>\n\nLine "three" & more';
    assert.equal(htmlToText(`<html><body>${escapeHtml(text)}</body></html>`), text);
  });

  it('drops script content instead of showing it', () => {
    assert.equal(htmlToText('<body>Hi<script>alert(1)</script></body>'), 'Hi');
  });
});

describe('bodyForEditing', () => {
  it('shows an online meeting body without the Teams join block', () => {
    const html = `<html><body><div>Quarterly numbers</div>${teamsBlock}\r\n</body></html>`;
    assert.equal(bodyForEditing(html, 'html', joinUrl), 'Quarterly numbers');
  });

  it('keeps a text body as it is, trimmed', () => {
    assert.equal(bodyForEditing('  notes\nmore  ', 'text'), 'notes\nmore');
  });
});

describe('meetingToFormValues content', () => {
  it('pre-fills the form with text, not HTML markup', () => {
    const meeting: Meeting = {
      id: 'AAMk1',
      subject: 'Review',
      start: { dateTime: '2030-06-03T08:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-06-03T08:30:00', timeZone: 'UTC' },
      attendees: [],
      isOnlineMeeting: true,
      joinUrl,
      isOrganizer: true,
      isCancelled: false,
      contentType: 'html',
      content: `<html><body><p>Bring <b>slides</b></p>${teamsBlock}</body></html>`,
    };
    assert.equal(meetingToFormValues(meeting, 'UTC').content, 'Bring slides');
  });
});
