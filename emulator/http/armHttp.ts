import type { IncomingHttpHeaders } from 'node:http';

export interface ArmRequest {
  method: string;
  url: URL;
  /** scheme://host:port the client used, for building Location and nextLink URLs. */
  origin: string;
  parameters: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  apiVersion: string;
  /** Milliseconds since the epoch when the request arrived. */
  now: number;
}

export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Query parameters by name, case-insensitively ($filter, $skipToken, api-version). */
export function queryParameter(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function ok(body: unknown, headers?: Record<string, string>): ArmResponse {
  return headers ? { status: 200, body, headers } : { status: 200, body };
}

/** Path of a request URL as ARM ids are written: without query, trailing slash or percent-encoding. */
export function requestPath(request: ArmRequest): string {
  return decodeURIComponent(request.url.pathname).replace(/\/+$/, '');
}
