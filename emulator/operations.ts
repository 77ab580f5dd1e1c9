import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { OperationKind, OperationRecord } from './state/model';
import { ArmError } from './http/armError';
import type { ArmRequest, ArmResponse } from './http/armHttp';

/** Starts an asynchronous operation that ends `azureMs` of Azure time from now. */
export function startOperation(
  context: EmulatorContext,
  kind: OperationKind,
  resourceKey: string,
  azureMs: number,
  now: number,
  extra: Pick<OperationRecord, 'jobId' | 'error' | 'itemKey'> = {},
): OperationRecord {
  const operation: OperationRecord = { id: randomUUID(), kind, resourceKey, startTime: now, endTime: now + context.scaled(azureMs), ...extra };
  context.state.operations[operation.id] = operation;
  context.changed();
  return operation;
}

export function operationStatus(operation: OperationRecord, now: number): 'InProgress' | 'Succeeded' | 'Failed' {
  if (now < operation.endTime) return 'InProgress';
  return operation.error ? 'Failed' : 'Succeeded';
}

/** Finds an operation of one of the given kinds on the given resource; a wrong pairing is not found. */
export function findOperation(context: EmulatorContext, operationId: string, kinds: readonly OperationKind[], resourceKey?: string): OperationRecord {
  const operation = context.state.operations[operationId];
  if (!operation || !kinds.includes(operation.kind) || (resourceKey !== undefined && operation.resourceKey !== resourceKey)) {
    throw new ArmError(404, 'OperationNotFound', `The operation '${operationId}' was not found.`);
  }
  return operation;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** An absolute URL on the emulator for a path, with the api-version the client used. */
export function operationUrl(origin: string, path: string, apiVersion: string): string {
  const url = new URL(path, origin);
  url.searchParams.set('api-version', apiVersion);
  return url.toString();
}

/** The answer of an operation-result URL while the operation runs: 202, poll here again. */
export function stillRunning(context: EmulatorContext, request: ArmRequest): ArmResponse {
  return { status: 202, headers: { Location: request.url.toString(), ...context.retryAfterHeader() } };
}
