import { l10n } from 'vscode';
import { sameArmId } from '../azure/armId';
import type { DeploymentResult, DeploymentTarget } from '../azure/deploymentModel';
import type { ProtectedVm } from '../azure/model';
import { DeploymentValidationError } from '../azure/deploymentErrors';
import { deploymentNameFor, type TemplateDeployments } from '../azure/templateDeployments';
import { backUpItem } from './backUpNow';
import { refusalText, runDeployment } from './deploymentProgress';
import { wasCancelled } from './jobOutcome';
import { pickResourceGroup } from './pickResourceGroup';
import { pickSubscription, type SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';
import { isParametersFileFor, parametersFileValues, readTemplate, templateParameters } from './templateDocument';
import { askTemplateParameters } from './templateParameterPrompts';
import { protectedVmPath, subscriptionScope } from './treePaths';

/** A file the command can read: a URI (file: or a remote scheme) and its name. */
export interface TemplateFile {
  uri: string;
  /** The file name, e.g. azuredeploy.json */
  name: string;
  /** Where it is, for a pick (its workspace-relative folder). */
  description?: string;
}

/** The editor and workspace, as the flow needs them (vscode in the extension, a folder in tests). */
export interface TemplateFiles {
  /** The file an Explorer or editor menu passed (a Uri), or undefined when the argument is not a JSON file. */
  fromArgument(argument: unknown): TemplateFile | undefined;
  /** Templates to offer from the palette: the active editor's first, then other open ones, then the workspace's. */
  candidates(): Promise<TemplateFile[]>;
  /** The text, unsaved changes of an open editor included. */
  read(file: TemplateFile): Promise<string>;
  /** The files beside it (to find its parameters file). */
  siblings(file: TemplateFile): Promise<TemplateFile[]>;
  /** Opens a value as JSON in a new editor. */
  showJson(title: string, value: unknown): Promise<void>;
}

export interface DeployTemplateHost {
  subscriptions: SubscriptionSource;
  files: TemplateFiles;
  /** The deployments client; by default one per signed-in connection. */
  deployments?: TemplateDeployments;
}

/**
 * azureVmBackup.deployTemplate: on a .json file (Explorer or editor menu), or from the palette
 * (which asks for one). Subscription, resource group (or a new one), parameters (from the
 * parameters file beside it, the rest asked), validated by Azure, then deployed with progress;
 * the tree shows what it protected, and Back Up Now is offered for it.
 */
export async function deployTemplate(services: FlowServices, host: DeployTemplateHost, argument?: unknown): Promise<void> {
  const file = argument === undefined ? await pickTemplateFile(services, host.files) : host.files.fromArgument(argument);
  if (!file) {
    if (argument !== undefined) await services.prompts.error(l10n.t('Deploy Template works on a template file (.json): select one in the Explorer, or run it from the Command Palette to pick one.'));
    return;
  }
  const read = readTemplate(await host.files.read(file), file.name);
  if ('problem' in read) {
    await services.prompts.error(read.problem);
    return;
  }
  const title = l10n.t('Deploy {0}', file.name);
  const subscription = await pickSubscription(services, await host.subscriptions(), title);
  if (!subscription) return;
  const group = await pickResourceGroup(services, subscription.subscriptionId, title);
  if (!group) return;
  const fromFile = await parametersFromFile(services, host.files, file, title);
  if (!fromFile) return;
  const answers = await askTemplateParameters(services, templateParameters(read.template), fromFile, title);
  if (!answers) return;

  const target: DeploymentTarget = {
    subscriptionId: subscription.subscriptionId,
    resourceGroup: group.name,
    ...(group.isNew ? { createResourceGroup: true, location: group.location } : {}),
    deploymentName: deploymentNameFor(file.name.replace(/\.jsonc?$/i, '')),
  };
  let result: DeploymentResult;
  try {
    result = await runDeployment(services, target, { template: read.template, ...answers }, { title: l10n.t('Deploying {0}', file.name), ...(host.deployments ? { deployments: host.deployments } : {}) });
  } catch (error) {
    if (wasCancelled(error) || !(error instanceof DeploymentValidationError)) throw error;
    await services.prompts.error(refusalText(error));
    return;
  } finally {
    services.view.refresh(subscriptionScope(subscription.subscriptionId));
  }
  if (result.provisioningState === 'Succeeded') await deployed(services, host.files, file, target, result);
}

/** From the palette: the open or workspace templates; the active editor's first. */
async function pickTemplateFile(services: FlowServices, files: TemplateFiles): Promise<TemplateFile | undefined> {
  const candidates = await files.candidates();
  if (candidates.length === 0) {
    await services.prompts.info(l10n.t('No template file (.json with a deploymentTemplate.json $schema) is open or in the workspace. Open one, then run Deploy Template again.'));
    return undefined;
  }
  return services.prompts.pickOne(
    candidates.map((file) => ({ label: file.name, ...(file.description ? { description: file.description } : {}), value: file })),
    { title: l10n.t('Deploy Template'), placeholder: l10n.t('Select the template to deploy') },
  );
}

/**
 * The values of the parameters file beside the template (`<name>.parameters.json`), when there is
 * one and the user takes it; an empty set to ask every value. Undefined when cancelled.
 */
async function parametersFromFile(services: FlowServices, files: TemplateFiles, template: TemplateFile, title: string): Promise<Record<string, { value: unknown }> | undefined> {
  const candidates = (await files.siblings(template)).filter((file) => isParametersFileFor(template.name, file.name));
  if (candidates.length === 0) return {};
  const askEach = 'askEach' as const;
  const picked = await services.prompts.pickOne<TemplateFile | typeof askEach>(
    [
      ...candidates.map((file) => ({ label: l10n.t('Use {0}', file.name), description: l10n.t('values from the parameters file; any it lacks are asked'), value: file })),
      { label: l10n.t('Enter the values one by one'), value: askEach },
    ],
    { title, placeholder: l10n.t('Parameters for {0}', template.name) },
  );
  if (picked === undefined) return undefined;
  if (picked === askEach) return {};
  const read = parametersFileValues(await files.read(picked), picked.name);
  if ('problem' in read) {
    await services.prompts.error(read.problem);
    return undefined;
  }
  if (read.references.length > 0) {
    services.log.info(`${picked.name}: Key Vault references are not read here; asking for ${read.references.join(', ')} instead.`);
  }
  return read.values;
}

/** After a deployment succeeded: reveal what it protected, offer Back Up Now on it and its outputs. */
async function deployed(services: FlowServices, files: TemplateFiles, file: TemplateFile, target: DeploymentTarget, result: DeploymentResult): Promise<void> {
  const items = await protectedByDeployment(services, target.subscriptionId, result);
  if (items[0]) await services.view.reveal(protectedVmPath(target.subscriptionId, items[0].vaultId, items[0].id));
  const backUpNow = l10n.t('Back Up Now');
  const showOutputs = l10n.t('Show Outputs');
  const hasOutputs = Object.keys(result.outputs).length > 0;
  const names = items.map((item) => item.name).join(', ');
  const message = items.length > 0
    ? l10n.t('Deployed {0} to {1}. Backup is on for {2}: the first backup runs at the policy\'s next scheduled time; back up now to have a restore point today.', file.name, target.resourceGroup, names)
    : l10n.t('Deployed {0} to {1}.', file.name, target.resourceGroup);
  const answer = await services.prompts.info(message, ...(items.length > 0 ? [backUpNow] : []), ...(hasOutputs ? [showOutputs] : []));
  if (answer === showOutputs) await files.showJson(l10n.t('Outputs of {0}', target.deploymentName), result.outputs);
  if (answer !== backUpNow) return;
  const chosen = items.length === 1
    ? items
    : await services.prompts.pickMany(items.map((item) => ({ label: item.name, description: item.resourceGroup ?? '', picked: true, value: item })), { title: backUpNow, placeholder: l10n.t('Select the virtual machines to back up now') });
  for (const item of chosen ?? []) await backUpItem(services, item);
}

const protectedItemId = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+)\/backupFabrics\/[^/]+\/protectionContainers\/[^/]+\/protectedItems\/[^/]+$/i;

/** The backed-up VMs the deployment created or updated (its protectedItems resources), as the vaults list them now. */
async function protectedByDeployment(services: FlowServices, subscriptionId: string, result: DeploymentResult): Promise<ProtectedVm[]> {
  const ids = [...result.outputResourceIds, ...result.resources.flatMap((resource) => (resource.resourceId ? [resource.resourceId] : []))].map((id) => safeDecode(id));
  const byVault = new Map<string, string[]>();
  for (const id of ids) {
    const vaultId = protectedItemId.exec(id)?.[1];
    if (!vaultId) continue;
    const known = [...byVault.keys()].find((key) => sameArmId(key, vaultId)) ?? vaultId;
    byVault.set(known, [...(byVault.get(known) ?? []), id]);
  }
  if (byVault.size === 0) return [];
  const { cache } = services.azure();
  const vaults = await cache.vaults(subscriptionId);
  const found: ProtectedVm[] = [];
  for (const [vaultId, itemIds] of byVault) {
    const vault = vaults.find((candidate) => sameArmId(candidate.id, vaultId));
    if (!vault) continue;
    const items = await cache.protectedVms(vault);
    for (const item of items) {
      if (itemIds.some((id) => sameArmId(safeDecode(item.id), id)) && !found.some((known) => sameArmId(known.id, item.id))) found.push(item);
    }
  }
  return found;
}

function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
