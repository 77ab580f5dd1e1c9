import type { EmulatorContext } from '../context';
import type { EmulatorState } from './model';

/**
 * A value worked out from the state and kept until the state changes (the context's revision
 * moves on, or the state is replaced), so requests need not walk every record each time. Kept
 * per context, as a process may run several emulators.
 */
export function derived<T>(build: (state: EmulatorState, context: EmulatorContext) => T): (context: EmulatorContext) => T {
  const cache = new WeakMap<EmulatorContext, { revision: number; state: EmulatorState; value: T }>();
  return (context) => {
    const held = cache.get(context);
    if (held && held.revision === context.revision && held.state === context.state) return held.value;
    const value = build(context.state, context);
    cache.set(context, { revision: context.revision, state: context.state, value });
    return value;
  };
}
