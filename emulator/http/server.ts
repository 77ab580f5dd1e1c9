import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Router } from './router';
import type { ArmRequest, ArmResponse } from './armHttp';
import { queryParameter } from './armHttp';
import { ArmError } from './armError';
import type { RequestLog } from './requestLog';
import type { FaultDice } from './faults';
import { parseFaults } from './faults';
import type { SubscriptionThrottle } from './throttling';
import type { EmulatorContext } from '../context';

export interface ServerParts {
  context: EmulatorContext;
  router: Router;
  log: RequestLog;
  dice: FaultDice;
  throttle: SubscriptionThrottle;
  /** Brings time-driven changes (jobs, operations) up to `now` before a request is answered. */
  advance(now: number): void;
  certificate: { chain: string; key: string };
}

const controlPrefix = '/_emulator/';

export function createArmServer(parts: ServerParts): https.Server {
  const server = https.createServer({ cert: parts.certificate.chain, key: parts.certificate.key }, (request, response) => {
    handle(parts, request, response).catch((error: unknown) => {
      process.stderr.write(`emulator: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const rawBody = await readBody(request);
  const origin = `https://${request.headers.host ?? '127.0.0.1'}`;
  const url = new URL(request.url ?? '/', origin);
  const method = (request.method ?? 'GET').toUpperCase();

  if (url.pathname.startsWith(controlPrefix)) {
    send(response, control(parts, method, url, rawBody));
    return;
  }
  if (parts.context.options.latencyMs > 0) await delay(parts.context.options.latencyMs);

  const now = Date.now();
  let fault: string | undefined;
  let requestBody: unknown;
  let answer: ArmResponse;
  try {
    requestBody = parseJsonBody(rawBody);
    requireBearerToken(request, tenantFor(parts.context, url.pathname));
    const injected = parts.dice.before();
    if (injected === 'throttle') {
      fault = 'throttle';
      throw throttled(subscriptionOf(url.pathname) ?? 'unknown', method === 'GET' || method === 'HEAD' ? 'read' : 'write', parts.context.options.retryAfterSeconds);
    }
    if (injected === 'unavailable') {
      fault = 'unavailable';
      throw new ArmError(503, 'ServiceUnavailable', 'The service is temporarily unavailable. Please retry the request.', { 'Retry-After': String(parts.context.options.retryAfterSeconds) });
    }
    const apiVersion = queryParameter(url, 'api-version');
    if (!apiVersion) {
      throw new ArmError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    }
    const { match, pathKnown } = parts.router.match(method, url.pathname);
    if (!match) {
      if (pathKnown) throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
      throw new ArmError(404, 'NotFound', `The path '${decodeURIComponent(url.pathname)}' is not served by this Azure Resource Manager emulator.`);
    }
    if (!match.route.apiVersions.includes(apiVersion)) throw unsupportedApiVersion(match.route.template, apiVersion, match.route.apiVersions);
    const throttleHeaders = takeThrottleToken(parts, url.pathname, method, now);
    parts.advance(now);
    const armRequest: ArmRequest = { method, url, origin, parameters: match.parameters, headers: request.headers, body: requestBody, apiVersion, now };
    answer = await match.route.handler(armRequest);
    answer = { ...answer, headers: { ...throttleHeaders, ...answer.headers } };
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    answer = { status: error.status, body: error.toBody(), headers: error.headers };
  }
  parts.context.persist();

  const headers: Record<string, string> = {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': headerText(request.headers['x-ms-correlation-request-id']) ?? randomUUID(),
    ...answer.headers,
  };
  if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  const resetAfter = fault === undefined && parts.dice.resetAfter();
  parts.log.add({
    time: new Date(now).toISOString(),
    method,
    url: url.toString(),
    requestHeaders: flattenHeaders(request.headers),
    requestBody,
    status: answer.status,
    responseHeaders: headers,
    responseBody: answer.body,
    ...(resetAfter ? { fault: 'reset' } : fault ? { fault } : {}),
  });
  if (resetAfter) {
    request.socket.destroy();
    return;
  }
  send(response, { ...answer, headers });
}

function control(parts: ServerParts, method: string, url: URL, rawBody: string): ArmResponse {
  const path = url.pathname.slice(controlPrefix.length);
  if (path === 'health' && method === 'GET') return { status: 200, body: { status: 'ok' } };
  if (path === 'requests' && method === 'GET') {
    const since = Number(url.searchParams.get('since') ?? '0');
    return { status: 200, body: { requests: parts.log.since(Number.isFinite(since) ? since : 0) } };
  }
  if (path === 'requests' && method === 'DELETE') {
    parts.log.clear();
    return { status: 204 };
  }
  if (path === 'faults' && method === 'PUT') {
    try {
      parts.dice.rates = parseFaults(rawBody);
    } catch (error) {
      return { status: 400, body: { error: { code: 'InvalidFaults', message: (error as Error).message } } };
    }
    return { status: 200, body: { faults: parts.dice.rates } };
  }
  return { status: 404, body: { error: { code: 'NotFound', message: `No emulator control endpoint ${method} ${url.pathname}. Known: GET /_emulator/health, GET|DELETE /_emulator/requests, PUT /_emulator/faults.` } } };
}

/** ARM's own types answer InvalidApiVersionParameter; resource providers' types NoRegisteredProviderFound. */
function unsupportedApiVersion(template: string, apiVersion: string, supported: readonly string[]): ArmError {
  const providerType = /\/providers\/[^/]+\/(\w+)/i.exec(template)?.[1];
  if (!providerType) {
    return new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(',')}'.`);
  }
  return new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${apiVersion}' for type '${providerType}'. The supported api-versions are '${supported.join(', ')}'.`,
  );
}

/** ARM names the tenant in its challenge when the subscription in the path is known (tools discover the tenant that way). */
function tenantFor(context: EmulatorContext, path: string): string {
  const subscriptionId = subscriptionOf(path)?.toLowerCase();
  return subscriptionId && context.state.subscriptions[subscriptionId] ? context.state.tenant.tenantId : '';
}

function requireBearerToken(request: IncomingMessage, tenantId: string): void {
  const authorization = headerText(request.headers.authorization);
  if (!authorization) {
    throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      'WWW-Authenticate': `Bearer authorization_uri="https://login.windows.net/${tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
    });
  }
  if (!/^Bearer\s+\S+/i.test(authorization)) {
    throw new ArmError(401, 'AuthenticationFailedInvalidHeader', "Authentication failed. The 'Authorization' header is provided in an invalid format.", {
      'WWW-Authenticate': `Bearer authorization_uri="https://login.windows.net/${tenantId}", error="invalid_token", error_description="The access token is invalid."`,
    });
  }
}

function takeThrottleToken(parts: ServerParts, path: string, method: string, now: number): Record<string, string> {
  const subscriptionId = subscriptionOf(path);
  if (!subscriptionId) return {};
  const kind = method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
  const result = parts.throttle.take(subscriptionId, kind, now);
  if ('retryAfterSeconds' in result) throw throttled(subscriptionId, kind === 'reads' ? 'read' : 'write', result.retryAfterSeconds);
  return { [`x-ms-ratelimit-remaining-subscription-${kind}`]: String(result.remaining) };
}

function throttled(subscriptionId: string, kind: 'read' | 'write', retryAfterSeconds: number): ArmError {
  return new ArmError(
    429,
    'SubscriptionRequestsThrottled',
    `Number of '${kind}' requests for subscription '${subscriptionId}' actor 'emulator' exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tries. Please refer to https://aka.ms/arm-throttling for additional information.`,
    { 'Retry-After': String(retryAfterSeconds), [`x-ms-ratelimit-remaining-subscription-${kind}s`]: '0' },
  );
}

function subscriptionOf(path: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the body is not valid JSON.');
  }
}

function send(response: ServerResponse, answer: ArmResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = '';
  if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers);
  response.end(payload);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'authorization') continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
