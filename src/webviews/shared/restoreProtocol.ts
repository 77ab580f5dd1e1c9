// The Restore webview's messages, both ways, with the guards each side runs on what it receives.
// The webview says `ready` first; the host answers `init` (what is restored: the point, the VM,
// the vault) and `targets` (where it can go: resource groups, networks, staging accounts, zones),
// or `loadFailed`. The webview sends the user's choices, never the source: the host adds its own
// (RestoreRequest.source), so a page cannot restore another VM's point. Pure TypeScript: no
// vscode, no DOM, shared by the host panel and the browser app.
import type { RecoveryPointConsistency, StorageRedundancy } from '../../azure/model';
import type { RestoreRequest, RestoreSource } from '../../restore/restoreRequest';
import type { ResourceGroupInfo, SourceVmInfo, StagingAccountInfo } from '../../restore/restoreRulesContext';
import type { RestoreValidationResult } from '../../restore/restoreValidation';
import type { SubnetInfo, VirtualNetworkInfo } from '../../vmCreation/vmRulesContext';
import { isEither } from './createVmRequestGuard';
import { isArrayOf, isBoolean, isFiniteNumber, isLiteral, isMessageOf, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';

export const restoreViewType = 'azureVmBackup.restore';

/** Which point a form restores: kept in the webview's state, so a form reloaded with the window finds it again. */
export interface RestoreIdentity {
  vaultId: string;
  /** The protected item's ARM id. */
  itemId: string;
  /** The recovery point's ARM id (its name is the last segment). */
  pointId: string;
}

/** What the form shows about the point and the vault beyond the rules' facts (times as ISO text). */
export interface RestoreDetails {
  vaultName: string;
  vaultRedundancy?: StorageRedundancy;
  time: string;
  consistency: RecoveryPointConsistency;
  expiry?: string;
  rehydratedUntil?: string;
  vmSize?: string;
}

/** Where a restore can go, as the host read it (RestoreRulesContext without the names taken per group). */
export interface RestoreTargetsInfo {
  sourceVm: SourceVmInfo | null;
  resourceGroups: ResourceGroupInfo[];
  virtualNetworks: VirtualNetworkInfo[];
  storageAccounts: StagingAccountInfo[];
  zones: string[];
}

/** What the user chose: a RestoreRequest without its source. */
export type RestoreChoices = Omit<RestoreRequest, 'source'>;

export type HostToRestore =
  | { type: 'init'; identity: RestoreIdentity; source: RestoreSource; details: RestoreDetails }
  /** The point, its VM or its vault could not be read: the form says why and offers nothing else. */
  | { type: 'loadFailed'; identity: RestoreIdentity; message: string }
  /** `error` when Azure did not list them (the lists are then empty). */
  | { type: 'targets'; targets: RestoreTargetsInfo; error?: string }
  | { type: 'vmNames'; resourceGroup: string; names: string[]; error?: string }
  | { type: 'storageAccountCreated'; ok: true; account: StagingAccountInfo; message: string }
  | { type: 'storageAccountCreated'; ok: false; message: string }
  /** Azure's answer to validate-operation, in words (`text`) and item by item. */
  | { type: 'validation'; ok: true; valid: boolean; results: RestoreValidationResult[]; text: string }
  /** Not validated: our own check refused the request, or Azure could not be asked. */
  | { type: 'validation'; ok: false; message: string }
  | { type: 'restoreProgress'; message: string }
  /** `attached`: a restore of the VM already ran, and no second one was sent. */
  | { type: 'restoreResult'; ok: true; jobId: string; attached: boolean; message: string }
  /** The draft stays: the user fixes it and restores again. */
  | { type: 'restoreResult'; ok: false; message: string };

export type RestoreToHost =
  | { type: 'ready' }
  | { type: 'reloadTargets' }
  | { type: 'listVmNames'; resourceGroup: string }
  | { type: 'createStorageAccount'; name: string; resourceGroup: string }
  | { type: 'validate'; choices: RestoreChoices }
  | { type: 'restore'; choices: RestoreChoices }
  | { type: 'cancel' };

const id = isText(1_000);
const name = isText(200);
const message = isText(8_000);
const zone = isOneOf(['1', '2', '3'] as const);
const osType = isOneOf(['Windows', 'Linux'] as const);
const iso = isText(40);

export const isRestoreIdentity = isShape<RestoreIdentity>({ vaultId: id, itemId: id, pointId: id });

const isPointFacts = isShape<RestoreSource['point']>({
  id,
  name,
  tier: isOneOf(['snapshot', 'snapshotAndVault', 'vault', 'archive'] as const),
  rehydrated: isBoolean,
  zones: isArrayOf(zone, 3),
  managed: isBoolean,
  encrypted: isBoolean,
  premiumDisks: isBoolean,
  osType: isOptional(osType),
});
const isSource = isShape<RestoreSource>({ vaultId: id, vaultLocation: name, virtualMachineId: id, vmName: name, point: isPointFacts });
const isDetails = isShape<RestoreDetails>({
  vaultName: name,
  vaultRedundancy: isOptional(isOneOf(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'] as const)),
  time: iso,
  consistency: isOneOf(['application', 'fileSystem', 'crash', 'unknown'] as const),
  expiry: isOptional(iso),
  rehydratedUntil: isOptional(iso),
  vmSize: isOptional(name),
});
const isSourceVm = isShape<SourceVmInfo>({ id, name, location: name, managed: isBoolean, encrypted: isOptional(isBoolean), osType: isOptional(osType) });
const isNetwork = isShape<VirtualNetworkInfo>({
  id,
  name,
  resourceGroup: name,
  location: name,
  addressPrefixes: isArrayOf(name, 1_000),
  subnets: isArrayOf(isShape<SubnetInfo>({ id, name, addressPrefix: isOptional(name) }), 3_000),
});
export const isStagingAccount = isShape<StagingAccountInfo>({
  id,
  name,
  resourceGroup: name,
  location: name,
  kind: name,
  skuName: name,
  allowSharedKeyAccess: isOptional(isBoolean),
  networkDefaultAction: isOptional(isOneOf(['Allow', 'Deny'] as const)),
});
const isTargets = isShape<RestoreTargetsInfo>({
  sourceVm: (value): value is SourceVmInfo | null => value === null || isSourceVm(value),
  resourceGroups: isArrayOf(isShape<ResourceGroupInfo>({ name, location: name })),
  virtualNetworks: isArrayOf(isNetwork),
  storageAccounts: isArrayOf(isStagingAccount),
  zones: isArrayOf(zone, 3),
});
const isValidationResult = isShape<RestoreValidationResult>({ code: name, message, recommendations: isArrayOf(message, 50) });

/** The choices crossing from the page: shape and vocabulary only; the rules are restoreRequestProblems', run by the host again. */
export const isRestoreChoices = isShape<RestoreChoices>({
  type: isOneOf(['newVm', 'restoreDisks', 'replaceDisks'] as const),
  targetResourceGroup: name,
  vmName: name,
  virtualNetworkId: id,
  subnetName: name,
  stagingStorageAccountId: id,
  zone: isOptional(zone),
  rehydration: isOptional(isShape<NonNullable<RestoreRequest['rehydration']>>({ priority: isOneOf(['Standard', 'High'] as const), days: isFiniteNumber })),
  confirmVmName: name,
});

type Of<K extends HostToRestore['type']> = Extract<HostToRestore, { type: K }>;

const isAccountCreated = isEither<Of<'storageAccountCreated'>>(
  isShape<Of<'storageAccountCreated'> & { ok: true }>({ type: isLiteral('storageAccountCreated'), ok: isLiteral(true), account: isStagingAccount, message }),
  isShape<Of<'storageAccountCreated'> & { ok: false }>({ type: isLiteral('storageAccountCreated'), ok: isLiteral(false), message }),
);
const isValidation = isEither<Of<'validation'>>(
  isShape<Of<'validation'> & { ok: true }>({ type: isLiteral('validation'), ok: isLiteral(true), valid: isBoolean, results: isArrayOf(isValidationResult, 100), text: message }),
  isShape<Of<'validation'> & { ok: false }>({ type: isLiteral('validation'), ok: isLiteral(false), message }),
);
const isRestoreResult = isEither<Of<'restoreResult'>>(
  isShape<Of<'restoreResult'> & { ok: true }>({ type: isLiteral('restoreResult'), ok: isLiteral(true), jobId: name, attached: isBoolean, message }),
  isShape<Of<'restoreResult'> & { ok: false }>({ type: isLiteral('restoreResult'), ok: isLiteral(false), message }),
);

/** Messages the webview accepts from the host. */
export const isHostToRestore: Guard<HostToRestore> = isMessageOf<HostToRestore>({
  init: isShape({ type: isLiteral('init'), identity: isRestoreIdentity, source: isSource, details: isDetails }),
  loadFailed: isShape({ type: isLiteral('loadFailed'), identity: isRestoreIdentity, message }),
  targets: isShape({ type: isLiteral('targets'), targets: isTargets, error: isOptional(message) }),
  vmNames: isShape({ type: isLiteral('vmNames'), resourceGroup: name, names: isArrayOf(name), error: isOptional(message) }),
  storageAccountCreated: isAccountCreated,
  validation: isValidation,
  restoreProgress: isShape({ type: isLiteral('restoreProgress'), message }),
  restoreResult: isRestoreResult,
});

/** Messages the host accepts from the webview. */
export const isRestoreMessage: Guard<RestoreToHost> = isMessageOf<RestoreToHost>({
  ready: isShape({ type: isLiteral('ready') }),
  reloadTargets: isShape({ type: isLiteral('reloadTargets') }),
  listVmNames: isShape({ type: isLiteral('listVmNames'), resourceGroup: name }),
  createStorageAccount: isShape({ type: isLiteral('createStorageAccount'), name, resourceGroup: name }),
  validate: isShape({ type: isLiteral('validate'), choices: isRestoreChoices }),
  restore: isShape({ type: isLiteral('restore'), choices: isRestoreChoices }),
  cancel: isShape({ type: isLiteral('cancel') }),
});
