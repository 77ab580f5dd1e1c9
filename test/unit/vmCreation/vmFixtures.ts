import { generateKeyPairSync } from 'node:crypto';
import type { VmCreateRequest } from '../../../src/vmCreation/vmCreateRequest';
import type { VmRulesContext } from '../../../src/vmCreation/vmRulesContext';

export const subscriptionId = '3f2c6a51-8d7e-4b0a-9c1d-2e5f6a7b8c90';

function wireString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function mpint(bytes: Buffer): Buffer {
  return wireString(bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** A real OpenSSH one-line RSA public key of the given size. */
export function rsaPublicKey(bits: number, comment = 'me@laptop'): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([wireString(Buffer.from('ssh-rsa')), mpint(Buffer.from(jwk.e!, 'base64url')), mpint(Buffer.from(jwk.n!, 'base64url'))]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

/** A real OpenSSH one-line ed25519 public key. */
export function ed25519PublicKey(comment = 'me@laptop'): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const x = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return `ssh-ed25519 ${Buffer.concat([wireString(Buffer.from('ssh-ed25519')), wireString(x)]).toString('base64')} ${comment}`;
}

export const sshKey = ed25519PublicKey();

export const vnetId = `/subscriptions/${subscriptionId}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/hub-vnet`;
export const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/rg-backup-prod/providers/Microsoft.RecoveryServices/vaults/prod-weu-vault`;

/** Linux, SSH key, new network, backup to a new vault in a new group with DefaultPolicy. */
export function linuxRequest(overrides: Partial<VmCreateRequest> = {}): VmCreateRequest {
  return {
    subscriptionId,
    resourceGroup: { name: 'rg-web-prod', isNew: false },
    name: 'web-04',
    location: 'westeurope',
    osType: 'Linux',
    image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
    size: 'Standard_B2s',
    adminUsername: 'azureuser',
    authentication: { kind: 'sshPublicKey', publicKey: sshKey },
    inboundPorts: ['SSH'],
    osDiskType: 'Premium_LRS',
    network: { kind: 'new', virtualNetworkName: 'web-04-vnet', addressPrefix: '10.0.0.0/16', subnetName: 'default', subnetPrefix: '10.0.0.0/24' },
    publicIp: true,
    backup: { enabled: true, vault: { kind: 'new', name: 'vault-westeurope-a1b2', resourceGroup: { name: 'rg-backup-westeurope', isNew: true } }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    ...overrides,
  };
}

/** Windows, password, existing network in another group, existing vault in another group, DefaultPolicy. */
export function windowsRequest(overrides: Partial<VmCreateRequest> = {}): VmCreateRequest {
  return {
    ...linuxRequest(),
    resourceGroup: { name: 'rg-data-prod', isNew: false },
    name: 'sql-02',
    osType: 'Windows',
    image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
    size: 'Standard_D2s_v5',
    authentication: { kind: 'password', password: 'Correct-Horse-42' },
    inboundPorts: ['RDP'],
    network: { kind: 'existing', virtualNetworkId: vnetId, subnetName: 'workloads' },
    publicIp: false,
    backup: { enabled: true, vault: { kind: 'existing', vaultId }, policy: { kind: 'existing', name: 'DefaultPolicy' } },
    ...overrides,
  };
}

/** What the host knows in the demo subscription's westeurope. */
export function context(overrides: Partial<VmRulesContext> = {}): VmRulesContext {
  return {
    sizes: [
      { name: 'Standard_B1s', vCpus: 1, memoryMb: 1024, premiumDisks: true },
      { name: 'Standard_B2s', vCpus: 2, memoryMb: 4096, premiumDisks: true },
      { name: 'Standard_D2s_v5', vCpus: 2, memoryMb: 8192, premiumDisks: true },
      { name: 'Standard_D2_v5', vCpus: 2, memoryMb: 8192, premiumDisks: false },
    ],
    zones: ['1', '2', '3'],
    takenVmNames: ['web-01', 'web-02', 'web-03'],
    takenNetworkNames: { virtualNetworks: ['rg-web-vnet'], networkSecurityGroups: ['web-01-nsg'], publicIpAddresses: ['web-01-ip'], networkInterfaces: ['web-01-nic'] },
    virtualNetworks: [
      {
        id: vnetId,
        name: 'hub-vnet',
        resourceGroup: 'rg-network',
        location: 'westeurope',
        addressPrefixes: ['10.10.0.0/16'],
        subnets: [{ id: `${vnetId}/subnets/workloads`, name: 'workloads', addressPrefix: '10.10.1.0/24' }],
      },
    ],
    resourceGroups: ['rg-web-prod', 'rg-data-prod', 'rg-backup-prod', 'rg-network'],
    vaults: [
      { id: vaultId, name: 'prod-weu-vault', resourceGroup: 'rg-backup-prod', location: 'westeurope', policies: [{ name: 'DefaultPolicy', kind: 'Standard' }, { name: 'Hourly-Enhanced', kind: 'Enhanced' }] },
      {
        id: `/subscriptions/${subscriptionId}/resourceGroups/rg-app-eastus/providers/Microsoft.RecoveryServices/vaults/prod-eus-vault`,
        name: 'prod-eus-vault',
        resourceGroup: 'rg-app-eastus',
        location: 'eastus',
      },
    ],
    takenVaultNames: ['prod-weu-vault', 'prod-eus-vault'],
    image: { osType: 'Linux', generation: 'V2' },
    ...overrides,
  };
}
