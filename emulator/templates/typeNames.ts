/**
 * The declared types of parameters and outputs (string, securestring, int, bool, object,
 * secureobject, array — case-insensitive in templates) and how Azure writes them back in a
 * deployment's parameters and outputs (String, SecureString, Int, Bool, Object, SecureObject, Array).
 */
import { isInteger, isObject } from './templateValues';

export const templateTypes = new Map<string, string>([
  ['string', 'String'],
  ['securestring', 'SecureString'],
  ['int', 'Int'],
  ['bool', 'Bool'],
  ['object', 'Object'],
  ['secureobject', 'SecureObject'],
  ['array', 'Array'],
]);

/** `securestring` → `SecureString`; the name Azure shows in a deployment's parameters and outputs. */
export function azureTypeName(declaredType: string): string {
  return templateTypes.get(declaredType.toLowerCase()) ?? declaredType;
}

export function isSecureType(declaredType: string): boolean {
  const lower = declaredType.toLowerCase();
  return lower === 'securestring' || lower === 'secureobject';
}

/** Whether a value fits a declared type (no conversions: '1' is not an int). */
export function matchesDeclaredType(declaredType: string, value: unknown): boolean {
  switch (declaredType.toLowerCase()) {
    case 'string':
    case 'securestring':
      return typeof value === 'string';
    case 'int':
      return isInteger(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'object':
    case 'secureobject':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    default:
      return false;
  }
}
