/** How the waiter treats a failed `GetOperation`: try again, or give up now. */
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

// fetch() in browsers and Node reports a network failure as a TypeError with one of these messages.
const NETWORK_MESSAGES =
  /^(Failed to fetch|fetch failed|NetworkError when attempting to fetch resource\.|Load failed|Network request failed)$/;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/**
 * Sorts a `GetOperation` failure: throttling, server faults and network errors are transient;
 * `NotFoundException` is its own kind (a new operation may not be visible yet); everything else
 * (access denied, not authenticated, bad input, unknown errors) is fatal and fails fast.
 */
export function classifyRequestError(error: unknown): RequestFailureKind {
  if (typeof error !== 'object' || error === null) return 'fatal';
  const e = error as ErrorShape;
  if (e.name === 'NotFoundException') return 'not-found';
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return 'transient';
  if (e.$retryable !== undefined && e.$retryable !== null && e.$retryable !== false) return 'transient';
  const status = e.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return 'transient';
  if (isNetworkError(e) || (typeof e.cause === 'object' && e.cause !== null && isNetworkError(e.cause as ErrorShape))) {
    return 'transient';
  }
  return 'fatal';
}

function isNetworkError(e: ErrorShape): boolean {
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  return e.name === 'TypeError' && typeof e.message === 'string' && NETWORK_MESSAGES.test(e.message);
}

/** True when the error says the account is sending too many requests. */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  return (typeof e.name === 'string' && THROTTLING_NAMES.has(e.name)) || e.$metadata?.httpStatusCode === 429;
}
