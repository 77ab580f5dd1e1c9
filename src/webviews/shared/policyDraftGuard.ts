// The guard of a PolicyDraft crossing between the policy editor's webview and the host (a save)
// or coming back from the webview's saved state. It checks the shape and the vocabulary (days,
// months, kinds); the ranges are the rules' business (src/policy/policyRules.ts), so a draft
// with a daily retention of 5 passes here and is refused there with a message.
import type {
  DayOfMonth, HourlyScheduleDraft, InstantRpResourceGroupDraft, PolicyDraft, RetentionDraft, RetentionFormat, ScheduleDraft, TieringDraft,
} from '../../policy/policyDraft';
import { hourlyIntervals, monthNames, weekdays, weeksOfMonth } from '../../policy/policyDraft';
import type { PolicyProblem } from '../../policy/policyProblem';
import { isArrayOf, isFiniteNumber, isLiteral, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';

/**
 * A number as a draft may hold it. Sent drafts need finite numbers; a saved state may hold what
 * the user is typing (NaN for an empty field, which JSON turns into null): see reviveDraftNumbers.
 */
export type NumberGuard = Guard<number>;

export const isTypedNumber: NumberGuard = (value): value is number => typeof value === 'number' || value === null;

const text = isText(1_000);
const isTime = isText(10);
const isWeekdays = isArrayOf(isOneOf(weekdays), 14);

export function isPolicyDraftWith(isNumber: NumberGuard): Guard<PolicyDraft> {
  const isInterval: Guard<HourlyScheduleDraft['intervalHours']> = (value): value is HourlyScheduleDraft['intervalHours'] =>
    hourlyIntervals.includes(value as HourlyScheduleDraft['intervalHours']);
  const isDayOfMonth: Guard<DayOfMonth> = (value): value is DayOfMonth => value === 'Last' || isNumber(value);
  const isFormat: Guard<RetentionFormat> = (value): value is RetentionFormat =>
    isShape<Extract<RetentionFormat, { type: 'relative' }>>({ type: isLiteral('relative'), weeks: isArrayOf(isOneOf(weeksOfMonth), 10), weekdays: isWeekdays })(value) ||
    isShape<Extract<RetentionFormat, { type: 'absolute' }>>({ type: isLiteral('absolute'), days: isArrayOf(isDayOfMonth, 62) })(value);
  const isSchedule = isShape<ScheduleDraft>({
    frequency: isOneOf(['Daily', 'Weekly', 'Hourly'] as const),
    time: isTime,
    weekdays: isWeekdays,
    hourly: isShape<HourlyScheduleDraft>({ intervalHours: isInterval, windowStartTime: isTime, windowDurationHours: isNumber }),
  });
  const isRetention = isShape<RetentionDraft>({
    daily: isOptional(isShape<NonNullable<RetentionDraft['daily']>>({ days: isNumber })),
    weekly: isOptional(isShape<NonNullable<RetentionDraft['weekly']>>({ weeks: isNumber, weekdays: isWeekdays })),
    monthly: isOptional(isShape<NonNullable<RetentionDraft['monthly']>>({ months: isNumber, format: isFormat })),
    yearly: isOptional(isShape<NonNullable<RetentionDraft['yearly']>>({ years: isNumber, months: isArrayOf(isOneOf(monthNames), 24), format: isFormat })),
  });
  return isShape<PolicyDraft>({
    name: text,
    kind: isOneOf(['Standard', 'Enhanced'] as const),
    schedule: isSchedule,
    timeZone: text,
    instantRestoreDays: isNumber,
    instantRpResourceGroup: isOptional(isShape<InstantRpResourceGroupDraft>({ prefix: text, suffix: text })),
    retention: isRetention,
    tiering: isShape<TieringDraft>({ mode: isOneOf(['None', 'TierAfter', 'TierRecommended'] as const), afterMonths: isNumber }),
  });
}

/** A draft the webview sends to be saved: every number finite. */
export const isPolicyDraft = isPolicyDraftWith(isFiniteNumber);

/** A draft from the webview's saved state, numbers possibly still being typed. */
export const isSavedPolicyDraft = isPolicyDraftWith(isTypedNumber);

/** Turns the nulls JSON made of NaN (an empty number field) back into NaN; a draft has no other nulls. */
export function reviveDraftNumbers(draft: PolicyDraft): PolicyDraft {
  return JSON.parse(JSON.stringify(draft), (_key, value: unknown) => (value === null ? Number.NaN : value)) as PolicyDraft;
}

export const isPolicyProblem = isShape<PolicyProblem>({ field: isText(200), message: isText(2_000), severity: isOneOf(['error', 'warning'] as const) });
