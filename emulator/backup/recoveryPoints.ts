import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { pageOf } from '../http/paging';
import { apiVersions } from '../apiVersions';
import type { ProtectedItemRecord, RecoveryPointRecord, VaultRecord } from '../state/model';
import { itemId } from './protectedItemState';
import { serviceErrors } from './serviceErrors';
import { itemPath, requireItem, vaultOf } from './vaultRequest';

export function recoveryPointRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.backup;
  return [
    {
      method: 'GET',
      template: `${itemPath}/recoveryPoints`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const item = requireItem(vault, request);
        const newestFirst = [...item.recoveryPoints].reverse();
        return ok(pageOf(request, newestFirst, context.options.pageSize, (point) => recoveryPointJson(vault, item, point)));
      },
    },
    {
      method: 'GET',
      template: `${itemPath}/recoveryPoints/{recoveryPointId}`,
      apiVersions: versions,
      handler: (request) => {
        const vault = vaultOf(context, request);
        const item = requireItem(vault, request);
        const point = item.recoveryPoints.find((candidate) => candidate.name === request.parameters.recoveryPointId);
        if (!point) throw serviceErrors.itemNotFound();
        return ok(recoveryPointJson(vault, item, point));
      },
    },
  ];
}

function recoveryPointJson(vault: VaultRecord, item: ProtectedItemRecord, point: RecoveryPointRecord): Record<string, unknown> {
  return {
    id: `${itemId(vault, item)}/recoveryPoints/${point.name}`,
    name: point.name,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints',
    properties: {
      objectType: 'IaasVMRecoveryPoint',
      recoveryPointType: point.type,
      recoveryPointTime: point.time,
      recoveryPointAdditionalInfo: '',
      sourceVMStorageType: 'NormalStorage',
      isSourceVMEncrypted: false,
      isInstantIlrSessionActive: false,
      recoveryPointTierDetails: [{ type: 'HardenedRP', status: 'Valid' }],
      isManagedVirtualMachine: true,
      virtualMachineSize: 'Standard_B2s',
      originalStorageAccountOption: false,
      ...(point.expiresAt ? { recoveryPointProperties: { expiryTime: point.expiresAt } } : {}),
    },
  };
}
