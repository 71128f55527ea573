// Time-zone picker labels in Outlook's style, "(UTC+01:00) Berlin – Central European Time", from Intl.

/** One picker entry: the IANA zone, its label and its current offset in minutes (for sorting). */
export interface ZoneChoice {
  zone: string;
  label: string;
  offset: number;
}

function zoneName(zone: string, at: Date, lang: string, style: 'longOffset' | 'longGeneric'): string {
  try {
    const parts = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: style }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** The city part of a zone's label: "America/New_York" → "New York". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** The label of `zone` at `at`: its offset then, its city and its long generic name (when Intl has one). */
export function zoneChoice(zone: string, at: Date, lang: string): ZoneChoice {
  const m = /^GMT([+-])(\d\d):(\d\d)$/.exec(zoneName(zone, at, 'en-US', 'longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const utc = m ? `UTC${m[1]}${m[2]}:${m[3]}` : 'UTC+00:00';
  const city = zoneCity(zone);
  const generic = zoneName(zone, at, lang, 'longGeneric');
  // Zones without a name of their own get "GMT+03:00" back: the offset already says that.
  const named = generic !== '' && !/^(GMT|UTC)([+-]|$)/.test(generic) && generic !== city;
  return { zone, offset, label: `(${utc}) ${city}${named ? ` – ${generic}` : ''}` };
}

/** Zones in the picker's order: west to east, then by label. */
export function sortZoneChoices(list: ZoneChoice[]): ZoneChoice[] {
  return [...list].sort((a, b) => a.offset - b.offset || a.label.localeCompare(b.label));
}
