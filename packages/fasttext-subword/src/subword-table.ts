import type { SubwordIndexer } from './subwords.js';

/**
 * A compressed-sparse-row table of input rows per word: the rows of word `i` are
 * `rows[offsets[i] .. offsets[i + 1])`. For a fastText model, word `i`'s list is its own row `i`
 * followed by its n-gram rows (fastText's `Dictionary::initNgrams`).
 * @experimental The input encoder the trainer hands to `@embedkit/word2vec/engine`; it follows the
 * engine and may change in a minor release.
 */
export interface InputRowTable {
  /** `words + 1` offsets into `rows`, starting at 0. */
  readonly offsets: Int32Array;
  /** The concatenated row lists. */
  readonly rows: Int32Array;
}

/**
 * Builds the {@link InputRowTable} of `words` (word `i` gets row `i` plus its n-gram rows).
 * @experimental Follows `@embedkit/word2vec/engine`'s input encoder; may change in a minor release.
 */
export function buildInputRowTable(words: readonly string[], indexer: SubwordIndexer): InputRowTable {
  const offsets = new Int32Array(words.length + 1);
  let rows = new Int32Array(Math.max(16, words.length * 4));
  let used = 0;
  const push = (row: number): void => {
    if (used === rows.length) {
      const grown = new Int32Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    rows[used++] = row;
  };
  for (let i = 0; i < words.length; i++) {
    push(i);
    indexer.forEach(words[i]!, push);
    offsets[i + 1] = used;
  }
  return { offsets, rows: rows.slice(0, used) };
}
