// ISO 8601 date-times, wall times in IANA zones through `Intl`, daylight-saving gaps and overlaps,
// and zone names: canonical IANA for calculation and display, Windows names for Graph. No date library:
// the webview bundles this.
import type { GraphDateTime } from './types';
import { findWindowsZone, windowsNameForIana } from './timeZones';

/** A clock reading without a zone: what a wall clock shows. `month` is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A parsed ISO 8601 date-time: an exact instant (it had an offset) or a wall time (it had none). */
export type ParsedDateTime =
  { kind: 'instant'; epochMs: number; offsetMinutes: number } | { kind: 'wall'; wall: WallTime };

/** Resolving a wall time in a zone: the instant, or the daylight-saving gap it falls into. */
export type WallResolution =
  | { ok: true; epochMs: number; ambiguous: boolean }
  | { ok: false; reason: 'nonexistent'; gapStart: WallTime; gapEnd: WallTime };

const MINUTE = 60_000;
const DAY = 86_400_000;

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** Days in `month` (1-12) of `year` (proleptic Gregorian). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the fields form a real calendar date and clock time (no Feb 30, no 24:00, no leap second). */
function isValidWallTime(w: WallTime): boolean {
  return (
    Number.isInteger(w.year) &&
    w.year >= 1 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59 &&
    w.millisecond >= 0 &&
    w.millisecond <= 999
  );
}

/**
 * Parses `YYYY-MM-DDTHH:mm[:ss[.fff]]` with an optional offset (`Z`, `+02:00`, `+0200`, `+02`).
 * Fractions beyond milliseconds are truncated (Graph sends seven digits). Returns undefined when the
 * text is malformed or names an impossible date or time.
 */
export function parseIsoDateTime(text: string): ParsedDateTime | undefined {
  const m = isoPattern.exec(text);
  if (!m) return undefined;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0')),
  };
  if (!isValidWallTime(wall)) return undefined;
  if (m[8] === undefined && m[9] === undefined) return { kind: 'wall', wall };
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const hours = Number(m[10]);
    const minutes = m[11] === undefined ? 0 : Number(m[11]);
    if (hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { kind: 'instant', epochMs: wallToUtcMs(wall) - offsetMinutes * MINUTE, offsetMinutes };
}

/** The wall time's fields read as if they were UTC, in epoch milliseconds (years 1-99 included). */
export function wallToUtcMs(w: WallTime): number {
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  if (w.year !== 2000) d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getTime();
}

/** The UTC wall time of an instant. */
export function utcMsToWall(epochMs: number): WallTime {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:mm:ss`, the form Graph takes (milliseconds dropped). */
export function formatWallTime(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** `YYYY-MM-DD HH:mm`, for messages. */
function formatWallTimeShort(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(ianaZone: string): Intl.DateTimeFormat {
  let f = formatters.get(ianaZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: ianaZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(ianaZone, f);
  }
  return f;
}

/** The offset of `ianaZone` from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(epochMs: number, ianaZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of formatterFor(ianaZone).formatToParts(whole)) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'B' || fields.era === 'BC') year = 1 - year;
  const asUtc = wallToUtcMs({
    year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: 0,
  });
  return asUtc - whole;
}

/** The wall time in `ianaZone` at an instant. */
export function instantToWall(epochMs: number, ianaZone: string): WallTime {
  return utcMsToWall(epochMs + zoneOffsetMs(epochMs, ianaZone));
}

/**
 * The instant a wall time in `ianaZone` stands for. A time that occurs twice (the clocks fall back)
 * resolves to the earlier occurrence, the one still on the offset before the change; `ambiguous`
 * says it happened. A time that never occurs (the clocks spring forward over it) is not resolved:
 * the answer names the gap, `gapStart` (the clocks jump away from it) to `gapEnd` (the first valid time).
 */
export function wallToInstant(wall: WallTime, ianaZone: string): WallResolution {
  const local = wallToUtcMs(wall);
  const before = zoneOffsetMs(local - DAY, ianaZone);
  const after = zoneOffsetMs(local + DAY, ianaZone);
  const matches: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = local - offset;
    if (candidate + zoneOffsetMs(candidate, ianaZone) === local) matches.push(candidate);
  }
  if (matches.length === 0) {
    // Both offsets agree near `local` when the zone changed more than once within a day; retry on the exact one.
    const exact = zoneOffsetMs(local - zoneOffsetMs(local, ianaZone), ianaZone);
    const candidate = local - exact;
    if (candidate + zoneOffsetMs(candidate, ianaZone) === local) matches.push(candidate);
  }
  if (matches.length > 0) {
    return { ok: true, epochMs: Math.min(...matches), ambiguous: matches.length > 1 };
  }
  const offsets = [before, after, zoneOffsetMs(local, ianaZone)];
  const transition = findTransition(local - Math.max(...offsets), local - Math.min(...offsets), ianaZone);
  const offBefore = zoneOffsetMs(transition - 1, ianaZone);
  const offAfter = zoneOffsetMs(transition, ianaZone);
  return {
    ok: false,
    reason: 'nonexistent',
    gapStart: utcMsToWall(transition + offBefore),
    gapEnd: utcMsToWall(transition + offAfter),
  };
}

/** The first instant in (lo, hi] whose offset differs from the offset at `lo`, to the second. */
function findTransition(lo: number, hi: number, ianaZone: string): number {
  const start = zoneOffsetMs(lo, ianaZone);
  let low = Math.floor(lo / 1000) * 1000;
  let high = Math.ceil(hi / 1000) * 1000;
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2000) * 1000;
    if (zoneOffsetMs(mid, ianaZone) === start) low = mid;
    else high = mid;
  }
  return high;
}

const knownZones = new Map<string, string | undefined>();
const ianaNameShape = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** Intl's canonical form of an IANA name (`uS/eAsTeRn` -> `America/New_York`), or undefined if Intl has no such zone. */
function intlCanonical(name: string): string | undefined {
  if (!ianaNameShape.test(name) || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The canonical IANA name of a zone the user gave, for local calculation and display: an IANA name in the
 * form Intl canonicalises it to (case and aliases: `uS/eAsTeRn` -> `America/New_York`, `Etc/UTC` -> `UTC`),
 * a Windows name as its primary IANA zone (`Romance Standard Time` -> `Europe/Paris`). Undefined when unknown.
 * Graph takes other names: see `toWindowsZone`.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (knownZones.has(name)) return knownZones.get(name);
  const trimmed = name.trim();
  const windows = findWindowsZone(trimmed);
  const canonical = windows ? (intlCanonical(windows.primary) ?? windows.primary) : intlCanonical(trimmed);
  if (knownZones.size > 500) knownZones.clear();
  knownZones.set(name, canonical);
  return canonical;
}

/** Whether Intl understands the zone: an IANA name Intl knows, or a Windows zone name. */
export function isKnownTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== undefined;
}

/** The canonical IANA zone for an IANA or Windows zone name (`W. Europe Standard Time` -> `Europe/Berlin`), or undefined. */
export function toIanaZone(name: string): string | undefined {
  return canonicalTimeZone(name);
}

/**
 * The Windows zone name Graph takes for an IANA or Windows name (CLDR windowsZones: `Europe/Madrid` ->
 * `Romance Standard Time`), aliases included. Undefined when the zone is unknown or Windows has no
 * equivalent (`Antarctica/Troll`). Graph refuses most IANA names (Microsoft Graph docs, "dateTimeTimeZone
 * resource type": Windows names plus a fixed list of IANA names), so every name sent is a Windows one.
 */
export function toWindowsZone(name: string): string | undefined {
  const trimmed = name.trim();
  const windows = findWindowsZone(trimmed);
  if (windows) return windows.windows;
  const direct = windowsNameForIana(trimmed);
  if (direct) return direct;
  const canonical = canonicalTimeZone(trimmed);
  return canonical === undefined ? undefined : windowsNameForIana(canonical);
}

/** The user's zone as the runtime reports it (an IANA name), `UTC` when it reports none. */
export function userTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Why a date-time could not be turned into a Graph date-time. */
export type GraphDateTimeError =
  | { code: 'invalidDateTime' }
  | { code: 'unknownTimeZone' }
  | { code: 'dateOutOfRange' }
  | { code: 'nonexistentLocalTime'; gapStart: string; gapEnd: string };

/** A Graph date-time and the instant it stands for. */
export interface ResolvedDateTime {
  value: GraphDateTime;
  epochMs: number;
  /** The wall time occurs twice in the zone; the earlier occurrence was taken. */
  ambiguous: boolean;
}

/**
 * Turns an ISO 8601 input into what Graph takes. With an offset, the instant is converted to the wall
 * time in `timeZone` (so the invite shows in that zone); without one, it is a wall time in `timeZone`,
 * checked to exist there. Seconds fractions are dropped. The value's zone is the canonical IANA name
 * (`canonicalTimeZone`); an instant whose wall time there falls outside years 1 to 9999 is `dateOutOfRange`.
 */
export function toGraphDateTime(
  text: string,
  timeZone: string,
): { ok: true; value: ResolvedDateTime } | { ok: false; error: GraphDateTimeError } {
  const parsed = parseIsoDateTime(text.trim());
  if (!parsed) return { ok: false, error: { code: 'invalidDateTime' } };
  const zone = canonicalTimeZone(timeZone);
  if (zone === undefined) return { ok: false, error: { code: 'unknownTimeZone' } };
  if (parsed.kind === 'instant') {
    const epochMs = Math.floor(parsed.epochMs / 1000) * 1000;
    const wall = instantToWall(epochMs, zone);
    if (!isValidWallTime(wall)) return { ok: false, error: { code: 'dateOutOfRange' } };
    return {
      ok: true,
      value: { value: { dateTime: formatWallTime(wall), timeZone: zone }, epochMs, ambiguous: false },
    };
  }
  const wall = { ...parsed.wall, millisecond: 0 };
  const resolved = wallToInstant(wall, zone);
  if (!resolved.ok) {
    return {
      ok: false,
      error: {
        code: 'nonexistentLocalTime',
        gapStart: formatWallTimeShort(resolved.gapStart),
        gapEnd: formatWallTimeShort(resolved.gapEnd),
      },
    };
  }
  return {
    ok: true,
    value: {
      value: { dateTime: formatWallTime(wall), timeZone: zone },
      epochMs: resolved.epochMs,
      ambiguous: resolved.ambiguous,
    },
  };
}

/**
 * The instant a Graph date-time stands for (epoch ms). Accepts Graph's seven-digit fractions and
 * zones `UTC`, IANA or Windows names. An ambiguous wall time takes the earlier occurrence; one in a
 * gap is moved forward by the gap's length (as clocks do). Undefined when the value is unusable.
 */
export function graphDateTimeToEpochMs(value: GraphDateTime): number | undefined {
  const parsed = parseIsoDateTime(value.dateTime.trim());
  if (!parsed) return undefined;
  if (parsed.kind === 'instant') return parsed.epochMs;
  const iana = toIanaZone(value.timeZone);
  if (iana === undefined) return undefined;
  const resolved = wallToInstant(parsed.wall, iana);
  if (resolved.ok) return resolved.epochMs;
  const local = wallToUtcMs(parsed.wall);
  return local - zoneOffsetMs(local - DAY, iana);
}

/** A Graph date-time re-expressed as the wall time in another zone (same instant). */
export function convertGraphDateTime(value: GraphDateTime, timeZone: string): GraphDateTime | undefined {
  const epochMs = graphDateTimeToEpochMs(value);
  const zone = canonicalTimeZone(timeZone);
  if (epochMs === undefined || zone === undefined) return undefined;
  return { dateTime: formatWallTime(instantToWall(epochMs, zone)), timeZone: zone };
}
