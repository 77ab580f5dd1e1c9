import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { derived } from '../state/derived';
import { keyOf } from '../state/lookup';
import type { DeploymentPlan } from '../templates/templateTypes';
import { TemplateError } from '../templates/templateTypes';
import type { InternalArm } from './internalArm';
import type { DeploymentPlans } from './deploymentPlans';
import { ResourceDeployer } from './resourceDeployer';
import { resourcesNotInTemplate } from './completeMode';
import {
  deploymentId,
  isFinished,
  newAsyncOperationId,
  newCorrelationId,
  plannedResources,
  errorOf,
  templateHashOf,
  type DeploymentData,
  type DeploymentErrorJson,
  type DeploymentResourceRecord,
  type NewDeployment,
} from './deploymentState';

/** Azure takes a moment before it starts the first resource, and polls each resource's provider. */
const startDelayAzureMs = 3_000;
const pollEveryAzureMs = 5_000;


/** Deployments that have not ended, found again only when the state changes. */
const activeKeys = derived((state) => Object.entries(state.deployments).filter(([, record]) => !isFinished((record as DeploymentData).state)).map(([key]) => key));

/**
 * Runs template deployments: each resource goes, once what it depends on has succeeded, through
 * the same route handlers as a client's request, and the deployment waits for the resource's own
 * asynchronous completion (Azure-AsyncOperation, Location, or its provisioningState) before the
 * resources that depend on it start. A failed resource stops its dependants; the others go on;
 * the deployment then fails naming each failed resource. Time moves in steps, like the rest of
 * the emulator: `advance` brings every deployment up to `now`.
 */
export class DeploymentEngine {
  private readonly deployer: ResourceDeployer;

  constructor(
    private readonly context: EmulatorContext,
    private readonly plans: DeploymentPlans,
    internal: InternalArm,
    /** Brings the rest of the emulator up to a moment (jobs, operations) before a step runs at it. */
    private readonly advanceWorld: (now: number) => void,
  ) {
    this.deployer = new ResourceDeployer(context, plans, internal, (record) => this.get(record));
  }

  /** Records a deployment whose template has been planned (and so validated) already. */
  create(input: NewDeployment, plan: DeploymentPlan): DeploymentData {
    const id = deploymentId(input.subscriptionId, input.resourceGroup, input.name);
    const deployment: DeploymentData = {
      subscriptionId: input.subscriptionId,
      resourceGroup: input.resourceGroup,
      name: input.name,
      id,
      origin: input.origin,
      template: input.template,
      parameters: input.parameters,
      mode: input.mode,
      ...(input.location ? { location: input.location } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
      ...(input.templateLink ? { templateLink: input.templateLink } : {}),
      ...(input.parametersLink ? { parametersLink: input.parametersLink } : {}),
      templateHash: templateHashOf(input.template),
      correlationId: newCorrelationId(),
      state: 'Accepted',
      createdAt: input.now,
      updatedAt: input.now,
      nextStepAt: input.now + this.context.scaled(startDelayAzureMs),
      resources: plannedResources(plan),
      asyncOperationId: newAsyncOperationId(),
      ...(input.parentKey ? { parentKey: input.parentKey } : {}),
      ...(input.nestedFrom ? { nestedFrom: input.nestedFrom } : {}),
    };
    this.context.state.deployments[keyOf(id)] = deployment;
    this.plans.remember(deployment, plan);
    this.context.changed();
    return deployment;
  }

  get(key: string): DeploymentData | undefined {
    return this.context.state.deployments[key] as DeploymentData | undefined;
  }

  /** The earliest moment a deployment has something to do. */
  nextDeadline(): number {
    let deadline = Number.POSITIVE_INFINITY;
    for (const key of activeKeys(this.context)) deadline = Math.min(deadline, this.get(key)?.nextStepAt ?? deadline);
    return deadline;
  }

  advance(now: number): void {
    // Steps run in time order across deployments: a nested deployment and its parent interleave.
    for (;;) {
      let next: DeploymentData | undefined;
      for (const key of activeKeys(this.context)) {
        const deployment = this.get(key);
        if (deployment?.nextStepAt !== undefined && deployment.nextStepAt <= now && (!next || deployment.nextStepAt < next.nextStepAt!)) next = deployment;
      }
      if (!next) return;
      const at = next.nextStepAt!;
      this.advanceWorld(at);
      this.step(next, at);
    }
  }

  /** Cancels a deployment that has not ended, and the nested deployments it started. */
  cancel(deployment: DeploymentData, now: number): void {
    if (isFinished(deployment.state)) return;
    for (const resource of deployment.resources) {
      if (resource.state !== 'Running') continue;
      resource.state = 'Canceled';
      resource.endTime = now;
      if (resource.watch?.kind === 'nestedDeployment') {
        const child = this.get(resource.watch.deploymentKey);
        if (child) this.cancel(child, now);
      }
    }
    this.end(deployment, 'Canceled', now);
  }

  private step(deployment: DeploymentData, at: number): void {
    if (deployment.state === 'Accepted') {
      deployment.state = 'Running';
      deployment.startTime = at;
      deployment.updatedAt = at;
    }
    let plan: DeploymentPlan;
    try {
      plan = this.plans.planOf(deployment, (owner) => this.deployer.hostAt(owner, at));
    } catch (error) {
      this.failWhole(deployment, errorOf(error), at);
      return;
    }
    for (const resource of deployment.resources) {
      if (resource.state === 'Running') this.deployer.check(resource, at);
    }
    for (let started = true; started; ) {
      started = false;
      for (const resource of deployment.resources) {
        if (resource.state !== 'Waiting' || !this.ready(deployment, resource)) continue;
        started = true;
        if (!resource.condition) {
          resource.state = 'Skipped';
          continue;
        }
        resource.trackingId = randomUUID();
        this.deployer.start(deployment, plan, resource, at, (child) => this.createNested(child, at));
      }
    }
    this.context.changed();
    if (deployment.resources.some((resource) => resource.state === 'Running')) {
      deployment.nextStepAt = at + Math.max(1, this.context.scaled(pollEveryAzureMs));
      return;
    }
    const failed = deployment.resources.filter((resource) => resource.state === 'Failed');
    if (failed.length > 0) {
      this.failWhole(deployment, undefined, at);
      return;
    }
    if (deployment.mode === 'Complete' && !deployment.cleanedUp) {
      deployment.cleanedUp = true;
      this.deployer.cleanUp(deployment, resourcesNotInTemplate(this.context, deployment), at);
      const refused = deployment.resources.filter((resource) => resource.operation === 'Delete' && resource.state === 'Failed');
      if (refused.length > 0) {
        this.failWhole(deployment, {
          code: 'DeploymentFailedCleanUp',
          target: deployment.id,
          message: `The deployment in complete mode could not delete ${refused.length} resource(s) of resource group '${deployment.resourceGroup}' that the template does not declare. Please see https://aka.ms/arm-deployment-modes for usage details.`,
          details: refused.map((resource) => ({ ...resource.error!, target: resource.id })),
        }, at);
        return;
      }
    }
    try {
      deployment.outputs = plan.outputs(this.deployer.hostAt(deployment, at));
    } catch (error) {
      // The template language reports DeploymentOutputEvaluationFailed with a detail per output.
      this.failWhole(deployment, errorOf(error), at);
      return;
    }
    this.end(deployment, 'Succeeded', at);
  }

  private ready(deployment: DeploymentData, resource: DeploymentResourceRecord): boolean {
    return resource.dependsOn.every((key) => {
      const dependency = deployment.resources.find((candidate) => candidate.key === key);
      return dependency === undefined || dependency.state === 'Succeeded' || dependency.state === 'Skipped';
    });
  }

  private createNested(child: Omit<NewDeployment, 'now'> & { plan: DeploymentPlan }, at: number): DeploymentData {
    const { plan, ...input } = child;
    const existing = this.get(keyOf(deploymentId(input.subscriptionId, input.resourceGroup, input.name)));
    if (existing && !isFinished(existing.state)) throw new TemplateError('DeploymentActive', activeMessage(input.name, existing.createdAt));
    const deployment = this.create({ ...input, now: at }, plan);
    // A nested deployment starts at once: its parent has waited already.
    deployment.nextStepAt = at;
    return deployment;
  }

  /** The deployment failed: with `error` when the deployment itself could not go on, else for its failed resources. */
  private failWhole(deployment: DeploymentData, error: DeploymentErrorJson | undefined, at: number): void {
    const failed = deployment.resources.filter((resource) => resource.state === 'Failed');
    deployment.error = error ?? {
      code: 'DeploymentFailed',
      target: deployment.id,
      message: 'At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.',
      details: failed.map((resource) => ({ ...resource.error!, target: resource.id })),
    };
    this.end(deployment, 'Failed', at);
  }

  private end(deployment: DeploymentData, state: 'Succeeded' | 'Failed' | 'Canceled', at: number): void {
    deployment.state = state;
    deployment.endTime = at;
    deployment.updatedAt = at;
    delete deployment.nextStepAt;
    this.context.changed();
  }
}

export function activeMessage(name: string, since: number): string {
  return `Unable to edit or replace deployment '${name}': previous deployment from '${new Date(since).toISOString()}' is still active (expiration time is '${new Date(since + 14 * 24 * 3600_000).toISOString()}'). Please see https://aka.ms/arm-deploy for usage details.`;
}
