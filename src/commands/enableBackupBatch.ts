import { l10n } from 'vscode';
import { parseArmId } from '../azure/armId';
import type { VmBackupStatus } from '../azure/backupOperations';
import type { BackupJob, BackupPolicy, Vault, VirtualMachine } from '../azure/model';
import type { EnableBackupHost } from './enableBackup';
import { commonPlacement, pickPolicy, pickVault } from './enableBackupPicks';
import { failureText, jobFailureText, jobSucceeded, wasCancelled } from './jobOutcome';
import { mapWithLimit } from './mapWithLimit';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

/** How many VMs are enabled at once: each is a PUT and a few polls, well within ARM's write budget. */
const parallelEnables = 4;

type Outcome = { vm: VirtualMachine; failure?: string };

/**
 * Several VMs selected in the tree: one vault and one policy for all of them, enabled in
 * parallel (bounded), one summary at the end.
 */
export async function enableBackupForMany(services: FlowServices, host: EnableBackupHost, vms: readonly VirtualMachine[]): Promise<void> {
  const placement = commonPlacement(vms);
  if ('problem' in placement) {
    await services.prompts.error(placement.problem);
    return;
  }
  const { operations } = services.azure();
  const statuses = await services.prompts.progress(l10n.t('Checking the backup status of {0} VMs…', vms.length), (_report, signal) =>
    mapWithLimit(vms, parallelEnables, (vm) => operations.backupStatus(vm, signal)),
  );
  const protectedAlready = vms.flatMap((vm, index) => (statuses[index]!.protected ? [{ vm, status: statuses[index]! }] : []));
  const candidates = vms.filter((_vm, index) => !statuses[index]!.protected);
  if (candidates.length === 0) {
    services.view.refresh(subscriptionScope(placement.subscriptionId));
    await services.prompts.info(l10n.t('All {0} selected VMs are already backed up: {1}.', vms.length, protectedAlready.map(({ vm, status }) => holderText(vm, status)).join('; ')));
    return;
  }

  const title = l10n.t('Enable Backup for {0} VMs', candidates.length);
  const vault = await pickVault(services, { ...placement, title }, host.createVault);
  if (!vault) return;
  const policy = await pickPolicy(services, vault, title, host.createPolicy);
  if (!policy) return;

  let outcomes: Outcome[];
  try {
    outcomes = await services.prompts.progress(l10n.t('Enabling backup for {0} VMs in {1}', candidates.length, vault.name), (report, signal) =>
      enableAll(services, vault, policy, candidates, report, signal),
    );
  } finally {
    services.view.refresh(subscriptionScope(placement.subscriptionId));
  }
  await services.view.reveal([subscriptionScope(placement.subscriptionId), vault.id]);
  await summarize(services, vms.length, vault, policy, outcomes, protectedAlready);
}

async function enableAll(services: FlowServices, vault: Vault, policy: BackupPolicy, vms: readonly VirtualMachine[], report: (message: string) => void, signal: AbortSignal): Promise<Outcome[]> {
  const { operations } = services.azure();
  const failures = new Map<VirtualMachine, string>();
  const attempt = async (vm: VirtualMachine, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      if (wasCancelled(error)) throw error;
      services.log.error(`Enabling backup for ${vm.id} in ${vault.id} failed: ${String((error as Error)?.message ?? error)}`);
      failures.set(vm, failureText(error));
    }
  };
  // One VM at a time here: the first one missing runs discovery for the whole region, and the
  // others then find themselves listed instead of starting discoveries of their own.
  for (const vm of vms) {
    report(l10n.t('Checking that {0} sees {1}…', vault.name, vm.name));
    await attempt(vm, () => operations.ensureProtectable(vault, vm, signal));
  }
  const ready = vms.filter((vm) => !failures.has(vm));
  let done = 0;
  await mapWithLimit(
    ready,
    parallelEnables,
    async (vm) => {
      await attempt(vm, async () => {
        const started = await operations.enableProtection(vault, vm, policy, signal);
        const job: BackupJob | undefined = started.jobId
          ? await services.jobs.follow({ vaultId: vault.id, jobName: started.jobId, label: l10n.t('Enable backup for {0}', vm.name) }, { notify: false, signal })
          : undefined;
        if (job && !jobSucceeded(job)) failures.set(vm, jobFailureText(job));
      });
      report(l10n.t('{0} of {1} done', ++done, ready.length));
    },
  );
  return vms.map((vm) => ({ vm, ...(failures.has(vm) ? { failure: failures.get(vm)! } : {}) }));
}

/** One message: how many were enabled, and each one that was not, with why. */
async function summarize(services: FlowServices, selected: number, vault: Vault, policy: BackupPolicy, outcomes: Outcome[], protectedAlready: { vm: VirtualMachine; status: VmBackupStatus }[]): Promise<void> {
  const enabled = outcomes.filter((outcome) => outcome.failure === undefined).length;
  const notes = [
    ...outcomes.flatMap((outcome) => (outcome.failure === undefined ? [] : [l10n.t('{0} failed: {1}', outcome.vm.name, outcome.failure)])),
    ...protectedAlready.map(({ vm, status }) => holderText(vm, status)),
  ];
  if (notes.length === 0) {
    await services.prompts.info(l10n.t('Enabled backup for {0} VMs in {1} with {2}.', enabled, vault.name, policy.name));
    return;
  }
  const message = l10n.t('Enabled backup for {0} of {1} VMs in {2}; {3}', enabled, selected, vault.name, notes.join('; '));
  await (enabled > 0 ? services.prompts.warn(message) : services.prompts.error(message));
}

function holderText(vm: VirtualMachine, status: VmBackupStatus): string {
  return l10n.t('{0} is already backed up by {1}', vm.name, status.vaultId ? parseArmId(status.vaultId).name : l10n.t('another vault'));
}
