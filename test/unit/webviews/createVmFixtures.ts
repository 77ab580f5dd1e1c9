// Shared data of the Create VM form's tests: a subscription, its groups, a region's catalog,
// vaults and a valid request (what a filled-in form sends). The subscription and the vault are
// the VM creation layer's fixtures'.
import { newStandardPolicyDraft } from '../../../src/policy/policyDraft';
import type { VmCreateRequest } from '../../../src/vmCreation/vmCreateRequest';
import type { VirtualNetworkInfo, VmSizeInfo } from '../../../src/vmCreation/vmRulesContext';
import type { PolicyInfo, VaultChoiceInfo } from '../../../src/webviews/shared/createVmProtocol';
import { linuxRequest, subscriptionId, vaultId } from '../vmCreation/vmFixtures';

export const subscription = { subscriptionId, name: 'Contoso Production' };
export const groups = [
  { name: 'rg-web-prod', location: 'westeurope' },
  { name: 'rg-backup-prod', location: 'westeurope' },
];
export const locations = [
  { name: 'westeurope', displayName: 'West Europe' },
  { name: 'westcentralus', displayName: 'West Central US' },
];
export const sizes: VmSizeInfo[] = [
  { name: 'Standard_A1_v2', vCpus: 1, memoryMb: 2048, premiumDisks: false },
  { name: 'Standard_B2s', vCpus: 2, memoryMb: 4096, premiumDisks: true },
  { name: 'Standard_D2s_v5', vCpus: 2, memoryMb: 8192, premiumDisks: true },
];
export const vaults: VaultChoiceInfo[] = [
  { id: vaultId, name: 'prod-weu-vault', resourceGroup: 'rg-backup-prod', location: 'westeurope' },
  { id: `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-us/providers/Microsoft.RecoveryServices/vaults/us-vault`, name: 'us-vault', resourceGroup: 'rg-backup-us', location: 'westcentralus' },
];
export const network: VirtualNetworkInfo = {
  id: `/subscriptions/${subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub-vnet`,
  name: 'hub-vnet',
  resourceGroup: 'rg-net',
  location: 'westeurope',
  addressPrefixes: ['10.1.0.0/16'],
  subnets: [{ id: `/subscriptions/${subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/apps`, name: 'apps', addressPrefix: '10.1.1.0/24' }],
};

/** The vault's policies: DefaultPolicy, and one with its own restore point group pattern. */
export function vaultPolicies(): PolicyInfo[] {
  const daily = { ...newStandardPolicyDraft('Daily-Weu'), instantRpResourceGroup: { prefix: 'rp-weu-', suffix: '-snapshots' } };
  return [
    { name: 'DefaultPolicy', kind: 'Standard', draft: newStandardPolicyDraft('DefaultPolicy') },
    { name: 'Daily-Weu', kind: 'Standard', draft: daily },
  ];
}

export const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDCsJEe8CuEnE98T5QqfBMs0dF/bvcDmRF4Y5QfVhvnb azureuser@laptop';

/** The Linux request of the VM creation layer's tests, named web-01 with this key, backed up to the existing vault. */
export function validRequest(overrides: Partial<VmCreateRequest> = {}): VmCreateRequest {
  return linuxRequest({
    name: 'web-01',
    authentication: { kind: 'sshPublicKey', publicKey },
    network: { kind: 'new', virtualNetworkName: 'web-01-vnet', addressPrefix: '10.0.0.0/16', subnetName: 'default', subnetPrefix: '10.0.0.0/24' },
    backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    ...overrides,
  });
}
