// Windows time zone names (as Outlook and Graph use them) and the IANA zone each stands for.
// Data: Unicode CLDR windowsZones.xml (supplemental data): the territory "001" (primary) zone of each
// Windows zone, and the other zones CLDR maps to it. Zones with no Windows zone (Antarctica/Troll) have no row.

/**
 * One row per Windows zone: `[Windows name, primary IANA zone (territory 001), other IANA zones]`, the
 * others space-separated: every zone (and the common aliases) CLDR maps to that Windows zone for some
 * territory, so that any zone Intl knows has its Windows name.
 */
export const windowsZones: ReadonlyArray<readonly [string, string, string?]> = [
  ['Dateline Standard Time', 'Etc/GMT+12'],
  ['UTC-11', 'Etc/GMT+11', 'Pacific/Midway Pacific/Niue Pacific/Pago_Pago Pacific/Samoa'],
  ['Aleutian Standard Time', 'America/Adak', 'America/Atka'],
  ['Hawaiian Standard Time', 'Pacific/Honolulu', 'Etc/GMT+10 Pacific/Johnston Pacific/Rarotonga Pacific/Tahiti'],
  ['Marquesas Standard Time', 'Pacific/Marquesas'],
  ['Alaskan Standard Time', 'America/Anchorage', 'America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat'],
  ['UTC-09', 'Etc/GMT+9', 'Pacific/Gambier'],
  ['Pacific Standard Time (Mexico)', 'America/Tijuana', 'America/Ensenada America/Santa_Isabel'],
  ['UTC-08', 'Etc/GMT+8', 'Pacific/Pitcairn'],
  ['Pacific Standard Time', 'America/Los_Angeles', 'America/Vancouver'],
  ['US Mountain Standard Time', 'America/Phoenix', 'America/Creston America/Dawson_Creek America/Fort_Nelson America/Hermosillo Etc/GMT+7'],
  ['Mountain Standard Time (Mexico)', 'America/Mazatlan'],
  ['Mountain Standard Time', 'America/Denver', 'America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Edmonton America/Inuvik America/Shiprock America/Yellowknife'],
  ['Yukon Standard Time', 'America/Whitehorse', 'America/Dawson'],
  ['Central America Standard Time', 'America/Guatemala', 'America/Belize America/Costa_Rica America/El_Salvador America/Managua America/Tegucigalpa Etc/GMT+6 Pacific/Galapagos'],
  ['Central Standard Time', 'America/Chicago', 'America/Indiana/Knox America/Indiana/Tell_City America/Knox_IN America/Matamoros America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rainy_River America/Rankin_Inlet America/Resolute America/Winnipeg'],
  ['Easter Island Standard Time', 'Pacific/Easter'],
  ['Central Standard Time (Mexico)', 'America/Mexico_City', 'America/Bahia_Banderas America/Chihuahua America/Merida America/Monterrey'],
  ['Canada Central Standard Time', 'America/Regina', 'America/Swift_Current'],
  ['SA Pacific Standard Time', 'America/Bogota', 'America/Atikokan America/Cayman America/Coral_Harbour America/Eirunepe America/Guayaquil America/Jamaica America/Lima America/Panama America/Porto_Acre America/Rio_Branco Etc/GMT+5'],
  ['Eastern Standard Time (Mexico)', 'America/Cancun'],
  ['Eastern Standard Time', 'America/New_York', 'America/Detroit America/Indiana/Petersburg America/Indiana/Vincennes America/Indiana/Winamac America/Iqaluit America/Kentucky/Louisville America/Kentucky/Monticello America/Louisville America/Montreal America/Nassau America/Nipigon America/Pangnirtung America/Thunder_Bay America/Toronto'],
  ['Haiti Standard Time', 'America/Port-au-Prince'],
  ['Cuba Standard Time', 'America/Havana'],
  ['US Eastern Standard Time', 'America/Indianapolis', 'America/Fort_Wayne America/Indiana/Indianapolis America/Indiana/Marengo America/Indiana/Vevay'],
  ['Turks And Caicos Standard Time', 'America/Grand_Turk'],
  ['Paraguay Standard Time', 'America/Asuncion'],
  ['Atlantic Standard Time', 'America/Halifax', 'America/Glace_Bay America/Goose_Bay America/Moncton America/Thule Atlantic/Bermuda'],
  ['Venezuela Standard Time', 'America/Caracas'],
  ['Central Brazilian Standard Time', 'America/Cuiaba', 'America/Campo_Grande'],
  ['SA Western Standard Time', 'America/La_Paz', 'America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Boa_Vista America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Guyana America/Kralendijk America/Lower_Princes America/Manaus America/Marigot America/Martinique America/Montserrat America/Port_of_Spain America/Porto_Velho America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola America/Virgin Etc/GMT+4'],
  ['Pacific SA Standard Time', 'America/Santiago'],
  ['Newfoundland Standard Time', 'America/St_Johns'],
  ['Tocantins Standard Time', 'America/Araguaina'],
  ['E. South America Standard Time', 'America/Sao_Paulo'],
  ['SA Eastern Standard Time', 'America/Cayenne', 'America/Belem America/Fortaleza America/Maceio America/Paramaribo America/Recife America/Santarem Antarctica/Palmer Antarctica/Rothera Atlantic/Stanley Etc/GMT+3'],
  ['Argentina Standard Time', 'America/Buenos_Aires', 'America/Argentina/Buenos_Aires America/Argentina/Catamarca America/Argentina/ComodRivadavia America/Argentina/Cordoba America/Argentina/Jujuy America/Argentina/La_Rioja America/Argentina/Mendoza America/Argentina/Rio_Gallegos America/Argentina/Salta America/Argentina/San_Juan America/Argentina/San_Luis America/Argentina/Tucuman America/Argentina/Ushuaia America/Catamarca America/Cordoba America/Jujuy America/Mendoza America/Rosario'],
  ['Greenland Standard Time', 'America/Godthab', 'America/Nuuk'],
  ['Montevideo Standard Time', 'America/Montevideo'],
  ['Magallanes Standard Time', 'America/Punta_Arenas'],
  ['Saint Pierre Standard Time', 'America/Miquelon'],
  ['Bahia Standard Time', 'America/Bahia'],
  ['UTC-02', 'Etc/GMT+2', 'America/Noronha Atlantic/South_Georgia'],
  ['Azores Standard Time', 'Atlantic/Azores', 'America/Scoresbysund'],
  ['Cape Verde Standard Time', 'Atlantic/Cape_Verde', 'Etc/GMT+1'],
  ['UTC', 'Etc/UTC', 'UTC'],
  ['GMT Standard Time', 'Europe/London', 'Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Belfast Europe/Dublin Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/Lisbon'],
  ['Greenwich Standard Time', 'Atlantic/Reykjavik', 'Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Timbuktu America/Danmarkshavn Atlantic/St_Helena'],
  ['Sao Tome Standard Time', 'Africa/Sao_Tome'],
  ['Morocco Standard Time', 'Africa/Casablanca', 'Africa/El_Aaiun'],
  ['W. Europe Standard Time', 'Europe/Berlin', 'Arctic/Longyearbyen Atlantic/Jan_Mayen Europe/Amsterdam Europe/Andorra Europe/Busingen Europe/Gibraltar Europe/Luxembourg Europe/Malta Europe/Monaco Europe/Oslo Europe/Rome Europe/San_Marino Europe/Stockholm Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Zurich'],
  ['Central Europe Standard Time', 'Europe/Budapest', 'Europe/Belgrade Europe/Bratislava Europe/Ljubljana Europe/Podgorica Europe/Prague Europe/Tirane'],
  ['Romance Standard Time', 'Europe/Paris', 'Africa/Ceuta Europe/Brussels Europe/Copenhagen Europe/Madrid'],
  ['Central European Standard Time', 'Europe/Warsaw', 'Europe/Sarajevo Europe/Skopje Europe/Zagreb'],
  ['W. Central Africa Standard Time', 'Africa/Lagos', 'Africa/Algiers Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo Africa/Tunis Etc/GMT-1'],
  ['Jordan Standard Time', 'Asia/Amman'],
  ['GTB Standard Time', 'Europe/Bucharest', 'Asia/Famagusta Asia/Nicosia Europe/Athens Europe/Nicosia'],
  ['Middle East Standard Time', 'Asia/Beirut'],
  ['Egypt Standard Time', 'Africa/Cairo'],
  ['E. Europe Standard Time', 'Europe/Chisinau', 'Europe/Tiraspol'],
  ['Syria Standard Time', 'Asia/Damascus'],
  ['West Bank Standard Time', 'Asia/Hebron', 'Asia/Gaza'],
  ['South Africa Standard Time', 'Africa/Johannesburg', 'Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo Africa/Maseru Africa/Mbabane Etc/GMT-2'],
  ['FLE Standard Time', 'Europe/Kiev', 'Europe/Helsinki Europe/Kyiv Europe/Mariehamn Europe/Riga Europe/Sofia Europe/Tallinn Europe/Uzhgorod Europe/Vilnius Europe/Zaporozhye'],
  ['Israel Standard Time', 'Asia/Jerusalem', 'Asia/Tel_Aviv'],
  ['South Sudan Standard Time', 'Africa/Juba'],
  ['Kaliningrad Standard Time', 'Europe/Kaliningrad'],
  ['Sudan Standard Time', 'Africa/Khartoum'],
  ['Libya Standard Time', 'Africa/Tripoli'],
  ['Namibia Standard Time', 'Africa/Windhoek'],
  ['Arabic Standard Time', 'Asia/Baghdad'],
  ['Turkey Standard Time', 'Europe/Istanbul', 'Asia/Istanbul'],
  ['Arab Standard Time', 'Asia/Riyadh', 'Asia/Aden Asia/Bahrain Asia/Kuwait Asia/Qatar'],
  ['Belarus Standard Time', 'Europe/Minsk'],
  ['Russian Standard Time', 'Europe/Moscow', 'Europe/Kirov Europe/Simferopol'],
  ['E. Africa Standard Time', 'Africa/Nairobi', 'Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Antarctica/Syowa Etc/GMT-3 Indian/Antananarivo Indian/Comoro Indian/Mayotte'],
  ['Iran Standard Time', 'Asia/Tehran'],
  ['Arabian Standard Time', 'Asia/Dubai', 'Asia/Muscat Etc/GMT-4'],
  ['Astrakhan Standard Time', 'Europe/Astrakhan', 'Europe/Ulyanovsk'],
  ['Azerbaijan Standard Time', 'Asia/Baku'],
  ['Russia Time Zone 3', 'Europe/Samara'],
  ['Mauritius Standard Time', 'Indian/Mauritius', 'Indian/Mahe Indian/Reunion'],
  ['Saratov Standard Time', 'Europe/Saratov'],
  ['Georgian Standard Time', 'Asia/Tbilisi'],
  ['Volgograd Standard Time', 'Europe/Volgograd'],
  ['Caucasus Standard Time', 'Asia/Yerevan'],
  ['Afghanistan Standard Time', 'Asia/Kabul'],
  ['West Asia Standard Time', 'Asia/Tashkent', 'Antarctica/Mawson Asia/Aqtau Asia/Aqtobe Asia/Ashgabat Asia/Ashkhabad Asia/Atyrau Asia/Dushanbe Asia/Oral Asia/Samarkand Etc/GMT-5 Indian/Kerguelen Indian/Maldives'],
  ['Ekaterinburg Standard Time', 'Asia/Yekaterinburg'],
  ['Pakistan Standard Time', 'Asia/Karachi'],
  ['Qyzylorda Standard Time', 'Asia/Qyzylorda'],
  ['India Standard Time', 'Asia/Calcutta', 'Asia/Kolkata'],
  ['Sri Lanka Standard Time', 'Asia/Colombo'],
  ['Nepal Standard Time', 'Asia/Katmandu', 'Asia/Kathmandu'],
  ['Central Asia Standard Time', 'Asia/Almaty', 'Antarctica/Vostok Asia/Bishkek Asia/Kashgar Asia/Qostanay Asia/Urumqi Etc/GMT-6 Indian/Chagos'],
  ['Bangladesh Standard Time', 'Asia/Dhaka', 'Asia/Dacca Asia/Thimbu Asia/Thimphu'],
  ['Omsk Standard Time', 'Asia/Omsk'],
  ['Myanmar Standard Time', 'Asia/Rangoon', 'Asia/Yangon Indian/Cocos'],
  ['SE Asia Standard Time', 'Asia/Bangkok', 'Antarctica/Davis Asia/Ho_Chi_Minh Asia/Jakarta Asia/Phnom_Penh Asia/Pontianak Asia/Saigon Asia/Vientiane Etc/GMT-7 Indian/Christmas'],
  ['Altai Standard Time', 'Asia/Barnaul'],
  ['W. Mongolia Standard Time', 'Asia/Hovd'],
  ['North Asia Standard Time', 'Asia/Krasnoyarsk', 'Asia/Novokuznetsk'],
  ['N. Central Asia Standard Time', 'Asia/Novosibirsk'],
  ['Tomsk Standard Time', 'Asia/Tomsk'],
  ['China Standard Time', 'Asia/Shanghai', 'Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Hong_Kong Asia/Macao Asia/Macau'],
  ['North Asia East Standard Time', 'Asia/Irkutsk'],
  ['Singapore Standard Time', 'Asia/Singapore', 'Asia/Brunei Asia/Kuala_Lumpur Asia/Kuching Asia/Makassar Asia/Manila Asia/Ujung_Pandang Etc/GMT-8'],
  ['W. Australia Standard Time', 'Australia/Perth', 'Australia/West'],
  ['Taipei Standard Time', 'Asia/Taipei'],
  ['Ulaanbaatar Standard Time', 'Asia/Ulaanbaatar', 'Asia/Choibalsan Asia/Ulan_Bator'],
  ['Aus Central W. Standard Time', 'Australia/Eucla'],
  ['Transbaikal Standard Time', 'Asia/Chita'],
  ['Tokyo Standard Time', 'Asia/Tokyo', 'Asia/Dili Asia/Jayapura Etc/GMT-9 Pacific/Palau'],
  ['North Korea Standard Time', 'Asia/Pyongyang'],
  ['Korea Standard Time', 'Asia/Seoul'],
  ['Yakutsk Standard Time', 'Asia/Yakutsk', 'Asia/Khandyga'],
  ['Cen. Australia Standard Time', 'Australia/Adelaide', 'Australia/Broken_Hill Australia/South Australia/Yancowinna'],
  ['AUS Central Standard Time', 'Australia/Darwin', 'Australia/North'],
  ['E. Australia Standard Time', 'Australia/Brisbane', 'Australia/Lindeman Australia/Queensland'],
  ['AUS Eastern Standard Time', 'Australia/Sydney', 'Australia/ACT Australia/Canberra Australia/Melbourne Australia/NSW Australia/Victoria'],
  ['West Pacific Standard Time', 'Pacific/Port_Moresby', 'Antarctica/DumontDUrville Etc/GMT-10 Pacific/Chuuk Pacific/Guam Pacific/Saipan Pacific/Truk Pacific/Yap'],
  ['Tasmania Standard Time', 'Australia/Hobart', 'Antarctica/Macquarie Australia/Currie Australia/Tasmania'],
  ['Vladivostok Standard Time', 'Asia/Vladivostok', 'Asia/Ust-Nera'],
  ['Lord Howe Standard Time', 'Australia/Lord_Howe', 'Australia/LHI'],
  ['Bougainville Standard Time', 'Pacific/Bougainville'],
  ['Russia Time Zone 10', 'Asia/Srednekolymsk'],
  ['Magadan Standard Time', 'Asia/Magadan'],
  ['Norfolk Standard Time', 'Pacific/Norfolk'],
  ['Sakhalin Standard Time', 'Asia/Sakhalin'],
  ['Central Pacific Standard Time', 'Pacific/Guadalcanal', 'Antarctica/Casey Etc/GMT-11 Pacific/Efate Pacific/Kosrae Pacific/Noumea Pacific/Pohnpei Pacific/Ponape'],
  ['Russia Time Zone 11', 'Asia/Kamchatka', 'Asia/Anadyr'],
  ['New Zealand Standard Time', 'Pacific/Auckland', 'Antarctica/McMurdo Antarctica/South_Pole'],
  ['UTC+12', 'Etc/GMT-12', 'Pacific/Funafuti Pacific/Kwajalein Pacific/Majuro Pacific/Nauru Pacific/Tarawa Pacific/Wake Pacific/Wallis'],
  ['Fiji Standard Time', 'Pacific/Fiji'],
  ['Chatham Islands Standard Time', 'Pacific/Chatham'],
  ['UTC+13', 'Etc/GMT-13', 'Pacific/Enderbury Pacific/Fakaofo Pacific/Kanton'],
  ['Tonga Standard Time', 'Pacific/Tongatapu'],
  ['Samoa Standard Time', 'Pacific/Apia'],
  ['Line Islands Standard Time', 'Pacific/Kiritimati', 'Etc/GMT-14'],
];

let byWindowsName: Map<string, readonly [string, string, string?]> | undefined;
let byIanaName: Map<string, string> | undefined;

/** The row of a Windows zone name (case-insensitive), if it is one. */
export function findWindowsZone(name: string): readonly [string, string, string?] | undefined {
  byWindowsName ??= new Map(windowsZones.map((row) => [row[0].toLowerCase(), row]));
  return byWindowsName.get(name.toLowerCase());
}

/** The Windows name CLDR maps the IANA zone `iana` to (case-insensitive, no alias resolution), if any. */
export function windowsNameForIana(iana: string): string | undefined {
  if (!byIanaName) {
    byIanaName = new Map();
    for (const [windows, primary, others] of windowsZones) {
      for (const zone of [primary, ...(others ? others.split(' ') : [])]) {
        const key = zone.toLowerCase();
        if (!byIanaName.has(key)) byIanaName.set(key, windows);
      }
    }
  }
  return byIanaName.get(iana.toLowerCase());
}
