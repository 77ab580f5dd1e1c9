// Reading an Azure Resource Manager template file and its parameters file: JSON with the comments
// ARM accepts, what kind of file it is, and the parameters it declares. Pure: no vscode but l10n.
import { l10n } from 'vscode';

/** A parameter as the template declares it; `type` lower-cased (string, securestring, int, bool, array, object, secureobject). */
export interface TemplateParameter {
  name: string;
  type: string;
  /** Present when the template declares a defaultValue (which may be an expression such as `[resourceGroup().location]`). */
  defaultValue?: unknown;
  hasDefault: boolean;
  allowedValues?: unknown[];
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
}

export type TemplateRead = { template: Record<string, unknown> } | { problem: string };

/** Parameter values from a parameters file, and the names it could not give (Key Vault references). */
export interface ParametersFileValues {
  values: Record<string, { value: unknown }>;
  references: string[];
}

/**
 * Parses JSON that may hold `//` and `/* *\/` comments, which Azure accepts in templates and
 * parameters files (docs: "Understand the structure and syntax of ARM templates", Comments).
 * Throws a SyntaxError that says where.
 */
export function parseJsonWithComments(text: string): unknown {
  return JSON.parse(stripComments(text.replace(/^\uFEFF/, '')));
}

function stripComments(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === '"') {
      const end = stringEnd(text, index);
      out += text.slice(index, end);
      index = end - 1;
    } else if (char === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const comment = text.slice(index, end < 0 ? text.length : end + 2);
      // Keep the line breaks, so JSON.parse's positions still point at the right line.
      out += comment.replace(/[^\n]/g, ' ');
      index = (end < 0 ? text.length : end + 2) - 1;
    } else {
      out += char;
    }
  }
  return out;
}

/** The index just past the string that starts at `start` (a `"`), escapes included. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index + 1;
  }
  return text.length;
}

/** The template in the file, or why it is not one this command deploys (to a resource group). */
export function readTemplate(text: string, fileName: string): TemplateRead {
  let json: unknown;
  try {
    json = parseJsonWithComments(text);
  } catch (error) {
    return { problem: l10n.t('{0} is not valid JSON: {1}', fileName, (error as Error).message) };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { problem: notATemplate(fileName) };
  const template = json as Record<string, unknown>;
  const schema = typeof template['$schema'] === 'string' ? template['$schema'] : '';
  if (/deploymentParameters\.json/i.test(schema)) {
    return { problem: l10n.t('{0} is a parameters file. Run Deploy Template on the template it belongs to: its values are offered from there.', fileName) };
  }
  const scope = /\/(subscription|managementGroup|tenant)DeploymentTemplate\.json/i.exec(schema)?.[1];
  if (scope) return { problem: l10n.t('{0} deploys at {1} scope; Deploy Template deploys to a resource group (a template whose $schema is deploymentTemplate.json).', fileName, scope) };
  const resources = template['resources'];
  const hasResources = Array.isArray(resources) || (resources !== null && typeof resources === 'object');
  if (!/\/deploymentTemplate\.json/i.test(schema) || !hasResources) return { problem: notATemplate(fileName) };
  return { template };
}

function notATemplate(fileName: string): string {
  return l10n.t('{0} is not an Azure Resource Manager deployment template: a template has a $schema ending in deploymentTemplate.json and a resources section.', fileName);
}

/** The parameters the template declares, in its order. */
export function templateParameters(template: Record<string, unknown>): TemplateParameter[] {
  const declared = (template['parameters'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return Object.entries(declared).map(([name, declaration]) => {
    const definition = declaration ?? {};
    const number = (key: string) => (typeof definition[key] === 'number' ? { [key]: definition[key] as number } : {});
    const description = (definition['metadata'] as { description?: unknown } | undefined)?.description;
    return {
      name,
      type: String(definition['type'] ?? 'string').toLowerCase(),
      hasDefault: 'defaultValue' in definition,
      ...('defaultValue' in definition ? { defaultValue: definition['defaultValue'] } : {}),
      ...(Array.isArray(definition['allowedValues']) ? { allowedValues: definition['allowedValues'] as unknown[] } : {}),
      ...number('minValue'),
      ...number('maxValue'),
      ...number('minLength'),
      ...number('maxLength'),
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

export function isSecureType(type: string): boolean {
  return type === 'securestring' || type === 'secureobject';
}

/**
 * A string that ARM evaluates as an expression: `[...]`, but not `[[...` (an escaped literal
 * bracket). Such a default is left to Azure, which works it out in the deployment's scope.
 */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

/** The values of a parameters file (`{ parameters: { name: { value } } }`); Key Vault references are named apart. */
export function parametersFileValues(text: string, fileName: string): ParametersFileValues | { problem: string } {
  let json: unknown;
  try {
    json = parseJsonWithComments(text);
  } catch (error) {
    return { problem: l10n.t('{0} is not valid JSON: {1}', fileName, (error as Error).message) };
  }
  const parameters = (json as { parameters?: unknown } | undefined)?.parameters;
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
    return { problem: l10n.t('{0} is not a parameters file: it has no parameters section.', fileName) };
  }
  const values: Record<string, { value: unknown }> = {};
  const references: string[] = [];
  for (const [name, entry] of Object.entries(parameters as Record<string, { value?: unknown; reference?: unknown } | undefined>)) {
    if (entry && 'value' in entry) values[name] = { value: entry.value };
    else if (entry && 'reference' in entry) references.push(name);
  }
  return { values, references };
}

/**
 * The parameters files that belong to a template file, by Azure's naming: `<name>.parameters.json`
 * (azuredeploy.json → azuredeploy.parameters.json) and per environment `<name>.parameters.<env>.json`.
 */
export function isParametersFileFor(templateFileName: string, candidate: string): boolean {
  const base = templateFileName.replace(/\.jsonc?$/i, '');
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}\\.parameters(\\.[^.]+)?\\.jsonc?$`, 'i').test(candidate);
}
