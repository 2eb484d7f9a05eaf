/**
 * The demo's only randomness: mulberry32 (a tiny seeded PRNG) seeded by FNV-1a of a key, one
 * stream per key, so the demo data are identical on every run and stable when rows are added elsewhere.
 */
export type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A random stream for `key` (a project's code, say): the same numbers every run. */
export const rngFor = (key: string): Rng => mulberry32(hashOf(key));
