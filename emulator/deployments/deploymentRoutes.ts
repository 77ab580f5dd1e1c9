import type { EmulatorContext } from '../context';
import type { RouteDefinition } from '../http/router';
import { ok, queryParameter, type ArmRequest, type ArmResponse } from '../http/armHttp';
import { ArmError } from '../http/armError';
import { pageOf } from '../http/paging';
import { parseFilter } from '../http/odataFilter';
import { apiVersions } from '../apiVersions';
import { findResourceGroup, keyOf } from '../state/lookup';
import { findOperation, operationStatus, operationUrl, startOperation, stillRunning } from '../operations';
import { activeMessage, type DeploymentEngine } from './deploymentEngine';
import { deploymentJson, operationJson, operationsOf } from './deploymentJson';
import { deploymentId, isFinished, type DeploymentData } from './deploymentState';
import { checkDeploymentRequest, validationAnswer, type DeploymentChecks } from './deploymentValidation';

const base = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
const deploymentPath = `${base}/providers/Microsoft.Resources/deployments/{deploymentName}`;
/** ARM keeps 800 deployments per resource group and deletes the oldest beyond that. */
const historyLimit = 800;

/** Template deployments at resource-group scope (Microsoft.Resources/deployments, 2025-03-01). */
export function deploymentRoutes(checks: DeploymentChecks, engine: DeploymentEngine): RouteDefinition[] {
  const { context, plans } = checks;
  const versions = apiVersions.deployments;
  const find = (request: ArmRequest): DeploymentData => {
    const { subscriptionId, resourceGroupName, deploymentName } = request.parameters as Record<string, string>;
    const group = findResourceGroup(context, subscriptionId!, resourceGroupName!);
    const deployment = engine.get(keyOf(deploymentId(group.subscriptionId, group.name, deploymentName!)));
    if (!deployment) throw new ArmError(404, 'DeploymentNotFound', `Deployment '${deploymentName}' could not be found.`);
    return deployment;
  };
  const planOf = (deployment: DeploymentData) => {
    try {
      return plans.planOf(deployment, () => ({ reference: () => ({}) }));
    } catch {
      return undefined;
    }
  };
  const json = (deployment: DeploymentData, now: number) => deploymentJson(context, deployment, planOf(deployment), now);

  return [
    { method: 'PUT', template: deploymentPath, apiVersions: versions, handler: (request) => put(checks, engine, request) },
    { method: 'GET', template: deploymentPath, apiVersions: versions, handler: (request) => ok(json(find(request), request.now)) },
    {
      method: 'HEAD',
      template: deploymentPath,
      apiVersions: versions,
      handler: (request) => {
        try {
          find(request);
          return { status: 204 };
        } catch (error) {
          if (error instanceof ArmError && error.code === 'DeploymentNotFound') return { status: 404 };
          throw error;
        }
      },
    },
    {
      method: 'DELETE',
      template: deploymentPath,
      apiVersions: versions,
      handler: (request) => {
        const deployment = find(request);
        if (!isFinished(deployment.state)) throw new ArmError(409, 'DeploymentActive', activeMessage(deployment.name, deployment.createdAt));
        const key = keyOf(deployment.id);
        delete context.state.deployments[key];
        plans.forget(deployment);
        const operation = startOperation(context, 'deploymentDelete', key, 5_000, request.now);
        const path = `/subscriptions/${deployment.subscriptionId}/resourcegroups/${deployment.resourceGroup}/providers/Microsoft.Resources/deployments/${deployment.name}/operationResults/${operation.id}`;
        return { status: 202, headers: { Location: operationUrl(request.origin, path, request.apiVersion), ...context.retryAfterHeader() } };
      },
    },
    {
      method: 'GET',
      template: `${deploymentPath}/operationResults/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const operation = findOperation(context, request.parameters.operationId!, ['deploymentDelete']);
        return operationStatus(operation, request.now) === 'InProgress' ? stillRunning(context, request) : { status: 204 };
      },
    },
    {
      method: 'GET',
      template: `${base}/providers/Microsoft.Resources/deployments`,
      apiVersions: versions,
      handler: (request) => {
        const group = findResourceGroup(context, request.parameters.subscriptionId!, request.parameters.resourceGroupName!);
        const filter = parseFilter(queryParameter(request.url, '$filter'), ['provisioningState']);
        const wanted = filter.get('provisioningstate')?.toLowerCase();
        const top = Number(queryParameter(request.url, '$top') ?? Number.POSITIVE_INFINITY);
        const all = deploymentsIn(context, group.subscriptionId, group.name)
          .filter((deployment) => wanted === undefined || deployment.state.toLowerCase() === wanted)
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, Number.isFinite(top) && top > 0 ? top : undefined);
        return ok(pageOf(request, all, context.options.pageSize, (deployment) => json(deployment, request.now)));
      },
    },
    {
      method: 'POST',
      template: `${deploymentPath}/validate`,
      apiVersions: versions,
      handler: (request) => validationAnswer(checks, request),
    },
    {
      method: 'POST',
      template: `${deploymentPath}/cancel`,
      apiVersions: versions,
      handler: (request) => {
        const deployment = find(request);
        if (isFinished(deployment.state)) {
          throw new ArmError(
            409,
            'DeploymentCannotBeCancelled',
            `The deployment '${deployment.name}' cannot be canceled: it is in state '${deployment.state}'. Only deployments that are Accepted or Running can be canceled.`,
          );
        }
        engine.cancel(deployment, request.now);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: `${deploymentPath}/operationStatuses/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const deployment = find(request);
        if (deployment.asyncOperationId !== request.parameters.operationId) {
          throw new ArmError(404, 'OperationNotFound', `The operation '${request.parameters.operationId}' was not found.`);
        }
        return ok({ status: deployment.state, ...(deployment.error ? { error: deployment.error } : {}) });
      },
    },
    {
      method: 'GET',
      template: `${base}/deployments/{deploymentName}/operations`,
      apiVersions: versions,
      handler: (request) => {
        const deployment = find(request);
        return ok(pageOf(request, operationsOf(deployment), context.options.pageSize, (resource) => operationJson(deployment, resource, request.now)));
      },
    },
    {
      method: 'GET',
      template: `${base}/deployments/{deploymentName}/operations/{operationId}`,
      apiVersions: versions,
      handler: (request) => {
        const deployment = find(request);
        const resource = operationsOf(deployment).find((candidate) => candidate.operationId === request.parameters.operationId);
        if (!resource) throw new ArmError(404, 'DeploymentOperationNotFound', `Deployment operation '${request.parameters.operationId}' could not be found.`);
        return ok(operationJson(deployment, resource, request.now));
      },
    },
  ];
}

function put(checks: DeploymentChecks, engine: DeploymentEngine, request: ArmRequest): ArmResponse {
  const { context, plans } = checks;
  const { group, name, input, plan } = checkDeploymentRequest(checks, request);
  const key = keyOf(deploymentId(group.subscriptionId, group.name, name));
  const existing = engine.get(key);
  // A retried PUT of a deployment that is still running (a lost answer) is refused, as ARM does:
  // the client must follow the deployment it started.
  if (existing && !isFinished(existing.state)) throw new ArmError(409, 'DeploymentActive', activeMessage(existing.name, existing.createdAt));
  if (existing) plans.forget(existing);
  const deployment = engine.create({ ...input, origin: request.origin, now: request.now }, plan);
  trimHistory(context, group.subscriptionId, group.name);
  const statusPath = `/subscriptions/${group.subscriptionId}/resourcegroups/${group.name}/providers/Microsoft.Resources/deployments/${deployment.name}/operationStatuses/${deployment.asyncOperationId}`;
  return {
    status: existing ? 200 : 201,
    body: deploymentJson(context, deployment, plan, request.now),
    headers: { 'Azure-AsyncOperation': operationUrl(request.origin, statusPath, request.apiVersion) },
  };
}

function deploymentsIn(context: EmulatorContext, subscriptionId: string, resourceGroup: string): DeploymentData[] {
  const prefix = `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/providers/microsoft.resources/deployments/`.toLowerCase();
  return Object.entries(context.state.deployments)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, deployment]) => deployment as DeploymentData);
}

function trimHistory(context: EmulatorContext, subscriptionId: string, resourceGroup: string): void {
  const finished = deploymentsIn(context, subscriptionId, resourceGroup).filter((deployment) => isFinished(deployment.state));
  const all = deploymentsIn(context, subscriptionId, resourceGroup).length;
  if (all <= historyLimit) return;
  for (const deployment of finished.sort((a, b) => a.createdAt - b.createdAt).slice(0, all - historyLimit)) {
    delete context.state.deployments[keyOf(deployment.id)];
  }
  context.changed();
}

