import type { IaaSVMProtectableItem, WorkloadProtectableItemResource } from '@azure/arm-recoveryservicesbackup';
import { ArmCalls, failure } from './armCalls';
import { sameArmId } from './armId';
import { AzureError } from './azureError';
import type { BackupOperations, StartedJob, StopMode, VaultSecurity, VmBackupStatus } from './backupOperations';
import type { BackupReader } from './backupReader';
import { runningBackupJob } from './itemJobs';
import { toBackupJob } from './mappers';
import type { BackupJob, BackupPolicy, ProtectedVm, Vault, VirtualMachine } from './model';
import { backUpNow } from './onDemandBackup';
import { azureFabric, fullContainerName, itemRefOf, itemRefOfVm, protectedItemIdOf, vaultRefOf, type VaultRef } from './protectedItemNames';
import { goals, ProtectedItemWrites } from './protectedItemWrites';
import { collectPages } from './requestLimiter';
import { deleteVault } from './vaultDeletion';

export interface BackupOperationsOptions {
  /** Wait between polls of an operation when the service sends no Retry-After (default 5 s). */
  pollDelayMs?: number;
  /** Upper bound on one wait, whatever Retry-After says (default 15 s; Azure sends 60 s). */
  maxPollDelayMs?: number;
}

const iaasVmProtectables = "backupManagementType eq 'AzureIaasVM'";

/**
 * The write side of Azure Backup for VMs over the Azure SDK clients of a BackupReader: its
 * clients, its tenants and its request limiter. Every operation is followed to its end and
 * fails with an AzureError; see onDemandBackup.ts for how "back up now" starts one job per click
 * and protectedItemWrites.ts for how a lost answer to a PUT or DELETE is recognised.
 */
export class AzureBackupOperations implements BackupOperations {
  private readonly calls: ArmCalls;
  private readonly writes: ProtectedItemWrites;

  constructor(
    private readonly reader: BackupReader,
    options: BackupOperationsOptions = {},
  ) {
    const pollDelayMs = options.pollDelayMs ?? 5_000;
    this.calls = new ArmCalls(reader, { pollDelayMs, maxPollDelayMs: Math.max(pollDelayMs, options.maxPollDelayMs ?? 15_000) });
    this.writes = new ProtectedItemWrites(this.calls);
  }

  async backupStatus(vm: VirtualMachine, signal?: AbortSignal): Promise<VmBackupStatus> {
    const client = await this.calls.backup(vm.subscriptionId, signal);
    const answer = await this.calls.run(vm.subscriptionId, signal, () => client.backupStatus.get(vm.location, { resourceType: 'VM', resourceId: vm.id }, options(signal)));
    const status = answer.protectionStatus ?? 'NotProtected';
    if (!answer.vaultId || status === 'NotProtected' || status === 'Invalid') return { protected: false };
    return {
      protected: true,
      vaultId: answer.vaultId,
      ...(answer.containerName && answer.protectedItemName
        ? { protectedItemId: protectedItemIdOf(answer.vaultId, fullContainerName(answer.containerName), answer.protectedItemName) }
        : {}),
      ...(answer.policyName ? { policyName: answer.policyName } : {}),
    };
  }

  async ensureProtectable(vault: Vault, vm: VirtualMachine, signal?: AbortSignal): Promise<void> {
    checkSameRegion(vault, vm);
    if (await this.isProtectable(vault, vm, signal)) return;
    await this.refreshContainers(vault, signal);
    if (await this.isProtectable(vault, vm, signal)) return;
    const status = await this.backupStatus(vm, signal);
    if (status.protected) {
      const holder = status.vaultId ? vaultRefOf(status.vaultId).name : 'another vault';
      throw new AzureError('alreadyProtected', 'VmAlreadyProtected', `VM '${vm.name}' is already protected by vault '${holder}'.`);
    }
    throw new AzureError(
      'vmNotReady',
      'VmNotDiscovered',
      `Vault '${vault.name}' did not find VM '${vm.name}' after discovery. A vault protects VMs of its own subscription and region whose provisioning state is Succeeded.`,
    );
  }

  enableProtection(vault: Vault, vm: VirtualMachine, policy: BackupPolicy, signal?: AbortSignal): Promise<StartedJob> {
    checkSameRegion(vault, vm);
    const target = itemRefOfVm(refOf(vault), vm);
    return this.writes.put(target, { policyId: policy.id, sourceResourceId: vm.id }, goals.protectedWith(policy.id), signal);
  }

  async runningBackup(item: ProtectedVm, signal?: AbortSignal): Promise<BackupJob | undefined> {
    const { job } = await runningBackupJob(this.calls, itemRefOf(item), signal);
    return job ? toBackupJob(job, item.vaultId) : undefined;
  }

  backUpNow(item: ProtectedVm, retainUntil: Date, signal?: AbortSignal): Promise<{ jobId: string; alreadyRunning: boolean }> {
    return backUpNow(this.calls, itemRefOf(item), retainUntil, signal);
  }

  async getJob(vaultId: string, jobName: string, signal?: AbortSignal): Promise<BackupJob> {
    const vault = vaultRefOf(vaultId);
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const job = await this.calls.run(vault.subscriptionId, signal, () => client.jobDetails.get(vault.name, vault.resourceGroup, jobName, options(signal)));
    return toBackupJob(job, vaultId);
  }

  async cancelJob(vaultId: string, jobName: string, signal?: AbortSignal): Promise<void> {
    const vault = vaultRefOf(vaultId);
    const client = await this.calls.backup(vault.subscriptionId, signal);
    try {
      const accepted = await this.calls.start(vault.subscriptionId, signal, (sdkOptions) => client.jobCancellations.trigger(vault.name, vault.resourceGroup, jobName, sdkOptions));
      const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
      if (location) await this.calls.followResult(vault.subscriptionId, client, location, retryAfterMs, signal);
      else if (azureAsyncOperation) await this.calls.followStatus(vault.subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
    } catch (error) {
      const refused = failure(error, signal);
      if (refused.reason === 'cancelled') throw refused;
      // A cancel the pipeline retried after a lost answer is refused (the job is already
      // Cancelling): the job's own status says whether the first one landed.
      const job = await this.getJob(vaultId, jobName, signal).catch(() => undefined);
      if (job?.status === 'Cancelling' || job?.status === 'Cancelled') return;
      throw refused;
    }
  }

  stopProtection(item: ProtectedVm, mode: StopMode, signal?: AbortSignal): Promise<StartedJob> {
    const target = itemRefOf(item);
    switch (mode) {
      case 'retainData':
        return this.writes.put(target, { protectionState: 'ProtectionStopped', sourceResourceId: item.virtualMachineId, policyId: '' }, goals.stoppedAs('ProtectionStopped'), signal);
      case 'retainAsPerPolicy':
        // Immutable vaults cannot keep data forever: backups stop, existing points expire as the policy says.
        return this.writes.put(
          target,
          { protectionState: 'BackupsSuspended', sourceResourceId: item.virtualMachineId, ...(item.policyId ? { policyId: item.policyId } : {}) },
          goals.stoppedAs('BackupsSuspended'),
          signal,
        );
      case 'deleteData':
        return this.writes.delete(target, goals.dataDeleted(), signal);
    }
  }

  resumeProtection(item: ProtectedVm, policyId: string, signal?: AbortSignal): Promise<StartedJob> {
    return this.writes.put(itemRefOf(item), { policyId, sourceResourceId: item.virtualMachineId }, goals.protectedWith(policyId), signal);
  }

  undelete(item: ProtectedVm, signal?: AbortSignal): Promise<StartedJob> {
    return this.writes.put(itemRefOf(item), { protectionState: 'ProtectionStopped', sourceResourceId: item.virtualMachineId, isRehydrate: true }, goals.undeleted(), signal);
  }

  changePolicy(item: ProtectedVm, policyId: string, signal?: AbortSignal): Promise<StartedJob> {
    // The same PUT on the same item: updated in place, its recovery points untouched.
    return this.writes.put(itemRefOf(item), { policyId, sourceResourceId: item.virtualMachineId }, goals.protectedWith(policyId), signal);
  }

  async vaultSecurity(vault: Vault, signal?: AbortSignal): Promise<VaultSecurity> {
    const client = await this.calls.vaults(vault.subscriptionId, signal);
    const resource = await this.calls.run(vault.subscriptionId, signal, () => client.vaults.get(vault.resourceGroup, vault.name, options(signal)));
    const security = resource.properties?.securitySettings;
    let softDeleteState = security?.softDeleteSettings?.softDeleteState as string | undefined;
    let retentionDays = security?.softDeleteSettings?.softDeleteRetentionPeriodInDays;
    if (softDeleteState === undefined) {
      // Older vaults say it only in the backup service's vault config.
      const backup = await this.calls.backup(vault.subscriptionId, signal);
      const config = await this.calls.run(vault.subscriptionId, signal, () => backup.backupResourceVaultConfigs.get(vault.name, vault.resourceGroup, options(signal)));
      softDeleteState = config.properties?.softDeleteFeatureState;
      retentionDays ??= config.properties?.softDeleteRetentionPeriodInDays;
    }
    return {
      softDeleteState: softDeleteStateOf(softDeleteState),
      softDeleteRetentionDays: retentionDays ?? 14,
      immutability: immutabilityOf(security?.immutabilitySettings?.state),
    };
  }

  deleteVault(vault: Vault, signal?: AbortSignal): Promise<void> {
    return deleteVault(this.calls, this.reader, vault, signal);
  }

  private async isProtectable(vault: Vault, vm: VirtualMachine, signal?: AbortSignal): Promise<boolean> {
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const items = await this.calls.run(vault.subscriptionId, signal, () =>
      collectPages<WorkloadProtectableItemResource>(client.backupProtectableItems.list(vault.name, vault.resourceGroup, { filter: iaasVmProtectables, ...options(signal) }), signal),
    );
    return items.some((item) => sameArmId((item.properties as IaaSVMProtectableItem | undefined)?.virtualMachineId, vm.id));
  }

  /** Discovery: POST refreshContainers, then its Location answers 202 until it is done (204). */
  private async refreshContainers(vault: Vault, signal?: AbortSignal): Promise<void> {
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const accepted = await this.calls.start(vault.subscriptionId, signal, (sdkOptions) => client.protectionContainers.refresh(vault.name, vault.resourceGroup, azureFabric, sdkOptions));
    const { location, azureAsyncOperation, retryAfterMs } = accepted.operation;
    if (location) await this.calls.followResult(vault.subscriptionId, client, location, retryAfterMs, signal);
    else if (azureAsyncOperation) await this.calls.followStatus(vault.subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
  }
}

function options(signal?: AbortSignal): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

function refOf(vault: Vault): VaultRef {
  return { id: vault.id, subscriptionId: vault.subscriptionId, resourceGroup: vault.resourceGroup, name: vault.name };
}

/** A vault protects only VMs of its own subscription and region: say so before asking Azure. */
function checkSameRegion(vault: Vault, vm: VirtualMachine): void {
  const region = (location: string) => location.toLowerCase().replace(/\s+/g, '');
  if (vault.subscriptionId.toLowerCase() !== vm.subscriptionId.toLowerCase() || region(vault.location) !== region(vm.location)) {
    throw new AzureError(
      'invalidInput',
      'VaultNotInVmRegion',
      `VM '${vm.name}' is in ${vm.location} and vault '${vault.name}' in ${vault.location}${vault.subscriptionId.toLowerCase() === vm.subscriptionId.toLowerCase() ? '' : ' of another subscription'}: a vault protects only VMs of its own subscription and region.`,
    );
  }
}

function softDeleteStateOf(state: string | undefined): VaultSecurity['softDeleteState'] {
  // The service spells it AlwaysON.
  if (state?.toLowerCase() === 'alwayson') return 'AlwaysOn';
  return state === 'Disabled' ? 'Disabled' : 'Enabled';
}

function immutabilityOf(state: string | undefined): VaultSecurity['immutability'] {
  return state === 'Unlocked' || state === 'Locked' ? state : 'Disabled';
}
