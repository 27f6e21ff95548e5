/** A small seeded PRNG (mulberry32): the same seed gives the same workload and the same jitter. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit hash of a string (FNV-1a), to derive per-implementation seeds from one seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Samplers over one random source. */
export class Sampler {
  readonly random: () => number;
  constructor(random: () => number) {
    this.random = random;
  }
  uniform(lo: number, hi: number): number {
    return lo + this.random() * (hi - lo);
  }
  logUniform(lo: number, hi: number): number {
    return Math.exp(this.uniform(Math.log(lo), Math.log(hi)));
  }
  /** Log-normal with the given median and σ of the log (Box–Muller). */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.random();
    const v = this.random();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  /** Picks one item with probability proportional to its weight. */
  weighted<T extends { readonly weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let x = this.random() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return items[items.length - 1] as T;
  }
}
