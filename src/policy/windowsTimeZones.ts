/**
 * The Windows time-zone ids the backup service accepts in a policy's timeZone, each with its base
 * (standard-time) offset from UTC in minutes. Azure Backup runs a policy at its time of day in
 * that zone without daylight-saving adjustment, so the base offset is all the preview needs, and
 * no browser time-zone database is involved. Offsets follow Windows' current display names, e.g.
 * "(UTC+03:00) Amman" after Jordan's 2022 change.
 */
const zones: readonly (readonly [id: string, offsetMinutes: number])[] = [
  ['Dateline Standard Time', -720], ['UTC-11', -660], ['Aleutian Standard Time', -600], ['Hawaiian Standard Time', -600],
  ['Marquesas Standard Time', -570], ['Alaskan Standard Time', -540], ['UTC-09', -540],
  ['Pacific Standard Time (Mexico)', -480], ['UTC-08', -480], ['Pacific Standard Time', -480],
  ['US Mountain Standard Time', -420], ['Mountain Standard Time (Mexico)', -420], ['Mountain Standard Time', -420],
  ['Yukon Standard Time', -420], ['Central America Standard Time', -360], ['Central Standard Time', -360],
  ['Easter Island Standard Time', -360], ['Central Standard Time (Mexico)', -360], ['Canada Central Standard Time', -360],
  ['SA Pacific Standard Time', -300], ['Eastern Standard Time (Mexico)', -300], ['Eastern Standard Time', -300],
  ['Haiti Standard Time', -300], ['Cuba Standard Time', -300], ['US Eastern Standard Time', -300],
  ['Turks And Caicos Standard Time', -300], ['Paraguay Standard Time', -240], ['Atlantic Standard Time', -240],
  ['Venezuela Standard Time', -240], ['Central Brazilian Standard Time', -240], ['SA Western Standard Time', -240],
  ['Pacific SA Standard Time', -240], ['Newfoundland Standard Time', -210], ['Tocantins Standard Time', -180],
  ['E. South America Standard Time', -180], ['SA Eastern Standard Time', -180], ['Argentina Standard Time', -180],
  ['Greenland Standard Time', -120], ['Montevideo Standard Time', -180], ['Magallanes Standard Time', -180],
  ['Saint Pierre Standard Time', -180], ['Bahia Standard Time', -180], ['UTC-02', -120],
  ['Mid-Atlantic Standard Time', -120], ['Azores Standard Time', -60], ['Cape Verde Standard Time', -60], ['UTC', 0],
  ['GMT Standard Time', 0], ['Greenwich Standard Time', 0], ['Sao Tome Standard Time', 0], ['Morocco Standard Time', 60],
  ['W. Europe Standard Time', 60], ['Central Europe Standard Time', 60], ['Romance Standard Time', 60],
  ['Central European Standard Time', 60], ['W. Central Africa Standard Time', 60], ['Jordan Standard Time', 180],
  ['GTB Standard Time', 120], ['Middle East Standard Time', 120], ['Egypt Standard Time', 120],
  ['E. Europe Standard Time', 120], ['Syria Standard Time', 180], ['West Bank Standard Time', 120],
  ['South Africa Standard Time', 120], ['FLE Standard Time', 120], ['Israel Standard Time', 120],
  ['South Sudan Standard Time', 120], ['Kaliningrad Standard Time', 120], ['Sudan Standard Time', 120],
  ['Libya Standard Time', 120], ['Namibia Standard Time', 120], ['Arabic Standard Time', 180],
  ['Turkey Standard Time', 180], ['Arab Standard Time', 180], ['Belarus Standard Time', 180],
  ['Russian Standard Time', 180], ['E. Africa Standard Time', 180], ['Volgograd Standard Time', 180],
  ['Iran Standard Time', 210], ['Arabian Standard Time', 240], ['Astrakhan Standard Time', 240],
  ['Azerbaijan Standard Time', 240], ['Russia Time Zone 3', 240], ['Mauritius Standard Time', 240],
  ['Saratov Standard Time', 240], ['Georgian Standard Time', 240], ['Caucasus Standard Time', 240],
  ['Afghanistan Standard Time', 270], ['West Asia Standard Time', 300], ['Qyzylorda Standard Time', 300],
  ['Ekaterinburg Standard Time', 300], ['Pakistan Standard Time', 300], ['India Standard Time', 330],
  ['Sri Lanka Standard Time', 330], ['Nepal Standard Time', 345], ['Central Asia Standard Time', 360],
  ['Bangladesh Standard Time', 360], ['Omsk Standard Time', 360], ['Myanmar Standard Time', 390],
  ['SE Asia Standard Time', 420], ['Altai Standard Time', 420], ['W. Mongolia Standard Time', 420],
  ['North Asia Standard Time', 420], ['N. Central Asia Standard Time', 420], ['Tomsk Standard Time', 420],
  ['China Standard Time', 480], ['North Asia East Standard Time', 480], ['Singapore Standard Time', 480],
  ['W. Australia Standard Time', 480], ['Taipei Standard Time', 480], ['Ulaanbaatar Standard Time', 480],
  ['Aus Central W. Standard Time', 525], ['Transbaikal Standard Time', 540], ['Tokyo Standard Time', 540],
  ['North Korea Standard Time', 540], ['Korea Standard Time', 540], ['Yakutsk Standard Time', 540],
  ['Cen. Australia Standard Time', 570], ['AUS Central Standard Time', 570], ['E. Australia Standard Time', 600],
  ['AUS Eastern Standard Time', 600], ['West Pacific Standard Time', 600], ['Tasmania Standard Time', 600],
  ['Vladivostok Standard Time', 600], ['Lord Howe Standard Time', 630], ['Bougainville Standard Time', 660],
  ['Russia Time Zone 10', 660], ['Magadan Standard Time', 660], ['Norfolk Standard Time', 660],
  ['Sakhalin Standard Time', 660], ['Central Pacific Standard Time', 660], ['Russia Time Zone 11', 720],
  ['New Zealand Standard Time', 720], ['UTC+12', 720], ['Fiji Standard Time', 720], ['Kamchatka Standard Time', 720],
  ['Chatham Islands Standard Time', 765], ['UTC+13', 780], ['Tonga Standard Time', 780], ['Samoa Standard Time', 780],
  ['Line Islands Standard Time', 840],
];

const offsets: ReadonlyMap<string, number> = new Map(zones);
const byOffset = [...zones].sort((a, b) => a[1] - b[1]);

export interface WindowsTimeZone {
  id: string;
  /** Base offset from UTC in minutes (east positive), without daylight saving. */
  utcOffsetMinutes: number;
  /** "(UTC+05:30) India Standard Time", for a picker. */
  label: string;
}

/** Every id, ordered from the westernmost offset to the easternmost (as Windows lists them). */
export const windowsTimeZoneIds: readonly string[] = byOffset.map(([id]) => id);

export const windowsTimeZones: readonly WindowsTimeZone[] = byOffset.map(([id, offset]) => ({
  id,
  utcOffsetMinutes: offset,
  label: `(${formatUtcOffset(offset)}) ${id}`,
}));

/** Exact match, as the service compares them. */
export function isWindowsTimeZone(id: string): boolean {
  return offsets.has(id);
}

/** The base offset in minutes, or undefined for an unknown id. */
export function windowsTimeZoneOffset(id: string): number | undefined {
  return offsets.get(id);
}

/** 330 → 'UTC+05:30'; 0 → 'UTC'. */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  const minutes = String(magnitude % 60).padStart(2, '0');
  return `UTC${sign}${hours}:${minutes}`;
}
