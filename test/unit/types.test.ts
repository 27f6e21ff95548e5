import { LightsailClient, type Operation } from '@aws-sdk/client-lightsail';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type LightsailClientLike,
  type OperationFailedError,
  OperationWaiter,
  type StatusEvent,
  type WaitOptions,
  waitForOperation,
} from '../../src/index.js';

describe('public types', () => {
  it('accepts a real LightsailClient as the client', () => {
    const client: LightsailClientLike = new LightsailClient({ region: 'us-east-1' });
    expectTypeOf(client.send).toBeFunction();
  });

  it('waitForOperation takes an id or an Operation and resolves with an Operation', () => {
    expectTypeOf(waitForOperation).parameter(1).toEqualTypeOf<string | Operation>();
    expectTypeOf(waitForOperation).returns.resolves.toEqualTypeOf<Operation>();
  });

  it('types each event payload', () => {
    const waiter = new OperationWaiter(new LightsailClient({ region: 'us-east-1' }), 'op-1');
    waiter.on('status', (event) => expectTypeOf(event).toEqualTypeOf<StatusEvent>());
    waiter.on('retry', (event) => expectTypeOf(event.delayMs).toBeNumber());
    // @ts-expect-error: not an event of the waiter
    waiter.on('nope', () => {});
  });

  it('types the failure fields', () => {
    expectTypeOf<OperationFailedError['errorCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<OperationFailedError['operationId']>().toBeString();
  });

  it('keeps options readonly and in milliseconds', () => {
    expectTypeOf<WaitOptions['timeoutMs']>().toEqualTypeOf<number | undefined>();
  });
});
