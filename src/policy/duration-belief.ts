/**
 * What the default schedule believes about how long a wait lasts, as a mixture of simple
 * distributions over seconds. Each weight is the choice `npm run bench` measured across its
 * panel of workloads (bench/panel/workloads.ts); the comments say which workload each one wins.
 */

/** One component of a belief: log-uniform on [lo, hi], log-normal (median, σ of the log) or exponential (mean). */
export type BeliefPart =
  | { readonly weight: number; readonly kind: 'log-uniform'; readonly lo: number; readonly hi: number }
  | { readonly weight: number; readonly kind: 'log-normal'; readonly median: number; readonly sigma: number }
  | { readonly weight: number; readonly kind: 'exponential'; readonly mean: number };

/** The longest duration the schedule plans for, seconds (2 h); past it, it polls at `maxDelayMs`. */
export const HORIZON_S = 7200;

/**
 * Finished within 5 s: Terraform's provider waits 5 s before its first poll for the same reason.
 * Without it the first poll of an untyped operation comes at ~7 s and every 2–5 s operation
 * costs twice the optimum (panel: "short").
 */
const QUICK: BeliefPart = { weight: 1, kind: 'log-uniform', lo: 1, hi: 5 };
/**
 * Anything up to 2 h, with a hundredth of the weight: keeps every belief alive until the horizon,
 * so that an operation far off its range is still polled sensibly.
 */
const ANYTHING: BeliefPart = { weight: 0.01, kind: 'log-uniform', lo: 1, hi: HORIZON_S };

function scaled(part: BeliefPart, weight: number): BeliefPart {
  return { ...part, weight };
}

/**
 * The belief when nothing is known: a fifth finishes within 5 s; the rest is memoryless with a
 * mean of 5 minutes, so that after the first seconds the polls come at an even ~25 s. A
 * memoryless belief wins the workloads whose durations are spread evenly over minutes (panel:
 * "flat", where a fixed 30 s poll is the peer to beat); the √-spaced polls of the old
 * log-uniform belief lost there.
 */
export function untypedBelief(): readonly BeliefPart[] {
  return [scaled(QUICK, 0.2), { weight: 0.79, kind: 'exponential', mean: 300 }, ANYTHING];
}

/**
 * The belief for a typical range `[lo, hi]` (seconds): 70 % log-normal with the range one σ
 * either side of its middle (typical, not certain: panel "short, typed AttachDisk", where the
 * table's range is wrong); 15 % within 5 s; 14 % memoryless with a mean of twice `hi`, so that
 * an operation that outlives its range is polled about as often as its range suggests rather
 * than at `maxDelayMs` (panels "wide" and "late", where a fixed 15 s poll is the peer to beat).
 */
export function typedBelief(lo: number, hi: number): readonly BeliefPart[] {
  const median = Math.sqrt(lo * hi);
  const sigma = Math.max(0.05, Math.log(hi / lo) / 2);
  return [
    { weight: 0.7, kind: 'log-normal', median, sigma },
    scaled(QUICK, 0.15),
    { weight: 0.14, kind: 'exponential', mean: 2 * hi },
    ANYTHING,
  ];
}

const ERFC = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

/** The complementary error function, to a relative error below 1.2e-7 (Numerical Recipes' `erfcc`). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = ERFC.length - 1; i >= 0; i--) poly = (ERFC[i] as number) + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

function partCdf(part: BeliefPart, t: number): number {
  if (t <= 0) return 0;
  switch (part.kind) {
    case 'log-uniform':
      return t >= part.hi ? 1 : t <= part.lo ? 0 : Math.log(t / part.lo) / Math.log(part.hi / part.lo);
    case 'log-normal':
      return 0.5 * erfc(-Math.log(t / part.median) / (part.sigma * Math.SQRT2));
    case 'exponential':
      return 1 - Math.exp(-t / part.mean);
  }
}

/** P(duration ≤ t) under a belief, t in seconds. */
export function beliefCdf(parts: readonly BeliefPart[]): (t: number) => number {
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  return (t) => {
    let sum = 0;
    for (const part of parts) sum += part.weight * partCdf(part, t);
    return sum / total;
  };
}
