// What "Create Virtual Machine…" asks Azure for: the form's draft becomes this request, the host
// checks it again (vmRequestProblems) and turns it into one ARM template deployment
// (vmTemplate). Pure TypeScript: shared by the host and the webview bundle.
import type { PolicyDraft } from '../policy/policyDraft';

export type OsType = 'Linux' | 'Windows';

/** A marketplace image: publisher:offer:sku:version (version `latest` or x.y.z). */
export interface VmImageReference {
  publisher: string;
  offer: string;
  sku: string;
  version: string;
}

export type VmAuthentication = { kind: 'sshPublicKey'; publicKey: string } | { kind: 'password'; password: string };

/** Inbound ports the network security group opens to the internet. */
export type InboundPort = 'SSH' | 'RDP' | 'HTTP' | 'HTTPS';

export type OsDiskType = 'Premium_LRS' | 'StandardSSD_LRS' | 'Standard_LRS' | 'Premium_ZRS' | 'StandardSSD_ZRS';

export type VmNetworkChoice =
  | {
      kind: 'new';
      virtualNetworkName: string;
      /** e.g. 10.0.0.0/16 */
      addressPrefix: string;
      subnetName: string;
      /** e.g. 10.0.0.0/24, inside addressPrefix */
      subnetPrefix: string;
    }
  | {
      kind: 'existing';
      /** ARM id of a virtual network in the VM's region and subscription. */
      virtualNetworkId: string;
      subnetName: string;
    };

export type VaultChoice =
  | { kind: 'existing'; vaultId: string }
  | { kind: 'new'; name: string; resourceGroup: { name: string; isNew: boolean } };

export type BackupPolicyChoice =
  /** A policy the vault has (DefaultPolicy for a new vault). */
  | { kind: 'existing'; name: string }
  /** A policy authored in the policy editor, created by the same deployment. */
  | { kind: 'new'; draft: PolicyDraft };

export type VmBackupChoice = { enabled: false } | { enabled: true; vault: VaultChoice; policy: BackupPolicyChoice };

export interface VmCreateRequest {
  subscriptionId: string;
  resourceGroup: { name: string; isNew: boolean };
  name: string;
  /** e.g. westeurope */
  location: string;
  /** An availability zone of the region, or none. */
  zone?: '1' | '2' | '3';
  osType: OsType;
  image: VmImageReference;
  /** e.g. Standard_B2s, offered in the region. */
  size: string;
  adminUsername: string;
  authentication: VmAuthentication;
  inboundPorts: InboundPort[];
  osDiskType: OsDiskType;
  network: VmNetworkChoice;
  /** A public IP address (with the VM's name) for the NIC. */
  publicIp: boolean;
  /**
   * Names of the network security group, public IP and NIC the VM gets; absent: the portal's
   * `<vm>-nsg`, `<vm>-ip`, `<vm>-nic` (suggestedNames.ts). Set them when those are taken.
   */
  networkResourceNames?: VmNetworkResourceNames;
  backup: VmBackupChoice;
}

export interface VmNetworkResourceNames {
  networkSecurityGroup: string;
  publicIp: string;
  networkInterface: string;
}
