import { ConfigError } from './errors.js';
import { allocateInt32 } from './kernel-arrays.js';
import { activeWasmKernels } from './kernel-selection.js';
import type { NoiseDistribution } from './noise-distribution.js';
import type { Random, RandomState } from './random.js';
import type { SigmoidTable } from './sigmoid-table.js';
import type { WasmKernels } from './wasm-kernels.js';

/**
 * What the WebAssembly sentence kernel trains: word2vec's (and fastText's) skip-gram or CBOW with
 * negative sampling, hierarchical softmax or both, over input rows that are the tokens themselves
 * or, with an encoder, several rows per token. The weight matrices must be views of the Wasm
 * kernels' memory (`allocateFloat32`); the tables are copied into it.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export interface SentenceKernelSetup {
  /** Skip-gram (a word and each word of its window form a pair) or CBOW (the window predicts the word). */
  readonly architecture: 'skipgram' | 'cbow';
  /** Vector dimension. */
  readonly dim: number;
  /** Largest window; each word draws its own from 1..window. */
  readonly window: number;
  /** CBOW: average the context rows (true) or sum them and divide the update among them (false). */
  readonly cbowMean: boolean;
  /** The input matrix, `rows x dim`. */
  readonly inputWeights: Float32Array;
  /** Token -> input rows as CSR (`offsets` has one entry per token plus one), or `null` for row = token. */
  readonly encoder: { readonly offsets: Int32Array; readonly rows: Int32Array } | null;
  /** Per token, the probability to keep an occurrence (subsampling), or `null` to keep all. */
  readonly keepProbabilities: Float32Array | null;
  /** Negative sampling: draws per target, the noise distribution over the tokens, the output rows. */
  readonly negativeSampling: {
    readonly negative: number;
    readonly noise: NoiseDistribution;
    readonly outputWeights: Float32Array;
  } | null;
  /** Hierarchical softmax: each token's path of inner nodes and branch codes (CSR), the node rows. */
  readonly hierarchicalSoftmax: {
    readonly offsets: Int32Array;
    readonly nodes: Int32Array;
    readonly codes: Uint8Array;
    readonly nodeWeights: Float32Array;
  } | null;
  /** The logistic function's lookup table. */
  readonly sigmoid: SigmoidTable;
}

/**
 * The read-only tables of one {@link SentenceKernelSetup} in the Wasm kernels' memory: plain data
 * that can be posted to worker threads attached to that memory. Give `block` back with
 * `releaseArray` when the run is over.
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export interface SentenceTables {
  /** The header (settings and byte addresses) followed by the tables. */
  readonly block: Int32Array;
  /** Vector dimension. */
  readonly dim: number;
  /** Tokens (output words) of the setup. */
  readonly vocabularySize: number;
}

// Header words of the tables block and of a workspace (assembly/sentence.ts reads them).
const T = {
  architecture: 0,
  dim: 1,
  window: 2,
  cbowMean: 3,
  vocabulary: 4,
  input: 5,
  encoderOffsets: 6,
  encoderRows: 7,
  keep: 8,
  negative: 9,
  output: 10,
  aliasTable: 11,
  treeOffsets: 13,
  treeNodes: 14,
  treeCodes: 15,
  nodes: 16,
  sigmoid: 17,
  sigmoidSize: 18,
  maxExp: 20,
  factor: 22,
} as const;
const TABLE_HEADER_WORDS = 24;
const W = {
  random: 0,
  status: 4,
  next: 5,
  words: 6,
  predictions: 7,
  hidden: 8,
  gradient: 9,
  noise: 10,
  /** Written by the kernel only: what it read ahead of the rows it is about to train. */
  sink: 11,
} as const;
const WORKSPACE_HEADER_WORDS = 16;
const STATUS_MESSAGES = ['', 'a sentence longer than the sentence buffer', 'a token id', 'sentence offsets'];

/** `n` rounded up to a multiple of 4 (16 bytes, so every table starts aligned). */
const aligned = (n: number): number => Math.ceil(n / 4) * 4;

function wasmHolding(arrays: ReadonlyArray<ArrayBufferView | null>): WasmKernels | undefined {
  const wasm = activeWasmKernels();
  if (wasm === undefined) return undefined;
  return arrays.every((array) => array === null || wasm.holds(array)) ? wasm : undefined;
}

function checkCsr(
  name: string,
  offsets: Int32Array,
  tokens: number,
  values: number,
  limit: number,
  of: Int32Array,
): void {
  if (offsets.length !== tokens + 1 || offsets[0] !== 0 || offsets[tokens] !== values) {
    throw new ConfigError(
      `${name}.offsets`,
      `${offsets.length} offsets`,
      `${tokens + 1} offsets from 0 to ${values}`,
    );
  }
  for (let t = 0; t < tokens; t++) {
    if (offsets[t + 1]! < offsets[t]!)
      throw new ConfigError(`${name}.offsets[${t + 1}]`, offsets[t + 1], 'non-decreasing offsets');
  }
  for (let i = 0; i < values; i++) {
    const value = of[i]!;
    if (!(value >= 0 && value < limit))
      throw new ConfigError(`${name}[${i}]`, value, `an index from 0 to ${limit - 1}`);
  }
}

/** Checks every size and index the kernel relies on (it reads and writes the memory unchecked). */
function validate(setup: SentenceKernelSetup): number {
  const { dim, window, inputWeights, encoder, keepProbabilities, negativeSampling, hierarchicalSoftmax } =
    setup;
  if (!Number.isInteger(dim) || dim < 1) throw new ConfigError('dim', dim, 'an integer >= 1');
  if (!Number.isInteger(window) || window < 1) throw new ConfigError('window', window, 'an integer >= 1');
  let vocabulary: number | undefined;
  if (negativeSampling !== null) {
    const { negative, noise, outputWeights } = negativeSampling;
    if (!Number.isInteger(negative) || negative < 1)
      throw new ConfigError('negative', negative, 'an integer >= 1');
    if (outputWeights.length !== noise.size * dim) {
      throw new ConfigError('outputWeights', `${outputWeights.length} floats`, `${noise.size} x ${dim}`);
    }
    vocabulary = noise.size;
  }
  if (hierarchicalSoftmax !== null) {
    const { offsets, nodes, codes, nodeWeights } = hierarchicalSoftmax;
    const leaves = vocabulary ?? offsets.length - 1;
    if (codes.length !== nodes.length)
      throw new ConfigError('codes', `${codes.length} codes`, `one per node (${nodes.length})`);
    if (nodeWeights.length !== Math.max(0, leaves - 1) * dim) {
      throw new ConfigError('nodeWeights', `${nodeWeights.length} floats`, `${leaves - 1} x ${dim}`);
    }
    checkCsr('tree', offsets, leaves, nodes.length, leaves - 1, nodes);
    vocabulary = leaves;
  }
  if (vocabulary === undefined) {
    throw new ConfigError('objective', 'none', 'negative sampling, hierarchical softmax or both');
  }
  if (inputWeights.length % dim !== 0) {
    throw new ConfigError('inputWeights', `${inputWeights.length} floats`, `a multiple of dim (${dim})`);
  }
  const inputRows = inputWeights.length / dim;
  if (encoder === null) {
    if (inputRows < vocabulary)
      throw new ConfigError('inputWeights', `${inputRows} rows`, `at least ${vocabulary}`);
  } else {
    checkCsr('encoder', encoder.offsets, vocabulary, encoder.rows.length, inputRows, encoder.rows);
  }
  if (keepProbabilities !== null && keepProbabilities.length !== vocabulary) {
    throw new ConfigError(
      'keepProbabilities',
      `${keepProbabilities.length} values`,
      `one per token (${vocabulary})`,
    );
  }
  return vocabulary;
}

/**
 * The noise distribution's alias table packed for the kernel: per column a u32 threshold and the
 * alias, side by side, so a draw reads one 8-byte entry (one cache line) instead of two arrays.
 * A 32-bit draw r keeps the column when r < acceptBelow, which for integer r is r < ceil(acceptBelow);
 * a column kept for every draw (ceil ≥ 2^32) gets itself as its alias, so the draws are exactly
 * {@link NoiseDistribution.sample}'s.
 */
function packAliasTable(noise: NoiseDistribution, into: Int32Array): void {
  const size = noise.size;
  const acceptBelow = new Float64Array(size);
  const alias = new Int32Array(size);
  noise.copyAliasTable(acceptBelow, alias);
  for (let c = 0; c < size; c++) {
    const threshold = Math.ceil(Math.max(0, acceptBelow[c]!));
    const always = threshold >= 2 ** 32;
    into[2 * c] = always ? -1 : threshold | 0;
    into[2 * c + 1] = always ? c : alias[c]!;
  }
}

/**
 * Copies the tables of `setup` into the Wasm kernels' memory, once per training run, before
 * worker threads start (post the result to them with the kernel memory).
 *
 * @returns the tables, or `null` when the sentence kernel cannot run: the kernels in use are not
 *   the WebAssembly ones, or a weight matrix is not a view of their memory (then train with the
 *   TypeScript loop)
 * @throws ConfigError when a size or an index of the setup is inconsistent
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function createSentenceTables(setup: SentenceKernelSetup): SentenceTables | null {
  const vocabulary = validate(setup);
  const { negativeSampling: ns, hierarchicalSoftmax: hs, encoder, keepProbabilities, sigmoid } = setup;
  const wasm = wasmHolding([setup.inputWeights, ns?.outputWeights ?? null, hs?.nodeWeights ?? null]);
  if (wasm === undefined) return null;
  // Word offsets of the tables after the header, each 16-byte aligned.
  let words = TABLE_HEADER_WORDS;
  const place = (length: number): number => {
    const at = words;
    words += aligned(length);
    return at;
  };
  const keepAt = keepProbabilities === null ? 0 : place(vocabulary);
  const aliasTableAt = ns === null ? 0 : place(2 * vocabulary);
  const treeOffsetsAt = hs === null ? 0 : place(vocabulary + 1);
  const treeNodesAt = hs === null ? 0 : place(hs.nodes.length);
  const treeCodesAt = hs === null ? 0 : place(Math.ceil(hs.codes.length / 4));
  const encoderOffsetsAt = encoder === null ? 0 : place(vocabulary + 1);
  const encoderRowsAt = encoder === null ? 0 : place(encoder.rows.length);
  const sigmoidAt = place(2 * sigmoid.table.length);

  const block = allocateInt32(words);
  const base = block.byteOffset;
  const address = (at: number): number => (at === 0 ? 0 : base + 4 * at);
  const floats = (at: number, length: number): Float32Array =>
    new Float32Array(block.buffer, base + 4 * at, length);
  if (keepProbabilities !== null) floats(keepAt, vocabulary).set(keepProbabilities);
  if (ns !== null) packAliasTable(ns.noise, block.subarray(aliasTableAt, aliasTableAt + 2 * vocabulary));
  if (hs !== null) {
    block.set(hs.offsets, treeOffsetsAt);
    block.set(hs.nodes, treeNodesAt);
    new Uint8Array(block.buffer, base + 4 * treeCodesAt, hs.codes.length).set(hs.codes);
  }
  if (encoder !== null) {
    block.set(encoder.offsets, encoderOffsetsAt);
    block.set(encoder.rows, encoderRowsAt);
  }
  floats(sigmoidAt, sigmoid.table.length).set(sigmoid.table);
  floats(sigmoidAt + sigmoid.table.length, sigmoid.table.length).set(sigmoid.logTable);

  block[T.architecture] = setup.architecture === 'skipgram' ? 0 : 1;
  block[T.dim] = setup.dim;
  block[T.window] = setup.window;
  block[T.cbowMean] = setup.cbowMean ? 1 : 0;
  block[T.vocabulary] = vocabulary;
  block[T.input] = setup.inputWeights.byteOffset;
  block[T.encoderOffsets] = address(encoderOffsetsAt);
  block[T.encoderRows] = address(encoderRowsAt);
  block[T.keep] = address(keepAt);
  block[T.negative] = ns?.negative ?? 0;
  block[T.output] = ns?.outputWeights.byteOffset ?? 0;
  block[T.aliasTable] = address(aliasTableAt);
  block[T.treeOffsets] = address(treeOffsetsAt);
  block[T.treeNodes] = address(treeNodesAt);
  block[T.treeCodes] = address(treeCodesAt);
  block[T.nodes] = hs?.nodeWeights.byteOffset ?? 0;
  block[T.sigmoid] = address(sigmoidAt);
  block[T.sigmoidSize] = sigmoid.size;
  const doubles = new Float64Array(block.buffer, base + 4 * T.maxExp, 2);
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
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export function createSentenceWorkspace(tables: SentenceTables, random: Random): Int32Array {
  if (wasmHolding([tables.block]) === undefined) {
    throw new ConfigError('kernels', 'not the WebAssembly kernels of the tables', 'the Wasm kernels in use');
  }
  const vector = aligned(tables.dim);
  const negative = tables.block[T.negative]!;
  // The negatives of two predictions: the one training and the next (drawn one ahead).
  const workspace = allocateInt32(WORKSPACE_HEADER_WORDS + 2 * vector + 2 * negative);
  workspace.set(random.state(), W.random);
  workspace[W.hidden] = workspace.byteOffset + 4 * WORKSPACE_HEADER_WORDS;
  workspace[W.gradient] = workspace.byteOffset + 4 * (WORKSPACE_HEADER_WORDS + vector);
  workspace[W.noise] = workspace.byteOffset + 4 * (WORKSPACE_HEADER_WORDS + 2 * vector);
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
 * const tables = createSentenceTables(setup);   // main thread, null when Wasm cannot run
 * const workspace = createSentenceWorkspace(tables, new Random(seed).fork(thread));
 * const kernel = new SentenceKernel(tables, workspace);   // in the thread that trains
 * let next = 0;
 * while (next < count) next = kernel.train(ids, starts, next, count, buffer, lr, 10_000);
 * ```
 * @experimental Part of `@embedkit/core-math/kernels`, which may change in a minor release.
 */
export class SentenceKernel {
  /** Tokens processed (before subsampling) by the last {@link SentenceKernel.train} call. */
  words = 0;
  /** Loss summed over the predictions of the last call. */
  loss = 0;
  /** Predictions (calls of the objective) of the last call. */
  predictions = 0;
  readonly #wasm: WasmKernels;
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
    const wasm = wasmHolding([tables.block, workspace]);
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
    return wasmHolding([ids, sentenceStarts, sentence]) === this.#wasm;
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
