import type { StorageAccount } from '@azure/arm-storage';
import type { StagingAccountInfo } from '../restore/restoreRulesContext';
import { ArmCalls } from './armCalls';
import { parseArmId } from './armId';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';

export interface StagingAccountsOptions {
  /** Wait between polls of the creation (default 2 s; Azure's storage accounts take seconds). */
  pollDelayMs?: number;
}

/**
 * "Create new storage account…" of the Restore form, as the portal offers it: a general-purpose v2
 * account, locally redundant (Azure Backup refuses ZRS staging accounts and premium ones for
 * standard VMs; LRS is the cheapest it takes), in the vault's region, through
 * @azure/arm-storage's StorageAccounts_Create (PUT, followed to its end). Shared key access is
 * allowed explicitly: "Create VM from restored disks" reads the restore's template through a
 * service SAS, which a policy-default of "disallowed" would break. Plain Node: no `vscode`.
 */
export class StagingAccounts {
  private readonly calls: ArmCalls;
  private readonly pollDelayMs: number;

  constructor(
    private readonly reader: BackupReader,
    options: StagingAccountsOptions = {},
  ) {
    this.pollDelayMs = options.pollDelayMs ?? 2_000;
    this.calls = new ArmCalls(reader, { pollDelayMs: this.pollDelayMs, maxPollDelayMs: 15_000 });
  }

  /** Whether the name is free across Azure (StorageAccounts_CheckNameAvailability), with the service's words when it is not. */
  async nameAvailability(subscriptionId: string, name: string, signal?: AbortSignal): Promise<{ available: boolean; message?: string }> {
    const client = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).storage(subscriptionId));
    const answer = await this.calls.run(subscriptionId, signal, () => client.storageAccounts.checkNameAvailability({ name, type: 'Microsoft.Storage/storageAccounts' }, { abortSignal: signal }));
    return answer.nameAvailable ? { available: true } : { available: false, message: answer.message ?? `Storage account name '${name}' is not available.` };
  }

  /** Creates the account in an existing resource group; a taken name fails with the service's code (StorageAccountAlreadyTaken…). */
  async create(subscriptionId: string, target: { resourceGroup: string; name: string; location: string }, signal?: AbortSignal): Promise<StagingAccountInfo> {
    const availability = await this.nameAvailability(subscriptionId, target.name, signal);
    if (!availability.available) throw new AzureError('invalidInput', 'StorageAccountNameNotAvailable', availability.message ?? `Storage account name '${target.name}' is not available.`);
    const client = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).storage(subscriptionId));
    const account = await this.calls.run(subscriptionId, signal, () =>
      client.storageAccounts.beginCreateAndWait(
        target.resourceGroup,
        target.name,
        {
          location: target.location,
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
          minimumTlsVersion: 'TLS1_2',
          allowBlobPublicAccess: false,
          allowSharedKeyAccess: true,
        },
        { abortSignal: signal, updateIntervalInMs: this.pollDelayMs },
      ),
    );
    return stagingAccountInfo(account, subscriptionId, target);
  }
}

function stagingAccountInfo(account: StorageAccount, subscriptionId: string, target: { resourceGroup: string; name: string; location: string }): StagingAccountInfo {
  const id = account.id ?? `/subscriptions/${subscriptionId}/resourceGroups/${target.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${target.name}`;
  const defaultAction = account.networkRuleSet?.defaultAction;
  return {
    id,
    name: account.name ?? target.name,
    resourceGroup: parseArmId(id).resourceGroup ?? target.resourceGroup,
    location: account.location ?? target.location,
    kind: account.kind ?? 'StorageV2',
    skuName: account.sku?.name ?? 'Standard_LRS',
    ...(account.allowSharedKeyAccess !== undefined ? { allowSharedKeyAccess: account.allowSharedKeyAccess } : {}),
    ...(defaultAction === 'Allow' || defaultAction === 'Deny' ? { networkDefaultAction: defaultAction } : {}),
  };
}
