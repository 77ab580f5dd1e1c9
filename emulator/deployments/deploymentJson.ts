import type { EmulatorContext } from '../context';
import { isoTime } from '../operations';
import type { DeploymentPlan } from '../templates/templateTypes';
import { isoDuration, type DeploymentData, type DeploymentResourceRecord } from './deploymentState';

type Json = Record<string, unknown>;

/** Parameter and output types as ARM writes them back. */
const typeNames: Record<string, string> = {
  string: 'String',
  securestring: 'SecureString',
  int: 'Int',
  bool: 'Bool',
  object: 'Object',
  secureobject: 'SecureObject',
  array: 'Array',
};

export function typeName(type: string): string {
  return typeNames[type.toLowerCase()] ?? type;
}

export function isSecure(type: string): boolean {
  return ['securestring', 'secureobject'].includes(type.toLowerCase());
}

/**
 * The parameters as ARM shows them on a deployment: every template parameter with its type and
 * value, except that a securestring or secureObject shows its type only — its value never leaves.
 */
export function parametersJson(plan: DeploymentPlan | undefined, sent: DeploymentData['parameters']): Json {
  if (!plan) {
    return Object.fromEntries(Object.keys(sent).map((name) => [name, { type: 'String' }]));
  }
  return Object.fromEntries(
    Object.entries(plan.parameters).map(([name, parameter]) => [
      name,
      isSecure(parameter.type) ? { type: parameter.azureType } : { type: parameter.azureType, value: parameter.value },
    ]),
  );
}

export function outputsJson(outputs: DeploymentData['outputs']): Json | undefined {
  if (!outputs) return undefined;
  const shown = Object.entries(outputs).filter(([, output]) => !output.secure && !isSecure(output.type));
  return Object.fromEntries(shown.map(([name, output]) => [name, { type: typeName(output.type), value: output.value }]));
}

/** A deployment as GET, list and the PUT's answer show it. */
export function deploymentJson(context: EmulatorContext, deployment: DeploymentData, plan: DeploymentPlan | undefined, now: number): Json {
  const deployed = deployment.resources.filter((resource) => resource.condition && resource.operation !== 'Delete');
  const outputs = outputsJson(deployment.outputs);
  const properties: Json = {
    templateHash: deployment.templateHash,
    ...(deployment.templateLink ? { templateLink: deployment.templateLink } : {}),
    parameters: parametersJson(plan, deployment.parameters),
    ...(deployment.parametersLink ? { parametersLink: deployment.parametersLink } : {}),
    mode: deployment.mode,
    provisioningState: deployment.state,
    timestamp: isoTime(deployment.updatedAt),
    duration: isoDuration((deployment.endTime ?? now) - deployment.createdAt),
    correlationId: deployment.correlationId,
    providers: providersJson(context, deployment, deployed),
    dependencies: dependenciesJson(deployment),
    ...(outputs ? { outputs } : {}),
    ...(deployment.state === 'Succeeded' ? { outputResources: outputResourcesJson(deployment) } : {}),
    ...(deployment.error ? { error: deployment.error } : {}),
  };
  return {
    id: deployment.id,
    name: deployment.name,
    type: 'Microsoft.Resources/deployments',
    ...(deployment.location ? { location: deployment.location } : {}),
    ...(deployment.tags ? { tags: deployment.tags } : {}),
    properties,
  };
}

/** What a validation answers: the deployment as it would be, its resources validated. */
export function validationJson(context: EmulatorContext, deployment: DeploymentData, plan: DeploymentPlan): Json {
  const json = deploymentJson(context, deployment, plan, deployment.createdAt);
  const properties = json.properties as Json;
  delete properties.outputs;
  properties.provisioningState = 'Succeeded';
  properties.duration = 'PT0S';
  properties.validatedResources = deployment.resources.filter((resource) => resource.condition).map((resource) => ({ id: resource.id }));
  return json;
}

/** The deployment's operations: one per resource it has started, in the order it started them. */
export function operationJson(deployment: DeploymentData, resource: DeploymentResourceRecord, now: number): Json {
  const started = resource.startTime ?? deployment.createdAt;
  return {
    id: `${deployment.id}/operations/${resource.operationId}`,
    operationId: resource.operationId,
    properties: {
      provisioningOperation: resource.operation ?? 'Create',
      provisioningState: resource.state,
      timestamp: isoTime(resource.endTime ?? started),
      duration: isoDuration((resource.endTime ?? now) - started),
      ...(resource.trackingId ? { serviceRequestId: resource.trackingId } : {}),
      ...(resource.statusCode ? { statusCode: resource.statusCode } : {}),
      statusMessage: resource.error ? { status: 'Failed', error: resource.error } : { status: resource.state },
      targetResource: { id: resource.id, resourceType: resource.type, resourceName: resource.name, apiVersion: resource.apiVersion },
    },
  };
}

export function operationsOf(deployment: DeploymentData): DeploymentResourceRecord[] {
  return deployment.resources
    .filter((resource) => resource.startTime !== undefined)
    .sort((a, b) => a.startTime! - b.startTime!);
}

function outputResourcesJson(deployment: DeploymentData): Json[] {
  return deployment.resources.filter((resource) => resource.state === 'Succeeded' && resource.operation !== 'Delete').map((resource) => ({ id: resource.id }));
}

function providersJson(context: EmulatorContext, deployment: DeploymentData, resources: DeploymentResourceRecord[]): Json[] {
  const location = deployment.location ?? context.state.resourceGroups[`/subscriptions/${deployment.subscriptionId}/resourcegroups/${deployment.resourceGroup}`.toLowerCase()]?.location;
  const byNamespace = new Map<string, Set<string>>();
  for (const resource of resources) {
    const [namespace, ...types] = resource.type.split('/');
    if (!namespace) continue;
    const set = byNamespace.get(namespace) ?? new Set<string>();
    set.add(types.join('/'));
    byNamespace.set(namespace, set);
  }
  return [...byNamespace].map(([namespace, types]) => ({
    namespace,
    resourceTypes: [...types].map((resourceType) => ({ resourceType, ...(location ? { locations: [location] } : {}) })),
  }));
}

function dependenciesJson(deployment: DeploymentData): Json[] {
  const byKey = new Map(deployment.resources.map((resource) => [resource.key, resource]));
  return deployment.resources
    .filter((resource) => resource.dependsOn.length > 0 && resource.operation !== 'Delete')
    .map((resource) => ({
      dependsOn: resource.dependsOn
        .map((key) => byKey.get(key))
        .filter((dependency): dependency is DeploymentResourceRecord => dependency !== undefined)
        .map((dependency) => ({ id: dependency.id, resourceType: dependency.type, resourceName: dependency.name })),
      id: resource.id,
      resourceType: resource.type,
      resourceName: resource.name,
    }));
}
