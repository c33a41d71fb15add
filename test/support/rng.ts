/** A small deterministic generator (xorshift32) for the tests, so that a failure can be replayed from its seed. */

/** Uniform in [0, 1), from a seed. */
export function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}
