import { isNotFoundError } from '../policy/request-error-kind.js';

/** The parts of an SDK or network error that errors of this library copy into fields. */
export interface SdkErrorDetails {
  readonly name: string;
  readonly message: string;
  readonly httpStatusCode: number | undefined;
  readonly requestId: string | undefined;
  /** Lightsail said the thing does not exist, in either shape. */
  readonly notFound: boolean;
}

/** Reads an SDK exception (or anything thrown) without trusting its shape. */
export function describeSdkError(error: unknown): SdkErrorDetails {
  if (typeof error !== 'object' || error === null) {
    return { name: typeof error, message: String(error), httpStatusCode: undefined, requestId: undefined, notFound: false };
  }
  const e = error as { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string } };
  // A socket error says what happened in its code (ENOTFOUND, ECONNREFUSED), not in its name.
  const name = typeof e.name === 'string' && e.name !== 'Error' ? e.name : typeof e.code === 'string' ? e.code : 'Error';
  return {
    name,
    message: typeof e.message === 'string' ? e.message : '',
    httpStatusCode: e.$metadata?.httpStatusCode,
    requestId: e.$metadata?.requestId,
    notFound: isNotFoundError(error),
  };
}
