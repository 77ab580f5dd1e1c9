// Template deployments as the extension sees them (Microsoft.Resources/deployments, api-version
// 2025-03-01 through @azure/arm-resources 6.1.x). Plain types: no SDK shapes, no vscode.

/** Where a deployment goes: a resource group (created first when `createResourceGroup` is set). */
export interface DeploymentTarget {
  subscriptionId: string;
  resourceGroup: string;
  /** Region for a new resource group; required with createResourceGroup. */
  location?: string;
  createResourceGroup?: boolean;
  /** The deployment's name (unique in the resource group; a new one per attempt is fine). */
  deploymentName: string;
}

/** What is deployed: an ARM template and its parameter values (`{ name: { value } }`). */
export interface DeploymentInput {
  /** The template; with `templateLink` it is not sent (give it when read, or `{}`). */
  template: Record<string, unknown>;
  /**
   * A template ARM fetches itself, e.g. the one a restore of disks wrote to a storage account, with
   * a read-only SAS in its URI: sent instead of `template`.
   */
  templateLink?: { uri: string };
  parameters: Record<string, { value: unknown }>;
  /** Names of securestring / secureObject parameters: never logged, never shown. */
  secureParameterNames?: readonly string[];
}

/** One resource of a running deployment, from the deployment's operations list. */
export interface DeploymentResourceProgress {
  /** e.g. Microsoft.Compute/virtualMachines */
  resourceType: string;
  resourceName: string;
  resourceId?: string;
  /** Accepted, Running, Succeeded, Failed, Canceled… as Azure says it. */
  provisioningState: string;
  /** Azure's error for this resource when it failed. */
  error?: { code: string; message: string };
}

export interface DeploymentProgress {
  /** Accepted, Running, Succeeded, Failed, Canceled… */
  provisioningState: string;
  /** Resources the deployment has reached so far (Azure lists them as it starts each one). */
  resources: DeploymentResourceProgress[];
  /** How many resources the template deploys (conditions and copy loops worked out), when known. */
  expectedResourceCount?: number;
}

/** A deployment that ended. */
export interface DeploymentResult {
  provisioningState: 'Succeeded' | 'Failed' | 'Canceled';
  deploymentId: string;
  resources: DeploymentResourceProgress[];
  outputs: Record<string, { type: string; value: unknown }>;
  /** Ids of what the deployment created or updated (Azure's outputResources). */
  outputResourceIds: string[];
  /** When Failed: the top error (DeploymentFailed…) and each failed resource's own error. */
  error?: { code: string; message: string; details: { code: string; message: string; target?: string }[] };
}
