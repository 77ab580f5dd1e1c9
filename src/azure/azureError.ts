/**
 * Why a request to Azure failed, in terms the UI can explain. The UI layer turns a reason into
 * localized text and an action; the service's own code and message travel along for the log.
 */
export type AzureErrorReason =
  | 'cancelled'
  | 'notSignedIn'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'serviceUnavailable'
  | 'network'
  | 'untrustedCertificate'
  | 'guestAgentUnavailable'
  | 'vmNotReady'
  | 'backupInProgress'
  | 'itemBusy'
  | 'sourceVmDeleted'
  | 'protectionStopped'
  | 'restorePointLimit'
  | 'deniedByPolicy'
  | 'invalidPolicy'
  | 'policyInUse'
  | 'softDeleteAlwaysOn'
  | 'vaultNotEmpty'
  | 'vaultHasSoftDeletedItems'
  | 'alreadyProtected'
  | 'dailyBackupLimit'
  | 'immutableVault'
  | 'itemSoftDeleted'
  | 'jobNotCancellable'
  | 'invalidInput'
  | 'unknown';

/** The service's codes for each reason (docs/azure-error-research.md, AZURE-BACKUP-FACTS.md). */
const reasonsByCode: Record<string, AzureErrorReason> = {
  authenticationfailed: 'notSignedIn',
  invalidauthenticationtoken: 'notSignedIn',
  expiredauthenticationtoken: 'notSignedIn',
  authorizationfailed: 'forbidden',
  linkedauthorizationfailed: 'forbidden',
  subscriptionnotfound: 'notFound',
  resourcegroupnotfound: 'notFound',
  resourcenotfound: 'notFound',
  notfound: 'notFound',
  bmsusererrordatasourceobjectnotfound: 'notFound',
  bmsusererrorpolicynotfound: 'notFound',
  bmsusererrorjobnotfound: 'notFound',
  toomanyrequests: 'throttled',
  subscriptionrequeststhrottled: 'throttled',
  serviceunavailable: 'serviceUnavailable',
  usererrorguestagentstatusunavailable: 'guestAgentUnavailable',
  usererrorvmprovisioningstatefailed: 'vmNotReady',
  usererrorvmnotindesirablestate: 'vmNotReady',
  usererrorbackupoperationinprogress: 'backupInProgress',
  bmsusererrorobjectlocked: 'itemBusy',
  bmsusererrorconflictingprotectionoperation: 'itemBusy',
  bcmv2vmnotfound: 'sourceVmDeleted',
  // the numeric codes of health details and job errors for a deleted source VM
  '320001': 'sourceVmDeleted',
  '400094': 'sourceVmDeleted',
  usererrorbcmdatasourcenotpresent: 'protectionStopped',
  usererrorrpcollectionlimitreached: 'restorePointLimit',
  usererrorrequestdisallowedbypolicy: 'deniedByPolicy',
  requestdisallowedbypolicy: 'deniedByPolicy',
  bmsusererrorinvalidpolicyinput: 'invalidPolicy',
  bmsusererrorpolicyobjectinuse: 'policyInUse',
  bmsusererrorsoftdeletestatealwayson: 'softDeleteAlwaysOn',
  serviceresourcenotemptywithcontainerdetails: 'vaultNotEmpty',
  serviceresourcenotemptywithbackendmessage: 'vaultHasSoftDeletedItems',
  bmsusererrorvmalreadyprotected: 'alreadyProtected',
  clouddosabsolutelimitreached: 'dailyBackupLimit',
  clouddosabsolutelimitreachedwithretry: 'dailyBackupLimit',
  usererroroperationdeniedonimmutableitem: 'immutableVault',
  bmsusererrorobjectsoftdeleted: 'itemSoftDeleted',
  bmsusererrorjobnotcancellable: 'jobNotCancellable',
  usererrorinvalidrequestparameter: 'invalidInput',
  invalidparameter: 'invalidInput',
  badrequest: 'invalidInput',
};

/** Reasons where trying the same thing again later can succeed. */
const retryableReasons: ReadonlySet<AzureErrorReason> = new Set(['throttled', 'serviceUnavailable', 'network', 'itemBusy', 'backupInProgress', 'vmNotReady', 'guestAgentUnavailable']);

export class AzureError extends Error {
  override readonly name = 'AzureError';
  /** How long the service asked callers to wait (the Retry-After of a 429 or 503), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly reason: AzureErrorReason,
    /** The service's code, e.g. UserErrorGuestAgentStatusUnavailable, or a transport code. */
    readonly code: string,
    /** The service's own message, for the log and as detail under our text. */
    message: string,
    readonly statusCode?: number,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  get retryable(): boolean {
    return retryableReasons.has(this.reason);
  }
}

export function reasonForCode(code: string | undefined, statusCode?: number): AzureErrorReason {
  const known = code ? reasonsByCode[code.toLowerCase()] : undefined;
  if (known) return known;
  if (statusCode === 401) return 'notSignedIn';
  if (statusCode === 403) return 'forbidden';
  if (statusCode === 404) return 'notFound';
  if (statusCode === 429) return 'throttled';
  if (statusCode === 503 || statusCode === 502 || statusCode === 504) return 'serviceUnavailable';
  return 'unknown';
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'REQUEST_SEND_ERROR']);
const certificateCodes = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** Whether something thrown came from a request to Azure (or its cancellation), not from our own code. */
export function isServiceFailure(error: unknown): boolean {
  if (error instanceof AzureError) return true;
  const value = error as { statusCode?: unknown; name?: unknown } | undefined;
  return value !== undefined && value !== null && (typeof value.statusCode === 'number' || value.name === 'RestError' || value.name === 'AbortError');
}

/**
 * Turns whatever a call threw (the SDK's RestError, an abort, a socket error, our own poll
 * errors) into an AzureError with a reason. An AzureError passes through unchanged.
 */
export function toAzureError(error: unknown): AzureError {
  if (error instanceof AzureError) return error;
  const value = (error ?? {}) as { name?: string; code?: string; statusCode?: number; message?: string; details?: unknown; cause?: unknown };
  if (value.name === 'AbortError' || value.code === 'ABORT_ERR') {
    return new AzureError('cancelled', 'Cancelled', value.message || 'The request was cancelled.', undefined, { cause: error });
  }
  const serviceError = serviceErrorOf(value.details);
  const code = serviceError?.code ?? value.code ?? '';
  const message = serviceError?.message ?? value.message ?? String(error);
  const causeCode = (value.cause as { code?: string } | undefined)?.code;
  for (const candidate of [code, causeCode]) {
    if (candidate && certificateCodes.has(candidate)) return new AzureError('untrustedCertificate', candidate, message, value.statusCode, { cause: error });
    if (candidate && networkCodes.has(candidate) && value.statusCode === undefined) return new AzureError('network', candidate, message, undefined, { cause: error });
  }
  const retryAfterMs = retryAfterOf((error as { response?: { headers?: { get?: unknown } } } | undefined)?.response?.headers);
  return new AzureError(reasonForCode(code, value.statusCode), code || (value.statusCode ? `Http${value.statusCode}` : 'Unknown'), message, value.statusCode, {
    cause: error,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** Retry-After in seconds or as an HTTP date, from a RestError's response headers. */
function retryAfterOf(headers: { get?: unknown } | undefined): number | undefined {
  const value = typeof headers?.get === 'function' ? (headers.get as (name: string) => string | undefined).call(headers, 'retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** RestError.details is the parsed body: `{ error: { code, message } }` or `{ code, message }`. */
function serviceErrorOf(details: unknown): { code?: string; message?: string } | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const body = details as { error?: { code?: string; message?: string }; code?: string; message?: string };
  const inner = body.error ?? body;
  return typeof inner.code === 'string' ? inner : undefined;
}
