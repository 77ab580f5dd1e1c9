/**
 * The template language's one entry point for the deployment engine.
 *
 * planDeployment(template, parameters, scope) validates the template and its parameters as
 * Azure's validation does, and returns the plan: every resource instance (copies expanded, child
 * resources flattened) with its id, condition and the keys it waits for; bodies, nested templates
 * and outputs are evaluated only when the engine asks, with a TemplateHost that answers
 * reference() from the emulator's state. Every failure is a TemplateError with Azure's code.
 */
import { planTemplate } from './templatePlanner';
import type { DeploymentPlan, DeploymentScope, ParameterValues } from './templateTypes';

/**
 * Plans a resource-group deployment of `template` with `parameters` (`{ name: { value } }`) in
 * `scope`. Throws TemplateError (InvalidTemplate, InvalidRequestContent, RequestContentTooLarge,
 * InvalidDeploymentParameterValue, KeyVaultParameterReferenceNotFound, InvalidContentLink).
 */
export function planDeployment(template: unknown, parameters: ParameterValues, scope: DeploymentScope): DeploymentPlan {
  return planTemplate({
    template,
    target: { subscriptionId: scope.subscriptionId, resourceGroup: scope.resourceGroup.name },
    pathPrefix: '',
    own: { parameters: parameters ?? {}, scope },
  });
}

