// Steps the deployment scenarios share: templates the emulator deploys, and reaching the
// deployments API through the real @azure/arm-resources client.
import { after, before } from 'node:test';
import type { DeploymentExtended, DeploymentOperation, ResourceManagementClient } from '@azure/arm-resources';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { EmulatorOptions } from '../../emulator/context';
import type { TestEmulator } from '../support/testEmulator';
import { eventually, startTestEmulator } from '../support/testEmulator';
import { all } from './backupSteps';
import { deliberatelyInvalidHeader } from '../support/conformance';

type Json = Record<string, unknown>;

export const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A daily policy's properties, as a template's backupPolicies resource sends them. */
export const dailyPolicy = {
  backupManagementType: 'AzureIaasVM',
  instantRpRetentionRangeInDays: 2,
  schedulePolicy: { schedulePolicyType: 'SimpleSchedulePolicy', scheduleRunFrequency: 'Daily', scheduleRunTimes: ['2024-01-01T22:00:00Z'] },
  retentionPolicy: {
    retentionPolicyType: 'LongTermRetentionPolicy',
    dailySchedule: { retentionTimes: ['2024-01-01T22:00:00Z'], retentionDuration: { count: 30, durationType: 'Days' } },
  },
  timeZone: 'UTC',
};

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

/** What a deployment scenario works with: the emulator, and a subscription's deployments and backup clients. */
export interface DeploymentClients {
  env: TestEmulator;
  resources: ResourceManagementClient;
  backup: RecoveryServicesBackupClient;
}

/** For a describe block: a fresh emulator (with `options`) before its tests, closed after them; `ready` receives the clients. */
export function emulatorForDeployments(subscriptionId: string, ready: (clients: DeploymentClients) => void, options: Partial<EmulatorOptions> = {}): void {
  let env: TestEmulator | undefined;
  before(async () => {
    env = await startTestEmulator(options);
    ready({ env, resources: await resourcesClient(env, subscriptionId), backup: await env.clients.backup(subscriptionId) });
  });
  after(async () => {
    await env?.close();
  });
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
