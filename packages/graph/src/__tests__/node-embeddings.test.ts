import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVectors } from '@embedkit/vector-io';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { graphFromEdges, readEdgeList, trainNodeEmbeddings } from '../index.js';

const bytes = (array: Float32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('trainNodeEmbeddings', () => {
  it('is bit-identical for a seed with one thread, keyed by node name, and saves in a vector format', async () => {
    const graph = await readEdgeList(fixture('graphs', 'lesmis.edgelist'));
    const options = { dim: 16, walkLength: 20, walksPerNode: 5, q: 0.5 };
    const model = await trainNodeEmbeddings(graph, options, { seed: 7, threads: 1 });
    const again = await trainNodeEmbeddings(graph, options, { seed: 7, threads: 1 });
    expect(again.inputWeights).not.toBe(model.inputWeights);
    expect(bytes(again.inputWeights).equals(bytes(model.inputWeights))).toBe(true);
    expect(new Set(model.keys())).toEqual(new Set(graph.nodes));
    const path = join(mkdtempSync(join(tmpdir(), 'embedkit-graph-')), 'lesmis.vec');
    await model.saveVectors(path, 'word2vec-text');
    expect((await readVectors(path)).size).toBe(77);
  });

  it("shares negatives by blocks of context rows by default ('auto'), per pair with hs", async () => {
    const graph = await readEdgeList(fixture('graphs', 'karate.edgelist'));
    const options = { dim: 8, walkLength: 10, walksPerNode: 2 };
    const train = (extra: object) =>
      trainNodeEmbeddings(graph, { ...options, ...extra }, { seed: 3, threads: 1 });
    const [byDefault, block, window, perPair] = await Promise.all([
      train({}),
      train({ negativeSharing: 'block' }),
      train({ negativeSharing: 'window' }),
      train({ negativeSharing: 'none' }),
    ]);
    expect(byDefault.options).toMatchObject({ negativeSharing: 'block' });
    expect(bytes(byDefault.inputWeights).equals(bytes(block.inputWeights))).toBe(true);
    const weights = [block, window, perPair].map((model) => bytes(model.inputWeights));
    expect(
      weights[0]!.equals(weights[1]!) || weights[0]!.equals(weights[2]!) || weights[1]!.equals(weights[2]!),
    ).toBe(false);
    // Hierarchical softmax has no negatives to share: 'auto' resolves to 'none', not to an error.
    expect((await train({ negativeSharing: 'auto', hs: true, negative: 0 })).options).toMatchObject({
      negativeSharing: 'none',
    });
  });

  it('gives an isolated node no vector and says so; rejects a word2vec option out of range', async () => {
    const graph = graphFromEdges([['a', 'b'], ['b', 'c'], ['c', 'a'], ['alone']]);
    const messages: string[] = [];
    const model = await trainNodeEmbeddings(
      graph,
      { dim: 4, walkLength: 5, walksPerNode: 2 },
      {
        threads: 1,
        onProgress: (progress) => {
          if (progress.message !== undefined) messages.push(progress.message);
        },
      },
    );
    expect(model.has('alone')).toBe(false);
    expect(model.vector('alone')).toBeUndefined();
    expect(messages).toContain('1 nodes have no out-edge: no walk starts there');
    await expect(trainNodeEmbeddings(graph, { dim: 0 })).rejects.toMatchObject({ option: 'dim' });
  });
});
