// Time zone arithmetic for the fake Graph server, written independently of src/core so the fake stays an
// honest oracle for the code under test.

const windowsToIana: Record<string, string> = {
  utc: 'UTC',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev',
  'russian standard time': 'Europe/Moscow',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'us mountain standard time': 'America/Phoenix',
  'pacific standard time': 'America/Los_Angeles',
  'alaskan standard time': 'America/Anchorage',
  'hawaiian standard time': 'Pacific/Honolulu',
  'atlantic standard time': 'America/Halifax',
  'e. south america standard time': 'America/Sao_Paulo',
  'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai',
  'tokyo standard time': 'Asia/Tokyo',
  'korea standard time': 'Asia/Seoul',
  'singapore standard time': 'Asia/Singapore',
  'aus eastern standard time': 'Australia/Sydney',
  'new zealand standard time': 'Pacific/Auckland',
  'south africa standard time': 'Africa/Johannesburg',
  'arabian standard time': 'Asia/Dubai',
  'israel standard time': 'Asia/Jerusalem',
};

/** The IANA zone Graph would use for a `timeZone` value (Windows or IANA name), or undefined if unknown. */
export function resolveZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (/^(utc|etc\/utc|gmt|etc\/gmt|tzone:\/\/microsoft\/utc)$/i.test(trimmed)) return 'UTC';
  const windows = windowsToIana[trimmed.toLowerCase()];
  if (windows) return windows;
  if (!trimmed.includes('/')) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(zone: string, utcMs: number): number {
  if (zone === 'UTC') return 0;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Parses Graph's `dateTime` (`YYYY-MM-DDTHH:mm[:ss[.fffffff]]`) to milliseconds of a wall clock read as UTC. */
export function parseWall(dateTime: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/.exec(dateTime);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo! - 1 ||
    back.getUTCDate() !== d ||
    back.getUTCHours() !== h ||
    back.getUTCMinutes() !== mi
  ) {
    return undefined;
  }
  return ms + Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
}

/** The instant of a wall time in a zone (a nonexistent time moves forward by the gap). */
export function wallToUtc(wallMs: number, zone: string): number {
  const day = 24 * 60 * 60 * 1000;
  const before = offsetMs(zone, wallMs - day);
  const after = offsetMs(zone, wallMs + day);
  const valid = [wallMs - before, wallMs - after].filter((t) => offsetMs(zone, t) === wallMs - t);
  return valid.length > 0 ? Math.min(...valid) : wallMs - before;
}

/** Graph's answer format for an instant in a zone: `YYYY-MM-DDTHH:mm:ss.0000000`. */
export function formatInZone(utcMs: number, zone: string): string {
  const wall = new Date(utcMs + offsetMs(zone, utcMs));
  const iso = wall.toISOString();
  return `${iso.slice(0, 19)}.${String(wall.getUTCMilliseconds()).padStart(3, '0')}0000`;
}
