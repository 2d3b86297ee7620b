import { ConfigError } from './errors.js';

const MAX_TABLE_SIZE = 1 << 24;

/** log σ(x) = -log(1 + e^-x), computed without overflow for any finite x. */
function exactLogSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/**
 * word2vec's precomputed logistic function: σ(x) = 1 / (1 + e^-x) read from a table of `size + 1`
 * values at evenly spaced points of [-maxExp, maxExp], and clamped outside that range exactly as
 * word2vec and fastText do — 1 above `maxExp`, 0 below `-maxExp`.
 *
 * Entry `i` is σ(-maxExp + 2·maxExp·i/size) (word2vec's `expTable`, plus fastText's extra last
 * entry so that x = maxExp itself is in range); `sigmoid(x)` returns entry
 * ⌊(x + maxExp) · size / (2·maxExp)⌋. Values are `float32`, like word2vec's `real`.
 *
 * @example
 * ```ts
 * const table = new SigmoidTable();       // word2vec: 1000 entries over [-6, 6]
 * const gradient = (label - table.sigmoid(score)) * lr;
 * const loss = -table.logSigmoid(score);   // positive sample; use -logSigmoid(-score) for a negative one
 * ```
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export class SigmoidTable {
  /** Number of intervals the table divides [-maxExp, maxExp] into (the table holds `size + 1` values). */
  readonly size: number;
  /** Beyond ±`maxExp` the sigmoid is clamped to 1 or 0. */
  readonly maxExp: number;
  /** The table: entry `i` is σ(-maxExp + 2·maxExp·i/size). Shared; do not modify. */
  readonly table: Float32Array;
  /** log σ at the same points (computed without rounding σ first). Shared; do not modify. */
  readonly logTable: Float32Array;
  readonly #scale: number;

  /**
   * @param size - intervals in the table, an integer from 1 to 2^24 (word2vec: 1000; fastText: 512)
   * @param maxExp - the clamping bound, a finite number > 0 (word2vec: 6; fastText: 8)
   * @throws ConfigError when either is out of range
   */
  constructor(size = 1000, maxExp = 6) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_TABLE_SIZE) {
      throw new ConfigError('size', size, `an integer from 1 to ${MAX_TABLE_SIZE}`);
    }
    if (!Number.isFinite(maxExp) || maxExp <= 0) {
      throw new ConfigError('maxExp', maxExp, 'a finite number greater than 0');
    }
    this.size = size;
    this.maxExp = maxExp;
    this.#scale = size / maxExp / 2;
    this.table = new Float32Array(size + 1);
    this.logTable = new Float32Array(size + 1);
    for (let i = 0; i <= size; i++) {
      const x = ((2 * i) / size - 1) * maxExp;
      const logSigmoid = exactLogSigmoid(x);
      this.table[i] = Math.exp(logSigmoid);
      this.logTable[i] = logSigmoid;
    }
  }

  /**
   * σ(x) from the table: 1 when x > maxExp, 0 when x < -maxExp, NaN when x is NaN.
   */
  sigmoid(x: number): number {
    const maxExp = this.maxExp;
    if (x >= -maxExp && x <= maxExp) return this.table[((x + maxExp) * this.#scale) | 0]!;
    return x > maxExp ? 1 : x < -maxExp ? 0 : Number.NaN;
  }

  /**
   * log σ(x), for the loss, read from the table at the same point {@link SigmoidTable.sigmoid}
   * uses: 0 when x > maxExp (where σ is clamped to 1) and x itself when x < -maxExp (where σ is
   * clamped to 0 and log σ(x) → x), so the loss is finite for every finite score. NaN for NaN.
   * The loss of a negative sample, -log(1 - σ(x)), is `-logSigmoid(-x)`.
   */
  logSigmoid(x: number): number {
    const maxExp = this.maxExp;
    if (x >= -maxExp && x <= maxExp) return this.logTable[((x + maxExp) * this.#scale) | 0]!;
    return x > maxExp ? 0 : x;
  }
}
