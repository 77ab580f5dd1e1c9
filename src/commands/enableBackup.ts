import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import type { VmBackupStatus } from '../azure/backupOperations';
import type { BackupJob, BackupPolicy, Vault, VirtualMachine } from '../azure/model';
import { backUpItem } from './backUpNow';
import { enableBackupForMany } from './enableBackupBatch';
import { type CreatePolicy, type CreateVault, pickPolicy, pickVault } from './enableBackupPicks';
import { failureText, jobFailureText, jobSucceeded, wasCancelled } from './jobOutcome';
import { pickUnprotectedVm } from './pickVirtualMachine';
import type { SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';
import { findProtectedVm, protectedVmPath, subscriptionScope } from './treePaths';
import { commandTargets, virtualMachineOf } from './vmFromArgument';

/** What the enable flow needs beyond FlowServices: where palette picks come from, and how to create a vault. */
export interface EnableBackupHost {
  subscriptions: SubscriptionSource;
  createVault: CreateVault;
  /** Opens the policy editor for a new policy of the chosen vault (absent: only existing policies are offered). */
  createPolicy?: CreatePolicy;
}

/**
 * azureVmBackup.enableBackup: on our "without backup" VM items, on VM items of the Azure
 * Resources views, on several selected VMs, or from the palette (which asks for a VM).
 */
export async function enableBackup(services: FlowServices, host: EnableBackupHost, node?: unknown, selected?: readonly unknown[]): Promise<void> {
  const vms = await targetVms(services, host, commandTargets(node, selected));
  if (!vms || vms.length === 0) return;
  if (vms.length === 1) await enableBackupForOne(services, host, vms[0]!);
  else await enableBackupForMany(services, host, vms);
}

async function enableBackupForOne(services: FlowServices, host: EnableBackupHost, vm: VirtualMachine): Promise<void> {
  const { operations } = services.azure();
  const status = await operations.backupStatus(vm);
  if (status.protected) return alreadyProtected(services, vm, status);

  const title = l10n.t('Enable Backup for {0}', vm.name);
  const vault = await pickVault(services, { subscriptionId: vm.subscriptionId, location: vm.location, title }, host.createVault);
  if (!vault) return;
  const policy = await pickPolicy(services, vault, title, host.createPolicy);
  if (!policy) return;

  let job: BackupJob | undefined;
  try {
    job = await services.prompts.progress(l10n.t('Enabling backup for {0}', vm.name), async (report, signal) => {
      report(l10n.t('Checking that {0} sees the VM (discovery when needed)…', vault.name));
      await operations.ensureProtectable(vault, vm, signal);
      report(l10n.t('Enabling protection with {0}…', policy.name));
      const started = await operations.enableProtection(vault, vm, policy, signal);
      if (!started.jobId) return undefined;
      report(l10n.t('Waiting for the ConfigureBackup job…'));
      return services.jobs.follow({ vaultId: vault.id, jobName: started.jobId, label: l10n.t('Enable backup for {0}', vm.name) }, { notify: false, signal });
    });
  } catch (error) {
    if (wasCancelled(error)) throw error;
    services.log.error(`Enabling backup for ${vm.id} in ${vault.id} failed: ${String((error as Error)?.message ?? error)}`);
    await services.prompts.error(l10n.t('Could not enable backup for {0}: {1}', vm.name, failureText(error)));
    return;
  } finally {
    services.view.refresh(subscriptionScope(vm.subscriptionId));
  }

  if (job && !jobSucceeded(job)) {
    await services.prompts.error(l10n.t('Enabling backup for {0} failed: {1}', vm.name, jobFailureText(job)));
    return;
  }
  await offerBackUpNow(services, vm, vault, policy);
}

/** Shows the new item, then offers its first backup now rather than at the policy's next run. */
async function offerBackUpNow(services: FlowServices, vm: VirtualMachine, vault: Vault, policy: BackupPolicy): Promise<void> {
  const item = await findProtectedVm(services, vault, vm.id);
  if (item) await services.view.reveal(protectedVmPath(vm.subscriptionId, vault.id, item.id));
  const backUpNow = l10n.t('Back Up Now');
  const answer = await services.prompts.info(
    l10n.t('Backup is enabled for {0} in {1} with {2}. Its first backup runs at the policy\'s next scheduled time; back it up now to have a restore point today.', vm.name, vault.name, policy.name),
    ...(item ? [backUpNow] : []),
  );
  if (answer === backUpNow && item) await backUpItem(services, item);
}

async function alreadyProtected(services: FlowServices, vm: VirtualMachine, status: VmBackupStatus): Promise<void> {
  // The tree may still list the VM as without backup: it learnt otherwise just now.
  services.view.refresh(subscriptionScope(vm.subscriptionId));
  const vaultName = status.vaultId ? parseArmId(status.vaultId).name : l10n.t('another vault');
  const reveal = l10n.t('Reveal');
  const message = status.policyName
    ? l10n.t('{0} is already backed up by the vault {1} (policy {2}).', vm.name, vaultName, status.policyName)
    : l10n.t('{0} is already backed up by the vault {1}.', vm.name, vaultName);
  const answer = await services.prompts.info(message, ...(status.vaultId ? [reveal] : []));
  if (answer !== reveal || !status.vaultId) return;
  const vault = (await services.azure().cache.vaults(vm.subscriptionId)).find((candidate) => sameArmId(candidate.id, status.vaultId));
  const item = vault ? await findProtectedVm(services, vault, vm.id) : undefined;
  const itemId = item?.id ?? status.protectedItemId;
  await services.view.reveal([subscriptionScope(vm.subscriptionId), vault?.id ?? status.vaultId, ...(itemId ? [itemId] : [])]);
}

/** The VMs the command acts on, resolved to their details (region, subscription); undefined when none. */
async function targetVms(services: FlowServices, host: EnableBackupHost, targets: unknown[]): Promise<VirtualMachine[] | undefined> {
  if (targets.length === 0) {
    const picked = await pickUnprotectedVm(services, host.subscriptions, l10n.t('Enable Backup'));
    return picked ? [picked] : undefined;
  }
  const found = targets.map(virtualMachineOf).filter((target) => target !== undefined);
  if (found.length === 0) {
    await services.prompts.error(l10n.t('Enable Backup works on virtual machines: select one, or run it from the Command Palette to pick one.'));
    return undefined;
  }
  const vms: VirtualMachine[] = [];
  for (const target of found) {
    const vm = 'vm' in target ? target.vm : await virtualMachineById(services, host, target.id);
    if (!vm) {
      const name = 'vm' in target ? target.vm.name : parseArmId(target.id).name;
      await services.prompts.error(l10n.t('The virtual machine {0} was not found in its subscription: it may have been deleted, or its subscription is not signed in here. Refresh the view.', name));
      return undefined;
    }
    if (!vms.some((known) => sameArmId(known.id, vm.id))) vms.push(vm);
  }
  return vms;
}

/** An Azure Resources item only names the VM: read its region and details from the subscription's VM list. */
async function virtualMachineById(services: FlowServices, host: EnableBackupHost, id: string): Promise<VirtualMachine | undefined> {
  // Listing the subscriptions teaches the reader which tenant each one belongs to.
  await host.subscriptions();
  const { subscriptionId } = parseArmId(id);
  const vms = await services.azure().cache.virtualMachines(subscriptionId);
  return vms.find((vm) => sameArmId(vm.id, id));
}
