import { describe, expect, it } from 'vitest';
import { type BackoffContext, DEFAULT_WAIT_OPTIONS, operationAwareBackoff, scaledWaitOptions } from '../../src/index.js';
import { startSimulator } from '../../src/simulator/index.js';

const createInstance = { id: 'op-1', operationType: 'CreateInstance', status: 'Started' } as const;

/** A context `scale` times faster than `base`: its times divided by `scale`. */
function faster(base: BackoffContext, scale: number): BackoffContext {
  return { ...base, elapsedMs: base.elapsedMs / scale, minDelayMs: base.minDelayMs / scale, maxDelayMs: base.maxDelayMs / scale };
}

describe('scaledWaitOptions', () => {
  it.each([10, 100, 1000])('at ×%i, plans the default schedule in Lightsail time and divides every delay', (scale) => {
    const { backoff, minDelayMs, maxDelayMs } = scaledWaitOptions(scale);
    expect(minDelayMs).toBe(DEFAULT_WAIT_OPTIONS.minDelayMs / scale);
    expect(maxDelayMs).toBe(DEFAULT_WAIT_OPTIONS.maxDelayMs / scale);
    for (const [attempt, elapsedMs] of [
      [1, 0],
      [2, 12_000],
      [5, 45_000],
      [9, 300_000],
    ] as const) {
      const lightsail: BackoffContext = {
        attempt,
        elapsedMs,
        minDelayMs: DEFAULT_WAIT_OPTIONS.minDelayMs,
        maxDelayMs: DEFAULT_WAIT_OPTIONS.maxDelayMs,
        operation: createInstance,
        random: () => 0,
      };
      // Both round to whole milliseconds.
      expect(backoff(faster(lightsail, scale))).toBe(Math.round(operationAwareBackoff(lightsail) / scale));
    }
  });

  it.each([0, -1, Number.NaN, '10'])('rejects a timeScale of %s, naming it', (scale) => {
    expect(() => scaledWaitOptions(scale as number)).toThrow(/`timeScale`/);
  });

  it('is what a simulator offers as waitOptions, for its own timeScale', async () => {
    const sim = await startSimulator({ timeScale: 50 });
    try {
      expect(sim.waitOptions.minDelayMs).toBe(20);
      expect(sim.waitOptions.maxDelayMs).toBe(600);
    } finally {
      await sim.close();
    }
  });
});
