import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  CancelledError,
  ConfigError,
  EmptyVocabularyError,
  NumericError,
  type TrainingProgress,
} from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { describeIf } from '#test-utils/fixtures.js';
import { Vocabulary } from '@embedkit/corpus';
import { Word2VecModel, trainWord2Vec } from '../index.js';
import { LEE_PATH, leeSentences, neighbourPairsFound, similarity } from './lee-corpus.js';
import { weightsNamed } from './objective-helpers.js';

function bytes(array: Float32Array | null): Buffer {
  return array === null ? Buffer.alloc(0) : Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function allFinite(model: Word2VecModel): boolean {
  for (const matrix of [
    model.inputWeights,
    weightsNamed(model.objectives, 'output'),
    weightsNamed(model.objectives, 'nodes'),
  ]) {
    if (matrix?.some((v) => !Number.isFinite(v))) return false;
  }
  return true;
}

describe('training on the Lee corpus', () => {
  const small = { dim: 12, epochs: 1, minCount: 5 } as const;

  it('is bit-identical with threads 1 and the same seed, and differs with another seed', async () => {
    const corpus = leeSentences();
    const first = await trainWord2Vec(corpus, { ...small, hs: true }, { threads: 1, seed: 7 });
    const again = await trainWord2Vec(corpus, { ...small, hs: true }, { threads: 1, seed: 7 });
    const other = await trainWord2Vec(corpus, { ...small, hs: true }, { threads: 1, seed: 8 });
    expect(bytes(again.inputWeights).equals(bytes(first.inputWeights))).toBe(true);
    expect(
      bytes(weightsNamed(again.objectives, 'output')).equals(bytes(weightsNamed(first.objectives, 'output'))),
    ).toBe(true);
    expect(
      bytes(weightsNamed(again.objectives, 'nodes')).equals(bytes(weightsNamed(first.objectives, 'nodes'))),
    ).toBe(true);
    expect(bytes(other.inputWeights).equals(bytes(first.inputWeights))).toBe(false);
  });

  it('encodes the corpus while counting it without changing the vectors (threads 1, one seed)', async () => {
    // trainWord2Vec counts and encodes the file in one pass; the reference counts it, then
    // encodes it in a second pass (a model initialised without the encoded corpus).
    const options = { ...small, maxSentenceLength: 50, sample: 1e-3 };
    const fast = await trainWord2Vec(LEE_PATH, options, { threads: 1, seed: 3 });
    const vocabulary = await Vocabulary.build(LEE_PATH, { minCount: small.minCount });
    const reference = Word2VecModel.initialize(vocabulary, fast.options, { seed: 3 });
    await reference.train(LEE_PATH, {}, { threads: 1 });
    expect(fast.vocabulary.words).toEqual(vocabulary.words);
    expect(bytes(fast.inputWeights).equals(bytes(reference.inputWeights))).toBe(true);
    expect(
      bytes(weightsNamed(fast.objectives, 'output')).equals(
        bytes(weightsNamed(reference.objectives, 'output')),
      ),
    ).toBe(true);
  });

  it('learns sensible neighbours with several threads', async () => {
    const progress: TrainingProgress[] = [];
    const model = await trainWord2Vec(
      leeSentences(),
      { dim: 24, epochs: 8, minCount: 3 },
      { threads: 2, seed: 1, onProgress: (p) => progress.push(p) },
    );
    const vectors = model.wordVectors;
    expect(neighbourPairsFound(vectors).length).toBeGreaterThanOrEqual(4);
    expect(similarity(vectors, 'bin', 'laden')).toBeGreaterThan(similarity(vectors, 'bin', 'cricket') + 0.2);

    const training = progress.filter((p) => p.phase === 'training' && p.processed !== undefined);
    const last = training.at(-1)!;
    expect(last).toMatchObject({ epochs: 8, unit: 'words', fraction: 1, epoch: 7 });
    expect(last.processed).toBe(8 * model.vocabulary.totalCount);
    expect(last.learningRate).toBe(1e-4);
    expect(training[0]!.learningRate).toBe(0.025);
    expect(training.some((p) => p.loss !== undefined && Number.isFinite(p.loss))).toBe(true);
    expect(model.epochsTrained).toBe(8);
  });

  it('streams a file corpus that exceeds maxInMemoryTokens', async () => {
    const progress: TrainingProgress[] = [];
    const model = await trainWord2Vec(
      LEE_PATH,
      { ...small, epochs: 2, maxInMemoryTokens: 1000, model: 'cbow' },
      { threads: 2, seed: 1, onProgress: (p) => progress.push(p) },
    );
    expect(progress.some((p) => p.phase === 'encoding')).toBe(false);
    const last = progress.filter((p) => p.phase === 'training').at(-1)!;
    expect(last.processed).toBe(2 * model.vocabulary.totalCount);
    expect(model.vocabulary.tokensSeen).toBe(59_890);
    expect(allFinite(model)).toBe(true);
    const initial = Word2VecModel.initialize(model.vocabulary, model.options, { seed: 1 });
    expect(bytes(initial.inputWeights).equals(bytes(model.inputWeights))).toBe(false);
  });
});

describe('options reach training', () => {
  const corpus = [
    ['the', 'cat', 'sat', 'on', 'the', 'mat'],
    ['the', 'dog', 'sat', 'on', 'the', 'log'],
    ['a', 'cat', 'and', 'a', 'dog'],
  ];
  const tiny = { dim: 6, epochs: 2, minCount: 1, sample: 0 } as const;

  it('dim, minCount, maxVocab and the objective decide the model’s shape', async () => {
    const model = await trainWord2Vec(
      corpus,
      { ...tiny, minCount: 2, negative: 0, hs: true },
      { threads: 1 },
    );
    expect(model.dim).toBe(6);
    expect(model.vector('the')).toHaveLength(6);
    expect([...model.keys()]).toEqual(['the', 'cat', 'sat', 'on', 'dog', 'a']);
    expect(weightsNamed(model.objectives, 'output')).toBeNull();
    expect(weightsNamed(model.objectives, 'nodes')!.some((v) => v !== 0)).toBe(true);
    const capped = await trainWord2Vec(corpus, { ...tiny, maxVocab: 3 }, { threads: 1 });
    expect(capped.size).toBe(3);
    expect(weightsNamed(capped.objectives, 'nodes')).toBeNull();
    expect(weightsNamed(capped.objectives, 'output')!.some((v) => v !== 0)).toBe(true);
    expect(capped.wordVectors.counts).toEqual(Float64Array.from([4, 2, 2]));
  });

  it('sample, window and cbowMean change the result; epochs, lr and minLr set the schedule', async () => {
    const base = { ...tiny, model: 'cbow', sample: 0 } as const;
    const train = async (extra: object) => {
      const progress: TrainingProgress[] = [];
      const model = await trainWord2Vec(
        corpus,
        { ...base, ...extra },
        {
          threads: 1,
          seed: 3,
          onProgress: (p) => progress.push(p),
        },
      );
      return { model, training: progress.filter((p) => p.phase === 'training') };
    };
    const reference = await train({});
    for (const extra of [{ sample: 0.01 }, { window: 1 }, { cbowMean: false }]) {
      const changed = await train(extra);
      expect(bytes(changed.model.inputWeights).equals(bytes(reference.model.inputWeights))).toBe(false);
    }
    const scheduled = await train({ epochs: 3, lr: 0.2, minLr: 0.01 });
    expect(scheduled.training[0]!.learningRate).toBe(0.2);
    expect(scheduled.training.at(-1)).toMatchObject({ learningRate: 0.01, processed: 3 * 17, total: 3 * 17 });
  });

  it('clamps threads to the machine with a warning', async () => {
    const messages: string[] = [];
    await trainWord2Vec(corpus, tiny, {
      threads: availableParallelism() + 3,
      onProgress: (p) => p.message !== undefined && messages.push(p.message),
    });
    expect(messages).toEqual([expect.stringContaining(`using ${availableParallelism()}`)]);
  });
});

describe('bad input', () => {
  it('reports an empty corpus or an empty vocabulary', async () => {
    await expect(trainWord2Vec([], {}, { threads: 1 })).rejects.toThrow(EmptyVocabularyError);
    await expect(trainWord2Vec([['rare', 'words']], { minCount: 5 }, { threads: 1 })).rejects.toThrow(
      EmptyVocabularyError,
    );
  });

  it('rejects bad options before reading the corpus', async () => {
    for (const options of [
      { dim: 0 },
      { dim: 20_000 },
      { window: 0 },
      { negative: -1 },
      { lr: 0 },
      { negative: 0 },
    ]) {
      await expect(trainWord2Vec('/no/such/file', options, { threads: 1 })).rejects.toThrow(ConfigError);
    }
    function* once(): Generator<string[]> {
      yield ['a', 'b'];
    }
    await expect(trainWord2Vec(once(), { minCount: 1 })).rejects.toThrow(/read several times/);
  });

  it('trains a corpus of one repeated word into a valid model', async () => {
    const corpus = Array.from({ length: 20 }, () => Array.from({ length: 30 }, () => 'word'));
    for (const options of [{ hs: false }, { hs: true, negative: 0 }, { hs: true, model: 'cbow' as const }]) {
      const model = await trainWord2Vec(
        corpus,
        { dim: 5, epochs: 2, minCount: 1, ...options },
        { threads: 1 },
      );
      expect(model.size).toBe(1);
      expect(allFinite(model)).toBe(true);
    }
  });

  it('treats __proto__ and constructor as ordinary words', async () => {
    const corpus = Array.from({ length: 10 }, () => [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    ]);
    const model = await trainWord2Vec(corpus, { dim: 4, epochs: 1, minCount: 1 }, { threads: 1 });
    expect(model.size).toBe(4);
    expect(model.has('__proto__')).toBe(true);
    expect(model.vector('constructor')).toHaveLength(4);
    expect(model.has('valueOf')).toBe(false);
  });

  it('stops with NumericError when training diverges', async () => {
    const corpus = Array.from({ length: 200 }, (_, i) => ['a', 'b', 'c', 'd', `w${i % 7}`, 'e', 'f']);
    await expect(
      trainWord2Vec(
        corpus,
        { dim: 8, epochs: 3, minCount: 1, lr: 1e30, minLr: 1e30, sample: 0 },
        { threads: 1 },
      ),
    ).rejects.toThrow(NumericError);
  });
});

/** Live threads of this process (Linux). */
function threadCount(): number {
  return Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
}

/** The live thread count once it is at most `target`, or after 5 s, whichever comes first. */
async function settledThreadCount(target: number): Promise<number> {
  for (let waited = 0; waited < 5000 && threadCount() > target; waited += 50) {
    await new Promise((wake) => setTimeout(wake, 50));
  }
  return threadCount();
}

describeIf(process.platform === 'linux', 'counting threads needs /proc (Linux)')('cancellation', () => {
  it('rejects with CancelledError and leaves no worker running', async () => {
    const corpus = Array.from({ length: 2000 }, (_, i) =>
      Array.from({ length: 50 }, (_, j) => `w${(i * 7 + j) % 300}`),
    );
    // Warm up so the threads Node creates lazily exist before counting.
    await trainWord2Vec(corpus.slice(0, 10), { dim: 4, epochs: 1, minCount: 1 }, { threads: 2 });
    const before = threadCount();
    const controller = new AbortController();
    let running = 0;
    const training = trainWord2Vec(
      corpus,
      { dim: 50, epochs: 100, minCount: 1 },
      {
        threads: 2,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'training' && p.processed !== undefined && p.processed > 0) {
            running = threadCount();
            controller.abort();
          }
        },
      },
    );
    await expect(training).rejects.toThrow(CancelledError);
    expect(running).toBeGreaterThanOrEqual(before + 2);
    // Both workers of this run are gone. Counted against `running`, not `before`, and awaited for
    // up to 5 s: Node starts and ends runtime threads of its own meanwhile (a fresh clone once
    // counted 11 against 12; CI once 12 against 11). A worker left running never exits.
    expect(await settledThreadCount(running - 2)).toBeLessThanOrEqual(running - 2);
  });

  it('ends the workers it started while reading when the run fails before training', async () => {
    await trainWord2Vec([['warm', 'up']], { dim: 4, epochs: 1, minCount: 1 }, { threads: 2 });
    const before = threadCount();
    // The workers start before the corpus is read; no word reaches minCount, so none trains.
    await expect(trainWord2Vec([['rare', 'words']], { minCount: 5 }, { threads: 2 })).rejects.toThrow(
      EmptyVocabularyError,
    );
    expect(await settledThreadCount(before)).toBeLessThanOrEqual(before);
  });

  it('does not start when the signal is already aborted', async () => {
    await expect(
      trainWord2Vec([['a', 'b']], { minCount: 1 }, { threads: 1, signal: AbortSignal.abort() }),
    ).rejects.toThrow(CancelledError);
  });
});
