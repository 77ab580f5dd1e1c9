import type { AzureIaaSVMJob } from '@azure/arm-recoveryservicesbackup';
import { restoredDisksOf, type RestoredDisks } from '../restore/restoredDisks';
import { ArmCalls } from './armCalls';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import type { DeploymentInput } from './deploymentModel';
import { vaultRefOf } from './protectedItemNames';
import { collectPages } from './requestLimiter';
import { restoreJobOperation } from './restoreOperations';

/** How long the template's SAS lets ARM read it: long enough to validate and start a deployment, no more. */
export const templateSasLifetimeMs = 60 * 60_000;

/** A template blob ARM can read, until `expiresOn`. */
export interface TemplateLink {
  /** The blob's URI with a read-only service SAS: a credential, never logged. */
  uri: string;
  expiresOn: Date;
}

/**
 * "Create VM from restored disks": the template a finished Restore disks job wrote to its staging
 * storage account (the job's property bag names it), and a short-lived read-only SAS for that one
 * blob (StorageAccounts_ListServiceSAS through @azure/arm-storage), so ARM fetches the template
 * itself (templateLink), as the portal's "Deploy Template" and Azure's PowerShell guide do.
 */
export class RestoredDiskTemplates {
  private readonly calls: ArmCalls;

  constructor(private readonly reader: BackupReader) {
    this.calls = new ArmCalls(reader, { pollDelayMs: 1_000, maxPollDelayMs: 15_000 });
  }

  /** What the finished Restore job wrote; a job still running, failed, or of another kind is refused with the reason. */
  async restoredDisks(vaultId: string, jobName: string, signal?: AbortSignal): Promise<RestoredDisks> {
    const vault = vaultRefOf(vaultId);
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const job = await this.calls.run(vault.subscriptionId, signal, () => client.jobDetails.get(vault.name, vault.resourceGroup, jobName, signal ? { abortSignal: signal } : {}));
    const properties = (job.properties ?? {}) as Partial<AzureIaaSVMJob>;
    if (properties.operation !== restoreJobOperation) {
      throw new AzureError('invalidInput', 'NotARestoreJob', `Job ${jobName} is a ${properties.operation ?? 'job'} job, not a restore: choose the Restore job of the disks.`);
    }
    if (properties.status === 'InProgress' || properties.status === 'Cancelling') {
      throw new AzureError('itemBusy', 'RestoreJobRunning', `The restore of ${properties.entityFriendlyName ?? 'the VM'} is still running: create the VM once its job has completed.`);
    }
    if (properties.status !== 'Completed' && properties.status !== 'CompletedWithWarnings') {
      throw new AzureError('invalidInput', 'RestoreJobNotCompleted', `The restore of ${properties.entityFriendlyName ?? 'the VM'} ended ${properties.status ?? 'without a status'}: there are no restored disks to build a VM from.`);
    }
    const { disks, problem } = restoredDisksOf(properties.extendedInfo?.propertyBag ?? {});
    if (!disks) throw new AzureError('invalidInput', 'NoRestoredTemplate', problem ?? 'The restore job names no template.');
    return disks;
  }

  /** A read-only SAS URI of the template blob, valid for `lifetimeMs` (default one hour). */
  async templateLink(subscriptionId: string, disks: RestoredDisks, options: { lifetimeMs?: number; now?: Date; signal?: AbortSignal } = {}): Promise<TemplateLink> {
    const { signal } = options;
    const client = await this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).storage(subscriptionId));
    const accounts = await this.calls.run(subscriptionId, signal, () => collectPages(client.storageAccounts.list({ abortSignal: signal }), signal));
    const account = accounts.find((candidate) => candidate.name?.toLowerCase() === disks.storageAccountName.toLowerCase());
    const resourceGroup = account?.id ? /\/resourceGroups\/([^/]+)/i.exec(account.id)?.[1] : undefined;
    if (!account || !resourceGroup) {
      throw new AzureError('notFound', 'StorageAccountNotFound', `Storage account ${disks.storageAccountName}, where the restore wrote its template, was not found in this subscription.`);
    }
    if (account.allowSharedKeyAccess === false) {
      throw new AzureError(
        'invalidInput',
        'KeyBasedAuthenticationNotPermitted',
        `Storage account ${disks.storageAccountName} does not allow shared key access, so no SAS can let Azure read the restore's template: allow shared key access on it, or deploy the template yourself.`,
      );
    }
    const expiresOn = new Date((options.now ?? new Date()).getTime() + (options.lifetimeMs ?? templateSasLifetimeMs));
    const answer = await this.calls.run(subscriptionId, signal, () =>
      client.storageAccounts.listServiceSAS(
        resourceGroup,
        account.name!,
        {
          canonicalizedResource: `/blob/${account.name!}/${disks.containerName}/${disks.templateBlobName}`,
          resource: 'b',
          permissions: 'r',
          protocols: 'https',
          sharedAccessExpiryTime: expiresOn,
        },
        signal ? { abortSignal: signal } : {},
      ),
    );
    if (!answer.serviceSasToken) throw new AzureError('unknown', 'NoSasToken', `Azure answered no SAS for the template in storage account ${disks.storageAccountName}.`);
    return { uri: `${disks.templateBlobUri}?${answer.serviceSasToken.replace(/^\?/, '')}`, expiresOn };
  }
}

/**
 * The deployment of the restore's template: ARM reads it through the link; its parameters (the new
 * VM's name, network, subnet… as the template declares them) are the caller's.
 */
export function restoredDisksDeploymentInput(link: TemplateLink, parameters: Record<string, unknown> = {}): DeploymentInput {
  return {
    template: {},
    templateLink: { uri: link.uri },
    parameters: Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, { value }])),
  };
}
