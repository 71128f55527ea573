// Windows time zone names (as Outlook and Graph use them) and the IANA zones each stands for.
// Data: Unicode CLDR windowsZones.xml (supplemental data): the territory "001" (primary) zone of each Windows
// zone, then the other zones CLDR maps to it for some territory, so that every zone Intl knows has its Windows
// name (aliases that Intl canonicalises to a listed zone are left out). Zones with no Windows zone
// (Antarctica/Troll) have no row.

/**
 * One row per Windows zone: `name|primary zone other zones`. A name ending in `~` ends in " Standard Time";
 * a zone written `/City` is in the area of the zone before it (`Europe/Brussels /Madrid`). Compact because
 * the form's bundle carries it.
 */
const table = `
Dateline~|Etc/GMT+12
UTC-11|Etc/GMT+11 Pacific/Midway /Niue /Pago_Pago
Aleutian~|America/Adak
Hawaiian~|Pacific/Honolulu Etc/GMT+10 Pacific/Rarotonga /Tahiti
Marquesas~|Pacific/Marquesas
Alaskan~|America/Anchorage /Juneau /Metlakatla /Nome /Sitka /Yakutat
UTC-09|Etc/GMT+9 Pacific/Gambier
Pacific Standard Time (Mexico)|America/Tijuana
UTC-08|Etc/GMT+8 Pacific/Pitcairn
Pacific~|America/Los_Angeles /Vancouver
US Mountain~|America/Phoenix /Creston /Dawson_Creek /Fort_Nelson /Hermosillo Etc/GMT+7
Mountain Standard Time (Mexico)|America/Mazatlan
Mountain~|America/Denver /Boise /Cambridge_Bay /Ciudad_Juarez /Edmonton /Inuvik
Yukon~|America/Whitehorse /Dawson
Central America~|America/Guatemala /Belize /Costa_Rica /El_Salvador /Managua /Tegucigalpa Etc/GMT+6 Pacific/Galapagos
Central~|America/Chicago /Indiana/Knox /Indiana/Tell_City /Matamoros /Menominee /North_Dakota/Beulah /North_Dakota/Center /North_Dakota/New_Salem /Ojinaga /Rankin_Inlet /Resolute /Winnipeg
Easter Island~|Pacific/Easter
Central Standard Time (Mexico)|America/Mexico_City /Bahia_Banderas /Chihuahua /Merida /Monterrey
Canada Central~|America/Regina /Swift_Current
SA Pacific~|America/Bogota /Cayman /Coral_Harbour /Eirunepe /Guayaquil /Jamaica /Lima /Panama /Rio_Branco Etc/GMT+5
Eastern Standard Time (Mexico)|America/Cancun
Eastern~|America/New_York /Detroit /Indiana/Petersburg /Indiana/Vincennes /Indiana/Winamac /Iqaluit /Kentucky/Monticello /Louisville /Nassau /Toronto
Haiti~|America/Port-au-Prince
Cuba~|America/Havana
US Eastern~|America/Indianapolis /Indiana/Marengo /Indiana/Vevay
Turks And Caicos~|America/Grand_Turk
Paraguay~|America/Asuncion
Atlantic~|America/Halifax /Glace_Bay /Goose_Bay /Moncton /Thule Atlantic/Bermuda
Venezuela~|America/Caracas
Central Brazilian~|America/Cuiaba /Campo_Grande
SA Western~|America/La_Paz /Anguilla /Antigua /Aruba /Barbados /Blanc-Sablon /Boa_Vista /Curacao /Dominica /Grenada /Guadeloupe /Guyana /Kralendijk /Lower_Princes /Manaus /Marigot /Martinique /Montserrat /Port_of_Spain /Porto_Velho /Puerto_Rico /Santo_Domingo /St_Barthelemy /St_Kitts /St_Lucia /St_Thomas /St_Vincent /Tortola Etc/GMT+4
Pacific SA~|America/Santiago
Newfoundland~|America/St_Johns
Tocantins~|America/Araguaina
E. South America~|America/Sao_Paulo
SA Eastern~|America/Cayenne /Belem /Fortaleza /Maceio /Paramaribo /Recife /Santarem Antarctica/Palmer /Rothera Atlantic/Stanley Etc/GMT+3
Argentina~|America/Buenos_Aires /Argentina/La_Rioja /Argentina/Rio_Gallegos /Argentina/Salta /Argentina/San_Juan /Argentina/San_Luis /Argentina/Tucuman /Argentina/Ushuaia /Catamarca /Cordoba /Jujuy /Mendoza
Greenland~|America/Godthab
Montevideo~|America/Montevideo
Magallanes~|America/Punta_Arenas
Saint Pierre~|America/Miquelon
Bahia~|America/Bahia
UTC-02|Etc/GMT+2 America/Noronha Atlantic/South_Georgia
Azores~|Atlantic/Azores America/Scoresbysund
Cape Verde~|Atlantic/Cape_Verde Etc/GMT+1
UTC|Etc/UTC UTC
GMT~|Europe/London Atlantic/Canary /Faeroe /Madeira Europe/Dublin /Guernsey /Isle_of_Man /Jersey /Lisbon
Greenwich~|Atlantic/Reykjavik Africa/Abidjan /Accra /Bamako /Banjul /Bissau /Conakry /Dakar /Freetown /Lome /Monrovia /Nouakchott /Ouagadougou America/Danmarkshavn Atlantic/St_Helena
Sao Tome~|Africa/Sao_Tome
Morocco~|Africa/Casablanca /El_Aaiun
W. Europe~|Europe/Berlin Arctic/Longyearbyen Europe/Amsterdam /Andorra /Busingen /Gibraltar /Luxembourg /Malta /Monaco /Oslo /Rome /San_Marino /Stockholm /Vaduz /Vatican /Vienna /Zurich
Central Europe~|Europe/Budapest /Belgrade /Bratislava /Ljubljana /Podgorica /Prague /Tirane
Romance~|Europe/Paris Africa/Ceuta Europe/Brussels /Copenhagen /Madrid
Central European~|Europe/Warsaw /Sarajevo /Skopje /Zagreb
W. Central Africa~|Africa/Lagos /Algiers /Bangui /Brazzaville /Douala /Kinshasa /Libreville /Luanda /Malabo /Ndjamena /Niamey /Porto-Novo /Tunis Etc/GMT-1
Jordan~|Asia/Amman
GTB~|Europe/Bucharest Asia/Famagusta /Nicosia Europe/Athens
Middle East~|Asia/Beirut
Egypt~|Africa/Cairo
E. Europe~|Europe/Chisinau
Syria~|Asia/Damascus
West Bank~|Asia/Hebron /Gaza
South Africa~|Africa/Johannesburg /Blantyre /Bujumbura /Gaborone /Harare /Kigali /Lubumbashi /Lusaka /Maputo /Maseru /Mbabane Etc/GMT-2
FLE~|Europe/Kiev /Helsinki /Mariehamn /Riga /Sofia /Tallinn /Vilnius
Israel~|Asia/Jerusalem
South Sudan~|Africa/Juba
Kaliningrad~|Europe/Kaliningrad
Sudan~|Africa/Khartoum
Libya~|Africa/Tripoli
Namibia~|Africa/Windhoek
Arabic~|Asia/Baghdad
Turkey~|Europe/Istanbul
Arab~|Asia/Riyadh /Aden /Bahrain /Kuwait /Qatar
Belarus~|Europe/Minsk
Russian~|Europe/Moscow /Kirov /Simferopol
E. Africa~|Africa/Nairobi /Addis_Ababa /Asmera /Dar_es_Salaam /Djibouti /Kampala /Mogadishu Antarctica/Syowa Etc/GMT-3 Indian/Antananarivo /Comoro /Mayotte
Iran~|Asia/Tehran
Arabian~|Asia/Dubai /Muscat Etc/GMT-4
Astrakhan~|Europe/Astrakhan /Ulyanovsk
Azerbaijan~|Asia/Baku
Russia Time Zone 3|Europe/Samara
Mauritius~|Indian/Mauritius /Mahe /Reunion
Saratov~|Europe/Saratov
Georgian~|Asia/Tbilisi
Volgograd~|Europe/Volgograd
Caucasus~|Asia/Yerevan
Afghanistan~|Asia/Kabul
West Asia~|Asia/Tashkent Antarctica/Mawson Asia/Aqtau /Aqtobe /Ashgabat /Atyrau /Dushanbe /Oral /Samarkand Etc/GMT-5 Indian/Kerguelen /Maldives
Ekaterinburg~|Asia/Yekaterinburg
Pakistan~|Asia/Karachi
Qyzylorda~|Asia/Qyzylorda
India~|Asia/Calcutta
Sri Lanka~|Asia/Colombo
Nepal~|Asia/Katmandu
Central Asia~|Asia/Almaty Antarctica/Vostok Asia/Bishkek /Qostanay /Urumqi Etc/GMT-6 Indian/Chagos
Bangladesh~|Asia/Dhaka /Thimphu
Omsk~|Asia/Omsk
Myanmar~|Asia/Rangoon Indian/Cocos
SE Asia~|Asia/Bangkok Antarctica/Davis Asia/Jakarta /Phnom_Penh /Pontianak /Saigon /Vientiane Etc/GMT-7 Indian/Christmas
Altai~|Asia/Barnaul
W. Mongolia~|Asia/Hovd
North Asia~|Asia/Krasnoyarsk /Novokuznetsk
N. Central Asia~|Asia/Novosibirsk
Tomsk~|Asia/Tomsk
China~|Asia/Shanghai /Hong_Kong /Macau
North Asia East~|Asia/Irkutsk
Singapore~|Asia/Singapore /Brunei /Kuala_Lumpur /Kuching /Makassar /Manila Etc/GMT-8
W. Australia~|Australia/Perth
Taipei~|Asia/Taipei
Ulaanbaatar~|Asia/Ulaanbaatar
Aus Central W.~|Australia/Eucla
Transbaikal~|Asia/Chita
Tokyo~|Asia/Tokyo /Dili /Jayapura Etc/GMT-9 Pacific/Palau
North Korea~|Asia/Pyongyang
Korea~|Asia/Seoul
Yakutsk~|Asia/Yakutsk /Khandyga
Cen. Australia~|Australia/Adelaide /Broken_Hill
AUS Central~|Australia/Darwin
E. Australia~|Australia/Brisbane /Lindeman
AUS Eastern~|Australia/Sydney /Melbourne
West Pacific~|Pacific/Port_Moresby Antarctica/DumontDUrville Etc/GMT-10 Pacific/Guam /Saipan /Truk
Tasmania~|Australia/Hobart Antarctica/Macquarie
Vladivostok~|Asia/Vladivostok /Ust-Nera
Lord Howe~|Australia/Lord_Howe
Bougainville~|Pacific/Bougainville
Russia Time Zone 10|Asia/Srednekolymsk
Magadan~|Asia/Magadan
Norfolk~|Pacific/Norfolk
Sakhalin~|Asia/Sakhalin
Central Pacific~|Pacific/Guadalcanal Antarctica/Casey Etc/GMT-11 Pacific/Efate /Kosrae /Noumea /Ponape
Russia Time Zone 11|Asia/Kamchatka /Anadyr
New Zealand~|Pacific/Auckland Antarctica/McMurdo
UTC+12|Etc/GMT-12 Pacific/Funafuti /Kwajalein /Majuro /Nauru /Tarawa /Wake /Wallis
Fiji~|Pacific/Fiji
Chatham Islands~|Pacific/Chatham
UTC+13|Etc/GMT-13 Pacific/Enderbury /Fakaofo
Tonga~|Pacific/Tongatapu
Samoa~|Pacific/Apia
Line Islands~|Pacific/Kiritimati Etc/GMT-14
`;

/** A Windows zone: its name, its primary IANA zone, and every IANA zone mapped to it (the primary first). */
export interface WindowsZone {
  windows: string;
  primary: string;
  zones: readonly string[];
}

let rows: WindowsZone[] | undefined;
let byWindowsName: Map<string, WindowsZone> | undefined;
let byIanaName: Map<string, string> | undefined;

/** Every Windows zone, decoded from the table once. */
export function windowsZones(): readonly WindowsZone[] {
  if (!rows) {
    rows = [];
    for (const line of table.trim().split('\n')) {
      const [name, list] = line.split('|') as [string, string];
      let area = '';
      const zones = list.split(' ').map((z) => {
        const full = z.startsWith('/') ? area + z : z;
        area = full.slice(0, full.indexOf('/'));
        return full;
      });
      const windows = name.endsWith('~') ? `${name.slice(0, -1)} Standard Time` : name;
      rows.push({ windows, primary: zones[0]!, zones });
    }
  }
  return rows;
}

/** The Windows zone named `name` (case-insensitive), if it is one. */
export function findWindowsZone(name: string): WindowsZone | undefined {
  byWindowsName ??= new Map(windowsZones().map((z) => [z.windows.toLowerCase(), z]));
  return byWindowsName.get(name.toLowerCase());
}

/** The Windows name CLDR maps the IANA zone `iana` to (case-insensitive, no alias resolution), if any. */
export function windowsNameForIana(iana: string): string | undefined {
  if (!byIanaName) {
    byIanaName = new Map();
    for (const z of windowsZones()) for (const zone of z.zones) byIanaName.set(zone.toLowerCase(), z.windows);
  }
  return byIanaName.get(iana.toLowerCase());
}
