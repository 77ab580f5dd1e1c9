import type { Vault as SdkVault } from '@azure/arm-recoveryservices';
import { ArmCalls, failure } from './armCalls';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import { toVault } from './mappers';
import type { Vault } from './model';
import { collectPages } from './requestLimiter';
import { vaultRequestProblems, vaultNameProblem, type VaultCreateRequest } from './vaultRules';
import { settingsLeftToApply, vaultPutBody } from './vaultSettingsBody';

export interface ResourceGroupInfo {
  name: string;
  location: string;
}

export interface LocationInfo {
  /** e.g. westeurope */
  name: string;
  /** e.g. West Europe */
  displayName: string;
}

export interface NameAvailability {
  available: boolean;
  /** Invalid (our rules or the service's), AlreadyExists, or the service's own reason. */
  reason?: string;
  message?: string;
}

/** The steps of a creation, in order, as `create` reports them. */
export type VaultCreationStep = 'validate' | 'resourceGroup' | 'vault' | 'storage' | 'security' | 'lock' | 'done';
export type CreationReport = (step: VaultCreationStep, message: string) => void;

/** A vault was created but a setting after it failed: the vault exists, say which setting is missing. */
export class VaultSettingsError extends AzureError {
  constructor(
    readonly vaultId: string,
    setting: string,
    cause: AzureError,
  ) {
    super(cause.reason, cause.code, `The vault was created, but setting its ${setting} failed: ${cause.message}`, cause.statusCode, { cause });
  }
}

export interface VaultCreationOptions {
  pollDelayMs?: number;
  maxPollDelayMs?: number;
}

/**
 * Creating a Recovery Services vault: the lists the form offers (resource groups, regions), the
 * name check, and the creation itself (resource group, vault PUT followed to its end, the settings
 * the PUT did not take, then the immutability lock). Validates before sending anything; fails
 * with an AzureError. Plain Node: no `vscode`.
 */
export class VaultCreation {
  private readonly calls: ArmCalls;

  constructor(
    private readonly reader: BackupReader,
    options: VaultCreationOptions = {},
  ) {
    const pollDelayMs = options.pollDelayMs ?? 3_000;
    this.calls = new ArmCalls(reader, { pollDelayMs, maxPollDelayMs: Math.max(pollDelayMs, options.maxPollDelayMs ?? 15_000) });
  }

  async listResourceGroups(subscriptionId: string, signal?: AbortSignal): Promise<ResourceGroupInfo[]> {
    const client = await this.reader.clients(subscriptionId).resources(subscriptionId);
    const groups = await this.calls.run(subscriptionId, signal, () => collectPages(client.resourceGroups.list({ abortSignal: signal }), signal));
    return groups.map((group) => ({ name: group.name ?? '', location: group.location })).filter((group) => group.name).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The subscription's physical regions, by display name. */
  async listLocations(subscriptionId: string, signal?: AbortSignal): Promise<LocationInfo[]> {
    const client = await this.reader.clients(subscriptionId).subscriptions();
    const locations = await this.calls.run(subscriptionId, signal, () => collectPages(client.subscriptions.listLocations(subscriptionId, { abortSignal: signal }), signal));
    return locations
      .filter((location) => location.name && location.metadata?.regionType !== 'Logical')
      .map((location) => ({ name: location.name!, displayName: location.displayName ?? location.name! }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /**
   * Whether a vault of this name can be created in the subscription: our rules first (nothing is
   * sent for a bad name), then the subscription's vaults, then the service's checkNameAvailability
   * when the resource group exists and the region is known.
   */
  async checkName(subscriptionId: string, name: string, where: { resourceGroup?: string; location?: string } = {}, signal?: AbortSignal): Promise<NameAvailability> {
    const problem = vaultNameProblem(name);
    if (problem) return { available: false, reason: 'Invalid', message: problem };
    const vaults = await this.reader.listVaults(subscriptionId, signal);
    const taken = vaults.find((vault) => vault.name.toLowerCase() === name.toLowerCase());
    if (taken) {
      return { available: false, reason: 'AlreadyExists', message: `Vault name '${name}' is taken: the vault ${taken.name} in ${taken.resourceGroup} already has it (names are unique in a subscription).` };
    }
    if (!where.resourceGroup || !where.location) return { available: true };
    const client = await this.calls.vaults(subscriptionId, signal);
    const answer = await this.calls.run(subscriptionId, signal, () =>
      client.recoveryServices.checkNameAvailability(where.resourceGroup!, where.location!, { type: 'Microsoft.RecoveryServices/Vaults', name }, { abortSignal: signal }),
    );
    if (answer.nameAvailable !== false) return { available: true };
    return { available: false, ...(answer.reason ? { reason: answer.reason } : {}), message: answer.message || `Vault name '${name}' is not available.` };
  }

  /** Creates the vault with every setting of the request and answers it as it is at the end. */
  async create(request: VaultCreateRequest, report: CreationReport = () => undefined, signal?: AbortSignal): Promise<Vault> {
    report('validate', 'Checking the settings…');
    refuseProblems(request);
    const { subscriptionId, resourceGroup, name } = request;
    if (resourceGroup.isNew) {
      report('resourceGroup', `Creating the resource group ${resourceGroup.name} in ${request.location}…`);
      const resources = await this.reader.clients(subscriptionId).resources(subscriptionId);
      await this.calls.run(subscriptionId, signal, () => resources.resourceGroups.createOrUpdate(resourceGroup.name, { location: request.location }, { abortSignal: signal }));
    }

    report('vault', `Creating the vault ${name}…`);
    const client = await this.calls.vaults(subscriptionId, signal);
    const vaultId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup.name}/providers/Microsoft.RecoveryServices/vaults/${name}`;
    const url = (suffix = '', apiVersion = client.apiVersion) => `${this.calls.endpoint(subscriptionId)}${vaultId}${suffix}?api-version=${apiVersion}`;
    await this.follow(subscriptionId, client, await this.calls.send(subscriptionId, client, 'PUT', url(), signal, vaultPutBody(request)), signal);

    // The PUT carries every setting (api-version 2024-04-01); what the service did not take is set
    // through the backup service's own configuration resources, each followed to its end.
    const left = settingsLeftToApply(request, await this.getVault(subscriptionId, request, signal));
    const backup = await this.calls.backup(subscriptionId, signal);
    if (left.storage) {
      report('storage', `Setting storage redundancy to ${request.redundancy}${request.crossRegionRestore ? ' with cross region restore' : ''}…`);
      await this.setting(vaultId, 'storage redundancy', async () => {
        const accepted = await this.calls.send(subscriptionId, backup, 'PATCH', url('/backupstorageconfig/vaultstorageconfig', backup.apiVersion), signal, { properties: left.storage });
        await this.follow(subscriptionId, backup, accepted, signal);
      });
    }
    if (left.softDelete) {
      report('security', `Setting soft delete to ${request.softDelete.state}…`);
      await this.setting(vaultId, 'soft delete', async () => {
        const accepted = await this.calls.send(subscriptionId, backup, 'PATCH', url('/backupconfig/vaultconfig', backup.apiVersion), signal, { properties: left.softDelete });
        await this.follow(subscriptionId, backup, accepted, signal);
      });
    }
    if (request.immutability === 'Locked') {
      // Azure locks immutability only once it is Unlocked: a second request, after the vault exists.
      report('lock', 'Locking immutability…');
      await this.setting(vaultId, 'immutability lock', async () => {
        const body = { properties: { securitySettings: { immutabilitySettings: { state: 'Locked' } } } };
        await this.follow(subscriptionId, client, await this.calls.send(subscriptionId, client, 'PATCH', url(), signal, body), signal);
      });
    }
    const vault = toVault(await this.getVault(subscriptionId, request, signal));
    report('done', `Created the vault ${vault.name}.`);
    return vault;
  }

  private async getVault(subscriptionId: string, request: VaultCreateRequest, signal?: AbortSignal): Promise<SdkVault> {
    const client = await this.calls.vaults(subscriptionId, signal);
    return this.calls.run(subscriptionId, signal, () => client.vaults.get(request.resourceGroup.name, request.name, { abortSignal: signal }));
  }

  /** Follows what a write answered: its Azure-AsyncOperation status, else its Location, to the end. */
  private async follow(subscriptionId: string, client: Parameters<ArmCalls['followStatus']>[1], accepted: Awaited<ReturnType<ArmCalls['send']>>, signal?: AbortSignal): Promise<void> {
    const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
    if (azureAsyncOperation) await this.calls.followStatus(subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
    else if (location && accepted.status === 202) await this.calls.followResult(subscriptionId, client, location, retryAfterMs, signal);
  }

  private async setting(vaultId: string, what: string, apply: () => Promise<void>): Promise<void> {
    try {
      await apply();
    } catch (error) {
      const cause = failure(error);
      throw cause.reason === 'cancelled' ? cause : new VaultSettingsError(vaultId, what, cause);
    }
  }
}

function refuseProblems(request: VaultCreateRequest): void {
  const problems = Object.values(vaultRequestProblems(request));
  if (problems.length > 0) throw new AzureError('invalidInput', 'InvalidVaultSettings', problems.join(' '));
}
