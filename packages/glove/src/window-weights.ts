/**
 * The increment a co-occurrence at distance d (1..window) adds: 1/d, as `cooccur` does. When
 * lcm(1..window) is small enough, increments are scaled to the integers lcm/d so sums are exact
 * (and therefore independent of the order in which they are added); dividing by `scale` at the end
 * gives the weighted count.
 */
export interface WindowWeights {
  /** `increments[d]` is added for a pair at distance `d`; index 0 is unused. */
  readonly increments: Float64Array;
  /** What the summed increments are divided by to give weighted counts. */
  readonly scale: number;
}

/** Largest scale used: keeps a pair's sum exact up to 2^53 / 2^32 = 2^21 co-occurrences at distance 1. */
const MAX_EXACT_SCALE = 2 ** 32;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The increments for `window` (an integer of at least 1). */
export function windowWeights(window: number): WindowWeights {
  let lcm = 1;
  for (let d = 2; d <= window && lcm <= MAX_EXACT_SCALE; d++) lcm = (lcm / gcd(lcm, d)) * d;
  const scale = lcm <= MAX_EXACT_SCALE ? lcm : 1;
  const increments = new Float64Array(window + 1);
  for (let d = 1; d <= window; d++) increments[d] = scale / d;
  return { increments, scale };
}
