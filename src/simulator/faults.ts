/**
 * Injected faults: the next matching requests are answered with an error, a reset connection,
 * or a delay instead of (or after) their normal answer.
 */
import { NOT_FOUND_SHAPES, type NotFoundShape, SimulatorApiError } from './api-error.js';
import { checkNumber, describeValue, isFiniteNonNegative } from './checks.js';

/**
 * What a fault does to a matching request:
 * - an exception Lightsail's model declares (`AccessDeniedException`, `AccountSetupInProgressException`,
 *   `InvalidInputException`, `NotFoundException`, `OperationFailureException`, `RegionSetupInProgressException`,
 *   `ServiceException`, `UnauthenticatedException`): answers that error body with the model's HTTP status
 *   (403, 428, 400, 404, 400, 428, 500, 401);
 * - `'ThrottlingException'`: HTTP 400 `{"__type":"ThrottlingException","message":"Rate exceeded"}`, which the SDK retries;
 * - `'http500'` / `'http503'`: answers HTTP 500 `InternalFailure` / 503 `ServiceUnavailable`, which the SDK retries;
 * - `'reset'`: destroys the socket without answering (the client sees ECONNRESET or "socket hang up");
 * - `'delay'`: waits `delayMs` real milliseconds, then serves the request normally.
 */
export type FaultKind =
  | 'ThrottlingException'
  | 'ServiceException'
  | 'AccessDeniedException'
  | 'UnauthenticatedException'
  | 'InvalidInputException'
  | 'NotFoundException'
  | 'OperationFailureException'
  | 'AccountSetupInProgressException'
  | 'RegionSetupInProgressException'
  | 'http500'
  | 'http503'
  | 'reset'
  | 'delay';

/** Every `FaultKind`. */
export const FAULT_KINDS: readonly FaultKind[] = [
  'ThrottlingException',
  'ServiceException',
  'AccessDeniedException',
  'UnauthenticatedException',
  'InvalidInputException',
  'NotFoundException',
  'OperationFailureException',
  'AccountSetupInProgressException',
  'RegionSetupInProgressException',
  'http500',
  'http503',
  'reset',
  'delay',
];

/**
 * When a fault strikes: `'before'` the action runs (nothing changes), or `'after'` it ran (its
 * answer is lost: the resource exists, the operation was started), as when a response is lost on the
 * way back and the SDK's automatic retry then meets the first attempt's work (OpenRouterLabs/spawn#2630:
 * "the first request succeeds server-side but the response is lost", the retry answered `NameExists`).
 */
export type FaultPhase = 'before' | 'after';

/** A fault for `Simulator.injectFault` or the `faults` option. */
export interface Fault {
  /** What happens to the matching requests. */
  readonly kind: FaultKind;
  /** Only requests for this action, e.g. `'GetOperation'`. @default undefined (any action) */
  readonly action?: string;
  /** Only requests signed for this region, e.g. `'eu-west-2'`. @default undefined (any region) */
  readonly region?: string;
  /** How many matching requests it affects; `Infinity` for all of them until `clearFaults()`. @default 1 */
  readonly times?: number;
  /** Whether it strikes before the action runs or after (not for `delay`). @default 'before' */
  readonly phase?: FaultPhase;
  /** For `NotFoundException`: its wire shape, instead of the simulator's `notFoundShape`. @default the `notFoundShape` option */
  readonly notFoundShape?: NotFoundShape;
  /** For `delay`: how long to wait, in real milliseconds (not the injected clock, not scaled). Required for `delay`. */
  readonly delayMs?: number;
}

interface ActiveFault {
  readonly fault: Fault;
  remaining: number;
}

/** The answer of an error fault. */
export function faultError(fault: Fault): SimulatorApiError {
  const { kind } = fault;
  switch (kind) {
    case 'http500':
      return new SimulatorApiError('InternalFailure', 'Simulated HTTP 500 (injected fault).', { httpStatus: 500 });
    case 'http503':
      return new SimulatorApiError('ServiceUnavailable', 'Simulated HTTP 503 (injected fault).', { httpStatus: 503 });
    case 'ThrottlingException':
      // No raw Lightsail throttling answer is published. This is the one raw AWS JSON 1.1 throttling answer
      // found, from ECS (iann0036/former2#11): HTTP 400, `{"__type":"ThrottlingException","message":"Rate
      // exceeded"}`, no `code` (and, unlike this simulator, no `x-amzn-errortype` header). Lightsail is assumed
      // to answer alike.
      return new SimulatorApiError(kind, 'Rate exceeded');
    default:
      return new SimulatorApiError(kind, `Simulated ${kind} (injected fault).`, {
        ...(fault.notFoundShape === undefined ? {} : { notFoundShape: fault.notFoundShape }),
      });
  }
}

function optionalName(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw new TypeError(`Expected \`${name}\` to be a non-empty string, got ${describeValue(value)}`);
  }
}

/** Validates a fault as given to `Simulator.injectFault` or the `faults` option. */
export function validateFault(fault: Fault): Fault {
  if (typeof fault !== 'object' || fault === null) throw new TypeError(`Expected the fault to be an object, got ${describeValue(fault)}`);
  if (!FAULT_KINDS.includes(fault.kind)) {
    throw new TypeError(`Expected \`kind\` to be one of ${FAULT_KINDS.join(', ')}, got ${describeValue(fault.kind)}`);
  }
  optionalName('action', fault.action);
  optionalName('region', fault.region);
  if (fault.times !== undefined) {
    checkNumber('times', fault.times, 'an integer >= 1 or Infinity', (n) => n === Infinity || (Number.isInteger(n) && n >= 1));
  }
  if (fault.phase !== undefined && fault.phase !== 'before' && fault.phase !== 'after') {
    throw new TypeError(`Expected \`phase\` to be 'before' or 'after', got ${describeValue(fault.phase)}`);
  }
  if (fault.phase === 'after' && fault.kind === 'delay') throw new TypeError('`phase` `after` is not allowed for a `delay` fault');
  if (fault.notFoundShape !== undefined && (fault.kind !== 'NotFoundException' || !NOT_FOUND_SHAPES.includes(fault.notFoundShape))) {
    throw new TypeError(
      `Expected \`notFoundShape\` to be one of ${NOT_FOUND_SHAPES.join(', ')} on a NotFoundException fault, got ${describeValue(fault.notFoundShape)}`,
    );
  }
  if (fault.kind === 'delay') checkNumber('delayMs', fault.delayMs, 'a finite number >= 0 (ms)', isFiniteNonNegative);
  else if (fault.delayMs !== undefined) throw new TypeError('`delayMs` is only allowed for a `delay` fault');
  return Object.freeze({ ...fault });
}

/** Pending faults, applied first-injected first. Internal. */
export class FaultQueue {
  #faults: ActiveFault[] = [];

  add(fault: Fault): void {
    const valid = validateFault(fault);
    this.#faults.push({ fault: valid, remaining: valid.times ?? 1 });
  }

  /** Frozen copies of the pending faults, `times` set to what remains. */
  pending(): readonly Fault[] {
    return Object.freeze(this.#faults.map((f) => Object.freeze({ ...f.fault, times: f.remaining })));
  }

  clear(): void {
    this.#faults = [];
  }

  /** Consumes one use of the first fault matching the action and region, if any. */
  take(action: string, region: string): Fault | undefined {
    const index = this.#faults.findIndex(
      (f) => (f.fault.action === undefined || f.fault.action === action) && (f.fault.region === undefined || f.fault.region === region),
    );
    const active = this.#faults[index];
    if (active === undefined) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.#faults.splice(index, 1);
    return active.fault;
  }
}
