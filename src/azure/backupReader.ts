import type { ArmClients } from './armClients';
import { toAzureError } from './azureError';
import { toBackupJob, toBackupPolicy, toProtectedVm, toSubscription, toVault, toVirtualMachine } from './mappers';
import type { BackupJob, BackupPolicy, ProtectedVm, Subscription, Vault, VirtualMachine } from './model';
import { collectPages, RequestLimiter } from './requestLimiter';
import { listRawPages } from './rawPages';
import type { ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';

const iaasVmItems = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
const iaasVmPolicies = "backupManagementType eq 'AzureIaasVM'";

export interface JobQuery {
  /** Jobs that started at or after this time. */
  since: Date;
  until?: Date;
  status?: string;
  operation?: string;
}

/**
 * Reads subscriptions, vaults, VMs and their backup state through the Azure SDK clients, mapped
 * to the extension's model. Every listing follows all pages, runs under the request limiter
 * (per subscription), honours an AbortSignal, and fails with an AzureError.
 */
export class BackupReader {
  private readonly tenantOfSubscription = new Map<string, string>();

  constructor(
    private readonly clientsForTenant: (tenantId: string) => ArmClients,
    readonly limiter = new RequestLimiter(),
  ) {}

  listSubscriptions(tenantId: string, signal?: AbortSignal): Promise<Subscription[]> {
    return this.request(`tenant:${tenantId}`, signal, async () => {
      const client = await this.clientsForTenant(tenantId).subscriptions();
      const subscriptions = (await collectPages(client.subscriptions.list({ abortSignal: signal }), signal)).map((sdk) => toSubscription(sdk, tenantId));
      for (const subscription of subscriptions) this.tenantOfSubscription.set(subscription.subscriptionId.toLowerCase(), subscription.tenantId);
      return subscriptions.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  listVaults(subscriptionId: string, signal?: AbortSignal): Promise<Vault[]> {
    return this.request(subscriptionId, signal, async () => {
      const client = await this.clients(subscriptionId).vaults(subscriptionId);
      const vaults = await collectPages(client.vaults.listBySubscriptionId({ abortSignal: signal }), signal);
      return vaults.map(toVault).sort(byName);
    });
  }

  listVirtualMachines(subscriptionId: string, signal?: AbortSignal): Promise<VirtualMachine[]> {
    return this.request(subscriptionId, signal, async () => {
      const client = await this.clients(subscriptionId).compute(subscriptionId);
      // statusOnly=true brings each VM's power state in the same listing: no request per VM.
      const vms = await collectPages(client.virtualMachines.listAll({ statusOnly: 'true', abortSignal: signal }), signal);
      return vms.map(toVirtualMachine).sort(byName);
    });
  }

  listProtectedVms(vault: Vault, signal?: AbortSignal): Promise<ProtectedVm[]> {
    return this.request(vault.subscriptionId, signal, async () => {
      const clients = this.clients(vault.subscriptionId);
      const client = await clients.backup(vault.subscriptionId);
      // Plain JSON, not the SDK's operation: a vault can hold 1,000 VMs and the tree lists them all.
      const url = `${clients.connection.endpoint.replace(/\/+$/, '')}${vault.id}/backupProtectedItems?api-version=${client.apiVersion}&$filter=${encodeURIComponent(iaasVmItems)}`;
      const items = await listRawPages<ProtectedItemResource>(client, url, signal);
      return items.flatMap((item) => toProtectedVm(item, vault.id) ?? []).sort(byName);
    });
  }

  listPolicies(vault: Vault, signal?: AbortSignal): Promise<BackupPolicy[]> {
    return this.request(vault.subscriptionId, signal, async () => {
      const client = await this.clients(vault.subscriptionId).backup(vault.subscriptionId);
      const policies = await collectPages(client.backupPolicies.list(vault.name, vault.resourceGroup, { filter: iaasVmPolicies, abortSignal: signal }), signal);
      return policies.flatMap((policy) => toBackupPolicy(policy, vault.id) ?? []).sort(byName);
    });
  }

  listJobs(vault: Vault, query: JobQuery, signal?: AbortSignal): Promise<BackupJob[]> {
    return this.request(vault.subscriptionId, signal, async () => {
      const client = await this.clients(vault.subscriptionId).backup(vault.subscriptionId);
      const jobs = await collectPages(client.backupJobs.list(vault.name, vault.resourceGroup, { filter: jobFilter(query), abortSignal: signal }), signal);
      return jobs.map((job) => toBackupJob(job, vault.id)).sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
    });
  }

  /** The ArmClients for a subscription's tenant (learnt when its tenant's subscriptions were listed). */
  clients(subscriptionId: string): ArmClients {
    const tenantId = this.tenantOfSubscription.get(subscriptionId.toLowerCase());
    if (!tenantId) throw new Error(`Subscription ${subscriptionId} is not among the signed-in subscriptions.`);
    return this.clientsForTenant(tenantId);
  }

  private async request<T>(limitKey: string, signal: AbortSignal | undefined, load: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(limitKey.toLowerCase(), load, signal);
    } catch (error) {
      throw toAzureError(signal?.aborted ? abortError(signal) : error);
    }
  }
}

/** The service's job filter: times as 'yyyy-MM-dd hh:mm:ss AM' in UTC. */
export function jobFilter(query: JobQuery): string {
  const clauses = ["backupManagementType eq 'AzureIaasVM'"];
  if (query.status) clauses.push(`status eq '${query.status}'`);
  if (query.operation) clauses.push(`operation eq '${query.operation}'`);
  clauses.push(`startTime eq '${serviceTime(query.since)}'`);
  // The filter has whole seconds: an open end reaches a minute ahead so a job that started in the
  // current second (or on a service clock slightly ahead of ours) is not left out.
  clauses.push(`endTime eq '${serviceTime(query.until ?? new Date(Date.now() + 60_000))}'`);
  return clauses.join(' and ');
}

/** A time as the Backup service's filters take it: 'yyyy-MM-dd hh:mm:ss tt' in UTC (jobs, recovery points). */
export function serviceTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = date.getUTCHours() % 12 === 0 ? 12 : date.getUTCHours() % 12;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(hours)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${date.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

function abortError(signal: AbortSignal): Error {
  const error = new Error(signal.reason instanceof Error ? signal.reason.message : 'The request was cancelled.');
  error.name = 'AbortError';
  return error;
}

const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byName(a: { name: string }, b: { name: string }): number {
  return nameCollator.compare(a.name, b.name);
}
