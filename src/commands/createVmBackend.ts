import { homedir } from 'node:os';
import { l10n } from 'vscode';
import { parseArmId, sameArmId } from '../azure/armId';
import { toAzureError } from '../azure/azureError';
import type { BackupReader } from '../azure/backupReader';
import type { DeploymentResult } from '../azure/deploymentModel';
import { PolicyWrites } from '../azure/policyWrites';
import { DeploymentValidationError } from '../azure/deploymentErrors';
import { deploymentNameFor, type TemplateDeployments } from '../azure/templateDeployments';
import { VaultCreation } from '../azure/vaultCreation';
import { VmCatalog } from '../azure/vmCatalog';
import type { PolicyDraft } from '../policy/policyDraft';
import { policyDraftFromResource } from '../policy/policyMapping';
import { errorText } from '../ui/azureErrorText';
import type { VmCreateRequest } from '../vmCreation/vmCreateRequest';
import { vmDeploymentName, type VmDeployment } from '../vmCreation/vmTemplate';
import type { CreateVmBackend } from '../webviews/host/createVmPanel';
import type { PolicyAuthorTarget } from '../webviews/shared/policyEditorProtocol';
import type { CreateVmPorts } from './createVmPorts';
import { backUpItem } from './backUpNow';
import { refusalText, runDeployment, templateDeploymentsFor } from './deploymentProgress';
import type { SubscriptionSource } from './pickSubscription';
import type { FlowServices } from './services';
import { findProtectedVm, protectedVmPath, subscriptionScope } from './treePaths';

/** Where a policy authored for the form is written: the policy editor in its authoring mode. */
export interface PolicyAuthoring {
  author(vault: { id: string; name: string }, target: PolicyAuthorTarget, draft?: PolicyDraft): void;
}

export interface CreateVmBackendHost {
  subscriptions: SubscriptionSource;
  policyForm: PolicyAuthoring;
  ports: CreateVmPorts;
  /** The deployments client; by default the connection's (tests pass one that polls faster). */
  deployments?: (services: FlowServices) => TemplateDeployments;
}

/** The longest public key file read: an OpenSSH public key is one line of at most a few kilobytes. */
const maxKeyFileBytes = 16_000;

/**
 * The Create VM panel's backend over the signed-in connection: lists and checks through
 * VmCatalog, VaultCreation and the tree's cache, policies as drafts through PolicyWrites, the
 * deployment through runDeployment (its notification, cancel and errors), and after a success the
 * tree and Back Up Now, as Enable Backup offers it.
 */
export function createVmBackend(services: FlowServices, host: CreateVmBackendHost): CreateVmBackend {
  let current: { reader: BackupReader; catalog: VmCatalog; vaults: VaultCreation; policies: PolicyWrites } | undefined;
  // One set of clients per connection: rebuilt when the reader changes (sign-in, settings).
  const azure = () => {
    const { reader } = services.azure();
    if (current?.reader !== reader) current = { reader, catalog: new VmCatalog(reader), vaults: new VaultCreation(reader), policies: new PolicyWrites(reader) };
    return current;
  };
  const vaultById = async (vaultId: string) => {
    const { subscriptionId } = parseArmId(vaultId);
    const vault = (await services.azure().cache.vaults(subscriptionId)).find((candidate) => sameArmId(candidate.id, vaultId));
    if (!vault) throw new Error(l10n.t('Vault {0} was not found: it may have been deleted, or its subscription is not shown.', parseArmId(vaultId).name));
    return vault;
  };
  return {
    subscriptions: async () => (await host.subscriptions()).map((subscription) => ({ subscriptionId: subscription.subscriptionId, name: subscription.name })),
    resourceGroups: (subscriptionId) => azure().vaults.listResourceGroups(subscriptionId),
    locations: (subscriptionId) => azure().vaults.listLocations(subscriptionId),
    vaults: async (subscriptionId) =>
      (await services.azure().cache.vaults(subscriptionId)).map((vault) => ({ id: vault.id, name: vault.name, resourceGroup: vault.resourceGroup, location: vault.location })),
    zones: (subscriptionId, location) => azure().catalog.listZones(subscriptionId, location),
    sizes: (subscriptionId, location) => azure().catalog.listSizes(subscriptionId, location),
    networks: (subscriptionId, location) => azure().catalog.listVirtualNetworks(subscriptionId, location),
    async policies(vaultId) {
      const vault = await vaultById(vaultId);
      const policies = await services.azure().cache.policies(vault);
      // The drafts give the review its schedule preview and the restore point group's pattern.
      return Promise.all(policies.map(async (policy) => {
        const draft = await azure().policies.getPolicy(vault, policy.name).then(policyDraftFromResource, (error: unknown) => {
          services.log.warn(`createVm: reading policy ${policy.name} of ${vault.name} failed: ${String((error as Error)?.message ?? error)}`);
          return undefined;
        });
        return { name: policy.name, kind: policy.kind, ...(draft ? { draft } : {}) };
      }));
    },
    groupNames: (subscriptionId, resourceGroup) => azure().catalog.takenNetworkNames(subscriptionId, resourceGroup),
    vmExists: async (subscriptionId, resourceGroup, name) =>
      (await azure().catalog.takenVmNames(subscriptionId, resourceGroup)).some((taken) => taken.toLowerCase() === name.toLowerCase()),
    image: (subscriptionId, location, image) => azure().catalog.findImage(subscriptionId, location, image),
    async readSshKey() {
      const file = await host.ports.pickPublicKeyFile();
      if (!file) return undefined;
      const fileName = file.fileName.startsWith(homedir()) ? `~${file.fileName.slice(homedir().length)}` : file.fileName;
      if (file.bytes.length > maxKeyFileBytes) throw new Error(l10n.t('{0} is too large for an SSH public key: choose the .pub file.', fileName));
      const text = new TextDecoder().decode(file.bytes).trim();
      // Never let a private key into the form (or a template).
      if (/PRIVATE KEY/.test(text)) throw new Error(l10n.t('{0} is a private key: choose its public key, the .pub file beside it.', fileName));
      const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
      if (lines.length !== 1) throw new Error(l10n.t('{0} is not an OpenSSH public key (one line, e.g. ssh-ed25519 AAAA…).', fileName));
      return { publicKey: lines[0]!.trim(), fileName };
    },
    rulesContext: (request) =>
      azure().catalog.rulesContext({
        subscriptionId: request.subscriptionId,
        location: request.location,
        image: request.image,
        ...(request.resourceGroup.isNew ? {} : { resourceGroup: request.resourceGroup.name }),
      }),
    async showTemplate(template, parameters, name) {
      // As Azure's quickstarts name them, in a folder named for the deployment.
      await host.ports.showJson([
        { path: `${name}/azuredeploy.json`, content: JSON.stringify(template, null, 2) },
        { path: `${name}/azuredeploy.parameters.json`, content: JSON.stringify(parameters, null, 2) },
      ]);
    },
    async authorPolicy(formId, vault, draft) {
      const target = vault.kind === 'existing'
        ? { id: vault.vaultId, name: parseArmId(vault.vaultId).name }
        : { id: `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`, name: vault.name };
      const location = vault.kind === 'new' ? vault.location : (await vaultById(vault.vaultId)).location;
      host.policyForm.author(target, { formId, location }, draft);
    },
    deploy: (request, deployment, report, signal) => deploy(services, (host.deployments ?? templateDeploymentsFor)(services), request, deployment, report, signal),
    created: (request, result) => showCreated(services, request, result),
    describe(error) {
      if (error instanceof DeploymentValidationError) {
        return {
          message: refusalText(error),
          cancelled: false,
          failures: error.details.map((detail) => ({ ...(detail.target ? { resourceName: detail.target.split('/').filter(Boolean).at(-1)! } : {}), code: detail.code, message: detail.message })),
        };
      }
      const azureError = toAzureError(error);
      const fromAzure = azureError.statusCode !== undefined || azureError.reason === 'cancelled';
      return { message: fromAzure ? errorText(azureError) : String((error as Error)?.message ?? error), cancelled: azureError.reason === 'cancelled' };
    },
    deploymentName: (request) => deploymentNameFor(vmDeploymentName(request.name).slice(0, 42)),
  };
}

/**
 * Creates the new vault's resource group when it is not the deployment's own (runDeployment
 * creates that one), then deploys. The form sees what the notification says, and its Cancel
 * cancels the deployment as the notification's does.
 */
async function deploy(
  services: FlowServices,
  deployments: TemplateDeployments,
  request: VmCreateRequest,
  deployment: VmDeployment,
  report: (message: string) => void,
  signal: AbortSignal,
): Promise<DeploymentResult> {
  const { subscriptionId } = request;
  for (const group of deployment.resourceGroupsToCreate.filter((candidate) => candidate.name.toLowerCase() !== deployment.resourceGroup.toLowerCase())) {
    report(l10n.t('Creating the resource group {0}…', group.name));
    await deployments.ensureResourceGroup({ subscriptionId, resourceGroup: group.name, location: group.location, createResourceGroup: true, deploymentName: deployment.deploymentName }, signal);
  }
  let first = true;
  const forForm: FlowServices = {
    ...services,
    prompts: {
      ...services.prompts,
      progress: (title, task) =>
        services.prompts.progress(title, (notify, notificationSignal) => {
          // The deployment's own notification also listens to the form's Cancel; the cancel's cleanup after it does not.
          const combined = first ? AbortSignal.any([notificationSignal, signal]) : notificationSignal;
          first = false;
          return task((message) => {
            notify(message);
            report(message);
          }, combined);
        }),
    },
  };
  const target = {
    subscriptionId,
    resourceGroup: deployment.resourceGroup,
    location: request.location,
    createResourceGroup: request.resourceGroup.isNew,
    deploymentName: deployment.deploymentName,
  };
  const input = { template: deployment.template, parameters: deployment.parameters, secureParameterNames: deployment.secureParameterNames };
  return runDeployment(forForm, target, input, { title: l10n.t('Creating virtual machine {0}', request.name), expectedResourceCount: deployment.resourceCount, deployments });
}

/** Shows the new VM under its vault ("Initial backup pending") and offers its first backup now. */
async function showCreated(services: FlowServices, request: VmCreateRequest, result: DeploymentResult): Promise<void> {
  services.view.refresh(subscriptionScope(request.subscriptionId));
  const backup = request.backup;
  if (!backup.enabled) {
    void services.prompts.info(l10n.t('Created the virtual machine {0} in {1}. Backup is off: enable it from the Backups view.', request.name, request.resourceGroup.name));
    return;
  }
  const vmId = typeof result.outputs['virtualMachineId']?.value === 'string' ? (result.outputs['virtualMachineId'].value as string) : `/subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroup.name}/providers/Microsoft.Compute/virtualMachines/${request.name}`;
  const vaultId = backup.vault.kind === 'existing'
    ? backup.vault.vaultId
    : `/subscriptions/${request.subscriptionId}/resourceGroups/${backup.vault.resourceGroup.name}/providers/Microsoft.RecoveryServices/vaults/${backup.vault.name}`;
  const vault = (await services.azure().cache.vaults(request.subscriptionId)).find((candidate) => sameArmId(candidate.id, vaultId));
  const item = vault ? await findProtectedVm(services, vault, vmId) : undefined;
  if (vault && item) await services.view.reveal(protectedVmPath(request.subscriptionId, vault.id, item.id));
  else if (vault) await services.view.reveal([subscriptionScope(request.subscriptionId), vault.id]);
  const policy = backup.policy.kind === 'new' ? backup.policy.draft.name : backup.policy.name;
  const backUpNow = l10n.t('Back Up Now');
  const answer = await services.prompts.info(
    l10n.t('Created the virtual machine {0}, backed up by {1} with {2}. It shows "Initial backup pending" until its first backup, at the policy\'s next scheduled time; back it up now to have a restore point today.', request.name, vault?.name ?? parseArmId(vaultId).name, policy),
    ...(item ? [backUpNow] : []),
  );
  if (answer === backUpNow && item) await backUpItem(services, item);
}
