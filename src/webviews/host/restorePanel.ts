import type { ProtectedVm, RecoveryPoint, Vault } from '../../azure/model';
import type { RestoreStarted } from '../../azure/restoreOperations';
import { restoreSourceOf, type RestoreRequest, type RestoreSource } from '../../restore/restoreRequest';
import { restoreRequestProblems } from '../../restore/restoreRules';
import type { RestoreRulesContext, StagingAccountInfo } from '../../restore/restoreRulesContext';
import { describeRestoreValidation, type RestoreValidation } from '../../restore/restoreValidation';
import { stagingAccountNameProblem } from '../shared/stagingAccountName';
import {
  isRestoreMessage, type HostToRestore, type RestoreChoices, type RestoreDetails, type RestoreIdentity, type RestoreTargetsInfo, type RestoreToHost,
} from '../shared/restoreProtocol';
import { CreationPanelHost } from './creationPanelHost';
import type { HostedPanel, PanelLog } from './webviewPanelHost';

/** What a form restores: the point, its protected VM and the vault, as read from Azure. */
export interface RestoreTarget {
  vault: Vault;
  item: ProtectedVm;
  point: RecoveryPoint;
}

/** What the Restore panel needs from the extension: reads, checks, the restore, and what to do after. */
export interface RestoreBackend {
  /** The vault, item and point of the identity, read afresh; fails when one is gone. */
  load(identity: RestoreIdentity): Promise<RestoreTarget>;
  /** The facts the rules need (the VM now, groups, networks, staging accounts, zones; the names taken in `targetResourceGroup`). */
  rulesContext(target: RestoreTarget, targetResourceGroup?: string): Promise<RestoreRulesContext>;
  /** The VM names taken in a resource group of the vault's subscription. */
  vmNames(subscriptionId: string, resourceGroup: string): Promise<string[]>;
  /** Creates a staging account in the vault's region. */
  createStagingAccount(target: RestoreTarget, name: string, resourceGroup: string, signal: AbortSignal): Promise<StagingAccountInfo>;
  /** Azure's validate-operation of the request. */
  validate(request: RestoreRequest, signal: AbortSignal): Promise<RestoreValidation>;
  /** Starts the restore, or answers the one that already runs on the item (never a second one). */
  restore(target: RestoreTarget, request: RestoreRequest, signal: AbortSignal): Promise<RestoreStarted>;
  /** After a start: follow the job, and when it ends say so (reveal the VM, offer "Create VM from restored disks"…). */
  started(target: RestoreTarget, request: RestoreRequest, started: RestoreStarted): Promise<void>;
  /** The user's words for a failure (Azure's code in them). */
  describe(error: unknown): { message: string; cancelled: boolean };
}

/**
 * The Restore panel's host: reads what the form restores (identity → vault, item, point) once,
 * answers its lists, creates a staging account when asked, asks Azure to validate, and restores.
 * Before validating and before restoring it checks the request again with restoreRequestProblems
 * and facts read now (and sends the form those facts, so each problem shows beside its field);
 * a request it refuses never reaches Azure. The form keeps its draft when anything fails.
 */
export class RestorePanel extends CreationPanelHost<HostToRestore, RestoreToHost, RestoreStarted> {
  private loading: Promise<RestoreTarget> | undefined;

  constructor(
    panel: HostedPanel,
    private readonly backend: RestoreBackend,
    readonly identity: RestoreIdentity,
    log: PanelLog,
  ) {
    super(panel, isRestoreMessage, log, 'restore', 'The Restore panel was closed.');
  }

  protected async onReady(): Promise<void> {
    const target = await this.target().catch((error: unknown) => {
      // Read again on the next ready (the user may refresh and reopen), not remembered as gone.
      this.loading = undefined;
      const { message } = this.backend.describe(error);
      this.log.warn(`restore: reading ${this.identity.pointId} failed: ${message}`);
      this.post({ type: 'loadFailed', identity: this.identity, message: `The recovery point could not be read: ${message} Open Restore… again from the Backups view.` });
      return undefined;
    });
    if (!target) return;
    this.post({ type: 'init', identity: this.identity, source: sourceOf(target), details: detailsOf(target) });
    this.repostProgress();
    await this.postTargets(target);
  }

  protected async onMessage(message: Exclude<RestoreToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'reloadTargets':
        await this.postTargets(await this.target());
        return;
      case 'listVmNames': {
        const { resourceGroup } = message;
        const { vault } = await this.target();
        return this.backend.vmNames(vault.subscriptionId, resourceGroup).then(
          (names) => this.post({ type: 'vmNames', resourceGroup, names }),
          (error: unknown) => this.post({ type: 'vmNames', resourceGroup, names: [], error: this.backend.describe(error).message }),
        );
      }
      case 'createStorageAccount':
        return this.createStorageAccount(message.name, message.resourceGroup);
      case 'validate':
        return this.validate(message.choices);
      case 'restore':
        return this.restore(message.choices);
      case 'cancel':
        return this.cancel(Object.assign(new Error('Cancelled from the form.'), { name: 'AbortError' }));
    }
  }

  private target(): Promise<RestoreTarget> {
    this.loading ??= this.backend.load(this.identity);
    return this.loading;
  }

  /** The lists the form offers; the facts read for a check are posted too, so the form shows what the host sees. */
  private async postTargets(target: RestoreTarget, context?: RestoreRulesContext): Promise<RestoreRulesContext | undefined> {
    try {
      context ??= await this.backend.rulesContext(target);
      this.post({ type: 'targets', targets: targetsOf(context) });
      return context;
    } catch (error) {
      const { message } = this.backend.describe(error);
      this.log.warn(`restore: listing the restore targets failed: ${message}`);
      this.post({ type: 'targets', targets: { sourceVm: null, resourceGroups: [], virtualNetworks: [], storageAccounts: [], zones: [] }, error: message });
      return undefined;
    }
  }

  private async createStorageAccount(name: string, resourceGroup: string): Promise<void> {
    const problem = stagingAccountNameProblem(name) ?? (resourceGroup ? undefined : 'Choose the resource group of the new storage account.');
    if (problem) {
      this.post({ type: 'storageAccountCreated', ok: false, message: problem });
      return;
    }
    try {
      const target = await this.target();
      const account = await this.backend.createStagingAccount(target, name, resourceGroup, AbortSignal.timeout(5 * 60_000));
      this.log.info(`restore: created the staging storage account ${account.id}`);
      this.post({ type: 'storageAccountCreated', ok: true, account, message: `Created the storage account ${account.name} (StorageV2, locally redundant) in ${account.location}, resource group ${account.resourceGroup}.` });
    } catch (error) {
      this.post({ type: 'storageAccountCreated', ok: false, message: `The storage account was not created: ${this.backend.describe(error).message}` });
    }
  }

  /** Our rules with facts read now; the problems, or none. `forValidation` leaves out the replace's typed name, which confirms the restore itself. */
  private async check(target: RestoreTarget, request: RestoreRequest, forValidation = false): Promise<string[]> {
    const context = await this.backend.rulesContext(target, request.targetResourceGroup || undefined);
    await this.postTargets(target, context);
    const problems = restoreRequestProblems(request, context);
    if (forValidation) delete problems.confirmVmName;
    return Object.values(problems);
  }

  private async validate(choices: RestoreChoices): Promise<void> {
    try {
      const target = await this.target();
      const request: RestoreRequest = { ...choices, source: sourceOf(target) };
      const problems = await this.check(target, request, true);
      if (problems.length > 0) {
        this.post({ type: 'validation', ok: false, message: `Not sent to Azure: ${problems.join(' ')}` });
        return;
      }
      const validation = await this.backend.validate(request, AbortSignal.timeout(2 * 60_000));
      this.log.info(`restore: Azure's validation of ${target.point.name} of ${target.item.name}: ${validation.valid ? 'valid' : validation.results.map((result) => result.code).join(', ')}`);
      this.post({ type: 'validation', ok: true, valid: validation.valid, results: validation.results, text: describeRestoreValidation(validation) });
    } catch (error) {
      this.post({ type: 'validation', ok: false, message: `Azure could not validate the restore: ${this.backend.describe(error).message}` });
    }
  }

  private restore(choices: RestoreChoices): Promise<void> {
    return this.runCreation(async (signal) => {
      let vmName = this.identity.itemId.split(';').at(-1) ?? 'the VM';
      try {
        const target = await this.target();
        vmName = target.item.name;
        const request: RestoreRequest = { ...choices, source: sourceOf(target) };
        this.progress({ type: 'restoreProgress', message: 'Checking the request with Azure’s rules…' });
        const problems = await this.check(target, request);
        if (problems.length > 0) {
          this.log.warn(`restore: refused an invalid request: ${problems.join(' ')}`);
          this.post({ type: 'restoreResult', ok: false, message: `Not restored: ${problems.join(' ')}` });
          return;
        }
        this.progress({ type: 'restoreProgress', message: `Sending the restore of ${target.item.name} to Azure…` });
        const started = await this.backend.restore(target, request, signal);
        this.log.info(`restore: ${started.alreadyRunning ? 'attached to the running' : 'started the'} restore job ${started.jobId} of ${target.item.id}`);
        this.post({ type: 'restoreResult', ok: true, jobId: started.jobId, attached: started.alreadyRunning, message: startedText(target, request, started) });
        this.settle(started);
        // Not awaited: the job runs for minutes to hours; its end is announced by a notification.
        void this.backend.started(target, request, started).catch((error: unknown) => this.log.warn(`restore: following job ${started.jobId} failed: ${this.backend.describe(error).message}`));
      } catch (error) {
        const failure = this.backend.describe(error);
        this.log.error(`restore: restoring ${vmName} failed: ${failure.message}`);
        this.post({ type: 'restoreResult', ok: false, message: failure.cancelled ? 'Cancelled before Azure answered: no restore was started from here. Your choices are still here.' : `Azure did not start the restore: ${failure.message} Your choices are still here.` });
      }
    });
  }
}

export function sourceOf(target: RestoreTarget): RestoreSource {
  return restoreSourceOf(target.vault, target.item, target.point);
}

function detailsOf({ vault, point }: RestoreTarget): RestoreDetails {
  return {
    vaultName: vault.name,
    ...(vault.redundancy ? { vaultRedundancy: vault.redundancy } : {}),
    time: point.time.toISOString(),
    consistency: point.consistency,
    ...(point.expiry ? { expiry: point.expiry.toISOString() } : {}),
    ...(point.rehydratedUntil ? { rehydratedUntil: point.rehydratedUntil.toISOString() } : {}),
    ...(point.vmSize ? { vmSize: point.vmSize } : {}),
  };
}

function targetsOf(context: RestoreRulesContext): RestoreTargetsInfo {
  return {
    sourceVm: context.sourceVm ?? null,
    resourceGroups: [...(context.resourceGroups ?? [])],
    virtualNetworks: [...(context.virtualNetworks ?? [])],
    storageAccounts: [...(context.storageAccounts ?? [])],
    zones: [...(context.zones ?? [])],
  };
}

function startedText(target: RestoreTarget, request: RestoreRequest, started: RestoreStarted): string {
  const vm = target.item.name;
  if (started.alreadyRunning) {
    return `A restore of ${vm} was already running, so no second restore was sent: following that job (${started.jobId}) instead. Its end is announced in a notification.`;
  }
  const what = {
    newVm: `creates the VM ${request.vmName} in ${request.targetResourceGroup}`,
    restoreDisks: `restores the disks of ${vm}${request.targetResourceGroup ? ` to ${request.targetResourceGroup}` : ''} and writes a template to build a VM from them`,
    replaceDisks: `replaces the disks of ${vm}`,
  }[request.type];
  return `Restore started (job ${started.jobId}): it ${what}. It runs in Azure for minutes to hours; the status bar shows it, and a notification says when it ends. You can close this form.`;
}
