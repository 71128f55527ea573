// Time zone arithmetic for the fake Graph server, written independently of src/core so the fake stays an
// honest oracle for the code under test.

// Windows zone names and the IANA zone each stands for (CLDR windowsZones, territory 001), lower-cased.
const windowsToIana: Record<string, string> = {
  'afghanistan standard time': 'Asia/Kabul',
  'alaskan standard time': 'America/Anchorage',
  'aleutian standard time': 'America/Adak',
  'altai standard time': 'Asia/Barnaul',
  'arab standard time': 'Asia/Riyadh',
  'arabian standard time': 'Asia/Dubai',
  'arabic standard time': 'Asia/Baghdad',
  'argentina standard time': 'America/Buenos_Aires',
  'astrakhan standard time': 'Europe/Astrakhan',
  'atlantic standard time': 'America/Halifax',
  'aus central standard time': 'Australia/Darwin',
  'aus central w. standard time': 'Australia/Eucla',
  'aus eastern standard time': 'Australia/Sydney',
  'azerbaijan standard time': 'Asia/Baku',
  'azores standard time': 'Atlantic/Azores',
  'bahia standard time': 'America/Bahia',
  'bangladesh standard time': 'Asia/Dhaka',
  'belarus standard time': 'Europe/Minsk',
  'bougainville standard time': 'Pacific/Bougainville',
  'canada central standard time': 'America/Regina',
  'cape verde standard time': 'Atlantic/Cape_Verde',
  'caucasus standard time': 'Asia/Yerevan',
  'cen. australia standard time': 'Australia/Adelaide',
  'central america standard time': 'America/Guatemala',
  'central asia standard time': 'Asia/Almaty',
  'central brazilian standard time': 'America/Cuiaba',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'central pacific standard time': 'Pacific/Guadalcanal',
  'central standard time': 'America/Chicago',
  'central standard time (mexico)': 'America/Mexico_City',
  'chatham islands standard time': 'Pacific/Chatham',
  'china standard time': 'Asia/Shanghai',
  'cuba standard time': 'America/Havana',
  'dateline standard time': 'Etc/GMT+12',
  'e. africa standard time': 'Africa/Nairobi',
  'e. australia standard time': 'Australia/Brisbane',
  'e. europe standard time': 'Europe/Chisinau',
  'e. south america standard time': 'America/Sao_Paulo',
  'easter island standard time': 'Pacific/Easter',
  'eastern standard time': 'America/New_York',
  'eastern standard time (mexico)': 'America/Cancun',
  'egypt standard time': 'Africa/Cairo',
  'ekaterinburg standard time': 'Asia/Yekaterinburg',
  'fiji standard time': 'Pacific/Fiji',
  'fle standard time': 'Europe/Kiev',
  'georgian standard time': 'Asia/Tbilisi',
  'gmt standard time': 'Europe/London',
  'greenland standard time': 'America/Godthab',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'gtb standard time': 'Europe/Bucharest',
  'haiti standard time': 'America/Port-au-Prince',
  'hawaiian standard time': 'Pacific/Honolulu',
  'india standard time': 'Asia/Calcutta',
  'iran standard time': 'Asia/Tehran',
  'israel standard time': 'Asia/Jerusalem',
  'jordan standard time': 'Asia/Amman',
  'kaliningrad standard time': 'Europe/Kaliningrad',
  'korea standard time': 'Asia/Seoul',
  'libya standard time': 'Africa/Tripoli',
  'line islands standard time': 'Pacific/Kiritimati',
  'lord howe standard time': 'Australia/Lord_Howe',
  'magadan standard time': 'Asia/Magadan',
  'magallanes standard time': 'America/Punta_Arenas',
  'marquesas standard time': 'Pacific/Marquesas',
  'mauritius standard time': 'Indian/Mauritius',
  'middle east standard time': 'Asia/Beirut',
  'montevideo standard time': 'America/Montevideo',
  'morocco standard time': 'Africa/Casablanca',
  'mountain standard time': 'America/Denver',
  'mountain standard time (mexico)': 'America/Mazatlan',
  'myanmar standard time': 'Asia/Rangoon',
  'n. central asia standard time': 'Asia/Novosibirsk',
  'namibia standard time': 'Africa/Windhoek',
  'nepal standard time': 'Asia/Katmandu',
  'new zealand standard time': 'Pacific/Auckland',
  'newfoundland standard time': 'America/St_Johns',
  'norfolk standard time': 'Pacific/Norfolk',
  'north asia east standard time': 'Asia/Irkutsk',
  'north asia standard time': 'Asia/Krasnoyarsk',
  'north korea standard time': 'Asia/Pyongyang',
  'omsk standard time': 'Asia/Omsk',
  'pacific sa standard time': 'America/Santiago',
  'pacific standard time': 'America/Los_Angeles',
  'pacific standard time (mexico)': 'America/Tijuana',
  'pakistan standard time': 'Asia/Karachi',
  'paraguay standard time': 'America/Asuncion',
  'qyzylorda standard time': 'Asia/Qyzylorda',
  'romance standard time': 'Europe/Paris',
  'russia time zone 10': 'Asia/Srednekolymsk',
  'russia time zone 11': 'Asia/Kamchatka',
  'russia time zone 3': 'Europe/Samara',
  'russian standard time': 'Europe/Moscow',
  'sa eastern standard time': 'America/Cayenne',
  'sa pacific standard time': 'America/Bogota',
  'sa western standard time': 'America/La_Paz',
  'saint pierre standard time': 'America/Miquelon',
  'sakhalin standard time': 'Asia/Sakhalin',
  'samoa standard time': 'Pacific/Apia',
  'sao tome standard time': 'Africa/Sao_Tome',
  'saratov standard time': 'Europe/Saratov',
  'se asia standard time': 'Asia/Bangkok',
  'singapore standard time': 'Asia/Singapore',
  'south africa standard time': 'Africa/Johannesburg',
  'south sudan standard time': 'Africa/Juba',
  'sri lanka standard time': 'Asia/Colombo',
  'sudan standard time': 'Africa/Khartoum',
  'syria standard time': 'Asia/Damascus',
  'taipei standard time': 'Asia/Taipei',
  'tasmania standard time': 'Australia/Hobart',
  'tocantins standard time': 'America/Araguaina',
  'tokyo standard time': 'Asia/Tokyo',
  'tomsk standard time': 'Asia/Tomsk',
  'tonga standard time': 'Pacific/Tongatapu',
  'transbaikal standard time': 'Asia/Chita',
  'turkey standard time': 'Europe/Istanbul',
  'turks and caicos standard time': 'America/Grand_Turk',
  'ulaanbaatar standard time': 'Asia/Ulaanbaatar',
  'us eastern standard time': 'America/Indianapolis',
  'us mountain standard time': 'America/Phoenix',
  'utc': 'Etc/UTC',
  'utc+12': 'Etc/GMT-12',
  'utc+13': 'Etc/GMT-13',
  'utc-02': 'Etc/GMT+2',
  'utc-08': 'Etc/GMT+8',
  'utc-09': 'Etc/GMT+9',
  'utc-11': 'Etc/GMT+11',
  'venezuela standard time': 'America/Caracas',
  'vladivostok standard time': 'Asia/Vladivostok',
  'volgograd standard time': 'Europe/Volgograd',
  'w. australia standard time': 'Australia/Perth',
  'w. central africa standard time': 'Africa/Lagos',
  'w. europe standard time': 'Europe/Berlin',
  'w. mongolia standard time': 'Asia/Hovd',
  'west asia standard time': 'Asia/Tashkent',
  'west bank standard time': 'Asia/Hebron',
  'west pacific standard time': 'Pacific/Port_Moresby',
  'yakutsk standard time': 'Asia/Yakutsk',
  'yukon standard time': 'America/Whitehorse',
};

/**
 * The IANA names Graph takes besides Windows names: the "Additional time zones" of Microsoft Graph's
 * "dateTimeTimeZone resource type" page (the page writes a few as `Europe/Kyiv (Kiev)`, `Asia/Toshkent
 * (Tashkent)`, `Asia/Astana (Almaty)`, `Asia/Yangon (Rangoon)`: both spellings are here). Any other
 * name (`Europe/Madrid`, `Asia/Calcutta`, `Etc/UTC`) is answered 400 `TimeZoneNotSupportedException`.
 */
const documentedIana = new Set(
  `
  Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel America/Los_Angeles
  America/Phoenix America/Chihuahua America/Denver America/Guatemala America/Chicago America/Mexico_City
  America/Regina America/Bogota America/New_York America/Indiana/Indianapolis America/Caracas
  America/Asuncion America/Halifax America/Cuiaba America/La_Paz America/Santiago America/St_Johns
  America/Sao_Paulo America/Argentina/Buenos_Aires America/Cayenne America/Godthab America/Montevideo
  America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde Africa/Casablanca Etc/GMT Europe/London
  Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris Europe/Warsaw Africa/Lagos Africa/Windhoek
  Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus Africa/Johannesburg Europe/Kyiv Europe/Kiev
  Europe/Istanbul Asia/Jerusalem Asia/Amman Asia/Baghdad Europe/Kaliningrad Asia/Riyadh Africa/Nairobi
  Asia/Tehran Asia/Dubai Asia/Baku Europe/Moscow Indian/Mauritius Asia/Tbilisi Asia/Yerevan Asia/Kabul
  Asia/Karachi Asia/Toshkent Asia/Tashkent Asia/Kolkata Asia/Colombo Asia/Kathmandu Asia/Astana Asia/Almaty
  Asia/Dhaka Asia/Yekaterinburg Asia/Yangon Asia/Rangoon Asia/Bangkok Asia/Novosibirsk Asia/Shanghai
  Asia/Krasnoyarsk Asia/Singapore Australia/Perth Asia/Taipei Asia/Ulaanbaatar Asia/Irkutsk Asia/Tokyo
  Asia/Seoul Australia/Adelaide Australia/Darwin Australia/Brisbane Australia/Sydney Pacific/Port_Moresby
  Australia/Hobart Asia/Yakutsk Pacific/Guadalcanal Asia/Vladivostok Pacific/Auckland Etc/GMT-12
  Pacific/Fiji Asia/Magadan Pacific/Tongatapu Pacific/Apia Pacific/Kiritimati
  `
    .trim()
    .split(/\s+/)
    .map((z) => z.toLowerCase()),
);
/** Documented names Intl does not know. */
const documentedAliases: Record<string, string> = { 'asia/toshkent': 'Asia/Tashkent', 'asia/astana': 'Asia/Almaty' };

/**
 * The IANA zone Graph would use for a `timeZone` value (in a body or in `Prefer: outlook.timezone`), or
 * undefined when Graph refuses the name: only Windows names and the documented IANA names are taken.
 */
export function resolveZone(name: string): string | undefined {
  const folded = name.trim().toLowerCase();
  if (folded === 'tzone://microsoft/utc') return 'UTC';
  const windows = windowsToIana[folded];
  if (windows) return windows;
  if (!documentedIana.has(folded)) return undefined;
  const alias = documentedAliases[folded];
  if (alias) return alias;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: folded }).resolvedOptions().timeZone;
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
