import type { ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import type { PolicyDraft } from '../policy/policyDraft';
import { protectionPolicyResourceFromDraft } from '../policy/policyMapping';
import { ArmCalls, failure } from './armCalls';
import { sameArmId } from './armId';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import { toBackupPolicy } from './mappers';
import type { BackupPolicy, Vault } from './model';
import { collectPages } from './requestLimiter';

export interface PolicyWritesOptions {
  /** Wait between polls when the service sends no Retry-After (default 3 s). */
  pollDelayMs?: number;
  /** Upper bound on one wait, whatever Retry-After says (default 15 s). */
  maxPollDelayMs?: number;
}

/** Where a save is: sent, Azure updating the VMs that use the policy (a 202), reading it back. */
export type PolicySaveStep = 'sending' | 'updatingItems' | 'reading';

export interface SavedPolicy {
  policy: BackupPolicy;
  /** The policy as the service has it now, for the editor to carry on from. */
  resource: ProtectionPolicyResource;
}

/** The VMs whose backups follow a policy. */
export interface PolicyUsage {
  count: number;
  /** Their names, as far as the vault's listing shows them. */
  vmNames: string[];
}

/**
 * Reading and writing a vault's VM backup policies. A PUT answers 200 when no item uses the
 * policy, or 202 when Azure must update the items that do: the operation is followed to its end,
 * then the policy read back. Fails with an AzureError; the service's vague
 * BMSUserErrorInvalidPolicyInput comes back as `invalidPolicy` with the rules it names. Callers
 * validate first (src/policy): this layer sends what it is given. Plain Node: no `vscode`.
 */
export class PolicyWrites {
  private readonly calls: ArmCalls;

  constructor(
    private readonly reader: BackupReader,
    options: PolicyWritesOptions = {},
  ) {
    const pollDelayMs = options.pollDelayMs ?? 3_000;
    this.calls = new ArmCalls(reader, { pollDelayMs, maxPollDelayMs: Math.max(pollDelayMs, options.maxPollDelayMs ?? 15_000) });
  }

  /** The policy as the service's resource (times as Date), or a `notFound` AzureError. */
  async getPolicy(vault: Vault, name: string, signal?: AbortSignal): Promise<ProtectionPolicyResource> {
    const client = await this.calls.backup(vault.subscriptionId, signal);
    return this.calls.run(vault.subscriptionId, signal, () => client.protectionPolicies.get(vault.name, vault.resourceGroup, name, options(signal)));
  }

  /** Names of every policy of the vault, all workloads: a new name must differ from each, and a vault holds at most 200. */
  async policyNames(vault: Vault, signal?: AbortSignal): Promise<string[]> {
    const client = await this.calls.backup(vault.subscriptionId, signal);
    const policies = await this.calls.run(vault.subscriptionId, signal, () =>
      collectPages(client.backupPolicies.list(vault.name, vault.resourceGroup, options(signal)), signal),
    );
    return policies.flatMap((policy) => (policy.name ? [policy.name] : []));
  }

  /**
   * How many VMs use the policy: the service's protectedItemsCount, with names from the vault's
   * items (soft-deleted ones do not run backups).
   */
  async usage(vault: Vault, policy: ProtectionPolicyResource, signal?: AbortSignal): Promise<PolicyUsage> {
    const items = await this.reader.listProtectedVms(vault, signal);
    const using = items.filter((item) => item.health !== 'softDeleted' && sameArmId(item.policyId, policy.id));
    const counted = (policy.properties as { protectedItemsCount?: number } | undefined)?.protectedItemsCount;
    return { count: Math.max(counted ?? 0, using.length), vmNames: using.map((item) => item.name) };
  }

  /** Creates or updates the policy the draft describes (its name), following Azure's update of the VMs using it. */
  async save(vault: Vault, draft: PolicyDraft, report: (step: PolicySaveStep) => void = () => undefined, signal?: AbortSignal): Promise<SavedPolicy> {
    const { subscriptionId } = vault;
    try {
      const client = await this.calls.backup(subscriptionId, signal);
      report('sending');
      const accepted = await this.calls.start(subscriptionId, signal, (sdkOptions) =>
        client.protectionPolicies.createOrUpdate(vault.name, vault.resourceGroup, draft.name, protectionPolicyResourceFromDraft(draft), sdkOptions),
      );
      const { azureAsyncOperation, location, retryAfterMs } = accepted.operation;
      if (accepted.status === 202) {
        report('updatingItems');
        if (azureAsyncOperation) await this.calls.followStatus(subscriptionId, client, azureAsyncOperation, retryAfterMs, signal);
        else if (location) await this.calls.followResult(subscriptionId, client, location, retryAfterMs, signal);
      }
      report('reading');
      const resource = await this.getPolicy(vault, draft.name, signal);
      const policy = toBackupPolicy(resource, vault.id);
      if (!policy) throw new AzureError('unknown', 'NotAVmPolicy', `Policy '${draft.name}' was saved, but Azure returned it as a policy of another workload.`);
      return { policy, resource };
    } catch (error) {
      throw saveFailure(failure(error, signal), draft);
    }
  }
}

/** The service's refusals of a policy, in words that say what to do. */
function saveFailure(error: AzureError, draft: PolicyDraft): AzureError {
  const keep = { cause: error, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  if (error.reason === 'invalidPolicy') {
    const rules = serviceDetails(error);
    const said = rules.length > 0 ? rules.join(' ') : error.message;
    return new AzureError(
      'invalidPolicy',
      error.code,
      `Azure refused policy '${draft.name}' as invalid for ${draft.kind === 'Enhanced' ? 'an Enhanced' : 'a Standard'} policy: ${said} Check the schedule, time zone and retention ranges against the form's rules.`,
      error.statusCode,
      keep,
    );
  }
  if (error.code.toLowerCase() === 'clouddosabsolutelimitreachedwithretry') {
    return new AzureError(
      error.reason,
      error.code,
      `This vault reached Azure's limit of 50 policy creates and edits in 24 hours: try again later. (${error.message})`,
      error.statusCode,
      keep,
    );
  }
  if (error.reason === 'immutableVault') {
    return new AzureError(error.reason, error.code, `The vault is immutable: Azure refuses a policy edit that shortens retention. (${error.message})`, error.statusCode, keep);
  }
  return error;
}

/** The messages of the service's error details (the rule that failed, when the service names it). */
function serviceDetails(error: AzureError): string[] {
  for (let cause: unknown = error.cause; cause; cause = (cause as { cause?: unknown }).cause) {
    const details = (cause as { details?: { error?: { details?: unknown } } }).details?.error?.details;
    if (Array.isArray(details)) {
      return details.flatMap((detail) => (typeof (detail as { message?: unknown })?.message === 'string' ? [(detail as { message: string }).message] : []));
    }
  }
  return [];
}

function options(signal?: AbortSignal): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}
