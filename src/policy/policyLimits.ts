import type { PolicyKind } from './policyDraft';

/** An inclusive range of whole numbers. */
export interface Range {
  min: number;
  max: number;
}

/**
 * Azure's limits for an AzureIaasVM policy (see AZURE-BACKUP-FACTS.md), for the rules and for the
 * form's min/max attributes.
 */
export const policyLimits = {
  nameLength: { min: 3, max: 150 },
  policiesPerVault: 200,
  instantRestoreDays: { Standard: { min: 1, max: 5 }, Enhanced: { min: 1, max: 30 } } satisfies Record<PolicyKind, Range>,
  /** A Standard policy with a weekly schedule keeps snapshots exactly this long. */
  standardWeeklyInstantRestoreDays: 5,
  dailyDays: { min: 7, max: 9999 },
  weeklyWeeks: { min: 1, max: 5163 },
  monthlyMonths: { min: 1, max: 1188 },
  yearlyYears: { min: 1, max: 99 },
  absoluteDay: { min: 1, max: 28 },
  hourlyWindowHours: { min: 4, max: 24 },
  /** Archive tiering: points at least this old move ... */
  tierAfterMinMonths: 3,
  /** ... and only with at least this much retention left. */
  tierRemainingMinMonths: 6,
  /** Restore point collection resource group: `<prefix>N<suffix>` with a one-digit N. */
  instantRpResourceGroupMaxLength: 74,
  /** Recovery points one protected VM can hold. */
  maxRecoveryPoints: 9999,
} as const;

export function instantRestoreRange(kind: PolicyKind): Range {
  return policyLimits.instantRestoreDays[kind];
}
