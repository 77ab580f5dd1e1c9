import type { ArmRequest } from './armHttp';
import { queryParameter } from './armHttp';
import { badRequest } from './armError';

const skipTokenParameter = '$skiptoken';

/**
 * One page of a list in ARM's shape: {"value": [...], "nextLink": "..."}. The next link repeats
 * the request's own query (api-version, $filter) with a $skiptoken, so clients that follow it
 * verbatim, as the SDKs do, see the same filtered list.
 */
export function pageOf<T>(request: ArmRequest, items: readonly T[], pageSize: number): { value: T[]; nextLink?: string } {
  const token = queryParameter(request.url, skipTokenParameter);
  const offset = token === undefined ? 0 : Number(token);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw badRequest('InvalidSkipToken', `The $skiptoken '${token}' is not valid. Follow the nextLink of the previous page as it is.`);
  }
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value };
  const next = new URL(request.url.pathname + request.url.search, request.origin);
  for (const key of [...next.searchParams.keys()]) {
    if (key.toLowerCase() === skipTokenParameter) next.searchParams.delete(key);
  }
  next.searchParams.set(skipTokenParameter, String(offset + pageSize));
  // ARM writes the parameter name raw ($skiptoken), not percent-encoded as URLSearchParams does.
  return { value, nextLink: next.toString().replace('%24skiptoken=', '$skiptoken=') };
}
