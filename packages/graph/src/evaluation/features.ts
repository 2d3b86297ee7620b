import type { Embedder } from '@embedkit/core-math';

/**
 * The vector of every name in `names`, as rows of one row-major matrix in double precision; a name
 * the embedder cannot represent (a node that got no vector) is a zero row.
 */
export function vectorRows(vectors: Embedder, names: readonly string[]): Float64Array {
  const { dim } = vectors;
  const rows = new Float64Array(names.length * dim);
  names.forEach((name, row) => {
    const vector = vectors.vector(name);
    if (vector !== undefined) rows.set(vector, row * dim);
  });
  return rows;
}
