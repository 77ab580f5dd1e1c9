import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { AzureError, isServiceFailure, reasonForCode, toAzureError, type AzureErrorReason } from '../../../src/azure/azureError';

/** What the SDKs throw for an error answer: a RestError whose details are the parsed body. */
function serviceError(statusCode: number, code: string, message: string): RestError {
  const error = new RestError(message, { code, statusCode });
  error.details = { error: { code, message } };
  return error;
}

describe('toAzureError: the errors users hit (AZURE-BACKUP-FACTS)', () => {
  const table: [code: string, status: number, reason: AzureErrorReason, retryable: boolean][] = [
    ['UserErrorGuestAgentStatusUnavailable', 400, 'guestAgentUnavailable', true],
    ['UserErrorVmProvisioningStateFailed', 400, 'vmNotReady', true],
    ['UserErrorVmNotInDesirableState', 400, 'vmNotReady', true],
    ['UserErrorBackupOperationInProgress', 400, 'backupInProgress', true],
    ['BMSUserErrorObjectLocked', 409, 'itemBusy', true],
    ['BMSUserErrorConflictingProtectionOperation', 400, 'itemBusy', true],
    ['BCMV2VMNotFound', 400, 'sourceVmDeleted', false],
    ['UserErrorBcmDatasourceNotPresent', 400, 'protectionStopped', false],
    ['UserErrorRpCollectionLimitReached', 400, 'restorePointLimit', false],
    ['UserErrorRequestDisallowedByPolicy', 400, 'deniedByPolicy', false],
    ['RequestDisallowedByPolicy', 403, 'deniedByPolicy', false],
    ['BMSUserErrorInvalidPolicyInput', 400, 'invalidPolicy', false],
    ['BMSUserErrorSoftDeleteStateAlwaysOn', 400, 'softDeleteAlwaysOn', false],
    ['ServiceResourceNotEmptyWithContainerDetails', 400, 'vaultNotEmpty', false],
    ['ServiceResourceNotEmptyWithBackendMessage', 400, 'vaultHasSoftDeletedItems', false],
  ];
  for (const [code, status, reason, retryable] of table) {
    it(`${code} → ${reason}${retryable ? ' (retryable)' : ''}`, () => {
      const message = `The service says ${code}.`;
      const error = toAzureError(serviceError(status, code, message));
      assert.ok(error instanceof AzureError);
      assert.equal(error.reason, reason);
      assert.equal(error.code, code);
      assert.equal(error.message, message);
      assert.equal(error.statusCode, status);
      assert.equal(error.retryable, retryable);
    });
  }

  it('matches codes case-insensitively', () => {
    assert.equal(reasonForCode('bmsusererrorobjectlocked'), 'itemBusy');
    assert.equal(reasonForCode('USERERRORGUESTAGENTSTATUSUNAVAILABLE'), 'guestAgentUnavailable');
  });

  it('reads the code from details without the error wrapper, and from the RestError itself', () => {
    const flat = new RestError('Locked', { statusCode: 409 });
    flat.details = { code: 'BMSUserErrorObjectLocked', message: 'Another operation is in progress on this item.' };
    const fromFlat = toAzureError(flat);
    assert.equal(fromFlat.reason, 'itemBusy');
    assert.equal(fromFlat.message, 'Another operation is in progress on this item.');

    const noDetails = toAzureError(new RestError('Protection is stopped.', { code: 'UserErrorBcmDatasourceNotPresent', statusCode: 400 }));
    assert.equal(noDetails.reason, 'protectionStopped');
    assert.equal(noDetails.message, 'Protection is stopped.');
  });

  it('keeps the original error as the cause, and passes an AzureError through unchanged', () => {
    const original = serviceError(404, 'ResourceNotFound', "The Resource 'Microsoft.RecoveryServices/vaults/nope' was not found.");
    const converted = toAzureError(original);
    assert.equal(converted.cause, original);
    assert.equal(toAzureError(converted), converted);
  });
});

describe('toAzureError: status codes, when the code says nothing', () => {
  const cases: [status: number, reason: AzureErrorReason, retryable: boolean][] = [
    [401, 'notSignedIn', false],
    [403, 'forbidden', false],
    [404, 'notFound', false],
    [429, 'throttled', true],
    [502, 'serviceUnavailable', true],
    [503, 'serviceUnavailable', true],
    [504, 'serviceUnavailable', true],
    [500, 'unknown', false],
  ];
  for (const [status, reason, retryable] of cases) {
    it(`HTTP ${status} → ${reason}`, () => {
      const error = toAzureError(new RestError(`Status ${status}`, { statusCode: status }));
      assert.equal(error.reason, reason);
      assert.equal(error.code, `Http${status}`);
      assert.equal(error.statusCode, status);
      assert.equal(error.retryable, retryable);
    });
  }

  it('prefers a known code over the status', () => {
    assert.equal(toAzureError(serviceError(400, 'SubscriptionRequestsThrottled', 'Too many reads.')).reason, 'throttled');
    assert.equal(toAzureError(serviceError(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.')).reason, 'notSignedIn');
    assert.equal(toAzureError(serviceError(403, 'AuthorizationFailed', 'The client does not have authorization.')).reason, 'forbidden');
    assert.equal(toAzureError(serviceError(404, 'SubscriptionNotFound', "The subscription '1' could not be found.")).reason, 'notFound');
  });

  it('falls back to the status for an unknown code, keeping the code', () => {
    const error = toAzureError(serviceError(404, 'SomethingNewNotFound', 'Gone.'));
    assert.equal(error.reason, 'notFound');
    assert.equal(error.code, 'SomethingNewNotFound');
    assert.equal(toAzureError(serviceError(400, 'SomethingNew', 'What?')).reason, 'unknown');
  });
});

describe('toAzureError: cancellation and the transport', () => {
  it('an abort is cancelled, whatever threw it', () => {
    const controller = new AbortController();
    controller.abort();
    let domAbort: unknown;
    try {
      controller.signal.throwIfAborted();
    } catch (error) {
      domAbort = error;
    }
    const sdkAbort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    const nodeAbort = Object.assign(new Error('The operation was aborted'), { code: 'ABORT_ERR' });
    for (const error of [domAbort, sdkAbort, nodeAbort]) {
      const converted = toAzureError(error);
      assert.equal(converted.reason, 'cancelled', String(error));
      assert.equal(converted.code, 'Cancelled');
      assert.equal(converted.retryable, false);
    }
  });

  it('a refused or reset connection is a network error, and retryable', () => {
    const refused = toAzureError(new RestError('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }));
    assert.equal(refused.reason, 'network');
    assert.equal(refused.code, 'ECONNREFUSED');
    assert.equal(refused.retryable, true);
    assert.equal(toAzureError(new RestError('socket hang up', { code: 'ECONNRESET' })).reason, 'network');
    assert.equal(toAzureError(new RestError('getaddrinfo ENOTFOUND management.azure.com', { code: 'ENOTFOUND' })).reason, 'network');
    assert.equal(toAzureError(new RestError('send failed', { code: RestError.REQUEST_SEND_ERROR })).reason, 'network');
    const wrapped = new Error('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    assert.equal(toAzureError(wrapped).reason, 'network');
  });

  it('a self-signed or unverifiable certificate is untrustedCertificate, not retryable', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) {
      const error = toAzureError(new RestError('self-signed certificate in certificate chain', { code }));
      assert.equal(error.reason, 'untrustedCertificate', code);
      assert.equal(error.code, code);
      assert.equal(error.retryable, false);
    }
    const wrapped = new Error('request failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }) });
    assert.equal(toAzureError(wrapped).reason, 'untrustedCertificate');
  });

  it('anything else is unknown, with its message', () => {
    const error = toAzureError(new TypeError('x is not a function'));
    assert.equal(error.reason, 'unknown');
    assert.equal(error.code, 'Unknown');
    assert.equal(error.message, 'x is not a function');
    assert.equal(toAzureError(undefined).reason, 'unknown');
  });
});

describe('isServiceFailure: what came from Azure, and what is our own bug', () => {
  it('counts the SDK\'s RestError, an AzureError and an abort, not a plain Error or nothing', () => {
    assert.equal(isServiceFailure(new RestError('Throttled', { statusCode: 429, code: 'TooManyRequests' })), true);
    assert.equal(isServiceFailure(new AzureError('network', 'ECONNRESET', 'reset')), true);
    assert.equal(isServiceFailure(Object.assign(new Error('aborted'), { name: 'AbortError' })), true);
    assert.equal(isServiceFailure(new TypeError('x is not a function')), false);
    assert.equal(isServiceFailure(undefined), false);
    assert.equal(isServiceFailure(null), false);
  });
});
