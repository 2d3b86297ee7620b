import { ConfigError } from '@embedkit/core-math';
import { KernelModule, tsKernels } from '@embedkit/core-math/kernels';
import { gloveWasmBase64 } from './generated/glove-wasm.js';

/** The exports of `assembly/glove.ts`: byte addresses in the kernel memory. */
interface GloveStepExports {
  gloveAdaGrad(
    weights: number,
    gradsq: number,
    entries: number,
    count: number,
    scratch: number,
    vocabSize: number,
    dim: number,
    lr: number,
    gradClip: number,
  ): number;
}

/** GloVe's step as its own WebAssembly module, on the kernels' memory. */
const gloveStep = new KernelModule<GloveStepExports>(gloveWasmBase64);

/**
 * 32-bit slots per GloVe training entry: row, column (int32), log X, f(X) (float32 bits).
 */
export const GLOVE_ENTRY_SLOTS = 4;

/**
 * What the GloVe kernel trains: the parameters laid out as the Stanford tools' `glove.c` lays them
 * out, the co-occurrence entries, and the AdaGrad settings. Allocate the arrays with
 * `allocateFloat32` / `allocateInt32` so the WebAssembly kernel can run on them.
 */
export interface GloveKernelSetup {
  /** Words (V): the parameters hold V word rows, then V context rows. */
  readonly vocabSize: number;
  /** Vector dimension. */
  readonly dim: number;
  /** 2·V rows of dim + 1 floats: w_i then b_i for the words, then w̃_j then b̃_j for the contexts. */
  readonly weights: Float32Array;
  /** The AdaGrad sums of squared gradients, laid out as `weights`. */
  readonly gradsq: Float32Array;
  /**
   * The entries, {@link GLOVE_ENTRY_SLOTS} slots each: row i and column j as integers, then log X_ij
   * and the weight f(X_ij) as float32 bits (a `Float32Array` over the same bytes writes them).
   */
  readonly entries: Int32Array;
  /** 2·dim floats the kernel keeps the steps of one entry in (one per thread). */
  readonly scratch: Float32Array;
  /** The learning rate of the vector updates (`glove -eta`). */
  readonly lr: number;
  /** Each gradient component is clipped to ±gradClip before the learning rate (`glove -grad-clip`). */
  readonly gradClip: number;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(name, value, 'an integer >= 1');
}

function checkSetup(setup: GloveKernelSetup): void {
  const { vocabSize, dim, weights, gradsq, entries, scratch, lr, gradClip } = setup;
  positiveInteger('vocabSize', vocabSize);
  positiveInteger('dim', dim);
  const floats = 2 * vocabSize * (dim + 1);
  for (const [name, array] of [
    ['weights', weights],
    ['gradsq', gradsq],
  ] as const) {
    if (array.length !== floats) {
      throw new ConfigError(name, `${array.length} floats`, `2 x ${vocabSize} x ${dim + 1} = ${floats}`);
    }
  }
  if (entries.length % GLOVE_ENTRY_SLOTS !== 0) {
    throw new ConfigError('entries', `${entries.length} slots`, `a multiple of ${GLOVE_ENTRY_SLOTS}`);
  }
  if (scratch.length < 2 * dim) {
    throw new ConfigError('scratch', `${scratch.length} floats`, `at least 2 x dim = ${2 * dim}`);
  }
  if (!Number.isFinite(lr)) throw new ConfigError('lr', lr, 'a finite number');
  if (!(gradClip >= 0)) throw new ConfigError('gradClip', gradClip, 'a number >= 0');
}

/**
 * GloVe's training step (Pennington, Socher and Manning, 2014) exactly as the Stanford tools'
 * `glove.c` computes it, over blocks of co-occurrence entries: for each entry (i, j, X) in order,
 * diff = w_i·w̃_j + b_i + b̃_j − log X and fdiff = f(X)·diff (the entry is skipped when fdiff is
 * not finite); the cost ½·fdiff·diff; each gradient component fdiff·w̃_j (for w_i) and fdiff·w_i
 * (for w̃_j), both from the rows before the update, clipped to ±gradClip and times lr, divided by
 * the square root of its AdaGrad sum, which then grows by its square; the two vector updates
 * applied only when every step is finite; the biases stepped by fdiff / sqrt(sum) when that is
 * finite (without lr, as `glove.c`), their sums growing by fdiff².
 *
 * Runs in WebAssembly SIMD (`assembly/glove.ts`, one call per block) when the kernels in use are
 * the Wasm ones and every array is a view of their memory, else in TypeScript (the reference,
 * which computes in doubles and rounds on store; the Wasm kernel computes the vector steps in
 * float32, so both agree to float tolerance). Worker threads attached to the memory
 * (`attachKernels`) share the parameters and train Hogwild, each with its own kernel and scratch.
 *
 * @example
 * ```ts
 * const weights = allocateFloat32(2 * vocabSize * (dim + 1));
 * const gradsq = allocateFloat32(weights.length).fill(1);
 * const entries = allocateInt32(4 * count);       // rows, columns, log X, f(X)
 * const scratch = allocateFloat32(2 * dim);
 * const kernel = new GloveKernel({ vocabSize, dim, weights, gradsq, entries, scratch, lr: 0.05, gradClip: 100 });
 * const cost = kernel.train(0, count);            // Σ ½ f(X) diff² over the entries
 * ```
 */
export class GloveKernel {
  /** Where the step runs: `wasm-simd` or `ts`. */
  readonly name: 'wasm-simd' | 'ts';
  readonly #setup: GloveKernelSetup;
  readonly #values: Float32Array;
  readonly #count: number;
  readonly #wasm: { readonly exports: GloveStepExports } | undefined;

  /**
   * Checks the sizes of `setup` and picks the implementation (once: the arrays must not be
   * replaced afterwards).
   *
   * @throws ConfigError when a size or a setting is invalid
   */
  constructor(setup: GloveKernelSetup) {
    checkSetup(setup);
    this.#setup = setup;
    const { entries, weights, gradsq, scratch } = setup;
    this.#values = new Float32Array(entries.buffer, entries.byteOffset, entries.length);
    this.#count = entries.length / GLOVE_ENTRY_SLOTS;
    this.#wasm = gloveStep.holding([weights, gradsq, entries, scratch]);
    this.name = this.#wasm === undefined ? 'ts' : 'wasm-simd';
  }

  /**
   * Trains on entries `start` to `end - 1`, in order.
   *
   * @returns their summed cost Σ ½·f(X)·diff², each term before its entry's update
   * @throws ConfigError when `start..end` is not a range of the entries, or one of them has a row
   *   or column outside 0..vocabSize-1 (nothing of the block is trained then)
   */
  train(start: number, end: number): number {
    if (
      !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.#count)
    ) {
      throw new ConfigError('start..end', `${start}..${end}`, `a range of the ${this.#count} entries`);
    }
    const { entries, vocabSize, weights, gradsq, scratch, dim, lr, gradClip } = this.#setup;
    for (let slot = start * GLOVE_ENTRY_SLOTS; slot < end * GLOVE_ENTRY_SLOTS; slot += GLOVE_ENTRY_SLOTS) {
      const row = entries[slot]!;
      const column = entries[slot + 1]!;
      if (!(row >= 0 && row < vocabSize && column >= 0 && column < vocabSize)) {
        throw new ConfigError(
          `entries[${slot / GLOVE_ENTRY_SLOTS}]`,
          `row ${row}, column ${column}`,
          `indices from 0 to ${vocabSize - 1}`,
        );
      }
    }
    if (this.#wasm !== undefined) {
      return this.#wasm.exports.gloveAdaGrad(
        weights.byteOffset,
        gradsq.byteOffset,
        entries.byteOffset + 4 * GLOVE_ENTRY_SLOTS * start,
        end - start,
        scratch.byteOffset,
        vocabSize,
        dim,
        lr,
        gradClip,
      );
    }
    return this.#trainTs(start, end);
  }

  /** The reference: the same step in TypeScript, in doubles. */
  #trainTs(start: number, end: number): number {
    const { entries, vocabSize, weights, gradsq, scratch, dim, lr, gradClip } = this.#setup;
    const values = this.#values;
    const stride = dim + 1;
    const contextBase = vocabSize * stride;
    let cost = 0;
    for (let slot = start * GLOVE_ENTRY_SLOTS; slot < end * GLOVE_ENTRY_SLOTS; slot += GLOVE_ENTRY_SLOTS) {
      const word = entries[slot]! * stride;
      const context = contextBase + entries[slot + 1]! * stride;
      const diff =
        tsKernels.dot(weights, word, weights, context, dim) +
        weights[word + dim]! +
        weights[context + dim]! -
        values[slot + 2]!;
      const fdiff = values[slot + 3]! * diff;
      if (!Number.isFinite(fdiff)) continue;
      cost += 0.5 * fdiff * diff;
      let wordSum = 0;
      let contextSum = 0;
      for (let b = 0; b < dim; b++) {
        const wordGrad = Math.min(Math.max(fdiff * weights[context + b]!, -gradClip), gradClip) * lr;
        const contextGrad = Math.min(Math.max(fdiff * weights[word + b]!, -gradClip), gradClip) * lr;
        const wordStep = wordGrad / Math.sqrt(gradsq[word + b]!);
        const contextStep = contextGrad / Math.sqrt(gradsq[context + b]!);
        scratch[b] = wordStep;
        scratch[dim + b] = contextStep;
        wordSum += wordStep;
        contextSum += contextStep;
        gradsq[word + b]! += wordGrad * wordGrad;
        gradsq[context + b]! += contextGrad * contextGrad;
      }
      if (Number.isFinite(wordSum) && Number.isFinite(contextSum)) {
        tsKernels.axpy(-1, scratch, 0, weights, word, dim);
        tsKernels.axpy(-1, scratch, dim, weights, context, dim);
      }
      const wordBiasStep = fdiff / Math.sqrt(gradsq[word + dim]!);
      const contextBiasStep = fdiff / Math.sqrt(gradsq[context + dim]!);
      if (Number.isFinite(wordBiasStep)) weights[word + dim]! -= wordBiasStep;
      if (Number.isFinite(contextBiasStep)) weights[context + dim]! -= contextBiasStep;
      const square = fdiff * fdiff;
      gradsq[word + dim]! += square;
      gradsq[context + dim]! += square;
    }
    return cost;
  }
}
