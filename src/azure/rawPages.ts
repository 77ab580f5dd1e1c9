import type { ServiceClient } from '@azure/core-client';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';

/**
 * Every item of an ARM list, read as plain JSON through the SDK client's own pipeline (the same
 * credential, TLS trust, retries and throttling handling). For large lists: the SDK's polymorphic
 * deserializer costs about 1 s of CPU per 20,000 protected items, and the mappers need none of it.
 */
export async function listRawPages<T>(client: ServiceClient, firstUrl: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (let url: string | undefined = firstUrl; url; ) {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', ...(signal ? { abortSignal: signal } : {}) }));
    const body = parseBody(response.bodyAsText ?? undefined);
    if (response.status !== 200) {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new RestError(error?.message ?? `Azure answered HTTP ${response.status}`, { statusCode: response.status, code: error?.code, response });
    }
    const page = (body ?? {}) as { value?: T[]; nextLink?: string };
    items.push(...(page.value ?? []));
    signal?.throwIfAborted();
    url = page.nextLink || undefined;
  }
  return items;
}

function parseBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
