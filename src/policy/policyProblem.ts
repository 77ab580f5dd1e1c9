import type { Range } from './policyLimits';

export type PolicyProblemSeverity = 'error' | 'warning';

/**
 * One thing wrong with (error) or worth knowing about (warning) a policy draft. `field` is the
 * draft's path, e.g. 'retention.daily.days', so a form can put the message beside its input.
 * Errors block saving; warnings ask for confirmation (a retention cut, a one-way switch).
 */
export interface PolicyProblem {
  field: string;
  message: string;
  severity: PolicyProblemSeverity;
}

export function policyError(field: string, message: string): PolicyProblem {
  return { field, message, severity: 'error' };
}

export function policyWarning(field: string, message: string): PolicyProblem {
  return { field, message, severity: 'warning' };
}

export function hasErrors(problems: readonly PolicyProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** The problems of a field and of everything under it ('retention.monthly' gives 'retention.monthly.format.days' too). */
export function problemsAt(problems: readonly PolicyProblem[], field: string): PolicyProblem[] {
  return problems.filter((problem) => problem.field === field || problem.field.startsWith(`${field}.`));
}

/** Whether value is a whole number within range. */
export function inRange(value: number, range: Range): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** "Daily retention must be 7 to 9999 days, not 6." */
export function rangeMessage(label: string, range: Range, unit: string, value: number): string {
  const shown = Number.isFinite(value) ? `, not ${value}` : '';
  const whole = Number.isFinite(value) && !Number.isInteger(value) ? 'a whole number of ' : '';
  return `${label} must be ${whole}${range.min} to ${range.max} ${unit}${shown}.`;
}

/** "Sunday, Monday and Friday" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
