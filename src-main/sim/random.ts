// Seeded randomness. Every random-looking number the simulator produces (silicon lottery, reading noise, garbage
// bytes) comes from here, so a farm started twice with the same seed answers byte for byte the same in simulated time.

/** mulberry32: tiny, fast, good enough statistically for a simulator. Returns floats in [0, 1). */
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

/** Mixes any number of integers into one 32-bit seed (murmur3 finaliser per step), so (farmSeed, rig, board) differ. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h ^= Math.trunc(part) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Standard normal sample (Box-Muller) from a uniform source. */
export function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A normal sample with the given mean and spread, clamped so a freak draw cannot make an impossible chip. */
export function normalClamped(next: () => number, mean: number, sd: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, mean + sd * gaussian(next)));
}
