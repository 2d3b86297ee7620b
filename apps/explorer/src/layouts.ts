import {
  ConfigError,
  orthogonalProcrustes,
  principalComponents,
  type WordVectors,
} from '@embedkit/core-math';
import type { Layout, Layouts } from './protocol.js';

/** The rows `rows` of `vectors` as one row-major matrix. */
function gatherRows(vectors: WordVectors, rows: readonly number[]): Float32Array {
  const { dim } = vectors;
  const out = new Float32Array(rows.length * dim);
  rows.forEach((row, i) => {
    out.set(vectors.row(row), i * dim);
  });
  return out;
}

/** The centre and the top two principal directions of a set of rows: the plane they are shown on. */
interface PrincipalPlane {
  readonly means: Float64Array;
  readonly directions: Float32Array;
}

/** The principal plane of a row-major `rows x dim` matrix (PCA on the centred rows). */
function principalPlane(matrix: Float32Array, rows: number, dim: number): PrincipalPlane {
  const means = new Float64Array(dim);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) means[j]! += matrix[r * dim + j]!;
  for (let j = 0; j < dim; j++) means[j]! /= rows;
  return { means, directions: principalComponents(matrix, rows, dim, Math.min(2, dim), { center: true }) };
}

/** The 2-D coordinates `(x − μ)·P` of the rows of a `rows x dim` matrix on a principal plane. */
function projectOnto(matrix: Float32Array, plane: PrincipalPlane, rows: number, dim: number): Float32Array {
  const { means, directions } = plane;
  const points = new Float32Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < directions.length / dim; c++) {
      let sum = 0;
      for (let j = 0; j < dim; j++) sum += (matrix[r * dim + j]! - means[j]!) * directions[c * dim + j]!;
      points[r * 2 + c] = sum;
    }
  }
  return points;
}

/**
 * The PCA layout of the `top` first words of `vectors` (the most frequent in files sorted by
 * count, as the tools write them): each word at its coordinates on the top two principal
 * directions of those rows (centred).
 *
 * @throws ConfigError when `top` is not an integer >= 1
 */
export function pcaLayout(vectors: WordVectors, top: number): Layout {
  if (!Number.isInteger(top) || top < 1) throw new ConfigError('top', top, 'an integer >= 1');
  const rows = Array.from({ length: Math.min(top, vectors.size) }, (_, i) => i);
  const matrix = gatherRows(vectors, rows);
  const plane = principalPlane(matrix, rows.length, vectors.dim);
  return {
    words: vectors.keyList().slice(0, rows.length),
    points: projectOnto(matrix, plane, rows.length, vectors.dim),
  };
}

/**
 * The same words in two models, side by side: the words of `first`'s `top` that `second` also has;
 * `second`'s rows are rotated onto `first`'s by orthogonal Procrustes on those shared words, then
 * both are projected on the principal directions of `first`'s rows, so a word that sits at the
 * same place in both plots has the same neighbourhood in both models.
 *
 * @throws ConfigError when the models' dimensions differ or they share fewer than 2 of the top words
 */
export function alignedLayouts(first: WordVectors, second: WordVectors, top: number): Layouts {
  if (!Number.isInteger(top) || top < 1) throw new ConfigError('top', top, 'an integer >= 1');
  if (first.dim !== second.dim) {
    throw new ConfigError(
      'second model',
      `dimension ${second.dim}`,
      `the first model's dimension, ${first.dim}`,
    );
  }
  const words: string[] = [];
  const firstRows: number[] = [];
  const secondRows: number[] = [];
  const count = Math.min(top, first.size);
  for (let row = 0; row < count; row++) {
    const word = first.keyAt(row);
    const other = second.indexOf(word);
    if (other === undefined) continue;
    words.push(word);
    firstRows.push(row);
    secondRows.push(other);
  }
  if (words.length < 2) {
    throw new ConfigError(
      'second model',
      `${words.length} shared word(s) among the first model's top ${count}`,
      'at least 2 words in both models to align them',
    );
  }
  const { dim } = first;
  const a = gatherRows(first, firstRows);
  const b = gatherRows(second, secondRows);
  const rotation = orthogonalProcrustes(b, a, words.length, dim);
  const rotated = new Float32Array(b.length);
  for (let n = 0; n < words.length; n++) {
    for (let c = 0; c < dim; c++) {
      let sum = 0;
      for (let k = 0; k < dim; k++) sum += b[n * dim + k]! * rotation[k * dim + c]!;
      rotated[n * dim + c] = sum;
    }
  }
  const plane = principalPlane(a, words.length, dim);
  return {
    first: { words, points: projectOnto(a, plane, words.length, dim) },
    second: { words, points: projectOnto(rotated, plane, words.length, dim) },
    shared: words.length,
  };
}
