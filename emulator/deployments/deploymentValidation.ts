import type { EmulatorContext } from '../context';
import type { ArmRequest, ArmResponse } from '../http/armHttp';
import { ArmError, badRequest } from '../http/armError';
import { findResourceGroup } from '../state/lookup';
import type { ResourceGroupRecord } from '../state/model';
import { TemplateError, type DeploymentPlan, type ParameterValues } from '../templates/templateTypes';
import type { DeploymentPlans } from './deploymentPlans';
import type { InternalArm } from './internalArm';
import { validationJson } from './deploymentJson';
import { deploymentId, newCorrelationId, plannedResources, templateHashOf, type DeploymentData, type NewDeployment } from './deploymentState';
import { linkedContent } from './templateLinks';

type Json = Record<string, unknown>;

/** Deployment names: letters, digits, '-', '.', '_' and parentheses, at most 64 (ARM's DeploymentName* errors). */
const namePattern = /^[-\w.()]+$/;
/** ARM refuses a deployment request over 4 MB (DeploymentJobSizeExceeded). */
const maxRequestBytes = 4 * 1024 * 1024;

export interface CheckedDeployment {
  group: ResourceGroupRecord;
  name: string;
  input: Omit<NewDeployment, 'origin' | 'now'>;
  plan: DeploymentPlan;
}

/** What deployment requests are checked with: the state, the plans, and the providers behind them. */
export interface DeploymentChecks {
  context: EmulatorContext;
  plans: DeploymentPlans;
  internal: InternalArm;
}

/**
 * What ARM checks before it accepts a deployment (PUT) or answers a validation: the resource group,
 * the name, the request's shape, the template and its parameters (planned by the template
 * language), and that a provider serves each resource at its api-version. Throws ArmError.
 */
export function checkDeploymentRequest({ context, plans, internal }: DeploymentChecks, request: ArmRequest): CheckedDeployment {
  const { subscriptionId, resourceGroupName, deploymentName } = request.parameters as Record<string, string>;
  const group = findResourceGroup(context, subscriptionId!, resourceGroupName!);
  const name = deploymentName!;
  if (name.length > 64) throw badRequest('DeploymentNameLengthLimitExceeded', `The provided deployment name '${name}' has a length of '${name.length}' which exceeds the maximum length of '64'. Please see https://aka.ms/arm-deploy for usage details.`);
  if (!namePattern.test(name)) {
    throw badRequest('DeploymentNameInvalidCharacters', `The provided deployment name '${name}' has these invalid characters: '${[...new Set(name.replace(/[-\w.()]/g, ''))].join('')}'. The name can only be a letter, digit, '-', '.', '_', '(' or ')'. Please see https://aka.ms/arm-deploy for usage details.`);
  }
  if (JSON.stringify(request.body ?? {}).length > maxRequestBytes) {
    throw badRequest('DeploymentJobSizeExceeded', `The deployment request is larger than the maximum allowed size of '4' MB. Please reduce the template and parameters size. Please see https://aka.ms/arm-deploy-resources for usage details.`);
  }
  const body = (request.body ?? {}) as { properties?: Json; location?: unknown; tags?: Record<string, string> };
  const properties = body.properties;
  if (!properties || typeof properties !== 'object') throw invalidContent("Required property 'properties' not found in JSON.");
  // Links are downloaded first: a blob of an account the emulator holds, with a valid SAS (templateLinks.ts).
  const linked = linkedContent(context, properties, request.now);
  const mode = properties.mode;
  if (mode !== 'Incremental' && mode !== 'Complete') {
    throw invalidContent(mode === undefined ? "Required property 'mode' not found in JSON." : `Error converting value "${String(mode)}" to type 'DeploymentMode'.`);
  }
  const template = linked.template ?? properties.template;
  if (!template || typeof template !== 'object' || Array.isArray(template)) {
    throw badRequest('InvalidRequestContent', "The request content was invalid and could not be deserialized: the deployment has no 'template' (and no 'templateLink').");
  }
  const parameters = (linked.parameters ?? properties.parameters ?? {}) as ParameterValues;
  if (typeof parameters !== 'object' || Array.isArray(parameters)) throw invalidContent("'parameters' must be an object of parameter values: { \"name\": { \"value\": … } }.");
  const input = {
    subscriptionId: group.subscriptionId,
    resourceGroup: group.name,
    name,
    template: template as Json,
    parameters,
    mode,
    ...(typeof body.location === 'string' ? { location: body.location } : {}),
    ...(body.tags ? { tags: body.tags } : {}),
    ...(linked.templateLink ? { templateLink: linked.templateLink } : {}),
    ...(linked.parametersLink ? { parametersLink: linked.parametersLink } : {}),
  } as const;
  let plan: DeploymentPlan;
  try {
    plan = plans.planTop({ ...input, createdAt: request.now });
  } catch (error) {
    if (error instanceof TemplateError) throw new ArmError(400, error.code, error.message, {}, error.details.length ? error.details : undefined);
    throw error;
  }
  const problems = plan.resources
    .filter((resource) => resource.condition)
    .map((resource) => internal.providerProblem(resource.id, resource.apiVersion))
    .filter((problem): problem is ArmError => problem !== undefined);
  if (problems.length > 0) {
    throw new ArmError(400, 'InvalidTemplateDeployment', `The template deployment '${name}' is not valid according to the validation procedure. The tracking id is '${newCorrelationId()}'. See inner errors for details.`, {}, problems.map((problem) => ({ code: problem.code, message: problem.message })));
  }
  return { group, name, input, plan };
}

/** POST …/validate: 200 with the deployment as it would run, or 400 with what is wrong. */
export function validationAnswer(checks: DeploymentChecks, request: ArmRequest): ArmResponse {
  let checked: CheckedDeployment;
  try {
    checked = checkDeploymentRequest(checks, request);
  } catch (error) {
    // A template or parameter problem is the validation's answer (400 with the error); a missing
    // resource group or subscription is an error of the request itself.
    if (error instanceof ArmError && error.status === 400) return { status: 400, body: error.toBody() };
    throw error;
  }
  const { input, plan } = checked;
  const preview: DeploymentData = {
    ...input,
    id: deploymentId(input.subscriptionId, input.resourceGroup, input.name),
    origin: request.origin,
    templateHash: templateHashOf(input.template),
    correlationId: newCorrelationId(),
    state: 'Succeeded',
    createdAt: request.now,
    updatedAt: request.now,
    resources: plannedResources(plan),
    asyncOperationId: '',
  };
  return { status: 200, body: validationJson(checks.context, preview, plan) };
}

function invalidContent(detail: string): ArmError {
  return badRequest('InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
}
