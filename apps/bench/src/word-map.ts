import { principalComponents, type WordVectors } from '@embedkit/core-math';
import type { WordMap } from './results.js';

/** How many of a model's most frequent words the report's scatter shows. */
export const WORD_MAP_SIZE = 300;

/**
 * A 2-D PCA map of the `count` most frequent words of `vectors` (its first rows: vector files
 * list words by descending frequency, as gensim's `restrict_vocab` assumes). The words are
 * centred and projected on the top two principal directions; coordinates keep 4 decimals.
 * Undefined when the model has fewer than 3 words or fewer than 2 dimensions.
 */
export function frequentWordMap(vectors: WordVectors, count = WORD_MAP_SIZE): WordMap | undefined {
  const rows = Math.min(count, vectors.size);
  const { dim, matrix } = vectors;
  if (rows < 3 || dim < 2) return undefined;
  const directions = principalComponents(matrix, rows, dim, 2, { center: true });
  const mean = new Float64Array(dim);
  for (let r = 0; r < rows; r++) for (let d = 0; d < dim; d++) mean[d]! += matrix[r * dim + d]! / rows;
  const x: number[] = [];
  const y: number[] = [];
  for (let r = 0; r < rows; r++) {
    let first = 0;
    let second = 0;
    for (let d = 0; d < dim; d++) {
      const centred = matrix[r * dim + d]! - mean[d]!;
      first += centred * directions[d]!;
      second += centred * directions[dim + d]!;
    }
    x.push(Math.round(first * 1e4) / 1e4);
    y.push(Math.round(second * 1e4) / 1e4);
  }
  const words: string[] = [];
  for (const word of vectors.keys()) {
    if (words.length === rows) break;
    words.push(word);
  }
  return { words, x, y };
}
