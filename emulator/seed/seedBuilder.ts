import { randomUUID } from 'node:crypto';
import type { EmulatorState, JobError, JobRecord, ProtectedItemRecord, VaultRecord, VirtualMachineRecord } from '../state/model';
import { keyOf, resourceGroupId, vaultId, virtualMachineId } from '../state/lookup';
import { newVaultPolicies } from '../backup/defaultPolicies';
import { defaultVaultProperties } from '../backup/vaultSettings';
import { containerNameFor, protectedItemNameFor } from '../backup/protectedItemState';
import { isoTime } from '../operations';
import { monthlyPointTimes, seededPoint } from './seededPoints';

const hour = 3600_000;
const day = 24 * hour;

export interface VmOptions {
  size?: string;
  os?: 'Linux' | 'Windows';
  powerState?: VirtualMachineRecord['powerState'];
  tags?: Record<string, string>;
}

export interface ProtectOptions {
  policy?: string;
  state?: ProtectedItemRecord['protectionState'];
  /** Days of daily scheduled backups to put in the history. */
  historyDays?: number;
  /** The last N of those backups failed with this error. */
  failures?: { count: number; error: JobError };
  softDeletedDaysAgo?: number;
  /** Nights (counted back from last night) when the VM was not running: their points are crash-consistent. */
  crashConsistentNights?: number[];
  /** Months of monthly points to keep besides the nightly history (archived when the policy tiers them). */
  monthlyHistory?: number;
}

/** Builds emulator state directly, as if it had been made through the API over the past days. */
export class SeedBuilder {
  readonly state: EmulatorState;

  constructor(
    readonly now: number,
    tenant: EmulatorState['tenant'] = { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' },
  ) {
    this.state = { schemaVersion: 1, tenant, subscriptions: {}, resourceGroups: {}, virtualMachines: {}, vaults: {}, networkResources: {}, storageAccounts: {}, deployments: {}, restorePointCollections: {}, disks: {}, blobs: {}, operations: {} };
  }

  subscription(subscriptionId: string, displayName: string, locations: string[]): string {
    this.state.subscriptions[subscriptionId.toLowerCase()] = { subscriptionId, displayName, locations };
    return subscriptionId;
  }

  resourceGroup(subscriptionId: string, name: string, location: string): void {
    this.state.resourceGroups[keyOf(resourceGroupId(subscriptionId, name))] = { subscriptionId, name, location };
  }

  vm(subscriptionId: string, resourceGroup: string, name: string, location: string, options: VmOptions = {}): VirtualMachineRecord {
    const id = virtualMachineId(subscriptionId, resourceGroup, name);
    const os = options.os ?? 'Linux';
    const record: VirtualMachineRecord = {
      subscriptionId,
      resourceGroup,
      resource: {
        id,
        name,
        type: 'Microsoft.Compute/virtualMachines',
        location,
        ...(options.tags ? { tags: options.tags } : {}),
        properties: {
          vmId: randomUUID(),
          hardwareProfile: { vmSize: options.size ?? 'Standard_B2s' },
          storageProfile: {
            osDisk: { osType: os, name: `${name}_OsDisk_1`, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' }, diskSizeGB: 30 },
            dataDisks: [],
          },
          osProfile: { computerName: name, adminUsername: 'azureuser' },
          networkProfile: { networkInterfaces: [{ id: `${resourceGroupId(subscriptionId, resourceGroup)}/providers/Microsoft.Network/networkInterfaces/${name}-nic` }] },
          timeCreated: isoTime(this.now - 90 * day),
        },
      },
      powerState: options.powerState ?? 'running',
    };
    this.state.virtualMachines[keyOf(id)] = record;
    return record;
  }

  vault(subscriptionId: string, resourceGroup: string, name: string, location: string, settings: { redundancy?: string; softDeleteState?: string } = {}): VaultRecord {
    const id = vaultId(subscriptionId, resourceGroup, name);
    const properties = defaultVaultProperties() as { redundancySettings: Record<string, string>; securitySettings: { softDeleteSettings: Record<string, unknown> } };
    if (settings.redundancy) properties.redundancySettings.standardTierStorageRedundancy = settings.redundancy;
    if (settings.softDeleteState) properties.securitySettings.softDeleteSettings.softDeleteState = settings.softDeleteState;
    const vault: VaultRecord = {
      subscriptionId,
      resourceGroup,
      resource: { id, name, type: 'Microsoft.RecoveryServices/vaults', location, sku: { name: 'RS0', tier: 'Standard' }, properties },
      storageLocked: false,
      policies: newVaultPolicies(id, this.now - 120 * day),
      protectedItems: {},
      jobs: {},
      discoveredVmIds: [],
      policyWrites: [],
    };
    this.state.vaults[keyOf(id)] = vault;
    return vault;
  }

  policy(vault: VaultRecord, name: string, properties: Record<string, unknown>): void {
    vault.policies[name.toLowerCase()] = { name, properties };
  }

  protect(vault: VaultRecord, vm: VirtualMachineRecord, options: ProtectOptions = {}): ProtectedItemRecord {
    const name = protectedItemNameFor(vm.resourceGroup, vm.resource.name);
    const historyDays = options.historyDays ?? 7;
    const item: ProtectedItemRecord = {
      name,
      containerName: containerNameFor(vm.resourceGroup, vm.resource.name),
      virtualMachineId: vm.resource.id,
      friendlyName: vm.resource.name,
      ...(options.state === 'ProtectionStopped' || options.softDeletedDaysAgo !== undefined ? {} : { policyName: options.policy ?? 'DefaultPolicy' }),
      protectionState: historyDays === 0 ? 'IRPending' : (options.state ?? 'Protected'),
      lastBackupStatus: '',
      protectedItemDataId: String(Math.floor(Math.random() * 1e15)),
      createdAt: this.now - (historyDays + 1) * day,
      recoveryPoints: [],
      onDemandBackups: [],
    };
    vault.protectedItems[name.toLowerCase()] = item;
    vault.storageLocked = true;
    const policy = vault.policies[(options.policy ?? 'DefaultPolicy').toLowerCase()]?.properties;
    this.history(vault, item, historyDays, options, policy);
    if (options.monthlyHistory) this.monthly(item, options.monthlyHistory, policy);
    if (options.softDeletedDaysAgo !== undefined) {
      item.softDeletedAt = this.now - options.softDeletedDaysAgo * day;
      item.purgeAt = item.softDeletedAt + 14 * day;
      item.protectionState = 'ProtectionStopped';
    }
    return item;
  }

  /** Nightly backups at 22:30 UTC on each of the past `days` days; the last few may have failed. */
  private history(vault: VaultRecord, item: ProtectedItemRecord, days: number, options: ProtectOptions, policy: Record<string, unknown> | undefined): void {
    const { failures } = options;
    const vm = this.state.virtualMachines[keyOf(item.virtualMachineId)];
    const today = new Date(this.now);
    const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    for (let back = days; back >= 1; back--) {
      const start = midnight - back * day + 22.5 * hour;
      if (start > this.now) continue;
      const failed = failures !== undefined && back <= failures.count;
      const snapshot = 4 * 60_000 + Math.floor(Math.random() * 60_000);
      const transfer = 18 * 60_000 + Math.floor(Math.random() * 10 * 60_000);
      const end = start + snapshot + (failed ? 0 : transfer);
      const job: JobRecord = {
        id: randomUUID(),
        operation: 'Backup',
        entityFriendlyName: item.friendlyName,
        protectedItemName: item.name,
        virtualMachineId: item.virtualMachineId,
        startTime: start,
        tasks: failed ? [{ taskId: 'Take Snapshot', durationMs: snapshot }, { taskId: 'Transfer data to vault', durationMs: 0 }] : [{ taskId: 'Take Snapshot', durationMs: snapshot }, { taskId: 'Transfer data to vault', durationMs: transfer }],
        outcome: failed ? { status: 'Failed', error: failures!.error } : { status: 'Completed' },
        backupType: 'Scheduled',
        endTime: end,
        finalStatus: failed ? 'Failed' : 'Completed',
        activityId: randomUUID(),
      };
      vault.jobs[job.id] = job;
      item.lastBackupTime = isoTime(end);
      if (failed) {
        item.lastBackupStatus = 'Failed';
        item.lastBackupError = failures!.error;
      } else {
        item.lastBackupStatus = 'Completed';
        delete item.lastBackupError;
        item.recoveryPoints.push(seededPoint(this.state, vm, policy, start + snapshot, options.crashConsistentNights?.includes(back)));
      }
    }
  }

  /** Monthly points of the past months, older than the nightly history, oldest first (at the hour the policy's schedule starts). */
  private monthly(item: ProtectedItemRecord, months: number, policy: Record<string, unknown> | undefined): void {
    const vm = this.state.virtualMachines[keyOf(item.virtualMachineId)];
    const runsAt = new Date(String(((policy?.schedulePolicy ?? {}) as { hourlySchedule?: { scheduleWindowStartTime?: string } }).hourlySchedule?.scheduleWindowStartTime ?? '')).getUTCHours();
    const points = monthlyPointTimes(policy, this.now, months, Number.isNaN(runsAt) ? 22 : runsAt)
      .map((time) => seededPoint(this.state, vm, policy, time))
      .filter((point) => Date.parse(point.expiresAt!) > this.now);
    item.recoveryPoints = [...points, ...item.recoveryPoints].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  }

  /** As if every vault had run discovery: it knows the VMs of its subscription and region. */
  build(): EmulatorState {
    for (const vault of Object.values(this.state.vaults)) {
      vault.discoveredVmIds = Object.values(this.state.virtualMachines)
        .filter((vm) => vm.subscriptionId === vault.subscriptionId && vm.resource.location === vault.resource.location)
        .map((vm) => keyOf(vm.resource.id));
    }
    return this.state;
  }
}
