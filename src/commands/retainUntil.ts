import { l10n } from 'vscode';

/** On-demand recovery points are kept at most 99 years (AZURE-BACKUP-FACTS.md). */
export const maxRetentionYears = 99;
export const defaultRetentionDays = 30;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date in the user's time zone, as YYYY-MM-DD. */
export function dateText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What the retain-until box offers first: today + 30 days. */
export function defaultRetainUntil(now = new Date()): string {
  return dateText(addDays(startOfDay(now), defaultRetentionDays));
}

/** The message naming what is wrong with the typed date and how to fix it, or undefined when it is acceptable. */
export function retainUntilProblem(text: string, now = new Date()): string | undefined {
  const value = text.trim();
  const match = datePattern.exec(value);
  const example = defaultRetainUntil(now);
  if (!match) return l10n.t('Enter the date as YYYY-MM-DD, for example {0}.', example);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return l10n.t('{0} is not a date on the calendar. Enter a real date as YYYY-MM-DD, for example {1}.', value, example);
  }
  const today = startOfDay(now);
  if (date.getTime() <= today.getTime()) {
    return l10n.t('The date must be in the future: enter {0} or later.', dateText(addDays(today, 1)));
  }
  const latest = latestRetainUntil(now);
  if (date.getTime() > latest.getTime()) {
    return l10n.t('Azure keeps an on-demand recovery point at most {0} years: enter {1} or earlier.', maxRetentionYears, dateText(latest));
  }
  return undefined;
}

/**
 * The moment the recovery point expires: the chosen day at the current time of day, so that the
 * default is exactly now + 30 days, as the portal sends it, and the last allowed day stays within
 * the service's 99 years.
 */
export function retainUntilTime(text: string, now = new Date()): Date {
  const match = datePattern.exec(text.trim());
  if (!match) throw new Error(`Not a date: '${text}'`);
  const time = new Date(now);
  time.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return time;
}

function latestRetainUntil(now: Date): Date {
  const latest = startOfDay(now);
  latest.setFullYear(latest.getFullYear() + maxRetentionYears);
  return latest;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}
