// The guard of a VmCreateRequest crossing from the Create VM webview to the host (Create, View
// template). It checks the shape and the vocabulary; Azure's rules are vmRequestProblems'
// business, run by the host again before anything is sent.
import type {
  BackupPolicyChoice, InboundPort, OsDiskType, OsType, VaultChoice, VmAuthentication, VmBackupChoice, VmCreateRequest, VmImageReference, VmNetworkChoice, VmNetworkResourceNames,
} from '../../vmCreation/vmCreateRequest';
import { isPolicyDraft } from './policyDraftGuard';
import { isArrayOf, isBoolean, isLiteral, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';

export const osTypes: readonly OsType[] = ['Linux', 'Windows'];
export const inboundPorts: readonly InboundPort[] = ['SSH', 'RDP', 'HTTP', 'HTTPS'];
export const osDiskTypes: readonly OsDiskType[] = ['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS', 'Premium_ZRS', 'StandardSSD_ZRS'];
export const zones = ['1', '2', '3'] as const;

const id = isText(1_000);
const name = isText(200);
/** An OpenSSH public key line: a 16384-bit RSA key is about 2,800 characters. */
const publicKey = isText(16_000);
/** Azure allows up to 123 characters; longer is refused here, not by the rules. */
const password = isText(200);

/** `{ kind, … }` unions: one exact shape per kind. */
export function isEither<T>(...guards: Guard<T>[]): Guard<T> {
  return (value): value is T => guards.some((guard) => guard(value));
}

const isResourceGroup = isShape<VmCreateRequest['resourceGroup']>({ name, isNew: isBoolean });
const isImage = isShape<VmImageReference>({ publisher: name, offer: name, sku: name, version: name });
const isAuthentication = isEither<VmAuthentication>(
  isShape<Extract<VmAuthentication, { kind: 'sshPublicKey' }>>({ kind: isLiteral('sshPublicKey'), publicKey }),
  isShape<Extract<VmAuthentication, { kind: 'password' }>>({ kind: isLiteral('password'), password }),
);
const isNetwork = isEither<VmNetworkChoice>(
  isShape<Extract<VmNetworkChoice, { kind: 'new' }>>({ kind: isLiteral('new'), virtualNetworkName: name, addressPrefix: name, subnetName: name, subnetPrefix: name }),
  isShape<Extract<VmNetworkChoice, { kind: 'existing' }>>({ kind: isLiteral('existing'), virtualNetworkId: id, subnetName: name }),
);
const isVault = isEither<VaultChoice>(
  isShape<Extract<VaultChoice, { kind: 'existing' }>>({ kind: isLiteral('existing'), vaultId: id }),
  isShape<Extract<VaultChoice, { kind: 'new' }>>({ kind: isLiteral('new'), name, resourceGroup: isResourceGroup }),
);
const isPolicy = isEither<BackupPolicyChoice>(
  isShape<Extract<BackupPolicyChoice, { kind: 'existing' }>>({ kind: isLiteral('existing'), name }),
  isShape<Extract<BackupPolicyChoice, { kind: 'new' }>>({ kind: isLiteral('new'), draft: isPolicyDraft }),
);
const isBackup = isEither<VmBackupChoice>(
  isShape<Extract<VmBackupChoice, { enabled: false }>>({ enabled: isLiteral(false) }),
  isShape<Extract<VmBackupChoice, { enabled: true }>>({ enabled: isLiteral(true), vault: isVault, policy: isPolicy }),
);

export const isVmCreateRequest = isShape<VmCreateRequest>({
  subscriptionId: id,
  resourceGroup: isResourceGroup,
  name,
  location: name,
  zone: isOptional(isOneOf(zones)),
  osType: isOneOf(osTypes),
  image: isImage,
  size: name,
  adminUsername: name,
  authentication: isAuthentication,
  inboundPorts: isArrayOf(isOneOf(inboundPorts), 4),
  osDiskType: isOneOf(osDiskTypes),
  network: isNetwork,
  publicIp: isBoolean,
  networkResourceNames: isOptional(isShape<VmNetworkResourceNames>({ networkSecurityGroup: name, publicIp: name, networkInterface: name })),
  backup: isBackup,
});
