import type { SigmoidTable } from './sigmoid-table.js';

/**
 * The numeric kernels training and search spend their time in, behind one small interface with two
 * implementations: {@link tsKernels} (plain TypeScript, the reference) and the WebAssembly SIMD
 * kernels (see `wasmKernels`). Every kernel works on `Float32Array` views with offsets and
 * allocates nothing. Offsets and counts are non-negative integers; a range that does not fit in
 * its array reads `undefined` (NaN) like a plain loop. Two ranges passed to one call are either
 * disjoint or identical.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export interface VectorKernels {
  /** Which implementation this is (`ts`, `wasm-simd`, ...). */
  readonly name: string;
  /** Σ x[xOffset+i] · y[yOffset+i] for i in 0..n. */
  dot(x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): number;
  /** y[yOffset+i] += alpha · x[xOffset+i] for i in 0..n. */
  axpy(alpha: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): void;
  /** x[xOffset+i] *= alpha for i in 0..n. */
  scale(alpha: number, x: Float32Array, xOffset: number, n: number): void;
  /**
   * out[outOffset+r] = Σ_j matrix[(rowStart+r)·dim + j] · x[xOffset+j] for r in 0..rows: one query
   * against a block of rows of a row-major matrix.
   */
  matVec(
    matrix: Float32Array,
    rowStart: number,
    rows: number,
    dim: number,
    x: Float32Array,
    xOffset: number,
    out: Float32Array,
    outOffset: number,
  ): void;
  /**
   * out[outOffset + t·outStride + r] = Σ_j matrix[(rowStart+r)·dim + j] · terms[termOffset + t·dim + j]
   * for r in 0..rows and t in 0..termCount: {@link VectorKernels.matVec} for `termCount` row-major
   * query vectors at once (a block of rows times a block of terms), with the same sums.
   */
  matMul(
    matrix: Float32Array,
    rowStart: number,
    rows: number,
    dim: number,
    terms: Float32Array,
    termOffset: number,
    termCount: number,
    out: Float32Array,
    outOffset: number,
    outStride: number,
  ): void;
  /**
   * The positions whose weighted sum of three float arrays exceeds a threshold: with
   * `s = fround(wa·a[aOffset+i] + wb·b[bOffset+i] + wc·c[cOffset+i])` (in doubles, in that order),
   * for i in 0..n in order, every i with `s > threshold` is written to `indices[count]` and `s` to
   * `scores[count]`; `threshold` is rounded to float first. A NaN sum is never kept. Combines and filters the three cosines of an analogy
   * question in one pass.
   *
   * @returns count, the number of positions written (`scores` and `indices` need room for n)
   */
  weightedSumAbove(
    a: Float32Array,
    aOffset: number,
    wa: number,
    b: Float32Array,
    bOffset: number,
    wb: number,
    c: Float32Array,
    cOffset: number,
    wc: number,
    n: number,
    threshold: number,
    scores: Float32Array,
    indices: Int32Array,
  ): number;
  /**
   * One binary logistic-regression step of word2vec's negative sampling and hierarchical softmax,
   * fused: with `score = dot(hidden, output)` and `g = (label - sigmoid.sigmoid(score)) · lr`, adds
   * `g · output` to `gradient` (using the output row before its update) and then `g · hidden` to
   * the output row, all over `dim` floats from the given offsets.
   *
   * @param label - 1 for a real (word, context) pair or the branch to take, 0 for a noise word
   * @param sigmoid - the logistic table; σ is clamped to 0 / 1 beyond ±`sigmoid.maxExp`
   * @returns the pair's loss from the same table: `-sigmoid.logSigmoid(score)` for label 1,
   *   `-sigmoid.logSigmoid(-score)` otherwise (NaN once the vectors are no longer finite)
   */
  logisticStep(
    hidden: Float32Array,
    hiddenOffset: number,
    output: Float32Array,
    outputOffset: number,
    gradient: Float32Array,
    gradientOffset: number,
    dim: number,
    label: number,
    lr: number,
    sigmoid: SigmoidTable,
  ): number;
}

/**
 * The plain TypeScript kernels: the reference implementation, available everywhere.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export const tsKernels: VectorKernels = {
  name: 'ts',
  dot(x, xOffset, y, yOffset, n) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[xOffset + i]! * y[yOffset + i]!;
      s1 += x[xOffset + i + 1]! * y[yOffset + i + 1]!;
      s2 += x[xOffset + i + 2]! * y[yOffset + i + 2]!;
      s3 += x[xOffset + i + 3]! * y[yOffset + i + 3]!;
    }
    for (; i < n; i++) s0 += x[xOffset + i]! * y[yOffset + i]!;
    return s0 + s1 + (s2 + s3);
  },
  axpy(alpha, x, xOffset, y, yOffset, n) {
    for (let i = 0; i < n; i++) y[yOffset + i]! += alpha * x[xOffset + i]!;
  },
  scale(alpha, x, xOffset, n) {
    for (let i = 0; i < n; i++) x[xOffset + i]! *= alpha;
  },
  matVec(matrix, rowStart, rows, dim, x, xOffset, out, outOffset) {
    for (let r = 0; r < rows; r++) {
      out[outOffset + r] = tsKernels.dot(matrix, (rowStart + r) * dim, x, xOffset, dim);
    }
  },
  matMul(matrix, rowStart, rows, dim, terms, termOffset, termCount, out, outOffset, outStride) {
    for (let t = 0; t < termCount; t++) {
      tsKernels.matVec(
        matrix,
        rowStart,
        rows,
        dim,
        terms,
        termOffset + t * dim,
        out,
        outOffset + t * outStride,
      );
    }
  },
  weightedSumAbove(a, aOffset, wa, b, bOffset, wb, c, cOffset, wc, n, threshold, scores, indices) {
    const limit = Math.fround(threshold);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const sum = Math.fround(wa * a[aOffset + i]! + wb * b[bOffset + i]! + wc * c[cOffset + i]!);
      if (sum > limit) {
        scores[count] = sum;
        indices[count++] = i;
      }
    }
    return count;
  },
  logisticStep(
    hidden,
    hiddenOffset,
    output,
    outputOffset,
    gradient,
    gradientOffset,
    dim,
    label,
    lr,
    sigmoid,
  ) {
    const score = tsKernels.dot(hidden, hiddenOffset, output, outputOffset, dim);
    const g = (label - sigmoid.sigmoid(score)) * lr;
    tsKernels.axpy(g, output, outputOffset, gradient, gradientOffset, dim);
    tsKernels.axpy(g, hidden, hiddenOffset, output, outputOffset, dim);
    return label === 1 ? -sigmoid.logSigmoid(score) : -sigmoid.logSigmoid(-score);
  },
};
