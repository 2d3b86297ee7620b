import { EOS, fastTextHash, type InputRowTable, type SubwordIndexer } from '@embedkit/fasttext-subword';
import { forEachWordNgramRow } from './word-ngrams.js';

/** One line encoded for a supervised model: the input rows it sums and the labels it carries. */
export interface EncodedLine {
  /** Input-matrix rows: each word's rows (its own row and character n-grams), then the word n-grams. */
  readonly rows: number[];
  /** Label indices (into the model's labels) of the line's known labels, in order. */
  readonly labels: number[];
  /** The line's label tokens that are not in the dictionary. */
  readonly unknownLabels: string[];
}

/** What a {@link SupervisedDictionary} is built from. */
export interface SupervisedDictionaryParts {
  /** The words, in row order. */
  readonly words: readonly string[];
  /** The labels, in output-row order. */
  readonly labels: readonly string[];
  /** Each word's input rows (its own row and its character n-grams). */
  readonly inputRows: InputRowTable;
  /** Character n-grams of out-of-vocabulary words. */
  readonly subwords: SubwordIndexer;
  /** The label prefix (fastText's `-label`, default `__label__`). */
  readonly labelPrefix: string;
  /** fastText's `wordNgrams`. */
  readonly wordNgrams: number;
  /** Hash buckets (fastText's `bucket`). */
  readonly bucket: number;
}

/**
 * Turns tokens into what fastText's `Dictionary::getLine` gives a supervised model: a token that
 * starts with the label prefix is a label, every other token is a word whose rows are its own
 * row (when in the vocabulary) and its character n-gram rows; the word n-grams of all word tokens
 * (in the vocabulary or not, `</s>` included) follow.
 */
export class SupervisedDictionary {
  /** The label prefix. */
  readonly labelPrefix: string;
  readonly #parts: SupervisedDictionaryParts;
  readonly #words = new Map<string, number>();
  readonly #labels = new Map<string, number>();

  constructor(parts: SupervisedDictionaryParts) {
    this.#parts = parts;
    this.labelPrefix = parts.labelPrefix;
    for (const [i, word] of parts.words.entries()) this.#words.set(word, i);
    for (const [i, label] of parts.labels.entries()) this.#labels.set(label, i);
  }

  /** The index of `label` (with its prefix), or -1. */
  labelId(label: string): number {
    return this.#labels.get(label) ?? -1;
  }

  /**
   * Whether `token` is a label, as fastText's `getType`: one of the dictionary's labels, or a token
   * that starts with the prefix.
   */
  isLabel(token: string): boolean {
    return this.#labels.has(token) || token.startsWith(this.labelPrefix);
  }

  /** Encodes one line's tokens (see {@link SupervisedDictionary}). */
  encode(tokens: readonly string[]): EncodedLine {
    const { inputRows, subwords, wordNgrams, bucket, words } = this.#parts;
    const rows: number[] = [];
    const labels: number[] = [];
    const unknownLabels: string[] = [];
    const hashes: number[] = [];
    const push = (row: number): void => void rows.push(row);
    for (const token of tokens) {
      if (this.isLabel(token)) {
        const id = this.#labels.get(token);
        if (id === undefined) unknownLabels.push(token);
        else labels.push(id);
        continue;
      }
      const id = this.#words.get(token);
      if (id !== undefined) {
        const end = inputRows.offsets[id + 1]!;
        for (let r = inputRows.offsets[id]!; r < end; r++) rows.push(inputRows.rows[r]!);
      } else if (token !== EOS) {
        subwords.forEach(token, push);
      }
      if (wordNgrams > 1) hashes.push(fastTextHash(token));
    }
    forEachWordNgramRow(hashes, wordNgrams, bucket, words.length, push);
    return { rows, labels, unknownLabels };
  }
}
