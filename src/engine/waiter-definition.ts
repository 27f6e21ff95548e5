import type { BackoffStrategy } from '../policy/backoff.js';
import type { SendOptions } from '../types.js';
import type { Clock } from './clock.js';
import { assertFunction, describeValue } from './validate.js';

/** What one probe result means: done well, done badly, or keep polling. */
export type AcceptorState = 'success' | 'failure' | 'retry';

/** Classifies a probe's output, as a smithy waiter's output acceptor does, with a typed function instead of JMESPath. */
export interface OutputAcceptor<TOutput, TInput = unknown> {
  /** What a match means. */
  readonly state: AcceptorState;
  /** True when this acceptor applies to the output (the checked input is there too, as smithy's `inputOutput` matcher has it). */
  readonly matches: (output: TOutput, input: TInput) => boolean;
  /** Why, in words, for a `failure`: `'the instance is stopped'`. */
  readonly reason?: string | ((output: TOutput) => string);
}

/** Classifies a probe's error, as a smithy waiter's `errorType` acceptor does. */
export interface ErrorAcceptor {
  /** What a match means: `success` for a `*-deleted` waiter on `NotFoundException`. */
  readonly state: AcceptorState;
  /**
   * The error's name (`'NotFoundException'` also matches Lightsail's older `DoesNotExist` shape), or a
   * predicate.
   */
  readonly error: string | ((error: unknown) => boolean);
  /** Why, in words, for a `failure`. */
  readonly reason?: string;
}

/** One acceptor: on the output or on an error. The first that matches decides. */
export type Acceptor<TOutput, TInput = unknown> = OutputAcceptor<TOutput, TInput> | ErrorAcceptor;

/** What a probe is handed for one call. */
export interface ProbeContext<TOutput> {
  /** Aborts on timeout, on the caller's signal, and on the per-request timeout: pass it to `client.send`. */
  readonly signal: AbortSignal;
  /** The previous successful output of this wait, for probes that compare over time. */
  readonly previous: TOutput | undefined;
  /** The waiter's clock. */
  readonly clock: Clock;
  /**
   * Waits for another turn at the wait's poller. A probe that sends more than one request awaits
   * it before each request after the first, once the one before has answered, so that every
   * request is paced and counted as the first is (the per-request timeout does not run while it
   * waits). Rejects when the wait ends first.
   */
  readonly nextTurn: () => Promise<void>;
  /**
   * Runs `work` that is not a Lightsail request (a TCP connect) without the per-request timeout,
   * which starts afresh for any request after it; `signal` still aborts when the wait ends.
   */
  readonly untimed: <R>(work: () => Promise<R>) => Promise<R>;
}

/** A client whose `send` takes one command type: a `LightsailClient` fits every one of them. */
export interface SendClient<TCommand, TOutput> {
  /** Sends the command; the waiter passes `abortSignal`. */
  send(command: TCommand, options?: SendOptions): Promise<TOutput>;
}

/**
 * A waiter: how to read the state of one thing (the probe, usually one `Get*` call) and what each
 * result means (the acceptors). Make one with {@link defineWaiter}; run it with `waitFor` or
 * `new Waiter(...)`. `TInput` is what identifies the thing (`{ instanceName }`).
 */
export interface WaiterDefinition<TClient, TInput, TOutput> {
  /** A short kebab-case name: `'instance-running'`. Shown in events, errors and the CLI. */
  readonly name: string;
  /** Checks and normalizes the input before any request; throws `TypeError` naming the bad field. */
  readonly input: (value: unknown) => TInput;
  /** What is waited on, by name: `'web-1'`. Events carry it as `target`. */
  readonly target: (input: TInput) => string;
  /** The Lightsail resource's name, for error fields, when it differs from `target` (`web-1` for target `web-1:22`). @default target */
  readonly resourceName?: (input: TInput) => string;
  /** The thing in words, for messages: `'Lightsail instance web-1'`. */
  readonly describe: (input: TInput) => string;
  /** The Lightsail action the probe calls, for error messages: `'GetInstance'`. @default undefined */
  readonly action?: string;
  /** One look at the thing: usually one `Get*` call through `client.send` with `context.signal`. */
  readonly probe: (client: TClient, input: TInput, context: ProbeContext<TOutput>) => Promise<TOutput>;
  /** The first acceptor that matches an output (or an error) decides; none matching means keep polling. */
  readonly acceptors: readonly Acceptor<TOutput, TInput>[];
  /** The watched state, for `status` events: `'running'`, `'PENDING_VALIDATION'`. */
  readonly state: (output: TOutput) => string | undefined;
  /** More about the state, for `status` events: the domains' validation statuses, the instances' health. */
  readonly detail?: (output: TOutput) => string | undefined;
  /**
   * Where the wait usually ends, `[shortestMs, longestMs]` from the start: shapes the default
   * schedule. @default unknown (any duration from 1 s to 2 h)
   */
  readonly typicalDurationMs?: readonly [number, number];
  /** The schedule this waiter uses unless the caller passes `backoff`. @default operationAwareBackoff */
  readonly backoff?: BackoffStrategy;
}

/** A definition whose functions may be given as arguments. */
export type AnyWaiterDefinition = WaiterDefinition<never, unknown, unknown>;

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Checks a waiter definition and freezes it. Arguments are checked here, once, so a mistake shows
 * when the module loads rather than at the first poll.
 *
 * @example
 * ```ts
 * const keyPairExists = defineWaiter({
 *   name: 'key-pair-exists',
 *   input: (value) => ({ keyPairName: String(value) }),
 *   target: ({ keyPairName }) => keyPairName,
 *   describe: ({ keyPairName }) => `Lightsail key pair ${keyPairName}`,
 *   probe: (client: LightsailClient, input, { signal }) => client.send(new GetKeyPairCommand(input), { abortSignal: signal }),
 *   acceptors: [{ state: 'success', matches: (output) => output.keyPair !== undefined }],
 *   state: (output) => (output.keyPair ? 'exists' : undefined),
 * });
 * ```
 */
export function defineWaiter<TClient, TInput, TOutput>(
  definition: WaiterDefinition<TClient, TInput, TOutput>,
): WaiterDefinition<TClient, TInput, TOutput> {
  if (typeof definition !== 'object' || definition === null) {
    throw new TypeError(`Expected \`definition\` to be an object, got ${describeValue(definition)}`);
  }
  if (typeof definition.name !== 'string' || !KEBAB.test(definition.name)) {
    throw new TypeError(
      `Expected \`definition.name\` to be a kebab-case name such as 'instance-running', got ${describeValue(definition.name)}`,
    );
  }
  for (const key of ['input', 'target', 'describe', 'probe', 'state'] as const) assertFunction(`definition.${key}`, definition[key]);
  if (definition.detail !== undefined) assertFunction('definition.detail', definition.detail);
  if (definition.resourceName !== undefined) assertFunction('definition.resourceName', definition.resourceName);
  if (definition.backoff !== undefined) assertFunction('definition.backoff', definition.backoff);
  if (!Array.isArray(definition.acceptors) || definition.acceptors.length === 0) {
    throw new TypeError(`Expected \`definition.acceptors\` to be a non-empty array, got ${describeValue(definition.acceptors)}`);
  }
  definition.acceptors.forEach((acceptor, i) => {
    checkAcceptor(acceptor, `definition.acceptors[${i}]`);
  });
  const range = definition.typicalDurationMs;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (
    range !== undefined &&
    !(Array.isArray(range) && range.length === 2 && finite(range[0]) && finite(range[1]) && range[0] > 0 && range[1] >= range[0])
  ) {
    throw new TypeError(
      `Expected \`definition.typicalDurationMs\` to be [shortestMs, longestMs] with 0 < shortest <= longest, got ${describeValue(range)}`,
    );
  }
  return Object.freeze({ ...definition, acceptors: Object.freeze([...definition.acceptors]) });
}

function checkAcceptor(acceptor: unknown, name: string): void {
  if (typeof acceptor !== 'object' || acceptor === null)
    throw new TypeError(`Expected \`${name}\` to be an acceptor object, got ${describeValue(acceptor)}`);
  const a = acceptor as { state?: unknown; matches?: unknown; error?: unknown };
  if (a.state !== 'success' && a.state !== 'failure' && a.state !== 'retry') {
    throw new TypeError(`Expected \`${name}.state\` to be 'success', 'failure' or 'retry', got ${describeValue(a.state)}`);
  }
  const onOutput = typeof a.matches === 'function';
  const onError = typeof a.error === 'string' || typeof a.error === 'function';
  if (onOutput === onError) {
    throw new TypeError(
      `Expected \`${name}\` to have either \`matches\` (a function of the output) or \`error\` (an error name or predicate)`,
    );
  }
}
