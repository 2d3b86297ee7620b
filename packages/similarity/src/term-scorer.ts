import type { WordVectors } from '@embedkit/core-math';
import { allocateFloat32, inKernelMemory, kernels, releaseArray } from '@embedkit/core-math/kernels';
import { type BlockScorer, cacheBlockRows } from './blocked-top-k.js';

/**
 * How the cosine similarities of a row to a query's terms are combined:
 * - `3CosAdd` (gensim `most_similar`, Mikolov et al. 2013): the cosine of the row to the
 *   normalised sum of the positive terms minus the negative terms;
 * - `3CosMul` (gensim `most_similar_cosmul`, Levy & Goldberg 2014, eq. 4): with every cosine
 *   shifted to [0, 1] as s = (1 + cos) / 2, the product of the positive terms' s divided by the
 *   product of the negative terms' s plus 1e-6.
 */
export type AnalogyMethod = '3CosAdd' | '3CosMul';

/** One query made of term ids (positions in the scorer's term matrix). */
export interface TermQuery {
  readonly positive: readonly number[];
  readonly negative: readonly number[];
  /** Rows never returned for this query (its input words). */
  readonly exclude: readonly number[];
}

/** 3CosMul's epsilon, as in gensim. */
const COSMUL_EPSILON = 1e-6;

/**
 * Scores queries that combine a few shared terms. For each block of rows it first computes the
 * products of every term with every row of the block (a term block x row block matrix product
 * over the unit-normalised matrix, in sub-blocks that stay in cache), then combines those
 * products per query, so a term shared by many queries (an analogy word used in dozens of
 * questions) costs one product.
 *
 * A term's product with a row is `unitRow · term`: with a unit-length term (a word) that is their
 * cosine; a raw vector term is used as given, as gensim does with arrays.
 *
 * Queries of up to two positive and one negative term (k-NN queries, analogy questions) are
 * combined in one fused pass; larger ones term by term. The products buffer lives in the kernel
 * memory (`allocateFloat32`): call {@link TermScorer.release} when done.
 */
export class TermScorer implements BlockScorer {
  readonly queryCount: number;
  readonly #unit: Float32Array;
  readonly #dim: number;
  readonly #terms: Float32Array;
  readonly #termCount: number;
  readonly #queries: readonly TermQuery[];
  readonly #method: AnalogyMethod;
  readonly #stride: number;
  readonly #products: Float32Array;
  /**
   * A sub-block of the unit matrix copied into the kernel memory, so the Wasm kernels run on it
   * (the cached unit matrix is an ordinary array); empty when the unit matrix is there already.
   */
  readonly #rowCopy: Float32Array;
  /** The scores of one query and chunk of rows, for the combinations without a kernel. */
  readonly #scores: Float32Array;
  /** 3CosAdd: one over the length of each query's summed terms (0 for a zero sum). */
  readonly #inverseNorms: Float64Array;

  /**
   * @param vectors - the rows to score
   * @param terms - `termCount x dim` term vectors, row-major
   * @param queries - the queries, as term ids
   * @param method - how terms combine
   * @param blockRows - the largest block {@link BlockScorer.prepareBlock} will be given
   */
  constructor(
    vectors: WordVectors,
    terms: Float32Array,
    queries: readonly TermQuery[],
    method: AnalogyMethod,
    blockRows: number,
  ) {
    this.queryCount = queries.length;
    this.#unit = vectors.unitMatrix();
    this.#dim = vectors.dim;
    this.#terms = terms;
    this.#termCount = terms.length / vectors.dim;
    this.#queries = queries;
    this.#method = method;
    this.#stride = blockRows;
    this.#products = allocateFloat32(this.#termCount * blockRows);
    this.#rowCopy = inKernelMemory(this.#unit)
      ? new Float32Array(0)
      : allocateFloat32(Math.min(blockRows, cacheBlockRows(this.#dim)) * this.#dim);
    this.#scores = new Float32Array(blockRows);
    this.#inverseNorms = method === '3CosAdd' ? this.#sumInverseNorms() : new Float64Array(0);
  }

  #sumInverseNorms(): Float64Array {
    const dim = this.#dim;
    const terms = this.#terms;
    const sum = new Float64Array(dim);
    const inverse = new Float64Array(this.#queries.length);
    this.#queries.forEach((query, q) => {
      sum.fill(0);
      for (const t of query.positive) for (let j = 0; j < dim; j++) sum[j]! += terms[t * dim + j]!;
      for (const t of query.negative) for (let j = 0; j < dim; j++) sum[j]! -= terms[t * dim + j]!;
      let squares = 0;
      for (let j = 0; j < dim; j++) squares += sum[j]! * sum[j]!;
      inverse[q] = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    });
    return inverse;
  }

  prepareBlock(rowStart: number, rows: number): void {
    const k = kernels();
    const dim = this.#dim;
    const subRows = cacheBlockRows(dim);
    const copy = this.#rowCopy.length > 0;
    for (let sub = 0; sub < rows; sub += subRows) {
      const n = Math.min(subRows, rows - sub);
      const start = rowStart + sub;
      if (copy) this.#rowCopy.set(this.#unit.subarray(start * dim, (start + n) * dim));
      k.matMul(
        copy ? this.#rowCopy : this.#unit,
        copy ? 0 : start,
        n,
        dim,
        this.#terms,
        0,
        this.#termCount,
        this.#products,
        sub,
        this.#stride,
      );
    }
  }

  scoreAbove(
    query: number,
    offset: number,
    rows: number,
    threshold: number,
    scores: Float32Array,
    indices: Int32Array,
  ): number {
    const { positive, negative } = this.#queries[query]!;
    const small = positive.length <= 2 && negative.length <= 1;
    if (small && this.#method === '3CosAdd') {
      // A missing term reads row 0 of the products with weight 0.
      const p = this.#products;
      const w = this.#inverseNorms[query]!;
      return kernels().weightedSumAbove(
        p,
        (positive[0] ?? 0) * this.#stride + offset,
        positive.length > 0 ? w : 0,
        p,
        (positive[1] ?? 0) * this.#stride + offset,
        positive.length > 1 ? w : 0,
        p,
        (negative[0] ?? 0) * this.#stride + offset,
        negative.length > 0 ? -w : 0,
        rows,
        threshold,
        scores,
        indices,
      );
    }
    const out = this.#scores;
    if (small) this.#scoreSmallCosmul(positive, negative, offset, rows, out);
    else this.#scoreLarge(query, positive, negative, offset, rows, out);
    let count = 0;
    for (let r = 0; r < rows; r++) {
      const score = out[r]!;
      if (score > threshold) {
        scores[count] = score;
        indices[count++] = r;
      }
    }
    return count;
  }

  /** 3CosMul in one fused pass; a missing term reads row 0 of the products with a neutral weight. */
  #scoreSmallCosmul(
    positive: readonly number[],
    negative: readonly number[],
    offset: number,
    rows: number,
    out: Float32Array,
  ) {
    const p = this.#products;
    const stride = this.#stride;
    const o0 = (positive[0] ?? 0) * stride + offset;
    const o1 = (positive[1] ?? 0) * stride + offset;
    const o2 = (negative[0] ?? 0) * stride + offset;
    // (a + b·cos) is (1 + cos) / 2 for a present term and 1 for a missing one.
    const b0 = positive.length > 0 ? 0.5 : 0;
    const b1 = positive.length > 1 ? 0.5 : 0;
    const b2 = negative.length > 0 ? 0.5 : 0;
    const a0 = 1 - b0;
    const a1 = 1 - b1;
    const a2 = 1 - b2;
    for (let r = 0; r < rows; r++) {
      out[r] = ((a0 + b0 * p[o0 + r]!) * (a1 + b1 * p[o1 + r]!)) / (a2 + b2 * p[o2 + r]! + COSMUL_EPSILON);
    }
  }

  #scoreLarge(
    query: number,
    positive: readonly number[],
    negative: readonly number[],
    offset: number,
    rows: number,
    out: Float32Array,
  ) {
    const p = this.#products;
    const stride = this.#stride;
    if (this.#method === '3CosAdd') {
      const w = this.#inverseNorms[query]!;
      for (let r = 0; r < rows; r++) {
        let sum = 0;
        for (const t of positive) sum += p[t * stride + offset + r]!;
        for (const t of negative) sum -= p[t * stride + offset + r]!;
        out[r] = w * sum;
      }
      return;
    }
    for (let r = 0; r < rows; r++) {
      let numerator = 1;
      for (const t of positive) numerator *= (1 + p[t * stride + offset + r]!) / 2;
      let denominator = 1;
      for (const t of negative) denominator *= (1 + p[t * stride + offset + r]!) / 2;
      out[r] = numerator / (denominator + COSMUL_EPSILON);
    }
  }

  excludedRows(query: number): readonly number[] {
    return this.#queries[query]!.exclude;
  }

  /** Gives the products buffer back to the kernel memory; the scorer is unusable afterwards. */
  release(): void {
    releaseArray(this.#products);
    releaseArray(this.#rowCopy);
  }
}
