// The create-vault webview's messages, both ways, with the guards each side runs on what it
// receives. The webview says `ready` first; the host posts nothing before it. Pure TypeScript:
// no vscode, no DOM, shared by the host panel and the browser app.
import { immutabilityStates, softDeleteStates, storageRedundancies, type VaultCreateRequest } from '../../azure/vaultRules';
import { isArrayOf, isBoolean, isFiniteNumber, isLiteral, isMessageOf, isOneOf, isOptional, isShape, isText, type Guard } from './messageGuards';
import { subscriptionChoiceGuard, subscriptionListGuards, type SubscriptionChoice, type SubscriptionListMessage, type SubscriptionListRequest } from './subscriptionLists';

export const createVaultViewType = 'azureVmBackup.createVault';

/** What the form starts from when it has no draft: the subscription and region asked for. */
export interface CreateVaultPreset {
  subscriptionId?: string;
  location?: string;
}

/** The steps of creating a vault, in order, as the host reports them. */
export type CreateStep = 'validate' | 'resourceGroup' | 'vault' | 'storage' | 'security' | 'lock' | 'done';
export const createSteps: readonly CreateStep[] = ['validate', 'resourceGroup', 'vault', 'storage', 'security', 'lock', 'done'];

export type HostToCreateVault =
  | { type: 'init'; subscriptions: SubscriptionChoice[]; preset: CreateVaultPreset }
  | SubscriptionListMessage
  | { type: 'nameCheck'; subscriptionId: string; name: string; available: boolean; message?: string }
  | { type: 'createProgress'; step: CreateStep; message: string }
  | { type: 'createResult'; ok: true; vaultId: string; vaultName: string }
  | { type: 'createResult'; ok: false; message: string; vaultId?: string };

export type CreateVaultToHost =
  | { type: 'ready' }
  | { type: 'checkName'; subscriptionId: string; name: string; resourceGroup?: string; location?: string }
  | SubscriptionListRequest
  | { type: 'create'; request: VaultCreateRequest }
  | { type: 'cancel' };

const id = isText(200);
const name = isText(200);
const message = isText(4_000);

const isSubscriptionChoice = subscriptionChoiceGuard({ id, name, message });
const isPreset = isShape<CreateVaultPreset>({ subscriptionId: isOptional(id), location: isOptional(name) });

const isRequest = isShape<VaultCreateRequest>({
  subscriptionId: id,
  resourceGroup: isShape<VaultCreateRequest['resourceGroup']>({ name, isNew: isBoolean }),
  name,
  location: name,
  redundancy: isOneOf(storageRedundancies),
  crossRegionRestore: isBoolean,
  softDelete: isShape<VaultCreateRequest['softDelete']>({ state: isOneOf(softDeleteStates), retentionDays: isFiniteNumber }),
  immutability: isOneOf(immutabilityStates),
});

type Of<T extends { type: string }, K extends T['type']> = Extract<T, { type: K }>;

const isCreateResult: Guard<Of<HostToCreateVault, 'createResult'>> = (value): value is Of<HostToCreateVault, 'createResult'> =>
  isShape<Of<HostToCreateVault, 'createResult'> & { ok: true }>({ type: isLiteral('createResult'), ok: isLiteral(true), vaultId: id, vaultName: name })(value) ||
  isShape<Of<HostToCreateVault, 'createResult'> & { ok: false }>({ type: isLiteral('createResult'), ok: isLiteral(false), message, vaultId: isOptional(id) })(value);

/** Messages the webview accepts from the host. */
export const isHostToCreateVault = isMessageOf<HostToCreateVault>({
  init: isShape({ type: isLiteral('init'), subscriptions: isArrayOf(isSubscriptionChoice), preset: isPreset }),
  ...subscriptionListGuards({ id, name, message }),
  nameCheck: isShape({ type: isLiteral('nameCheck'), subscriptionId: id, name, available: isBoolean, message: isOptional(message) }),
  createProgress: isShape({ type: isLiteral('createProgress'), step: isOneOf(createSteps), message }),
  createResult: isCreateResult,
});

/** Messages the host accepts from the webview. */
export const isCreateVaultMessage = isMessageOf<CreateVaultToHost>({
  ready: isShape({ type: isLiteral('ready') }),
  checkName: isShape({ type: isLiteral('checkName'), subscriptionId: id, name, resourceGroup: isOptional(name), location: isOptional(name) }),
  listResourceGroups: isShape({ type: isLiteral('listResourceGroups'), subscriptionId: id }),
  listLocations: isShape({ type: isLiteral('listLocations'), subscriptionId: id }),
  create: isShape({ type: isLiteral('create'), request: isRequest }),
  cancel: isShape({ type: isLiteral('cancel') }),
});
