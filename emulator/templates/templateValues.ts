/**
 * Template values are plain JSON. These helpers give them the names Azure's messages use (JSON.NET
 * token types: String, Integer, Boolean, Object, Array, Null) and the comparisons and conversions
 * the functions share.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** The token type name Azure's messages use for a value. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'Null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (Array.isArray(value)) return 'Array';
  return 'Object';
}

/** Deep equality as JSON.NET's DeepEquals: ordinal strings, same keys, same order of array items. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** The key of `object` matching `name`, exactly or else ignoring case (template property access ignores case). */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** string(): how Azure writes a value as text (booleans as .NET does: True/False; objects as compact JSON). */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A deep copy, so evaluation never hands out the template's own objects. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Array members without repeats (deep equality), first occurrence kept. */
export function distinct(items: unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const item of items) if (!result.some((kept) => deepEqual(kept, item))) result.push(item);
  return result;
}
