// What the Restore form's tests restore and where to: a point of web-01 in prod-weu-vault
// (westeurope), the subscription's groups, a network of the region, staging accounts Azure takes
// and ones it refuses.
import type { RestoreSource } from '../../../src/restore/restoreRequest';
import type { StagingAccountInfo } from '../../../src/restore/restoreRulesContext';
import type { RestoreDetails, RestoreIdentity, RestoreTargetsInfo } from '../../../src/webviews/shared/restoreProtocol';
import type { VirtualNetworkInfo } from '../../../src/vmCreation/vmRulesContext';

export const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
const group = (name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
export const vaultId = `${group('rg-backup-prod')}/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;
export const vmId = `${group('rg-web-prod')}/providers/Microsoft.Compute/virtualMachines/web-01`;
export const itemId = `${vaultId}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-web-prod;web-01/protectedItems/VM;iaasvmcontainerv2;rg-web-prod;web-01`;
export const pointName = '932887316264738';
export const pointId = `${itemId}/recoveryPoints/${pointName}`;
export const identity: RestoreIdentity = { vaultId, itemId, pointId };

export function source(point: Partial<RestoreSource['point']> = {}): RestoreSource {
  return {
    vaultId,
    vaultLocation: 'westeurope',
    virtualMachineId: vmId,
    vmName: 'web-01',
    point: { id: pointId, name: pointName, tier: 'snapshotAndVault', rehydrated: false, zones: [], managed: true, encrypted: false, premiumDisks: false, osType: 'Linux', ...point },
  };
}

export const details: RestoreDetails = { vaultName: 'prod-weu-vault', vaultRedundancy: 'GeoRedundant', time: '2025-01-05T22:30:00.000Z', consistency: 'application', expiry: '2025-02-04T22:30:00.000Z', vmSize: 'Standard_B2s' };

export const network: VirtualNetworkInfo = {
  id: `${group('rg-web-prod')}/providers/Microsoft.Network/virtualNetworks/vnet-web-prod`,
  name: 'vnet-web-prod',
  resourceGroup: 'rg-web-prod',
  location: 'westeurope',
  addressPrefixes: ['10.1.0.0/16'],
  subnets: [
    { id: `${group('rg-web-prod')}/providers/Microsoft.Network/virtualNetworks/vnet-web-prod/subnets/app`, name: 'app', addressPrefix: '10.1.1.0/24' },
    { id: `${group('rg-web-prod')}/providers/Microsoft.Network/virtualNetworks/vnet-web-prod/subnets/data`, name: 'data', addressPrefix: '10.1.2.0/24' },
  ],
};

const account = (name: string, overrides: Partial<StagingAccountInfo> = {}): StagingAccountInfo => ({
  id: `${group('rg-web-prod')}/providers/Microsoft.Storage/storageAccounts/${name}`,
  name,
  resourceGroup: 'rg-web-prod',
  location: 'westeurope',
  kind: 'StorageV2',
  skuName: 'Standard_LRS',
  ...overrides,
});

/** Accepted: contosowebdiag. Refused: a ZRS one, one in northeurope. */
export const accounts = {
  accepted: account('contosowebdiag'),
  zoneRedundant: account('contosozrs', { skuName: 'Standard_ZRS' }),
  elsewhere: account('contosoneu', { location: 'northeurope' }),
};

export function targets(overrides: Partial<RestoreTargetsInfo> = {}): RestoreTargetsInfo {
  return {
    sourceVm: { id: vmId, name: 'web-01', location: 'westeurope', managed: true, encrypted: false, osType: 'Linux' },
    resourceGroups: [{ name: 'rg-backup-prod', location: 'westeurope' }, { name: 'rg-web-prod', location: 'westeurope' }, { name: 'rg-neu', location: 'northeurope' }],
    virtualNetworks: [network],
    storageAccounts: [accounts.accepted, accounts.zoneRedundant, accounts.elsewhere],
    zones: ['1', '2', '3'],
    ...overrides,
  };
}
