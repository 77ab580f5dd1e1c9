import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok, queryParameter } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { parseFilter } from '../http/odataFilter';
import { badRequest } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { keyOf } from '../state/lookup';
import { protectionOf, virtualMachinesOf } from '../state/indexes';
import type { OperationRecord, ProtectedItemRecord, VaultRecord, VirtualMachineRecord } from '../state/model';
import { findOperation, operationStatus, operationUrl, startOperation, stillRunning } from '../operations';
import { containerNameFor, isSoftDeleted, protectedItemNameFor } from './protectedItemState';
import { vmProvisioningState } from '../resources/virtualMachines';
import { vaultKeyOf, vaultOf, vaultPath } from './vaultRequest';

const refreshAzureMs = 30_000;

/** Discovery: refresh containers, then list what the vault may protect. */
export function discoveryRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    {
      method: 'POST',
      template: `${vaultPath}/backupFabrics/{fabricName}/refreshContainers`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        if (request.parameters.fabricName!.toLowerCase() !== 'azure') throw badRequest('BMSUserErrorInvalidInput', `Fabric '${request.parameters.fabricName}' is not valid; use Azure.`);
        const operation = startOperation(context, 'refreshContainers', vaultKeyOf(vault), refreshAzureMs, request.now);
        return {
          status: 202,
          headers: { Location: operationUrl(request.origin, `${vault.resource.id}/backupFabrics/Azure/operationResults/${operation.id}`, request.apiVersion), ...context.retryAfterHeader() },
        };
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupFabrics/{fabricName}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const operation = findOperation(context, request.parameters.operationId!, ['refreshContainers'], vaultKeyOf(vault));
        if (operationStatus(operation, request.now) === 'InProgress') return stillRunning(context, request);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupProtectableItems`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const filter = parseFilter(queryParameter(request.url, '$filter'), ['backupManagementType', 'workloadType', 'friendlyName', 'status']);
        const type = filter.get('backupmanagementtype');
        const vms = type !== undefined && type.toLowerCase() !== 'azureiaasvm' ? [] : protectableVms(context, vault);
        const friendlyName = filter.get('friendlyname')?.toLowerCase();
        const listed = vms.filter((vm) => friendlyName === undefined || vm.resource.name.toLowerCase() === friendlyName);
        return ok(pageOf(request, listed, context.options.pageSize, (vm) => protectableItemJson(vault, vm)));
      },
    },
    {
      method: 'GET',
      template: `${vaultPath}/backupProtectionContainers`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        parseFilter(queryParameter(request.url, '$filter'), ['backupManagementType', 'friendlyName', 'status']);
        const containerJson = (item: ProtectedItemRecord) => ({
          id: `${vault.resource.id}/backupFabrics/Azure/protectionContainers/${item.containerName}`,
          name: item.containerName,
          type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers',
          properties: {
            containerType: 'Microsoft.Compute/virtualMachines',
            friendlyName: item.friendlyName,
            backupManagementType: 'AzureIaasVM',
            registrationStatus: isSoftDeleted(item) ? 'SoftDeleted' : 'Registered',
            healthStatus: 'Healthy',
            virtualMachineId: item.virtualMachineId,
            virtualMachineVersion: 'Compute',
            resourceGroup: item.containerName.split(';')[2],
          },
        });
        return ok(pageOf(request, Object.values(vault.protectedItems), context.options.pageSize, containerJson));
      },
    },
  ];
}

/** What a refresh finds once it ends: the VMs of the vault's subscription and region. */
export function completeDiscovery(context: EmulatorContext, vault: VaultRecord, operation: OperationRecord): void {
  vault.discoveredVmIds = virtualMachinesOf(context, vault.subscriptionId)
    .filter((vm) => vm.resource.location === vault.resource.location && vmProvisioningState(vm, operation.endTime) === 'Succeeded')
    .map((vm) => keyOf(vm.resource.id));
  context.changed();
}

function protectableVms(context: EmulatorContext, vault: VaultRecord): VirtualMachineRecord[] {
  return vault.discoveredVmIds
    .map((id) => context.state.virtualMachines[id])
    .filter((vm): vm is VirtualMachineRecord => vm !== undefined && protectionOf(context, vm.resource.id) === undefined);
}

function protectableItemJson(vault: VaultRecord, vm: VirtualMachineRecord): Record<string, unknown> {
  const container = containerNameFor(vm.resourceGroup, vm.resource.name);
  const name = protectedItemNameFor(vm.resourceGroup, vm.resource.name);
  return {
    id: `${vault.resource.id}/backupFabrics/Azure/protectionContainers/${container}/protectableItems/${name}`,
    name,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectableItems',
    properties: {
      protectableItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      friendlyName: vm.resource.name,
      virtualMachineId: vm.resource.id,
      resourceGroup: vm.resourceGroup,
      virtualMachineVersion: 'Compute',
      protectionState: 'NotProtected',
    },
  };
}
