// The backup part of the Create VM template: a new vault and a new policy when asked, and the
// protected item that enables backup of the new VM (Azure's quickstart templates use this resource,
// named `{vault}/Azure/iaasvmcontainer;iaasvmcontainerv2;{vmRG};{vm}/vm;iaasvmcontainerv2;{vmRG};{vm}`,
// with policyId and sourceResourceId; the service needs no discovery for it).
//
// A template deployed to the VM's resource group reaches another resource group only through a
// nested deployment with `resourceGroup` set. So when the vault lives elsewhere, the vault and
// policy go in one nested deployment (it runs beside the network and the VM), and the protected
// item in a second one that waits for the VM and the first. Both use inner scope: their
// resourceGroup() is the vault's, so whatever names the VM's group is computed outside and passed in.
import { vaultPutBody } from '../azure/vaultSettingsBody';
import { policyPropertiesFromDraft } from '../policy/policyMapping';
import { parseTypedResourceId, sameName, vaultResourceType } from './resourceIds';
import { deploymentTemplateSchema, expr, literal, param, templateApiVersions, types, variable, type Json, type TemplateParameters } from './templateParts';
import type { VmCreateRequest } from './vmCreateRequest';
import type { TemplatePart } from './vmTemplateCompute';

/**
 * The service keeps only the time of day of a policy's schedule times; a fixed date keeps the
 * template the same for the same request (what "View template" shows is what is deployed).
 */
const policyScheduleDate = new Date('2025-01-01T00:00:00Z');

/** Where the backup resources go, worked out from the request. */
export interface BackupPlacement {
  vaultName: string;
  vaultResourceGroup: string;
  /** The vault is in the VM's resource group: no nested deployment needed. */
  sameGroup: boolean;
  newVault: boolean;
  newPolicy: boolean;
  policyName: string;
}

export function backupPlacement(request: VmCreateRequest): BackupPlacement | undefined {
  if (!request.backup.enabled) return undefined;
  const { vault, policy } = request.backup;
  const existing = vault.kind === 'existing' ? parseTypedResourceId(vault.vaultId, vaultResourceType) : undefined;
  if (vault.kind === 'existing' && !existing) throw new Error(`Not a Recovery Services vault id: '${vault.vaultId}'`);
  const vaultName = existing?.name ?? (vault.kind === 'new' ? vault.name : '');
  const vaultResourceGroup = existing?.resourceGroup ?? (vault.kind === 'new' ? vault.resourceGroup.name : '');
  return {
    vaultName,
    vaultResourceGroup,
    sameGroup: sameName(vaultResourceGroup, request.resourceGroup.name),
    newVault: vault.kind === 'new',
    newPolicy: policy.kind === 'new',
    policyName: policy.kind === 'new' ? policy.draft.name : policy.name,
  };
}

/** The nested deployments' names: the main deployment's name with a suffix (at most 64 characters in all). */
export function nestedDeploymentNames(deploymentName: string): { vault: string; backup: string } {
  return { vault: `${deploymentName}-vault`, backup: `${deploymentName}-backup` };
}

export function backupPart(request: VmCreateRequest, placement: BackupPlacement, parameters: TemplateParameters, deploymentName: string): TemplatePart {
  const location = expr(param('location'));
  parameters.add('vaultName', { type: 'string', description: 'Recovery Services vault that backs up the VM (in its region).' }, placement.vaultName);
  if (!placement.sameGroup) parameters.add('vaultResourceGroup', { type: 'string', description: "The vault's resource group." }, placement.vaultResourceGroup);
  parameters.add('policyName', { type: 'string', description: 'Backup policy of the vault for this VM.' }, placement.policyName);
  if (request.backup.enabled && request.backup.policy.kind === 'new') {
    const properties = policyPropertiesFromDraft(request.backup.policy.draft, { now: policyScheduleDate });
    parameters.add('policyProperties', { type: 'object', description: 'The new policy (AzureIaasVM).' }, properties);
  }

  const groupPrefix = placement.sameGroup ? '' : `${param('vaultResourceGroup')}, `;
  const variables: Json = {
    backupContainerName: expr(`concat('iaasvmcontainer;iaasvmcontainerv2;', resourceGroup().name, ';', ${param('vmName')})`),
    backupItemName: expr(`concat('vm;iaasvmcontainerv2;', resourceGroup().name, ';', ${param('vmName')})`),
    backupPolicyId: expr(`resourceId(${groupPrefix}'${types.policy}', ${param('vaultName')}, ${param('policyName')})`),
  };
  const vmId = expr(`resourceId('${types.vm}', ${param('vmName')})`);
  const vaultId = expr(`resourceId('${types.vault}', ${param('vaultName')})`);
  const policyId = expr(`resourceId('${types.policy}', ${param('vaultName')}, ${param('policyName')})`);

  if (placement.sameGroup) {
    const resources: Json[] = [];
    if (placement.newVault) resources.push(vaultResource(location));
    if (placement.newPolicy) resources.push(policyResource(placement.newVault ? [vaultId] : []));
    const dependsOn = [vmId, ...(placement.newVault ? [vaultId] : []), ...(placement.newPolicy ? [policyId] : [])];
    resources.push(protectedItemResource(dependsOn, expr(variable('backupContainerName')), expr(variable('backupItemName')), expr(variable('backupPolicyId')), vmId));
    return { variables, resources };
  }

  const names = nestedDeploymentNames(deploymentName);
  const resources: Json[] = [];
  const itemDependsOn = [vmId];
  if (placement.newVault || placement.newPolicy) {
    resources.push(vaultDeployment(names.vault, placement));
    itemDependsOn.push(expr(`resourceId(${param('vaultResourceGroup')}, '${types.deployment}', ${literal(names.vault)})`));
  }
  resources.push(protectedItemDeployment(names.backup, itemDependsOn));
  return { variables, resources };
}

function vaultResource(location: string): Json {
  // As our Create Vault form makes a vault with its defaults: RS0/Standard, geo-redundant, soft delete on for 14 days.
  const body = vaultPutBody({
    subscriptionId: '',
    resourceGroup: { name: '', isNew: false },
    name: '',
    location: '',
    redundancy: 'GeoRedundant',
    crossRegionRestore: false,
    softDelete: { state: 'Enabled', retentionDays: 14 },
    immutability: 'Disabled',
  });
  return { type: types.vault, apiVersion: templateApiVersions.vaults, name: expr(param('vaultName')), location, sku: body.sku, properties: body.properties };
}

function policyResource(dependsOn: string[]): Json {
  return {
    type: types.policy,
    apiVersion: templateApiVersions.backup,
    name: expr(`concat(${param('vaultName')}, '/', ${param('policyName')})`),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    properties: expr(param('policyProperties')),
  };
}

function protectedItemResource(dependsOn: string[], containerName: string, itemName: string, policyId: string, sourceResourceId: string): Json {
  const bare = (expression: string) => expression.slice(1, -1);
  return {
    type: types.protectedItem,
    apiVersion: templateApiVersions.backup,
    name: expr(`concat(${param('vaultName')}, '/Azure/', ${bare(containerName)}, '/', ${bare(itemName)})`),
    dependsOn,
    properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', policyId, sourceResourceId },
  };
}

/** A nested deployment into the vault's resource group, inner scope, given the values it needs. */
function nestedDeployment(name: string, dependsOn: string[], inner: { parameters: Record<string, string>; resources: Json[] }): Json {
  const parameterTypes = Object.fromEntries(Object.keys(inner.parameters).map((key) => [key, { type: key === 'policyProperties' ? 'object' : 'string' }]));
  const values = Object.fromEntries(Object.entries(inner.parameters).map(([key, value]) => [key, { value }]));
  return {
    type: types.deployment,
    apiVersion: templateApiVersions.deployments,
    name,
    resourceGroup: expr(param('vaultResourceGroup')),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: values,
      template: { $schema: deploymentTemplateSchema, contentVersion: '1.0.0.0', parameters: parameterTypes, resources: inner.resources },
    },
  };
}

function vaultDeployment(name: string, placement: BackupPlacement): Json {
  const vaultId = expr(`resourceId('${types.vault}', ${param('vaultName')})`);
  const parameters: Record<string, string> = { vaultName: expr(param('vaultName')) };
  const resources: Json[] = [];
  if (placement.newVault) {
    parameters.location = expr(param('location'));
    resources.push(vaultResource(expr(param('location'))));
  }
  if (placement.newPolicy) {
    parameters.policyName = expr(param('policyName'));
    parameters.policyProperties = expr(param('policyProperties'));
    resources.push(policyResource(placement.newVault ? [vaultId] : []));
  }
  return nestedDeployment(name, [], { parameters, resources });
}

function protectedItemDeployment(name: string, dependsOn: string[]): Json {
  const parameters = {
    vaultName: expr(param('vaultName')),
    containerName: expr(variable('backupContainerName')),
    itemName: expr(variable('backupItemName')),
    policyId: expr(variable('backupPolicyId')),
    sourceResourceId: expr(variable('virtualMachineId')),
  };
  const item = protectedItemResource([], expr(param('containerName')), expr(param('itemName')), expr(param('policyId')), expr(param('sourceResourceId')));
  delete item.dependsOn;
  return nestedDeployment(name, dependsOn, { parameters, resources: [item] });
}
