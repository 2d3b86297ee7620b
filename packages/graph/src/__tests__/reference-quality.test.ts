import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import {
  type Graph,
  evaluateLinkPrediction,
  evaluateNodeClassification,
  readEdgeList,
  readNodeLabels,
  splitEdges,
  trainNodeEmbeddings,
} from '../index.js';

/** One seed's figures of the reference pipeline. */
interface ReferenceSeed {
  readonly seed: number;
  readonly hadamardAuc: number;
  readonly cosineAuc: number;
  readonly microF1?: number;
}

/** The reference pipeline's figures (networkx walks + gensim), recorded by the bench's graph task. */
const reference = JSON.parse(readFileSync(fixture('graphs', 'node2vec-reference.json'), 'utf8')) as {
  options: {
    p: number;
    q: number;
    walkLength: number;
    walksPerNode: number;
    dim: number;
    window: number;
    epochs: number;
  };
  graphs: Record<string, { perSeed: ReferenceSeed[] }>;
};
const { p, q, walkLength, walksPerNode, dim, window, epochs } = reference.options;
const options = { p, q, walkLength, walksPerNode, dim, window, epochs };
const mean = (values: number[]): number => values.reduce((a, b) => a + b) / values.length;

/**
 * Ours minus the reference, seed by seed: seed s is the same held-out split (splitEdges with seed
 * s) and the same evaluator for both, so only the vectors differ. Ours trains with one thread
 * (deterministic); the reference's figures are the recorded ones.
 */
async function linkPredictionGap(graph: Graph, seeds: readonly ReferenceSeed[]) {
  const hadamard: number[] = [];
  const cosine: number[] = [];
  for (const expected of seeds) {
    const split = splitEdges(graph, { seed: expected.seed });
    const model = await trainNodeEmbeddings(split.train, options, { seed: expected.seed, threads: 1 });
    const scores = evaluateLinkPrediction(model, split);
    hadamard.push(scores.hadamardAuc - expected.hadamardAuc);
    cosine.push(scores.cosineAuc - expected.cosineAuc);
  }
  return { hadamard: mean(hadamard), cosine: mean(cosine) };
}

// The bench's protocol against the reference's recorded figures of seeds 1-20. On graphs this
// small one seed's AUC moves by 0.04 (Les Misérables, 127 held-out edges) to 0.07 (karate club,
// 39) from seed to seed, so each margin is about two standard errors of the seed-by-seed
// difference over the seeds used (measured 2026-12-03: Les Misérables -0.001 / -0.002, karate
// -0.009 / -0.007 AUC, micro-F1 +0.006; docs/graph.md): walks or training gone wrong fail them.
describe('node2vec against the recorded reference pipeline, seed by seed', () => {
  it('predicts Les Misérables links as well (Hadamard and cosine AUC, 6 seeds)', async () => {
    const graph = await readEdgeList(fixture('graphs', 'lesmis.edgelist'));
    const gap = await linkPredictionGap(graph, reference.graphs.lesmis!.perSeed.slice(0, 6));
    expect(gap.hadamard).toBeGreaterThan(-0.015);
    expect(gap.cosine).toBeGreaterThan(-0.015);
  });

  it('predicts karate club links as well (Hadamard and cosine AUC, 20 seeds)', async () => {
    const graph = await readEdgeList(fixture('graphs', 'karate.edgelist'));
    const gap = await linkPredictionGap(graph, reference.graphs.karate!.perSeed);
    expect(gap.hadamard).toBeGreaterThan(-0.04);
    expect(gap.cosine).toBeGreaterThan(-0.03);
  });

  it("classifies the karate club's factions as well (micro-F1, 10 seeds)", async () => {
    const graph = await readEdgeList(fixture('graphs', 'karate.edgelist'));
    const labels = await readNodeLabels(fixture('graphs', 'karate.labels'));
    const gap: number[] = [];
    for (const expected of reference.graphs.karate!.perSeed.slice(0, 10)) {
      const model = await trainNodeEmbeddings(graph, options, { seed: expected.seed, threads: 1 });
      gap.push(evaluateNodeClassification(model, labels, { seed: expected.seed }).micro - expected.microF1!);
    }
    expect(mean(gap)).toBeGreaterThan(-0.05);
  });
});
