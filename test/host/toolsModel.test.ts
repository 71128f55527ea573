import assert from 'node:assert/strict';
import { peopleList, zonedRange } from '../../src/host/toolsModel';

describe('toolsModel: the agent tools’ text', () => {
  it("writes a time range in the user's zone, the date once when it is one day", () => {
    const start = Date.UTC(2030, 0, 7, 9, 0);
    assert.equal(
      zonedRange(start, start + 30 * 60_000, 'Europe/Berlin'),
      '2030-01-07 10:00–10:30 (Europe/Berlin)',
    );
    assert.equal(
      zonedRange(start, start + 24 * 3_600_000, 'America/New_York'),
      '2030-01-07 04:00 – 2030-01-08 04:00 (America/New_York)',
    );
  });

  it('lists people up to a limit, then says how many more', () => {
    assert.equal(peopleList([]), '');
    assert.equal(peopleList(['a@x.example', 'b@x.example']), 'a@x.example, b@x.example');
    const many = Array.from({ length: 25 }, (_, i) => `p${i}@x.example`);
    assert.match(peopleList(many, 20), /^p0@x\.example, .*p19@x\.example \(\+5\)$/);
  });
});
