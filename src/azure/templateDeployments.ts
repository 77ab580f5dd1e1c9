import type { ResourceManagementClient } from '@azure/arm-resources';
import type { ServiceClient } from '@azure/core-client';
import type { HttpHeaders } from '@azure/core-rest-pipeline';
import { ArmCalls, delay, failure } from './armCalls';
import { operationHeadersOf } from './asyncOperation';
import { AzureError } from './azureError';
import type { BackupReader } from './backupReader';
import { withoutSecrets } from './deploymentErrors';
import { cancellableStates, endStates, toDeploymentProgress, toDeploymentResult, type DeploymentJson } from './deploymentMappers';
import type { DeploymentInput, DeploymentProgress, DeploymentResult, DeploymentTarget } from './deploymentModel';
import { DeploymentRequests, errorOfAnswer, type RawAnswer } from './deploymentRequests';
import { noRedaction, secretRedactor, type Redact } from './deploymentSecrets';

export interface TemplateDeploymentsOptions {
  /** Wait between polls when the service sends no Retry-After (default 5 s). */
  pollDelayMs?: number;
  /** Shortest wait between polls whatever Retry-After says (default 1 s): each poll also lists the operations. */
  minPollDelayMs?: number;
  /** Longest wait between polls (default 30 s). */
  maxPollDelayMs?: number;
  /** How many PUTs one start may send: again after a 429, or after a lost answer when the deployment did not land (default 4). */
  maxStartAttempts?: number;
}

/** What Azure's preflight (validate) answered for a template it accepts. */
export interface ValidatedDeployment {
  /** The resources the template deploys, copy loops and conditions worked out (validatedResources). */
  validatedResourceIds: string[];
}

/** A deployment ARM accepted: what `follow` needs. */
export interface StartedDeployment {
  target: DeploymentTarget;
  deploymentId: string;
  provisioningState: string;
  /** The Azure-AsyncOperation URL the PUT answered, when it did. */
  statusUrl?: string;
  retryAfterMs?: number;
  /** True when the PUT's answer was lost and the deployment was found under its name instead. */
  attached: boolean;
  /** Removes the input's secure values from any text (errors of the resources included). */
  redact: Redact;
}

interface PolledStatus {
  state: string;
  retryAfterMs?: number | undefined;
  statusUrl?: string | undefined;
}

/**
 * Template deployments at resource-group scope (Microsoft.Resources/deployments, api-version
 * 2025-03-01 through @azure/arm-resources 6.1.x): the resource group, validate, start, follow
 * with per-resource progress, cancel and the result. Requests go as plain JSON through
 * DeploymentRequests; failures are AzureErrors (DeploymentValidationError for a refused template).
 *
 * Never two deployments from one start: the deployment's name is the idempotency key. ARM
 * answers a second PUT of a name whose deployment still runs with 409 DeploymentActive, and
 * re-runs one that ended, so the PUT is sent without the pipeline's retries; when its answer is
 * lost (reset, timeout, 5xx, DeploymentActive) the deployment is looked up by name, and only
 * when it did not land is the PUT sent again. Callers give each attempt a new name
 * (`deploymentNameFor`), so a deployment found under it is theirs.
 *
 * Secure parameter values (DeploymentInput.secureParameterNames) leave only in the request
 * body: every error message is redacted, and errors do not keep the request as their cause.
 */
export class TemplateDeployments {
  private readonly calls: ArmCalls;
  private readonly requests: DeploymentRequests;
  private readonly timing: Required<TemplateDeploymentsOptions>;

  constructor(reader: BackupReader, options: TemplateDeploymentsOptions = {}) {
    this.timing = { pollDelayMs: 5_000, minPollDelayMs: 1_000, maxPollDelayMs: 30_000, maxStartAttempts: 4, ...options };
    this.calls = new ArmCalls(reader, { pollDelayMs: this.timing.pollDelayMs, maxPollDelayMs: this.timing.maxPollDelayMs });
    this.requests = new DeploymentRequests(reader, this.calls);
  }

  /** The target's resource group: created in `target.location` when missing and `createResourceGroup` is set. */
  async ensureResourceGroup(target: DeploymentTarget, signal?: AbortSignal): Promise<{ created: boolean; location: string }> {
    const { subscriptionId, resourceGroup } = target;
    const client = await this.requests.client(subscriptionId, signal);
    const existing = await this.calls.run(subscriptionId, signal, () => client.resourceGroups.get(resourceGroup, { abortSignal: signal })).catch((error: unknown) => {
      if ((error as AzureError).reason === 'notFound') return undefined;
      throw error;
    });
    if (existing) return { created: false, location: existing.location };
    if (!target.createResourceGroup) throw new AzureError('notFound', 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`, 404);
    if (!target.location) throw new AzureError('invalidInput', 'LocationRequired', `A location is needed to create the resource group '${resourceGroup}'.`);
    const location = target.location;
    await this.calls.run(subscriptionId, signal, () => client.resourceGroups.createOrUpdate(resourceGroup, { location }, { abortSignal: signal }));
    return { created: true, location };
  }

  /** Azure's preflight of the template and parameters; throws DeploymentValidationError naming each problem. */
  async validate(target: DeploymentTarget, input: DeploymentInput, signal?: AbortSignal): Promise<ValidatedDeployment> {
    const redact = secretRedactor(input);
    try {
      const client = await this.requests.client(target.subscriptionId, signal);
      let answer = await this.requests.request(target.subscriptionId, client, 'POST', this.requests.deploymentUrl(target, client, '/validate'), { body: deploymentBody(input), signal });
      if (answer.status === 202) answer = await this.awaitLocation(target.subscriptionId, client, answer, signal);
      if (answer.status === 200) {
        const validated = (answer.body as DeploymentJson | undefined)?.properties?.validatedResources ?? [];
        return { validatedResourceIds: validated.flatMap((resource) => (resource.id ? [resource.id] : [])) };
      }
      throw errorOfAnswer(answer, redact);
    } catch (error) {
      throw withoutSecrets(error, redact, signal);
    }
  }

  /**
   * Sends the deployment (PUT → 201 Accepted) and returns as soon as ARM took it: `follow` reports
   * its progress. A deployment of that name that still runs is refused (DeploymentActive).
   */
  async start(target: DeploymentTarget, input: DeploymentInput, signal?: AbortSignal): Promise<StartedDeployment> {
    const redact = secretRedactor(input);
    try {
      const client = await this.requests.client(target.subscriptionId, signal);
      const url = this.requests.deploymentUrl(target, client);
      const before = await this.requests.read(target.subscriptionId, client, url, signal);
      if (before && cancellableStates.has(stateOf(before))) {
        throw new AzureError('itemBusy', 'DeploymentActive', `The deployment '${target.deploymentName}' in ${target.resourceGroup} is still ${stateOf(before)}: wait for it to end, or cancel it.`, 409);
      }
      for (let attempt = 1; ; attempt++) {
        let answer: RawAnswer | undefined;
        let lost: AzureError | undefined;
        try {
          answer = await this.requests.request(target.subscriptionId, client, 'PUT', url, { body: deploymentBody(input), signal, once: true });
        } catch (error) {
          lost = failure(error, signal);
          if (lost.reason !== 'network') throw lost;
        }
        if (answer && (answer.status === 200 || answer.status === 201)) return startedFrom(target, answer.body as DeploymentJson, answer.headers, false, redact);
        const refused = answer ? errorOfAnswer(answer, redact) : undefined;
        if (answer?.status === 429 && attempt < this.timing.maxStartAttempts) {
          // ARM throttles before it does anything: the same PUT again, once the wait is over.
          await delay(this.pollWait(refused?.retryAfterMs), signal);
          continue;
        }
        if (answer && answer.status < 500 && refused?.code !== 'DeploymentActive') throw refused!;
        // No answer, a 5xx or DeploymentActive: the PUT may have started the deployment. Look by name.
        const landed = await this.requests.read(target.subscriptionId, client, url, signal).catch((error: unknown) => {
          const unknown = failure(error, signal);
          if (unknown.reason === 'cancelled') throw unknown;
          const hint = `The deployment '${target.deploymentName}' may have started in ${target.resourceGroup}: look at its deployments before deploying again.`;
          throw new AzureError(unknown.reason, unknown.code, `${unknown.message} ${hint}`, unknown.statusCode);
        });
        if (landed && isNewer(landed, before)) return startedFrom(target, landed, undefined, true, redact);
        // Another deployment of that name started meanwhile: not ours to follow.
        if (refused?.code === 'DeploymentActive' || attempt >= this.timing.maxStartAttempts) throw (lost ?? refused)!;
        await delay(this.pollWait(refused?.retryAfterMs), signal);
      }
    } catch (error) {
      throw withoutSecrets(error, redact, signal);
    }
  }

  /**
   * Follows a started deployment to its end, reporting progress at once and after each poll:
   * the status from its Azure-AsyncOperation URL (else the deployment itself), honouring
   * Retry-After, and the resources from its operations list. Aborting the signal stops
   * following only: the deployment runs on in Azure until `cancel`.
   */
  async follow(started: StartedDeployment, onProgress: (progress: DeploymentProgress) => void, options: { expectedResourceCount?: number; signal?: AbortSignal } = {}): Promise<DeploymentResult> {
    const { target, redact } = started;
    const { signal, expectedResourceCount } = options;
    try {
      const client = await this.requests.client(target.subscriptionId, signal);
      let status: PolledStatus = { state: started.provisioningState, retryAfterMs: started.retryAfterMs, statusUrl: started.statusUrl };
      for (;;) {
        if (endStates.has(status.state)) {
          const deployment = await this.settled(target, client, signal);
          const final = await this.requests.listOperations(target, client, signal);
          onProgress(toDeploymentProgress(stateOf(deployment), final, redact, expectedResourceCount));
          return toDeploymentResult(deployment, final, redact);
        }
        const operations = await this.requests.listOperations(target, client, signal);
        onProgress(toDeploymentProgress(status.state, operations, redact, expectedResourceCount));
        await delay(this.pollWait(status.retryAfterMs), signal);
        status = await this.pollStatus(target, client, status.statusUrl, signal);
      }
    } catch (error) {
      throw withoutSecrets(error, redact, signal);
    }
  }

  /** The deployment's state now and the resources it reached. */
  async progress(target: DeploymentTarget, options: { expectedResourceCount?: number; signal?: AbortSignal; redact?: Redact } = {}): Promise<DeploymentProgress> {
    const client = await this.requests.client(target.subscriptionId, options.signal);
    const deployment = await this.requests.mustRead(target, client, options.signal);
    const operations = await this.requests.listOperations(target, client, options.signal);
    return toDeploymentProgress(stateOf(deployment), operations, options.redact ?? noRedaction, options.expectedResourceCount);
  }

  /** The provisioning state of the deployment of that name, or undefined when there is none. */
  async state(target: DeploymentTarget, signal?: AbortSignal): Promise<string | undefined> {
    const client = await this.requests.client(target.subscriptionId, signal);
    const deployment = await this.requests.read(target.subscriptionId, client, this.requests.deploymentUrl(target, client), signal);
    return deployment ? stateOf(deployment) : undefined;
  }

  /**
   * Cancels the deployment while it is Accepted or Running (POST …/cancel → 204); resources it
   * already created stay. Answers whether a cancel was sent and the state it found.
   */
  async cancel(target: DeploymentTarget, signal?: AbortSignal): Promise<{ cancelled: boolean; provisioningState: string }> {
    const client = await this.requests.client(target.subscriptionId, signal);
    const url = this.requests.deploymentUrl(target, client);
    const deployment = await this.requests.mustRead(target, client, signal);
    if (!cancellableStates.has(stateOf(deployment))) return { cancelled: false, provisioningState: stateOf(deployment) };
    const answer = await this.requests.request(target.subscriptionId, client, 'POST', this.requests.deploymentUrl(target, client, '/cancel'), { signal });
    if (answer.status === 204 || answer.status === 200) return { cancelled: true, provisioningState: stateOf(deployment) };
    // It may have ended between the look and the cancel.
    const now = await this.requests.read(target.subscriptionId, client, url, signal);
    if (now && !cancellableStates.has(stateOf(now))) return { cancelled: false, provisioningState: stateOf(now) };
    throw errorOfAnswer(answer, noRedaction);
  }

  /** The result of a deployment that ended; one that still runs is refused (DeploymentActive). */
  async result(target: DeploymentTarget, signal?: AbortSignal, redact: Redact = noRedaction): Promise<DeploymentResult> {
    const client = await this.requests.client(target.subscriptionId, signal);
    const deployment = await this.requests.mustRead(target, client, signal);
    if (!endStates.has(stateOf(deployment))) throw new AzureError('itemBusy', 'DeploymentActive', `The deployment '${target.deploymentName}' is still ${stateOf(deployment)}.`, 409);
    return toDeploymentResult(deployment, await this.requests.listOperations(target, client, signal), redact);
  }

  /** The deployment once its own state has ended too (the status URL can be a moment ahead of it). */
  private async settled(target: DeploymentTarget, client: ResourceManagementClient, signal?: AbortSignal): Promise<DeploymentJson> {
    for (;;) {
      const deployment = await this.requests.mustRead(target, client, signal);
      if (endStates.has(stateOf(deployment))) return deployment;
      await delay(this.pollWait(undefined), signal);
    }
  }

  /** The state from the Azure-AsyncOperation URL; without one (or when it is gone), from the deployment. */
  private async pollStatus(target: DeploymentTarget, client: ResourceManagementClient, statusUrl: string | undefined, signal?: AbortSignal): Promise<PolledStatus> {
    if (statusUrl) {
      const answer = await this.requests.request(target.subscriptionId, client, 'GET', statusUrl, { signal });
      const status = (answer.body as { status?: string } | undefined)?.status;
      if (answer.status === 200 && status) return { state: status === 'InProgress' ? 'Running' : status, retryAfterMs: operationHeadersOf(answer.headers).retryAfterMs, statusUrl };
      if (answer.status !== 404) throw errorOfAnswer(answer, noRedaction);
    }
    const deployment = await this.requests.mustRead(target, client, signal);
    return { state: stateOf(deployment) };
  }

  /** Follows a 202's Location while it answers 202; the final answer (200, or 400 with the problems). */
  private async awaitLocation(subscriptionId: string, client: ServiceClient, accepted: RawAnswer, signal?: AbortSignal): Promise<RawAnswer> {
    let answer = accepted;
    for (;;) {
      const { location, retryAfterMs } = operationHeadersOf(answer.headers);
      if (!location) return answer;
      await delay(this.pollWait(retryAfterMs), signal);
      answer = await this.requests.request(subscriptionId, client, 'GET', location, { signal });
      if (answer.status !== 202) return answer;
    }
  }

  private pollWait(retryAfterMs: number | undefined): number {
    const { pollDelayMs, minPollDelayMs, maxPollDelayMs } = this.timing;
    return Math.min(Math.max(retryAfterMs ?? pollDelayMs, minPollDelayMs), maxPollDelayMs);
  }
}

/**
 * A deployment name for one attempt: the base (a template's file name, a VM's name) cut to what
 * ARM allows (letters, digits, `-_.()`, at most 64) and the UTC time to the second.
 */
export function deploymentNameFor(base: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const cleaned = base.replace(/[^\w.()-]+/g, '-').replace(/^-+|[-.]+$/g, '').slice(0, 64 - stamp.length - 1);
  return `${cleaned || 'deployment'}-${stamp}`;
}

/** A linked template (templateLink) goes instead of the template itself: ARM refuses both. */
function deploymentBody(input: DeploymentInput): unknown {
  const template = input.templateLink ? { templateLink: { uri: input.templateLink.uri } } : { template: input.template };
  return { properties: { mode: 'Incremental', ...template, parameters: input.parameters } };
}

function stateOf(deployment: DeploymentJson): string {
  return deployment.properties?.provisioningState ?? 'Running';
}

/** Whether the deployment now under the name is a newer one than the one seen before the PUT. */
function isNewer(now: DeploymentJson, before: DeploymentJson | undefined): boolean {
  if (!before) return true;
  const was = before.properties ?? {};
  const is = now.properties ?? {};
  if (is.correlationId && was.correlationId) return is.correlationId !== was.correlationId;
  if (is.timestamp && was.timestamp && is.timestamp !== was.timestamp) return true;
  return endStates.has(stateOf(before)) && !endStates.has(stateOf(now));
}

function startedFrom(target: DeploymentTarget, deployment: DeploymentJson | undefined, headers: HttpHeaders | undefined, attached: boolean, redact: Redact): StartedDeployment {
  const operation = headers ? operationHeadersOf(headers) : {};
  return {
    target,
    deploymentId: deployment?.id ?? '',
    provisioningState: deployment ? stateOf(deployment) : 'Accepted',
    ...(operation.azureAsyncOperation ? { statusUrl: operation.azureAsyncOperation } : {}),
    ...(operation.retryAfterMs === undefined ? {} : { retryAfterMs: operation.retryAfterMs }),
    attached,
    redact,
  };
}
