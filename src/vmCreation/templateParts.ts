// Building blocks of the generated ARM template: the api-versions it deploys at, the template
// functions it may use (the ones the emulator implements), and a parameter list that keeps each
// definition beside the value chosen for it.

export type Json = Record<string, unknown>;

export const deploymentTemplateSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const deploymentParametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** The api-version of each resource type the template deploys (all published; the emulator answers them). */
export const templateApiVersions = {
  network: '2024-05-01',
  virtualMachines: '2024-07-01',
  vaults: '2024-04-01',
  backup: '2023-06-01',
  deployments: '2025-03-01',
} as const;

/** The only template functions a generated template may call. */
export const allowedTemplateFunctions: readonly string[] = [
  'concat', 'format', 'resourceId', 'subscriptionResourceId', 'resourceGroup', 'subscription', 'reference', 'uniqueString', 'guid',
  'toLower', 'toUpper', 'string', 'int', 'bool', 'if', 'equals', 'not', 'and', 'or', 'empty', 'length', 'contains', 'union',
  'createObject', 'createArray', 'split', 'replace', 'substring', 'first', 'last', 'copyIndex', 'parameters', 'variables',
];

export const types = {
  nsg: 'Microsoft.Network/networkSecurityGroups',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  publicIp: 'Microsoft.Network/publicIPAddresses',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
  vault: 'Microsoft.RecoveryServices/vaults',
  policy: 'Microsoft.RecoveryServices/vaults/backupPolicies',
  protectedItem: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
  deployment: 'Microsoft.Resources/deployments',
} as const;

/** `parameters('name')` inside an expression. */
export function param(name: string): string {
  return `parameters('${name}')`;
}

/** `variables('name')` inside an expression. */
export function variable(name: string): string {
  return `variables('${name}')`;
}

/** A string literal inside an expression: single quotes doubled. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A whole-value expression. */
export function expr(body: string): string {
  return `[${body}]`;
}

export interface ParameterDefinition {
  type: 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'array';
  description: string;
  allowedValues?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
}

/** The template's parameters in the order added, each with the value the request chose. */
export class TemplateParameters {
  private readonly definitions: Record<string, Json> = {};
  private readonly values: Record<string, { value: unknown }> = {};

  add(name: string, definition: ParameterDefinition, value: unknown): string {
    const { description, ...rest } = definition;
    this.definitions[name] = { ...rest, metadata: { description } };
    this.values[name] = { value };
    return expr(param(name));
  }

  get secureNames(): string[] {
    return Object.keys(this.definitions).filter((name) => String(this.definitions[name].type).startsWith('secure'));
  }

  templateSection(): Json {
    return this.definitions;
  }

  valueSection(): Record<string, { value: unknown }> {
    return this.values;
  }
}
