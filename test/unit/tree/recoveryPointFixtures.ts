// A vault, a protected VM under it and its recovery points, shaped as the mappers give them (web-01
// in prod-weu-vault), and a tree context whose cache answers recovery points from a script.
import type { BackupCache } from '../../../src/azure/backupCache';
import type { ProtectedVm, RecoveryPoint, Vault } from '../../../src/azure/model';
import type { RecoveryPointRange } from '../../../src/azure/recoveryPoints';
import { ProtectedVmNode } from '../../../src/tree/protectedVmNode';
import { ShownPointRanges } from '../../../src/tree/recoveryPointRanges';
import type { TreeContext } from '../../../src/tree/treeNode';
import { VaultNode } from '../../../src/tree/vaultNode';

export const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';
export const vault: Vault = {
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`,
  name: 'prod-weu-vault',
  subscriptionId,
  resourceGroup: 'rg-backup',
  location: 'westeurope',
  crossRegionRestore: false,
  tags: {},
};
const itemId = `${vault.id}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-web;web-01/protectedItems/VM;iaasvmcontainerv2;rg-web;web-01`;

export function protectedVm(overrides: Partial<ProtectedVm> = {}): ProtectedVm {
  return {
    id: itemId,
    vaultId: vault.id,
    itemName: 'VM;iaasvmcontainerv2;rg-web;web-01',
    containerName: 'IaasVMContainer;iaasvmcontainerv2;rg-web;web-01',
    name: 'web-01',
    virtualMachineId: `/subscriptions/${subscriptionId}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-01`,
    resourceGroup: 'rg-web',
    protectionState: 'Protected',
    health: 'healthy',
    lastBackupTime: new Date('2025-01-05T22:30:00Z'),
    lastRecoveryPoint: new Date('2025-01-05T22:30:00Z'),
    policyName: 'DailyPolicy',
    healthDetails: [],
    ...overrides,
  };
}

export function recoveryPoint(name: string, overrides: Partial<RecoveryPoint> = {}): RecoveryPoint {
  return {
    id: `${itemId}/recoveryPoints/${name}`,
    name,
    time: new Date('2025-01-05T22:30:00Z'),
    consistency: 'application',
    tier: 'snapshotAndVault',
    rehydrated: false,
    expiry: new Date(Date.now() + 29 * 86_400_000 + 3_600_000),
    zones: ['1'],
    vmSize: 'Standard_D2s_v3',
    osType: 'Linux',
    managed: true,
    encrypted: false,
    premiumDisks: true,
    raw: {},
    ...overrides,
  };
}

/** What the cache was asked for, and the answer it gives (a list, or an error to fail with). */
export interface ScriptedPointCache {
  asked: { itemId: string; range: RecoveryPointRange | undefined }[];
  answer: RecoveryPoint[] | Error;
}

/** A tree context whose cache lists recovery points from `script` and nothing else. */
export function pointContext(script: ScriptedPointCache, pointRanges = new ShownPointRanges()): TreeContext {
  const cache = {
    recoveryPoints(item: ProtectedVm, range?: RecoveryPointRange) {
      script.asked.push({ itemId: item.id, range });
      return script.answer instanceof Error ? Promise.reject(script.answer) : Promise.resolve(script.answer);
    },
  };
  return { cache: cache as unknown as BackupCache, access: undefined as never, selectedSubscriptions: [], pointRanges };
}

/** The VM's node under its vault's, as the tree builds it. */
export function vmNode(item: ProtectedVm, pointRanges: ShownPointRanges): ProtectedVmNode {
  return new ProtectedVmNode(new VaultNode(undefined as never, vault), item, pointRanges);
}
