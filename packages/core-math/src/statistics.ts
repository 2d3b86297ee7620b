import { ConfigError, DimensionMismatchError } from './errors.js';

/**
 * Arithmetic mean, summed with Neumaier's compensated summation (accurate to about one rounding
 * even for long inputs). NaN for an empty input or when a value is NaN.
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return (sum + compensation) / n;
}

/**
 * Variance Σ(x - mean)² / (n - ddof), computed in two passes. `ddof = 0` (the default, as in
 * numpy) is the population variance; `ddof = 1` the unbiased sample variance. NaN when
 * `n - ddof <= 0`.
 *
 * @throws ConfigError when `ddof` is not a non-negative integer
 */
export function variance(values: ArrayLike<number>, ddof = 0): number {
  if (!Number.isInteger(ddof) || ddof < 0) throw new ConfigError('ddof', ddof, 'an integer >= 0');
  const n = values.length;
  if (n - ddof <= 0) return Number.NaN;
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    sum += d * d;
  }
  return sum / (n - ddof);
}

function isConstant(values: ArrayLike<number>): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

/**
 * Pearson's correlation coefficient of paired samples, in [-1, 1], as `scipy.stats.pearsonr`
 * computes it. Where scipy gives NaN (a constant input: the correlation is undefined) this returns
 * NaN too; it also returns NaN (where scipy raises) for fewer than two pairs, and when a value is
 * NaN.
 *
 * @throws DimensionMismatchError when `x` and `y` differ in length
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new DimensionMismatchError(n, y.length, 'y');
  if (n < 2 || isConstant(x) || isConstant(y)) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  // Deviations are divided by the largest one, so squares neither underflow nor overflow.
  let largestX = 0;
  let largestY = 0;
  for (let i = 0; i < n; i++) {
    largestX = Math.max(largestX, Math.abs(x[i]! - mx));
    largestY = Math.max(largestY, Math.abs(y[i]! - my));
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i]! - mx) / largestX;
    const dy = (y[i]! - my) / largestY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.min(1, Math.max(-1, r));
}

/**
 * 1-based ranks of `values`, tied values sharing the average of the ranks they span — the
 * `'average'` method of `scipy.stats.rankdata`. As in scipy, when any value is NaN every rank is
 * NaN.
 *
 * @example
 * ```ts
 * rankAverage([10, 20, 10, 30]); // Float64Array [1.5, 3, 1.5, 4]
 * ```
 */
export function rankAverage(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) return ranks.fill(Number.NaN);
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const va = values[a]!;
    const vb = values[b]!;
    return va < vb ? -1 : va > vb ? 1 : 0;
  });
  let start = 0;
  while (start < n) {
    const value = values[order[start]!]!;
    let end = start + 1;
    while (end < n && values[order[end]!] === value) end++;
    // Positions start..end-1 hold ranks start+1..end: their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation coefficient: {@link pearson} of the {@link rankAverage} ranks, as
 * `scipy.stats.spearmanr` computes it (ties get average ranks). NaN, as in scipy, when an input is
 * constant, has fewer than two pairs, or holds NaN.
 *
 * @throws DimensionMismatchError when `x` and `y` differ in length
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (y.length !== x.length) throw new DimensionMismatchError(x.length, y.length, 'y');
  return pearson(rankAverage(x), rankAverage(y));
}
