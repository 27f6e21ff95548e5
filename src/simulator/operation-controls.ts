/**
 * The `Simulator` methods that make and steer operations directly.
 */
import { checkNumber, checkString, describeValue, isFiniteNonNegative } from './checks.js';
import { toFailureRule } from './failures.js';
import { specToOperation } from './operation-spec.js';
import { toOperationJson } from './protocol.js';
import type { RegionStates } from './regions.js';
import type { Simulator } from './simulator.js';

/** Implements `createOperation`, `operation`, `failOperations`, `clearFailures` and `hideOperation` (documented on `Simulator`). Internal. */
export function operationControls(
  regions: RegionStates,
): Pick<Simulator, 'createOperation' | 'operation' | 'failOperations' | 'clearFailures' | 'hideOperation'> {
  const { config } = regions;
  const find = (operationId: string) => regions.findOperation(operationId);
  return {
    createOperation(spec = {}) {
      const region =
        spec?.region === undefined
          ? undefined
          : checkString('region', spec.region, /^[a-z0-9][a-z0-9-]*$/, 'a region name like `us-east-1`');
      const state = regions.get(region);
      const now = config.now();
      return toOperationJson(state.book.add(specToOperation(spec, state, now)), now, state.config.region);
    },
    operation(operationId) {
      const found = find(operationId);
      return found === undefined ? undefined : toOperationJson(found.op, config.now(), found.state.config.region);
    },
    failOperations(match, failure) {
      regions.addFailureRule(toFailureRule(match, failure), config.now());
    },
    clearFailures() {
      regions.shared.failures.clear();
    },
    hideOperation(operationId, forMs) {
      const found = find(operationId);
      if (found === undefined) {
        throw new RangeError(`Expected \`operationId\` to name an operation of this simulator, got ${describeValue(operationId)}`);
      }
      checkNumber('forMs', forMs, 'a finite number >= 0 (ms)', isFiniteNonNegative);
      found.op.hiddenUntil = config.now() + found.state.scaled(forMs);
    },
  };
}
