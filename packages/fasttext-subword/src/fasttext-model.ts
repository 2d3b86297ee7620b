import {
  ConfigError,
  DimensionMismatchError,
  type SavableModel,
  type SaveOptions,
  throwIfAborted,
  WordVectors,
} from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import type { FastTextArgs } from './fasttext-args.js';
import { writeFastTextBin } from '#write-bin';
import { buildInputRowTable, type InputRowTable } from './subword-table.js';
import { SubwordIndexer } from './subwords.js';

/** What a {@link FastTextModel} is made of: the contents of a fastText `.bin` file. */
export interface FastTextModelParts {
  /** The training arguments (`dim`, `minn`, `maxn` and `bucket` shape the vectors). */
  readonly args: FastTextArgs;
  /** The in-vocabulary words, most frequent first (fastText's order). */
  readonly words: readonly string[];
  /** Each word's count in the training corpus. */
  readonly counts: ArrayLike<number>;
  /** Tokens in the training corpus (fastText's `ntokens`). */
  readonly ntokens: number;
  /** Input matrix, `(words.length + args.bucket) x args.dim`: word rows, then n-gram bucket rows. */
  readonly inputMatrix: Float32Array;
  /**
   * Output matrix, `words.length x args.dim` (needed to save a `.bin` fastText can train on); for a
   * supervised model (`args.model` `supervised`), `labels.length x args.dim`, one row per label.
   */
  readonly outputMatrix: Float32Array;
  /** The labels after the words in the dictionary (a supervised model's classes); default none. */
  readonly labels?: readonly string[];
  /** Each label's count in the training corpus, aligned with `labels`. */
  readonly labelCounts?: ArrayLike<number>;
  /**
   * Whether `</s>` has character n-grams like any other word: true for models written before
   * `.bin` version 12 (fastText until October 2017 computed them); default false, as fastText 0.9.
   */
  readonly eosHasNgrams?: boolean;
}

/** A word's character n-grams and the input rows they map to, for inspection. */
export interface WordSubwords {
  /** The n-gram strings; an in-vocabulary word comes first as itself. */
  readonly ngrams: string[];
  /** The input-matrix row of each entry of `ngrams`. */
  readonly rows: Int32Array;
}

const decoder = new TextDecoder();
const SPACES = /[ \t\n\v\f\r]+/;

/**
 * A fastText subword model (Bojanowski et al. 2017, "Enriching Word Vectors with Subword
 * Information"): each word is its own row plus the rows of its hashed character n-grams, and
 * words outside the vocabulary get vectors from their n-grams alone, exactly as fastText's
 * `print-word-vectors` computes them.
 */
export class FastTextModel implements SavableModel {
  /** The training arguments stored with the model. */
  readonly args: FastTextArgs;
  /** The vectors' dimension. */
  readonly dim: number;
  /** In-vocabulary words, most frequent first. */
  readonly words: readonly string[];
  /** Each word's corpus count, aligned with {@link FastTextModel.words}. */
  readonly counts: Float64Array;
  /** Tokens in the training corpus. */
  readonly ntokens: number;
  /** Input matrix: `nwords` word rows, then `bucket` n-gram rows, `dim` floats each. */
  readonly inputMatrix: Float32Array;
  /** Output matrix: one row per word, or per label in a supervised model. */
  readonly outputMatrix: Float32Array;
  /** The dictionary's labels (a supervised model's classes, with their prefix), most frequent first. */
  readonly labels: readonly string[];
  /** Each label's corpus count, aligned with {@link FastTextModel.labels}. */
  readonly labelCounts: Float64Array;
  /** The n-gram enumerator of this model's `minn`, `maxn` and `bucket`. */
  readonly subwordIndexer: SubwordIndexer;
  readonly #index = new Map<string, number>();
  #table: InputRowTable | undefined;
  #wordVectors: WordVectors | undefined;

  /**
   * @throws DimensionMismatchError when a matrix or the counts do not fit the words and args
   * @throws ConfigError when a word repeats or an argument is out of range
   */
  constructor(parts: FastTextModelParts) {
    const { args, words } = parts;
    for (const [name, value] of [
      ['dim', args.dim],
      ['bucket', args.bucket],
      ['minn', args.minn],
      ['maxn', args.maxn],
    ] as const) {
      if (!Number.isInteger(value) || value < (name === 'dim' ? 1 : 0)) {
        throw new ConfigError(name, value, name === 'dim' ? 'an integer of at least 1' : 'an integer >= 0');
      }
    }
    const nwords = words.length;
    if (parts.counts.length !== nwords)
      throw new DimensionMismatchError(nwords, parts.counts.length, 'counts');
    const inputLength = (nwords + args.bucket) * args.dim;
    if (parts.inputMatrix.length !== inputLength) {
      throw new DimensionMismatchError(inputLength, parts.inputMatrix.length, 'input matrix length');
    }
    const labels = parts.labels ?? [];
    const labelCounts = parts.labelCounts ?? [];
    if (labelCounts.length !== labels.length)
      throw new DimensionMismatchError(labels.length, labelCounts.length, 'label counts');
    const outputRows = args.model === 'supervised' ? labels.length : nwords;
    if (parts.outputMatrix.length !== outputRows * args.dim) {
      throw new DimensionMismatchError(
        outputRows * args.dim,
        parts.outputMatrix.length,
        'output matrix length',
      );
    }
    for (let i = 0; i < nwords; i++) {
      const word = words[i]!;
      if (this.#index.has(word)) throw new ConfigError('words', word, 'distinct words (this one repeats)');
      this.#index.set(word, i);
    }
    this.args = args;
    this.dim = args.dim;
    this.words = words;
    this.counts = Float64Array.from(parts.counts);
    this.ntokens = parts.ntokens;
    this.inputMatrix = parts.inputMatrix;
    this.outputMatrix = parts.outputMatrix;
    this.labels = labels;
    this.labelCounts = Float64Array.from(labelCounts);
    this.subwordIndexer = new SubwordIndexer(args, nwords, parts.eosHasNgrams ?? false);
  }

  /** Number of in-vocabulary words. */
  get size(): number {
    return this.words.length;
  }

  /** Whether `word` is in the vocabulary (an out-of-vocabulary word still has a {@link FastTextModel.vector}). */
  has(word: string): boolean {
    return this.#index.has(word);
  }

  /** The vocabulary, most frequent first. */
  keys(): IterableIterator<string> {
    return this.words.values();
  }

  /** `word`'s row in the vocabulary, or -1. */
  id(word: string): number {
    return this.#index.get(word) ?? -1;
  }

  /**
   * Each in-vocabulary word's input rows (its own row, then its n-gram rows), computed once:
   * the input encoder training uses.
   */
  get inputRowTable(): InputRowTable {
    this.#table ??= buildInputRowTable(this.words, this.subwordIndexer);
    return this.#table;
  }

  /**
   * `word`'s vector, as fastText's `getWordVector`: the mean of its word row and n-gram rows, or
   * for an out-of-vocabulary word the mean of its n-gram rows (a zero vector when it has none).
   * Always a new array.
   */
  vector(word: string): Float32Array {
    const out = new Float32Array(this.dim);
    this.vectorInto(word, out);
    return out;
  }

  /**
   * Writes `word`'s vector (see {@link FastTextModel.vector}) into `out` (length `dim`) and returns
   * how many rows were averaged (0 for a zero vector).
   */
  vectorInto(word: string, out: Float32Array): number {
    if (out.length !== this.dim) throw new DimensionMismatchError(this.dim, out.length, 'output vector');
    out.fill(0);
    const k = kernels();
    const { dim, inputMatrix } = this;
    const id = this.#index.get(word);
    let count = 0;
    if (id !== undefined) {
      const { offsets, rows } = this.inputRowTable;
      const end = offsets[id + 1]!;
      for (let r = offsets[id]!; r < end; r++) k.axpy(1, inputMatrix, rows[r]! * dim, out, 0, dim);
      count = end - offsets[id]!;
    } else {
      count = this.subwordIndexer.forEach(word, (row) => k.axpy(1, inputMatrix, row * dim, out, 0, dim));
    }
    // fastText multiplies by the float 1/n, so do the same for identical results.
    if (count > 0) k.scale(Math.fround(1 / count), out, 0, dim);
    return count;
  }

  /**
   * `word`'s n-grams and their input rows, as fastText's `print-ngrams` lists them (an
   * in-vocabulary word comes first as itself).
   */
  subwords(word: string): WordSubwords {
    const ngrams: string[] = [];
    const rows: number[] = [];
    const id = this.#index.get(word);
    if (id !== undefined) {
      ngrams.push(word);
      rows.push(id);
    }
    this.subwordIndexer.forEach(word, (row, bytes, start, end) => {
      ngrams.push(decoder.decode(bytes.subarray(start, end)));
      rows.push(row);
    });
    return { ngrams, rows: Int32Array.from(rows) };
  }

  /**
   * The vector of a sentence as fastText's `print-sentence-vectors` for unsupervised models: the
   * text is split on whitespace (no end-of-sentence token is added), each word's vector is scaled
   * to unit length, words with a zero vector are skipped, and the rest are averaged (a zero vector
   * when none is left).
   */
  sentenceVector(text: string): Float32Array {
    const sum = new Float32Array(this.dim);
    const word = new Float32Array(this.dim);
    const k = kernels();
    let count = 0;
    for (const token of text.split(SPACES)) {
      if (token === '') continue;
      this.vectorInto(token, word);
      const norm = float32Norm(word);
      if (norm > 0) {
        k.scale(Math.fround(1 / norm), word, 0, this.dim);
        k.axpy(1, word, 0, sum, 0, this.dim);
        count++;
      }
    }
    if (count > 0) k.scale(Math.fround(1 / count), sum, 0, this.dim);
    return sum;
  }

  /**
   * The vectors of all in-vocabulary words (what fastText writes to `.vec`), with their counts;
   * computed once.
   */
  get wordVectors(): WordVectors {
    if (this.#wordVectors === undefined) {
      const matrix = new Float32Array(this.size * this.dim);
      for (let i = 0; i < this.size; i++)
        this.vectorInto(this.words[i]!, matrix.subarray(i * this.dim, (i + 1) * this.dim));
      this.#wordVectors = new WordVectors(this.words, matrix, this.dim, this.counts);
    }
    return this.#wordVectors;
  }

  /** The one format of its own a fastText model is saved in: fastText's `.bin` ({@link writeFastTextBin}). */
  readonly savableFormats: readonly string[] = ['fasttext-bin'];

  /**
   * Saves the model as a fastText `.bin` ({@link writeFastTextBin}); word-vector formats are
   * written from {@link FastTextModel.wordVectors}.
   *
   * @throws ConfigError when `format` is not `fasttext-bin`; CancelledError when `options.signal`
   *   is aborted (the write then leaves an existing file as it was); IoError when the file cannot be written
   */
  async save(path: string, format: string, options: SaveOptions = {}): Promise<void> {
    if (!this.savableFormats.includes(format)) throw new ConfigError('format', format, 'fasttext-bin');
    throwIfAborted(options.signal, 'saving');
    await writeFastTextBin(path, this, options.signal ? { signal: options.signal } : {});
  }
}

/** The Euclidean norm summed in float32 in index order, as fastText's `Vector::norm`. */
function float32Norm(x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum = Math.fround(sum + Math.fround(x[i]! * x[i]!));
  return Math.fround(Math.sqrt(sum));
}
