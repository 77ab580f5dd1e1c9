// Deployments and their operations as ARM sends them (api-version 2025-03-01, read as plain JSON)
// mapped to the extension's model in deploymentModel.ts.
import type { DeploymentProgress, DeploymentResourceProgress, DeploymentResult } from './deploymentModel';
import type { Redact } from './deploymentSecrets';

/** ARM's error shape (common-types ErrorResponse / ErrorDetail): details nest. */
export interface ArmErrorJson {
  code?: string;
  message?: string;
  target?: string;
  details?: ArmErrorJson[];
}

/** DeploymentExtended: only what the extension reads. */
export interface DeploymentJson {
  id?: string;
  name?: string;
  properties?: {
    provisioningState?: string;
    correlationId?: string;
    timestamp?: string;
    outputs?: Record<string, { type?: string; value?: unknown }>;
    outputResources?: { id?: string }[];
    validatedResources?: { id?: string }[];
    error?: ArmErrorJson;
  };
}

/** DeploymentOperation: one step of a deployment, usually on one resource. */
export interface DeploymentOperationJson {
  id?: string;
  operationId?: string;
  properties?: {
    provisioningOperation?: string;
    provisioningState?: string;
    timestamp?: string;
    statusCode?: string;
    /** `{ status, error }` as the spec says; some providers send the error itself, or text. */
    statusMessage?: unknown;
    targetResource?: { id?: string; resourceName?: string; resourceType?: string };
  };
}

/** The states after which a deployment does not change any more. */
export const endStates: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Canceled']);

/** While a deployment is in these it can be cancelled (AZURE-BACKUP-FACTS.md, "Template deployments"). */
export const cancellableStates: ReadonlySet<string> = new Set(['Accepted', 'Running']);

/** Codes that only say "something below failed": the useful code is in their details. */
const wrapperCodes: ReadonlySet<string> = new Set(['deploymentfailed', 'resourcedeploymentfailure', 'preflightvalidationcheckfailed', 'invalidtemplatedeployment']);

/** The error that says what went wrong: down through wrapper codes to the first detail that is not one. */
export function innermostError(error: ArmErrorJson): ArmErrorJson {
  let current = error;
  while (current.details?.length && wrapperCodes.has((current.code ?? '').toLowerCase())) current = current.details[0]!;
  return current;
}

/** An error's details as `{ code, message, target }`, each down to its own cause; the error itself when it has none. */
export function errorDetails(error: ArmErrorJson, redact: Redact): { code: string; message: string; target?: string }[] {
  const details = error.details?.length ? error.details : [error];
  return details.map((detail) => {
    const inner = innermostError(detail);
    const target = detail.target ?? inner.target;
    return { code: inner.code ?? detail.code ?? 'Unknown', message: redact(inner.message ?? detail.message ?? ''), ...(target ? { target } : {}) };
  });
}

/**
 * One entry per resource the deployment has reached, in the order it reached them: the latest
 * operation on each resource wins (a resource may be read, then written). Operations without a
 * target (EvaluateDeploymentOutput, cleanup) are not resources.
 */
export function toResourceProgress(operations: readonly DeploymentOperationJson[], redact: Redact): DeploymentResourceProgress[] {
  const byResource = new Map<string, { operation: DeploymentOperationJson; order: number }>();
  operations.forEach((operation, order) => {
    const target = operation.properties?.targetResource;
    if (!target?.id && !target?.resourceName) return;
    const key = (target.id ?? `${target.resourceType}/${target.resourceName}`).toLowerCase();
    const known = byResource.get(key);
    if (!known || timeOf(operation) >= timeOf(known.operation)) byResource.set(key, { operation, order: known?.order ?? order });
  });
  return [...byResource.values()].sort((a, b) => a.order - b.order).map(({ operation }) => resourceOf(operation, redact));
}

function resourceOf(operation: DeploymentOperationJson, redact: Redact): DeploymentResourceProgress {
  const properties = operation.properties ?? {};
  const target = properties.targetResource ?? {};
  const provisioningState = properties.provisioningState ?? 'Running';
  const error = provisioningState === 'Failed' || provisioningState === 'Canceled' ? statusError(properties.statusMessage, properties.statusCode, redact) : undefined;
  return {
    resourceType: target.resourceType ?? '',
    resourceName: target.resourceName ?? lastSegment(target.id),
    ...(target.id ? { resourceId: target.id } : {}),
    provisioningState,
    ...(error ? { error } : {}),
  };
}

/** A failed operation's error, from its statusMessage (`{ status, error }`, the error itself, or text). */
function statusError(statusMessage: unknown, statusCode: string | undefined, redact: Redact): { code: string; message: string } | undefined {
  if (typeof statusMessage === 'string') return { code: statusCode ?? 'Failed', message: redact(statusMessage) };
  const body = (statusMessage ?? {}) as { error?: ArmErrorJson } & ArmErrorJson;
  const error = body.error ?? (body.code ? body : undefined);
  if (!error) return statusCode ? { code: statusCode, message: '' } : undefined;
  const inner = innermostError(error);
  return { code: inner.code ?? error.code ?? statusCode ?? 'Failed', message: redact(inner.message ?? error.message ?? '') };
}

export function toDeploymentProgress(deploymentState: string, operations: readonly DeploymentOperationJson[], redact: Redact, expectedResourceCount?: number): DeploymentProgress {
  return { provisioningState: deploymentState, resources: toResourceProgress(operations, redact), ...(expectedResourceCount === undefined ? {} : { expectedResourceCount }) };
}

/** A deployment that ended, with its resources from the operations list. */
export function toDeploymentResult(deployment: DeploymentJson, operations: readonly DeploymentOperationJson[], redact: Redact): DeploymentResult {
  const properties = deployment.properties ?? {};
  const state = properties.provisioningState;
  const provisioningState = state === 'Succeeded' || state === 'Canceled' ? state : 'Failed';
  const resources = toResourceProgress(operations, redact);
  const outputs: DeploymentResult['outputs'] = {};
  for (const [name, output] of Object.entries(properties.outputs ?? {})) outputs[name] = { type: output?.type ?? 'Object', value: output?.value };
  const result: DeploymentResult = {
    provisioningState,
    deploymentId: deployment.id ?? '',
    resources,
    outputs,
    outputResourceIds: (properties.outputResources ?? []).flatMap((resource) => (resource.id ? [resource.id] : [])),
  };
  if (provisioningState !== 'Succeeded') result.error = resultError(properties.error, resources, provisioningState, redact);
  return result;
}

/**
 * The top error and one detail per failed resource. The operations name each resource and carry
 * its provider's own error; the deployment's error details are the fallback (and the only source
 * for a failure before any resource, such as a template expression that failed).
 */
function resultError(error: ArmErrorJson | undefined, resources: readonly DeploymentResourceProgress[], state: string, redact: Redact): NonNullable<DeploymentResult['error']> {
  const failed = resources.filter((resource) => resource.provisioningState === 'Failed' && resource.error);
  const details = failed.length > 0
    ? failed.map((resource) => ({ code: resource.error!.code, message: resource.error!.message, target: resource.resourceId ?? resource.resourceName }))
    : error ? errorDetails(error, redact) : [];
  const code = error?.code ?? (state === 'Canceled' ? 'DeploymentCanceled' : 'DeploymentFailed');
  const message = redact(error?.message ?? (state === 'Canceled' ? 'The deployment was canceled.' : 'The deployment failed.'));
  return { code, message, details };
}

function timeOf(operation: DeploymentOperationJson): number {
  const time = Date.parse(operation.properties?.timestamp ?? '');
  return Number.isNaN(time) ? 0 : time;
}

function lastSegment(id: string | undefined): string {
  return id ? decodeURIComponent(id.split('/').filter(Boolean).at(-1) ?? id) : '';
}
