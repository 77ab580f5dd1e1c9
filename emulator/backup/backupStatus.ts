import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { apiVersions } from '../apiVersions';
import { findSubscription, keyOf } from '../state/lookup';
import { serviceErrors } from './serviceErrors';

/** Which vault, if any, protects a VM: what the portal asks before offering to enable backup. */
export function backupStatusRoutes(context: EmulatorContext): RouteDefinition[] {
  return [
    {
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/locations/{azureRegion}/backupStatus',
      apiVersions: apiVersions.backup,
      handler: (request) => {
        findSubscription(context, request.parameters.subscriptionId!);
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (typeof body.resourceId !== 'string' || body.resourceId === '') throw serviceErrors.invalidParameter('resourceId');
        const vmKey = keyOf(body.resourceId);
        for (const vault of Object.values(context.state.vaults)) {
          const item = Object.values(vault.protectedItems).find((candidate) => keyOf(candidate.virtualMachineId) === vmKey);
          if (!item) continue;
          return ok({
            protectionStatus: 'Protected',
            vaultId: vault.resource.id,
            fabricName: 'Azure',
            containerName: item.containerName,
            protectedItemName: item.name,
            ...(item.policyName ? { policyName: item.policyName } : {}),
            errorCode: 'Success',
          });
        }
        return ok({ protectionStatus: 'NotProtected', errorCode: 'Success' });
      },
    },
  ];
}
