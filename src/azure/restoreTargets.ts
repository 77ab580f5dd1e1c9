import type { StorageAccount } from '@azure/arm-storage';
import type { VirtualMachine as SdkVirtualMachine } from '@azure/arm-compute';
import type { RestoreSource } from '../restore/restoreRequest';
import type { ResourceGroupInfo, RestoreRulesContext, SourceVmInfo, StagingAccountInfo } from '../restore/restoreRulesContext';
import { ArmCalls } from './armCalls';
import { parseArmId } from './armId';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import type { StorageRedundancy } from './model';
import { collectPages } from './requestLimiter';
import { VmCatalog } from './vmCatalog';

/** The Azure Disk Encryption extensions (Microsoft.Azure.Security): a VM with one is encrypted. */
const diskEncryptionExtensions = /^AzureDiskEncryption(ForLinux)?$/i;

/**
 * What the restore form and its rules need to know from Azure (RestoreRulesContext): the
 * backed-up VM as it is now, the subscription's resource groups and storage accounts, the vault
 * region's networks and zones, and the VM names taken in the target resource group. Reads run in
 * parallel under the reader's limiter and fail with an AzureError. Plain Node: no `vscode`.
 */
export class RestoreTargets {
  private readonly calls: ArmCalls;
  private readonly catalog: VmCatalog;

  constructor(private readonly reader: BackupReader) {
    this.calls = new ArmCalls(reader, { pollDelayMs: 1_000, maxPollDelayMs: 15_000 });
    this.catalog = new VmCatalog(reader);
  }

  /** Everything the rules check a restore of `source` against; `targetResourceGroup` adds the VM names taken there. */
  async rulesContext(source: RestoreSource, options: { vaultRedundancy?: StorageRedundancy; targetResourceGroup?: string; signal?: AbortSignal } = {}): Promise<RestoreRulesContext> {
    const { signal, targetResourceGroup } = options;
    const subscriptionId = parseArmId(source.vaultId).subscriptionId;
    const [sourceVm, resourceGroups, virtualNetworks, storageAccounts, zones, takenVmNames] = await Promise.all([
      this.sourceVm(source.virtualMachineId, signal),
      this.resourceGroups(subscriptionId, signal),
      this.catalog.listVirtualNetworks(subscriptionId, source.vaultLocation, signal),
      this.storageAccounts(subscriptionId, signal),
      this.catalog.listZones(subscriptionId, source.vaultLocation, signal),
      targetResourceGroup ? this.catalog.takenVmNames(subscriptionId, targetResourceGroup, signal) : Promise.resolve(undefined),
    ]);
    return {
      ...(options.vaultRedundancy ? { vaultRedundancy: options.vaultRedundancy } : {}),
      sourceVm,
      resourceGroups,
      virtualNetworks,
      storageAccounts,
      zones,
      ...(takenVmNames ? { takenVmNames } : {}),
    };
  }

  /** The backed-up VM now; null when it no longer exists. */
  async sourceVm(virtualMachineId: string, signal?: AbortSignal): Promise<SourceVmInfo | null> {
    const { subscriptionId, resourceGroup, name } = parseArmId(virtualMachineId);
    const compute = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).compute(subscriptionId));
    try {
      const vm = await this.calls.run(subscriptionId, signal, () => compute.virtualMachines.get(resourceGroup ?? '', name, { abortSignal: signal }));
      return sourceVmOf(vm, virtualMachineId);
    } catch (error) {
      if (error instanceof AzureError && error.reason === 'notFound') return null;
      throw error;
    }
  }

  /** The subscription's resource groups with their regions, by name. */
  async resourceGroups(subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroupInfo[]> {
    const client = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).resources(subscriptionId));
    const groups = await this.calls.run(subscriptionId, signal, () => collectPages(client.resourceGroups.list({ abortSignal: signal }), signal));
    return groups.flatMap((group) => (group.name ? [{ name: group.name, location: group.location }] : [])).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Every storage account of the subscription, as the staging-account rules read them (acceptedStagingAccounts picks those Azure takes). */
  async storageAccounts(subscriptionId: string, signal?: AbortSignal): Promise<StagingAccountInfo[]> {
    const client = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).storage(subscriptionId));
    const accounts = await this.calls.run(subscriptionId, signal, () => collectPages(client.storageAccounts.list({ abortSignal: signal }), signal));
    return accounts.flatMap((account) => stagingAccountOf(account) ?? []).sort((a, b) => a.name.localeCompare(b.name));
  }
}

export function sourceVmOf(vm: SdkVirtualMachine, fallbackId: string): SourceVmInfo {
  const osDisk = vm.storageProfile?.osDisk;
  const extensions = (vm.resources ?? []).map((extension) => extension.typePropertiesType ?? extension.name ?? '');
  const encrypted = osDisk?.encryptionSettings?.enabled === true || extensions.some((type) => diskEncryptionExtensions.test(type.split('/').pop() ?? ''));
  const osType = osDisk?.osType;
  return {
    id: vm.id ?? fallbackId,
    name: vm.name ?? parseArmId(fallbackId).name,
    location: vm.location,
    managed: osDisk?.managedDisk !== undefined,
    encrypted,
    ...(osType === 'Windows' || osType === 'Linux' ? { osType } : {}),
  };
}

function stagingAccountOf(account: StorageAccount): StagingAccountInfo | undefined {
  if (!account.id || !account.name) return undefined;
  const defaultAction = account.networkRuleSet?.defaultAction;
  return {
    id: account.id,
    name: account.name,
    resourceGroup: parseArmId(account.id).resourceGroup ?? '',
    location: account.location,
    kind: account.kind ?? 'StorageV2',
    skuName: account.sku?.name ?? 'Standard_LRS',
    ...(account.allowSharedKeyAccess !== undefined ? { allowSharedKeyAccess: account.allowSharedKeyAccess } : {}),
    ...(defaultAction === 'Allow' || defaultAction === 'Deny' ? { networkDefaultAction: defaultAction } : {}),
  };
}
