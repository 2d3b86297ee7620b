import type { KernelHeap } from './kernel-heap.js';
import { type VectorKernels, tsKernels } from './kernels.js';
import type { SigmoidTable } from './sigmoid-table.js';
import { type KernelExports, type KernelMemory, instantiateKernels } from './wasm-runtime.js';

/**
 * One argument position of one kernel: remembers the last array passed there and its byte address
 * in the memory (-1 when it is not a view of the memory). Reading `buffer` and `byteOffset` of a
 * typed array costs tens of nanoseconds in Node 20, more than a 100-float kernel; an identity
 * check costs one, and training passes the same arrays (weights, scratch) call after call.
 */
class ArgumentSlot {
  #array: Float32Array | Int32Array | undefined;
  #base = -1;
  readonly #locate: (array: Float32Array | Int32Array) => number;

  constructor(locate: (array: Float32Array | Int32Array) => number) {
    this.#locate = locate;
  }

  /** The byte address of `array[0]` in the memory, or -1. */
  base(array: Float32Array | Int32Array): number {
    if (array !== this.#array) {
      this.#array = array;
      this.#base = this.#locate(array);
    }
    return this.#base;
  }
}

/** Whether `n` values from `offset` lie inside `array` (false for negative or NaN values). */
function fits(array: Float32Array | Int32Array, offset: number, n: number): boolean {
  return offset >= 0 && n >= 0 && offset + n <= array.length;
}

/**
 * The WebAssembly SIMD kernels (`assembly/kernels.ts`, f32x4) on one shared memory. A call runs in
 * Wasm when every array it gets is a view of that memory and every range fits in its array;
 * otherwise it runs {@link tsKernels}, so callers never break, they are only slower. Sums are
 * accumulated in float32 lanes (the TypeScript kernels use doubles), so results agree to float
 * tolerance, not bit for bit.
 */
export class WasmKernels implements VectorKernels {
  /** `wasm-simd`. */
  readonly name = 'wasm-simd';
  /** The heap of arrays these kernels can read. */
  readonly heap: KernelHeap;
  readonly #wasm: KernelExports;
  // The two buffer objects seen last that belong to the memory (arrays allocated before and after
  // a growth, or received in a message, have different buffer objects over the same bytes).
  #recent: ArrayBufferLike;
  #previous: ArrayBufferLike;
  readonly #dotX = this.#slot();
  readonly #dotY = this.#slot();
  readonly #axpyX = this.#slot();
  readonly #axpyY = this.#slot();
  readonly #scaleX = this.#slot();
  readonly #matVecMatrix = this.#slot();
  readonly #matVecX = this.#slot();
  readonly #matVecOut = this.#slot();
  readonly #matMulMatrix = this.#slot();
  readonly #matMulTerms = this.#slot();
  readonly #matMulOut = this.#slot();
  readonly #sumA = this.#slot();
  readonly #sumB = this.#slot();
  readonly #sumC = this.#slot();
  readonly #sumScores = this.#slot();
  readonly #sumIndices = this.#slot();
  readonly #stepHidden = this.#slot();
  readonly #stepOutput = this.#slot();
  readonly #stepGradient = this.#slot();
  // Copies of sigmoid tables in the memory (σ then log σ), released when the table is collected.
  readonly #tables = new WeakMap<SigmoidTable, number>();
  readonly #tableCopies: FinalizationRegistry<number>;
  #lastTable: SigmoidTable | undefined;
  #lastTableAddress = 0;

  /** Instantiates the kernels module on the memory of `heap`. */
  constructor(heap: KernelHeap) {
    this.heap = heap;
    this.#wasm = instantiateKernels(heap.memory);
    this.#recent = heap.memory.buffer;
    this.#previous = this.#recent;
    this.#tableCopies = new FinalizationRegistry((address) => heap.release(address, 0));
  }

  /** The module's exports (byte addresses, no checks): for core-math's own wrappers. */
  get exports(): KernelExports {
    return this.#wasm;
  }

  /** The shared memory the kernels run on. */
  get memory(): KernelMemory {
    return this.heap.memory;
  }

  /** Whether `array` is a view of this memory (so the kernels can run on it in Wasm). */
  holds(array: ArrayBufferView): boolean {
    const buffer = array.buffer;
    if (buffer === this.#recent || buffer === this.#previous) return true;
    if (!this.heap.owns(buffer)) return false;
    this.#previous = this.#recent;
    this.#recent = buffer;
    return true;
  }

  #slot(): ArgumentSlot {
    return new ArgumentSlot((array) => (this.holds(array) ? array.byteOffset : -1));
  }

  dot(x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): number {
    const xBase = this.#dotX.base(x);
    const yBase = this.#dotY.base(y);
    if (xBase < 0 || yBase < 0 || !fits(x, xOffset, n) || !fits(y, yOffset, n)) {
      return tsKernels.dot(x, xOffset, y, yOffset, n);
    }
    return this.#wasm.dot(xBase + 4 * xOffset, yBase + 4 * yOffset, n);
  }

  axpy(alpha: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): void {
    const xBase = this.#axpyX.base(x);
    const yBase = this.#axpyY.base(y);
    if (xBase < 0 || yBase < 0 || !fits(x, xOffset, n) || !fits(y, yOffset, n)) {
      tsKernels.axpy(alpha, x, xOffset, y, yOffset, n);
      return;
    }
    this.#wasm.axpy(alpha, xBase + 4 * xOffset, yBase + 4 * yOffset, n);
  }

  scale(alpha: number, x: Float32Array, xOffset: number, n: number): void {
    const xBase = this.#scaleX.base(x);
    if (xBase < 0 || !fits(x, xOffset, n)) {
      tsKernels.scale(alpha, x, xOffset, n);
      return;
    }
    this.#wasm.scale(alpha, xBase + 4 * xOffset, n);
  }

  matVec(
    matrix: Float32Array,
    rowStart: number,
    rows: number,
    dim: number,
    x: Float32Array,
    xOffset: number,
    out: Float32Array,
    outOffset: number,
  ): void {
    const matrixBase = this.#matVecMatrix.base(matrix);
    const xBase = this.#matVecX.base(x);
    const outBase = this.#matVecOut.base(out);
    if (
      matrixBase < 0 ||
      xBase < 0 ||
      outBase < 0 ||
      !(rowStart >= 0 && rows >= 0 && dim >= 0) ||
      !fits(matrix, rowStart * dim, rows * dim) ||
      !fits(x, xOffset, dim) ||
      !fits(out, outOffset, rows)
    ) {
      tsKernels.matVec(matrix, rowStart, rows, dim, x, xOffset, out, outOffset);
      return;
    }
    this.#wasm.matVec(
      matrixBase + 4 * rowStart * dim,
      rows,
      dim,
      xBase + 4 * xOffset,
      outBase + 4 * outOffset,
    );
  }

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
  ): void {
    const matrixBase = this.#matMulMatrix.base(matrix);
    const termsBase = this.#matMulTerms.base(terms);
    const outBase = this.#matMulOut.base(out);
    if (
      matrixBase < 0 ||
      termsBase < 0 ||
      outBase < 0 ||
      !(rowStart >= 0 && rows >= 0 && dim >= 0 && termCount >= 0 && outStride >= rows) ||
      !fits(matrix, rowStart * dim, rows * dim) ||
      !fits(terms, termOffset, termCount * dim) ||
      (termCount > 0 && !fits(out, outOffset, (termCount - 1) * outStride + rows))
    ) {
      tsKernels.matMul(matrix, rowStart, rows, dim, terms, termOffset, termCount, out, outOffset, outStride);
      return;
    }
    this.#wasm.matMul(
      matrixBase + 4 * rowStart * dim,
      rows,
      dim,
      termsBase + 4 * termOffset,
      termCount,
      outBase + 4 * outOffset,
      outStride,
    );
  }

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
  ): number {
    const aBase = this.#sumA.base(a);
    const bBase = this.#sumB.base(b);
    const cBase = this.#sumC.base(c);
    const scoresBase = this.#sumScores.base(scores);
    const indicesBase = this.#sumIndices.base(indices);
    if (
      aBase < 0 ||
      bBase < 0 ||
      cBase < 0 ||
      scoresBase < 0 ||
      indicesBase < 0 ||
      !fits(a, aOffset, n) ||
      !fits(b, bOffset, n) ||
      !fits(c, cOffset, n) ||
      !fits(scores, 0, n) ||
      !fits(indices, 0, n)
    ) {
      return tsKernels.weightedSumAbove(
        a,
        aOffset,
        wa,
        b,
        bOffset,
        wb,
        c,
        cOffset,
        wc,
        n,
        threshold,
        scores,
        indices,
      );
    }
    return this.#wasm.weightedSumAbove(
      aBase + 4 * aOffset,
      wa,
      bBase + 4 * bOffset,
      wb,
      cBase + 4 * cOffset,
      wc,
      n,
      threshold,
      scoresBase,
      indicesBase,
    );
  }

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
  ): number {
    const hiddenBase = this.#stepHidden.base(hidden);
    const outputBase = this.#stepOutput.base(output);
    const gradientBase = this.#stepGradient.base(gradient);
    if (
      hiddenBase < 0 ||
      outputBase < 0 ||
      gradientBase < 0 ||
      !fits(hidden, hiddenOffset, dim) ||
      !fits(output, outputOffset, dim) ||
      !fits(gradient, gradientOffset, dim)
    ) {
      return tsKernels.logisticStep(
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
      );
    }
    const table = sigmoid === this.#lastTable ? this.#lastTableAddress : this.#tableAddress(sigmoid);
    return this.#wasm.logisticStep(
      hiddenBase + 4 * hiddenOffset,
      outputBase + 4 * outputOffset,
      gradientBase + 4 * gradientOffset,
      dim,
      label,
      lr,
      table,
      sigmoid.size,
      sigmoid.maxExp,
      // The same expression as SigmoidTable's index scale, so both pick the same entry.
      sigmoid.size / sigmoid.maxExp / 2,
    );
  }

  /** The address of `sigmoid`'s copy in the memory (made on first use). */
  #tableAddress(sigmoid: SigmoidTable): number {
    let address = this.#tables.get(sigmoid);
    if (address === undefined) {
      const entries = sigmoid.table.length;
      address = this.heap.allocate(8 * entries);
      const copy = new Float32Array(this.heap.buffer(address + 8 * entries), address, 2 * entries);
      copy.set(sigmoid.table);
      copy.set(sigmoid.logTable, entries);
      this.#tables.set(sigmoid, address);
      this.#tableCopies.register(sigmoid, address);
    }
    this.#lastTable = sigmoid;
    this.#lastTableAddress = address;
    return address;
  }
}
