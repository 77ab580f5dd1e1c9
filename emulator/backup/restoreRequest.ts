import type { EmulatorContext } from '../context';
import { keyOf } from '../state/lookup';
import type { ProtectedItemRecord, RecoveryPointRecord, RecoveryType, VaultRecord } from '../state/model';
import { normalizeRegion } from '../resources/regions';
import { isSoftDeleted } from './protectedItemState';
import { runningJobsOf } from './jobEngine';
import { needsRehydration, pointsExpire, tiersOf } from './recoveryPointTiers';
import { restoreProblems, type RestoreProblem } from './restoreErrors';
import { serviceErrors } from './serviceErrors';
import { checkRestoreTarget, type RestoreTarget } from './restoreTargetChecks';

type Json = Record<string, unknown>;

export const restoreObjectTypes = ['IaasVMRestoreRequest', 'IaasVMRestoreWithRehydrationRequest'] as const;
const recoveryTypes: readonly RecoveryType[] = ['AlternateLocation', 'RestoreDisks', 'OriginalLocation'];

/** A restore the service accepted: everything the job needs. */
export interface RestorePlan extends RestoreTarget {
  recoveryType: RecoveryType;
  point: RecoveryPointRecord;
  region: string;
  rehydration?: { priority: 'Standard' | 'High'; retentionDays: number };
}

/**
 * Checks a restore request (IaasVMRestoreRequest's properties) the way the backup service does
 * before it starts a Restore job. The trigger answers with the first problem; the validate-operation
 * API lists them all. What each check refuses, and why:
 * - the request's own shape: objectType, recoveryType, the point and VM it names, the vault's region
 *   (restores run in the vault's region; another region is cross region restore, another API);
 * - the item: soft-deleted data cannot be restored until it is undeleted, and a job already running on
 *   the item (another restore, or a backup) holds it (BMSUserErrorObjectLocked), which also keeps a
 *   retried trigger whose answer was lost from starting a second restore;
 * - an archive-only point needs IaasVMRestoreWithRehydrationRequest with its rehydration info
 *   (priority Standard or High; kept 10 to 30 days, "Archive tier support",
 *   learn.microsoft.com/azure/backup/archive-tier-support); any other point refuses rehydration, and
 *   a point a running restore rehydrates is refused as such (archive-tier-troubleshoot.md);
 * - the staging storage account and the targets (restoreTargetChecks.ts).
 */
export function checkRestoreRequest(context: EmulatorContext, vault: VaultRecord, item: ProtectedItemRecord, point: RecoveryPointRecord, properties: Json, now: number): { problems: RestoreProblem[]; plan?: RestorePlan } {
  const problems: RestoreProblem[] = [];
  const objectType = properties.objectType;
  if (!restoreObjectTypes.includes(objectType as (typeof restoreObjectTypes)[number])) {
    problems.push(restoreProblems.invalidParameter('objectType', `Use ${restoreObjectTypes.join(' or ')} for a virtual machine.`));
  }
  const recoveryType = properties.recoveryType as RecoveryType;
  if (!recoveryTypes.includes(recoveryType)) problems.push(restoreProblems.invalidParameter('recoveryType', `Use ${recoveryTypes.join(', ')}.`));
  if (properties.recoveryPointId !== undefined && String(properties.recoveryPointId) !== point.name) {
    problems.push(restoreProblems.invalidParameter('recoveryPointId', `It must name the recovery point of the request's path, '${point.name}'.`));
  }
  if (typeof properties.sourceResourceId === 'string' && keyOf(properties.sourceResourceId) !== keyOf(item.virtualMachineId)) {
    problems.push(restoreProblems.invalidParameter('sourceResourceId', `It must be the backed-up virtual machine, '${item.virtualMachineId}'.`));
  }
  const region = typeof properties.region === 'string' ? normalizeRegion(properties.region) : undefined;
  if (region !== vault.resource.location) {
    problems.push(restoreProblems.invalidParameter('region', `Restores run in the vault's region, '${vault.resource.location}'.`));
  }
  const tiers = tiersOf(point, now, !pointsExpire(item));
  const running = runningJobsOf(vault, item.name);
  if (isSoftDeleted(item)) problems.push(fromArmError(serviceErrors.itemSoftDeleted()));
  else if (running.some((job) => job.restore?.rehydration && job.restore.pointName === point.name)) problems.push(restoreProblems.rehydrationInProgress());
  else if (running.length > 0) problems.push(fromArmError(serviceErrors.objectLocked()));

  const asksRehydration = objectType === 'IaasVMRestoreWithRehydrationRequest' || properties.recoveryPointRehydrationInfo !== undefined;
  const rehydration = asksRehydration ? rehydrationOf(properties, problems) : undefined;
  if (needsRehydration(tiers)) {
    if (!asksRehydration || (objectType === 'IaasVMRestoreWithRehydrationRequest' && properties.recoveryPointRehydrationInfo === undefined)) problems.push(restoreProblems.rehydrationRequired());
  } else if (asksRehydration) {
    problems.push(tiers.rehydrated ? restoreProblems.alreadyRehydrated() : restoreProblems.rehydrationNotAllowed());
  }
  const target = recoveryTypes.includes(recoveryType) ? checkRestoreTarget(context, vault, item, point, tiers, recoveryType, properties, problems) : undefined;
  if (problems.length > 0 || !target || !region) return { problems };
  return {
    problems,
    plan: { ...target, recoveryType, point, region, ...(rehydration ? { rehydration } : {}) },
  };
}

/** recoveryPointRehydrationInfo, when the request gives it: priority Standard or High, 10 to 30 days. */
function rehydrationOf(properties: Json, problems: RestoreProblem[]): RestorePlan['rehydration'] | undefined {
  const info = properties.recoveryPointRehydrationInfo as Json | undefined;
  if (info === undefined) return undefined;
  const priority = info.rehydrationPriority;
  const days = /^P(\d+)D$/i.exec(String(info.rehydrationRetentionDuration ?? ''));
  const retentionDays = days ? Number(days[1]) : Number.NaN;
  if ((priority !== 'Standard' && priority !== 'High') || !(retentionDays >= 10 && retentionDays <= 30)) {
    problems.push(restoreProblems.invalidParameter('recoveryPointRehydrationInfo', "Give rehydrationPriority 'Standard' or 'High' and rehydrationRetentionDuration from 'P10D' to 'P30D'."));
    return undefined;
  }
  return { priority, retentionDays };
}

function fromArmError(error: { status: number; code: string; message: string }): RestoreProblem {
  return { status: error.status, code: error.code, message: error.message, recommendations: [] };
}
