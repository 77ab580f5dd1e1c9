import { failure } from './armCalls';
import { AzureError } from './azureError';
import type { Redact } from './deploymentSecrets';

/** Azure refused the template before deploying anything (validate, or the PUT's own checks). */
export class DeploymentValidationError extends AzureError {
  constructor(
    code: string,
    message: string,
    /** Each problem, down to its own cause: `target` is the resource or the template path. */
    readonly details: { code: string; message: string; target?: string }[],
    statusCode?: number,
  ) {
    super('invalidInput', code, message, statusCode);
  }
}

/** Any failure as an AzureError whose message holds no secure value and whose cause (the request) is dropped. */
export function withoutSecrets(error: unknown, redact: Redact, signal?: AbortSignal): AzureError {
  const azure = failure(error, signal);
  if (azure instanceof DeploymentValidationError) {
    return new DeploymentValidationError(azure.code, redact(azure.message), azure.details.map((detail) => ({ ...detail, message: redact(detail.message) })), azure.statusCode);
  }
  return new AzureError(azure.reason, azure.code, redact(azure.message), azure.statusCode, azure.retryAfterMs === undefined ? {} : { retryAfterMs: azure.retryAfterMs });
}
