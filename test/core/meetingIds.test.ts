// One meeting-ID rule wherever an ID comes in (issue 10.7): command arguments, tree nodes, typed IDs, form
// messages, stored records, and the Graph client's request path.
import assert from 'node:assert/strict';
import { isMeetingId } from '../../src/core/meetingId';
import { validateCancel, validateUpdate } from '../../src/core/validate';
import {
  classifyCommandArg,
  meetingIdArgument,
  meetingNodeType,
  parseMeetingIdInput,
} from '../../src/host/commandArgs';
import { isInvalidArgumentsError } from '../../src/services/errors';
import type { FormMessageHandlers } from '../../src/host/formDispatch';
import { dispatchFormMessage } from '../../src/host/formDispatch';
import type { MementoLike } from '../../src/store/meetingStore';
import { MeetingStore } from '../../src/store/meetingStore';

/** IDs that must never be accepted: path segments that escape `/me/events/`, line breaks, controls. */
const hostile = ['.', '..', '...', 'AAMk\n', 'a\r\nb', 'a\u0000b', 'a b', '', 'x'.repeat(513), '\u2028'];
const good = ['AAMkAGI2TG93AAA=', 'AAMk-_=+/', 'M1', 'a.b', '.a'];

describe('meeting IDs: one rule everywhere (issue 10.7)', () => {
  it('the core rule refuses dot-only IDs, whitespace and controls, and over-long IDs', () => {
    for (const id of hostile) assert.equal(isMeetingId(id), false, JSON.stringify(id));
    for (const id of good) assert.equal(isMeetingId(id), true, id);
    assert.equal(isMeetingId(42), false);
  });

  it('update and cancel name meetingId for a dot-only ID', () => {
    for (const id of ['.', '..']) {
      const c = validateCancel({ meetingId: id });
      assert.ok(!c.ok && c.errors[0]!.field === 'meetingId', id);
      const u = validateUpdate({ meetingId: id }, { defaultTimeZone: 'UTC' });
      assert.ok(!u.ok && u.errors[0]!.field === 'meetingId', id);
    }
  });

  it('command arguments: an arguments object with a bad meetingId is refused, naming the field', () => {
    for (const id of [...hostile, 42, undefined]) {
      assert.throws(
        () => meetingIdArgument('outlookMeetings.copyMeetingId', { meetingId: id }),
        (e: unknown) => isInvalidArgumentsError(e) && e.errors[0]!.field === 'meetingId',
        JSON.stringify(id),
      );
    }
    assert.equal(meetingIdArgument('outlookMeetings.copyMeetingId', { meetingId: 'AAMk=' }), 'AAMk=');
    assert.throws(() => meetingIdArgument('outlookMeetings.copyMeetingId', { meetingId: ' AAMk= ' }));
  });

  it('tree nodes and typed IDs follow the same rule', () => {
    for (const id of hostile) {
      assert.equal(
        classifyCommandArg({ nodeType: meetingNodeType, meetingId: id }).kind,
        'invalid',
        JSON.stringify(id),
      );
      const typed = parseMeetingIdInput(id);
      assert.ok(typed === undefined || (typed === id.trim() && isMeetingId(typed)), JSON.stringify(id));
    }
    assert.equal(parseMeetingIdInput(' .. '), undefined);
    assert.equal(parseMeetingIdInput('.'), undefined);
    assert.equal(parseMeetingIdInput(' AAMk= \n'), 'AAMk=', 'a pasted ID is trimmed');
  });

  it('a form action with a bad meetingId reaches no handler', async () => {
    for (const id of ['.', '..', 'a\nb']) {
      const calls: string[] = [];
      const handlers: FormMessageHandlers = {
        ready: () => Promise.resolve(),
        submit: () => Promise.resolve(),
        command: () => {
          calls.push('command');
          return Promise.resolve();
        },
        draft: () => calls.push('draft'),
        findTime: () => Promise.resolve(),
        rejected: () => calls.push('rejected'),
        failed: () => calls.push('failed'),
      };
      await dispatchFormMessage({ type: 'action', action: 'copyId', meetingId: id }, handlers);
      assert.deepEqual(calls, ['rejected'], JSON.stringify(id));
    }
  });

  it('stored records with a bad ID are not shown (kept as they are)', () => {
    const values = new Map<string, unknown>();
    const memento: MementoLike = {
      get: <T>(key: string) => values.get(key) as T | undefined,
      update: (key, value) => {
        values.set(key, value);
        return Promise.resolve();
      },
    };
    const record = (id: string) => ({
      id,
      subject: id,
      start: 0,
      end: 1,
      timeZone: 'UTC',
      online: false,
      status: 'active',
      organizer: true,
    });
    values.set('meetings/acc', [record('..'), record('ok'), record('a\nb')]);
    assert.deepEqual(
      new MeetingStore(memento).list('acc').map((m) => m.id),
      ['ok'],
    );
  });
});
