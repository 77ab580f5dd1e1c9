/**
 * Runs one template deployment in a cancellable progress notification. Shared by "Deploy
 * Template…" and "Create Virtual Machine…":
 *
 *   const result = await runDeployment(services, target, input, { title: l10n.t('Deploying {0}', name) });
 *
 * - Creates the resource group first when `target.createResourceGroup` is set.
 * - Validates with Azure (skip with `validate: false`). Anything that fails before the deployment
 *   starts (resource group, validation, the PUT refused) THROWS an AzureError — validation as
 *   DeploymentValidationError with its details — and nothing was deployed; `refusalText(error)`
 *   says it in words. A cancel before the deployment started throws a cancelled AzureError.
 * - Reports per resource from the deployment's operations:
 *   "4 of 7 resources · Creating vm-web-01 (Microsoft.Compute/virtualMachines)". The count is
 *   `expectedResourceCount` when given, else what Azure's validation listed, else what the
 *   operations show so far.
 * - Cancel cancels the deployment in Azure, waits for it to stop, says so, and RETURNS the
 *   Canceled result (resources created before the cancel stay).
 * - A failure shows an error naming each failed resource with Azure's code and message ("Show
 *   Details" opens the log, which has all of it) and RETURNS the Failed result.
 * - Success RETURNS the Succeeded result, silently: the caller reveals what was created.
 * Secure parameter values (input.secureParameterNames) reach neither the log nor a message.
 * Give each attempt a new `target.deploymentName` (deploymentNameFor): the name is what makes a
 * lost answer safe (see TemplateDeployments).
 */
import { l10n } from 'vscode';
import type { LogOutputChannel } from 'vscode';
import { AzureError } from '../azure/azureError';
import type { BackupReader } from '../azure/backupReader';
import { endStates } from '../azure/deploymentMappers';
import type { DeploymentInput, DeploymentProgress, DeploymentResourceProgress, DeploymentResult, DeploymentTarget } from '../azure/deploymentModel';
import { describeParameters, secretRedactor, type Redact } from '../azure/deploymentSecrets';
import { DeploymentValidationError } from '../azure/deploymentErrors';
import { TemplateDeployments, type StartedDeployment } from '../azure/templateDeployments';
import { failureText, wasCancelled } from './jobOutcome';
import type { FlowServices } from './services';

export interface RunDeploymentOptions {
  /** The notification's title, e.g. "Deploying vm-web-01". */
  title: string;
  /** How many resources the template deploys, when the caller knows (conditions and copy loops worked out). */
  expectedResourceCount?: number;
  /** Ask Azure to validate first (default true). */
  validate?: boolean;
  /** The deployments client; by default one per signed-in connection. */
  deployments?: TemplateDeployments;
}

/** How long cleaning up after a cancel may take: the cancel request, then waiting for Canceled. */
const cancelTimeoutMs = 5 * 60_000;

const clientsByReader = new WeakMap<BackupReader, TemplateDeployments>();

/** The connection's TemplateDeployments, built once per reader (sign-in, settings). */
export function templateDeploymentsFor(services: FlowServices): TemplateDeployments {
  const { reader } = services.azure();
  let deployments = clientsByReader.get(reader);
  if (!deployments) clientsByReader.set(reader, (deployments = new TemplateDeployments(reader)));
  return deployments;
}

export async function runDeployment(services: FlowServices, target: DeploymentTarget, input: DeploymentInput, options: RunDeploymentOptions): Promise<DeploymentResult> {
  const deployments = options.deployments ?? templateDeploymentsFor(services);
  const redact = secretRedactor(input);
  const log = redactedLog(services, redact);
  const where = `${target.resourceGroup} (subscription ${target.subscriptionId})`;
  log.info(`Deployment ${target.deploymentName} to ${where}: parameters ${describeParameters(input)}`);
  let started: StartedDeployment | undefined;
  let result: DeploymentResult;
  try {
    result = await services.prompts.progress(options.title, async (report, signal) => {
      if (target.createResourceGroup) {
        report(l10n.t('Creating the resource group {0}…', target.resourceGroup));
        const group = await deployments.ensureResourceGroup(target, signal);
        if (group.created) log.info(`Created the resource group ${target.resourceGroup} in ${group.location}.`);
      }
      let expectedResourceCount = options.expectedResourceCount;
      if (options.validate !== false) {
        report(l10n.t('Validating with Azure…'));
        const validated = await deployments.validate(target, input, signal);
        log.info(`Azure validated ${target.deploymentName}: ${validated.validatedResourceIds.length} resources.`);
        // A nested deployment's own resources are listed too, but its operations show it as one.
        if (expectedResourceCount === undefined && !hasNestedDeployments(input.template) && validated.validatedResourceIds.length > 0) {
          expectedResourceCount = validated.validatedResourceIds.length;
        }
      }
      report(l10n.t('Starting the deployment…'));
      started = await deployments.start(target, input, signal);
      log.info(`Deployment ${started.deploymentId || target.deploymentName} ${started.attached ? 'found after a lost answer' : 'accepted'}: ${started.provisioningState}.`);
      return deployments.follow(started, (progress) => report(progressText(progress)), { ...(expectedResourceCount === undefined ? {} : { expectedResourceCount }), signal });
    });
  } catch (error) {
    if (!wasCancelled(error)) {
      logFailure(log, target, error);
      throw error;
    }
    const canceled = await cancelInAzure(services, deployments, target, redact, started);
    if (!canceled) throw error;
    result = canceled;
  }
  announce(services, log, target, result);
  return result;
}

/** One line for the notification: "4 of 7 resources · Creating vm-web-01 (Microsoft.Compute/virtualMachines)". */
export function progressText(progress: DeploymentProgress): string {
  const { resources } = progress;
  const total = Math.max(progress.expectedResourceCount ?? 0, resources.length);
  if (total === 0) return l10n.t('Waiting for Azure to start the deployment…');
  const done = resources.filter((resource) => resource.provisioningState === 'Succeeded').length;
  const count = l10n.t('{0} of {1} resources', done, total);
  const running = resources.filter((resource) => !endStates.has(resource.provisioningState));
  const first = running[0];
  if (!first) return count;
  const now = running.length === 1
    ? l10n.t('Creating {0} ({1})', first.resourceName, first.resourceType)
    : l10n.t('Creating {0} ({1}) and {2} more', first.resourceName, first.resourceType, running.length - 1);
  return `${count} · ${now}`;
}

/** Why Azure refused a deployment before it started, in words; for any other failure, the usual text. */
export function refusalText(error: unknown): string {
  if (error instanceof DeploymentValidationError) {
    const problems = error.details.map((detail) => `${detail.target ? `${detail.target}: ` : ''}${detail.message} (${detail.code})`);
    return problems.length > 0
      ? l10n.t('Azure refused the template ({0}): {1}', error.code, problems.join(' '))
      : l10n.t('Azure refused the template ({0}): {1}', error.code, error.message);
  }
  return failureText(error);
}

/** The failed resources as "name (type): Code: message", one per resource. */
export function failedResourcesText(result: DeploymentResult): string {
  const failed = result.resources.filter((resource) => resource.provisioningState === 'Failed');
  if (failed.length > 0) return failed.map((resource) => resourceErrorText(resource)).join(' ');
  const details = result.error?.details ?? [];
  if (details.length > 0) return details.map((detail) => `${detail.target ? `${lastSegment(detail.target)}: ` : ''}${detail.code}: ${detail.message}`).join(' ');
  return result.error ? `${result.error.code}: ${result.error.message}` : '';
}

function resourceErrorText(resource: DeploymentResourceProgress): string {
  const error = resource.error ? `${resource.error.code}: ${resource.error.message}` : l10n.t('failed');
  return `${resource.resourceName} (${resource.resourceType}): ${error}`;
}

/**
 * After the user cancelled: whatever started under the deployment's name is cancelled in Azure
 * and followed until it stops. Undefined when nothing had started (a silent cancel).
 */
async function cancelInAzure(services: FlowServices, deployments: TemplateDeployments, target: DeploymentTarget, redact: Redact, started: StartedDeployment | undefined): Promise<DeploymentResult | undefined> {
  const log = redactedLog(services, redact);
  const signal = AbortSignal.timeout(cancelTimeoutMs);
  // The PUT may have reached Azure even when the cancel came before its answer.
  const state = started ? undefined : await deployments.state(target, signal).catch(() => undefined);
  if (!started && state === undefined) return undefined;
  return services.prompts.progress(l10n.t('Cancelling {0}…', target.deploymentName), async (report) => {
    report(l10n.t('Cancelling the deployment in Azure…'));
    const cancel = await deployments.cancel(target, signal);
    log.info(`Cancel of ${target.deploymentName}: ${cancel.cancelled ? 'sent' : `not needed, it is ${cancel.provisioningState}`}.`);
    if (cancel.provisioningState === 'Succeeded') void services.prompts.info(l10n.t('The deployment {0} had already finished when it was cancelled.', target.deploymentName));
    // Cancelled: follow it until Canceled; already ended: follow answers its result at once.
    const following: StartedDeployment = started ?? { target, deploymentId: '', provisioningState: 'Running', attached: true, redact };
    return deployments.follow({ ...following, provisioningState: cancel.cancelled ? 'Running' : cancel.provisioningState }, (progress) => report(progressText(progress)), { signal });
  });
}

/** Says how the deployment ended, unless it succeeded (the caller shows what was created). */
function announce(services: FlowServices, log: DeploymentLog, target: DeploymentTarget, result: DeploymentResult): void {
  for (const resource of result.resources) {
    log.info(`  ${resource.provisioningState} ${resource.resourceType} ${resource.resourceId ?? resource.resourceName}${resource.error ? ` — ${resource.error.code}: ${resource.error.message}` : ''}`);
  }
  if (result.provisioningState === 'Succeeded') {
    log.info(`Deployment ${target.deploymentName} succeeded: ${result.resources.length} resources.`);
    return;
  }
  if (result.provisioningState === 'Canceled') {
    log.warn(`Deployment ${target.deploymentName} was canceled.`);
    const created = result.resources.filter((resource) => resource.provisioningState === 'Succeeded').map((resource) => resource.resourceName);
    void services.prompts.info(
      created.length > 0
        ? l10n.t('Cancelled the deployment {0} in Azure. What it created before the cancel stays in {1}: {2}.', target.deploymentName, target.resourceGroup, created.join(', '))
        : l10n.t('Cancelled the deployment {0} in Azure before it created anything.', target.deploymentName),
    );
    return;
  }
  const error = result.error;
  log.error(`Deployment ${target.deploymentName} failed: ${error?.code ?? 'DeploymentFailed'}: ${error?.message ?? ''}`);
  for (const detail of error?.details ?? []) log.error(`  ${detail.target ?? ''} ${detail.code}: ${detail.message}`);
  const showDetails = l10n.t('Show Details');
  // Not awaited: the caller gets the result now (a form keeps its draft) while the message stays up.
  void services.prompts.error(l10n.t('The deployment {0} failed. {1}', target.deploymentName, failedResourcesText(result)), showDetails).then((answer) => {
    if (answer === showDetails) showLog(services);
  });
}

function logFailure(log: DeploymentLog, target: DeploymentTarget, error: unknown): void {
  if (error instanceof AzureError) {
    log.error(`Deployment ${target.deploymentName} did not start: ${error.code} (${error.statusCode ?? '-'}) ${error.message}`);
    if (error instanceof DeploymentValidationError) for (const detail of error.details) log.error(`  ${detail.target ?? ''} ${detail.code}: ${detail.message}`);
  } else {
    log.error(`Deployment ${target.deploymentName} did not start: ${(error as Error)?.message ?? String(error)}`);
  }
}

type DeploymentLog = Pick<FlowServices['log'], 'info' | 'warn' | 'error'>;

/** Every line this flow logs passes through the redaction of the input's secure values. */
function redactedLog(services: FlowServices, redact: Redact): DeploymentLog {
  return {
    info: (message: string) => services.log.info(redact(message)),
    warn: (message: string) => services.log.warn(redact(message)),
    error: (message: string) => services.log.error(redact(message)),
  };
}

/** The extension's log is an output channel that can show itself; the flows' log port may not be. */
function showLog(services: FlowServices): void {
  (services.log as Partial<Pick<LogOutputChannel, 'show'>>).show?.();
}

function hasNestedDeployments(template: Record<string, unknown>): boolean {
  const resources = template['resources'];
  const list = Array.isArray(resources) ? resources : resources && typeof resources === 'object' ? Object.values(resources) : [];
  return list.some((resource) => String((resource as { type?: unknown })?.type ?? '').toLowerCase() === 'microsoft.resources/deployments');
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).at(-1) ?? id;
}
