// Issue 12, the tree's responses: reading attendees' answers and proposed times from Graph (mapping), counting them
// into the stored record (store), and the row's summary and the tooltip's lines (treeModel), all in plain Node.
import assert from 'node:assert/strict';
import { fromGraphEvent, isMalformedResponseError } from '../../src/core/mapping';
import type { Attendee } from '../../src/core/types';
import type { AnswerNames, ResponseWords } from '../../src/host/treeModel';
import { attendeeText, formatSlot, responseSummary } from '../../src/host/treeModel';
import { countResponses, toStoredMeeting } from '../../src/store/meetingStore';

const words: ResponseWords = {
  accepted: (n) => `${n} accepted`,
  tentative: (n) => `${n} tentative`,
  declined: (n) => `${n} declined`,
  noAnswer: (n) => `${n} no answer`,
};
const answers: AnswerNames = {
  organizer: 'organizer',
  tentativelyAccepted: 'tentative',
  accepted: 'accepted',
  declined: 'declined',
  notResponded: 'no answer',
};
const person = (
  address: string,
  response?: Attendee['response'],
  extra: Partial<Attendee> = {},
): Attendee => ({
  address,
  type: 'required',
  ...(response ? { response } : {}),
  ...extra,
});

describe('tree responses (issue 12)', () => {
  describe('fromGraphEvent: proposedNewTime ("attendee resource type": a timeSlot, absent when none proposed)', () => {
    const event = (attendee: Record<string, unknown>) => ({
      id: 'AAMk1',
      subject: 's',
      start: { dateTime: '2030-01-07T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2030-01-07T09:30:00.0000000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'ana@contoso.example' }, type: 'required', ...attendee }],
    });

    it('reads the proposed start and end, in the zone Graph answered in', () => {
      const m = fromGraphEvent(
        event({
          status: { response: 'tentativelyAccepted', time: '2030-01-02T10:00:00Z' },
          proposedNewTime: {
            start: { dateTime: '2030-01-08T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
            end: { dateTime: '2030-01-08T10:30:00.0000000', timeZone: 'W. Europe Standard Time' },
          },
        }),
      );
      assert.deepEqual(m.attendees[0]!.proposedNewTime, {
        start: { dateTime: '2030-01-08T10:00:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2030-01-08T10:30:00', timeZone: 'Europe/Berlin' },
      });
      assert.equal(m.attendees[0]!.response, 'tentativelyAccepted');
    });

    it('absent or null: no proposal; a malformed one names its path', () => {
      assert.equal(fromGraphEvent(event({})).attendees[0]!.proposedNewTime, undefined);
      assert.equal(fromGraphEvent(event({ proposedNewTime: null })).attendees[0]!.proposedNewTime, undefined);
      assert.throws(
        () => fromGraphEvent(event({ proposedNewTime: { start: { dateTime: 'x', timeZone: 'UTC' } } })),
        (e: unknown) => isMalformedResponseError(e) && e.path.startsWith('attendees[0].proposedNewTime.'),
      );
    });
  });

  describe('countResponses (the stored record keeps counts, not people)', () => {
    it('counts each answer; none and notResponded are "no answer"; the organizer is not counted', () => {
      assert.deepEqual(
        countResponses([
          person('a@x.example', 'accepted'),
          person('b@x.example', 'accepted'),
          person('c@x.example', 'tentativelyAccepted'),
          person('d@x.example', 'declined'),
          person('e@x.example', 'none'),
          person('f@x.example', 'notResponded'),
          person('g@x.example'),
          person('o@x.example', 'organizer'),
        ]),
        { accepted: 2, tentative: 1, declined: 1, noAnswer: 3 },
      );
    });

    it('no attendees (or only the organizer): nothing to store', () => {
      assert.equal(countResponses([]), undefined);
      assert.equal(countResponses([person('o@x.example', 'organizer')]), undefined);
    });

    it('toStoredMeeting records the counts, and leaves them out without attendees', () => {
      const meeting = {
        id: 'AAMk1',
        subject: 's',
        start: { dateTime: '2030-01-07T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2030-01-07T09:30:00', timeZone: 'UTC' },
        isOnlineMeeting: false,
        isOrganizer: true,
        isCancelled: false,
      };
      const at = (d: string) => Date.parse(`${d}Z`);
      const withPeople = toStoredMeeting(
        { ...meeting, attendees: [person('a@x.example', 'accepted'), person('b@x.example', 'declined')] },
        at,
      );
      assert.deepEqual(withPeople.responses, { accepted: 1, declined: 1 });
      assert.equal('responses' in toStoredMeeting({ ...meeting, attendees: [] }, at), false);
    });
  });

  describe('responseSummary (the row)', () => {
    it('"3 accepted, 1 declined, 2 no answer": in a fixed order, zero counts left out', () => {
      assert.equal(
        responseSummary({ noAnswer: 2, declined: 1, accepted: 3 }, words),
        '3 accepted, 1 declined, 2 no answer',
      );
      assert.equal(responseSummary({ tentative: 1, accepted: 0 }, words), '1 tentative');
    });

    it('an old record without counts, or a damaged value, shows nothing rather than failing', () => {
      assert.equal(responseSummary(undefined, words), undefined);
      assert.equal(responseSummary({}, words), undefined);
      assert.equal(responseSummary('3 accepted', words), undefined);
      assert.equal(responseSummary([3, 1], words), undefined);
      assert.equal(responseSummary({ accepted: -1, declined: 1.5, noAnswer: '2' }, words), undefined);
      assert.equal(responseSummary({ accepted: 2, declined: Number.NaN }, words), '2 accepted');
    });
  });

  describe("the tooltip's people", () => {
    const proposal = {
      start: { dateTime: '2030-01-08T10:00:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2030-01-08T10:30:00', timeZone: 'Europe/Berlin' },
    };

    it('formatSlot shows a proposed time in the display zone', () => {
      assert.equal(formatSlot(proposal, 'en-US', 'Europe/Berlin'), 'Jan 8, 2030, 10:00 AM – 10:30 AM');
      assert.equal(formatSlot(proposal, 'en-US', 'UTC'), 'Jan 8, 2030, 9:00 AM – 9:30 AM');
    });

    it('names a new time an attendee proposed after their answer', () => {
      const propose = (slot: NonNullable<Attendee['proposedNewTime']>) =>
        `proposes ${formatSlot(slot, 'en-US', 'UTC')}`;
      assert.equal(
        attendeeText(
          person('bo@x.example', 'declined', { name: 'Bo', proposedNewTime: proposal }),
          answers,
          propose,
        ),
        'Bo <bo@x.example> (declined; proposes Jan 8, 2030, 9:00 AM – 9:30 AM)',
      );
      assert.equal(
        attendeeText(person('cy@x.example', 'none', { proposedNewTime: proposal }), answers, propose),
        'cy@x.example (proposes Jan 8, 2030, 9:00 AM – 9:30 AM)',
      );
      assert.equal(
        attendeeText(person('di@x.example', 'accepted'), answers, propose),
        'di@x.example (accepted)',
      );
    });
  });
});
