import type { WordVectors } from '@embedkit/core-math';

/**
 * The words an evaluation may use, as gensim builds its `ok_vocab`: the first `rowCount` keys
 * (upper-cased when `caseInsensitive`) mapped to their rows; when several keys upper-case to
 * the same word, the first row (the most frequent in a frequency-sorted model) wins.
 */
export function evaluationVocabulary(
  vectors: WordVectors,
  rowCount: number,
  caseInsensitive: boolean,
): Map<string, number> {
  const known = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) {
    const key = caseInsensitive ? vectors.keyAt(row).toUpperCase() : vectors.keyAt(row);
    if (!known.has(key)) known.set(key, row);
  }
  return known;
}
