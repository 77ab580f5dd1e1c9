// Building blocks for the type guards of each webview's protocol: a message from the other side
// is untrusted input, so a guard checks every field it reads and rejects anything else.

export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isFiniteNumber: Guard<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);

/** A string of at most `max` characters (names, ids, messages: nothing unbounded crosses). */
export function isText(max = 2_000): Guard<string> {
  return (value): value is string => typeof value === 'string' && value.length <= max;
}

export function isOneOf<T extends string>(values: readonly T[]): Guard<T> {
  return (value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function isArrayOf<T>(item: Guard<T>, max = 10_000): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length <= max && value.every(item);
}

export function isOptional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

/**
 * An object whose fields pass their guards and that has no other fields: `{type: 'ready', extra: 1}`
 * is not a `ready` message. Optional fields use isOptional.
 */
export function isShape<T>(fields: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields);
  return (value): value is T => {
    if (!isRecord(value)) return false;
    if (Object.keys(value).some((key) => !keys.includes(key))) return false;
    return keys.every((key) => (fields as Record<string, Guard<unknown>>)[key]!(value[key]));
  };
}

/**
 * A guard for a union of messages told apart by `type`: picks the guard of the message's type,
 * so an unknown type and a known type with wrong fields are both rejected.
 */
export function isMessageOf<T extends { type: string }>(guards: { [K in T['type']]: Guard<Extract<T, { type: K }>> }): Guard<T> {
  return (value): value is T => {
    if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(guards, value.type)) return false;
    return (guards as Record<string, Guard<unknown>>)[value.type]!(value);
  };
}

/** A literal value, e.g. the `type` of a message, for isShape. */
export function isLiteral<const T extends string | boolean>(literal: T): Guard<T> {
  return (value): value is T => value === literal;
}
