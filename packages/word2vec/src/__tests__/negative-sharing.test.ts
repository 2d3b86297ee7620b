import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import {
  type EngineSetup,
  type NegativeSamplingConfig,
  runEngine,
  sharedFloat32Array,
} from '../engine-entry.js';
import { type Word2VecOptionsInput, Word2VecModel, resolveWord2VecOptions, trainWord2Vec } from '../index.js';
import { leeSentences, neighbourPairsFound, similarity } from './lee-corpus.js';

function bytes(array: Float32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

describe('negativeSharing: window and block (negatives shared over a skip-gram window)', () => {
  it.each(['window', 'block'] as const)(
    'learns sensible neighbours on the Lee corpus (%s)',
    async (negativeSharing) => {
      const model = await trainWord2Vec(
        leeSentences(),
        { dim: 24, epochs: 8, minCount: 3, negativeSharing },
        { threads: 2, seed: 1 },
      );
      const vectors = model.wordVectors;
      expect(neighbourPairsFound(vectors).length).toBeGreaterThanOrEqual(4);
      expect(similarity(vectors, 'bin', 'laden')).toBeGreaterThan(
        similarity(vectors, 'bin', 'cricket') + 0.2,
      );
    },
  );

  it('is bit-identical with threads 1 and one seed, and trains other vectors than per-pair draws', async () => {
    const options = { dim: 12, epochs: 1, minCount: 5 } as const;
    const shared = await trainWord2Vec(
      leeSentences(),
      { ...options, negativeSharing: 'window' },
      { threads: 1, seed: 4 },
    );
    const again = await trainWord2Vec(
      leeSentences(),
      { ...options, negativeSharing: 'window' },
      { threads: 1, seed: 4 },
    );
    const perPair = await trainWord2Vec(
      leeSentences(),
      { ...options, negativeSharing: 'none' },
      { threads: 1, seed: 4 },
    );
    // 'auto' shares negatives by blocks: negative sampling is the only objective.
    const auto = await trainWord2Vec(
      leeSentences(),
      { ...options, negativeSharing: 'auto' },
      { threads: 1, seed: 4 },
    );
    const block = await trainWord2Vec(
      leeSentences(),
      { ...options, negativeSharing: 'block' },
      { threads: 1, seed: 4 },
    );
    expect(bytes(auto.inputWeights).equals(bytes(block.inputWeights))).toBe(true);
    expect(bytes(again.inputWeights).equals(bytes(shared.inputWeights))).toBe(true);
    expect(bytes(perPair.inputWeights).equals(bytes(shared.inputWeights))).toBe(false);
    expect(bytes(block.inputWeights).equals(bytes(shared.inputWeights))).toBe(false);
    expect(bytes(block.inputWeights).equals(bytes(perPair.inputWeights))).toBe(false);
  });

  it('is saved with the model and still shares negatives after loading', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'negative-sharing-'));
    try {
      const model = await trainWord2Vec(
        leeSentences().slice(0, 50),
        { dim: 8, epochs: 1, minCount: 2, negativeSharing: 'window' },
        { threads: 1, seed: 2 },
      );
      const path = join(folder, 'model.w2v');
      await model.save(path);
      const loaded = await Word2VecModel.load(path);
      expect(loaded.options).toMatchObject({ model: 'skipgram', negativeSharing: 'window' });
      expect((loaded.objectives[0] as NegativeSamplingConfig).sharing).toBe('window');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("defaults to none, resolves 'auto' (block with negative sampling alone, none with hs) and rejects bad values with a ConfigError naming the option", () => {
    expect(resolveWord2VecOptions({})).toMatchObject({ negativeSharing: 'none' });
    const auto = { negativeSharing: 'auto' } as const;
    expect(resolveWord2VecOptions(auto)).toMatchObject({ negativeSharing: 'block' });
    expect(resolveWord2VecOptions({ ...auto, hs: true })).toMatchObject({ negativeSharing: 'none' });
    expect(resolveWord2VecOptions({ ...auto, hs: true, negative: 0 })).toMatchObject({
      negativeSharing: 'none',
    });
    const bad: Word2VecOptionsInput[] = [
      { negativeSharing: 'pair' as never },
      { negativeSharing: 1 as never },
      { negativeSharing: 'window', hs: true },
      { negativeSharing: 'window', hs: true, negative: 0 },
      { negativeSharing: 'block', hs: true },
    ];
    for (const input of bad) {
      const error = (() => {
        try {
          resolveWord2VecOptions(input);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, JSON.stringify(input)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option).toBe('negativeSharing');
    }
    // CBOW has no window of pairs to share over: not one of its options.
    expect(() => resolveWord2VecOptions({ model: 'cbow', negativeSharing: 'window' } as never)).toThrow(
      /negativeSharing/,
    );
  });

  it('rejects engine setups it cannot train (CBOW, an encoder, a second objective)', async () => {
    const dim = 4;
    const counts = Float64Array.from([5, 4, 3, 2, 1]);
    const negative: NegativeSamplingConfig = {
      kind: 'negative-sampling',
      negative: 2,
      noiseCounts: counts,
      noisePower: 0.75,
      outputWeights: sharedFloat32Array(5 * dim),
      sharing: 'window',
    };
    const base: EngineSetup = {
      architecture: 'skipgram',
      dim,
      window: 2,
      cbowMean: true,
      inputWeights: sharedFloat32Array(5 * dim),
      encoder: null,
      objectives: [negative],
      keepProbabilities: null,
      sigmoid: { size: 1000, maxExp: 6 },
    };
    const sentences = { ids: Int32Array.from([0, 1, 2, 3, 4]), sentenceStarts: Int32Array.from([0, 5]) };
    const bad: Array<Partial<EngineSetup>> = [
      { architecture: 'cbow' },
      { encoder: { offsets: Int32Array.from([0, 1, 2, 3, 4, 5]), rows: Int32Array.from([0, 1, 2, 3, 4]) } },
      {
        objectives: [negative, { ...negative, sharing: 'none', outputWeights: sharedFloat32Array(5 * dim) }],
      },
      { objectives: [{ ...negative, sharing: 'all' as never }] },
    ];
    for (const overrides of bad) {
      const error = await runEngine({
        setup: { ...base, ...overrides },
        corpus: { kind: 'in-memory', sentences },
        epochs: 1,
        lr: 0.025,
        minLr: 0,
        threads: 1,
        seed: 1,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option).toBe('negativeSharing');
    }
  });
});
