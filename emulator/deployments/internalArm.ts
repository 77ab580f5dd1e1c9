import type { Router } from '../http/router';
import type { ArmResponse } from '../http/armHttp';
import { ArmError } from '../http/armError';

export interface InternalRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** A path with its query (api-version included), or an absolute URL the emulator made. */
  url: string;
  body?: unknown;
  /** The emulator time the request is made at. */
  now: number;
}

/**
 * What Resource Manager does on a deployment's behalf: the requests go to the same route handlers
 * as a client's (a protected item a template deploys starts the same ConfigureBackup job), but
 * without the HTTP hop, throttling or faults. Errors come back as ARM's error answers.
 */
export class InternalArm {
  constructor(
    private readonly router: Router,
    private readonly origin: () => string,
  ) {}

  /** Why a PUT of this resource at this api-version would find no provider, or undefined when one answers it. */
  providerProblem(resourceId: string, apiVersion: string): ArmError | undefined {
    const url = new URL(`${resourceId}?api-version=${encodeURIComponent(apiVersion)}`, this.origin());
    const { match } = this.router.match('PUT', url.pathname);
    if (!match) return noProvider(url.pathname, apiVersion);
    if (!match.route.apiVersions.includes(apiVersion)) return unsupportedVersion(url.pathname, apiVersion, match.route.apiVersions);
    return undefined;
  }

  /** The api-version the provider of this path documents first (what ARM uses for its own requests, such as complete mode's deletes). */
  apiVersionFor(method: InternalRequest['method'], path: string): string | undefined {
    return this.router.match(method, new URL(path, this.origin()).pathname).match?.route.apiVersions[0];
  }

  send(request: InternalRequest): ArmResponse {
    const url = new URL(request.url, this.origin());
    const apiVersion = queryParameter(url, 'api-version');
    const { match } = this.router.match(request.method, url.pathname);
    try {
      if (!match) throw noProvider(url.pathname, apiVersion);
      if (!apiVersion || !match.route.apiVersions.includes(apiVersion)) throw unsupportedVersion(url.pathname, apiVersion ?? '', match.route.apiVersions);
      const answer = match.route.handler({
        method: request.method,
        url,
        origin: url.origin,
        parameters: match.parameters,
        headers: { authorization: 'Bearer arm-internal' },
        body: request.body,
        apiVersion,
        now: request.now,
      });
      if (answer instanceof Promise) throw new Error(`the handler of ${match.route.template} answered asynchronously; deployments need synchronous handlers`);
      return answer;
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      return { status: error.status, body: error.toBody(), headers: error.headers };
    }
  }
}

function queryParameter(url: URL, name: string): string | undefined {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The type in a resource path: Microsoft.Compute/virtualMachines, Microsoft.Network/virtualNetworks/subnets. */
export function resourceTypeOfPath(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const providers = segments.findIndex((segment) => segment.toLowerCase() === 'providers');
  if (providers < 0) return 'Microsoft.Resources/resourceGroups';
  const rest = segments.slice(providers + 1);
  const types = [rest[0], rest[1]];
  for (let i = 3; i < rest.length; i += 2) types.push(rest[i]);
  return types.filter(Boolean).join('/');
}

function noProvider(path: string, apiVersion: string | undefined): ArmError {
  return new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${apiVersion ?? ''}' for type '${resourceTypeOfPath(path)}'. The supported api-versions are ''. The supported locations are ''.`,
  );
}

function unsupportedVersion(path: string, apiVersion: string, supported: readonly string[]): ArmError {
  return new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${apiVersion}' for type '${resourceTypeOfPath(path)}'. The supported api-versions are '${supported.join(', ')}'.`,
  );
}
