import type { EmulatorContext } from '../context';
import type { ArmResponse } from '../http/armHttp';
import { keyOf } from '../state/lookup';
import { TemplateError, type DeploymentPlan, type TemplateHost } from '../templates/templateTypes';
import type { DeploymentPlans } from './deploymentPlans';
import type { InternalArm } from './internalArm';
import { errorOf, newOperationId, type DeploymentData, type DeploymentErrorJson, type DeploymentResourceRecord, type NewDeployment } from './deploymentState';
import type { HeldResource } from './completeMode';

const terminalFailure = (state: string) => `The resource write operation failed to complete successfully, because it reached terminal provisioning state '${state}'.`;
const runningStates = new Set(['inprogress', 'running', 'accepted', 'creating', 'updating', 'provisioning', 'deleting', 'notstarted']);

/**
 * Deploys one resource of a deployment: evaluates its body, sends the PUT to its provider (through
 * the emulator's own handlers) and watches the provider's asynchronous completion, as Resource
 * Manager does.
 */
export class ResourceDeployer {
  constructor(
    private readonly context: EmulatorContext,
    private readonly plans: DeploymentPlans,
    private readonly internal: InternalArm,
    private readonly deployment: (key: string) => DeploymentData | undefined,
  ) {}

  /** What reference() reads at a moment: the resource as its provider answers a GET then. */
  hostAt(deployment: DeploymentData, at: number): TemplateHost {
    return {
      resourceGroup: (subscriptionId, name) => this.plans.resourceGroupOf(subscriptionId, name),
      reference: (resourceId, apiVersion, full) => {
        const version = apiVersion ?? deployment.resources.find((resource) => keyOf(resource.id) === keyOf(resourceId))?.apiVersion;
        if (!version) {
          throw new TemplateError('InvalidTemplate', `Deployment template validation failed: 'The template function 'reference' for resource '${resourceId}' needs an api-version: the resource is not declared in the template.'`);
        }
        const answer = this.internal.send({ method: 'GET', url: `${resourceId}?api-version=${version}`, now: at });
        if (answer.status >= 400) {
          const error = (answer.body as { error?: { code: string; message: string } } | undefined)?.error;
          throw new TemplateError(error?.code ?? 'ResourceNotFound', error?.message ?? `The Resource '${resourceId}' was not found.`);
        }
        const body = answer.body as Record<string, unknown>;
        return full ? body : (body.properties ?? {});
      },
    };
  }

  start(
    deployment: DeploymentData,
    plan: DeploymentPlan,
    resource: DeploymentResourceRecord,
    at: number,
    createNested: (child: Omit<NewDeployment, 'now'> & { plan: DeploymentPlan }) => DeploymentData,
  ): void {
    resource.state = 'Running';
    resource.startTime = at;
    const planned = this.plans.resourceOf(plan, resource.key);
    const host = this.hostAt(deployment, at);
    try {
      if (planned.nested) {
        const nested = planned.nested(host);
        const child = createNested({
          subscriptionId: nested.subscriptionId,
          resourceGroup: this.resourceGroupName(nested.subscriptionId, nested.resourceGroup),
          name: nested.name,
          origin: deployment.origin,
          // The nested template is planned already (nested.plan); kept here only for its hash.
          template: { nested: resource.key },
          parameters: {},
          mode: nested.mode,
          parentKey: keyOf(deployment.id),
          nestedFrom: { parentKey: keyOf(deployment.id), resourceKey: resource.key },
          plan: nested.plan,
        });
        resource.statusCode = 'Created';
        resource.watch = { kind: 'nestedDeployment', deploymentKey: keyOf(child.id) };
        return;
      }
      const body = planned.body(host);
      const answer = this.internal.send({ method: 'PUT', url: `${resource.id}?api-version=${resource.apiVersion}`, body, now: at });
      resource.statusCode = statusText(answer.status);
      if (answer.status >= 400) return this.fail(resource, errorBody(answer), at);
      this.watchCompletion(resource, answer, at);
    } catch (error) {
      resource.statusCode = 'BadRequest';
      this.fail(resource, errorOf(error), at);
    }
  }

  /**
   * Complete mode: deletes what the resource group holds and the template does not declare, each
   * listed as a Delete operation. Deletes are sent at once, in dependency order; a refusal fails
   * that operation (and so the deployment).
   */
  cleanUp(deployment: DeploymentData, held: readonly HeldResource[], at: number): void {
    for (const resource of held) {
      const apiVersion = this.internal.apiVersionFor('DELETE', resource.id);
      const record: DeploymentResourceRecord = {
        key: `delete:${resource.id}`,
        operation: 'Delete',
        type: resource.type,
        name: resource.name,
        id: resource.id,
        apiVersion: apiVersion ?? '',
        condition: true,
        dependsOn: [],
        state: 'Running',
        operationId: newOperationId(),
        startTime: at,
      };
      deployment.resources.push(record);
      const answer = this.internal.send({ method: 'DELETE', url: `${resource.id}?api-version=${apiVersion ?? ''}`, now: at });
      record.statusCode = statusText(answer.status);
      if (answer.status >= 400) this.fail(record, errorBody(answer), at);
      else this.succeed(record, at);
    }
  }

  /** Looks whether a running resource's provider has finished. */
  check(resource: DeploymentResourceRecord, at: number): void {
    const watch = resource.watch;
    if (!watch) return this.succeed(resource, at);
    if (watch.kind === 'nestedDeployment') {
      const child = this.deployment(watch.deploymentKey);
      if (!child) return this.fail(resource, { code: 'DeploymentNotFound', message: `The nested deployment of '${resource.name}' could not be found.` }, at);
      if (child.state === 'Succeeded') return this.succeed(resource, at);
      if (child.state === 'Failed' || child.state === 'Canceled') return this.fail(resource, child.error ?? { code: 'DeploymentFailed', message: `The nested deployment '${child.name}' ended ${child.state}.` }, at);
      return;
    }
    if (watch.kind === 'provisioningState') {
      const answer = this.internal.send({ method: 'GET', url: `${resource.id}?api-version=${watch.apiVersion}`, now: at });
      if (answer.status >= 400) return this.fail(resource, errorBody(answer), at);
      const state = provisioningStateOf(answer.body);
      if (state === undefined || state.toLowerCase() === 'succeeded') return this.succeed(resource, at);
      if (!runningStates.has(state.toLowerCase())) return this.fail(resource, { code: 'ResourceDeploymentFailure', message: terminalFailure(state) }, at);
      return;
    }
    const answer = this.internal.send({ method: 'GET', url: watch.url, now: at });
    if (answer.status >= 400) return this.fail(resource, errorBody(answer), at);
    if (watch.kind === 'location') {
      if (answer.status !== 202) this.succeed(resource, at);
      return;
    }
    const body = (answer.body ?? {}) as { status?: string; error?: { code: string; message: string } };
    const status = body.status ?? 'InProgress';
    if (runningStates.has(status.toLowerCase())) return;
    if (status.toLowerCase() === 'succeeded') return this.succeed(resource, at);
    this.fail(resource, { code: 'ResourceDeploymentFailure', message: terminalFailure(status), ...(body.error ? { details: [body.error] } : {}) }, at);
  }

  private watchCompletion(resource: DeploymentResourceRecord, answer: ArmResponse, at: number): void {
    const headers = lowerCaseKeys(answer.headers ?? {});
    if (headers['azure-asyncoperation']) {
      resource.watch = { kind: 'asyncOperation', url: headers['azure-asyncoperation'] };
    } else if (answer.status === 202 && headers.location) {
      resource.watch = { kind: 'location', url: headers.location };
    } else {
      const state = provisioningStateOf(answer.body);
      if (state !== undefined && runningStates.has(state.toLowerCase())) resource.watch = { kind: 'provisioningState', apiVersion: resource.apiVersion };
      else this.succeed(resource, at);
    }
  }

  private succeed(resource: DeploymentResourceRecord, at: number): void {
    resource.state = 'Succeeded';
    resource.statusCode = resource.statusCode === 'Accepted' || resource.statusCode === undefined ? 'OK' : resource.statusCode;
    resource.endTime = at;
    delete resource.watch;
  }

  private fail(resource: DeploymentResourceRecord, error: DeploymentErrorJson, at: number): void {
    resource.state = 'Failed';
    resource.error = error;
    resource.endTime = at;
    if (resource.statusCode === undefined || !/^[A-Z]/.test(resource.statusCode) || ['OK', 'Created', 'Accepted'].includes(resource.statusCode)) resource.statusCode = 'Conflict';
    delete resource.watch;
  }

  /** A nested deployment's resource group as the emulator spells it. */
  private resourceGroupName(subscriptionId: string, name: string): string {
    return this.context.state.resourceGroups[keyOf(`/subscriptions/${subscriptionId}/resourceGroups/${name}`)]?.name ?? name;
  }
}

function provisioningStateOf(body: unknown): string | undefined {
  const state = (body as { properties?: { provisioningState?: unknown } } | undefined)?.properties?.provisioningState;
  return typeof state === 'string' ? state : undefined;
}

function errorBody(answer: ArmResponse): DeploymentErrorJson {
  const error = (answer.body as { error?: DeploymentErrorJson } | undefined)?.error;
  return error ?? { code: statusText(answer.status), message: `The resource provider answered HTTP ${answer.status}.` };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

/** HTTP statuses as ARM names them in deployment operations (statusCode). */
export function statusText(status: number): string {
  const names: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    202: 'Accepted',
    204: 'NoContent',
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    429: 'TooManyRequests',
    500: 'InternalServerError',
    503: 'ServiceUnavailable',
  };
  return names[status] ?? String(status);
}
