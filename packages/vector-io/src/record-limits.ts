/**
 * The longest records the readers accept. A vector file's longest record is its longest word
 * plus its values, so a "line" far longer than that is not a vector file (or is a corrupt one):
 * the readers stop at these limits with a `FormatError` instead of buffering the whole file, and
 * the writers refuse words the readers would refuse.
 */

/** The longest word a vector file may hold, in UTF-8 bytes (16 MiB). */
export const MAX_WORD_BYTES = 16 * 1024 * 1024;

/**
 * The most bytes one text value may take with the separators around it: a float written by any
 * tool (`-1.2345678901234567e-123`) is under 30 characters; padding beyond this is not a vector
 * file.
 */
const MAX_VALUE_BYTES = 64;

/** The longest text line `word v1 … vD` accepted for dimension `dim` (`undefined`: not known yet). */
export function maxTextLineBytes(dim: number | undefined): number {
  // Before the first GloVe line fixes the dimension, allow as much again as the longest word.
  return MAX_WORD_BYTES + (dim === undefined ? MAX_WORD_BYTES : dim * MAX_VALUE_BYTES);
}
