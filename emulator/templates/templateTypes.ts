/**
 * The contract between the template language (emulator/templates) and the deployment engine
 * (emulator/deployments). The template side is pure: it reads only the template, the parameters
 * and what the engine hands it here; everything that touches the emulator's state goes through
 * `TemplateHost`.
 */

/** Where a deployment runs: what resourceGroup(), subscription() and deployment() answer. */
export interface DeploymentScope {
  tenantId: string;
  subscriptionId: string;
  subscriptionDisplayName: string;
  resourceGroup: { id: string; name: string; location: string; tags?: Record<string, string> };
  deploymentName: string;
  /** What utcNow() answers (parameter defaults only); the emulator's clock. Defaults to the real time. */
  now?: Date;
}

/** What expressions need from the world at execution time. */
export interface TemplateHost {
  /**
   * reference(): the resource's state now, as a GET of `resourceId` at `apiVersion` answers it.
   * `full` is true for reference(id, apiVersion, 'Full'): the whole resource; else its properties.
   * Throws TemplateError (ResourceNotFound) when the resource does not exist.
   */
  reference(resourceId: string, apiVersion: string | undefined, full: boolean): unknown;
  /**
   * Optional: the resource group a nested deployment with its own `resourceGroup` deploys to, for
   * resourceGroup() in its inner scope. Without it (or when it returns undefined) the nested scope
   * gets the parent's location and no tags.
   */
  resourceGroup?(subscriptionId: string, name: string): DeploymentScope['resourceGroup'] | undefined;
}

/** A parameter value as sent: `{ value }` (a Key Vault `{ reference }` is refused by planDeployment: KeyVaultParameterReferenceNotFound). */
export type ParameterValues = Record<string, { value?: unknown; reference?: unknown }>;

/** A parameter after validation: its declared type and its value (default applied). */
export interface ResolvedParameter {
  /** As declared, lower-cased: string, securestring, int, bool, object, secureobject, array. */
  type: string;
  /** As Azure shows it in a deployment's parameters: String, SecureString, Int, Bool, Object, SecureObject, Array. */
  azureType: string;
  value: unknown;
}

/** An output after evaluation. `type` as Azure shows it (String, SecureString, Int…). */
export interface EvaluatedOutput {
  type: string;
  value: unknown;
  /** securestring / secureObject: Azure never returns the value; the engine must leave it out. */
  secure: boolean;
}

/**
 * One resource instance of the plan: copy loops expanded, names, types and conditions evaluated.
 * Its body (properties, location, sku…) is evaluated only when the engine deploys it, because
 * reference() may read resources deployed before it.
 */
export interface PlannedResource {
  /** Unique in the plan, e.g. `resources[3]` or `resources[7][2]` (copy index 2). */
  key: string;
  /** The copy loop's name when it came from one (what dependsOn may name), else undefined. */
  copyName?: string;
  type: string;
  apiVersion: string;
  /** The full name as written in the template after evaluation: `vault/Azure/container/item`. */
  name: string;
  /** The ARM id it gets in this scope (the resource group of the deployment, or its own `resourceGroup`/`subscriptionId` when a nested deployment sets them). */
  id: string;
  /** False when its `condition` evaluated to false: not deployed, and dependsOn on it is satisfied. */
  condition: boolean;
  /** Keys of the planned resources it waits for (explicit dependsOn and implicit reference() ones). */
  dependsOn: string[];
  /**
   * The resource's request body (location, tags, sku, kind, zones, identity, plan, properties…;
   * no name/type/apiVersion/dependsOn/copy/condition/comments), evaluated now. Throws TemplateError.
   */
  body(host: TemplateHost): Record<string, unknown>;
  /**
   * For a nested deployment (type Microsoft.Resources/deployments): the plan of its template, in
   * the scope it deploys to (inner: its own parameters; outer: the parent's), evaluated now.
   */
  nested?(host: TemplateHost): NestedDeployment;
}

export interface NestedDeployment {
  /** The nested deployment's own name (the planned resource's name). */
  name: string;
  /** Resource group it deploys to (the parent's unless the resource says `resourceGroup`). */
  resourceGroup: string;
  subscriptionId: string;
  mode: 'Incremental' | 'Complete';
  plan: DeploymentPlan;
}

export interface DeploymentPlan {
  parameters: Record<string, ResolvedParameter>;
  /** In template order, copies expanded in index order. */
  resources: PlannedResource[];
  /** The template's outputs, evaluated now (after every resource is deployed). Throws TemplateError. */
  outputs(host: TemplateHost): Record<string, EvaluatedOutput>;
}

/**
 * A template or parameter error, as Azure reports it: `code` is InvalidTemplate,
 * InvalidTemplateDeployment, InvalidDeploymentParameterValue…; `target`
 * says where (e.g. `resources[2].properties.hardwareProfile.vmSize`), and the message names the
 * function, parameter or resource at fault the way Azure's does.
 */
export class TemplateError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly details: { code: string; message: string; target?: string }[] = [],
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}
