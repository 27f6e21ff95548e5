import { type Clock, sleep } from '../../src/engine/clock.js';

/**
 * Simulated time running `scale` times faster than the wall clock, from `anchor` (epoch ms) on.
 * The simulator, the waiters, their schedule and the poller all read it, so every duration, delay,
 * rate and rate-limit window is in simulated time and only the wall clock is shorter. Processes
 * given the same anchor and scale share it.
 */
export function compressedTime(anchor: number, scale: number): { readonly now: () => number; readonly clock: Clock } {
  // Epoch ms with a fraction (Date.now() has whole ms: 10 simulated ms at a scale of 10).
  const now = (): number => anchor + (performance.timeOrigin + performance.now() - anchor) * scale;
  return { now, clock: { now, random: () => Math.random(), sleep: (ms, signal) => sleep(ms / scale, signal) } };
}
