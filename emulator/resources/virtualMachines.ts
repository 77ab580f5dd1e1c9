import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import type { ArmRequest } from '../http/armHttp';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { badRequest, conflict } from '../http/armError';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, findSubscription, findVirtualMachine, keyOf, virtualMachineId } from '../state/lookup';
import { virtualMachinesOf } from '../state/indexes';
import type { VirtualMachineRecord } from '../state/model';
import { findOperation, isoTime, operationStatus, operationUrl, startOperation } from '../operations';
import { normalizeRegion } from './regions';
import { requireGroupForWrite } from './resourceGroupDeletion';
import { checkVirtualMachine, completeVirtualMachine, withoutSecrets } from './compute/vmCreateValidation';
import { referenceId } from './network/networkReferences';

const vmName = /^[a-zA-Z0-9][-a-zA-Z0-9_.]{0,62}[a-zA-Z0-9_]$|^[a-zA-Z0-9]$/;
const createAzureMs = 90_000;
const deleteAzureMs = 60_000;

export function virtualMachineRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.compute;
  const vmTemplate = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}';
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines',
      apiVersions: versions,
      handler: (request) => {
        const subscriptionId = findSubscription(context, request.parameters.subscriptionId!).subscriptionId;
        // statusOnly=true adds each VM's run-time status (power state) to the listing.
        const withStatus = request.url.searchParams.get('statusOnly')?.toLowerCase() === 'true';
        return ok(pageOf(request, virtualMachinesOf(context, subscriptionId), context.options.pageSize, (vm) => vmJson(vm, request.now, withStatus)));
      },
    },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines',
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const vms = virtualMachinesOf(context, group.subscriptionId, group.name);
        return ok(pageOf(request, vms, context.options.pageSize, (vm) => vmJson(vm, request.now, false)));
      },
    },
    {
      method: 'GET',
      template: vmTemplate,
      apiVersions: versions,
      handler: (request) => {
        const vm = findVirtualMachine(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vmName!);
        const expand = request.url.searchParams.get('$expand');
        return ok(vmJson(vm, request.now, expand?.toLowerCase() === 'instanceview'));
      },
    },
    { method: 'PUT', template: vmTemplate, apiVersions: versions, handler: (request) => createOrUpdate(context, request) },
    {
      method: 'DELETE',
      template: vmTemplate,
      apiVersions: versions,
      handler: (request) => {
        const vm = findVirtualMachine(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.parameters.vmName!);
        delete context.state.virtualMachines[keyOf(vm.resource.id)];
        deleteInterfacesMarkedForDeletion(context, vm);
        const operation = startOperation(context, 'vmDelete', keyOf(vm.resource.id), deleteAzureMs, request.now);
        return { status: 202, headers: computeOperationHeaders(context, request, vm.resource.location, operation.id) };
      },
    },
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/operations/{operationId}',
      apiVersions: versions,
      handler: (request) => {
        const operation = findOperation(context, request.parameters.operationId!, ['vmCreate', 'vmDelete']);
        const status = operationStatus(operation, request.now);
        return ok({
          name: operation.id,
          status,
          startTime: isoTime(operation.startTime),
          ...(status === 'InProgress' ? {} : { endTime: isoTime(operation.endTime) }),
        }, status === 'InProgress' ? context.retryAfterHeader() : {});
      },
    },
  ];
}

function createOrUpdate(context: EmulatorContext, request: ArmRequest): { status: number; body: unknown; headers: Record<string, string> } {
  const { subscriptionId, resourceGroupName, vmName: name } = request.parameters as Record<string, string>;
  const group = requireGroupForWrite(context, subscriptionId!, resourceGroupName!, request.now);
  if (!vmName.test(name!)) {
    throw badRequest('InvalidParameter', `The virtual machine name '${name}' is not valid: use 1-64 letters, digits, hyphens, underscores and periods, starting with a letter or digit.`);
  }
  const body = (request.body ?? {}) as { location?: unknown; tags?: Record<string, string>; properties?: Record<string, unknown>; zones?: string[] };
  const location = typeof body.location === 'string' ? normalizeRegion(body.location) : undefined;
  if (!location) throw badRequest('LocationRequired', "The location property is required for this definition and must be an Azure region, for example 'westeurope'.");
  const id = virtualMachineId(group.subscriptionId, group.name, name!);
  const key = keyOf(id);
  const existing = context.state.virtualMachines[key];
  if (existing && existing.resource.location !== location) {
    throw conflict('PropertyChangeNotAllowed', "Changing property 'location' is not allowed.");
  }
  if (existing?.provisioningUntil !== undefined && request.now < existing.provisioningUntil) {
    throw conflict('OperationNotAllowed', `Operation 'Update VM' is not allowed on VM '${name}' since the VM is being ${existing.provisioningKind === 'Creating' ? 'created' : 'updated'}.`);
  }
  const properties = { ...(existing?.resource.properties ?? {}), ...(body.properties ?? {}) };
  delete properties.provisioningState;
  delete properties.instanceView;
  const write = { id, name: existing?.resource.name ?? name!, subscriptionId: group.subscriptionId, resourceGroup: group.name, location, zones: body.zones, properties, sent: body.properties ?? {}, creating: !existing };
  const image = checkVirtualMachine(context, write);
  completeVirtualMachine(write, image);
  properties.vmId = existing?.resource.properties.vmId ?? randomUUID();
  properties.timeCreated = existing?.resource.properties.timeCreated ?? isoTime(request.now);
  properties.hardwareProfile ??= { vmSize: 'Standard_B2s' };
  const operation = startOperation(context, 'vmCreate', key, existing ? 30_000 : createAzureMs, request.now);
  const record: VirtualMachineRecord = {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    resource: {
      id,
      name: existing?.resource.name ?? name!,
      type: 'Microsoft.Compute/virtualMachines',
      location,
      ...(body.tags ?? existing?.resource.tags ? { tags: body.tags ?? existing?.resource.tags } : {}),
      ...(body.zones ? { zones: body.zones } : {}),
      // Never kept, so never answered: the password, custom data, protected settings.
      properties: withoutSecrets(properties),
    },
    provisioningUntil: operation.endTime,
    provisioningKind: existing ? 'Updating' : 'Creating',
    powerState: existing?.powerState ?? 'running',
  };
  context.state.virtualMachines[key] = record;
  context.changed();
  return { status: existing ? 200 : 201, body: vmJson(record, request.now, false), headers: computeOperationHeaders(context, request, location, operation.id) };
}

/** A VM's interfaces marked deleteOption 'Delete' go with it, as Azure does (the rest stay, detached). */
function deleteInterfacesMarkedForDeletion(context: EmulatorContext, vm: VirtualMachineRecord): void {
  const profile = (vm.resource.properties.networkProfile ?? {}) as { networkInterfaces?: { id?: string; properties?: { deleteOption?: string } }[] };
  for (const reference of profile.networkInterfaces ?? []) {
    const nicId = referenceId(reference);
    if (nicId && reference.properties?.deleteOption === 'Delete') delete context.state.networkResources[keyOf(nicId)];
  }
  context.changed();
}

function computeOperationHeaders(context: EmulatorContext, request: ArmRequest, location: string, operationId: string): Record<string, string> {
  const path = `/subscriptions/${request.parameters.subscriptionId}/providers/Microsoft.Compute/locations/${location}/operations/${operationId}`;
  return {
    'Azure-AsyncOperation': operationUrl(request.origin, path, request.apiVersion),
    Location: operationUrl(request.origin, path, request.apiVersion) + '&monitor=true',
    ...context.retryAfterHeader(),
  };
}

export function vmProvisioningState(vm: VirtualMachineRecord, now: number): string {
  if (vm.provisioningUntil !== undefined && now < vm.provisioningUntil) return vm.provisioningKind ?? 'Creating';
  return 'Succeeded';
}

function vmJson(vm: VirtualMachineRecord, now: number, withInstanceView: boolean): Record<string, unknown> {
  const provisioningState = vmProvisioningState(vm, now);
  const properties: Record<string, unknown> = { ...vm.resource.properties, provisioningState };
  if (withInstanceView) {
    properties.instanceView = {
      statuses: [
        { code: `ProvisioningState/${provisioningState.toLowerCase()}`, level: 'Info', displayStatus: `Provisioning ${provisioningState.toLowerCase()}` },
        { code: `PowerState/${vm.powerState}`, level: 'Info', displayStatus: `VM ${vm.powerState}` },
      ],
      vmAgent: { vmAgentVersion: '2.7.41491.1102', statuses: [{ code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: vm.powerState === 'running' ? 'Ready' : 'Not Ready' }] },
    };
  }
  return { ...vm.resource, properties };
}
