import { describe, expect, it } from 'vitest';
import {
  isLightsailWaiterError,
  isOperationFailedError,
  isOperationRequestError,
  isWaiterAbortError,
  isWaiterTimeoutError,
  LightsailWaiterError,
  OperationFailedError,
  OperationRequestError,
  WaiterAbortError,
  WaiterTimeoutError,
} from '../../src/index.js';

describe('errors', () => {
  const failed = new OperationFailedError({
    id: 'op-1',
    status: 'Failed',
    operationType: 'CreateInstance',
    resourceName: 'web-1',
    errorCode: 'NoAvailableCapacity',
    errorDetails: 'try another zone',
  });
  const timeout = new WaiterTimeoutError('op-2', 1000, { id: 'op-2', status: 'Started' }, 3);
  const abort = new WaiterAbortError('op-3', new Error('Ctrl-C'), undefined);
  const request = new OperationRequestError(
    'op-4',
    Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400, requestId: 'r-1' } }),
    false,
    undefined,
  );

  it('writes one human sentence with the facts', () => {
    expect(failed.message).toBe('Lightsail operation op-1 (CreateInstance of web-1) ended Failed: NoAvailableCapacity: try another zone');
    expect(timeout.message).toBe('Timed out after 1000 ms waiting for Lightsail operation op-2; last seen Started');
    expect(abort.message).toBe('Stopped waiting for Lightsail operation op-3: aborted: Ctrl-C');
    expect(request.message).toBe('GetOperation for Lightsail operation op-4 failed with AccessDeniedException: denied');
  });

  it('are LightsailWaiterErrors and Errors', () => {
    for (const e of [failed, timeout, abort, request]) {
      expect(e).toBeInstanceOf(LightsailWaiterError);
      expect(e).toBeInstanceOf(Error);
      expect(isLightsailWaiterError(e)).toBe(true);
    }
  });

  it.each([
    [isOperationFailedError, 0],
    [isWaiterTimeoutError, 1],
    [isWaiterAbortError, 2],
    [isOperationRequestError, 3],
  ])('guard %o recognises only its own class', (guard, index) => {
    const all = [failed, timeout, abort, request];
    expect(all.map((e) => guard(e))).toEqual(all.map((_, i) => i === index));
    expect(guard(new Error('plain'))).toBe(false);
    expect(guard(null)).toBe(false);
  });

  it('guards ignore look-alikes that are not from this library', () => {
    const fake = Object.assign(new Error('x'), { name: 'OperationFailedError' });
    expect(isOperationFailedError(fake)).toBe(false);
    const plainAbort = new DOMException('x', 'AbortError');
    expect(isWaiterAbortError(plainAbort)).toBe(false);
  });

  it('keeps the data as fields', () => {
    expect(request).toMatchObject({ errorName: 'AccessDeniedException', httpStatusCode: 400, requestId: 'r-1', retriesExhausted: false });
    expect(timeout).toMatchObject({ timeoutMs: 1000, attempts: 3, name: 'TimeoutError' });
    expect(abort.name).toBe('AbortError');
    expect((abort.cause as Error).message).toBe('Ctrl-C');
  });
});
