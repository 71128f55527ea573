// Part "findTime": free/busy for 20 attendees is one getSchedule request (the documented limit per call), 45 are three;
// and the time one getAvailability of 20 takes end to end (shipped dist/operations.js service over dist/graph.js's
// client, against an in-process fake Graph over HTTPS: the figure includes the fake's own work, so it is informative).
import path from 'node:path';
import type { AvailabilityRequest } from '../src/core/findTime';
import type * as ClientModule from '../src/graph/client';
import type * as OperationsModule from '../src/services/meetingOperations';
import { startFakeGraph } from '../test/fake/fakeGraph';
import { findTimeOverFake } from '../test/fake/findTimeService';
import { fetchTrusting } from '../test/fake/trustFetch';
import type { Figure } from './stats';
import { median, nowMs } from './stats';

const day = Date.UTC(2030, 0, 7);
const H = 3_600_000;

/** Counts getSchedule requests for 20 and 45 attendees and times the 20 (median of `reps`). */
export async function measureFindTime(opts: { distDir: string; reps: number }): Promise<Figure[]> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { MeetingsClient } = require(path.join(opts.distDir, 'graph.js')) as typeof ClientModule;
  const { FindTimeService } = require(path.join(opts.distDir, 'operations.js')) as typeof OperationsModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const fake = await startFakeGraph();
  const trust = fetchTrusting(fake.caPem);
  try {
    const service = findTimeOverFake({ MeetingsClient, FindTimeService }, fake, trust.fetch);
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@contoso.example`);
    for (const [i, email] of emails(45).entries())
      fake.findTime.addBusy(email, {
        startMs: day + (8 + (i % 8)) * H,
        endMs: day + (9 + (i % 8)) * H,
        status: 'busy',
      });
    const request = (n: number): AvailabilityRequest => ({
      emails: emails(n),
      startMs: day,
      endMs: day + 24 * H,
      intervalMinutes: 30,
      timeZone: 'Europe/Berlin',
    });
    const count = async (n: number): Promise<number> => {
      const mark = fake.requests.length;
      const result = await service.getAvailability(request(n));
      if (!result.ok || result.value.length !== n) throw new Error(`getAvailability of ${n} failed`);
      return fake.requests.slice(mark).filter((r) => r.path.endsWith('/me/calendar/getSchedule')).length;
    };
    const twenty = await count(20);
    const fortyFive = await count(45);
    const times: number[] = [];
    for (let i = 0; i < opts.reps; i++) {
      const t = nowMs();
      await service.getAvailability(request(20));
      times.push(nowMs() - t);
    }
    return [
      {
        key: 'findTime.freeBusy20.requests',
        label: 'find a time: getSchedule requests for 20 attendees',
        value: twenty,
        unit: 'requests',
        target: 1,
      },
      {
        key: 'findTime.freeBusy45.requests',
        label: 'find a time: getSchedule requests for 45 attendees (20 per request)',
        value: fortyFive,
        unit: 'requests',
      },
      {
        key: 'findTime.freeBusy20.ms',
        label: 'find a time: getAvailability of 20 attendees, one day, end to end (fake in process)',
        value: median(times),
        unit: 'ms',
        note: `median of ${opts.reps}`,
      },
    ];
  } finally {
    await trust.close();
    await fake.close();
  }
}
