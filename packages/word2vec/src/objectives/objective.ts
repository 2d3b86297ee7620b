import { ConfigError, type Random } from '@embedkit/core-math';
import type { SigmoidTable, VectorKernels } from '@embedkit/core-math/kernels';
import type { TABLE_LAYOUT } from '../generated/sentence-layout.js';

/**
 * An objective built for one thread: fastText's `Loss::forward` with backpropagation. Word2vec's
 * engine trains one target per prediction (`targets[0]`, `targetCount` 1); a classifier passes all
 * the positive labels of an example and which of them this prediction trains (fastText draws one
 * per example for `softmax`, `ns` and `hs`; `one-vs-all` trains every label, positive or not).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface Objective {
  /**
   * Trains `hidden` (the `dim` floats at `hiddenOffset`) to predict `targets[targetIndex]`: updates
   * the output rows involved and adds the hidden vector's update into `gradient` (`dim` floats).
   *
   * @param targets - the positive outputs of the example: entries `0..targetCount - 1`
   * @param targetCount - how many entries of `targets` are positive outputs (at least 1)
   * @param targetIndex - the entry this prediction trains (one-vs-all trains them all and ignores it)
   * @returns the loss of this prediction
   */
  update(
    hidden: Float32Array,
    hiddenOffset: number,
    targets: Int32Array,
    targetCount: number,
    targetIndex: number,
    lr: number,
    gradient: Float32Array,
  ): number;
  /**
   * Skip-gram with negatives shared over a window (only negative sampling with `sharing:
   * 'window'` or `'block'` has it): draws the noise outputs once (`'window'`) or once per block of
   * rows (`'block'`), then trains each of the `count` input rows at offsets `rows[0..count)` of
   * `inputs` (`dim` floats each; the context words of one centre word) to predict `target` against
   * them, as blocks of small matrix products, and updates those input rows itself.
   *
   * @param inputUpdates - scratch for the updates of a block of input rows: `SHARED_NEGATIVES_BLOCK ·
   *   dim` floats (from core-math's `allocateFloat32`, so the WebAssembly kernels run on it)
   * @returns the loss summed over the `count` predictions
   */
  updateWindow?(
    inputs: Float32Array,
    rows: Int32Array,
    count: number,
    target: number,
    lr: number,
    inputUpdates: Float32Array,
  ): number;
}

/**
 * Everything an objective needs from its thread: the kernels, the sigmoid table, the random stream.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface ObjectiveTools {
  /** The vector kernels in use in this thread. */
  readonly math: VectorKernels;
  /** The logistic function's lookup table. */
  readonly sigmoid: SigmoidTable;
  /** This thread's random stream (negative draws). */
  readonly random: Random;
}

/**
 * A weight matrix an objective owns: shared between the threads of a run (it must live in a
 * `SharedArrayBuffer`), checked for finite values after training, and saved / loaded under `name`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface ObjectiveMatrix {
  /** Its name in errors and model files (`output`, `nodes`). */
  readonly name: string;
  /** `rows x dim` floats, row-major. */
  readonly weights: Float32Array;
}

/**
 * A header field of the WebAssembly sentence loop's tables (generated from
 * `assembly/sentence-layout.json`, the one definition the AssemblyScript loop reads too).
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export type ObjectiveTableField = keyof typeof TABLE_LAYOUT;

/**
 * Where an objective writes itself into the tables of the WebAssembly sentence loop.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface SentenceTablePacker {
  /** Sets the header word `field` to `value` (an int32). */
  word(field: ObjectiveTableField, value: number): void;
  /** Copies `data` into the tables block (16-byte aligned) and stores its byte address in `field`. */
  table(field: ObjectiveTableField, data: Int32Array | Float32Array | Uint8Array): void;
  /** Stores the byte address of `weights` (a view of the kernel memory) in `field`. */
  weights(field: ObjectiveTableField, weights: Float32Array): void;
}

/**
 * How an objective runs in the WebAssembly sentence loop (`assembly/sentence.ts` holds its Wasm
 * function): it packs its settings and tables into the loop's header fields.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface ObjectiveWasm<Config> {
  /** Writes `config` into the tables (after {@link ObjectiveDescriptor.validate} accepted it). */
  pack(config: Config, tables: SentenceTablePacker): void;
}

/**
 * One objective, declared in one module: what its setup (`Config`, plain data that can be posted
 * to worker threads) must satisfy, the weight matrices it owns, its update in TypeScript, and how
 * it packs itself for the WebAssembly sentence loop. The engine, the models and save / load
 * iterate descriptors (see `objectives/registry.ts`) instead of naming objectives.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface ObjectiveDescriptor<Config extends { readonly kind: string }> {
  /** The `kind` of the configs this descriptor handles. */
  readonly kind: Config['kind'];
  /**
   * Checks `config` for vectors of `dim` floats.
   *
   * @returns the number of outputs it predicts over (words, or labels)
   * @throws ConfigError naming the field that is wrong
   */
  validate(config: Config, dim: number): number;
  /** The weight matrices `config` holds, in a fixed order. */
  matrices(config: Config): ReadonlyArray<ObjectiveMatrix>;
  /** `config` with its matrices replaced by `weights` (same order and sizes as {@link matrices}). */
  withMatrices(config: Config, weights: ReadonlyArray<Float32Array>): Config;
  /** Builds the objective for one thread (allocate scratch here, never per update). */
  create(config: Config, dim: number, tools: ObjectiveTools): Objective;
  /**
   * Its packing for the WebAssembly sentence loop, or `null`: a run with this objective then
   * trains with the TypeScript loop.
   */
  readonly wasm: ObjectiveWasm<Config> | null;
}

/**
 * Checks that `weights` holds `rows x dim` floats.
 *
 * @throws ConfigError naming `field` when it does not
 */
export function checkMatrix(field: string, weights: Float32Array, rows: number, dim: number): void {
  if (weights.length !== rows * dim) {
    throw new ConfigError(field, `${weights.length} floats`, `${rows} x ${dim}`);
  }
}

/**
 * The rows of `weights`, a matrix of one or more rows of `dim` floats.
 *
 * @throws ConfigError naming `field` when it is not
 */
export function matrixRows(field: string, weights: Float32Array, dim: number): number {
  const rows = Math.floor(weights.length / dim);
  if (rows < 1) throw new ConfigError(field, `${weights.length} floats`, `at least one row of ${dim}`);
  checkMatrix(field, weights, rows, dim);
  return rows;
}
