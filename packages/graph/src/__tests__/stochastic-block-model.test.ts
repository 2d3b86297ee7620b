import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { stochasticBlockModel } from '../index.js';

describe('stochasticBlockModel', () => {
  it('draws about the expected number of edges inside and across blocks, seeded', () => {
    const options = { nodes: 4000, blocks: 4, pIn: 0.005, pOut: 0.0005, seed: 3 };
    const { graph, labels } = stochasticBlockModel(options);
    expect(graph.nodeCount).toBe(4000);
    expect([...labels.values()].filter((label) => label === 'b2')).toHaveLength(1000);
    let inside = 0;
    let across = 0;
    for (const [u, v] of graph.edges()) {
      expect(u).not.toBe(v);
      if (labels.get(graph.nodes[u]!) === labels.get(graph.nodes[v]!)) inside++;
      else across++;
    }
    // Binomial means and standard deviations: 4 · C(1000, 2) · pIn and 6 · 1000² · pOut pairs.
    const expectedInside = 4 * ((1000 * 999) / 2) * options.pIn;
    const expectedAcross = 6 * 1000 * 1000 * options.pOut;
    expect(Math.abs(inside - expectedInside)).toBeLessThan(4 * Math.sqrt(expectedInside));
    expect(Math.abs(across - expectedAcross)).toBeLessThan(4 * Math.sqrt(expectedAcross));
    const again = stochasticBlockModel(options).graph;
    expect([...again.edges()]).toEqual([...graph.edges()]);
    expect([...stochasticBlockModel({ ...options, seed: 4 }).graph.edges()]).not.toEqual([...graph.edges()]);
  });

  it('gives every pair with probability 1 and none with 0', () => {
    const { graph } = stochasticBlockModel({ nodes: 7, blocks: 2, pIn: 1, pOut: 0 });
    // blocks of 4 and 3 nodes: 6 + 3 edges
    expect(graph.edgeCount).toBe(9);
  });

  it('rejects bad sizes and probabilities', () => {
    expect(() => stochasticBlockModel({ nodes: 1, blocks: 1, pIn: 0.1, pOut: 0.1 })).toThrow(ConfigError);
    expect(() => stochasticBlockModel({ nodes: 10, blocks: 11, pIn: 0.1, pOut: 0.1 })).toThrow(/blocks/);
    expect(() => stochasticBlockModel({ nodes: 10, blocks: 2, pIn: 1.5, pOut: 0.1 })).toThrow(/pIn/);
  });
});
