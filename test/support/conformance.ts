/**
 * Checks recorded emulator traffic against Microsoft's OpenAPI specs (shared/azure-specs) with oav's
 * LiveValidator: each request must match a documented operation, and request and response must
 * follow that operation's schemas. See shared/azure-specs/README.md for which specs are there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LiveValidationIssue, LiveValidationResult, LiveValidator } from 'oav';

export interface RecordedExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: unknown;
}

export interface ConformanceViolation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  where: 'request' | 'response';
  code: string;
  message: string;
  jsonPath?: string;
}

export interface ConformanceReport {
  /** Exchanges validated against a known operation. */
  checked: number;
  /** Exchanges for which no spec is present (provider, api-version or path unknown); not violations. */
  unknown: { method: string; path: string; apiVersion: string }[];
  /** Distinct "OperationId status" pairs that were checked, sorted. */
  covered: string[];
  /**
   * Requests a test sent against the spec on purpose (header `x-avb-deliberately-invalid`), to see
   * the emulator refuse them: their request is not checked, their refusal (4xx) is.
   */
  deliberatelyInvalid: number;
  violations: ConformanceViolation[];
}

/** The specs folder: $AZURE_SPECS_DIR, or shared/azure-specs beside the repository. */
export const specsFolder: string = path.resolve(
  process.env.AZURE_SPECS_DIR || path.join(__dirname, '..', '..', '..', 'shared', 'azure-specs'),
);

export function specsAvailable(): boolean {
  return fs.existsSync(path.join(specsFolder, 'specification'));
}

/** oav's runtime-exception codes meaning "no spec here for this request": reported apart, not as violations. */
const UNKNOWN_OPERATION_CODES: ReadonlySet<string> = new Set([
  'OPERATION_NOT_FOUND_IN_CACHE', // provider and api-version known, path (or verb) not in that spec
  'OPERATION_NOT_FOUND_IN_CACHE_WITH_VERB',
  'OPERATION_NOT_FOUND_IN_CACHE_WITH_API', // provider known, api-version not (or none given)
  'OPERATION_NOT_FOUND_IN_CACHE_WITH_PROVIDER', // provider unknown
  'NO_OPERATION_FOUND',
]);

/** The request header a test sets on a request it sends against the spec on purpose. */
export const deliberatelyInvalidHeader = 'x-avb-deliberately-invalid';

interface IgnoredIssue {
  code: string;
  where: 'request' | 'response';
  applies(exchange: RecordedExchange): boolean;
  reason: string;
}

/**
 * oav issues that are noise rather than non-conformance. Everything else oav reports is a violation.
 * (Correct traffic replayed from every example file in the specs folder produces no issue at all:
 * no complaints about x-ms-request-id or other undeclared headers.)
 */
const IGNORED_ISSUES: readonly IgnoredIssue[] = [
  {
    code: 'INVALID_CONTENT_TYPE',
    where: 'response',
    applies: (exchange) => exchange.responseBody === undefined,
    reason:
      'oav takes a response without Content-Type as application/octet-stream even when it has no body (e.g. an LRO 201/202); a body the spec requires is still reported, as INVALID_RESPONSE_BODY',
  },
];

/**
 * ARM's own operation-result URLs (/subscriptions/{id}/operationresults/{id}, the Location a
 * resource group delete answers) are in no spec, but oav matches them to Resources_GetById, whose
 * path '/{resourceId}' matches any path at the resources api-versions: they are counted as
 * unknown, not checked as a generic resource.
 */
function isOperationResultMistakenForResource(operationId: string | undefined, path: string): boolean {
  return operationId === 'Resources_GetById' && /^\/subscriptions\/[^/]+\/operationresults\/[^/]+$/i.test(path);
}

/** Matches one oav issue against IGNORED_ISSUES. */
function isIgnored(issue: LiveValidationIssue, where: 'request' | 'response', exchange: RecordedExchange): boolean {
  return IGNORED_ISSUES.some((rule) => rule.code === issue.code && rule.where === where && rule.applies(exchange));
}

/**
 * Spec defect, not noise: subscriptions.json 2022-12-01 defines CloudError.error as the v5 ErrorResponse
 * envelope, so oav expects {"error":{"error":{code,message}}} where ARM and the SDKs use {"error":{code,message}}.
 * oav then reports OBJECT_ADDITIONAL_PROPERTIES on $.error.code etc. against #/definitions/ErrorResponse.
 * When an error response shows that signature, its body is validated again wrapped once more, so the
 * error details are still checked (types, unknown properties) instead of being silenced.
 */
function hasNestedErrorEnvelopeDefect(status: number, issues: readonly LiveValidationIssue[]): boolean {
  return (
    status >= 400 &&
    issues.some(
      (issue) =>
        issue.code === 'OBJECT_ADDITIONAL_PROPERTIES' &&
        issue.source?.jsonRef === '#/definitions/ErrorResponse' &&
        /^\$\.error\.[^.[]+$/.test(issue.jsonPathsInPayload[0] ?? ''),
    )
  );
}

/** Maps a path in the re-wrapped body ({error: body}) back to the recorded body. */
function unwrapJsonPath(issue: LiveValidationIssue): LiveValidationIssue {
  return { ...issue, jsonPathsInPayload: issue.jsonPathsInPayload.map((p) => p.replace(/^\$\.error(?=$|[.[])/, '$')) };
}

const SPEC_PATTERNS = ['specification/**/resource-manager/**/*.json'];
const EXCLUDED_PATTERNS = ['**/examples/**', '**/scenarios/**'];

/** Loads oav and the specs once (about 2-3 s); the returned check() can then be called any number of times. */
export async function createConformanceChecker(): Promise<{
  check(exchanges: RecordedExchange[]): Promise<ConformanceReport>;
}> {
  if (!specsAvailable()) throw new Error(`No Azure specs at ${specsFolder} (set AZURE_SPECS_DIR)`);
  // Loaded here, not at the top, so tests that import this module without checking don't pay for oav.
  const { LiveValidator: Validator } = await import('oav');
  const loadErrors: string[] = [];
  let initialising = true;
  const validator = new Validator(
    {
      directory: specsFolder,
      swaggerPathsPattern: SPEC_PATTERNS,
      // oav's default exclusions are relative ('**/examples/**/*'); glob 13 does not apply them to the absolute
      // spec paths when the working directory is the repo root, so the example files got loaded as specs.
      excludedSwaggerPathsPattern: EXCLUDED_PATTERNS.map((pattern) => path.join(specsFolder, pattern)),
      git: { shouldClone: false },
      loadValidatorInInitialize: true,
      loadValidatorInBackground: false,
      // bms.json spells some paths /Subscriptions/...
      isPathCaseSensitive: false,
      // ARM rules too: x-ms-azure-resource objects need an id in responses; an LRO 202 whose spec declares a
      // body needs Location or Azure-AsyncOperation (oav checks LRO headers only where the response has a schema).
      isArmCall: true,
    },
    // A log callback replaces oav's winston console logger (which prints a warning per provider-less path).
    (message, level) => {
      if (initialising && level === 'error') loadErrors.push(message.split('\n')[0] ?? message);
    },
  );
  await validator.initialize();
  initialising = false;
  // A spec that fails to load would silently turn its operations into "unknown".
  if (loadErrors.length > 0) throw new Error(`oav could not load the specs:\n${loadErrors.join('\n')}`);
  return { check: (exchanges) => checkExchanges(validator, exchanges) };
}

async function checkExchanges(validator: LiveValidator, exchanges: RecordedExchange[]): Promise<ConformanceReport> {
  const report: ConformanceReport = { checked: 0, unknown: [], covered: [], violations: [], deliberatelyInvalid: 0 };
  const covered = new Set<string>();
  const unknown = new Map<string, ConformanceReport['unknown'][number]>();
  for (const exchange of exchanges) {
    const method = exchange.method.toUpperCase();
    const url = new URL(exchange.url, 'https://management.azure.com');
    // oav only looks at path and query. %3B in container/item names is left as sent: oav matches the encoded
    // path and decodes each path parameter itself (decoding here would also split names holding %2F).
    const oavUrl = url.pathname + url.search;
    const readablePath = safeDecode(url.pathname);
    const apiVersion = url.searchParams.get('api-version') ?? '';
    const violation = (
      operationId: string,
      where: 'request' | 'response',
      code: string,
      message: string,
      jsonPath?: string,
    ): ConformanceViolation => ({
      operationId,
      method,
      path: readablePath,
      status: exchange.status,
      where,
      code,
      message,
      ...(jsonPath ? { jsonPath } : {}),
    });

    const liveRequest = {
      url: oavUrl,
      method,
      headers: oavHeaders(exchange.requestHeaders, exchange.requestBody),
      body: clone(exchange.requestBody),
    };
    const liveResponse = {
      statusCode: String(exchange.status), // oav rejects a numeric status as INCORRECT_INPUT
      headers: oavHeaders(exchange.responseHeaders, exchange.responseBody),
      body: clone(exchange.responseBody),
    };
    const result = await validator.validateLiveRequestResponse({ liveRequest, liveResponse });
    if (result.runtimeException) {
      // oav refused the input itself (a bug in how the exchange was handed over): never hide it.
      report.violations.push(
        violation('unknownOperationId', 'request', result.runtimeException.code, firstLine(result.runtimeException.message)),
      );
      continue;
    }
    const request = result.requestValidationResult;
    const requestException = request.runtimeException;
    if ((requestException && UNKNOWN_OPERATION_CODES.has(requestException.code)) || isOperationResultMistakenForResource(request.operationInfo?.operationId, readablePath)) {
      const key = `${method} ${readablePath} ${apiVersion}`;
      if (!unknown.has(key)) unknown.set(key, { method, path: readablePath, apiVersion });
      continue;
    }
    const operationId = request.operationInfo.operationId;
    report.checked++;
    covered.add(`${operationId} ${exchange.status}`);
    const deliberate = Object.keys(exchange.requestHeaders ?? {}).some((name) => name.toLowerCase() === deliberatelyInvalidHeader);
    if (deliberate) {
      report.deliberatelyInvalid++;
      if (exchange.status < 400) report.violations.push(violation(operationId, 'response', 'DELIBERATELY_INVALID_ACCEPTED', 'a request sent against the spec on purpose was accepted'));
    }

    const collect = (where: 'request' | 'response', outcome: LiveValidationResult, issues = outcome.errors): void => {
      for (const issue of issues) {
        if (isIgnored(issue, where, exchange)) continue;
        report.violations.push(violation(operationId, where, issue.code, issue.message, issue.jsonPathsInPayload[0]));
      }
      if (outcome.runtimeException) {
        const { code, message } = outcome.runtimeException;
        report.violations.push(violation(operationId, where, code, firstLine(message)));
      }
    };
    if (!deliberate) collect('request', request);
    const response = result.responseValidationResult;
    if (response === request) continue; // oav did not get as far as the response
    let responseIssues = response.errors;
    if (hasNestedErrorEnvelopeDefect(exchange.status, responseIssues) && isObject(exchange.responseBody)) {
      const rewrapped = await validator.validateLiveResponse(
        { ...liveResponse, body: { error: clone(exchange.responseBody) } },
        { url: oavUrl, method },
      );
      responseIssues = rewrapped.errors.map(unwrapJsonPath);
    }
    collect('response', response, responseIssues);
  }
  report.unknown = [...unknown.values()];
  report.covered = [...covered].sort();
  return report;
}

/** Lower-case header names and string values, and Content-Type on JSON bodies when the recording lacks it. */
function oavHeaders(headers: Record<string, string> | undefined, body: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = String(value);
  if (body !== undefined && result['content-type'] === undefined) result['content-type'] = 'application/json';
  return result;
}

/** oav may rewrite bodies while validating; keep the caller's recording untouched. */
function clone<T>(value: T): Record<string, unknown> | undefined {
  return value === undefined ? undefined : (structuredClone(value) as Record<string, unknown>);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}

export function formatReport(report: ConformanceReport): string {
  const lines = [
    `Conformance: ${report.checked} exchange(s) checked against the specs, ${report.violations.length} violation(s), ` +
      `${report.unknown.length} operation(s) with no spec, ${report.deliberatelyInvalid} request(s) invalid on purpose (refused).`,
    `Covered (${report.covered.length}):`,
    ...report.covered.map((pair) => `  ${pair}`),
  ];
  if (report.unknown.length > 0) {
    lines.push(`No spec (${report.unknown.length}):`);
    for (const u of report.unknown) lines.push(`  ${u.method} ${u.path} api-version=${u.apiVersion || '(none)'}`);
  }
  if (report.violations.length > 0) {
    lines.push(`Violations (${report.violations.length}):`);
    for (const v of report.violations) {
      const at = v.jsonPath ? ` at ${v.jsonPath}` : '';
      lines.push(`  ${v.operationId} ${v.method} ${v.path} -> ${v.status}: ${v.where} ${v.code}${at}: ${v.message}`);
    }
  }
  return lines.join('\n');
}
