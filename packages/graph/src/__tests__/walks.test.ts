import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { type Graph, generateWalks, graphFromEdges, stochasticBlockModel } from '../index.js';

/** Every walk as an array of node names. */
function walksOf(graph: Graph, walks: { ids: Int32Array; sentenceStarts: Int32Array }): string[][] {
  const out: string[][] = [];
  for (let s = 0; s + 1 < walks.sentenceStarts.length; s++) {
    out.push(
      [...walks.ids.subarray(walks.sentenceStarts[s], walks.sentenceStarts[s + 1])].map(
        (id) => graph.nodes[id]!,
      ),
    );
  }
  return out;
}

// a - b weighted 2, b - c, b - d, c - d, d - e weighted 3: from b after a, c and d are both one
// step from a's side or not, so the three biases 1/p, 1, 1/q all occur.
const small = graphFromEdges([
  ['a', 'b', 2],
  ['b', 'c', 1],
  ['b', 'd', 4],
  ['a', 'c', 1],
  ['d', 'e', 3],
]);

describe('generateWalks', () => {
  for (const sampler of ['rejection', 'alias'] as const) {
    it(`draws node2vec's second-order step with the exact probabilities (${sampler})`, async () => {
      const p = 0.5;
      const q = 4;
      const walks = await generateWalks(
        small,
        { walkLength: 3, walksPerNode: 40_000, p, q, sampler },
        { seed: 5 },
      );
      // After a → b: back to a weighs 2/p, c (a neighbour of a) weighs 1, d weighs 4/q.
      const weights = new Map([
        ['a', 2 / p],
        ['c', 1],
        ['d', 4 / q],
      ]);
      const total = [...weights.values()].reduce((x, y) => x + y);
      const seen = new Map<string, number>();
      let n = 0;
      for (const walk of walksOf(small, walks)) {
        if (walk[0] !== 'a' || walk[1] !== 'b') continue;
        seen.set(walk[2]!, (seen.get(walk[2]!) ?? 0) + 1);
        n++;
      }
      expect(n).toBeGreaterThan(10_000);
      for (const [node, weight] of weights) {
        const expected = weight / total;
        const sigma = Math.sqrt((expected * (1 - expected)) / n);
        expect(Math.abs((seen.get(node) ?? 0) / n - expected)).toBeLessThan(4 * sigma);
      }
    });
  }

  it('follows edges, starts walksPerNode walks from every node, and is reproducible for a seed', async () => {
    const options = { walkLength: 6, walksPerNode: 3, q: 0.5 };
    const walks = await generateWalks(small, options, { seed: 2 });
    const named = walksOf(small, walks);
    expect(named).toHaveLength(15);
    for (const walk of named) {
      expect(walk).toHaveLength(6);
      for (let i = 1; i < walk.length; i++)
        expect(small.hasEdge(small.id(walk[i - 1]!), small.id(walk[i]!))).toBe(true);
    }
    for (const node of small.nodes) expect(named.filter((walk) => walk[0] === node)).toHaveLength(3);
    expect(walksOf(small, await generateWalks(small, options, { seed: 2 }))).toEqual(named);
    expect(walksOf(small, await generateWalks(small, options, { seed: 3 }))).not.toEqual(named);
  });

  it('gives the same walks with 1 and 2 worker threads', async () => {
    const { graph } = stochasticBlockModel({ nodes: 2000, blocks: 4, pIn: 0.01, pOut: 0.001, seed: 1 });
    // 1,997 nodes with an edge × 10 × 120 steps: above the 2 million steps from which workers run.
    const options = { walkLength: 120, walksPerNode: 10, q: 0.5 };
    const one = await generateWalks(graph, options, { seed: 4, threads: 1 });
    const two = await generateWalks(graph, options, { seed: 4, threads: 2 });
    expect(two.ids.length).toBe(one.ids.length);
    expect(
      Buffer.from(two.ids.buffer, 0, 4 * two.ids.length).equals(
        Buffer.from(one.ids.buffer, 0, 4 * one.ids.length),
      ),
    ).toBe(true);
    expect([...two.sentenceStarts]).toEqual([...one.sentenceStarts]);
  });

  it('stops a walk at a dead end of a directed graph and starts none from a node without out-edges', async () => {
    const graph = graphFromEdges([['a', 'b'], ['b', 'c'], ['lonely']], { directed: true });
    const messages: string[] = [];
    const walks = await generateWalks(
      graph,
      { walkLength: 10, walksPerNode: 2 },
      {
        seed: 1,
        onProgress: (progress) => {
          if (progress.message !== undefined) messages.push(progress.message);
        },
      },
    );
    expect(walksOf(graph, walks).sort()).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['b', 'c'],
      ['b', 'c'],
    ]);
    expect(walks.nodesWithoutWalks).toBe(2);
    expect(messages).toEqual(['2 nodes have no out-edge: no walk starts there']);
  });

  it('rejects bad options naming them', async () => {
    for (const [options, option] of [
      [{ p: 0 }, 'p'],
      [{ q: -1 }, 'q'],
      [{ p: Number.NaN }, 'p'],
      [{ walkLength: 0 }, 'walkLength'],
      [{ walksPerNode: 1.5 }, 'walksPerNode'],
      [{ sampler: 'exact' }, 'sampler'],
    ] as const) {
      await expect(generateWalks(small, options as never)).rejects.toMatchObject({
        name: 'ConfigError',
        option,
      });
    }
  });

  it('refuses per-edge alias tables that would not fit, pointing at rejection sampling', async () => {
    const edges: [string, string][] = [];
    for (let u = 0; u < 520; u++) for (let v = u + 1; v < 520; v++) edges.push([String(u), String(v)]);
    const clique = graphFromEdges(edges);
    await expect(generateWalks(clique, { sampler: 'alias', walksPerNode: 1 })).rejects.toThrow(ConfigError);
    await expect(generateWalks(clique, { sampler: 'alias', walksPerNode: 1 })).rejects.toThrow(/"rejection"/);
  });
});
