import { badRequest } from './armError';

/**
 * Parses the service's $filter dialect: clauses `name eq 'value'` joined by `and`, as the backup
 * service accepts them (e.g. `backupManagementType eq 'AzureIaasVM' and status eq 'InProgress'`).
 * Returns the values by lower-cased property name.
 */
export function parseFilter(filter: string | undefined, allowed: readonly string[]): Map<string, string> {
  const clauses = new Map<string, string>();
  if (filter === undefined || filter.trim() === '') return clauses;
  const allowedLower = new Set(allowed.map((name) => name.toLowerCase()));
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = /^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|([^\s']+))\s*$/i.exec(clause);
    if (!match) {
      throw badRequest('BMSUserErrorInvalidFilter', `The filter clause "${clause.trim()}" is not valid. Write clauses as name eq 'value', joined by 'and'.`);
    }
    const name = match[1]!.toLowerCase();
    if (!allowedLower.has(name)) {
      throw badRequest('BMSUserErrorInvalidFilter', `The filter property '${match[1]}' is not supported here. Supported: ${allowed.join(', ')}.`);
    }
    clauses.set(name, match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3]!);
  }
  return clauses;
}

/**
 * Reads the time format the jobs filter uses, 'yyyy-MM-dd hh:mm:ss tt' in UTC
 * (e.g. '2023-10-17 04:12:58 PM'); ISO 8601 is accepted too.
 */
export function parseFilterTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/i.exec(text.trim());
  if (match) {
    const [, year, month, day, hour, minute, second, half] = match;
    let hours = Number(hour) % 12;
    if (half!.toUpperCase() === 'PM') hours += 12;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), hours, Number(minute), Number(second));
  }
  const iso = Date.parse(text);
  if (Number.isNaN(iso)) {
    throw badRequest('BMSUserErrorInvalidFilter', `The time '${text}' is not valid. Write it as 'yyyy-MM-dd hh:mm:ss AM' in UTC.`);
  }
  return iso;
}
