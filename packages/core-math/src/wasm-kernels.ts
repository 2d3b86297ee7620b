import type { KernelHeap } from './kernel-heap.js';
import { type VectorKernels, tsKernels } from './kernels.js';
import type { SigmoidTable } from './sigmoid-table.js';
import { type KernelExports, type KernelMemory, instantiateKernels } from './wasm-runtime.js';

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

  #fits(array: Float32Array, offset: number, n: number): boolean {
    return this.holds(array) && offset >= 0 && n >= 0 && offset + n <= array.length;
  }

  dot(x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): number {
    if (!this.#fits(x, xOffset, n) || !this.#fits(y, yOffset, n))
      return tsKernels.dot(x, xOffset, y, yOffset, n);
    return this.#wasm.dot(x.byteOffset + 4 * xOffset, y.byteOffset + 4 * yOffset, n);
  }

  axpy(alpha: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number, n: number): void {
    if (!this.#fits(x, xOffset, n) || !this.#fits(y, yOffset, n)) {
      tsKernels.axpy(alpha, x, xOffset, y, yOffset, n);
      return;
    }
    this.#wasm.axpy(alpha, x.byteOffset + 4 * xOffset, y.byteOffset + 4 * yOffset, n);
  }

  scale(alpha: number, x: Float32Array, xOffset: number, n: number): void {
    if (!this.#fits(x, xOffset, n)) {
      tsKernels.scale(alpha, x, xOffset, n);
      return;
    }
    this.#wasm.scale(alpha, x.byteOffset + 4 * xOffset, n);
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
    if (
      !(rowStart >= 0 && rows >= 0 && dim >= 0) ||
      !this.#fits(matrix, rowStart * dim, rows * dim) ||
      !this.#fits(x, xOffset, dim) ||
      !this.#fits(out, outOffset, rows)
    ) {
      tsKernels.matVec(matrix, rowStart, rows, dim, x, xOffset, out, outOffset);
      return;
    }
    this.#wasm.matVec(
      matrix.byteOffset + 4 * rowStart * dim,
      rows,
      dim,
      x.byteOffset + 4 * xOffset,
      out.byteOffset + 4 * outOffset,
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
    if (
      !this.#fits(hidden, hiddenOffset, dim) ||
      !this.#fits(output, outputOffset, dim) ||
      !this.#fits(gradient, gradientOffset, dim)
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
      hidden.byteOffset + 4 * hiddenOffset,
      output.byteOffset + 4 * outputOffset,
      gradient.byteOffset + 4 * gradientOffset,
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
