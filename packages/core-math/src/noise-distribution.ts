import { ConfigError } from './errors.js';
import type { Random } from './random.js';

const TWO_POW_32 = 4294967296;

/**
 * The noise distribution of negative sampling: item `i` is drawn with probability proportional to
 * `counts[i] ^ power` (Mikolov et al. 2013 use the unigram distribution raised to 3/4), in O(1)
 * time per draw with Walker's alias method (Vose's construction).
 *
 * word2vec and fastText fill a large table (10^8 / 10^7 slots) with repeated word ids and index it
 * at random, which rounds every probability to a multiple of the slot size; the alias table is
 * exact (to double precision) and takes two integer draws per sample.
 *
 * Items with a zero count are never drawn, whatever the power.
 *
 * @example
 * ```ts
 * const noise = new NoiseDistribution(vocab.counts); // power 0.75
 * const random = new Random(1);
 * const negative = noise.sample(random);
 * ```
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export class NoiseDistribution {
  /** Number of items (the length of the counts). */
  readonly size: number;
  /** The exponent the counts were raised to. */
  readonly power: number;
  readonly #probabilities: Float64Array;
  /** Per column: accept the column's own item when a uniform 32-bit draw is below this. */
  readonly #acceptBelow: Float64Array;
  /** Per column: the item drawn when the column's own item is not accepted. */
  readonly #alias: Int32Array;

  /**
   * @param counts - non-negative finite counts (for example a vocabulary's word counts), at least
   *   one of them positive
   * @param power - the exponent, a finite number (default 0.75; 1 samples by frequency, 0
   *   uniformly over the items with a positive count, a negative power favours rare items)
   * @throws ConfigError when the counts are empty, negative, non-finite or all zero, when the power
   *   is not finite, or when `count ^ power` overflows
   */
  constructor(counts: ArrayLike<number>, power = 0.75) {
    if (!Number.isFinite(power)) throw new ConfigError('power', power, 'a finite number');
    const n = counts.length;
    if (n === 0) throw new ConfigError('counts', '[]', 'at least one count');
    if (n > 0x7fffffff) throw new ConfigError('counts', `${n} counts`, 'at most 2^31 - 1 counts');
    const weights = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const count = counts[i]!;
      if (!(count >= 0 && count < Number.POSITIVE_INFINITY)) {
        throw new ConfigError(`counts[${i}]`, count, 'a finite number >= 0');
      }
      const weight = count === 0 ? 0 : count ** power;
      weights[i] = weight;
      total += weight;
    }
    if (total === 0) throw new ConfigError('counts', 'all zero', 'at least one positive count');
    if (!Number.isFinite(total)) {
      throw new ConfigError('power', power, `a value for which the sum of count^power is finite`);
    }
    for (let i = 0; i < n; i++) weights[i]! /= total;
    this.size = n;
    this.power = power;
    this.#probabilities = weights;
    this.#acceptBelow = new Float64Array(n);
    this.#alias = new Int32Array(n);
    this.#buildAliasTable();
  }

  /** The probability of drawing item `i` (0 outside 0..size-1). */
  probability(i: number): number {
    return this.#probabilities[i] ?? 0;
  }

  /**
   * Copies the alias table into `acceptBelow` and `alias` (`size` entries each), for a sampler
   * outside this object that must draw exactly as {@link NoiseDistribution.sample} does (word2vec's
   * WebAssembly sentence loop): column `c` is kept when a 32-bit draw is below
   * `acceptBelow[c]`, otherwise `alias[c]` is drawn.
   *
   * @throws ConfigError when an array holds fewer than `size` entries
   */
  copyAliasTable(acceptBelow: Float64Array, alias: Int32Array): void {
    if (acceptBelow.length < this.size || alias.length < this.size) {
      throw new ConfigError(
        'aliasTable',
        `${Math.min(acceptBelow.length, alias.length)} entries`,
        `at least ${this.size}`,
      );
    }
    acceptBelow.set(this.#acceptBelow);
    alias.set(this.#alias);
  }

  /** Draws one item index in [0, size) with the noise distribution's probabilities. */
  sample(random: Random): number {
    const column = random.nextInt(this.size);
    return random.nextUint32() < this.#acceptBelow[column]! ? column : this.#alias[column]!;
  }

  /**
   * Vose's alias construction: each of the `n` equally likely columns holds its own item with some
   * probability and one other ("alias") item with the rest. Columns whose scaled probability is
   * below 1 are paired with columns above 1, which give away what the small ones lack.
   */
  #buildAliasTable(): void {
    const n = this.size;
    const scaled = this.#probabilities.map((p) => p * n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let smallCount = 0;
    let largeCount = 0;
    for (let i = 0; i < n; i++) {
      if (scaled[i]! < 1) small[smallCount++] = i;
      else large[largeCount++] = i;
    }
    const acceptBelow = this.#acceptBelow;
    const alias = this.#alias;
    while (smallCount > 0 && largeCount > 0) {
      const less = small[--smallCount]!;
      const more = large[largeCount - 1]!;
      acceptBelow[less] = scaled[less]! * TWO_POW_32;
      alias[less] = more;
      const left = scaled[more]! + scaled[less]! - 1;
      scaled[more] = left;
      if (left < 1) {
        largeCount--;
        small[smallCount++] = more;
      }
    }
    // Rounding error leaves columns whose scaled probability is 1 up to ~1e-15. Large ones keep
    // their item; small ones give the sliver they lack to the most likely item, so an item with a
    // zero count is never drawn.
    while (largeCount > 0) {
      const i = large[--largeCount]!;
      acceptBelow[i] = TWO_POW_32;
      alias[i] = i;
    }
    let mostLikely = 0;
    for (let i = 1; i < n; i++)
      if (this.#probabilities[i]! > this.#probabilities[mostLikely]!) mostLikely = i;
    while (smallCount > 0) {
      const i = small[--smallCount]!;
      acceptBelow[i] = scaled[i]! * TWO_POW_32;
      alias[i] = mostLikely;
    }
  }
}
