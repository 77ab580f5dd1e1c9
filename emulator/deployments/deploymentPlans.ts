import type { EmulatorContext } from '../context';
import { findResourceGroup, findSubscription, keyOf } from '../state/lookup';
import { planDeployment } from '../templates/deploymentPlan';
import type { DeploymentPlan, DeploymentScope, PlannedResource, TemplateHost } from '../templates/templateTypes';
import type { DeploymentData } from './deploymentState';

/**
 * The plans of the deployments the engine runs. A plan holds functions (each resource's body is
 * evaluated when it is deployed), so it is not stored: it is rebuilt from the template and the
 * parameters, which gives the same plan, and kept here while the emulator runs.
 */
export class DeploymentPlans {
  private readonly plans = new Map<string, DeploymentPlan>();

  constructor(private readonly context: EmulatorContext) {}

  /** What resourceGroup() answers for a group of the emulator, or undefined when there is none. */
  resourceGroupOf(subscriptionId: string, name: string): DeploymentScope['resourceGroup'] | undefined {
    const group = this.context.state.resourceGroups[keyOf(`/subscriptions/${subscriptionId}/resourceGroups/${name}`)];
    if (!group) return undefined;
    return { id: `/subscriptions/${group.subscriptionId}/resourceGroups/${group.name}`, name: group.name, location: group.location, ...(group.tags ? { tags: group.tags } : {}) };
  }

  /** The scope a deployment's expressions see; `now` is what utcNow() answers (the deployment's start, so a rebuilt plan is the same). */
  scopeOf(subscriptionId: string, resourceGroup: string, deploymentName: string, now: number): DeploymentScope {
    const subscription = findSubscription(this.context, subscriptionId);
    const group = findResourceGroup(this.context, subscriptionId, resourceGroup);
    return {
      tenantId: this.context.state.tenant.tenantId,
      subscriptionId: subscription.subscriptionId,
      subscriptionDisplayName: subscription.displayName,
      resourceGroup: {
        id: `/subscriptions/${subscription.subscriptionId}/resourceGroups/${group.name}`,
        name: group.name,
        location: group.location,
        ...(group.tags ? { tags: group.tags } : {}),
      },
      deploymentName,
      now: new Date(now),
    };
  }

  /** Plans a top-level deployment's template; throws TemplateError. */
  planTop(deployment: Pick<DeploymentData, 'subscriptionId' | 'resourceGroup' | 'name' | 'template' | 'parameters' | 'createdAt'>): DeploymentPlan {
    return planDeployment(deployment.template, deployment.parameters, this.scopeOf(deployment.subscriptionId, deployment.resourceGroup, deployment.name, deployment.createdAt));
  }

  remember(deployment: DeploymentData, plan: DeploymentPlan): void {
    this.plans.set(keyOf(deployment.id), plan);
  }

  forget(deployment: DeploymentData): void {
    this.plans.delete(keyOf(deployment.id));
  }

  /** The deployment's plan; a nested one's comes from its parent's resource (rebuilt after a restart). */
  planOf(deployment: DeploymentData, host: (deployment: DeploymentData) => TemplateHost): DeploymentPlan {
    const key = keyOf(deployment.id);
    let plan = this.plans.get(key);
    if (plan) return plan;
    if (deployment.nestedFrom) {
      const parent = this.context.state.deployments[deployment.nestedFrom.parentKey] as DeploymentData | undefined;
      if (!parent) throw new Error(`the parent of nested deployment ${deployment.id} is gone`);
      const resource = this.resourceOf(this.planOf(parent, host), deployment.nestedFrom.resourceKey);
      plan = resource.nested!(host(parent)).plan;
    } else {
      plan = this.planTop(deployment);
    }
    this.plans.set(key, plan);
    return plan;
  }

  resourceOf(plan: DeploymentPlan, key: string): PlannedResource {
    const resource = plan.resources.find((candidate) => candidate.key === key);
    if (!resource) throw new Error(`no planned resource ${key}`);
    return resource;
  }
}
