import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCommandArg, meetingNodeType, parseMeetingIdInput } from '../../src/host/commandArgs';
import { formatFieldErrors } from '../../src/services/errors';
import { formLock } from '../../src/host/formDispatch';
import {
  attendeeText,
  formatWhen,
  meetingContextValue,
  meetingState,
  pickOrder,
  rowAction,
  treeGroups,
} from '../../src/host/treeModel';
import { isSandboxEndpoint } from '../../src/host/sandbox';
import type { StoredMeeting } from '../../src/store/meetingStore';
import { groupMeetings } from '../../src/store/meetingStore';

const now = Date.UTC(2030, 0, 1, 12);
const m = (id: string, h: number, extra: Partial<StoredMeeting> = {}): StoredMeeting => ({
  id,
  subject: id,
  start: now + h * 3_600_000,
  end: now + h * 3_600_000 + 1_800_000,
  timeZone: 'UTC',
  online: false,
  status: 'active',
  organizer: true,
  ...extra,
});

describe('command arguments', () => {
  it('tells a tree node from an arguments object', () => {
    assert.deepEqual(classifyCommandArg(undefined), { kind: 'none' });
    assert.deepEqual(classifyCommandArg({ nodeType: meetingNodeType, meetingId: 'x', other: 1 }), {
      kind: 'node',
      meetingId: 'x',
    });
    class Node {
      readonly nodeType = meetingNodeType;
      constructor(readonly meetingId: string) {}
    }
    assert.deepEqual(classifyCommandArg(new Node('y')), { kind: 'node', meetingId: 'y' });
    assert.deepEqual(classifyCommandArg({ meetingId: 'z' }), { kind: 'args', args: { meetingId: 'z' } });
    assert.deepEqual(classifyCommandArg(JSON.parse('{"start":"2030-01-01T10:00"}')), {
      kind: 'args',
      args: { start: '2030-01-01T10:00' },
    });
    assert.deepEqual(classifyCommandArg('id'), { kind: 'invalid' });
    assert.deepEqual(classifyCommandArg([{ meetingId: 'z' }]), { kind: 'invalid' });
    assert.deepEqual(classifyCommandArg(new Date()), { kind: 'invalid' });
  });

  it('names every bad field', () => {
    const text = formatFieldErrors([
      { field: 'start', code: 'invalidDateTime', message: 'Not a date' },
      { field: 'attendees[1]', code: 'invalidEmail', message: 'Not an address' },
    ]);
    assert.equal(text, 'start: Not a date; attendees[1]: Not an address');
  });

  it('parses a pasted meeting ID', () => {
    assert.equal(parseMeetingIdInput('  AAMk=  '), 'AAMk=');
    assert.equal(parseMeetingIdInput('   '), undefined);
    assert.equal(parseMeetingIdInput('a b'), undefined);
  });
});

describe('tree model', () => {
  it('gives each meeting a state and context value', () => {
    assert.equal(meetingContextValue(m('a', 1, { online: true }), now), 'meeting.upcoming.online.organizer');
    assert.equal(meetingContextValue(m('a', -1, { organizer: false }), now), 'meeting.past');
    assert.equal(meetingContextValue(m('a', 1, { status: 'cancelled' }), now), 'meeting.cancelled.organizer');
    assert.equal(meetingState(m('a', 1, { status: 'deleted' }), now), 'deleted');
    assert.equal(meetingState(m('a', -0.25), now), 'upcoming');
  });

  it('orders the quick pick: upcoming soonest first, then past newest first, no cancelled', () => {
    const list = [m('p2', -48), m('p1', -2), m('u1', 1), m('u2', 24), m('c', 3, { status: 'cancelled' })];
    assert.deepEqual(
      pickOrder(groupMeetings(list, now)).map((x) => x.id),
      ['u1', 'u2', 'p1', 'p2'],
    );
  });

  it('opens every row in the form: to edit what the user can change, its details read-only otherwise (issue 15)', () => {
    assert.equal(rowAction(m('a', 1), now), 'edit');
    assert.equal(rowAction(m('a', -5, { online: true }), now), 'edit');
    assert.equal(rowAction(m('a', 1, { organizer: false }), now), 'view');
    assert.equal(rowAction(m('a', 1, { status: 'cancelled' }), now), 'view');
    assert.equal(rowAction(m('a', 1, { status: 'deleted' }), now), 'view');
  });

  it("names each attendee with their answer, as text (issue 15: the tooltip shows the attendees' answers)", () => {
    const answers = {
      organizer: 'organizer',
      tentativelyAccepted: 'tentative',
      accepted: 'accepted',
      declined: 'declined',
      notResponded: 'no answer',
    };
    assert.equal(
      attendeeText(
        { address: 'ana@contoso.example', name: 'Ana', type: 'required', response: 'accepted' },
        answers,
      ),
      'Ana <ana@contoso.example> (accepted)',
    );
    assert.equal(
      attendeeText({ address: 'bo@contoso.example', type: 'optional', response: 'declined' }, answers),
      'bo@contoso.example (declined)',
    );
    // `none` (Graph's default) and no answer at all add nothing.
    assert.equal(
      attendeeText({ address: 'c@contoso.example', type: 'required', response: 'none' }, answers),
      'c@contoso.example',
    );
    assert.equal(
      attendeeText({ address: 'c@contoso.example', name: 'c@contoso.example', type: 'required' }, answers),
      'c@contoso.example',
    );
  });

  it('lists Upcoming soonest first, Past newest first, and leaves out empty groups (issue 15)', () => {
    // The store hands groupMeetings its list sorted by start.
    const list = [m('p2', -48), m('p1', -2), m('u1', 1), m('u2', 24), m('u3', 48)];
    assert.deepEqual(
      treeGroups(groupMeetings(list, now)).map(([g, ms]) => [g, ms.map((x) => x.id)]),
      [
        ['upcoming', ['u1', 'u2', 'u3']],
        ['past', ['p1', 'p2']],
      ],
    );
    assert.deepEqual(
      treeGroups(groupMeetings([m('c', 3, { status: 'cancelled' })], now)).map(([g]) => g),
      ['cancelled'],
    );
    assert.deepEqual(treeGroups(groupMeetings([], now)), []);
  });
});

describe('sandbox detection (issue 15)', () => {
  it('is the sandbox when the endpoint is not a Microsoft Graph host', () => {
    assert.equal(isSandboxEndpoint('https://127.0.0.1:49152'), true);
    assert.equal(isSandboxEndpoint('https://localhost:8443'), true);
    assert.equal(isSandboxEndpoint('https://graph.microsoft.com'), false);
    assert.equal(isSandboxEndpoint('https://graph.microsoft.us'), false);
    assert.equal(isSandboxEndpoint('https://microsoftgraph.chinacloudapi.cn'), false);
    assert.equal(isSandboxEndpoint('not a url'), false);
  });
});

describe('package.json menus', () => {
  type MenuItem = { command: string; when?: string; group?: string };
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    contributes: { menus: Record<string, MenuItem[]> };
  };
  const itemMenus = pkg.contributes.menus['view/item/context'];

  /** Commands the item menu offers for a context value (evaluating only the `viewItem =~ /re/` part). */
  function offered(contextValue: string, inline: boolean): string[] {
    return itemMenus
      .filter((item) => (item.group ?? '').startsWith('inline') === inline)
      .filter((item) => {
        const match = /viewItem =~ \/(.+)\/$/.exec(item.when ?? '');
        assert.ok(match, `${item.command}: no viewItem regex in "${item.when}"`);
        assert.match(item.when ?? '', /^view == outlookMeetings\.meetings && /);
        return new RegExp(match[1]).test(contextValue);
      })
      .map((item) => item.command.replace('outlookMeetings.', ''))
      .sort();
  }

  it('offers each action only where it applies', () => {
    const cv = (id: string, h: number, extra: Partial<StoredMeeting> = {}): string =>
      meetingContextValue(m(id, h, extra), now);
    assert.deepEqual(offered(cv('a', 1, { online: true }), false), [
      'cancelMeeting',
      'copyMeetingId',
      'joinMeeting',
      'openInOutlook',
      'updateMeeting',
    ]);
    assert.deepEqual(offered(cv('a', 1, { online: true }), true), [
      'cancelMeeting',
      'joinMeeting',
      'updateMeeting',
    ]);
    assert.deepEqual(offered(cv('a', 1), false), [
      'cancelMeeting',
      'copyMeetingId',
      'openInOutlook',
      'updateMeeting',
    ]);
    assert.deepEqual(offered(cv('a', 1, { organizer: false, online: true }), false), [
      'copyMeetingId',
      'joinMeeting',
      'openInOutlook',
    ]);
    assert.deepEqual(offered(cv('a', -5, { online: true }), false), [
      'copyMeetingId',
      'openInOutlook',
      'updateMeeting',
    ]);
    assert.deepEqual(offered(cv('a', 1, { status: 'cancelled', online: true }), false), [
      'copyMeetingId',
      'openInOutlook',
    ]);
    assert.deepEqual(offered(cv('a', 1, { status: 'deleted' }), false), ['copyMeetingId']);
    assert.deepEqual(offered('group.upcoming', false), []);
  });

  it("gives the inline Cancel an icon that does not read as 'dismiss', and a title (issue 15)", () => {
    const { commands } = pkg.contributes as unknown as {
      commands: { command: string; title: string; icon?: string }[];
    };
    const cancel = commands.find((c) => c.command === 'outlookMeetings.cancelMeeting');
    assert.ok(cancel);
    assert.ok(['$(circle-slash)', '$(trash)'].includes(cancel.icon ?? ''), `icon ${cancel.icon}`);
    const nls = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.nls.json'), 'utf8')) as Record<
      string,
      string
    >;
    assert.equal(nls[cancel.title.replace(/^%|%$/g, '')], 'Cancel Meeting');
  });

  it('names a view alone in its container as the container, so the title is not "Outlook Meetings: Meetings" (issue 15)', () => {
    // VS Code's ViewPaneContainer.getTitle shows "<container>: <view>" for a single view unless both are the same.
    const { viewsContainers, views } = pkg.contributes as unknown as {
      viewsContainers: Record<string, { id: string; title: string }[]>;
      views: Record<string, { id: string; name: string }[]>;
    };
    const containers = Object.values(viewsContainers).flat();
    for (const [containerId, list] of Object.entries(views)) {
      const container = containers.find((c) => c.id === containerId);
      if (!container || list.length !== 1) continue;
      assert.equal(list[0]!.name, container.title, `${list[0]!.id} is not named as its container`);
    }
  });
});

describe('formatWhen (issue 10.4)', () => {
  it('never throws, whatever the stored numbers or the zone', () => {
    for (const [start, end] of [
      [1e20, 1e20 + 1],
      [Number.NaN, 0],
      [0, Number.POSITIVE_INFINITY],
      [-8.64e15 - 1, 0],
    ]) {
      assert.equal(typeof formatWhen(start!, end!, 'en-US', 'Europe/Berlin'), 'string');
    }
    assert.equal(typeof formatWhen(now, now + 1, 'en-US', 'Not/AZone'), 'string');
    assert.equal(typeof formatWhen(now, now + 1, 'not a locale!', undefined), 'string');
  });

  it('still formats ordinary times', () => {
    assert.match(formatWhen(now, now + 1_800_000, 'en-US', 'UTC'), /2030.*12:00.*12:30/);
  });
});

describe('which forms are read-only (issue 15)', () => {
  const read = (over: { isCancelled?: boolean; isOrganizer?: boolean } = {}) => ({
    isCancelled: false,
    isOrganizer: true,
    ...over,
  });
  it("locks a form whose meeting is cancelled or deleted (as stored or as Graph says) or not the user's", () => {
    assert.equal(formLock(m('a', 1), read()), undefined);
    assert.equal(formLock(undefined, read()), undefined);
    assert.equal(formLock(m('a', 1, { status: 'cancelled' }), undefined), 'cancelled');
    assert.equal(formLock(m('a', 1, { status: 'deleted' }), read()), 'deleted');
    assert.equal(formLock(m('a', 1), read({ isCancelled: true })), 'cancelled');
    assert.equal(formLock(undefined, read({ isOrganizer: false })), 'notOrganizer');
    assert.equal(formLock(m('a', 1, { status: 'cancelled' }), read({ isOrganizer: false })), 'cancelled');
  });
});
