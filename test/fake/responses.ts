// Test hook: attendees answering a meeting in the fake Graph (issue 12: "lets the tests set attendee responses").
import type { FakeEvent, FakeGraph } from './fakeGraph';

/** An attendee's answer, as Graph's `responseStatus.response` names it. */
export type FakeResponse = NonNullable<FakeEvent['attendees'][number]['response']>;

/**
 * Records `address`'s answer to the event `id` (and a new time they propose, as instants), as if they had answered in
 * Outlook; Graph then reports it in `attendees[].status` and `attendees[].proposedNewTime`. Throws when the event or the
 * attendee is not there, so a test cannot set an answer nobody reads.
 */
export function respond(
  fake: FakeGraph,
  id: string,
  address: string,
  response: FakeResponse,
  proposedNewTime?: { startMs: number; endMs: number },
): void {
  const ev = fake.events.get(id);
  if (!ev) throw new Error(`respond: the fake has no event ${id}`);
  const attendee = ev.attendees.find((a) => a.address.toLowerCase() === address.toLowerCase());
  if (!attendee) throw new Error(`respond: ${address} is not an attendee of ${id}`);
  attendee.response = response;
  attendee.responseTime = new Date().toISOString();
  if (proposedNewTime) attendee.proposedNewTime = { ...proposedNewTime };
  else delete attendee.proposedNewTime;
}
