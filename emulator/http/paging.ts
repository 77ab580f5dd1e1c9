import type { ArmRequest } from './armHttp';
import { queryParameter } from './armHttp';
import { badRequest } from './armError';

const skipTokenParameter = '$skiptoken';

export interface Page<T> {
  value: T[];
  nextLink?: string;
}

/**
 * One page of a list in ARM's shape: {"value": [...], "nextLink": "..."}. The next link repeats
 * the request's own query (api-version, $filter) with a $skiptoken, so clients that follow it
 * verbatim, as the SDKs do, see the same filtered list. With `toJson`, only the page's own items
 * are turned into what the answer shows.
 */
export function pageOf<T>(request: ArmRequest, items: readonly T[], pageSize: number): Page<T>;
export function pageOf<T, J>(request: ArmRequest, items: readonly T[], pageSize: number, toJson: (item: T) => J): Page<J>;
export function pageOf<T, J>(request: ArmRequest, items: readonly T[], pageSize: number, toJson?: (item: T) => J): Page<T | J> {
  const token = queryParameter(request.url, skipTokenParameter);
  const offset = token === undefined ? 0 : Number(token);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw badRequest('InvalidSkipToken', `The $skiptoken '${token}' is not valid. Follow the nextLink of the previous page as it is.`);
  }
  const slice = items.slice(offset, offset + pageSize);
  const value = toJson ? slice.map((item) => toJson(item)) : slice;
  if (offset + pageSize >= items.length) return { value };
  const next = new URL(request.url.pathname + request.url.search, request.origin);
  for (const key of [...next.searchParams.keys()]) {
    if (key.toLowerCase() === skipTokenParameter) next.searchParams.delete(key);
  }
  next.searchParams.set(skipTokenParameter, String(offset + pageSize));
  // ARM writes the parameter name raw ($skiptoken), not percent-encoded as URLSearchParams does.
  return { value, nextLink: next.toString().replace('%24skiptoken=', '$skiptoken=') };
}
