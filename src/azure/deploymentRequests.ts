import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ServiceClient } from '@azure/core-client';
import { createPipelineRequest, type HttpHeaders, type PipelineRequest } from '@azure/core-rest-pipeline';
import type { ArmCalls } from './armCalls';
import { operationHeadersOf } from './asyncOperation';
import { AzureError, reasonForCode } from './azureError';
import type { BackupReader } from './backupReader';
import { DeploymentValidationError } from './deploymentErrors';
import { errorDetails, type ArmErrorJson, type DeploymentJson, type DeploymentOperationJson } from './deploymentMappers';
import type { DeploymentTarget } from './deploymentModel';
import { noRedaction, type Redact } from './deploymentSecrets';
import { listRawPages } from './rawPages';
import { withoutPipelineRetries } from './singleAttempt';

/** An HTTP answer as it came: any status, its headers, and its body parsed as JSON (undefined when it is none). */
export interface RawAnswer {
  status: number;
  headers: HttpHeaders;
  body: unknown;
}

/**
 * The requests of Microsoft.Resources/deployments at resource-group scope as plain JSON: each
 * through the SDK client's pipeline under the reader's limiter. Any HTTP status is an answer;
 * a transport failure throws.
 */
export class DeploymentRequests {
  constructor(
    private readonly reader: BackupReader,
    private readonly calls: ArmCalls,
  ) {}

  client(subscriptionId: string, signal?: AbortSignal): Promise<ResourceManagementClient> {
    return this.calls.run(subscriptionId, signal, () => this.reader.clients(subscriptionId).resources(subscriptionId));
  }

  deploymentUrl(target: DeploymentTarget, client: ResourceManagementClient, suffix = ''): string {
    return `${this.groupUrl(target)}/providers/Microsoft.Resources/deployments/${encodeURIComponent(target.deploymentName)}${suffix}?api-version=${client.apiVersion}`;
  }

  /** DeploymentOperations_List lives under the resource group's `deployments`, without the provider segment. */
  listOperations(target: DeploymentTarget, client: ResourceManagementClient, signal?: AbortSignal): Promise<DeploymentOperationJson[]> {
    const url = `${this.groupUrl(target)}/deployments/${encodeURIComponent(target.deploymentName)}/operations?api-version=${client.apiVersion}`;
    return this.calls.run(target.subscriptionId, signal, () => listRawPages<DeploymentOperationJson>(client, url, signal));
  }

  /** One request; `once` sends it without the pipeline's retries. */
  async request(subscriptionId: string, client: ServiceClient, method: PipelineRequest['method'], url: string, options: { body?: unknown; signal?: AbortSignal; once?: boolean }): Promise<RawAnswer> {
    const { body, signal } = options;
    const request = createPipelineRequest({ url, method, ...(signal ? { abortSignal: signal } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (body !== undefined) request.headers.set('Content-Type', 'application/json');
    const sender = options.once ? withoutPipelineRetries(client) : client;
    const response = await this.calls.run(subscriptionId, signal, () => sender.sendRequest(request));
    return { status: response.status, headers: response.headers, body: parseJson(response.bodyAsText) };
  }

  /** The deployment at `url`, or undefined when there is none. */
  async read(subscriptionId: string, client: ServiceClient, url: string, signal?: AbortSignal): Promise<DeploymentJson | undefined> {
    const answer = await this.request(subscriptionId, client, 'GET', url, { signal });
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw errorOfAnswer(answer, noRedaction);
    return answer.body as DeploymentJson;
  }

  /** The target's deployment, or DeploymentNotFound. */
  async mustRead(target: DeploymentTarget, client: ResourceManagementClient, signal?: AbortSignal): Promise<DeploymentJson> {
    const deployment = await this.read(target.subscriptionId, client, this.deploymentUrl(target, client), signal);
    if (!deployment) throw new AzureError('notFound', 'DeploymentNotFound', `Deployment '${target.deploymentName}' could not be found in ${target.resourceGroup}.`, 404);
    return deployment;
  }

  private groupUrl(target: DeploymentTarget): string {
    return `${this.calls.endpoint(target.subscriptionId)}/subscriptions/${target.subscriptionId}/resourcegroups/${encodeURIComponent(target.resourceGroup)}`;
  }
}

/** An error answer as an AzureError; template problems (InvalidTemplate…, with details) as DeploymentValidationError. */
export function errorOfAnswer(answer: RawAnswer, redact: Redact): AzureError {
  const error = ((answer.body as { error?: ArmErrorJson } | undefined)?.error ?? {}) as ArmErrorJson;
  const code = error.code ?? `Http${answer.status}`;
  const message = redact(error.message ?? `Azure answered HTTP ${answer.status}.`);
  const retryAfterMs = operationHeadersOf(answer.headers).retryAfterMs;
  if (answer.status === 400 && (/^InvalidTemplate/i.test(code) || error.details?.length)) {
    const details = error.details?.length ? errorDetails(error, redact) : [];
    const named = details.map((detail) => `${detail.target ? `${detail.target}: ` : ''}${detail.code}: ${detail.message}`);
    return new DeploymentValidationError(code, named.length > 0 ? `${message} ${named.join(' ')}` : message, details, answer.status);
  }
  return new AzureError(reasonForCode(code, answer.status), code, message, answer.status, retryAfterMs === undefined ? {} : { retryAfterMs });
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
