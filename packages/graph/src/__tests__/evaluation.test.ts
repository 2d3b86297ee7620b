import { ConfigError, NumericError, Random } from '@embedkit/core-math';
import { WordVectors } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import {
  evaluateLinkPrediction,
  evaluateNodeClassification,
  f1Scores,
  graphFromEdges,
  logisticScore,
  redrawPairs,
  rocAuc,
  splitEdges,
  stochasticBlockModel,
  trainLogisticRegression,
} from '../index.js';

describe('rocAuc and f1Scores', () => {
  it('match hand-computed values, ties counting one half', () => {
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0])).toBe(0.75);
    expect(rocAuc([1, 1, 0], [1, 0, 0])).toBe(0.75);
    expect(rocAuc([3, 2, 1], [1, 1, 0])).toBe(1);
    expect(() => rocAuc([1, 2], [1, 1])).toThrow(ConfigError);
    // truth a a b c, predicted a b b b: class a P 1 R 1/2, b P 1/3 R 1, c 0.
    const { micro, macro } = f1Scores(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'b']);
    expect(micro).toBe(0.5);
    expect(macro).toBeCloseTo((2 / 3 + 0.5 + 0) / 3, 12);
  });
});

describe('trainLogisticRegression', () => {
  it('reaches the optimum: the penalised gradient vanishes', () => {
    const random = new Random(3);
    const rows = 300;
    const dim = 4;
    const x = Float64Array.from({ length: rows * dim }, () => random.nextFloat() * 2 - 1);
    const y = Uint8Array.from({ length: rows }, (_, r) =>
      x[r * dim]! - 0.5 * x[r * dim + 1]! + 0.3 * (random.nextFloat() - 0.5) > 0 ? 1 : 0,
    );
    const l2 = 0.5;
    const model = trainLogisticRegression(x, rows, dim, y, { l2 });
    const gradient = new Float64Array(dim + 1);
    for (let r = 0; r < rows; r++) {
      const residual = 1 / (1 + Math.exp(-logisticScore(model, x, r))) - y[r]!;
      for (let j = 0; j < dim; j++) gradient[j]! += residual * x[r * dim + j]!;
      gradient[dim]! += residual;
    }
    for (let j = 0; j < dim; j++) gradient[j]! += l2 * model.weights[j]!;
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-8);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
  });

  it('stays finite on separable data thanks to the penalty, and rejects bad input', () => {
    const model = trainLogisticRegression(Float64Array.of(-2, -1, 1, 2), 4, 1, Uint8Array.of(0, 0, 1, 1));
    expect(Number.isFinite(model.weights[0]!)).toBe(true);
    expect(logisticScore(model, Float64Array.of(1.5))).toBeGreaterThan(0);
    expect(() => trainLogisticRegression(Float64Array.of(1, Number.NaN), 2, 1, Uint8Array.of(0, 1))).toThrow(
      NumericError,
    );
    expect(() => trainLogisticRegression(Float64Array.of(1, 2), 2, 1, Uint8Array.of(0, 2))).toThrow(
      /labels\[1\]/,
    );
    expect(() =>
      trainLogisticRegression(Float64Array.of(1, 2), 2, 1, Uint8Array.of(0, 1), { l2: -1 }),
    ).toThrow(ConfigError);
  });
});

describe('splitEdges', () => {
  const { graph, labels } = stochasticBlockModel({ nodes: 300, blocks: 3, pIn: 0.08, pOut: 0.005, seed: 2 });

  it('holds out half of the edges, keeps every component connected, and samples as many non-edges', () => {
    const split = splitEdges(graph, { seed: 1, testFraction: 0.5 });
    const held = split.test.labels.filter((label) => label === 1).length;
    expect(held).toBe(Math.floor(graph.edgeCount / 2));
    expect(split.test.labels.length).toBe(2 * held);
    expect(split.train.edgeCount).toBe(graph.edgeCount - held);
    expect(components(split.train)).toBe(components(graph));
    for (let i = 0; i < split.test.labels.length; i++) {
      const [u, v] = [split.test.pairs[2 * i]!, split.test.pairs[2 * i + 1]!];
      expect(graph.hasEdge(u, v)).toBe(split.test.labels[i] === 1);
      expect(split.train.hasEdge(u, v)).toBe(false);
    }
    for (let i = 0; i < split.fit.labels.length; i++) {
      const [u, v] = [split.fit.pairs[2 * i]!, split.fit.pairs[2 * i + 1]!];
      expect(split.fit.labels[i] === 1 ? split.train.hasEdge(u, v) : !graph.hasEdge(u, v)).toBe(true);
    }
    expect(() => splitEdges(graphFromEdges([['a', 'b']], { directed: true }))).toThrow(/undirected/);
  });

  it('scores vectors that encode the blocks well and random vectors near chance', () => {
    const split = splitEdges(graph, { seed: 1 });
    const random = new Random(9);
    const block = (name: string): number => Number(labels.get(name)!.slice(1));
    const informative = new WordVectors(
      graph.nodes,
      Float32Array.from(
        { length: graph.nodeCount * 3 },
        (_, i) => (block(graph.nodes[Math.floor(i / 3)]!) === i % 3 ? 1 : 0) + 0.1 * random.nextFloat(),
      ),
      3,
    );
    const noise = new WordVectors(
      graph.nodes,
      Float32Array.from({ length: graph.nodeCount * 3 }, () => random.nextFloat() - 0.5),
      3,
    );
    const good = evaluateLinkPrediction(informative, split);
    const chance = evaluateLinkPrediction(noise, split);
    // ~89 % of the edges lie inside a block, 1/3 of the non-edges do: knowing the blocks alone
    // gives an AUC of about 0.89 · 2/3 + (0.89 · 1/3 + 0.11 · 2/3) / 2 ≈ 0.78.
    expect(good.hadamardAuc).toBeGreaterThan(0.72);
    expect(good.cosineAuc).toBeGreaterThan(0.72);
    expect(Math.abs(chance.cosineAuc - 0.5)).toBeLessThan(0.1);
    const classified = evaluateNodeClassification(informative, labels, { seed: 1 });
    expect(classified.micro).toBe(1);
    expect(classified.macro).toBe(1);
    expect(classified.trainNodes + classified.testNodes).toBe(300);
    expect(evaluateNodeClassification(noise, labels, { seed: 1 }).micro).toBeLessThan(0.5);
  });

  it('redraws the non-edges and fit pairs of a split, keeping its training graph and held-out edges', () => {
    const split = splitEdges(graph, { seed: 1 });
    const again = redrawPairs(split, 1);
    expect(again.train).toBe(split.train);
    const held = split.test.labels.filter((label) => label === 1).length;
    expect(again.test.pairs.subarray(0, 2 * held)).toEqual(split.test.pairs.subarray(0, 2 * held));
    expect(again.test.labels).toEqual(split.test.labels);
    expect(again.test.pairs.subarray(2 * held)).not.toEqual(split.test.pairs.subarray(2 * held));
    expect(again.fit.pairs).not.toEqual(split.fit.pairs);
    for (let i = held; i < again.test.labels.length; i++) {
      expect(graph.hasEdge(again.test.pairs[2 * i]!, again.test.pairs[2 * i + 1]!)).toBe(false);
    }
    for (let i = 0; i < again.fit.labels.length; i++) {
      const [u, v] = [again.fit.pairs[2 * i]!, again.fit.pairs[2 * i + 1]!];
      expect(again.fit.labels[i] === 1 ? split.train.hasEdge(u, v) : !graph.hasEdge(u, v)).toBe(true);
    }
    expect(redrawPairs(split, 1)).toEqual(again);
  });

  it('averages the scores over draws of the non-edges and over classifier splits', () => {
    const split = splitEdges(graph, { seed: 1 });
    const random = new Random(3);
    const vectors = new WordVectors(
      graph.nodes,
      Float32Array.from({ length: graph.nodeCount * 4 }, () => random.nextFloat() - 0.5),
      4,
    );
    const each = [0, 1, 2].map((draw) =>
      evaluateLinkPrediction(vectors, draw === 0 ? split : redrawPairs(split, draw)),
    );
    const averaged = evaluateLinkPrediction(vectors, split, { draws: 3 });
    expect(averaged.cosineAuc).toBeCloseTo(
      (each[0]!.cosineAuc + each[1]!.cosineAuc + each[2]!.cosineAuc) / 3,
      12,
    );
    expect(averaged.hadamardAuc).toBeCloseTo(
      (each[0]!.hadamardAuc + each[1]!.hadamardAuc + each[2]!.hadamardAuc) / 3,
      12,
    );
    expect(evaluateLinkPrediction(vectors, split, { draws: 1 })).toEqual(each[0]);
    expect(() => evaluateLinkPrediction(vectors, split, { draws: 0 })).toThrow(/draws/);

    const one = evaluateNodeClassification(vectors, labels, { seed: 5 });
    expect(evaluateNodeClassification(vectors, labels, { seed: 5, splits: 1 })).toEqual(one);
    const ten = evaluateNodeClassification(vectors, labels, { seed: 5, splits: 10 });
    expect(ten.micro).not.toBe(one.micro);
    expect(ten.trainNodes + ten.testNodes).toBe(300);
    // Random vectors: each split's micro-F1 is near chance (1/3), the mean of ten nearer still.
    expect(Math.abs(ten.micro - 1 / 3)).toBeLessThan(0.08);
    expect(() => evaluateNodeClassification(vectors, labels, { splits: 1.5 })).toThrow(/splits/);
  });
});

function components(graph: import('../index.js').Graph): number {
  const seen = new Uint8Array(graph.nodeCount);
  let count = 0;
  for (let start = 0; start < graph.nodeCount; start++) {
    if (seen[start]) continue;
    count++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      for (const v of graph.neighbors(stack.pop()!)) {
        if (!seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
  }
  return count;
}
