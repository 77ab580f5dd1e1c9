import type { EmulatorContext } from '../../context';
import type { RouteDefinition } from '../../http/router';
import { ok } from '../../http/armHttp';
import { apiVersions } from '../../apiVersions';
import { findSubscription } from '../../state/lookup';
import { findOperation, operationStatus, stillRunning } from '../../operations';
import { virtualNetworkRoutes } from './virtualNetworks';
import { networkInterfaceRoutes } from './networkInterfaces';
import { publicIpAddressRoutes } from './publicIpAddresses';
import { networkSecurityGroupRoutes } from './networkSecurityGroups';

/**
 * Everything Microsoft.Network answers here, with the two URLs its writes are followed through:
 * Azure-AsyncOperation (…/locations/{location}/operations/{id}: {"status": "InProgress" |
 * "Succeeded" | "Failed"}) and, for deletes, Location (…/operationResults/{id}: 202, then 204).
 */
export function networkRoutes(context: EmulatorContext): RouteDefinition[] {
  const versions = apiVersions.network;
  const base = '/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}';
  return [
    ...virtualNetworkRoutes(context),
    ...networkInterfaceRoutes(context),
    ...publicIpAddressRoutes(context),
    ...networkSecurityGroupRoutes(context),
    {
      method: 'GET',
      template: `${base}/operations/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        findSubscription(context, request.parameters.subscriptionId!);
        const operation = findOperation(context, request.parameters.operationId!, ['networkPut', 'networkDelete']);
        const status = operationStatus(operation, request.now);
        return ok({ status, ...(operation.error && status === 'Failed' ? { error: operation.error } : {}) }, status === 'InProgress' ? context.retryAfterHeader() : {});
      },
    },
    {
      method: 'GET',
      template: `${base}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        findSubscription(context, request.parameters.subscriptionId!);
        const operation = findOperation(context, request.parameters.operationId!, ['networkPut', 'networkDelete']);
        return operationStatus(operation, request.now) === 'InProgress' ? stillRunning(context, request) : { status: 204 };
      },
    },
  ];
}
