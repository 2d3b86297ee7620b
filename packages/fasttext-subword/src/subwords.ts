import { fastTextHashStep, FNV_OFFSET_BASIS } from './fasttext-hash.js';

/** fastText's end-of-sentence token; it never gets character n-grams. */
export const EOS = '</s>';

/** The character n-gram settings of a fastText model. */
export interface SubwordParameters {
  /** Shortest n-gram, in characters (fastText `-minn`). */
  readonly minn: number;
  /** Longest n-gram, in characters (fastText `-maxn`); 0 turns subwords off. */
  readonly maxn: number;
  /** Number of hash buckets the n-grams share (fastText `-bucket`). */
  readonly bucket: number;
}

/**
 * Called once per n-gram of a word: `row` is the n-gram's row in the input matrix
 * (`nwords + hash % bucket`), and `bytes[start..end)` is the n-gram's UTF-8 text.
 */
export type SubwordVisitor = (row: number, bytes: Uint8Array, start: number, end: number) => void;

const encoder = new TextEncoder();

/**
 * Enumerates a word's character n-grams exactly as fastText's `Dictionary::computeSubwords`:
 * the word is wrapped in `<` and `>`, n-grams of `minn..maxn` UTF-8 characters are taken at every
 * character start (a single `<` or `>` alone is skipped; the whole `<word>` is included when its
 * length is in range), and each is hashed into one of `bucket` rows after the `nwords` word rows.
 */
export class SubwordIndexer {
  /** The n-gram settings. */
  readonly parameters: SubwordParameters;
  /** Rows before the first bucket row (the number of in-vocabulary words). */
  readonly nwords: number;
  /** Whether this model has subwords at all (`maxn > 0` and `bucket > 0`). */
  readonly enabled: boolean;
  /** Whether `</s>` gets n-grams like any word (fastText before `.bin` version 12 did). */
  readonly eosHasNgrams: boolean;
  #scratch = new Uint8Array(64);

  /**
   * @param parameters - `minn`, `maxn`, `bucket`
   * @param nwords - rows before the first bucket row
   * @param eosHasNgrams - give `</s>` n-grams too, as fastText did before `.bin` version 12
   */
  constructor(parameters: SubwordParameters, nwords: number, eosHasNgrams = false) {
    this.parameters = parameters;
    this.nwords = nwords;
    this.enabled = parameters.maxn > 0 && parameters.bucket > 0;
    this.eosHasNgrams = eosHasNgrams;
  }

  /**
   * Visits the n-grams of `word` in fastText's order (by start character, then by length).
   * Returns how many were visited. The end-of-sentence token `</s>` has none (unless
   * `eosHasNgrams`).
   */
  forEach(word: string, visit: SubwordVisitor): number {
    if (!this.enabled || (word === EOS && !this.eosHasNgrams)) return 0;
    const bytes = this.#encode(word);
    const length = bytes.length;
    const { minn, maxn, bucket } = this.parameters;
    let visited = 0;
    for (let i = 0; i < length; i++) {
      if ((bytes[i]! & 0xc0) === 0x80) continue;
      let h = FNV_OFFSET_BASIS;
      let j = i;
      for (let n = 1; j < length && n <= maxn; n++) {
        h = fastTextHashStep(h, bytes[j++]!);
        while (j < length && (bytes[j]! & 0xc0) === 0x80) h = fastTextHashStep(h, bytes[j++]!);
        if (n >= minn && !(n === 1 && (i === 0 || j === length))) {
          visit(this.nwords + (h % bucket), bytes, i, j);
          visited++;
        }
      }
    }
    return visited;
  }

  /** The input-matrix rows of `word`'s n-grams (without the word's own row). */
  rows(word: string): Int32Array {
    const rows: number[] = [];
    this.forEach(word, (row) => rows.push(row));
    return Int32Array.from(rows);
  }

  /** `<word>` as UTF-8 in a scratch buffer (valid until the next call). */
  #encode(word: string): Uint8Array {
    const needed = word.length * 3 + 2;
    if (this.#scratch.length < needed) this.#scratch = new Uint8Array(needed * 2);
    const { written } = encoder.encodeInto(`<${word}>`, this.#scratch);
    return this.#scratch.subarray(0, written);
  }
}
