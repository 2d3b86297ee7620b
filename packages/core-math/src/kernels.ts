/**
 * The numeric kernels training and search spend their time in, behind one small interface so a
 * WebAssembly SIMD implementation can replace the plain TypeScript one. Every kernel works on
 * `Float32Array` views with offsets and allocates nothing.
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
}

/** The plain TypeScript kernels: the reference implementation, available everywhere. */
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
};

let active: VectorKernels = tsKernels;

/** The kernels in use: the fastest implementation this runtime supports (or the one selected). */
export function kernels(): VectorKernels {
  return active;
}

/** Selects the kernel implementation every caller of {@link kernels} gets from now on. */
export function useKernels(implementation: VectorKernels): void {
  active = implementation;
}
