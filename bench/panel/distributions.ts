import type { Sampler } from '../prng.js';

/**
 * A distribution of operation durations in seconds, with its exact CDF (for the dynamic program)
 * and a sampler (for the workload). Every distribution of the panel is bounded to [MIN_S, MAX_S].
 */
export interface Dist {
  /** P(duration ≤ t), t in seconds. */
  cdf(t: number): number;
  sample(s: Sampler): number;
  /** In words, for the report. */
  readonly label: string;
}

/** The shortest and longest duration of any panel operation, seconds: no wait outlives the bench's timeout. */
export const MIN_S = 1;
export const MAX_S = 1800;

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

const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);

/** Clamps a distribution to [lo, hi]: the mass outside lands on the bounds, as sampling then clamping does. */
function clamp(inner: Omit<Dist, 'sample'> & { draw(s: Sampler): number }, lo = MIN_S, hi = MAX_S): Dist {
  return {
    label: inner.label,
    cdf: (t) => (t < lo ? 0 : t >= hi ? 1 : inner.cdf(t)),
    sample: (s) => Math.min(hi, Math.max(lo, inner.draw(s))),
  };
}

export function uniform(lo: number, hi: number): Dist {
  return clamp({
    label: `uniform ${lo}–${hi} s`,
    cdf: (t) => Math.min(1, Math.max(0, (t - lo) / (hi - lo))),
    draw: (s) => s.uniform(lo, hi),
  });
}

export function logUniform(lo: number, hi: number): Dist {
  return clamp({
    label: `log-uniform ${lo}–${hi} s`,
    cdf: (t) => (t <= lo ? 0 : t >= hi ? 1 : Math.log(t / lo) / Math.log(hi / lo)),
    draw: (s) => s.logUniform(lo, hi),
  });
}

/** Log-normal with the given median (s) and σ of the log, clamped to [MIN_S, MAX_S]. */
export function logNormal(median: number, sigma: number): Dist {
  return clamp({
    label: `log-normal median ${median} s, σ ${sigma}`,
    cdf: (t) => (t <= 0 ? 0 : normalCdf(Math.log(t / median) / sigma)),
    draw: (s) => s.logNormal(median, sigma),
  });
}

/** A weighted mixture. */
export function mixture(parts: ReadonlyArray<readonly [weight: number, dist: Dist]>, label?: string): Dist {
  const total = parts.reduce((sum, [w]) => sum + w, 0);
  return {
    label: label ?? parts.map(([w, d]) => `${Math.round((100 * w) / total)} % ${d.label}`).join(' + '),
    cdf: (t) => parts.reduce((sum, [w, d]) => sum + (w / total) * d.cdf(t), 0),
    sample: (s) => {
      let x = s.random() * total;
      for (const [w, d] of parts) {
        x -= w;
        if (x < 0) return d.sample(s);
      }
      return (parts[parts.length - 1] as readonly [number, Dist])[1].sample(s);
    },
  };
}

/** The duration at quantile `u` of `dist` (bisection on its CDF): stratified samples for low-noise means. */
export function quantile(dist: Dist, u: number): number {
  let lo = 0;
  let hi = MAX_S;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (dist.cdf(mid) < u) lo = mid;
    else hi = mid;
  }
  return hi;
}
