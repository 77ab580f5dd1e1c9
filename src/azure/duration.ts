/**
 * Parses the durations the backup service writes: ISO 8601 (`PT1H2M3.5S`, `P1DT2H`) in jobs,
 * and .NET TimeSpan (`1.02:03:04.5`, `00:09:35.08`) in some task lists. Undefined if neither.
 */
export function parseServiceDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const iso = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (iso && text !== 'P' && text !== 'PT') {
    const [, days, hours, minutes, seconds] = iso.map((part) => Number(part ?? 0));
    return Math.round((((days! * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 1000);
  }
  const span = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (span) {
    const [, days, hours, minutes, seconds] = span.map((part) => Number(part ?? 0));
    return Math.round((((days! * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 1000);
  }
  return undefined;
}
