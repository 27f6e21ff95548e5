import { GetKeyPairCommand, type GetKeyPairCommandOutput } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  defineWaiter,
  isResourceFailedError,
  ResourceFailedError,
  type SendClient,
  Waiter,
  type WaiterDefinition,
  waitFor,
} from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { awsError, type SenderReply, stubSender } from '../../helpers/stub-sender.js';

type KeyPairClient = SendClient<GetKeyPairCommand, GetKeyPairCommandOutput>;

/** The definition of the TSDoc example, waiting through not-found (the key pair is being imported). */
const base: WaiterDefinition<KeyPairClient, { keyPairName: string }, GetKeyPairCommandOutput> = {
  name: 'key-pair-exists',
  action: 'GetKeyPair',
  input: (value) => ({ keyPairName: String(value) }),
  target: ({ keyPairName }) => keyPairName,
  describe: ({ keyPairName }) => `Lightsail key pair ${keyPairName}`,
  probe: (client, input, { signal }) => client.send(new GetKeyPairCommand(input), { abortSignal: signal }),
  acceptors: [
    { state: 'success', matches: (output) => output.keyPair !== undefined },
    { state: 'retry', error: 'NotFoundException' },
    {
      state: 'failure',
      error: (error) => (error as { name?: string }).name === 'InvalidInputException',
      reason: 'the key pair name is refused',
    },
  ],
  state: (output) => (output.keyPair ? 'exists' : undefined),
};
const keyPairExists = defineWaiter(base);
const keyPair = { keyPair: { name: 'deploy-key', fingerprint: 'aa:bb' }, $metadata: {} };

describe('defineWaiter: checks the definition when the module loads', () => {
  it.each([
    ['null', null, '`definition` to be an object, got `null`'],
    ['a string', 'instance-running', '`definition` to be an object, got `"instance-running"` (string)'],
  ])('refuses %s as the definition', (_label, value, message) => {
    expect(() => defineWaiter(value as never)).toThrow(new TypeError(`Expected ${message}`));
  });

  it.each(['InstanceRunning', 'instance_running', 'instance running', '', '-running', 'running-', 'a--b', '1-up', 42])(
    'refuses the name %o, which is not kebab-case',
    (name) => {
      expect(() => defineWaiter({ ...base, name } as never)).toThrow(
        /^Expected `definition.name` to be a kebab-case name such as 'instance-running', got /,
      );
    },
  );

  it.each(['input', 'target', 'describe', 'probe', 'state'] as const)('refuses a definition without %s', (key) => {
    const { [key]: _missing, ...rest } = base;
    expect(() => defineWaiter(rest as never)).toThrow(new TypeError(`Expected \`definition.${key}\` to be a function, got \`undefined\``));
  });

  it.each(['detail', 'backoff'] as const)('refuses a %s that is not a function', (key) => {
    expect(() => defineWaiter({ ...base, [key]: 'yes' })).toThrow(
      `Expected \`definition.${key}\` to be a function, got \`"yes"\` (string)`,
    );
  });

  it.each([
    ['no acceptors', [], 'an array'],
    ['acceptors that are not an array', 'success', '`"success"` (string)'],
    ['undefined acceptors', undefined, '`undefined`'],
  ])('refuses %s', (_label, acceptors, shown) => {
    expect(() => defineWaiter({ ...base, acceptors } as never)).toThrow(
      `Expected \`definition.acceptors\` to be a non-empty array, got ${shown}`,
    );
  });

  it.each([
    ['null', null, /^Expected `definition.acceptors\[1\]` to be an acceptor object, got `null`$/],
    [
      'an unknown state',
      { state: 'done', matches: (): boolean => true },
      /`definition.acceptors\[1\].state` to be 'success', 'failure' or 'retry', got `"done"`/,
    ],
    [
      'both matches and error',
      { state: 'success', matches: (): boolean => true, error: 'NotFoundException' },
      /either `matches`.* or `error`/,
    ],
    ['neither matches nor error', { state: 'success' }, /`definition.acceptors\[1\]` to have either `matches`/],
    ['an error that is a number', { state: 'success', error: 404 }, /`definition.acceptors\[1\]` to have either `matches`/],
  ])('refuses an acceptor with %s, naming its index', (_label, acceptor, message) => {
    const acceptors = [{ state: 'success', matches: () => false }, acceptor];
    expect(() => defineWaiter({ ...base, acceptors } as never)).toThrow(message);
  });

  it.each([
    ['a zero shortest', [0, 10]],
    ['a longest shorter than the shortest', [10, 5]],
    ['one number', [10]],
    ['three numbers', [1, 2, 3]],
    ['a number', 10],
    ['a negative shortest', [-1, 5]],
    ['NaN', [Number.NaN, 5]],
  ])('refuses typicalDurationMs with %s', (_label, typicalDurationMs) => {
    expect(() => defineWaiter({ ...base, typicalDurationMs } as never)).toThrow(
      /^Expected `definition.typicalDurationMs` to be \[shortestMs, longestMs\]/,
    );
  });

  // typicalDurationMs is compared with `>` and `>=` only, so strings that compare as numbers get through.
  it('refuses typicalDurationMs given as strings', () => {
    expect(() => defineWaiter({ ...base, typicalDurationMs: ['1000', '5000'] } as never)).toThrow(TypeError);
  });

  it('returns a frozen copy, acceptors included, that later edits of the original do not reach', () => {
    const acceptors = [...base.acceptors];
    const definition = defineWaiter({ ...base, acceptors });
    acceptors.pop();
    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.acceptors)).toBe(true);
    expect(definition.acceptors).toHaveLength(3);
    expect(() => {
      (definition as { name: string }).name = 'other';
    }).toThrow(TypeError);
  });
});

describe('a user-defined waiter, end to end', () => {
  it('runs with waitFor, sending its own command, and waits through not-found with a retry acceptor', async () => {
    const clock = new FakeClock();
    const client = stubSender(awsError('NotFoundException'), awsError('NotFoundException'), keyPair);
    const { value } = await clock.run(waitFor(client, keyPairExists, 'deploy-key', { clock, notFoundGraceMs: 0 }));
    expect(value).toBe(keyPair);
    expect(client.calls.map((c) => [c.name, c.input])).toEqual(Array(3).fill(['GetKeyPairCommand', { keyPairName: 'deploy-key' }]));
  });

  it('spaces looks that end in an error a retry acceptor matched as it spaces pending answers', async () => {
    const sleepsWhile = async (reply: SenderReply) => {
      const clock = new FakeClock();
      const client = stubSender(reply);
      const { error } = await clock.run(waitFor(client, keyPairExists, 'deploy-key', { clock, timeoutMs: 120_000 }));
      expect(error).toMatchObject({ name: 'TimeoutError' });
      return { sleeps: clock.firedSleeps, requests: client.calls.length };
    };
    const pending = await sleepsWhile({ $metadata: {} });
    // Before, each such error left the schedule at its first poll: 0 ms, then the poller's pace.
    expect(await sleepsWhile(awsError('NotFoundException'))).toEqual(pending);
    expect(pending.requests).toBeLessThan(30);
  });

  it('runs with new Waiter, emitting events with its name and target', async () => {
    const clock = new FakeClock();
    const waiter = new Waiter(stubSender({ $metadata: {} }, keyPair), keyPairExists, 'deploy-key', { clock });
    const log: string[] = [];
    waiter.on('poll', (e) => log.push(`poll:${e.waiter}:${e.target}:${e.attempt}`));
    waiter.on('status', (e) => log.push(`status:${e.previous ?? '-'}->${e.current ?? '-'}`));
    waiter.on('succeeded', (e) => log.push(`succeeded:${e.attempts}`));
    await clock.run(waiter.wait());
    expect(log).toEqual([
      'poll:key-pair-exists:deploy-key:1',
      'status:-->-',
      'poll:key-pair-exists:deploy-key:2',
      'status:-->exists',
      'succeeded:2',
    ]);
  });

  it('rejects with a ResourceFailedError whose cause is the error a failure acceptor matched', async () => {
    const clock = new FakeClock();
    const refused = awsError('InvalidInputException');
    const { error } = await clock.run(waitFor(stubSender(refused), keyPairExists, 'deploy-key', { clock }));
    expect(isResourceFailedError(error)).toBe(true);
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error).toMatchObject({
      waiter: 'key-pair-exists',
      resourceName: 'deploy-key',
      reason: 'the key pair name is refused',
      state: undefined,
    });
    expect((error as Error).cause).toBe(refused);
    expect((error as Error).message).toBe(
      'Lightsail key pair deploy-key will not become what key-pair-exists waits for: the key pair name is refused',
    );
  });

  it("reports an error acceptor's failure without a reason by the error's name", async () => {
    const clock = new FakeClock();
    const definition = defineWaiter({ ...base, acceptors: [{ state: 'failure', error: 'AccessDeniedException' }] });
    const { error } = await clock.run(waitFor(stubSender(awsError('AccessDeniedException')), definition, 'deploy-key', { clock }));
    expect(error).toMatchObject({ name: 'ResourceFailedError', reason: 'AccessDeniedException' });
  });

  it("reports an output acceptor's failure without a reason as 'a failure state'", async () => {
    const clock = new FakeClock();
    const definition = defineWaiter({ ...base, acceptors: [{ state: 'failure', matches: () => true }] });
    const { error } = await clock.run(waitFor(stubSender(keyPair), definition, 'deploy-key', { clock }));
    expect(error).toMatchObject({ name: 'ResourceFailedError', reason: 'a failure state', state: 'exists' });
  });

  it('lets the first matching acceptor decide', async () => {
    const clock = new FakeClock();
    const definition = defineWaiter({
      ...base,
      acceptors: [
        { state: 'failure', matches: () => true, reason: 'first' },
        { state: 'success', matches: () => true },
      ],
    });
    const { error } = await clock.run(waitFor(stubSender(keyPair), definition, 'deploy-key', { clock }));
    expect(error).toMatchObject({ reason: 'first' });
  });

  it('hands the probe the previous output and the clock', async () => {
    const clock = new FakeClock();
    const seen: unknown[] = [];
    const definition = defineWaiter({
      ...base,
      probe: (client: KeyPairClient, input, context) => {
        seen.push([context.previous, context.clock === clock, context.signal instanceof AbortSignal]);
        return client.send(new GetKeyPairCommand(input), { abortSignal: context.signal });
      },
    });
    const first = { $metadata: {} };
    await clock.run(waitFor(stubSender(first, keyPair), definition, 'deploy-key', { clock }));
    expect(seen).toEqual([
      [undefined, true, true],
      [first, true, true],
    ]);
  });
});
