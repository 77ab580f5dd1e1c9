import type { EmulatorContext } from '../context';
import { keyOf } from '../state/lookup';
import type { DeploymentData } from './deploymentState';

export interface HeldResource {
  id: string;
  type: string;
  name: string;
}

/** The order ARM's complete mode deletes in: what uses others first (VMs, then their NICs, then networks). */
const deleteOrder = [
  'microsoft.compute/virtualmachines',
  'microsoft.network/networkinterfaces',
  'microsoft.network/publicipaddresses',
  'microsoft.network/virtualnetworks',
  'microsoft.network/networksecuritygroups',
  'microsoft.storage/storageaccounts',
  'microsoft.recoveryservices/vaults',
];

/**
 * Complete mode: the top-level resources of the deployment's resource group that its template
 * does not declare, which ARM deletes once the template's resources are deployed
 * (learn.microsoft.com, "Azure Resource Manager deployment modes").
 */
export function resourcesNotInTemplate(context: EmulatorContext, deployment: DeploymentData): HeldResource[] {
  const declared = new Set(declaredIds(context, deployment));
  const inGroup = (record: { subscriptionId: string; resourceGroup: string }) =>
    record.subscriptionId.toLowerCase() === deployment.subscriptionId.toLowerCase() && record.resourceGroup.toLowerCase() === deployment.resourceGroup.toLowerCase();
  const { state } = context;
  const held: HeldResource[] = [
    ...Object.values(state.virtualMachines).filter(inGroup).map((vm) => vm.resource),
    ...Object.values(state.networkResources).filter(inGroup).map((record) => record.resource),
    ...Object.values(state.storageAccounts).filter(inGroup).map((record) => record.resource),
    ...Object.values(state.vaults).filter(inGroup).map((vault) => vault.resource),
  ].map((resource) => ({ id: resource.id, type: resource.type, name: resource.name }));
  const rank = (type: string) => {
    const index = deleteOrder.indexOf(type.toLowerCase());
    return index < 0 ? deleteOrder.length : index;
  };
  return held.filter((resource) => !declared.has(keyOf(resource.id))).sort((a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id));
}

/** What the template declares, with what its nested deployments declare (they are part of it). */
function declaredIds(context: EmulatorContext, deployment: DeploymentData): string[] {
  const own = deployment.resources.filter((resource) => resource.condition && resource.operation !== 'Delete').map((resource) => keyOf(resource.id));
  const children = Object.values(context.state.deployments)
    .map((record) => record as DeploymentData)
    .filter((child) => child.parentKey === keyOf(deployment.id));
  return [...own, ...children.flatMap((child) => declaredIds(context, child))];
}
