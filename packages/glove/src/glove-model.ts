import type { Embedder, WordVectors } from '@embedkit/core-math';
import type { Vocabulary } from '@embedkit/corpus';
import type { VectorFormat } from '@embedkit/vector-io';
import { writeVectors } from '@embedkit/vector-io';
import type { CooccurrenceStats } from './cooccurrence-matrix.js';
import type { ResolvedGloveOptions } from './options.js';
import { writeGloveVocabulary } from './vocabulary-file.js';

/** What went into a {@link GloveModel} besides its vectors. */
export interface GloveTrainingSummary {
  /** The options used, defaults applied. */
  readonly options: ResolvedGloveOptions;
  /** Threads that trained it. */
  readonly threads: number;
  /** The seed of every random choice. */
  readonly seed: number;
  /** How the co-occurrences were counted. */
  readonly cooccurrence: CooccurrenceStats & {
    /** Non-zero entries of the co-occurrence matrix (the training examples). */
    readonly entries: number;
  };
  /** Mean cost per entry after each epoch (what `glove` prints as `cost`). */
  readonly costs: readonly number[];
  /** Where the training step ran: `wasm-simd` (WebAssembly SIMD) or `ts` (`GloveKernel`'s TypeScript reference). */
  readonly kernel: string;
}

/**
 * A trained GloVe model: the word vectors (W + W̃ or W, see the `output` option) with the vocabulary
 * they were trained on. An {@link Embedder}: words outside the vocabulary have no vector.
 */
export class GloveModel implements Embedder {
  /** The vectors, one row per vocabulary word in vocabulary order (most frequent first), with counts. */
  readonly wordVectors: WordVectors;
  /** The vocabulary (words and corpus counts). */
  readonly vocabulary: Vocabulary;
  /** How the model was trained. */
  readonly training: GloveTrainingSummary;

  constructor(wordVectors: WordVectors, vocabulary: Vocabulary, training: GloveTrainingSummary) {
    this.wordVectors = wordVectors;
    this.vocabulary = vocabulary;
    this.training = training;
  }

  /** The vectors' dimension. */
  get dim(): number {
    return this.wordVectors.dim;
  }

  /** Number of words. */
  get size(): number {
    return this.wordVectors.size;
  }

  /** A view of `token`'s vector, or `undefined` when it is not in the vocabulary. */
  vector(token: string): Float32Array | undefined {
    return this.wordVectors.vector(token);
  }

  /** Whether `token` is in the vocabulary. */
  has(token: string): boolean {
    return this.wordVectors.has(token);
  }

  /** The words, most frequent first. */
  keys(): IterableIterator<string> {
    return this.wordVectors.keys();
  }

  /**
   * Saves the vectors through `@embedkit/vector-io`: GloVe text (no header, the default, as `glove`
   * writes it), or any other {@link VectorFormat} (`word2vec-text`, `word2vec-binary`, ...). The file
   * is written to a temporary name and renamed into place; `signal` cancels it, leaving any existing
   * file as it was.
   */
  async save(
    path: string,
    options: { readonly format?: VectorFormat; readonly signal?: AbortSignal } = {},
  ): Promise<void> {
    await writeVectors(path, this.wordVectors, {
      format: options.format ?? 'glove',
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  /** Saves the vocabulary as the tools' `vocab.txt` (`word count` per line). */
  async saveVocabulary(path: string): Promise<void> {
    await writeGloveVocabulary(path, this.vocabulary);
  }
}
