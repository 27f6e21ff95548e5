import isNetworkError from 'is-network-error';

/** How the waiter treats a failed request: try again, or give up now. */
export type RequestFailureKind = 'transient' | 'not-found' | 'fatal';

const THROTTLING_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const TRANSIENT_NAMES: ReadonlySet<string> = new Set([
  ...THROTTLING_NAMES,
  'ServiceException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  // A response body that does not parse (cut short by a proxy, garbled): the next answer may be whole.
  'SyntaxError',
]);

const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/**
 * Sorts a failed Lightsail request: throttling, server faults and network errors are transient;
 * not-found (either shape: see {@link isNotFoundError}) is its own kind (a new resource may not be visible yet); everything else
 * (access denied, not authenticated, bad input, unknown errors) is fatal and fails fast.
 */
export function classifyRequestError(error: unknown): RequestFailureKind {
  if (typeof error !== 'object' || error === null) return 'fatal';
  const e = error as ErrorShape;
  if (isNotFoundError(e)) return 'not-found';
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return 'transient';
  if (e.$retryable !== undefined && e.$retryable !== null && e.$retryable !== false) return 'transient';
  const status = e.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return 'transient';
  if (isNetworkFailure(e) || (typeof e.cause === 'object' && e.cause !== null && isNetworkFailure(e.cause as ErrorShape))) {
    return 'transient';
  }
  return 'fatal';
}

/** A socket error code (Node) or a failed `fetch` (browsers, undici: `is-network-error`). */
function isNetworkFailure(e: ErrorShape): boolean {
  return (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) || isNetworkError(e);
}

/**
 * True for Lightsail's "does not exist" in either shape: `NotFoundException`, or a response with no
 * error type header and only `code: "DoesNotExist"` in the body, which SDK clients up to about
 * 3.6xx name `DoesNotExist` (terraform-provider-aws matches that string for the same reason).
 */
export function isNotFoundError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  return e.name === 'NotFoundException' || e.name === 'DoesNotExist' || e.code === 'DoesNotExist';
}

/** True when the error says the account is sending too many requests. */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  return (typeof e.name === 'string' && THROTTLING_NAMES.has(e.name)) || e.$metadata?.httpStatusCode === 429;
}

// The endpoint cannot be found or reached at all: retrying helps only briefly (a DNS blip, a
// restarting proxy), unlike throttling or a 5xx, which say the service is there.
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/** True when the request never reached the endpoint: its name does not resolve, or nothing listens there. */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as ErrorShape;
  return (
    (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) || (typeof cause.code === 'string' && UNREACHABLE_CODES.has(cause.code))
  );
}
