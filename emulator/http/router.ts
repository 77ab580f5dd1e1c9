import type { ArmRequest, ArmResponse } from './armHttp';

export type Handler = (request: ArmRequest) => ArmResponse | Promise<ArmResponse>;

export interface RouteDefinition {
  method: string;
  /** ARM path template, e.g. /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}. */
  template: string;
  /** api-versions this route answers; the first is the one the emulator documents. */
  apiVersions: readonly string[];
  handler: Handler;
}

interface CompiledRoute extends RouteDefinition {
  segments: { literal?: string; parameter?: string }[];
}

export interface RouteMatch {
  route: RouteDefinition;
  parameters: Record<string, string>;
}

/**
 * Matches request paths to ARM path templates. Literal segments compare case-insensitively, as
 * ARM does; parameter segments are percent-decoded, so `;` may arrive raw or as %3B.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...definitions: RouteDefinition[]): void {
    for (const definition of definitions) {
      const segments = splitPath(definition.template).map((segment) => {
        const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
        return parameter ? { parameter } : { literal: segment.toLowerCase() };
      });
      this.routes.push({ ...definition, segments });
    }
  }

  /** Finds the route for a path; `methodAllowed` is false when the path exists with other methods. */
  match(method: string, rawPath: string): { match?: RouteMatch; pathKnown: boolean } {
    const segments = splitPath(rawPath);
    let pathKnown = false;
    for (const route of this.routes) {
      const parameters = matchSegments(route.segments, segments);
      if (!parameters) continue;
      pathKnown = true;
      if (route.method === method) return { match: { route, parameters }, pathKnown };
    }
    return { pathKnown };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: CompiledRoute['segments'], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.literal !== undefined) {
      if (safeDecode(actual).toLowerCase() !== expected.literal) return undefined;
    } else {
      parameters[expected.parameter!] = safeDecode(actual);
    }
  }
  return parameters;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
