/**
 * A small seeded PRNG (mulberry32) for the mutation fuzzer: every input is a pure function of
 * (target, seed), so a failure found by the long campaign replays exactly from its seed.
 */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }
  /** Small numbers mostly, sometimes large: sizes for repetition and nesting. */
  size(max: number): number {
    const r = this.next();
    return Math.max(1, Math.floor(r * r * r * max));
  }
}

/** A 32-bit seed from a string and a number (FNV-1a): the seed of input `index` of a campaign. */
export function deriveSeed(label: string, n: number): number {
  let h = 0x811c9dc5;
  const s = `${label}:${n}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
