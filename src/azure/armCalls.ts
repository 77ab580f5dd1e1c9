import type { FullOperationResponse, OperationOptions, ServiceClient } from '@azure/core-client';
import type { HttpHeaders, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { operationHeadersOf, pollAsyncOperation, pollLocation, type OperationHeaders, type OperationOutcome, type PollOptions } from './asyncOperation';
import { AzureError, reasonForCode, toAzureError } from './azureError';
import type { BackupReader } from './backupReader';
import { withoutPipelineRetries } from './singleAttempt';

export interface PollTiming {
  /** Wait between polls when the service sends no Retry-After. */
  pollDelayMs: number;
  /** Upper bound on any wait, whatever Retry-After says (Azure sends 60 s). */
  maxPollDelayMs: number;
}

/** What a request that starts an operation answered: its status, operation headers and the service's clock. */
export interface Accepted {
  status: number;
  operation: OperationHeaders;
  serverTime?: Date;
}

/**
 * ARM requests for the write side: each one under the reader's request limiter (per
 * subscription), with an AbortSignal, failing with an AzureError; asynchronous operations are
 * followed one poll request at a time, so a long wait holds no limiter slot.
 */
export class ArmCalls {
  constructor(
    private readonly reader: BackupReader,
    readonly timing: PollTiming,
  ) {}

  backup(subscriptionId: string, signal?: AbortSignal): Promise<RecoveryServicesBackupClient> {
    return this.client(signal, () => this.reader.clients(subscriptionId).backup(subscriptionId));
  }

  vaults(subscriptionId: string, signal?: AbortSignal): Promise<RecoveryServicesClient> {
    return this.client(signal, () => this.reader.clients(subscriptionId).vaults(subscriptionId));
  }

  /** `https://management.azure.com` (or the emulator's), without a trailing slash. */
  endpoint(subscriptionId: string): string {
    return this.reader.clients(subscriptionId).connection.endpoint.replace(/\/+$/, '');
  }

  /** One ARM request under the limiter; whatever it throws becomes an AzureError. */
  async run<T>(subscriptionId: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    try {
      return await this.reader.limiter.run(subscriptionId.toLowerCase(), call, signal);
    } catch (error) {
      throw failure(error, signal);
    }
  }

  /** Sends a request that starts an operation (202), keeping the headers the SDK does not follow. */
  async start(subscriptionId: string, signal: AbortSignal | undefined, call: (options: OperationOptions) => Promise<unknown>): Promise<Accepted> {
    let answer: FullOperationResponse | undefined;
    const onResponse = (raw: FullOperationResponse, _flat: unknown, error?: unknown) => {
      if (error === undefined) answer = raw;
    };
    await this.run(subscriptionId, signal, () => call({ abortSignal: signal, onResponse }));
    return { status: answer?.status ?? 0, operation: answer ? operationHeadersOf(answer.headers) : {}, ...serverTimeOf(answer?.headers) };
  }

  /**
   * A request the SDK has no operation for (or one whose poller we do not want), through the
   * client's pipeline; `body` goes as JSON. `once` sends it without the pipeline's retries (a POST
   * that starts work: see singleAttempt.ts).
   */
  async send(subscriptionId: string, client: ServiceClient, method: PipelineRequest['method'], url: string, signal?: AbortSignal, body?: unknown, options: { once?: boolean } = {}): Promise<Accepted & { body?: unknown }> {
    const request = createPipelineRequest({ url, method, ...(signal ? { abortSignal: signal } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (body !== undefined) request.headers.set('Content-Type', 'application/json');
    const sender = options.once ? withoutPipelineRetries(client) : client;
    const response = await this.run(subscriptionId, signal, () => sender.sendRequest(request));
    if (response.status >= 400) throw failure(restErrorOf(response), signal);
    return { status: response.status, operation: operationHeadersOf(response.headers), ...serverTimeOf(response.headers), ...jsonBodyOf(response) };
  }

  /** Follows an Azure-AsyncOperation URL to its end; an operation that failed or was cancelled throws. */
  async followStatus(subscriptionId: string, client: ServiceClient, url: string, retryAfterMs: number | undefined, signal?: AbortSignal): Promise<OperationOutcome> {
    await this.firstWait(retryAfterMs, signal);
    const outcome = await this.poll(signal, () => pollAsyncOperation(this.limited(subscriptionId, client, signal), url, this.pollOptions(signal)));
    if (outcome.status !== 'Succeeded') {
      const code = outcome.error?.code || (outcome.status === 'Canceled' ? 'OperationCanceled' : 'OperationFailed');
      throw new AzureError(reasonForCode(code), code, outcome.error?.message || `The operation ended ${outcome.status}.`);
    }
    return outcome;
  }

  /** Follows a Location URL while it answers 202; an error answer throws. */
  async followResult(subscriptionId: string, client: ServiceClient, url: string, retryAfterMs: number | undefined, signal?: AbortSignal): Promise<{ status: number; body?: unknown }> {
    await this.firstWait(retryAfterMs, signal);
    return this.poll(signal, () => pollLocation(this.limited(subscriptionId, client, signal), url, this.pollOptions(signal)));
  }

  private async client<T>(signal: AbortSignal | undefined, create: () => Promise<T>): Promise<T> {
    try {
      return await create();
    } catch (error) {
      throw failure(error, signal);
    }
  }

  private async poll<T>(signal: AbortSignal | undefined, poll: () => Promise<T>): Promise<T> {
    try {
      return await poll();
    } catch (error) {
      throw failure(error, signal);
    }
  }

  /** The client as the pollers see it: every poll request waits for a limiter slot of its own. */
  private limited(subscriptionId: string, client: ServiceClient, signal?: AbortSignal): ServiceClient {
    const limiter = this.reader.limiter;
    const sendRequest = (request: PipelineRequest): Promise<PipelineResponse> => limiter.run(subscriptionId.toLowerCase(), () => client.sendRequest(request), signal);
    return Object.assign(Object.create(client) as ServiceClient, { sendRequest });
  }

  private pollOptions(signal?: AbortSignal): PollOptions {
    return { ...(signal ? { abortSignal: signal } : {}), defaultDelayMs: this.timing.pollDelayMs, maxDelayMs: this.timing.maxPollDelayMs };
  }

  /** The 202 says when to look first (Retry-After); without it, the usual delay. */
  private firstWait(retryAfterMs: number | undefined, signal?: AbortSignal): Promise<void> {
    return delay(Math.min(retryAfterMs ?? this.timing.pollDelayMs, this.timing.maxPollDelayMs), signal).catch((error: unknown) => {
      throw failure(error, signal);
    });
  }
}

/** Any failure as an AzureError; an aborted signal always means cancelled, whatever was thrown. */
export function failure(error: unknown, signal?: AbortSignal): AzureError {
  if (signal?.aborted && !(error instanceof AzureError && error.reason === 'cancelled')) {
    const reason = signal.reason instanceof Error ? signal.reason.message : 'The request was cancelled.';
    return new AzureError('cancelled', 'Cancelled', reason, undefined, { cause: error });
  }
  return toAzureError(error);
}

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('The operation was cancelled.'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('The operation was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The service's clock from the Date header (second resolution), to compare with its job times. */
export function serverTimeOf(headers: HttpHeaders | undefined): { serverTime?: Date } {
  const text = headers?.get('date');
  const time = text ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? {} : { serverTime: new Date(time) };
}

function jsonBodyOf(response: PipelineResponse): { body?: unknown } {
  try {
    return response.bodyAsText ? { body: JSON.parse(response.bodyAsText) as unknown } : {};
  } catch {
    return {};
  }
}

/** A RestError like the SDK's own, with the parsed body as details so toAzureError finds the service's code. */
function restErrorOf(response: PipelineResponse): RestError {
  let body: { error?: { code?: string; message?: string } } | undefined;
  try {
    body = response.bodyAsText ? (JSON.parse(response.bodyAsText) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  const error = new RestError(body?.error?.message ?? `Azure answered HTTP ${response.status}`, { statusCode: response.status, ...(body?.error?.code ? { code: body.error.code } : {}), response });
  error.details = body;
  return error;
}
