import { ConfigError, Random } from '@embedkit/core-math';
import { UMAP } from 'umap-js';
import type { Layout, TopRows } from './protocol.js';

/**
 * The UMAP layout of `rows` (umap-js; cosine distance, as the neighbour search uses), seeded
 * so the same rows give the same picture; `onEpoch` hears the share of epochs done.
 *
 * @throws ConfigError when there are not more rows than `neighbors`
 */
export function umapLayout(
  rows: TopRows,
  neighbors: number,
  seed: number,
  onEpoch: (fraction: number) => void,
): Layout {
  const { words, dim, matrix } = rows;
  if (words.length <= neighbors) {
    throw new ConfigError(
      'UMAP',
      `${words.length} words`,
      `more words than its ${neighbors} neighbours per point (use PCA for so few)`,
    );
  }
  const data = words.map((_, i) => Array.from(matrix.subarray(i * dim, (i + 1) * dim)));
  const random = new Random(seed);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: neighbors,
    distanceFn: cosineDistance,
    random: () => random.nextFloat(),
  });
  const epochs = umap.initializeFit(data);
  for (let epoch = 0; epoch < epochs; epoch++) {
    umap.step();
    if (epoch % 10 === 0) onEpoch(epoch / epochs);
  }
  onEpoch(1);
  const points = new Float32Array(words.length * 2);
  umap.getEmbedding().forEach(([x, y], i) => {
    points[2 * i] = x!;
    points[2 * i + 1] = y!;
  });
  return { words, points };
}

/** 1 − cosine similarity (1 for a zero vector). */
function cosineDistance(x: number[], y: number[]): number {
  let dot = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    dot += x[i]! * y[i]!;
    xx += x[i]! * x[i]!;
    yy += y[i]! * y[i]!;
  }
  return xx === 0 || yy === 0 ? 1 : 1 - dot / Math.sqrt(xx * yy);
}
