import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrainingProgress } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainWord2Vec } from '../index.js';
import { LEE_PATH } from './lee-corpus.js';
import { weightsNamed } from './objective-helpers.js';

/** The largest absolute difference of two arrays of one length (0: the same values). */
function largestDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i]! - b[i]!));
  return largest;
}

let dir = '';
/** The Lee corpus three times over (about 180,000 tokens): a streamed epoch spans several blocks. */
let corpus = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedkit-w2v-stream-'));
  corpus = join(dir, 'lee-x3.txt');
  const lee = readFileSync(LEE_PATH);
  writeFileSync(corpus, Buffer.concat([lee, lee, lee]));
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('a streamed corpus (above maxInMemoryTokens)', () => {
  it.each([
    ['CBOW with negative sampling', { model: 'cbow' }],
    ['skip-gram with hierarchical softmax', { model: 'skipgram', hs: true, negative: 0 }],
  ] as const)('trains exactly as in memory with one thread and a seed: %s', async (_, objective) => {
    // Sentences of 50 tokens, cut at every block's end: blocks end in the middle of lines.
    const options = { ...objective, dim: 8, epochs: 2, minCount: 3, maxSentenceLength: 50 };
    const phases = new Set<string>();
    const streamed = await trainWord2Vec(
      corpus,
      { ...options, maxInMemoryTokens: 0 },
      { threads: 1, seed: 5, onProgress: (p: TrainingProgress) => phases.add(p.phase) },
    );
    const inMemory = await trainWord2Vec(corpus, options, { threads: 1, seed: 5 });
    expect(streamed.vocabulary.totalCount).toBeGreaterThan(3 * (1 << 16) * 0.8);
    expect(phases.has('encoding')).toBe(false);
    expect(largestDifference(streamed.inputWeights, inMemory.inputWeights)).toBe(0);
    for (const name of ['output', 'nodes']) {
      const weights = weightsNamed(inMemory.objectives, name);
      if (weights !== null) {
        expect(largestDifference(weightsNamed(streamed.objectives, name)!, weights), name).toBe(0);
      }
    }
  });
});
