/**
 * Injected faults: the next matching requests are answered with an error, a reset connection,
 * or a delay instead of (or before) their normal answer.
 */
import { SimulatorApiError } from './api-error.js';
import { checkNumber, describeValue, isFiniteNonNegative } from './options.js';

/**
 * What a fault does to a matching request:
 * - an exception name (`'ThrottlingException'`, `'ServiceException'`, `'AccessDeniedException'`,
 *   `'UnauthenticatedException'`, `'InvalidInputException'`, `'NotFoundException'`): answers that
 *   error body (HTTP 400; 500 for `ServiceException`);
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
  'http500',
  'http503',
  'reset',
  'delay',
];

/** A fault for `Simulator.injectFault`. */
export interface Fault {
  /** What happens to the matching requests. */
  readonly kind: FaultKind;
  /** Only requests for this action, e.g. `'GetOperation'`. @default undefined (any action) */
  readonly action?: string;
  /** How many matching requests it affects; `Infinity` for all of them until `clearFaults()`. @default 1 */
  readonly times?: number;
  /** For `delay`: how long to wait, in real milliseconds (not the injected clock, not scaled). Required for `delay`. */
  readonly delayMs?: number;
}

interface ActiveFault {
  readonly fault: Fault;
  remaining: number;
}

/** The answer of an error fault. */
export function faultError(kind: FaultKind): SimulatorApiError {
  switch (kind) {
    case 'http500':
      return new SimulatorApiError('InternalFailure', 'Simulated HTTP 500 (injected fault).', 500);
    case 'http503':
      return new SimulatorApiError('ServiceUnavailable', 'Simulated HTTP 503 (injected fault).', 503);
    case 'ThrottlingException':
      return new SimulatorApiError(kind, 'Rate exceeded (injected fault).');
    default:
      return new SimulatorApiError(kind, `Simulated ${kind} (injected fault).`);
  }
}

/** Validates a fault as given to `Simulator.injectFault`. */
function validateFault(fault: Fault): Fault {
  if (typeof fault !== 'object' || fault === null) throw new TypeError(`Expected the fault to be an object, got ${describeValue(fault)}`);
  if (!FAULT_KINDS.includes(fault.kind)) {
    throw new TypeError(`Expected \`kind\` to be one of ${FAULT_KINDS.join(', ')}, got ${describeValue(fault.kind)}`);
  }
  if (fault.action !== undefined && (typeof fault.action !== 'string' || fault.action === '')) {
    throw new TypeError(`Expected \`action\` to be a non-empty string, got ${describeValue(fault.action)}`);
  }
  if (fault.times !== undefined) {
    checkNumber('times', fault.times, 'an integer >= 1 or Infinity', (n) => n === Infinity || (Number.isInteger(n) && n >= 1));
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

  /** Consumes one use of the first fault matching the action, if any. */
  take(action: string): Fault | undefined {
    const index = this.#faults.findIndex((f) => f.fault.action === undefined || f.fault.action === action);
    const active = this.#faults[index];
    if (active === undefined) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.#faults.splice(index, 1);
    return active.fault;
  }
}
