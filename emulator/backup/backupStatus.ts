import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok } from '../http/armHttp';
import { apiVersions } from '../apiVersions';
import { findSubscription } from '../state/lookup';
import { protectionOf } from '../state/indexes';
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
        const protection = protectionOf(context, body.resourceId);
        if (!protection) return ok({ protectionStatus: 'NotProtected', errorCode: 'Success' });
        const { vault, item } = protection;
        return ok({
          protectionStatus: 'Protected',
          vaultId: vault.resource.id,
          fabricName: 'Azure',
          containerName: item.containerName,
          protectedItemName: item.name,
          ...(item.policyName ? { policyName: item.policyName } : {}),
          errorCode: 'Success',
        });
      },
    },
  ];
}
