import { ConfigError, FormatError, type WordVectors } from '@embedkit/core-math';

/** The JSON form of {@link WordFrequencies}: parallel arrays of words and counts, and the total. */
export interface WordFrequenciesState {
  /** The words, in the table's order. */
  readonly words: readonly string[];
  /** `counts[i]` is the count of `words[i]`. */
  readonly counts: readonly number[];
  /** The total the probabilities divide by. */
  readonly total: number;
}

/**
 * A unigram frequency table, the `p(w)` of SIF weights: `p(w) = count(w) / total`, and 0 for a
 * word the table does not hold (so such a word gets the largest SIF weight, 1, as in the SIF
 * paper's code).
 */
export class WordFrequencies {
  /** The sum of all counts (or the total given to the constructor). */
  readonly total: number;
  readonly #counts: Map<string, number>;

  /**
   * @param counts - word -> count (non-negative, finite); kept by reference
   * @param total - what probabilities divide by; defaults to the sum of `counts`
   * @throws ConfigError when a count is negative or not finite, or the total is not positive
   */
  constructor(counts: ReadonlyMap<string, number>, total?: number) {
    let sum = 0;
    for (const [word, count] of counts) {
      if (!Number.isFinite(count) || count < 0) {
        throw new ConfigError(`counts of ${JSON.stringify(word)}`, count, 'a finite count of at least 0');
      }
      sum += count;
    }
    const chosen = total ?? sum;
    if (!Number.isFinite(chosen) || chosen <= 0) {
      throw new ConfigError('total', chosen, 'a positive total count (the table must count something)');
    }
    this.#counts = new Map(counts);
    this.total = chosen;
  }

  /** Number of distinct words in the table. */
  get size(): number {
    return this.#counts.size;
  }

  /** The count of `word` (0 when absent). */
  count(word: string): number {
    return this.#counts.get(word) ?? 0;
  }

  /** `count(word) / total`: the word's unigram probability (0 when absent). */
  probability(word: string): number {
    return (this.#counts.get(word) ?? 0) / this.total;
  }

  /** The words and their counts, in the table's order. */
  entries(): IterableIterator<[string, number]> {
    return this.#counts.entries();
  }

  /** Counts the tokens of `documents` (each an array of tokens). */
  static fromTokens(documents: Iterable<readonly string[]>): WordFrequencies {
    const counts = new Map<string, number>();
    for (const tokens of documents) {
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    return new WordFrequencies(counts);
  }

  /**
   * The counts a trained model carries (`WordVectors.counts`, aligned with its keys).
   * @throws ConfigError when the vectors have no counts (vectors loaded from a file have none)
   */
  static fromWordVectors(vectors: WordVectors): WordFrequencies {
    const { counts } = vectors;
    if (counts === undefined) {
      throw new ConfigError('vectors.counts', undefined, 'vectors with frequency counts (a trained model)');
    }
    const table = new Map<string, number>();
    let row = 0;
    for (const key of vectors.keys()) table.set(key, counts[row++]!);
    return new WordFrequencies(table);
  }

  /** The table as JSON-compatible parallel arrays. */
  toJSON(): WordFrequenciesState {
    return { words: [...this.#counts.keys()], counts: [...this.#counts.values()], total: this.total };
  }

  /**
   * Rebuilds a table from {@link WordFrequencies.toJSON}'s output.
   * @throws FormatError when the state is malformed
   */
  static fromJSON(state: WordFrequenciesState): WordFrequencies {
    const where = { file: '<WordFrequencies state>' };
    if (!Array.isArray(state?.words) || !Array.isArray(state.counts) || typeof state.total !== 'number') {
      throw new FormatError(where, '{ words: string[], counts: number[], total: number }');
    }
    if (state.words.length !== state.counts.length) {
      throw new FormatError(where, `${state.words.length} counts (one per word)`, `${state.counts.length}`);
    }
    const counts = new Map<string, number>();
    for (let i = 0; i < state.words.length; i++) counts.set(String(state.words[i]), Number(state.counts[i]));
    return new WordFrequencies(counts, state.total);
  }
}
