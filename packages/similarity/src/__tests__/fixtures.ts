import { Random, WordVectors } from '@embedkit/core-math';

/** Vectors built by hand: `[key, components]` pairs in row order. */
export function handVectors(rows: readonly (readonly [string, readonly number[]])[]): WordVectors {
  const dim = rows[0]![1].length;
  const matrix = new Float32Array(rows.length * dim);
  rows.forEach(([, components], i) => {
    matrix.set(components, i * dim);
  });
  return new WordVectors(
    rows.map(([key]) => key),
    matrix,
    dim,
  );
}

/** Vectors with components uniform in [-1, 1) from a seeded generator. */
export function randomVectors(keys: readonly string[], dim: number, seed: number): WordVectors {
  const random = new Random(seed);
  const matrix = new Float32Array(keys.length * dim);
  for (let i = 0; i < matrix.length; i++) matrix[i] = 2 * random.nextFloat() - 1;
  return new WordVectors(keys, matrix, dim);
}

/** The reference ranking: every row's score, sorted descending with ties by lower row. */
export function rankAll(scores: ArrayLike<number>, skip: (row: number) => boolean = () => false): number[] {
  const rows: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!skip(i)) rows.push(i);
  return rows.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
