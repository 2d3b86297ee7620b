import { checkCsrTable } from './csr-table.js';

/**
 * Which rows of the input matrix a token's input vector is made of, stored as data (compressed
 * sparse rows) so worker threads can share it: token `t` sums rows `rows[offsets[t]]` up to
 * `rows[offsets[t + 1] - 1]`. fastText lists a word's own row and the rows of its character
 * n-grams; word2vec uses no encoder at all (`null`): token `t` is row `t`.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export interface InputEncoder {
  /** `vocabularySize + 1` non-decreasing offsets into `rows`, starting at 0. */
  readonly offsets: Int32Array;
  /** Input-matrix rows, token by token. */
  readonly rows: Int32Array;
}

/**
 * Checks that `encoder` covers `vocabularySize` tokens and only names rows below `inputRows`, so a
 * malformed table is reported here rather than read out of bounds while training.
 *
 * @throws ConfigError when it does not
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export function validateInputEncoder(encoder: InputEncoder, vocabularySize: number, inputRows: number): void {
  checkCsrTable('encoder', 'rows', encoder.offsets, encoder.rows, vocabularySize, inputRows);
}
