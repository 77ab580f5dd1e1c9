// A scripted stand-in for ARM's deployments endpoints behind the real ResourceManagementClient
// (its pipeline, with an HttpClient that answers here), for unit tests of TemplateDeployments:
// one deployment steps through its resources, one resource per status poll, and faults can be
// put in front of any request. Shapes follow deployments.json 2025-03-01.
import { ResourceManagementClient } from '@azure/arm-resources';
import { createHttpHeaders, RestError, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { ArmClients } from '../../../src/azure/armClients';
import { staticTokenCredential } from '../../../src/azure/armConnection';
import type { BackupReader } from '../../../src/azure/backupReader';
import { RequestLimiter } from '../../../src/azure/requestLimiter';

export const endpoint = 'https://arm.test';
export const subscriptionId = '00000000-0000-0000-0000-00000000000a';

export interface SimResource {
  type: string;
  name: string;
  fails?: { code: string; message: string };
}

export interface Exchange {
  method: string;
  path: string;
  body?: string;
  status: number | 'reset';
}

/**
 * What a fault answers instead of the simulation: an HTTP answer before anything is done
 * (`status`), one after the request was handled (`statusAfter`, as a gateway's 5xx), or a reset
 * connection after (or before) the request is handled.
 */
export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | { statusAfter: number; body?: unknown } | 'resetAfter' | 'resetBefore';

interface SimDeployment {
  name: string;
  resourceGroup: string;
  state: string;
  correlationId: string;
  step: number;
  body: string;
}

export class FakeArm {
  readonly exchanges: Exchange[] = [];
  /** One-shot faults, matched in order against `METHOD path`; `skip` lets that many matching requests through first. */
  readonly faults: { match: RegExp; fault: Fault; skip?: number }[] = [];
  readonly deployments = new Map<string, SimDeployment>();
  /** Retry-After the PUT and status polls send (seconds, as text), when set. */
  retryAfter: string | undefined = '0';
  /** What validate answers: 200 with these ids, or a 400 error body. */
  validation: { ids: string[] } | { error: unknown } = { ids: [] };
  /** Whether a GET of the deployment moves it on (as time does), besides each status poll. */
  advanceOnRead = true;
  private correlation = 0;

  constructor(readonly resources: SimResource[]) {}

  readonly httpClient: HttpClient = {
    sendRequest: async (request: PipelineRequest): Promise<PipelineResponse> => {
      const url = new URL(request.url);
      const path = decodeURIComponent(url.pathname);
      const body = typeof request.body === 'string' ? request.body : undefined;
      const key = `${request.method} ${path}`;
      const index = this.faults.findIndex((candidate) => candidate.match.test(key));
      const skipped = index >= 0 && (this.faults[index]!.skip ?? 0) > 0;
      if (skipped) this.faults[index]!.skip!--;
      const fault = index >= 0 && !skipped ? this.faults.splice(index, 1)[0]!.fault : undefined;
      if (fault === 'resetBefore') return this.reset(request, path, body);
      if (fault && typeof fault === 'object' && 'status' in fault) {
        this.exchanges.push({ method: request.method, path, ...(body ? { body } : {}), status: fault.status });
        return answer(request, fault.status, fault.body, fault.headers);
      }
      const { status, json, headers } = this.handle(request.method, path, body);
      if (fault === 'resetAfter') return this.reset(request, path, body);
      if (fault && typeof fault === 'object' && 'statusAfter' in fault) {
        this.exchanges.push({ method: request.method, path, ...(body ? { body } : {}), status: fault.statusAfter });
        return answer(request, fault.statusAfter, fault.body);
      }
      this.exchanges.push({ method: request.method, path, ...(body ? { body } : {}), status });
      return answer(request, status, json, headers);
    },
  };

  /** The reader TemplateDeployments needs: its clients and limiter. */
  reader(): BackupReader {
    const client = new ResourceManagementClient(staticTokenCredential(), subscriptionId, {
      endpoint,
      $host: endpoint,
      httpClient: this.httpClient,
      retryOptions: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
    });
    const clients = { connection: { endpoint, credential: staticTokenCredential() }, resources: () => Promise.resolve(client) } as unknown as ArmClients;
    return { clients: () => clients, limiter: new RequestLimiter() } as unknown as BackupReader;
  }

  count(method: string, path: RegExp): number {
    return this.exchanges.filter((exchange) => exchange.method === method && path.test(exchange.path) && exchange.status !== 'reset').length;
  }

  private reset(request: PipelineRequest, path: string, body: string | undefined): never {
    this.exchanges.push({ method: request.method, path, ...(body ? { body } : {}), status: 'reset' });
    throw new RestError('socket hang up', { code: 'ECONNRESET', request });
  }

  private handle(method: string, path: string, body: string | undefined): { status: number; json?: unknown; headers?: Record<string, string> } {
    const group = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)$/i.exec(path);
    if (group) return method === 'GET' ? { status: 404, json: { error: { code: 'ResourceGroupNotFound', message: `Resource group '${group[1]}' could not be found.` } } } : { status: 201, json: { id: path, name: group[1], location: 'westeurope', properties: { provisioningState: 'Succeeded' } } };
    const operations = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/deployments\/([^/]+)\/operations$/i.exec(path);
    if (operations) return { status: 200, json: { value: this.operationsOf(this.deployments.get(operations[2]!)) } };
    const match = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/Microsoft\.Resources\/deployments\/([^/]+)(\/validate|\/cancel|\/operationStatuses\/[^/]+)?$/i.exec(path);
    if (!match) return { status: 404, json: { error: { code: 'NotFound', message: `No route for ${method} ${path}` } } };
    const [, resourceGroup, name, action] = match as unknown as [string, string, string, string | undefined];
    const deployment = this.deployments.get(name);
    if (action === '/validate') {
      return 'ids' in this.validation
        ? { status: 200, json: { id: path, name, properties: { provisioningState: 'Succeeded', validatedResources: this.validation.ids.map((id) => ({ id })) } } }
        : { status: 400, json: this.validation.error };
    }
    if (action === '/cancel') {
      if (!deployment || (deployment.state !== 'Running' && deployment.state !== 'Accepted')) return { status: 409, json: { error: { code: 'DeploymentCannotBeCancelled', message: 'The deployment is not running.' } } };
      deployment.state = 'Canceled';
      return { status: 204 };
    }
    if (action) {
      if (!deployment) return { status: 404, json: { error: { code: 'NotFound', message: 'no such operation' } } };
      this.advance(deployment);
      const status = deployment.state === 'Accepted' ? 'Running' : deployment.state;
      return { status: 200, json: { status }, headers: this.retryHeaders() };
    }
    if (method === 'GET' && deployment) {
      // Time passes between reads too: a client without the status URL still sees it move.
      if (this.advanceOnRead) this.advance(deployment);
      return { status: 200, json: this.deploymentJson(deployment) };
    }
    if (method === 'GET') return { status: 404, json: { error: { code: 'DeploymentNotFound', message: `Deployment '${name}' could not be found.` } } };
    if (method === 'PUT') {
      if (deployment && (deployment.state === 'Running' || deployment.state === 'Accepted')) {
        return { status: 409, json: { error: { code: 'DeploymentActive', message: `Unable to edit or replace deployment '${name}': previous deployment is still active.` } } };
      }
      const created: SimDeployment = { name, resourceGroup, state: 'Accepted', correlationId: `correlation-${++this.correlation}`, step: 0, body: body ?? '' };
      this.deployments.set(name, created);
      return { status: 201, json: this.deploymentJson(created), headers: { 'Azure-AsyncOperation': `${endpoint}${path}/operationStatuses/op${this.correlation}?api-version=2025-03-01`, ...this.retryHeaders() } };
    }
    return { status: 405, json: { error: { code: 'MethodNotAllowed', message: method } } };
  }

  private retryHeaders(): Record<string, string> {
    return this.retryAfter === undefined ? {} : { 'Retry-After': this.retryAfter };
  }

  /** One status poll: the next resource starts; after the last, the deployment ends. */
  private advance(deployment: SimDeployment): void {
    if (deployment.state !== 'Accepted' && deployment.state !== 'Running') return;
    deployment.state = 'Running';
    deployment.step++;
    const failed = this.resources.slice(0, deployment.step - 1).some((resource) => resource.fails);
    if (failed) deployment.state = 'Failed';
    else if (deployment.step > this.resources.length) deployment.state = 'Succeeded';
  }

  private resourceId(deployment: SimDeployment, resource: SimResource): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${deployment.resourceGroup}/providers/${resource.type}/${resource.name}`;
  }

  private operationsOf(deployment: SimDeployment | undefined): unknown[] {
    if (!deployment) return [];
    return this.resources.slice(0, Math.min(deployment.step, this.resources.length)).map((resource, index) => {
      const running = index === deployment.step - 1 && (deployment.state === 'Running' || deployment.state === 'Canceled');
      const state = running ? (deployment.state === 'Canceled' ? 'Canceled' : 'Running') : resource.fails ? 'Failed' : 'Succeeded';
      return {
        id: `${endpoint}/deployments/${deployment.name}/operations/${index}`,
        operationId: String(index),
        properties: {
          provisioningOperation: 'Create',
          provisioningState: state,
          timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
          ...(state === 'Failed' ? { statusCode: 'BadRequest', statusMessage: { status: 'Failed', error: { code: 'ResourceDeploymentFailure', message: 'The resource write operation failed.', details: [resource.fails] } } } : { statusCode: 'OK' }),
          targetResource: { id: this.resourceId(deployment, resource), resourceType: resource.type, resourceName: resource.name },
        },
      };
    });
  }

  private deploymentJson(deployment: SimDeployment): unknown {
    const done = deployment.state === 'Succeeded';
    const failed = this.resources.filter((resource) => resource.fails);
    return {
      id: `/subscriptions/${subscriptionId}/resourceGroups/${deployment.resourceGroup}/providers/Microsoft.Resources/deployments/${deployment.name}`,
      name: deployment.name,
      type: 'Microsoft.Resources/deployments',
      properties: {
        provisioningState: deployment.state,
        correlationId: deployment.correlationId,
        timestamp: '2025-01-01T00:00:00Z',
        mode: 'Incremental',
        parameters: {},
        ...(done ? { outputs: { vmId: { type: 'String', value: 'the-vm' } }, outputResources: this.resources.map((resource) => ({ id: this.resourceId(deployment, resource) })) } : {}),
        ...(deployment.state === 'Failed'
          ? {
              error: {
                code: 'DeploymentFailed',
                message: 'At least one resource deployment operation failed.',
                details: failed.map((resource) => ({ code: 'ResourceDeploymentFailure', target: this.resourceId(deployment, resource), message: 'The resource write operation failed.', details: [resource.fails] })),
              },
            }
          : {}),
      },
    };
  }
}

function answer(request: PipelineRequest, status: number, json: unknown, headers: Record<string, string> = {}): PipelineResponse {
  return {
    request,
    status,
    headers: createHttpHeaders({ ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers }),
    ...(json === undefined ? {} : { bodyAsText: JSON.stringify(json) }),
  };
}
