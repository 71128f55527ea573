// Text pieces of the agent tools' confirmations and results, pure (no runtime `vscode`; tested in Node): times in the
// user's zone as an agent can read them back, and lists of people.
import { instantToWall } from '../core/datetime';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` and `HH:mm` of an instant in a zone. */
function wall(epochMs: number, zone: string): { date: string; time: string } {
  const w = instantToWall(epochMs, zone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** `2030-01-07 10:00–10:30 (Europe/Berlin)`; both dates when the range crosses midnight in the zone. */
export function zonedRange(start: number, end: number, zone: string): string {
  const a = wall(start, zone);
  const b = wall(end, zone);
  return a.date === b.date
    ? `${a.date} ${a.time}–${b.time} (${zone})`
    : `${a.date} ${a.time} – ${b.date} ${b.time} (${zone})`;
}

/** `a, b, c` up to `max` names, then `(+N)` for the rest. */
export function peopleList(people: readonly string[], max = 20): string {
  const shown = people.slice(0, max).join(', ');
  return people.length > max ? `${shown} (+${people.length - max})` : shown;
}
