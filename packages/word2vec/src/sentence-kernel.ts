import { ConfigError, type Random, type RandomState } from '@embedkit/core-math';
import { KernelModule, SigmoidTable, allocateInt32 } from '@embedkit/core-math/kernels';
import type { ObjectiveTableField, SentenceTablePacker } from './objectives/objective.js';
import { descriptorOf, objectiveMatrices, runsInWasm } from './objectives/registry.js';
import {
  TABLE_HEADER_WORDS,
  TABLE_LAYOUT,
  WORKSPACE_HEADER_WORDS,
  WORKSPACE_LAYOUT,
} from './generated/sentence-layout.js';
import { sentenceWasmBase64 } from './generated/sentence-wasm.js';
import type { EngineSetup } from './training-state.js';

/**
 * The read-only tables of one engine setup in the Wasm kernels' memory: plain data
 * that can be posted to worker threads attached to that memory. Give `block` back with
 * `releaseArray` when the run is over.
 */
export interface SentenceTables {
  /** The header (settings and byte addresses) followed by the tables. */
  readonly block: Int32Array;
  /** Vector dimension. */
  readonly dim: number;
  /** Tokens (output words) of the setup. */
  readonly vocabularySize: number;
}

const T = TABLE_LAYOUT;
const W = WORKSPACE_LAYOUT;
const STATUS_MESSAGES = ['', 'a sentence longer than the sentence buffer', 'a token id', 'sentence offsets'];

/** `n` rounded up to a multiple of 4 (16 bytes, so every table starts aligned). */
const aligned = (n: number): number => Math.ceil(n / 4) * 4;

/** The exports of `assembly/sentence.ts`: byte addresses in the kernel memory. */
interface SentenceLoopExports {
  trainSentences(
    tables: number,
    workspace: number,
    ids: number,
    idsLength: number,
    starts: number,
    first: number,
    end: number,
    sentence: number,
    capacity: number,
    budget: number,
    lr: number,
  ): number;
}

/** The sentence loop's own WebAssembly module, on the kernels' memory. */
const sentenceLoop = new KernelModule<SentenceLoopExports>(sentenceWasmBase64);

type WasmModule = { readonly exports: SentenceLoopExports };

type TableData = Int32Array | Float32Array | Uint8Array;

/**
 * Collects the header words and tables of a tables block, then writes them into one allocation:
 * the header, then each table 16-byte aligned, its byte address in its header field.
 */
class TablesBuilder implements SentenceTablePacker {
  readonly #words = new Map<number, number>();
  readonly #tables: Array<{ readonly field: number; readonly data: TableData }> = [];
  readonly #wasm: WasmModule;

  constructor(wasm: WasmModule) {
    this.#wasm = wasm;
  }

  word(field: ObjectiveTableField, value: number): void {
    this.#words.set(T[field], value);
  }

  table(field: ObjectiveTableField, data: TableData): void {
    this.#tables.push({ field: T[field], data });
  }

  weights(field: ObjectiveTableField, weights: Float32Array): void {
    if (sentenceLoop.holding([weights]) !== this.#wasm) {
      throw new ConfigError(field, 'weights outside the kernel memory', 'an array from allocateFloat32');
    }
    this.word(field, weights.byteOffset);
  }

  /** Allocates the block in the kernel memory and fills it. */
  build(): Int32Array {
    let words = TABLE_HEADER_WORDS;
    const placed = this.#tables.map(({ field, data }) => {
      const at = words;
      words += aligned(Math.ceil(data.byteLength / 4));
      return { field, data, at };
    });
    const block = allocateInt32(words);
    for (const [field, value] of this.#words) block[field] = value;
    for (const { field, data, at } of placed) {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      new Uint8Array(block.buffer, block.byteOffset + 4 * at, data.byteLength).set(bytes);
      block[field] = block.byteOffset + 4 * at;
    }
    return block;
  }
}

/**
 * Copies the tables of `setup` into the Wasm kernels' memory, once per training run, before
 * worker threads start (post the result to them with the kernel memory). Each objective packs
 * itself (its descriptor's `wasm.pack`).
 *
 * @param vocabulary - the number of tokens (outputs) of the setup, as `runEngine` validated it
 * @returns the tables, or `null` when the sentence kernel cannot run: an objective has no Wasm
 *   version, the kernels in use are not the WebAssembly ones, or a weight matrix is not a view of
 *   their memory (then train with the TypeScript loop)
 */
export function createSentenceTables(setup: EngineSetup, vocabulary: number): SentenceTables | null {
  const { objectives, encoder, keepProbabilities } = setup;
  if (!runsInWasm(objectives)) return null;
  const matrices = objectiveMatrices(objectives).map((matrix) => matrix.weights);
  const wasm = sentenceLoop.holding([setup.inputWeights, ...matrices]);
  if (wasm === undefined) return null;
  const sigmoid = new SigmoidTable(setup.sigmoid.size, setup.sigmoid.maxExp);
  const tables = new TablesBuilder(wasm);
  tables.word('architecture', setup.architecture === 'skipgram' ? 0 : 1);
  tables.word('dim', setup.dim);
  tables.word('window', setup.window);
  tables.word('cbowMean', setup.cbowMean ? 1 : 0);
  tables.word('vocabulary', vocabulary);
  tables.word('input', setup.inputWeights.byteOffset);
  if (keepProbabilities !== null) tables.table('keep', keepProbabilities);
  for (const config of objectives) descriptorOf(config).wasm!.pack(config, tables);
  if (encoder !== null) {
    tables.table('encoderOffsets', encoder.offsets);
    tables.table('encoderRows', encoder.rows);
  }
  const sigmoidTables = new Float32Array(2 * sigmoid.table.length);
  sigmoidTables.set(sigmoid.table);
  sigmoidTables.set(sigmoid.logTable, sigmoid.table.length);
  tables.table('sigmoid', sigmoidTables);
  tables.word('sigmoidSize', sigmoid.size);
  const block = tables.build();
  const doubles = new Float64Array(block.buffer, block.byteOffset + 4 * T.maxExp, 2);
  doubles[0] = sigmoid.maxExp;
  // The same expression as SigmoidTable's index scale, so both read the same entry.
  doubles[1] = sigmoid.size / sigmoid.maxExp / 2;
  return { block, dim: setup.dim, vocabularySize: vocabulary };
}

/**
 * Allocates one thread's workspace for the sentence kernel in the Wasm kernels' memory: its random
 * state (starting as `random`'s) and its hidden and gradient vectors. Allocate it with the tables,
 * before worker threads start; give it back with `releaseArray`.
 *
 * @throws ConfigError when the WebAssembly kernels are not the ones in use
 */
export function createSentenceWorkspace(tables: SentenceTables, random: Random): Int32Array {
  if (sentenceLoop.holding([tables.block]) === undefined) {
    throw new ConfigError('kernels', 'not the WebAssembly kernels of the tables', 'the Wasm kernels in use');
  }
  const vector = aligned(tables.dim);
  const negative = tables.block[T.negative]!;
  // Negatives shared over windows: a block's input and output addresses, then 16-byte aligned 16
  // zero bytes, the update factor of every pair (4 floats each) and the inputs' updates (the
  // layout assembly/sentence.ts computes from the block).
  const block = tables.block[T.sharedBlock]!;
  const sharedWords =
    block === 0 ? 0 : aligned(block + (negative + 1)) + 4 + 4 * block * (negative + 1) + block * vector;
  // The negatives of two predictions: the one training and the next (drawn one ahead); with a draw
  // per block ('block' sharing), of every block of the largest window.
  const draws = tables.block[T.sharedDraws] === 0 ? 1 : Math.ceil((2 * tables.block[T.window]!) / block);
  const noiseWords = aligned(2 * negative * draws);
  const workspace = allocateInt32(WORKSPACE_HEADER_WORDS + 2 * vector + noiseWords + sharedWords);
  workspace.set(random.state(), W.random);
  workspace[W.hidden] = workspace.byteOffset + 4 * WORKSPACE_HEADER_WORDS;
  workspace[W.gradient] = workspace.byteOffset + 4 * (WORKSPACE_HEADER_WORDS + vector);
  workspace[W.noise] = workspace.byteOffset + 4 * (WORKSPACE_HEADER_WORDS + 2 * vector);
  workspace[W.shared] = workspace.byteOffset + 4 * (WORKSPACE_HEADER_WORDS + 2 * vector + noiseWords);
  return workspace;
}

/**
 * The word2vec / fastText sentence loop in WebAssembly (`assembly/sentence.ts`), for one thread:
 * subsampling, the dynamic window, skip-gram or CBOW, hierarchical softmax and / or negative
 * sampling, the input encoder, all in one call per block of sentences. It makes the same random
 * draws in the same order as word2vec's TypeScript loop with `Random` and `NoiseDistribution`, so
 * both train the same pairs; weights agree to float tolerance (sums are accumulated in float32).
 * Its random stream lives in the workspace.
 *
 * @example
 * ```ts
 * const tables = createSentenceTables(setup, vocabulary); // main thread, null: the TypeScript loop
 * const workspace = createSentenceWorkspace(tables, new Random(seed).fork(thread));
 * const kernel = new SentenceKernel(tables, workspace);   // in the thread that trains
 * let next = 0;
 * while (next < count) next = kernel.train(ids, starts, next, count, buffer, lr, 10_000);
 * ```
 */
export class SentenceKernel {
  /** Tokens processed (before subsampling) by the last {@link SentenceKernel.train} call. */
  words = 0;
  /** Loss summed over the predictions of the last call. */
  loss = 0;
  /** Predictions (calls of the objective) of the last call. */
  predictions = 0;
  readonly #wasm: WasmModule;
  readonly #tables: number;
  readonly #workspace: Int32Array;
  readonly #vocabularySize: number;

  /**
   * Wraps tables and a workspace made by {@link createSentenceTables} and
   * {@link createSentenceWorkspace}, in a thread whose kernels are the WebAssembly ones on the
   * same memory (`attachKernels(memory)` in a worker).
   *
   * @throws ConfigError when they are not views of this thread's Wasm kernel memory
   */
  constructor(tables: SentenceTables, workspace: Int32Array) {
    const wasm = sentenceLoop.holding([tables.block, workspace]);
    if (wasm === undefined) {
      throw new ConfigError(
        'kernels',
        'not the WebAssembly kernels of the tables',
        'the Wasm kernels in use',
      );
    }
    this.#wasm = wasm;
    this.#tables = tables.block.byteOffset;
    this.#workspace = workspace;
    this.#vocabularySize = tables.vocabularySize;
  }

  /**
   * Whether {@link SentenceKernel.train} can read these arrays (views of the kernel memory, from
   * `allocateInt32`).
   */
  accepts(ids: Int32Array, sentenceStarts: Int32Array, sentence: Int32Array): boolean {
    return sentenceLoop.holding([ids, sentenceStarts, sentence]) === this.#wasm;
  }

  /**
   * Trains sentences `first`, `first + 1`, ... (sentence `s` is `ids[sentenceStarts[s]]` up to
   * `ids[sentenceStarts[s + 1] - 1]`) at learning rate `lr`, until sentence `end - 1` or the first
   * sentence that brings the tokens processed in this call to `budget`. Each sentence is subsampled
   * into `sentence`, which must hold the longest one. Sets {@link SentenceKernel.words},
   * {@link SentenceKernel.loss} and {@link SentenceKernel.predictions}.
   *
   * @returns the next sentence to train
   * @throws ConfigError when an array is not in the kernel memory (see
   *   {@link SentenceKernel.accepts}), `first..end` is not a range of sentences, or a sentence is
   *   longer than `sentence`, has bad offsets or a token id outside the vocabulary
   */
  train(
    ids: Int32Array,
    sentenceStarts: Int32Array,
    first: number,
    end: number,
    sentence: Int32Array,
    lr: number,
    budget: number,
  ): number {
    if (!this.accepts(ids, sentenceStarts, sentence)) {
      throw new ConfigError('ids', 'an array outside the kernel memory', 'arrays from allocateInt32');
    }
    if (
      !(
        Number.isInteger(first) &&
        Number.isInteger(end) &&
        first >= 0 &&
        first <= end &&
        end < sentenceStarts.length
      )
    ) {
      throw new ConfigError(
        'first..end',
        `${first}..${end}`,
        `a range of the ${sentenceStarts.length - 1} sentences`,
      );
    }
    const workspace = this.#workspace;
    this.loss = this.#wasm.exports.trainSentences(
      this.#tables,
      workspace.byteOffset,
      ids.byteOffset,
      ids.length,
      sentenceStarts.byteOffset,
      first,
      end,
      sentence.byteOffset,
      sentence.length,
      budget,
      lr,
    );
    const status = workspace[W.status]!;
    const next = workspace[W.next]!;
    this.words = workspace[W.words]!;
    this.predictions = workspace[W.predictions]!;
    if (status !== 0) {
      throw new ConfigError(
        `sentence ${next}`,
        STATUS_MESSAGES[status],
        `offsets inside ids, token ids from 0 to ${this.#vocabularySize - 1}, at most ${sentence.length} tokens`,
      );
    }
    return next;
  }

  /** The current state of the kernel's random stream (`Random.fromState` continues it). */
  randomState(): RandomState {
    const w = this.#workspace;
    return [w[W.random]! >>> 0, w[W.random + 1]! >>> 0, w[W.random + 2]! >>> 0, w[W.random + 3]! >>> 0];
  }
}
