import type { PolicyDraft, ScheduleDraft } from './policyDraft';
import { hourlyIntervals, minutesOfDay, weekdays } from './policyDraft';
import { instantRestoreRange, policyLimits } from './policyLimits';
import type { PolicyProblem } from './policyProblem';
import { inRange, listText, policyError, policyWarning, rangeMessage } from './policyProblem';
import { retentionCutProblems, retentionProblems } from './retentionRules';
import { isWindowsTimeZone } from './windowsTimeZones';

export interface PolicyRulesContext {
  /** Names of the vault's policies, all workloads (compared ignoring case; a vault holds at most 200). */
  existingNames?: readonly string[];
  /** The saved policy being edited; absent when creating one. */
  original?: PolicyDraft;
  /** The vault's immutability is on (Unlocked or Locked): the service refuses retention cuts, so they become errors. */
  immutableVault?: boolean;
}

/** Azure PowerShell's rule: a letter first, a letter or digit last, hyphens between. */
const policyNamePattern = /^[A-Za-z][-A-Za-z0-9]*[A-Za-z0-9]$/;
const resourceGroupCharacters = /^[A-Za-z0-9._\-()]*$/;

/**
 * Every rule Azure applies to an AzureIaasVM policy (AZURE-BACKUP-FACTS.md), checked before
 * anything is sent, since the service answers a bad policy with a vague
 * BMSUserErrorInvalidPolicyInput. Runs in the webview as the user types and on the host before
 * saving. The 9,999-point limit needs the preview's simulation: see previewPolicy().
 */
export function validatePolicy(draft: PolicyDraft, context: PolicyRulesContext = {}): PolicyProblem[] {
  return [
    ...nameProblems(draft.name, context),
    ...kindProblems(draft, context.original),
    ...scheduleProblems(draft),
    ...timeZoneProblems(draft.timeZone),
    ...instantRestoreProblems(draft),
    ...resourceGroupProblems(draft),
    ...retentionProblems(draft),
    ...tieringProblems(draft),
    ...(context.original ? retentionCutProblems(draft, context.original, context.immutableVault === true) : []),
  ];
}

function nameProblems(name: string, context: PolicyRulesContext): PolicyProblem[] {
  const { original } = context;
  if (original) {
    // Azure cannot rename a policy, and a saved name is kept even if it predates today's rule.
    return name === original.name ? [] : [policyError('name', `Policy name cannot change from '${original.name}': Azure cannot rename a policy.`)];
  }
  const { min, max } = policyLimits.nameLength;
  if (name.length < min || name.length > max) {
    return [policyError('name', `Policy name must be ${min} to ${max} characters${name.length > 0 ? `, not ${name.length}` : ''}.`)];
  }
  if (!policyNamePattern.test(name)) {
    return [policyError('name', 'Policy name may use only letters, digits and hyphens, must start with a letter, and must end with a letter or digit.')];
  }
  const existing = context.existingNames ?? [];
  if (existing.length >= policyLimits.policiesPerVault) {
    return [policyError('name', `This vault already has ${existing.length} policies, the most Azure allows is ${policyLimits.policiesPerVault}: delete one, or use an existing policy.`)];
  }
  const taken = existing.some((existing) => existing.toLowerCase() === name.toLowerCase());
  return taken ? [policyError('name', `Policy name '${name}' is already used in this vault (names are compared ignoring case).`)] : [];
}

function kindProblems(draft: PolicyDraft, original: PolicyDraft | undefined): PolicyProblem[] {
  if (!original || original.kind === draft.kind) return [];
  if (original.kind === 'Enhanced') {
    return [policyError('kind', 'Policy type cannot change from Enhanced back to Standard: Azure allows only Standard to Enhanced.')];
  }
  return [policyWarning('kind', 'Changing this policy from Standard to Enhanced is one-way: it cannot be changed back, and Enhanced backups cost more.')];
}

function scheduleProblems(draft: PolicyDraft): PolicyProblem[] {
  const { schedule, kind } = draft;
  switch (schedule.frequency) {
    case 'Hourly':
      if (kind === 'Standard') return [policyError('schedule.frequency', 'Backup frequency Hourly needs an Enhanced policy: a Standard policy backs up Daily or Weekly.')];
      return hourlyProblems(schedule);
    case 'Weekly':
      return [...timeProblems('schedule.time', 'Backup time', schedule.time), ...weekdayProblems(schedule)];
    case 'Daily':
      return timeProblems('schedule.time', 'Backup time', schedule.time);
    default:
      return [policyError('schedule.frequency', `Backup frequency must be ${kind === 'Enhanced' ? 'Hourly, Daily or Weekly' : 'Daily or Weekly'}.`)];
  }
}

function timeProblems(field: string, label: string, time: string): PolicyProblem[] {
  const minutes = minutesOfDay(time);
  if (minutes === undefined) return [policyError(field, `${label} must be a time of day as HH:MM, from 00:00 to 23:30.`)];
  if (minutes % 30 !== 0) return [policyError(field, `${label} must be on the hour or the half hour (for example 10:00 or 10:30), not ${time}.`)];
  return [];
}

function weekdayProblems(schedule: ScheduleDraft): PolicyProblem[] {
  const days = schedule.weekdays;
  if (days.length === 0) return [policyError('schedule.weekdays', 'Backup days: a weekly schedule needs at least one day of the week.')];
  const unknown = days.filter((day) => !weekdays.includes(day));
  if (unknown.length > 0) return [policyError('schedule.weekdays', `Backup days must be days of the week (Sunday to Saturday), not ${listText(unknown)}.`)];
  return new Set(days).size === days.length ? [] : [policyError('schedule.weekdays', 'Backup days lists a day more than once.')];
}

function hourlyProblems(schedule: ScheduleDraft): PolicyProblem[] {
  const { intervalHours, windowDurationHours, windowStartTime } = schedule.hourly;
  const problems = timeProblems('schedule.hourly.windowStartTime', 'Backup window start', windowStartTime);
  const intervalOk = hourlyIntervals.includes(intervalHours);
  if (!intervalOk) {
    problems.push(policyError('schedule.hourly.intervalHours', `Hourly interval must be ${listText(hourlyIntervals.map(String)).replace(' and ', ' or ')} hours, not ${intervalHours}.`));
  }
  const window = policyLimits.hourlyWindowHours;
  if (!inRange(windowDurationHours, window)) {
    problems.push(policyError('schedule.hourly.windowDurationHours', rangeMessage('Backup window duration', window, 'hours', windowDurationHours)));
  } else if (intervalOk && windowDurationHours % intervalHours !== 0) {
    const fits = [];
    for (let hours = window.min; hours <= window.max; hours++) if (hours % intervalHours === 0) fits.push(String(hours));
    problems.push(policyError(
      'schedule.hourly.windowDurationHours',
      `Backup window duration must be a multiple of the ${intervalHours}-hour interval (${listText(fits).replace(' and ', ' or ')} hours), not ${windowDurationHours}.`,
    ));
  }
  return problems;
}

function timeZoneProblems(timeZone: string): PolicyProblem[] {
  if (isWindowsTimeZone(timeZone)) return [];
  return [policyError('timeZone', `Time zone '${timeZone}' is not a Windows time-zone id Azure accepts (for example 'UTC' or 'W. Europe Standard Time').`)];
}

function instantRestoreProblems(draft: PolicyDraft): PolicyProblem[] {
  const range = instantRestoreRange(draft.kind);
  const days = draft.instantRestoreDays;
  if (!inRange(days, range)) return [policyError('instantRestoreDays', rangeMessage(`Instant restore snapshots of a ${draft.kind} policy`, range, 'days', days))];
  const weekly = policyLimits.standardWeeklyInstantRestoreDays;
  if (draft.kind === 'Standard' && draft.schedule.frequency === 'Weekly' && days !== weekly) {
    return [policyError('instantRestoreDays', `Instant restore snapshots of a Standard policy with a weekly schedule must be kept exactly ${weekly} days, not ${days}.`)];
  }
  return [];
}

function resourceGroupProblems(draft: PolicyDraft): PolicyProblem[] {
  const group = draft.instantRpResourceGroup;
  if (!group || (group.prefix === '' && group.suffix === '')) return [];
  const problems: PolicyProblem[] = [];
  const label = { prefix: 'Restore point collection resource group prefix', suffix: 'Restore point collection resource group suffix' };
  if (group.prefix === '') problems.push(policyError('instantRpResourceGroup.prefix', `${label.prefix} is required when a suffix is given.`));
  for (const part of ['prefix', 'suffix'] as const) {
    const value = group[part];
    const field = `instantRpResourceGroup.${part}`;
    if (!resourceGroupCharacters.test(value)) problems.push(policyError(field, `${label[part]} may use only letters, digits and . _ - ( ).`));
    else if (value.endsWith('.')) problems.push(policyError(field, `${label[part]} cannot end in a period.`));
  }
  const length = group.prefix.length + 1 + group.suffix.length;
  const max = policyLimits.instantRpResourceGroupMaxLength;
  if (length > max) {
    problems.push(policyError(
      group.suffix === '' ? 'instantRpResourceGroup.prefix' : 'instantRpResourceGroup.suffix',
      `Restore point collection resource group name (prefix, a number, suffix) must be at most ${max} characters, not ${length}.`,
    ));
  }
  return problems;
}

function tieringProblems(draft: PolicyDraft): PolicyProblem[] {
  const { mode, afterMonths } = draft.tiering;
  if (mode === 'None') return [];
  if (draft.kind === 'Standard') return [policyError('tiering.mode', 'Archive tiering needs an Enhanced policy.')];
  const { monthly, yearly } = draft.retention;
  const longest = Math.max(monthly?.months ?? 0, (yearly?.years ?? 0) * 12);
  if (longest === 0) return [policyError('tiering.mode', 'Archive tiering moves monthly and yearly recovery points: add monthly or yearly retention.')];
  const { tierAfterMinMonths: minAge, tierRemainingMinMonths: minLeft } = policyLimits;
  if (mode === 'TierRecommended') {
    if (longest >= minAge + minLeft) return [];
    return [policyWarning('tiering.mode', `Nothing will be archived: points move when at least ${minAge} months old with ${minLeft} months of retention left, and the longest retention here is ${longest} months.`)];
  }
  if (!Number.isInteger(afterMonths) || afterMonths < minAge) {
    return [policyError('tiering.afterMonths', `Archive after must be a whole number of months, at least ${minAge}${Number.isFinite(afterMonths) ? `, not ${afterMonths}` : ''}.`)];
  }
  if (longest - afterMonths < minLeft) {
    const most = longest - minLeft;
    const fix = most >= minAge ? `archive after at most ${most} months` : `keep monthly or yearly points at least ${minAge + minLeft} months`;
    return [policyError('tiering.afterMonths', `Archive after ${afterMonths} months leaves less than ${minLeft} months of retention when points move (the longest retention is ${longest} months): ${fix}.`)];
  }
  return [];
}
