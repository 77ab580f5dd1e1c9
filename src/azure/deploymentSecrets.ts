import type { DeploymentInput } from './deploymentModel';

/** What stands in for a secret in a log line or a message. */
export const redactedText = '***';

/** Turns any text into one that holds none of the deployment's securestring / secureObject values. */
export type Redact = (text: string) => string;

/** The redaction of an input without secure values, or where none can be known. */
export const noRedaction: Redact = (text) => text;

/** Shorter values are not replaced inside text: a 1–2 character "secret" would garble every message. */
const minimumSecretLength = 3;

/**
 * A redaction of the input's secure parameter values (securestring text, every string and number
 * inside a secureObject) and of a linked template's SAS, for log lines and error messages: Azure
 * never returns these values, but an error from a resource provider or a transport may quote what
 * was sent. Longest values first, so a secret that contains another is replaced whole.
 */
export function secretRedactor(input: Pick<DeploymentInput, 'parameters' | 'secureParameterNames' | 'templateLink'>): Redact {
  const secrets = new Set<string>();
  for (const name of input.secureParameterNames ?? []) {
    const value = parameterValue(input.parameters, name);
    collectSecrets(value, secrets);
    if (value !== undefined && typeof value !== 'string') secrets.add(JSON.stringify(value));
  }
  // A linked template's URI carries a SAS (sv=…&sig=…), a credential that ARM quotes when it cannot read the link.
  const query = input.templateLink?.uri.split('?')[1];
  if (query) secrets.add(query);
  const ordered = [...secrets].filter((secret) => secret.length >= minimumSecretLength).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => ordered.reduce((result, secret) => result.split(secret).join(redactedText), text);
}

/** The parameters as `name=value` for a log line: secure ones as *** whatever their value. */
export function describeParameters(input: Pick<DeploymentInput, 'parameters' | 'secureParameterNames'>): string {
  const secure = new Set((input.secureParameterNames ?? []).map((name) => name.toLowerCase()));
  const redact = secretRedactor(input);
  return Object.entries(input.parameters)
    .map(([name, { value }]) => `${name}=${secure.has(name.toLowerCase()) ? redactedText : redact(JSON.stringify(value) ?? 'undefined')}`)
    .join(', ');
}

/** Parameter names are case-insensitive in ARM templates. */
function parameterValue(parameters: DeploymentInput['parameters'], name: string): unknown {
  const key = Object.keys(parameters).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : parameters[key]?.value;
}

function collectSecrets(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (typeof value === 'number' || typeof value === 'bigint') into.add(String(value));
  else if (Array.isArray(value)) for (const item of value) collectSecrets(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectSecrets(item, into);
}
