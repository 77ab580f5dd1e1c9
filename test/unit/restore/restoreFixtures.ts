// A restore request and the facts around it, after Azure's TriggerRestore examples (bms.json
// 2023-06-01: netsdktestrg / netvmtestv2vm1, point 348916168024334, southeastasia).
import type { RestorePointFacts, RestoreRequest, RestoreSource } from '../../../src/restore/restoreRequest';
import type { RestoreRulesContext, StagingAccountInfo } from '../../../src/restore/restoreRulesContext';
import type { VirtualNetworkInfo } from '../../../src/vmCreation/vmRulesContext';

export const subscription = '00000000-0000-0000-0000-000000000000';
export const sourceVmId = `/subscriptions/${subscription}/resourceGroups/netsdktestrg/providers/Microsoft.Compute/virtualMachines/netvmtestv2vm1`;
export const vaultId = `/subscriptions/${subscription}/resourceGroups/netsdktestrg/providers/Microsoft.RecoveryServices/vaults/testVault`;
export const itemId = `${vaultId}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;netsdktestrg;netvmtestv2vm1/protectedItems/VM;iaasvmcontainerv2;netsdktestrg;netvmtestv2vm1`;
export const vnetId = `/subscriptions/${subscription}/resourceGroups/testRg/providers/Microsoft.Network/virtualNetworks/testNet`;
export const accountId = (name: string, group = 'testRg') => `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Storage/storageAccounts/${name}`;

export function point(overrides: Partial<RestorePointFacts> = {}): RestorePointFacts {
  return {
    id: `${itemId}/recoveryPoints/348916168024334`,
    name: '348916168024334',
    tier: 'snapshotAndVault',
    rehydrated: false,
    zones: [],
    managed: true,
    encrypted: false,
    premiumDisks: false,
    osType: 'Linux',
    ...overrides,
  };
}

export function source(overrides: Partial<RestorePointFacts> = {}): RestoreSource {
  return { vaultId, vaultLocation: 'southeastasia', virtualMachineId: sourceVmId, vmName: 'netvmtestv2vm1', point: point(overrides) };
}

/** A new VM in netsdktestrg2 on testNet/default, staged in testingAccount: what the ALR example sends. */
export function newVmRequest(overrides: Partial<RestoreRequest> = {}): RestoreRequest {
  return {
    source: source(),
    type: 'newVm',
    targetResourceGroup: 'netsdktestrg2',
    vmName: 'RSMDALRVM981435',
    virtualNetworkId: vnetId,
    subnetName: 'default',
    stagingStorageAccountId: accountId('testingAccount'),
    confirmVmName: '',
    ...overrides,
  };
}

export function stagingAccount(overrides: Partial<StagingAccountInfo> = {}): StagingAccountInfo {
  const name = overrides.name ?? 'testingAccount';
  return { id: accountId(name), name, resourceGroup: 'testRg', location: 'southeastasia', kind: 'StorageV2', skuName: 'Standard_LRS', ...overrides };
}

export function network(overrides: Partial<VirtualNetworkInfo> = {}): VirtualNetworkInfo {
  return {
    id: vnetId,
    name: 'testNet',
    resourceGroup: 'testRg',
    location: 'southeastasia',
    addressPrefixes: ['10.0.0.0/16'],
    subnets: [{ id: `${vnetId}/subnets/default`, name: 'default', addressPrefix: '10.0.0.0/24' }],
    ...overrides,
  };
}

/** Everything the host knows, all of it agreeing with newVmRequest(). */
export function context(overrides: Partial<RestoreRulesContext> = {}): RestoreRulesContext {
  return {
    vaultRedundancy: 'ZoneRedundant',
    sourceVm: { id: sourceVmId, name: 'netvmtestv2vm1', location: 'southeastasia', managed: true, encrypted: false, osType: 'Linux' },
    resourceGroups: [
      { name: 'netsdktestrg', location: 'southeastasia' },
      { name: 'netsdktestrg2', location: 'southeastasia' },
      { name: 'testRg', location: 'southeastasia' },
    ],
    takenVmNames: ['app-01'],
    virtualNetworks: [network()],
    storageAccounts: [stagingAccount()],
    zones: ['1', '2', '3'],
    ...overrides,
  };
}
