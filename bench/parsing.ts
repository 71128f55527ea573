// Body parsing on hostile input (issue 10, point 3): `findJoinBlock` and `htmlToText` on 1 MB of each shape
// that used to be quadratic; the worst shape's median is the figure.
import { htmlToText } from '../src/core/htmlText';
import { findJoinBlock } from '../src/core/mapping';
import type { Figure } from './stats';
import { median, nowMs, round } from './stats';

const size = 1_048_576;
const fill = (unit: string, bytes = size): string => unit.repeat(Math.ceil(bytes / unit.length));
const marker = `${'_'.repeat(40)}<a href="https://teams.microsoft.com/l/meetup-join/x">Join Microsoft Teams Meeting</a>`;

/** The hostile shapes: name, parser, input. */
const shapes: [string, (html: string) => unknown, string][] = [
  ['findJoinBlock: 100k nested divs, closed', (h) => findJoinBlock(h, 'html'), `${'<div>'.repeat(1e5)}${'</div>'.repeat(1e5)}${marker}`],
  ['findJoinBlock: nested divs, stray closes', (h) => findJoinBlock(h, 'html'), fill('<div>', size / 2) + fill('</p>', size / 2) + marker],
  ['findJoinBlock: separators without a marker', (h) => findJoinBlock(h, 'html'), fill(`${'_'.repeat(40)}x`)],
  ['findJoinBlock: unclosed comments', (h) => findJoinBlock(h, 'html'), fill('<div><!--') + marker],
  ['htmlToText: unclosed <', (h) => htmlToText(h), fill('<a')],
  ['htmlToText: unclosed comments', (h) => htmlToText(h), fill('<!--')],
  ['htmlToText: unclosed script', (h) => htmlToText(h), fill('<script>')],
  ['htmlToText: unclosed body tags', (h) => htmlToText(h), fill('<body')],
];

/** Times each shape `reps` times (after one warm-up run); reports the slowest shape's median. */
export function measureParsing(opts: { reps: number }): Figure[] {
  const medians = shapes.map(([name, parse, html]) => {
    parse(html);
    const times: number[] = [];
    for (let i = 0; i < opts.reps; i++) {
      const t0 = nowMs();
      parse(html);
      times.push(nowMs() - t0);
    }
    return { name, ms: median(times) };
  });
  const worst = medians.reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    {
      key: 'parsing.hostile1MB.worstMs',
      label: 'body parsing: 1 MB of hostile HTML, slowest shape (median)',
      value: round(worst.ms, 1),
      unit: 'ms',
      target: 300,
      note: medians.map((m) => `${m.name} ${m.ms.toFixed(1)} ms`).join('; '),
    },
  ];
}
