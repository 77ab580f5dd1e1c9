import { l10n } from 'vscode';
import type { PickItem } from '../ui/userPrompts';
import type { FlowServices } from './services';
import { isExpression, isSecureType, type TemplateParameter } from './templateDocument';

/** The values to send; a parameter left to its default is not among them (Azure applies it). */
export interface ParameterAnswers {
  parameters: Record<string, { value: unknown }>;
  /** The template's securestring / secureObject parameters: never logged, never shown. */
  secureParameterNames: string[];
}

/** What one question answered: a value, the template's default, or nothing (cancelled). */
type Answer = { value: unknown } | 'default' | undefined;

/**
 * Asks, one by one, every parameter the parameters file did not give: allowed values and bools
 * as picks, defaults offered (an expression default is left to Azure), numbers, arrays and
 * objects checked as typed, secure values masked and never prefilled. Undefined when cancelled.
 */
export async function askTemplateParameters(services: FlowServices, declared: readonly TemplateParameter[], given: Record<string, { value: unknown }>, title: string): Promise<ParameterAnswers | undefined> {
  const parameters: Record<string, { value: unknown }> = {};
  const givenByName = new Map(Object.entries(given).map(([name, value]) => [name.toLowerCase(), value]));
  const toAsk = declared.filter((parameter) => !givenByName.has(parameter.name.toLowerCase()));
  for (const parameter of declared) {
    const value = givenByName.get(parameter.name.toLowerCase());
    if (value) parameters[parameter.name] = value;
  }
  // A value the file gives for a parameter the template does not declare goes too: Azure says what is wrong with it.
  for (const [name, value] of Object.entries(given)) if (!declared.some((parameter) => parameter.name.toLowerCase() === name.toLowerCase())) parameters[name] = value;

  for (const [index, parameter] of toAsk.entries()) {
    const answer = await askParameter(services, parameter, l10n.t('{0}: {1} ({2} of {3})', title, parameter.name, index + 1, toAsk.length));
    if (answer === undefined) return undefined;
    if (answer !== 'default') parameters[parameter.name] = answer;
  }
  return { parameters, secureParameterNames: declared.filter((parameter) => isSecureType(parameter.type)).map((parameter) => parameter.name) };
}

function askParameter(services: FlowServices, parameter: TemplateParameter, title: string): Promise<Answer> {
  if (parameter.allowedValues?.length) return pickValue(services, parameter, parameter.allowedValues, title);
  if (parameter.type === 'bool') return pickValue(services, parameter, [true, false], title);
  return typeValue(services, parameter, title);
}

async function pickValue(services: FlowServices, parameter: TemplateParameter, values: readonly unknown[], title: string): Promise<Answer> {
  const isDefault = (value: unknown) => parameter.hasDefault && JSON.stringify(value) === JSON.stringify(parameter.defaultValue);
  const items: PickItem<Answer>[] = values.map((value) => ({
    label: typeof value === 'string' ? value : JSON.stringify(value),
    ...(isDefault(value) ? { description: l10n.t('default') } : {}),
    value: isDefault(value) ? 'default' : { value },
  }));
  if (parameter.hasDefault && isExpression(parameter.defaultValue)) {
    items.unshift({ label: l10n.t('Default'), description: l10n.t('{0}, worked out by Azure', parameter.defaultValue), value: 'default' });
  }
  // The default first, so Enter accepts it.
  items.sort((a, b) => Number(b.value === 'default') - Number(a.value === 'default'));
  return services.prompts.pickOne(items, { title, placeholder: parameter.description ?? l10n.t('Select a value for {0}', parameter.name) });
}

async function typeValue(services: FlowServices, parameter: TemplateParameter, title: string): Promise<Answer> {
  const secure = isSecureType(parameter.type);
  const expressionDefault = parameter.hasDefault && isExpression(parameter.defaultValue);
  // Literal defaults are shown to be accepted with Enter; secure ones never (nor expressions, which are Azure's to work out).
  const shown = parameter.hasDefault && !secure && !expressionDefault ? textOf(parameter.defaultValue) : '';
  const emptyMeansDefault = parameter.hasDefault && (secure || expressionDefault);
  const hints = [
    parameter.description,
    expressionDefault ? l10n.t('Leave empty for the default, {0}, which Azure works out when it deploys.', String(parameter.defaultValue)) : undefined,
    secure && parameter.hasDefault ? l10n.t('Leave empty for the template\'s default.') : undefined,
    formatHint(parameter.type),
  ].filter((hint): hint is string => Boolean(hint));
  const text = await services.prompts.input({
    title,
    prompt: hints.join(' '),
    value: shown,
    ...(expressionDefault ? { placeholder: String(parameter.defaultValue) } : {}),
    password: secure,
    validate: (typed) => (typed === '' && emptyMeansDefault ? undefined : valueProblem(parameter, typed)),
  });
  if (text === undefined) return undefined;
  if (text === '' && emptyMeansDefault) return 'default';
  if (parameter.hasDefault && !secure && !expressionDefault && text === shown) return 'default';
  return { value: parse(parameter.type, text) };
}

/** Why the typed text is not a value of the parameter's type and limits; never quotes the text. */
export function valueProblem(parameter: TemplateParameter, text: string): string | undefined {
  switch (parameter.type) {
    case 'int': {
      if (!/^[-+]?\d+$/.test(text.trim())) return l10n.t('{0} is a whole number (int): enter digits only, such as 3.', parameter.name);
      const number = Number(text.trim());
      if (parameter.minValue !== undefined && number < parameter.minValue) return l10n.t('{0} must be at least {1}.', parameter.name, parameter.minValue);
      if (parameter.maxValue !== undefined && number > parameter.maxValue) return l10n.t('{0} must be at most {1}.', parameter.name, parameter.maxValue);
      return undefined;
    }
    case 'array':
    case 'object':
    case 'secureobject': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return parameter.type === 'array' ? l10n.t('{0} is an array: enter JSON such as ["a", "b"].', parameter.name) : l10n.t('{0} is an object: enter JSON such as {"key": "value"}.', parameter.name);
      }
      const isArray = Array.isArray(value);
      if (parameter.type === 'array' && !isArray) return l10n.t('{0} is an array: enter JSON such as ["a", "b"].', parameter.name);
      if (parameter.type !== 'array' && (isArray || value === null || typeof value !== 'object')) return l10n.t('{0} is an object: enter JSON such as {"key": "value"}.', parameter.name);
      return isArray ? lengthProblem(parameter, (value as unknown[]).length, 'items') : undefined;
    }
    default:
      if (text === '' && parameter.minLength === undefined) return l10n.t('Enter a value for {0}.', parameter.name);
      return lengthProblem(parameter, text.length, 'characters');
  }
}

function lengthProblem(parameter: TemplateParameter, length: number, unit: 'characters' | 'items'): string | undefined {
  if (parameter.minLength !== undefined && length < parameter.minLength) {
    return unit === 'items' ? l10n.t('{0} needs at least {1} items.', parameter.name, parameter.minLength) : l10n.t('{0} needs at least {1} characters.', parameter.name, parameter.minLength);
  }
  if (parameter.maxLength !== undefined && length > parameter.maxLength) {
    return unit === 'items' ? l10n.t('{0} takes at most {1} items.', parameter.name, parameter.maxLength) : l10n.t('{0} takes at most {1} characters.', parameter.name, parameter.maxLength);
  }
  return undefined;
}

function formatHint(type: string): string | undefined {
  if (type === 'int') return l10n.t('A whole number.');
  if (type === 'array') return l10n.t('JSON array.');
  if (type === 'object' || type === 'secureobject') return l10n.t('JSON object.');
  return undefined;
}

function parse(type: string, text: string): unknown {
  if (type === 'int') return Number(text.trim());
  if (type === 'array' || type === 'object' || type === 'secureobject') return JSON.parse(text) as unknown;
  return text;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
