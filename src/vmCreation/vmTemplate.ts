// A VmCreateRequest as ONE Azure Resource Manager template deployment to the VM's resource group,
// as the portal creates a VM: network resources, the VM, a new vault and policy if asked, and the
// protected item that enables backup once the VM and the vault exist. Every user choice is a
// parameter (the template is reusable); the password is a securestring. The same request always
// gives the same template, so "View template" shows exactly what Create deploys.
import { networkResourceNamesOf } from './suggestedNames';
import { backupPart, backupPlacement, nestedDeploymentNames } from './vmTemplateBackup';
import { computePart } from './vmTemplateCompute';
import { deploymentParametersSchema, deploymentTemplateSchema, expr, param, TemplateParameters, types, variable, type Json } from './templateParts';
import type { VmCreateRequest } from './vmCreateRequest';

/** A resource the deployment creates or updates, nested deployments' contents included. */
export interface PlannedVmResource {
  type: string;
  name: string;
  resourceGroup: string;
}

export interface VmDeployment {
  /** The deployment's name in the VM's resource group. */
  deploymentName: string;
  /** The resource group the deployment targets: the VM's. */
  resourceGroup: string;
  template: Json;
  parameters: Record<string, { value: unknown }>;
  /** securestring parameters: never logged, never shown (see parametersForDisplay). */
  secureParameterNames: string[];
  /** Resources of the top-level template: what the deployment's operations list reports ("4 of 7"). */
  resourceCount: number;
  /** Everything the deployment creates, in order, nested deployments expanded (for the Review summary). */
  resources: PlannedVmResource[];
  /** Resource groups the extension must create, in the VM's region, before deploying (the VM's and the new vault's, when new). */
  resourceGroupsToCreate: { name: string; location: string }[];
}

export interface VmTemplateOptions {
  /** Overrides the deployment's name (default `CreateVm-<vm name>`), e.g. to keep each attempt's history. */
  deploymentName?: string;
}

/** Deployment names: 1–64 letters, digits, `_ ( ) - .`; 7 characters are kept for the nested deployments' suffixes. */
export function vmDeploymentName(vmName: string): string {
  return `CreateVm-${vmName}`.replace(/[^-\w().]/g, '').slice(0, 57);
}

/** The template and parameters for a request that vmRequestProblems accepts. */
export function vmDeploymentTemplate(request: VmCreateRequest, options: VmTemplateOptions = {}): VmDeployment {
  const deploymentName = options.deploymentName ?? vmDeploymentName(request.name);
  const parameters = new TemplateParameters();
  const compute = computePart(request, parameters);
  const placement = backupPlacement(request);
  const backup = placement ? backupPart(request, placement, parameters, deploymentName) : { variables: {}, resources: [] };
  const resources = [...compute.resources, ...backup.resources];
  const outputs: Json = { virtualMachineId: { type: 'string', value: expr(`resourceId('${types.vm}', ${param('vmName')})`) } };
  if (placement) {
    const group = placement.sameGroup ? '' : `${param('vaultResourceGroup')}, `;
    outputs.vaultId = { type: 'string', value: expr(`resourceId(${group}'${types.vault}', ${param('vaultName')})`) };
    outputs.backupPolicyId = { type: 'string', value: expr(variable('backupPolicyId')) };
  }
  const template: Json = {
    $schema: deploymentTemplateSchema,
    contentVersion: '1.0.0.0',
    parameters: parameters.templateSection(),
    variables: { ...compute.variables, ...backup.variables },
    resources,
    outputs,
  };
  return {
    deploymentName,
    resourceGroup: request.resourceGroup.name,
    template,
    parameters: parameters.valueSection(),
    secureParameterNames: parameters.secureNames,
    resourceCount: resources.length,
    resources: plannedResources(request, deploymentName),
    resourceGroupsToCreate: groupsToCreate(request),
  };
}

/** The parameters file for "View template": every value but the secure ones, which are left out. */
export function parametersForDisplay(deployment: Pick<VmDeployment, 'parameters' | 'secureParameterNames'>): Json {
  const shown = Object.fromEntries(Object.entries(deployment.parameters).filter(([name]) => !deployment.secureParameterNames.includes(name)));
  return { $schema: deploymentParametersSchema, contentVersion: '1.0.0.0', parameters: shown };
}

function groupsToCreate(request: VmCreateRequest): { name: string; location: string }[] {
  const groups: { name: string; location: string }[] = [];
  if (request.resourceGroup.isNew) groups.push({ name: request.resourceGroup.name, location: request.location });
  const backup = request.backup;
  if (backup.enabled && backup.vault.kind === 'new' && backup.vault.resourceGroup.isNew) {
    const name = backup.vault.resourceGroup.name;
    if (!groups.some((group) => group.name.toLowerCase() === name.toLowerCase())) groups.push({ name, location: request.location });
  }
  return groups;
}

function plannedResources(request: VmCreateRequest, deploymentName: string): PlannedVmResource[] {
  const group = request.resourceGroup.name;
  const network = request.network;
  const { networkSecurityGroup, publicIp, networkInterface } = networkResourceNamesOf(request);
  const list: PlannedVmResource[] = [{ type: types.nsg, name: networkSecurityGroup, resourceGroup: group }];
  if (network.kind === 'new') list.push({ type: types.vnet, name: network.virtualNetworkName, resourceGroup: group });
  if (request.publicIp) list.push({ type: types.publicIp, name: publicIp, resourceGroup: group });
  list.push({ type: types.nic, name: networkInterface, resourceGroup: group }, { type: types.vm, name: request.name, resourceGroup: group });
  const placement = backupPlacement(request);
  if (!placement) return list;
  const vaultGroup = placement.vaultResourceGroup;
  const nested = nestedDeploymentNames(deploymentName);
  if (!placement.sameGroup && (placement.newVault || placement.newPolicy)) list.push({ type: types.deployment, name: nested.vault, resourceGroup: vaultGroup });
  if (placement.newVault) list.push({ type: types.vault, name: placement.vaultName, resourceGroup: vaultGroup });
  if (placement.newPolicy) list.push({ type: types.policy, name: `${placement.vaultName}/${placement.policyName}`, resourceGroup: vaultGroup });
  if (!placement.sameGroup) list.push({ type: types.deployment, name: nested.backup, resourceGroup: vaultGroup });
  const container = `iaasvmcontainer;iaasvmcontainerv2;${group};${request.name}`;
  list.push({ type: types.protectedItem, name: `${placement.vaultName}/Azure/${container}/vm;iaasvmcontainerv2;${group};${request.name}`, resourceGroup: vaultGroup });
  return list;
}

