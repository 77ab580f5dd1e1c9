import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DeploymentRecord } from '../state/model';
import { TemplateError, type DeploymentPlan, type ParameterValues } from '../templates/templateTypes';

/** Where a deployment stands, as ARM says it. */
export type DeploymentState = 'Accepted' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled';

/** Where one resource of a deployment stands. Waiting and Skipped ones have no operation in ARM's list. */
export type ResourceState = 'Waiting' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled' | 'Skipped';

export interface DeploymentErrorJson {
  code: string;
  message: string;
  target?: string;
  details?: DeploymentErrorJson[];
}

/** How the engine learns that a resource's own asynchronous work has ended. */
export type CompletionWatch =
  | { kind: 'asyncOperation'; url: string }
  | { kind: 'location'; url: string }
  | { kind: 'provisioningState'; apiVersion: string }
  | { kind: 'nestedDeployment'; deploymentKey: string };

/** One planned resource of a deployment and its progress (the plan itself is rebuilt from the template). */
export interface DeploymentResourceRecord {
  /** The plan's key (resources[3], resources[7][2]); `delete:<id>` for what complete mode deletes. */
  key: string;
  /** What ARM does to it: create or update it (the template's resources), or delete it (complete mode). */
  operation?: 'Create' | 'Delete';
  type: string;
  name: string;
  id: string;
  apiVersion: string;
  condition: boolean;
  dependsOn: string[];
  state: ResourceState;
  /** ARM's operation id for it: 16 upper-case hex digits. */
  operationId: string;
  /** ARM's tracking id of the request it sent the resource provider. */
  trackingId?: string;
  startTime?: number;
  endTime?: number;
  /** HTTP status of the resource provider's answer, as ARM words it (OK, Created, Accepted, BadRequest…). */
  statusCode?: string;
  error?: DeploymentErrorJson;
  watch?: CompletionWatch;
}

/** What the deployment engine keeps of a deployment (stored in state.deployments). */
export interface DeploymentData extends DeploymentRecord {
  /** scheme://host:port of the request that created it: internal requests build their URLs with it. */
  origin: string;
  template: Record<string, unknown>;
  /** The parameters as sent (securestring values too: the deployment needs them; never returned). */
  parameters: ParameterValues;
  mode: 'Incremental' | 'Complete';
  location?: string;
  tags?: Record<string, string>;
  templateHash: string;
  correlationId: string;
  state: DeploymentState;
  createdAt: number;
  /** Last change of state: ARM's timestamp. */
  updatedAt: number;
  startTime?: number;
  endTime?: number;
  /** When the engine next looks at it. */
  nextStepAt?: number;
  resources: DeploymentResourceRecord[];
  /** Evaluated once the resources are deployed; secure ones are kept (the template may read them) but never shown. */
  outputs?: Record<string, { type: string; value: unknown; secure: boolean }>;
  error?: DeploymentErrorJson;
  /** The id of the status a client polls (Azure-AsyncOperation …/operationStatuses/{id}). */
  asyncOperationId: string;
  /** Complete mode: the resources not in the template have been deleted. */
  cleanedUp?: boolean;
  /** For a nested deployment: the key of the deployment that started it. */
  parentKey?: string;
  /** The nested deployment's evaluation context, when its template is evaluated in its parent's scope. */
  nestedFrom?: { parentKey: string; resourceKey: string };
  /** Where the template and parameters were downloaded from, when the request linked them (shown without the SAS). */
  templateLink?: { uri: string; contentVersion?: string };
  parametersLink?: { uri: string; contentVersion?: string };
}

export function deploymentId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Resources/deployments/${name}`;
}

/** ARM's deployment operation ids look like 08584… or 16 hex digits; the emulator uses the latter. */
export function newOperationId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

/** ARM's asynchronous operation ids for deployments are long decimal strings. */
export function newAsyncOperationId(): string {
  const digits = BigInt(`0x${randomBytes(8).toString('hex')}`).toString().padStart(20, '0');
  return `0858${digits.slice(0, 16)}`;
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** A stable hash of the template, in ARM's decimal style (19–20 digits). */
export function templateHashOf(template: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(template)).digest();
  return hash.readBigUInt64BE(0).toString();
}

export function isFinished(state: DeploymentState): boolean {
  return state === 'Succeeded' || state === 'Failed' || state === 'Canceled';
}

/** ISO 8601 duration as ARM writes it: PT22.8356799S, PT1M3.25S. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total - hours * 3600 - minutes * 60;
  const secondsText = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(7).replace(/0+$/, '');
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secondsText}S`;
}

/** What a new deployment starts from: what was asked, where, and when. */
export type NewDeployment = Pick<DeploymentData, 'subscriptionId' | 'resourceGroup' | 'name' | 'origin' | 'template' | 'parameters' | 'mode' | 'location' | 'tags' | 'parentKey' | 'nestedFrom' | 'templateLink' | 'parametersLink'> & { now: number };

/** The resources of a plan, none started yet. */
export function plannedResources(plan: DeploymentPlan): DeploymentResourceRecord[] {
  return plan.resources.map((resource) => ({
    key: resource.key,
    type: resource.type,
    name: resource.name,
    id: resource.id,
    apiVersion: resource.apiVersion,
    condition: resource.condition,
    dependsOn: [...resource.dependsOn],
    state: 'Waiting',
    operationId: newOperationId(),
  }));
}

/** A template error as a deployment's or resource's error; other errors are bugs and go on up. */
export function errorOf(error: unknown): DeploymentErrorJson {
  if (error instanceof TemplateError) {
    return { code: error.code, message: error.message, ...(error.target ? { target: error.target } : {}), ...(error.details.length ? { details: error.details } : {}) };
  }
  throw error;
}
