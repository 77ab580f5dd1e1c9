import type { ServiceClient } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import type { HttpHeaders } from '@azure/core-rest-pipeline';

/** How an operation Azure runs in the background ended. */
export interface OperationOutcome {
  status: 'Succeeded' | 'Failed' | 'Canceled';
  /** The job the operation started, for backup-service operations. */
  jobId?: string;
  error?: { code: string; message: string };
}

export interface PollOptions {
  abortSignal?: AbortSignal;
  /** Upper bound on one wait, whatever Retry-After says (Azure sends 60 s). */
  maxDelayMs?: number;
  /** Wait when the service sends no Retry-After. */
  defaultDelayMs?: number;
}

/** The async-operation headers of a 202 (or 201) answer; newer Location URLs carry extra query. */
export interface OperationHeaders {
  location?: string;
  azureAsyncOperation?: string;
  retryAfterMs?: number;
}

export function operationHeadersOf(headers: HttpHeaders): OperationHeaders {
  const retryAfter = headers.get('retry-after');
  const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
  return {
    ...(headers.get('location') ? { location: headers.get('location')! } : {}),
    ...(headers.get('azure-asyncoperation') ? { azureAsyncOperation: headers.get('azure-asyncoperation')! } : {}),
    ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
  };
}

/**
 * Polls an Azure-AsyncOperation URL until its status leaves InProgress, honouring Retry-After.
 * Uses the SDK client's own pipeline, so the request carries the same credential, TLS trust and
 * retry policy as every other call. SDK 12.0.0 of the backup client does not poll these itself.
 */
export async function pollAsyncOperation(client: ServiceClient, url: string, options: PollOptions = {}): Promise<OperationOutcome> {
  for (;;) {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal: options.abortSignal }));
    if (response.status >= 400) throw new OperationPollError(response.status, response.bodyAsText ?? '');
    const body = JSON.parse(response.bodyAsText ?? '{}') as { status?: string; error?: { code: string; message: string }; properties?: { jobId?: string } };
    const status = body.status ?? 'InProgress';
    if (status === 'Succeeded' || status === 'Failed' || status === 'Canceled' || status === 'Cancelled') {
      return {
        status: status === 'Cancelled' ? 'Canceled' : status,
        ...(body.properties?.jobId ? { jobId: body.properties.jobId } : {}),
        ...(body.error ? { error: body.error } : {}),
      };
    }
    await wait(delayOf(response.headers, options), options.abortSignal);
  }
}

/** Polls a Location URL while it answers 202; returns the final status (200 or 204). */
export async function pollLocation(client: ServiceClient, url: string, options: PollOptions = {}): Promise<{ status: number; body?: unknown }> {
  for (;;) {
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal: options.abortSignal }));
    if (response.status >= 400) throw new OperationPollError(response.status, response.bodyAsText ?? '');
    if (response.status !== 202) {
      return { status: response.status, ...(response.bodyAsText ? { body: JSON.parse(response.bodyAsText) as unknown } : {}) };
    }
    await wait(delayOf(response.headers, options), options.abortSignal);
  }
}

export class OperationPollError extends Error {
  readonly code: string;

  constructor(
    readonly statusCode: number,
    body: string,
  ) {
    let parsed: { error?: { code?: string; message?: string } } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      // not JSON: keep the raw text as the message
    }
    super(parsed.error?.message ?? (body || `The operation answered HTTP ${statusCode}`));
    this.code = parsed.error?.code ?? `Http${statusCode}`;
  }
}

function delayOf(headers: HttpHeaders, options: PollOptions): number {
  const { retryAfterMs } = operationHeadersOf(headers);
  const delay = retryAfterMs ?? options.defaultDelayMs ?? 10_000;
  return Math.min(delay, options.maxDelayMs ?? 60_000);
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('The operation was cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('The operation was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
