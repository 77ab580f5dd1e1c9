import { env } from 'vscode';

// No weeks: "in 12 days" says more than "in 2 weeks" for a purge date or a retention end.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 5 days", in VS Code's display language. */
export function relativeTime(date: Date, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(env.language, { numeric: 'auto' });
  const difference = date.getTime() - now;
  for (const [unit, size] of units) {
    if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit);
  }
  return format.format(0, 'minute');
}

export function absoluteTime(date: Date): string {
  return date.toLocaleString(env.language, { dateStyle: 'medium', timeStyle: 'short' });
}

export function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
