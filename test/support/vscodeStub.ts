// Lets unit tests load command flows in plain Node: `import '../../support/vscodeStub'` first,
// and `import 'vscode'` resolves to this small stand-in. It offers only l10n.t (the flows' sole
// direct use of the vscode API; everything else goes through ports the tests script), so a flow
// that reaches for another vscode API fails its test instead of silently passing.
import Module from 'node:module';

/** The stand-in's exports; vscodeTreeStub.ts adds the tree item API to them for tree tests. */
export const vscodeStub: Record<string, unknown> = {
  l10n: {
    t(message: string | { message: string; args?: unknown[] }, ...args: unknown[]): string {
      const text = typeof message === 'string' ? message : message.message;
      const values = typeof message === 'string' ? args : (message.args ?? []);
      const named = values.length === 1 && typeof values[0] === 'object' && values[0] !== null ? (values[0] as Record<string, unknown>) : undefined;
      return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
        const value = named && !/^\d+$/.test(key) ? named[key] : values[Number(key)];
        return value === undefined ? whole : String(value);
      });
    },
  },
};

type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, unknown> };
const resolve = moduleInternals._resolveFilename;
const stubId = 'vscode-stub-for-tests';
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? stubId : resolve.call(this, request, ...rest);
};
moduleInternals._cache[stubId] = { id: stubId, filename: stubId, loaded: true, exports: vscodeStub } as unknown;
