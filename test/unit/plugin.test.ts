import { LightsailClient } from '@aws-sdk/client-lightsail';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  OperationFailedError,
  OperationsFailedError,
  Poller,
  WAIT_FOR_OPERATIONS_MIDDLEWARE,
  type WaitForOperationsPluginOptions,
  waitForOperationsPlugin,
} from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient } from '../helpers/stub-client.js';

type Middleware = (
  next: (args: unknown) => Promise<unknown>,
  context: object,
) => (args: unknown) => Promise<{ output: Record<string, unknown> }>;

/** Installs the plugin on a fake stack and returns the middleware it added. */
function install(options: WaitForOperationsPluginOptions): { middleware: Middleware; added: unknown } {
  let middleware: Middleware | undefined;
  let added: unknown;
  waitForOperationsPlugin(options).applyToStack({
    add(fn, where) {
      middleware = fn as Middleware;
      added = where;
    },
  });
  return { middleware: middleware as Middleware, added };
}

const respond = (output: object) => async () => ({ output, response: {} });

describe('waitForOperationsPlugin', () => {
  it('fits a real client’s middleware stack', () => {
    const client = new LightsailClient({ region: 'us-east-1' });
    expectTypeOf(client.middlewareStack.use).toBeCallableWith(waitForOperationsPlugin({ client }));
    client.middlewareStack.use(waitForOperationsPlugin({ client }));
    expect(client.middlewareStack.identify().some((m) => m.startsWith(WAIT_FOR_OPERATIONS_MIDDLEWARE))).toBe(true);
  });

  it('adds itself to the initialize step', () => {
    const { added } = install({ client: scriptedClient({}) });
    expect(added).toEqual({ step: 'initialize', name: WAIT_FOR_OPERATIONS_MIDDLEWARE, override: true });
  });

  it('returns the output with its operations in their final state', async () => {
    const clock = new FakeClock();
    const poll = scriptedClient({ a: [op('Started'), op('Succeeded')], b: [op('Succeeded')] });
    const { middleware } = install({ client: poll, clock });
    const output = { operations: [op('Started', { id: 'a' }), op('Started', { id: 'b' })], $metadata: { requestId: 'r' } };
    const { value } = await clock.run(middleware(respond(output), { commandName: 'CreateInstancesCommand' })({}));
    expect((value?.output.operations as Array<{ status: string }> | undefined)?.map((o) => o.status)).toEqual(['Succeeded', 'Succeeded']);
    expect(value?.output.$metadata).toEqual({ requestId: 'r' });
  });

  it('waits on a single `operation` and throws its OperationFailedError', async () => {
    const clock = new FakeClock();
    const poll = scriptedClient({ k: [op('Failed', { errorCode: 'E', errorDetails: 'd' })] });
    const { middleware } = install({ client: poll, clock });
    const { error } = await clock.run(
      middleware(respond({ operation: op('Started', { id: 'k' }) }), { commandName: 'CreateKeyPairCommand' })({}),
    );
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({ errorCode: 'E', errorDetails: 'd' });
  });

  it('throws OperationsFailedError for an `operations` array with a failure', async () => {
    const clock = new FakeClock();
    const { middleware } = install({ client: scriptedClient({ a: [op('Failed')] }), clock });
    const { error } = await clock.run(
      middleware(respond({ operations: [op('Started', { id: 'a' })] }), { commandName: 'CreateDiskCommand' })({}),
    );
    expect(error).toBeInstanceOf(OperationsFailedError);
  });

  it.each([
    ['GetOperationCommand', { operation: op('Started') }],
    ['GetOperationsForResourceCommand', { operations: [op('Started')] }],
    ['AllocateStaticIpCommand', { operations: [op('Succeeded')] }],
    ['GetInstanceCommand', { instance: {} }],
    ['CreateInstancesCommand', { something: 'else' }],
  ])('leaves %s alone with no request', async (commandName, output) => {
    const poll = scriptedClient({});
    const { middleware } = install({ client: poll });
    const result = await middleware(respond(output), { commandName })({});
    expect(result.output).toBe(output);
    expect(poll.calls).toHaveLength(0);
  });

  it('waits only on the commands the filter lets through', async () => {
    const poll = scriptedClient({});
    const { middleware } = install({ client: poll, filter: (name) => name === 'CreateInstancesCommand' });
    const output = { operations: [op('Started')] };
    await middleware(respond(output), { commandName: 'StopInstanceCommand' })({});
    expect(poll.calls).toHaveLength(0);
  });

  it('is cancelled by the abortSignal passed to client.send', async () => {
    const clock = new FakeClock();
    const poll = scriptedClient({ a: [op('Started')] });
    const { middleware } = install({ client: poll, clock });
    const controller = new AbortController();
    const context = { commandName: 'CreateInstancesCommand', __smithy_context: { abortSignal: controller.signal } };
    const pending = middleware(respond({ operations: [op('Started', { id: 'a' })] }), context)({}).catch((e: unknown) => e);
    await clock.advance(1500);
    controller.abort();
    const error = (await pending) as OperationsFailedError;
    expect(error.results[0]?.outcome).toBe('aborted');
    // The waits are stopped in the macrotask after the outcome.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(clock.pendingTimers).toBe(0);
  });

  it.each([
    [undefined, 'Expected `options` to be an object with a `client`'],
    [{}, 'Expected `client` to be a LightsailClient'],
    [{ client: scriptedClient({}), filter: 'x' }, 'Expected `filter` to be a function'],
    [{ client: scriptedClient({}), timeoutMs: -1 }, '`timeoutMs`'],
    [{ client: scriptedClient({}), failFast: 'yes' }, 'Expected `failFast` to be a boolean'],
    [{ client: scriptedClient({}), useGetOperations: 1 }, 'Expected `useGetOperations` to be a boolean, got `1` (number)'],
    [
      { client: scriptedClient({}), maxRequestsPerSecond: -1 },
      'Expected `maxRequestsPerSecond` to be a finite number > 0, got `-1` (number)',
    ],
    [
      { client: scriptedClient({}), maxRequestsPerSecond: 'fast' },
      'Expected `maxRequestsPerSecond` to be a finite number > 0, got `"fast"`',
    ],
    [
      { client: scriptedClient({}), maxRequestsPerSecond: 5, poller: new Poller() },
      'Pass either `maxRequestsPerSecond` or `poller`, not both',
    ],
  ])('refuses %j', (options, message) => {
    expect(() => waitForOperationsPlugin(options as never)).toThrow(message);
  });
});
