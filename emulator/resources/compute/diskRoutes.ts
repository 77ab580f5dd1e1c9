import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import { ok } from '../../http/armHttp';
import { ArmError, resourceNotFound } from '../../http/armError';
import { pageOf } from '../../http/paging';
import { apiVersions } from '../../apiVersions';
import { findResourceGroup, findSubscription, keyOf } from '../../state/lookup';
import { requireGroupForWrite } from '../resourceGroupDeletion';
import { diskId, diskJson, diskOwner } from './managedDisks';

/**
 * Managed disks (Disks_Get, Disks_ListByResourceGroup, Disks_List, Disks_Delete at 2025-01-02): the
 * disks restores make. Their spec (DiskRP.json) is not among the specifications here, so their
 * traffic is counted apart by the conformance check. A disk attached to a VM cannot be deleted.
 */
export function diskRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.disks;
  const group = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/disks';
  const inSubscription = (subscriptionId: string) => Object.values(context.state.disks).filter((record) => keyOf(record.subscriptionId) === keyOf(subscriptionId));
  return [
    {
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/disks',
      apiVersions: versions,
      handler: (request) => {
        const subscription = findSubscription(context, request.parameters.subscriptionId!);
        return ok(pageOf(request, inSubscription(subscription.subscriptionId), context.options.pageSize, (record) => diskJson(context, record)));
      },
    },
    {
      method: 'GET',
      template: group,
      apiVersions: versions,
      handler: (request) => {
        const found = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const records = inSubscription(found.subscriptionId).filter((record) => keyOf(record.resourceGroup) === keyOf(found.name));
        return ok(pageOf(request, records, context.options.pageSize, (record) => diskJson(context, record)));
      },
    },
    {
      method: 'GET',
      template: `${group}/{diskName}`,
      apiVersions: versions,
      handler: (request) => {
        const found = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const record = context.state.disks[keyOf(diskId(found.subscriptionId, found.name, request.parameters.diskName!))];
        if (!record) throw resourceNotFound('Microsoft.Compute/disks', request.parameters.diskName!, found.name);
        return ok(diskJson(context, record));
      },
    },
    {
      method: 'DELETE',
      template: `${group}/{diskName}`,
      apiVersions: versions,
      handler: (request) => {
        const found = requireGroupForWrite(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!, request.now);
        const key = keyOf(diskId(found.subscriptionId, found.name, request.parameters.diskName!));
        const record = context.state.disks[key];
        if (!record) return { status: 204 };
        const owner = diskOwner(context, record.resource.id);
        // Compute's refusal of a disk still in use (OperationNotAllowed), as `az disk delete` reports it.
        if (owner) throw new ArmError(409, 'OperationNotAllowed', `Disk ${record.resource.name} is attached to VM ${owner}.`);
        delete context.state.disks[key];
        context.changed();
        return { status: 200 };
      },
    },
  ];
}
