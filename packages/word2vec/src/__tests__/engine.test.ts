import { NumericError, Random } from '@embedkit/core-math';
import { SigmoidTable, kernels } from '@embedkit/core-math/kernels';
import { describe, expect, it, vi } from 'vitest';
import { trainChunks, trainSentences } from '../engine.js';
import { type HuffmanTree, buildHuffmanTree } from '../huffman-tree.js';
import type { InputEncoder } from '../input-encoder.js';
import { createObjective } from '../objectives/registry.js';
import { testObjectives, weightsNamed } from './objective-helpers.js';
import { sharedFloat32Array } from '../shared-arrays.js';
import {
  type Architecture,
  type EngineSetup,
  TrainingState,
  createSharedCounters,
} from '../training-state.js';

const SIGMOID = { size: 1000, maxExp: 6 };

interface Case {
  architecture: Architecture;
  cbowMean?: boolean;
  window?: number;
  dim?: number;
  counts: number[];
  encoder?: InputEncoder | null;
  inputRows?: number;
  hs?: boolean;
  negative?: number;
  keep?: Float32Array | null;
  lr?: number;
}

function stateFor(c: Case, seed = 1): { state: TrainingState; setup: EngineSetup } {
  const dim = c.dim ?? 3;
  const size = c.counts.length;
  const rows = c.inputRows ?? size;
  const inputWeights = sharedFloat32Array(rows * dim);
  // Fixed, distinct starting vectors.
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = Math.fround(Math.sin(i + 1) / 4);
  const negative = c.negative ?? 0;
  const setup: EngineSetup = {
    architecture: c.architecture,
    dim,
    window: c.window ?? 1,
    cbowMean: c.cbowMean ?? true,
    inputWeights,
    encoder: c.encoder ?? null,
    objectives: testObjectives(c.counts, { hs: c.hs ?? true, negative }, dim),
    keepProbabilities: c.keep ?? null,
    sigmoid: SIGMOID,
  };
  const lr = c.lr ?? 0.1;
  const state = new TrainingState(
    setup,
    { lr, minLr: lr, totalWords: 1000 },
    createSharedCounters(1),
    0,
    new Random(seed),
    new Float32Array(2 * dim),
  );
  return { state, setup };
}

function train(state: TrainingState, sentences: number[][]): void {
  const ids = Int32Array.from(sentences.flat());
  const starts = new Int32Array(sentences.length + 1);
  sentences.forEach((s, i) => {
    starts[i + 1] = starts[i]! + s.length;
  });
  trainSentences(state, ids, starts, 0, sentences.length);
}

/**
 * A direct transcription of word2vec's updates with hierarchical softmax and window 1 (no random
 * choice is involved), in double precision over plain arrays.
 */
function reference(
  c: Case,
  setup: EngineSetup,
  sentence: number[],
): { input: number[][]; nodes: number[][] } {
  const dim = setup.dim;
  const table = new SigmoidTable(SIGMOID.size, SIGMOID.maxExp);
  const lr = c.lr ?? 0.1;
  const tree: HuffmanTree = buildHuffmanTree(c.counts);
  const inputRows = setup.inputWeights.length / dim;
  const input = Array.from({ length: inputRows }, (_, r) => [
    ...setup.inputWeights.subarray(r * dim, (r + 1) * dim),
  ]);
  const nodes = Array.from({ length: c.counts.length - 1 }, () => new Array<number>(dim).fill(0));
  const rowsOf = (token: number): number[] =>
    c.encoder
      ? [...c.encoder.rows.subarray(c.encoder.offsets[token]!, c.encoder.offsets[token + 1]!)]
      : [token];
  const predict = (hidden: number[], target: number): number[] => {
    const grad = new Array<number>(dim).fill(0);
    for (let k = tree.offsets[target]!; k < tree.offsets[target + 1]!; k++) {
      const node = nodes[tree.nodes[k]!]!;
      const score = hidden.reduce((sum, h, d) => sum + h * node[d]!, 0);
      const g = (1 - tree.codes[k]! - table.sigmoid(score)) * lr;
      for (let d = 0; d < dim; d++) grad[d]! += g * node[d]!;
      for (let d = 0; d < dim; d++) node[d]! += g * hidden[d]!;
    }
    return grad;
  };
  const meanOf = (rows: number[], mean: boolean): number[] => {
    const hidden = new Array<number>(dim).fill(0);
    for (const r of rows) for (let d = 0; d < dim; d++) hidden[d]! += input[r]![d]!;
    return mean ? hidden.map((h) => h / rows.length) : hidden;
  };
  for (let i = 0; i < sentence.length; i++) {
    const neighbours = [i - 1, i + 1].filter((j) => j >= 0 && j < sentence.length);
    if (c.architecture === 'cbow') {
      const rows = neighbours.flatMap((j) => rowsOf(sentence[j]!));
      const mean = c.cbowMean ?? true;
      const grad = predict(meanOf(rows, mean), sentence[i]!);
      // Summing spreads the update over the rows (gensim's cbow_mean=0).
      const share = mean ? 1 : 1 / rows.length;
      for (const r of rows) for (let d = 0; d < dim; d++) input[r]![d]! += grad[d]! * share;
    } else {
      for (const j of neighbours) {
        // word2vec: the context word's row predicts the word; fastText (an encoder): the word's
        // rows predict the context word.
        const [from, to] = c.encoder ? [sentence[i]!, sentence[j]!] : [sentence[j]!, sentence[i]!];
        const rows = rowsOf(from);
        const grad = predict(meanOf(rows, true), to);
        for (const r of rows) for (let d = 0; d < dim; d++) input[r]![d]! += grad[d]!;
      }
    }
  }
  return { input, nodes };
}

function expectClose(actual: Float32Array, expected: number[][]): void {
  expect(actual.length).toBe(expected.flat().length);
  expected.flat().forEach((value, i) => {
    expect(actual[i]).toBeCloseTo(value, 6);
  });
}

describe('trainSentences against hand-written word2vec updates (hierarchical softmax, window 1)', () => {
  const counts = [4, 3, 2, 1];
  const sentence = [0, 2, 1, 3, 0, 1];
  const cases: Array<[string, Case]> = [
    [
      'skip-gram (the context word’s row predicts the word, as word2vec)',
      { architecture: 'skipgram', counts },
    ],
    ['CBOW, mean of the context', { architecture: 'cbow', cbowMean: true, counts }],
    ['CBOW, sum of the context', { architecture: 'cbow', cbowMean: false, counts }],
    [
      'skip-gram with an input encoder (mean of the token’s rows, as fastText)',
      {
        architecture: 'skipgram',
        counts,
        inputRows: 6,
        encoder: { offsets: Int32Array.from([0, 2, 3, 5, 6]), rows: Int32Array.from([0, 4, 1, 2, 5, 3]) },
      },
    ],
    [
      'CBOW with an input encoder (mean over every row of the context)',
      {
        architecture: 'cbow',
        counts,
        inputRows: 6,
        encoder: { offsets: Int32Array.from([0, 2, 3, 5, 6]), rows: Int32Array.from([0, 4, 1, 2, 5, 3]) },
      },
    ],
  ];
  for (const [name, c] of cases) {
    it(name, () => {
      const { state, setup } = stateFor(c);
      const expected = reference(c, setup, sentence);
      train(state, [sentence]);
      expectClose(setup.inputWeights, expected.input);
      expectClose(weightsNamed(setup.objectives, 'nodes')!, expected.nodes);
    });
  }

  it('sums and averages differ exactly as documented', () => {
    const mean = stateFor({ architecture: 'cbow', cbowMean: true, counts });
    const sum = stateFor({ architecture: 'cbow', cbowMean: false, counts });
    train(mean.state, [sentence]);
    train(sum.state, [sentence]);
    expect([...mean.setup.inputWeights]).not.toEqual([...sum.setup.inputWeights]);
  });
});

describe('windows, sentences and subsampling', () => {
  const counts = Array.from({ length: 12 }, (_, i) => 20 - i);
  const sentence = Array.from({ length: 10 }, (_, i) => i);

  it('skip-gram with window 1 makes one prediction per neighbour pair in each direction', () => {
    const { state } = stateFor({ architecture: 'skipgram', counts, negative: 2, hs: false });
    train(state, [sentence]);
    expect(state.predictionsSinceSync).toBe(2 * (sentence.length - 1));
    expect(state.wordsSinceSync).toBe(sentence.length);
  });

  it('CBOW makes one prediction per word that has context', () => {
    const { state } = stateFor({ architecture: 'cbow', counts, negative: 2, hs: false });
    train(state, [sentence, [5], [7, 8]]);
    expect(state.predictionsSinceSync).toBe(sentence.length + 2);
    expect(state.wordsSinceSync).toBe(sentence.length + 3);
  });

  it('draws each word’s window from 1..window', () => {
    const n = sentence.length;
    const seen = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const { state } = stateFor(
        { architecture: 'skipgram', counts, negative: 1, hs: false, window: 4 },
        seed,
      );
      train(state, [sentence]);
      const predictions = state.predictionsSinceSync;
      // At least the window-1 pairs, at most every pair within distance 4.
      expect(predictions).toBeGreaterThanOrEqual(2 * (n - 1));
      expect(predictions).toBeLessThanOrEqual(2 * (4 * n - 10));
      seen.add(predictions);
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it('keeps each occurrence with its keep probability, and counts every token as processed', () => {
    const dropAll = stateFor({
      architecture: 'skipgram',
      counts,
      negative: 1,
      hs: false,
      keep: new Float32Array(12),
    });
    train(dropAll.state, [sentence]);
    expect(dropAll.state.predictionsSinceSync).toBe(0);
    expect(dropAll.state.wordsSinceSync).toBe(sentence.length);

    const half = stateFor({
      architecture: 'cbow',
      counts,
      negative: 1,
      hs: false,
      keep: new Float32Array(12).fill(0.5),
    });
    const long = Array.from({ length: 2000 }, (_, i) => i % 12);
    train(half.state, [long]);
    expect(half.state.predictionsSinceSync).toBeGreaterThan(850);
    expect(half.state.predictionsSinceSync).toBeLessThan(1150);
  });
});

describe('negative sampling', () => {
  const table = new SigmoidTable();

  it('updates the target’s row towards the hidden vector and never uses the target as a negative', () => {
    const outputWeights = sharedFloat32Array(4);
    // Only word 0 can be drawn as noise.
    const objective = createObjective(
      [
        {
          kind: 'negative-sampling',
          negative: 20,
          noiseCounts: Float64Array.from([1, 0]),
          noisePower: 0.75,
          outputWeights,
        },
      ],
      2,
      { math: kernels(), sigmoid: table, random: new Random(3) },
    );
    const hidden = Float32Array.from([1, 2]);
    const gradient = new Float32Array(2);
    const loss = objective.update(hidden, 0, Int32Array.of(0), 1, 0, 0.5, gradient);
    const g = (1 - table.sigmoid(0)) * 0.5;
    expect([...outputWeights]).toEqual([Math.fround(g), Math.fround(2 * g), 0, 0]);
    expect([...gradient]).toEqual([0, 0]);
    expect(loss).toBeCloseTo(Math.LN2, 2);

    // Target 1: twenty negatives of word 0, each pushing its row away from the hidden vector.
    objective.update(hidden, 0, Int32Array.of(1), 1, 0, 0.5, gradient);
    expect(outputWeights[0]!).toBeLessThan(0);
    expect(outputWeights[2]).toBeCloseTo(g, 6);
  });
});

describe('TrainingState.sync', () => {
  const setup = (): EngineSetup => ({
    architecture: 'skipgram',
    dim: 2,
    window: 1,
    cbowMean: true,
    inputWeights: sharedFloat32Array(4),
    encoder: null,
    objectives: testObjectives([1, 1], { negative: 1 }, 2),
    keepProbabilities: null,
    sigmoid: SIGMOID,
  });

  it('decays the learning rate linearly with the words all threads processed', () => {
    const counters = createSharedCounters(2);
    const schedule = { lr: 0.1, minLr: 0.02, totalWords: 100 };
    const first = new TrainingState(setup(), schedule, counters, 0, new Random(1), new Float32Array(4));
    const second = new TrainingState(setup(), schedule, counters, 1, new Random(2), new Float32Array(4));
    expect(first.lr).toBe(0.1);
    first.wordsSinceSync = 25;
    first.lossSinceSync = 3;
    first.predictionsSinceSync = 6;
    first.sync();
    expect(first.lr).toBeCloseTo(0.08, 12);
    second.wordsSinceSync = 50;
    second.sync();
    expect(second.lr).toBeCloseTo(0.04, 12);
    expect(Number(counters.processed[0])).toBe(75);
    expect([...counters.loss]).toEqual([3, 6, 0, 0]);
    second.wordsSinceSync = 500;
    second.sync();
    expect(second.lr).toBe(0.02);
  });

  it('once chunks are placed, takes the rate from the thread’s position in the run', () => {
    const counters = createSharedCounters(1);
    const schedule = { lr: 0.1, minLr: 0.02, totalWords: 100 };
    const state = new TrainingState(setup(), schedule, counters, 0, new Random(1), new Float32Array(4));
    state.startChunk(50);
    expect(state.lr).toBeCloseTo(0.06, 12);
    state.wordsSinceSync = 10;
    state.sync();
    // Position 60, although all threads together have processed only 10 words.
    expect(state.lr).toBeCloseTo(0.052, 12);
    expect(Number(counters.processed[0])).toBe(10);
    state.wordsSinceSync = 5;
    state.startChunk(65);
    expect(state.lr).toBeCloseTo(0.052, 12);
    state.startChunk(75);
    expect(state.lr).toBeCloseTo(0.04, 12);
    state.wordsSinceSync += 10;
    state.sync();
    // 10 words into the chunk at 75: position 85.
    expect(state.lr).toBeCloseTo(0.032, 12);
    expect(Number(counters.processed[0])).toBe(25);
  });

  it('with one thread, places chunks where the words processed are: the rates stay those of the processed words', () => {
    const schedule = { lr: 0.1, minLr: 0.02, totalWords: 100 };
    const placed = new TrainingState(
      setup(),
      schedule,
      createSharedCounters(1),
      0,
      new Random(1),
      new Float32Array(4),
    );
    const plain = new TrainingState(
      setup(),
      schedule,
      createSharedCounters(1),
      0,
      new Random(1),
      new Float32Array(4),
    );
    let tokens = 0;
    for (const chunk of [7, 12, 9, 30, 5]) {
      placed.startChunk(tokens);
      for (const state of [placed, plain]) {
        state.wordsSinceSync += chunk;
        if (state.wordsSinceSync >= 10) state.sync();
      }
      tokens += chunk;
      expect(placed.lr).toBe(plain.lr);
    }
  });

  it('trainChunks starts each chunk at the tokens handed out before it, pass after pass, over all threads', () => {
    // Three chunks of one sentence each (3, 2 and 4 tokens), two passes, two threads taking turns.
    const ids = Int32Array.from([0, 1, 0, 1, 0, 0, 1, 1, 0]);
    const sentenceStarts = Int32Array.from([0, 3, 5, 9]);
    const chunks = {
      starts: Int32Array.from([0, 1, 2, 3]),
      cursor: new BigInt64Array(new SharedArrayBuffer(8)),
    };
    const counters = createSharedCounters(2);
    const schedule = { lr: 0.1, minLr: 0, totalWords: 18 };
    const states = [0, 1].map(
      (thread) =>
        new TrainingState(setup(), schedule, counters, thread, new Random(thread + 1), new Float32Array(4)),
    );
    const started: number[] = [];
    for (const state of states) {
      vi.spyOn(state, 'startChunk').mockImplementation((tokensBefore) => {
        started.push(tokensBefore);
        state.lr = 0.1;
      });
    }
    // A thread alone takes every chunk of both passes in order.
    trainChunks(states[0]!, ids, sentenceStarts, chunks, 2);
    expect(started).toEqual([0, 3, 5, 9, 12, 14]);
    // A thread that finds the cursor at the third chunk starts there.
    started.length = 0;
    chunks.cursor[0] = 2n;
    trainChunks(states[1]!, ids, sentenceStarts, chunks, 2);
    expect(started).toEqual([5, 9, 12, 14]);
  });

  it('throws NumericError once the loss is not finite', () => {
    const state = new TrainingState(
      setup(),
      { lr: 0.1, minLr: 0, totalWords: 10 },
      createSharedCounters(1),
      0,
      new Random(1),
      new Float32Array(4),
    );
    state.lossSinceSync = Number.NaN;
    expect(() => state.sync()).toThrow(NumericError);
  });
});
