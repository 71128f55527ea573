// What the fake's `GET /me/calendarView` lists: every event overlapping the window, with each repeating series expanded
// into its occurrences and changed occurrences (Microsoft Graph docs, "List calendarView": "the occurrences, exceptions,
// and single instances of events"; a series master itself is not listed). Series come from test/fake/recurrence.ts.
import type { FakeEvent } from './fakeGraph';
import type { SeriesDeps, SeriesFields } from './recurrence';
import { listInstances } from './recurrence';

/** The events of the calendar view over [start, end), soonest first (ties by id). */
export function calendarViewEvents(
  deps: SeriesDeps,
  start: number,
  end: number,
): (FakeEvent & SeriesFields)[] {
  const window = { startDateTime: new Date(start).toISOString(), endDateTime: new Date(end).toISOString() };
  const out: (FakeEvent & SeriesFields)[] = [];
  for (const ev of deps.events.values()) {
    if (ev.recurrence) {
      const occurrences = listInstances(deps, ev, window);
      if (occurrences.ok) out.push(...occurrences.value);
    } else if (
      ev.seriesMasterId === undefined &&
      ((ev.startMs < end && ev.endMs > start) || (ev.startMs === ev.endMs && ev.startMs === start))
    ) {
      out.push(ev);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
}
