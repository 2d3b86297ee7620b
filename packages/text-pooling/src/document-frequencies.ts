import { FormatError } from '@embedkit/core-math';

/** The JSON form of {@link DocumentFrequencies}. */
export interface DocumentFrequenciesState {
  /** Number of documents the table was fitted on. */
  readonly documents: number;
  /** The words seen, in order of first appearance. */
  readonly words: readonly string[];
  /** `frequencies[i]`: in how many documents `words[i]` occurs. */
  readonly frequencies: readonly number[];
}

/**
 * Document frequencies of a collection and the smoothed inverse document frequency derived from
 * them, as scikit-learn's `TfidfVectorizer(smooth_idf=True)` computes it:
 *
 * `idf(w) = ln((1 + n) / (1 + df(w))) + 1`
 *
 * with `n` documents, `df(w)` of which contain `w`. The smoothing acts as if one extra document
 * contained every word once, so a word never seen while fitting gets the largest weight,
 * `ln(1 + n) + 1`, and every weight is at least 1.
 */
export class DocumentFrequencies {
  /** Number of documents fitted on. */
  readonly documents: number;
  readonly #frequencies: Map<string, number>;

  private constructor(documents: number, frequencies: Map<string, number>) {
    this.documents = documents;
    this.#frequencies = frequencies;
  }

  /** Counts, for every word, the documents (arrays of tokens) that contain it. */
  static fit(documents: Iterable<readonly string[]>): DocumentFrequencies {
    const frequencies = new Map<string, number>();
    const seen = new Set<string>();
    let count = 0;
    for (const tokens of documents) {
      count++;
      seen.clear();
      for (const token of tokens) {
        if (seen.has(token)) continue;
        seen.add(token);
        frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
      }
    }
    return new DocumentFrequencies(count, frequencies);
  }

  /** Number of distinct words seen. */
  get size(): number {
    return this.#frequencies.size;
  }

  /** In how many fitted documents `word` occurs. */
  frequency(word: string): number {
    return this.#frequencies.get(word) ?? 0;
  }

  /** The smoothed inverse document frequency `ln((1 + n) / (1 + df(word))) + 1`. */
  idf(word: string): number {
    return Math.log((1 + this.documents) / (1 + (this.#frequencies.get(word) ?? 0))) + 1;
  }

  /** The table as JSON-compatible parallel arrays. */
  toJSON(): DocumentFrequenciesState {
    return {
      documents: this.documents,
      words: [...this.#frequencies.keys()],
      frequencies: [...this.#frequencies.values()],
    };
  }

  /**
   * Rebuilds a table from {@link DocumentFrequencies.toJSON}'s output.
   * @throws FormatError when the state is malformed
   */
  static fromJSON(state: DocumentFrequenciesState): DocumentFrequencies {
    const where = { file: '<DocumentFrequencies state>' };
    if (
      !Array.isArray(state?.words) ||
      !Array.isArray(state.frequencies) ||
      !Number.isInteger(state.documents) ||
      state.documents < 0
    ) {
      throw new FormatError(where, '{ documents: integer, words: string[], frequencies: number[] }');
    }
    if (state.words.length !== state.frequencies.length) {
      throw new FormatError(
        where,
        `${state.words.length} frequencies (one per word)`,
        `${state.frequencies.length}`,
      );
    }
    const frequencies = new Map<string, number>();
    for (let i = 0; i < state.words.length; i++) {
      const df = state.frequencies[i]!;
      if (!Number.isInteger(df) || df < 0 || df > state.documents) {
        throw new FormatError(where, `a document frequency from 0 to ${state.documents}`, String(df));
      }
      frequencies.set(String(state.words[i]), df);
    }
    return new DocumentFrequencies(state.documents, frequencies);
  }
}
