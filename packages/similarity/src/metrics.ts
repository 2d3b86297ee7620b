import { cosine, DimensionMismatchError, normalizeInPlace, type WordVectors } from '@embedkit/core-math';
import { allocateFloat32, kernels, releaseArray } from '@embedkit/core-math/kernels';

function checkSameLength(a: Float32Array, b: Float32Array): void {
  if (a.length !== b.length) throw new DimensionMismatchError(a.length, b.length, 'second vector');
}

function checkQuery(vectors: WordVectors, query: Float32Array): void {
  if (query.length !== vectors.dim)
    throw new DimensionMismatchError(vectors.dim, query.length, 'query vector');
}

/**
 * Cosine similarity of two vectors, in [-1, 1]; 0 when either is a zero vector (never NaN).
 * @throws DimensionMismatchError when the lengths differ
 */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  return cosine(a, b);
}

/**
 * Dot product of two vectors.
 * @throws DimensionMismatchError when the lengths differ
 */
export function dotProduct(a: Float32Array, b: Float32Array): number {
  checkSameLength(a, b);
  return kernels().dot(a, 0, b, 0, a.length);
}

/**
 * Euclidean (L2) distance between two vectors.
 * @throws DimensionMismatchError when the lengths differ
 */
export function euclideanDistance(a: Float32Array, b: Float32Array): number {
  checkSameLength(a, b);
  return rowEuclidean(a, 0, b, a.length);
}

/**
 * Manhattan (L1) distance between two vectors.
 * @throws DimensionMismatchError when the lengths differ
 */
export function manhattanDistance(a: Float32Array, b: Float32Array): number {
  checkSameLength(a, b);
  return rowManhattan(a, 0, b, a.length);
}

function rowEuclidean(matrix: Float32Array, offset: number, query: Float32Array, dim: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) {
    const d = matrix[offset + j]! - query[j]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function rowManhattan(matrix: Float32Array, offset: number, query: Float32Array, dim: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) sum += Math.abs(matrix[offset + j]! - query[j]!);
  return sum;
}

/**
 * `matrix` (rows of `vectors`' dimension) times `query`, through the kernels, with the query and
 * the result in the kernel memory so a WebAssembly kernel runs on them; returns a plain copy.
 */
function allRows(
  vectors: WordVectors,
  matrix: Float32Array,
  query: Float32Array,
  unitQuery: boolean,
): Float32Array {
  const x = allocateFloat32(vectors.dim);
  const out = allocateFloat32(vectors.size);
  try {
    x.set(query);
    if (unitQuery) normalizeInPlace(x);
    kernels().matVec(matrix, 0, vectors.size, vectors.dim, x, 0, out, 0);
    return out.slice();
  } finally {
    releaseArray(out);
    releaseArray(x);
  }
}

/**
 * Cosine similarity of `query` with every row of `vectors` (row order); a zero query or a zero
 * row gives 0.
 * @throws DimensionMismatchError when `query` does not have the vectors' dimension
 */
export function cosineSimilarities(vectors: WordVectors, query: Float32Array): Float32Array {
  checkQuery(vectors, query);
  return allRows(vectors, vectors.unitMatrix(), query, true);
}

/**
 * Dot product of `query` with every row of `vectors` (row order).
 * @throws DimensionMismatchError when `query` does not have the vectors' dimension
 */
export function dotProducts(vectors: WordVectors, query: Float32Array): Float32Array {
  checkQuery(vectors, query);
  return allRows(vectors, vectors.matrix, query, false);
}

/**
 * Euclidean distance from `query` to every row of `vectors` (row order).
 * @throws DimensionMismatchError when `query` does not have the vectors' dimension
 */
export function euclideanDistances(vectors: WordVectors, query: Float32Array): Float32Array {
  checkQuery(vectors, query);
  const out = new Float32Array(vectors.size);
  for (let r = 0; r < out.length; r++)
    out[r] = rowEuclidean(vectors.matrix, r * vectors.dim, query, vectors.dim);
  return out;
}

/**
 * Manhattan distance from `query` to every row of `vectors` (row order).
 * @throws DimensionMismatchError when `query` does not have the vectors' dimension
 */
export function manhattanDistances(vectors: WordVectors, query: Float32Array): Float32Array {
  checkQuery(vectors, query);
  const out = new Float32Array(vectors.size);
  for (let r = 0; r < out.length; r++)
    out[r] = rowManhattan(vectors.matrix, r * vectors.dim, query, vectors.dim);
  return out;
}
