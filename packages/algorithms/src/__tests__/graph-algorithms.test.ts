import { describe, expect, it } from 'vitest';
import { createRegistry } from '../index.js';

describe('the registry', () => {
  it('holds deepwalk and node2vec, which train on rows of edges', async () => {
    const registry = await createRegistry();
    expect(registry.has('deepwalk')).toBe(true);
    const node2vec = registry.get('node2vec')!;
    expect(node2vec.defaults).toMatchObject({
      p: 1,
      q: 1,
      walkLength: 80,
      walksPerNode: 10,
      dim: 128,
      window: 10,
    });
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'],
    ];
    const model = await node2vec.train(
      edges,
      { dim: 8, walkLength: 10, walksPerNode: 4, q: 0.5 },
      { threads: 1, seed: 1 },
    );
    expect([...model.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    await expect(registry.get('deepwalk')!.train(edges, { p: 2 } as never)).rejects.toThrow(
      /no p, q or sampler/,
    );
  });
});
