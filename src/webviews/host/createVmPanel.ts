import type { DeploymentResult } from '../../azure/deploymentModel';
import type { PolicyDraft } from '../../policy/policyDraft';
import type { VmCreateRequest, VmImageReference } from '../../vmCreation/vmCreateRequest';
import type { ImageInfo, TakenNetworkNames, VirtualNetworkInfo, VmRulesContext, VmSizeInfo } from '../../vmCreation/vmRulesContext';
import { vmRequestProblems } from '../../vmCreation/vmRules';
import { parametersForDisplay, vmDeploymentTemplate, type VmDeployment } from '../../vmCreation/vmTemplate';
import { imageUrn } from '../../vmCreation/vmImages';
import {
  isCreateVmMessage, type AuthorVault, type CreateVmIdentity, type CreateVmToHost, type HostToCreateVm, type PolicyInfo, type ResourceFailure, type VaultChoiceInfo,
} from '../shared/createVmProtocol';
import { CreationPanelHost, subscriptionListAnswer, type SubscriptionListSource } from './creationPanelHost';
import type { HostedPanel, PanelLog } from './webviewPanelHost';

/** What the Create VM panel needs from the extension: data, checks, the deployment, and what to do after. */
export interface CreateVmBackend extends SubscriptionListSource {
  vaults(subscriptionId: string): Promise<VaultChoiceInfo[]>;
  zones(subscriptionId: string, location: string): Promise<string[]>;
  sizes(subscriptionId: string, location: string): Promise<VmSizeInfo[]>;
  networks(subscriptionId: string, location: string): Promise<VirtualNetworkInfo[]>;
  policies(vaultId: string): Promise<PolicyInfo[]>;
  /** Network resource names taken in an existing resource group. */
  groupNames(subscriptionId: string, resourceGroup: string): Promise<Required<TakenNetworkNames>>;
  /** Whether a VM of this name exists in the resource group. */
  vmExists(subscriptionId: string, resourceGroup: string, name: string): Promise<boolean>;
  /** The image as the region offers it; null when it does not. */
  image(subscriptionId: string, location: string, image: VmImageReference): Promise<ImageInfo | null>;
  /** A public key file the user picks (~/.ssh first); undefined when the dialog was closed. */
  readSshKey(): Promise<{ publicKey: string; fileName: string } | undefined>;
  /** The facts the rules need about this request, read again from Azure for the host's own check. */
  rulesContext(request: VmCreateRequest): Promise<VmRulesContext>;
  /** Shows the template and its parameters (no secret among them) as documents named for `name`. */
  showTemplate(template: Record<string, unknown>, parameters: Record<string, unknown>, name: string): Promise<void>;
  /** Opens the policy editor to author a policy for this form. */
  authorPolicy(formId: string, vault: AuthorVault, draft: PolicyDraft | undefined): Promise<void>;
  /** Creates the resource groups the deployment needs and runs it; `report` says where it is. */
  deploy(request: VmCreateRequest, deployment: VmDeployment, report: (message: string) => void, signal: AbortSignal): Promise<DeploymentResult>;
  /** After a success: refresh the tree, reveal the VM, offer its first backup. */
  created(request: VmCreateRequest, result: DeploymentResult): Promise<void>;
  /** The user's words for a failure, and the resources it names. */
  describe(error: unknown): { message: string; cancelled: boolean; failures?: ResourceFailure[] };
  /** A deployment name for one attempt (a new one each time). */
  deploymentName(request: VmCreateRequest): string;
}

/**
 * The Create VM panel's host: answers the form's lists and checks through the backend, opens
 * the template for View template, checks the request again with vmRequestProblems and facts read
 * afresh before deploying anything, reports the deployment's progress, and answers its result;
 * the form keeps its draft when it fails. A policy authored for the form arrives with
 * `policyAuthored`.
 */
export class CreateVmPanel extends CreationPanelHost<HostToCreateVm, CreateVmToHost, string> {
  constructor(
    panel: HostedPanel,
    private readonly backend: CreateVmBackend,
    readonly identity: CreateVmIdentity,
    log: PanelLog,
  ) {
    super(panel, isCreateVmMessage, log, 'createVm', 'The Create Virtual Machine panel was closed.');
  }

  /** A policy authored for this form in the policy editor. */
  receivePolicy(draft: PolicyDraft): void {
    this.post({ type: 'policyAuthored', draft });
    this.panel.reveal();
  }

  protected async onReady(): Promise<void> {
    this.post({ type: 'init', identity: this.identity, subscriptions: await this.subscriptionsOf(this.backend) });
    this.repostProgress();
  }

  protected async onMessage(message: Exclude<CreateVmToHost, { type: 'ready' }>): Promise<void> {
    const failed = (error: unknown) => this.backend.describe(error).message;
    switch (message.type) {
      case 'listResourceGroups':
      case 'listLocations':
        return this.post(await subscriptionListAnswer(message, this.backend));
      case 'listVaults': {
        const { subscriptionId } = message;
        return this.backend.vaults(subscriptionId).then(
          (vaults) => this.post({ type: 'vaults', subscriptionId, vaults }),
          (error: unknown) => this.post({ type: 'vaults', subscriptionId, vaults: [], error: failed(error) }),
        );
      }
      case 'listRegion': {
        const { subscriptionId, location } = message;
        const answer = <K extends 'zones' | 'sizes' | 'networks'>(type: K, load: Promise<Extract<HostToCreateVm, { type: K }>['items']>) =>
          load.then(
            (items) => this.post({ type, subscriptionId, location, items } as HostToCreateVm),
            (error: unknown) => this.post({ type, subscriptionId, location, items: [], error: failed(error) } as HostToCreateVm),
          );
        await Promise.all([
          answer('zones', this.backend.zones(subscriptionId, location)),
          answer('sizes', this.backend.sizes(subscriptionId, location)),
          answer('networks', this.backend.networks(subscriptionId, location)),
        ]);
        return;
      }
      case 'listPolicies': {
        const { vaultId } = message;
        return this.backend.policies(vaultId).then(
          (policies) => this.post({ type: 'policies', vaultId, policies }),
          (error: unknown) => this.post({ type: 'policies', vaultId, policies: [], error: failed(error) }),
        );
      }
      case 'listGroupNames': {
        const { subscriptionId, resourceGroup } = message;
        const none = { virtualNetworks: [], networkSecurityGroups: [], publicIpAddresses: [], networkInterfaces: [] };
        return this.backend.groupNames(subscriptionId, resourceGroup).then(
          (names) => this.post({ type: 'groupNames', subscriptionId, resourceGroup, names }),
          (error: unknown) => this.post({ type: 'groupNames', subscriptionId, resourceGroup, names: none, error: failed(error) }),
        );
      }
      case 'checkVmName': {
        const { subscriptionId, resourceGroup, name } = message;
        return this.backend.vmExists(subscriptionId, resourceGroup, name).then(
          (exists) => this.post({ type: 'vmNameCheck', subscriptionId, resourceGroup, name, available: !exists, ...(exists ? { message: `A VM named '${name}' already exists in resource group ${resourceGroup}: choose another name.` } : {}) }),
          (error: unknown) => this.post({ type: 'vmNameCheck', subscriptionId, resourceGroup, name, available: false, message: `Could not check the name: ${failed(error)}` }),
        );
      }
      case 'checkImage': {
        const { subscriptionId, location, image } = message;
        const urn = imageUrn(image);
        return this.backend.image(subscriptionId, location, image).then(
          (found) => this.post(found
            ? { type: 'imageCheck', subscriptionId, location, urn, found: true, osType: found.osType }
            : { type: 'imageCheck', subscriptionId, location, urn, found: false, message: `Image ${urn} is not offered in ${location}: check the URN (az vm image list --all shows them), or choose another image.` }),
          (error: unknown) => this.post({ type: 'imageCheck', subscriptionId, location, urn, found: false, message: `Could not check the image: ${failed(error)}` }),
        );
      }
      case 'loadSshKey':
        return this.backend.readSshKey().then(
          (key) => this.post(key ? { type: 'sshKey', ok: true, ...key } : { type: 'sshKey', ok: false }),
          (error: unknown) => this.post({ type: 'sshKey', ok: false, message: failed(error) }),
        );
      case 'authorPolicy':
        return this.backend.authorPolicy(this.identity.formId, message.vault, message.draft);
      case 'viewTemplate':
        return this.viewTemplate(message.request);
      case 'create':
        return this.create(message.request);
      case 'cancel':
        return this.cancel(Object.assign(new Error('Cancelled from the form.'), { name: 'AbortError' }));
    }
  }

  private async viewTemplate(request: VmCreateRequest): Promise<void> {
    // The template is made from a request the rules accept; facts from Azure are not needed to show it.
    const problems = Object.values(vmRequestProblems(request));
    if (problems.length > 0) {
      this.post({ type: 'templateShown', ok: false, message: `The template cannot be made yet: ${problems.join(' ')}` });
      return;
    }
    const deployment = vmDeploymentTemplate(request);
    try {
      await this.backend.showTemplate(deployment.template, parametersForDisplay(deployment), deployment.deploymentName);
      this.post({ type: 'templateShown', ok: true, message: 'The template and its parameters are open in two editors (the password is not among the parameters). Nothing has been sent to Azure.' });
    } catch (error) {
      this.post({ type: 'templateShown', ok: false, message: `The template could not be opened: ${this.backend.describe(error).message}` });
    }
  }

  private create(request: VmCreateRequest): Promise<void> {
    return this.runCreation((signal) => this.deploy(request, signal));
  }

  private async deploy(request: VmCreateRequest, signal: AbortSignal): Promise<void> {
    let expectedResourceCount: number | undefined;
    const report = (message: string, resources: DeploymentResult['resources'] = []) =>
      this.progress({ type: 'createProgress', message, resources: resources.map(progressInfo), ...(expectedResourceCount === undefined ? {} : { expectedResourceCount }) });
    try {
      report('Checking the request with Azure’s rules…');
      // The webview checked it; the host does again, with facts read now, as it would any input from a page.
      const problems = Object.values(vmRequestProblems(request, await this.backend.rulesContext(request)));
      if (problems.length > 0) {
        this.log.warn(`createVm: refused an invalid request: ${problems.join(' ')}`);
        this.post({ type: 'createResult', ok: false, message: `Not created: ${problems.join(' ')}`, failures: [] });
        return;
      }
      const deployment = vmDeploymentTemplate(request, { deploymentName: this.backend.deploymentName(request) });
      expectedResourceCount = deployment.resourceCount;
      const result = await this.backend.deploy(request, deployment, (message) => report(message), signal);
      report(`Deployment ${result.provisioningState.toLowerCase()}.`, result.resources);
      if (result.provisioningState !== 'Succeeded') {
        this.post({ type: 'createResult', ok: false, message: outcomeText(request, deployment, result), failures: failuresOf(result) });
        return;
      }
      const vmId = vmIdOf(request, result);
      this.log.info(`createVm: created ${vmId}`);
      this.post({ type: 'createResult', ok: true, vmId, vmName: request.name, message: createdText(request) });
      this.settle(vmId);
      // Not awaited: its notification (Back Up Now) stays up as long as the user likes; the form is done.
      void this.backend.created(request, result).catch((error: unknown) => this.log.warn(`createVm: showing ${vmId} failed: ${this.backend.describe(error).message}`));
    } catch (error) {
      const failure = this.backend.describe(error);
      this.log.error(`createVm: creating ${request.name} failed: ${failure.message}`);
      this.post({ type: 'createResult', ok: false, message: failure.cancelled ? 'Cancelled before the deployment started: nothing was created. Your choices are still here.' : failure.message, failures: failure.failures ?? [] });
    }
  }
}

function progressInfo(resource: DeploymentResult['resources'][number]) {
  return {
    resourceType: resource.resourceType,
    resourceName: resource.resourceName,
    provisioningState: resource.provisioningState,
    ...(resource.error ? { error: resource.error } : {}),
  };
}

/** The failed resources with Azure's codes and messages; else the deployment's own error details. */
export function failuresOf(result: DeploymentResult): ResourceFailure[] {
  const failed = result.resources.filter((resource) => resource.provisioningState === 'Failed' && resource.error);
  if (failed.length > 0) return failed.map((resource) => ({ resourceType: resource.resourceType, resourceName: resource.resourceName, code: resource.error!.code, message: resource.error!.message }));
  const details = result.error?.details ?? [];
  if (details.length > 0) return details.map((detail) => ({ ...(detail.target ? { resourceName: detail.target.split('/').filter(Boolean).at(-1)! } : {}), code: detail.code, message: detail.message }));
  return result.error ? [{ code: result.error.code, message: result.error.message }] : [];
}

function outcomeText(request: VmCreateRequest, deployment: VmDeployment, result: DeploymentResult): string {
  if (result.provisioningState === 'Canceled') {
    return `The deployment ${deployment.deploymentName} was cancelled. What it created before the cancel stays in ${request.resourceGroup.name}. Your choices are still here: change them and create again.`;
  }
  return `The deployment ${deployment.deploymentName} failed. Your choices are still here: fix what Azure refused and create again (a new deployment is made; what was already created is updated in place).`;
}

function createdText(request: VmCreateRequest): string {
  const backup = request.backup;
  if (!backup.enabled) return `Created the virtual machine ${request.name} in ${request.resourceGroup.name}. Backup is off.`;
  const vault = backup.vault.kind === 'new' ? backup.vault.name : backup.vault.vaultId.split('/').at(-1);
  const policy = backup.policy.kind === 'new' ? backup.policy.draft.name : backup.policy.name;
  return `Created the virtual machine ${request.name} in ${request.resourceGroup.name}, backed up by ${vault} with ${policy}. It shows “Initial backup pending” in the Backups view until its first backup: back it up now from the notification.`;
}

function vmIdOf(request: VmCreateRequest, result: DeploymentResult): string {
  const output = result.outputs['virtualMachineId']?.value;
  return typeof output === 'string' && output ? output : `/subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroup.name}/providers/Microsoft.Compute/virtualMachines/${request.name}`;
}
