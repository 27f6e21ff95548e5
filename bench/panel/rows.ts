import type { BackoffStrategy } from '../../src/index.js';
import { type BeliefPart, typedBelief, untypedBelief } from '../../src/policy/duration-belief.js';
import { beliefBackoff, TYPICAL_OPERATION_DURATIONS_MS } from '../../src/policy/operation-aware-backoff.js';
import { type Implementation, ours, schedule, smithy, terraformDelay } from '../implementations.js';
import { legacyBackoff } from './legacy-backoff.js';
import { optimal } from './optimal.js';

const SECOND = 1000;
export const DEFAULT_OBJECT_ROW = 'ours (default), given the object';
export const DEFAULT_ID_ROW = 'ours (default), given the id';

const logUniform = (weight: number, lo: number, hi: number): BeliefPart => ({ weight, kind: 'log-uniform', lo, hi });

/** The default with one belief changed: what that piece of it buys. Reads `Date.now` (virtual during a run). */
function variant(beliefFor: (range: readonly [number, number] | undefined) => readonly BeliefPart[], jitter = 0.05) {
  return beliefBackoff(beliefFor, { now: () => Date.now(), table: TYPICAL_OPERATION_DURATIONS_MS, callCostMs: 1000, scale: 1, jitter });
}
const defaultBelief = (range: readonly [number, number] | undefined): readonly BeliefPart[] =>
  range === undefined ? untypedBelief() : typedBelief(range[0] / 1000, range[1] / 1000);
const withoutQuick = (parts: readonly BeliefPart[]): BeliefPart[] => parts.filter((p) => !(p.kind === 'log-uniform' && p.hi === 5));

/** The old jitter, ±10 % around the planned delay (after the clamp, as the old default did it before it). */
function jitterBoth(strategy: BackoffStrategy): BackoffStrategy {
  return (context) => {
    const delay = strategy(context);
    const jittered = delay * (1 + 0.1 * (2 * context.random() - 1));
    return Math.round(Math.min(context.maxDelayMs, Math.max(context.attempt === 0 ? 0 : context.minDelayMs, jittered)));
  };
}

/**
 * Ours given only the id, its first poll delayed: with no `createdAt`, the waiter cannot tell a fresh
 * operation from an old one, and polls at once; this row measures the other choice.
 */
function idFirstPollAfter(name: string, ms: number): Implementation {
  const base = ours(name, {}, true);
  return {
    ...base,
    async wait(op, context) {
      await context.time.clock.sleep(ms);
      return base.wait(op, context);
    },
  };
}

/** The panel's rows: the peers, the floor, the default both ways, then variants of the default (ablations). */
export function panelRows(): { main: Implementation[]; ablations: Implementation[] } {
  const main = [
    smithy('@smithy/util-waiter, SDK defaults (2–120 s)', 2, 120),
    smithy('@smithy/util-waiter, preevy settings (1–5 s)', 1, 5),
    schedule('Terraform StateChangeConf (5 s, then 3→10 s)', terraformDelay),
    schedule('fixed 15 s', (poll) => (poll === 0 ? 0 : 15 * SECOND)),
    schedule('fixed 30 s', (poll) => (poll === 0 ? 0 : 30 * SECOND)),
    optimal,
    ours(DEFAULT_OBJECT_ROW, {}),
    ours(DEFAULT_ID_ROW, {}, true),
  ];
  const ablations = [
    ours('old default (√-spaced rule, log-uniform belief)', { backoff: legacyBackoff }),
    ours('DP rule, old belief, old ±10 % jitter', {
      backoff: jitterBoth(
        variant(
          (range) =>
            range === undefined ? [logUniform(1, 1, 7200)] : [logUniform(0.9, range[0] / 1000, range[1] / 1000), logUniform(0.1, 1, 7200)],
          0,
        ),
      ),
    }),
    ours('default without "done within 5 s"', { backoff: variant((range) => withoutQuick(defaultBelief(range))) }),
    ours('default, unknown tail log-uniform, not memoryless', {
      backoff: variant((range) =>
        range === undefined ? [logUniform(0.2, 1, 5), logUniform(0.8, 1, 7200)] : typedBelief(range[0] / 1000, range[1] / 1000),
      ),
    }),
    ours('default, typed belief 90 % log-uniform on the range', {
      backoff: variant((range) =>
        range === undefined
          ? untypedBelief()
          : [logUniform(0.9, range[0] / 1000, range[1] / 1000), ...untypedBelief().map((p) => ({ ...p, weight: p.weight / 10 }))],
      ),
    }),
    ours('default, jitter ±10 % (as before), not 0–5 % later', { backoff: jitterBoth(variant(defaultBelief, 0)) }),
    ours('default, maxDelayMs 60 s', { maxDelayMs: 60 * SECOND }),
    idFirstPollAfter('default given the id, first poll after 2 s', 2 * SECOND),
    idFirstPollAfter('default given the id, first poll after 5 s (as Terraform)', 5 * SECOND),
  ];
  return { main, ablations };
}
