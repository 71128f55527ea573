// Compile-time checks of the bodies sent to Graph against @microsoft/microsoft-graph-types, run by
// `npm run typecheck` and by test/core/graphTypes.test.ts: each line after a @ts-expect-error must not compile.
import type { Event } from '@microsoft/microsoft-graph-types';
import type { GraphEventPayload, SentAttendee, SentDateTime } from '../../src/core/mapping';

/**
 * Every body sent is a Graph `Event`, except that `onlineMeetingProvider` is any provider the calendar lists
 * (see GraphEventPayload); its key is still checked below.
 */
export const asEvent = (p: Omit<GraphEventPayload, 'onlineMeetingProvider'>): Event => p;

/** Every key sent is a key of `Event`. */
export const keysAreEventKeys: [Exclude<keyof GraphEventPayload, keyof Event>] extends [never] ? true : false = true;

export const misspelled: GraphEventPayload = {
  // @ts-expect-error `subjct` is not an event property
  subjct: 'x',
};

export const markdown: GraphEventPayload = {
  // @ts-expect-error Graph's body types are text and html
  body: { contentType: 'markdown', content: 'x' },
};

// @ts-expect-error a date-time needs its zone
export const noZone: SentDateTime = { dateTime: '2030-01-01T10:00:00' };

// @ts-expect-error attendee types are Graph's: required, optional, resource
export const maybe: SentAttendee = { emailAddress: { address: 'a@contoso.example' }, type: 'maybe' };
