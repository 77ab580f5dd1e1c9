import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import type { BackupReader } from '../azure/backupReader';
import type { BackupJob, Vault } from '../azure/model';
import { RestoredDiskTemplates, restoredDisksDeploymentInput } from '../azure/restoredDiskTemplates';
import type { RestoredDisks } from '../restore/restoredDisks';
import { deploymentNameFor, type TemplateDeployments } from '../azure/templateDeployments';
import { VmCatalog } from '../azure/vmCatalog';
import { absoluteTime } from '../ui/timeText';
import type { PickItem } from '../ui/userPrompts';
import { isNameTaken, vmNameProblem } from '../vmCreation/nameRules';
import type { VirtualNetworkInfo } from '../vmCreation/vmRulesContext';
import { refusalText, runDeployment, templateDeploymentsFor } from './deploymentProgress';
import { failureText, wasCancelled } from './jobOutcome';
import { pickResourceGroup } from './pickResourceGroup';
import type { SubscriptionSource } from './pickSubscription';
import { pickVaultOfSubscription } from './protectedVmTarget';
import type { FlowServices } from './services';
import { subscriptionScope } from './treePaths';

export interface RestoredDisksHost {
  subscriptions: SubscriptionSource;
  /** The deployments client; by default the connection's (tests pass one that polls faster). */
  deployments?: (services: FlowServices) => TemplateDeployments;
  templates?: (reader: BackupReader) => RestoredDiskTemplates;
}

/** The template's parameters, as Azure Backup's restore template names them (and the emulator's). */
export const restoredTemplateParameters = { vmName: 'VirtualMachineName', network: 'VirtualNetwork', networkGroup: 'VirtualNetworkResourceGroup', subnet: 'Subnet' } as const;

const keepNetwork = 'keep' as const;

/**
 * azureVmBackup.createVmFromRestoredDisks: deploys the template a finished "Restore disks" job
 * wrote (its property bag names it), as the portal's "Deploy Template" does. ARM reads the template
 * through a one-hour read-only SAS (templateLink); the flow asks only what the template takes: the
 * new VM's name (free in the disks' resource group) and its network (the backed-up VM's, which the
 * template defaults to, or one of the region's), then deploys it through runDeployment (progress,
 * errors and result as for every deployment) and reveals the VM. From the restore's end-of-job
 * notification ({ vaultId, jobName }), or the palette (a vault, then one of its finished restores).
 */
export async function createVmFromRestoredDisks(services: FlowServices, host: RestoredDisksHost, argument?: unknown): Promise<void> {
  const chosen = restoreJobOf(argument) ?? (await pickRestoreJob(services, host.subscriptions));
  if (!chosen) return;
  const { vaultId, jobName } = chosen;
  const { reader, cache, operations } = services.azure();
  const templates = (host.templates ?? ((r: BackupReader) => new RestoredDiskTemplates(r)))(reader);
  const title = l10n.t('Create VM from Restored Disks');
  let disks: RestoredDisks;
  let job: BackupJob;
  try {
    [disks, job] = await services.prompts.progress(l10n.t('Reading the restore job…'), (_report, signal) =>
      Promise.all([templates.restoredDisks(vaultId, jobName, signal), operations.getJob(vaultId, jobName, signal)]));
  } catch (error) {
    if (wasCancelled(error)) return;
    await services.prompts.error(l10n.t('Cannot create a VM from this job: {0}', failureText(error)));
    return;
  }
  const { subscriptionId } = parseArmId(vaultId);
  const vault = (await cache.vaults(subscriptionId)).find((candidate) => sameArmId(candidate.id, vaultId));
  const location = vault?.location;
  if (!vault || !location) throw new Error(l10n.t('Vault {0} is no longer listed. Refresh the view.', parseArmId(vaultId).name));

  // The managed disks are in the restore's target group; the VM goes next to them (unmanaged disks: the user says where).
  const group = disks.targetResourceGroup
    ? { name: disks.targetResourceGroup, isNew: false, location }
    : await pickResourceGroup(services, subscriptionId, title);
  if (!group) return;
  const catalog = new VmCatalog(reader);
  const taken = group.isNew ? [] : await catalog.takenVmNames(subscriptionId, group.name);
  const source = job.entityFriendlyName || 'vm';
  const name = await services.prompts.input({
    title: l10n.t('{0}: name of the new VM (1/2)', title),
    prompt: l10n.t('The VM made from the disks of {0} restored {1}, in resource group {2}.', source, job.endTime ? absoluteTime(job.endTime) : '', group.name),
    value: freeName(`${source}-restored`, taken),
    placeholder: `${source}-restored`,
    // The template attaches the restored OS disk, with no OS profile: only the resource name's rules apply (not Windows' 15-character computer name).
    validate: (value) => vmNameProblem(value, 'Linux') ?? (isNameTaken(value, taken) ? l10n.t('A VM named {0} already exists in resource group {1}: choose another name.', value, group.name) : undefined),
  });
  if (name === undefined) return;
  const network = await pickNetwork(services, catalog, subscriptionId, location, source, title);
  if (network === undefined) return;

  const deployments = (host.deployments ?? templateDeploymentsFor)(services);
  const target = { subscriptionId, resourceGroup: group.name, location: group.location, createResourceGroup: group.isNew, deploymentName: deploymentNameFor(`${name}-from-disks`) };
  const parameters: Record<string, string> = { [restoredTemplateParameters.vmName]: name };
  if (network !== keepNetwork) {
    Object.assign(parameters, { [restoredTemplateParameters.network]: network.vnet.name, [restoredTemplateParameters.networkGroup]: network.vnet.resourceGroup, [restoredTemplateParameters.subnet]: network.subnet });
  }
  try {
    const link = await services.prompts.progress(l10n.t('Granting Azure read access to the template…'), (_report, signal) => templates.templateLink(subscriptionId, disks, { signal }));
    const result = await runDeployment(services, target, restoredDisksDeploymentInput(link, parameters), { title: l10n.t('Creating virtual machine {0} from restored disks', name), deployments });
    if (result.provisioningState !== 'Succeeded') return;
    await showCreated(services, vault, group.name, name, source);
  } catch (error) {
    if (wasCancelled(error)) return;
    await services.prompts.error(l10n.t('The VM {0} was not created: {1}', name, refusalText(error)));
  }
}

/** The notification's argument, or a job row of the tree. */
function restoreJobOf(argument: unknown): { vaultId: string; jobName: string } | undefined {
  const value = argument as { vaultId?: unknown; jobName?: unknown; job?: { vaultId?: unknown; jobName?: unknown } } | undefined;
  const source = value?.job ?? value;
  return typeof source?.vaultId === 'string' && typeof source.jobName === 'string' ? { vaultId: source.vaultId, jobName: source.jobName } : undefined;
}

/** From the palette: a vault, then one of its restores that finished in the last days (the vault's jobs folder's). */
async function pickRestoreJob(services: FlowServices, subscriptions: SubscriptionSource): Promise<{ vaultId: string; jobName: string } | undefined> {
  const title = l10n.t('Create VM from Restored Disks');
  const vault: Vault | undefined = await pickVaultOfSubscription(services, subscriptions, title);
  if (!vault) return undefined;
  const jobs = (await services.azure().cache.recentJobs(vault)).filter((job) => job.operation === 'Restore' && (job.status === 'Completed' || job.status === 'CompletedWithWarnings'));
  if (jobs.length === 0) {
    await services.prompts.info(l10n.t('Vault {0} has no finished restore in its recent jobs: restore disks first.', vault.name));
    return undefined;
  }
  return services.prompts.pickOne(
    jobs.map((job) => ({ label: job.entityFriendlyName, description: job.endTime ? absoluteTime(job.endTime) : job.status, detail: job.jobName, value: { vaultId: vault.id, jobName: job.jobName } })),
    { title, placeholder: l10n.t('Select the restore of disks to build a VM from') },
  );
}

/** The backed-up VM's network (the template's default), or a network of the region and one of its subnets. */
async function pickNetwork(services: FlowServices, catalog: VmCatalog, subscriptionId: string, location: string, source: string, title: string): Promise<{ vnet: VirtualNetworkInfo; subnet: string } | typeof keepNetwork | undefined> {
  const networks = await catalog.listVirtualNetworks(subscriptionId, location);
  const items: PickItem<VirtualNetworkInfo | typeof keepNetwork>[] = [
    { label: l10n.t('The network {0} had', source), description: l10n.t('the template’s default: the virtual network and subnet at backup time'), value: keepNetwork },
    ...networks.map((vnet) => ({ label: vnet.name, description: `${vnet.resourceGroup} · ${vnet.addressPrefixes.join(', ')}`, value: vnet })),
  ];
  const picked = await services.prompts.pickOne(items, { title: l10n.t('{0}: virtual network (2/2)', title), placeholder: l10n.t('Select the virtual network of the new VM (in {0})', location) });
  if (picked === undefined || picked === keepNetwork) return picked;
  if (picked.subnets.length === 0) {
    await services.prompts.error(l10n.t('Virtual network {0} has no subnet: add one, or choose another network.', picked.name));
    return undefined;
  }
  if (picked.subnets.length === 1) return { vnet: picked, subnet: picked.subnets[0]!.name };
  const subnet = await services.prompts.pickOne(picked.subnets.map((candidate) => ({ label: candidate.name, description: candidate.addressPrefix ?? '', value: candidate.name })), {
    title: l10n.t('{0}: subnet of {1}', title, picked.name),
    placeholder: l10n.t('Select the subnet of the new VM'),
  });
  return subnet === undefined ? undefined : { vnet: picked, subnet };
}

/** A name free in the group: the suggestion, or it with -2, -3… */
function freeName(base: string, taken: readonly string[]): string {
  const trimmed = base.slice(0, 64);
  if (!isNameTaken(trimmed, taken)) return trimmed;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base.slice(0, 64 - String(suffix).length - 1)}-${suffix}`;
    if (!isNameTaken(candidate, taken)) return candidate;
  }
}

/** Refreshes the subscription and reveals the VM under "Virtual machines without backup". */
async function showCreated(services: FlowServices, vault: Vault, resourceGroup: string, name: string, source: string): Promise<void> {
  const scope = subscriptionScope(vault.subscriptionId);
  services.view.refresh(scope);
  const id = `${scope}/resourceGroups/${resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
  const vm = (await services.azure().cache.unprotectedVms(vault.subscriptionId)).find((candidate) => sameArmId(candidate.id, id));
  if (vm) await services.view.reveal([scope, `${scope}/virtualMachinesWithoutBackup`, vm.id]);
  void services.prompts.info(l10n.t('Created the virtual machine {0} in {1} from the restored disks of {2}. It is not backed up yet: enable its backup to protect it.', name, resourceGroup, source));
}
