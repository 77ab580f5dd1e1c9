// Steps the deployment scenarios share: templates the emulator deploys, and reaching the
// deployments API through the real @azure/arm-resources client.
import type { DeploymentExtended, DeploymentOperation, ResourceManagementClient } from '@azure/arm-resources';
import type { TestEmulator } from '../support/testEmulator';
import { eventually } from '../support/testEmulator';
import { all } from './backupSteps';
import { deliberatelyInvalidHeader } from '../support/conformance';

type Json = Record<string, unknown>;

export const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A template with these parts (contentVersion and $schema filled in). */
export function template(parts: { parameters?: Json; variables?: Json; resources: Json[]; outputs?: Json }): Json {
  return { $schema: schema, contentVersion: '1.0.0.0', parameters: parts.parameters ?? {}, ...(parts.variables ? { variables: parts.variables } : {}), resources: parts.resources, ...(parts.outputs ? { outputs: parts.outputs } : {}) };
}

/** Parameter values in ARM's `{ name: { value } }` shape. */
export function values(parameters: Record<string, unknown>): Record<string, { value: unknown }> {
  return Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, { value }]));
}

export async function resourcesClient(env: TestEmulator, subscriptionId: string): Promise<ResourceManagementClient> {
  return env.clients.resources(subscriptionId);
}

/**
 * Starts a deployment (the PUT's 201) without waiting for it. The SDK's begin… polls once before
 * it answers, and throws when the deployment has failed by then: the deployment is read instead.
 */
export async function startDeployment(client: ResourceManagementClient, rg: string, name: string, body: Json, parameters: Record<string, unknown> = {}, options: { deliberatelyInvalid?: boolean; mode?: 'Incremental' | 'Complete' } = {}): Promise<DeploymentExtended> {
  try {
    const poller = await client.deployments.beginCreateOrUpdate(rg, name, { properties: { mode: options.mode ?? 'Incremental', template: body, parameters: values(parameters) } }, {
      updateIntervalInMs: 5,
      ...(options.deliberatelyInvalid ? { requestOptions: { customHeaders: { [deliberatelyInvalidHeader]: 'true' } } } : {}),
    });
    return poller.getOperationState().result ?? (await client.deployments.get(rg, name));
  } catch (error) {
    if (/long-running operation has failed/.test((error as Error).message)) return client.deployments.get(rg, name);
    throw error;
  }
}

/** Waits until the deployment has ended, and answers it. */
export function deploymentEnd(client: ResourceManagementClient, rg: string, name: string, timeoutMs = 20_000): Promise<DeploymentExtended> {
  return eventually(async () => {
    const deployment = await client.deployments.get(rg, name);
    return ['Succeeded', 'Failed', 'Canceled'].includes(deployment.properties?.provisioningState ?? '') ? deployment : undefined;
  }, `deployment ${name} to end`, timeoutMs);
}

export async function operationsOf(client: ResourceManagementClient, rg: string, name: string): Promise<DeploymentOperation[]> {
  return all(client.deploymentOperations.list(rg, name));
}

/** The operations' targets as `state type/name`, in the order ARM started them. */
export function operationSummary(operations: DeploymentOperation[]): string[] {
  return operations.map((operation) => `${operation.properties?.provisioningState} ${operation.properties?.targetResource?.resourceType}/${operation.properties?.targetResource?.resourceName}`);
}
