import { l10n } from 'vscode';
import type { RecoveryPointRange } from '../azure/recoveryPoints';

/**
 * Azure Backup keeps a VM's recovery points at most 99 years (yearly retention), so no start date
 * before that can find one. Azure itself sets no limit on the span of the list's date filter:
 * Az.RecoveryServices checks only that the start is before the end and not in the future
 * (GetAzureRmRecoveryServicesBackupRecoveryPoint.cs), the CLI nothing (custom_help.get_query_dates).
 */
export const oldestPointYears = 99;

/** A local calendar day typed as YYYY-MM-DD: its midnight, or the message saying how to fix the text. */
export function parseDay(text: string, now: Date): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return l10n.t('Type the date as YYYY-MM-DD, for example {0}.', dayText(now));
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return l10n.t('{0} is not a day of the calendar: check the month (01–12) and the day.', text.trim());
  }
  return date;
}

/** Why `text` cannot start the range (undefined when it can): a day, not in the future, not before Azure keeps points. */
export function startDayProblem(text: string, now: Date): string | undefined {
  const day = parseDay(text, now);
  if (typeof day === 'string') return day;
  if (day.getTime() > startOfDay(now).getTime()) return l10n.t('{0} is in the future: choose today ({1}) or an earlier day.', dayText(day), dayText(now));
  const oldest = oldestDay(now);
  if (day.getTime() < oldest.getTime()) return l10n.t('Azure keeps recovery points for at most {0} years: choose {1} or later.', oldestPointYears, dayText(oldest));
  return undefined;
}

/** Why `text` cannot end a range starting on `start` (undefined when it can): a day from the start to today. */
export function endDayProblem(text: string, start: Date, now: Date): string | undefined {
  const day = parseDay(text, now);
  if (typeof day === 'string') return day;
  if (day.getTime() < startOfDay(start).getTime()) return l10n.t('The end date is before the start date: choose {0} or later.', dayText(start));
  if (day.getTime() > startOfDay(now).getTime()) return l10n.t('{0} is in the future: choose today ({1}) or an earlier day.', dayText(day), dayText(now));
  return undefined;
}

/** From the first moment of the start day to the last second of the end day, local time (the filter has whole seconds). */
export function dayRange(start: Date, end: Date): RecoveryPointRange {
  return { from: startOfDay(start), to: new Date(end.getFullYear(), end.getMonth(), end.getDate(), 23, 59, 59) };
}

/** The local day of a date as YYYY-MM-DD. */
export function dayText(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function oldestDay(now: Date): Date {
  return new Date(now.getFullYear() - oldestPointYears, now.getMonth(), now.getDate());
}
