import { Random } from '@embedkit/core-math';
import {
  allocateFloat32,
  allocateInt32,
  releaseArray,
  tsKernels,
  useKernels,
  wasmKernels,
} from '@embedkit/core-math/kernels';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { trainSentences } from '../engine.js';
import { buildHuffmanTree } from '../huffman-tree.js';
import {
  type Architecture,
  type EngineSetup,
  SYNC_WORDS,
  TrainingState,
  createSharedCounters,
  scratchFloats,
} from '../training-state.js';
import { createSentenceTables, createSentenceWorkspace } from '../sentence-kernel.js';
import type { NegativeSharing } from '../objectives/negative-sampling.js';
import { objectiveMatrices } from '../objectives/registry.js';

// Whatever EMBEDKIT_KERNELS says, this file compares the WebAssembly sentence loop (which needs the
// Wasm kernels) with the TypeScript loop on the TypeScript kernels.
const wasm = wasmKernels();
afterAll(() => useKernels(wasm));

interface Case {
  architecture: Architecture;
  cbowMean: boolean;
  dim: number;
  window: number;
  counts: number[];
  negative: number;
  hs: boolean;
  /** Negative sampling's `sharing` (skip-gram without an encoder, negative sampling alone). */
  sharing: NegativeSharing;
  /** Hierarchical softmax leaves nodes with a saturated score as they are (word2vec, gensim). */
  skipSaturated: boolean;
  /** The weights start in (-spread / 2, spread / 2): 1, or wide enough for saturated scores. */
  spread: number;
  /** Per token, the input rows (an encoder), or null for row = token. */
  encoder: number[][] | null;
  extraRows: number;
  keep: number[] | null;
  sentences: number[][];
  seed: number;
  lr: number;
}

/** Float32 weights in (-spread / 2, spread / 2), the same for both runs. */
function fillWeights(array: Float32Array, seed: number, spread: number): void {
  const random = new Random(seed);
  for (let i = 0; i < array.length; i++) array[i] = (random.nextFloat() - 0.5) * spread;
}

function setupFor(c: Case): EngineSetup {
  const size = c.counts.length;
  let encoder: EngineSetup['encoder'] = null;
  let inputRows = size;
  if (c.encoder !== null) {
    inputRows = size + c.extraRows;
    const offsets = new Int32Array(size + 1);
    c.encoder.forEach((rows, t) => {
      offsets[t + 1] = offsets[t]! + rows.length;
    });
    encoder = { offsets, rows: Int32Array.from(c.encoder.flat()) };
  }
  // Beyond 11 dimensions the spread shrinks so that scores keep the range they have at 11.
  const spread = c.spread * Math.sqrt(Math.min(1, 11 / c.dim));
  const inputWeights = allocateFloat32(inputRows * c.dim);
  fillWeights(inputWeights, c.seed, spread);
  const outputWeights = allocateFloat32(size * c.dim);
  fillWeights(outputWeights, c.seed + 1, spread);
  const nodeWeights = allocateFloat32((size - 1) * c.dim);
  fillWeights(nodeWeights, c.seed + 2, spread);
  return {
    architecture: c.architecture,
    dim: c.dim,
    window: c.window,
    cbowMean: c.cbowMean,
    inputWeights,
    encoder,
    objectives: [
      ...(c.hs
        ? [
            {
              kind: 'hierarchical-softmax' as const,
              tree: buildHuffmanTree(c.counts),
              nodeWeights,
              skipSaturated: c.skipSaturated,
            },
          ]
        : []),
      ...(c.negative > 0
        ? [
            {
              kind: 'negative-sampling' as const,
              negative: c.negative,
              noiseCounts: Float64Array.from(c.counts),
              noisePower: 0.75,
              outputWeights,
              sharing: c.sharing,
            },
          ]
        : []),
    ],
    keepProbabilities: c.keep === null ? null : Float32Array.from(c.keep),
    sigmoid: { size: 1000, maxExp: 6 },
  };
}

function kernelInt32(values: ArrayLike<number>): Int32Array {
  const array = allocateInt32(values.length);
  array.set(Array.from(values));
  return array;
}

interface Outcome {
  setup: EngineSetup;
  random: readonly number[];
  loss: number;
  predictions: number;
}

/**
 * Trains `c` once with the TypeScript loop on the TypeScript kernels (`ts`) or on the Wasm kernels
 * (`ts-on-wasm`), or with the sentence kernel (`wasm`).
 */
function run(c: Case, loop: 'ts' | 'ts-on-wasm' | 'wasm'): Outcome {
  useKernels(wasm); // the weights go to the kernel memory either way
  const setup = setupFor(c);
  const ids = kernelInt32(c.sentences.flat());
  let tokens = 0;
  const starts = kernelInt32([0, ...c.sentences.map((sentence) => (tokens += sentence.length))]);
  const longest = Math.max(1, ...c.sentences.map((s) => s.length));
  const buffer = allocateInt32(longest);
  const tables = loop === 'wasm' ? createSentenceTables(setup, c.counts.length) : null;
  if (loop === 'wasm') expect(tables).not.toBeNull();
  const workspace = tables === null ? null : createSentenceWorkspace(tables, new Random(c.seed));
  if (loop === 'ts') useKernels(tsKernels);
  // The TypeScript loop on the Wasm kernels: same float32 arithmetic as the sentence kernel.
  if (loop === 'ts-on-wasm') useKernels(wasm);
  const counters = createSharedCounters(1);
  const state = new TrainingState(
    setup,
    { lr: c.lr, minLr: c.lr / 10, totalWords: 4 * ids.length + 1 },
    counters,
    0,
    new Random(c.seed),
    allocateFloat32(scratchFloats(setup)),
    tables === null || workspace === null ? null : { tables, workspace },
  );
  trainSentences(state, ids, starts, 0, c.sentences.length, buffer);
  state.sync();
  useKernels(wasm);
  const random = state.sentenceKernel?.randomState() ?? state.random.state();
  for (const array of [ids, starts, buffer, tables?.block ?? null, workspace]) if (array) releaseArray(array);
  return { setup, random, loss: counters.loss[0]!, predictions: counters.loss[1]! };
}

function expectClose(actual: Float32Array, expected: Float32Array, name: string, relative: number): void {
  expect(actual.length, name).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const tolerance = relative * (1 + Math.abs(expected[i]!));
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) {
      expect.fail(`${name}[${i}]: ${actual[i]} (wasm) vs ${expected[i]} (ts)`);
    }
  }
}

/**
 * The sentence kernel against the TypeScript loop on the TypeScript kernels (`ts`: the same
 * decisions, weights to float tolerance) or on the Wasm kernels (`ts-on-wasm`: the same float32
 * operations in the same order, so the same bits).
 */
function expectSameTraining(c: Case, reference: 'ts' | 'ts-on-wasm' = 'ts'): void {
  const ts = run(c, reference);
  const wasmRun = run(c, 'wasm');
  // The same random decisions: the streams end in the same state and as many pairs were trained.
  expect(wasmRun.random).toEqual(ts.random);
  expect(wasmRun.predictions).toBe(ts.predictions);
  expect(Math.abs(wasmRun.loss - ts.loss)).toBeLessThanOrEqual(1e-3 * (1 + Math.abs(ts.loss)));
  const relative = reference === 'ts' ? 1e-4 : 0;
  expectClose(wasmRun.setup.inputWeights, ts.setup.inputWeights, 'input', relative);
  const tsMatrices = objectiveMatrices(ts.setup.objectives);
  objectiveMatrices(wasmRun.setup.objectives).forEach(({ name, weights }, m) => {
    expectClose(weights, tsMatrices[m]!.weights, name, relative);
  });
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    architecture: fc.constantFrom<Architecture>('skipgram', 'cbow'),
    cbowMean: fc.boolean(),
    // Up to 11: the kernels' 4-float tails; 12 to 40: also the 16-float groups the input rows are
    // summed and updated by.
    dim: fc.oneof(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 12, max: 40 })),
    window: fc.integer({ min: 1, max: 4 }),
    counts: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }),
    objective: fc.constantFrom('ns', 'hs', 'both'),
    shareNegatives: fc.constantFrom<NegativeSharing>('none', 'window', 'block'),
    skipSaturated: fc.boolean(),
    // Weights of 1 keep |score| < 6 (with the spread scaled beyond 11 dimensions); 8 saturates many.
    spread: fc.constantFrom(1, 8),
    negative: fc.integer({ min: 1, max: 4 }),
    encoded: fc.boolean(),
    extraRows: fc.integer({ min: 0, max: 6 }),
    subsample: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1000 }),
    lr: fc.constantFrom(0.025, 0.05),
  })
  .chain((r) => {
    const size = r.counts.length;
    const token = fc.integer({ min: 0, max: size - 1 });
    return fc
      .record({
        keep: r.subsample
          ? fc.array(fc.float({ min: Math.fround(0.05), max: 1, noNaN: true }), {
              minLength: size,
              maxLength: size,
            })
          : fc.constant(null),
        encoder: r.encoded
          ? fc.array(fc.array(fc.nat({ max: size + r.extraRows - 1 }), { maxLength: 4 }), {
              minLength: size,
              maxLength: size,
            })
          : fc.constant(null),
        sentences: fc.array(fc.array(token, { maxLength: 24 }), { maxLength: 6 }),
      })
      .map(
        (t): Case => ({
          architecture: r.architecture,
          cbowMean: r.cbowMean,
          dim: r.dim,
          window: r.window,
          counts: r.counts,
          negative: r.objective === 'hs' ? 0 : r.negative,
          hs: r.objective !== 'ns',
          sharing:
            r.architecture === 'skipgram' && r.objective === 'ns' && !r.encoded ? r.shareNegatives : 'none',
          skipSaturated: r.skipSaturated,
          spread: r.spread,
          encoder: t.encoder,
          extraRows: r.extraRows,
          keep: t.keep,
          sentences: t.sentences,
          seed: r.seed,
          lr: r.lr,
        }),
      );
  });

describe('the WebAssembly sentence loop against the TypeScript loop', () => {
  // With the wide spread, some scores fall on an edge of a sigmoid-table bin, where the float64
  // and float32 dot products pick neighbouring bins and the weights part by more than the
  // tolerance (about 1 case in 1,000-3,000); the bit-for-bit test below covers the wide spread.
  it('makes the same random decisions and trains the same weights (to float tolerance)', () => {
    fc.assert(
      fc.property(
        caseArbitrary.map((c) => ({ ...c, spread: 1 })),
        (c) => expectSameTraining(c),
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same bits as the TypeScript loop on the Wasm kernels', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => expectSameTraining(c, 'ts-on-wasm')),
      { numRuns: 100 },
    );
  });

  // Over thousands of updates float32 rounding (and a sigmoid-table entry it flips) drifts apart
  // from the double-precision TypeScript kernels, so this one compares with the Wasm kernels.
  it('agrees across sync points, where the learning rate changes', () => {
    const random = new Random(7);
    const counts = Array.from({ length: 40 }, (_, i) => 1000 / (i + 1));
    // About 2.5 sync intervals of sentences of 1..60 words.
    const sentences: number[][] = [];
    for (let tokens = 0; tokens < 2.5 * SYNC_WORDS; ) {
      const length = 1 + random.nextInt(60);
      sentences.push(Array.from({ length }, () => random.nextInt(counts.length)));
      tokens += length;
    }
    for (const architecture of ['skipgram', 'cbow'] as const) {
      expectSameTraining(
        {
          architecture,
          cbowMean: true,
          dim: 16,
          window: 5,
          counts,
          negative: 5,
          hs: true,
          sharing: 'none',
          skipSaturated: true,
          spread: 1,
          encoder: null,
          extraRows: 0,
          keep: counts.map((c) => Math.min(1, 0.3 + 20 / c)),
          sentences,
          seed: 3,
          lr: 0.025,
        },
        'ts-on-wasm',
      );
    }
  });

  // Windows of up to 12 words on each side: with 'window', the 24 context rows of a word train in
  // two blocks of SHARED_NEGATIVES_BLOCK rows and fewer against one draw of negatives; with
  // 'block', in up to 6 blocks of BLOCK_SHARING_ROWS rows with a draw each, all drawn one word
  // ahead in the Wasm loop. The Wasm loop trains the outputs in register groups of up to 4
  // distinct rows: 5, 10 and 3 outputs (4, 9 and 2 with 'block') make groups of every size, the
  // 30-word vocabulary repeats rows within a window and within a draw, and the dimensions take
  // every path of the chunk loops (32 and 16 bytes, then single floats).
  it.each(['window', 'block'] as const)(
    'agrees with negatives shared over windows wider than one block (%s)',
    (sharing) => {
      for (const [dim, negative] of [
        [10, 4],
        [22, 9],
        [37, 2],
      ] as const) {
        const random = new Random(11);
        const counts = Array.from({ length: 30 }, (_, i) => 500 / (i + 1));
        const sentences = Array.from({ length: 40 }, () =>
          Array.from({ length: 5 + random.nextInt(40) }, () => random.nextInt(counts.length)),
        );
        const c: Case = {
          architecture: 'skipgram',
          cbowMean: true,
          dim,
          window: 12,
          counts,
          negative,
          hs: false,
          sharing,
          skipSaturated: false,
          spread: 1,
          encoder: null,
          extraRows: 0,
          keep: null,
          sentences,
          seed: 5,
          lr: 0.025,
        };
        expectSameTraining(c, 'ts-on-wasm');
        // Against the TypeScript kernels (float tolerance) on the first case: with 10 outputs on 30
        // words the rounding differences of the two kernels' sums grow past the tolerance.
        if (dim === 10) expectSameTraining(c);
      }
    },
  );
});

// The sentence kernel trains the outputs of a prediction (the target and its negatives, or the
// nodes of a path) in batched steps of up to four distinct rows: scores first, then one pass of
// updates. A row that comes again must start a new batch, so that it is scored after its first
// update; these cases make both happen often and must still give the TypeScript loop's bits.
describe('the batched steps of the WebAssembly sentence loop', () => {
  const random = new Random(13);
  const sentencesOf = (words: number, count: number) =>
    Array.from({ length: count }, () =>
      Array.from({ length: 2 + random.nextInt(20) }, () => random.nextInt(words)),
    );
  const base: Case = {
    architecture: 'skipgram',
    cbowMean: true,
    // Two 8-float chunks, a 4-float chunk and one float: every part of the row loops.
    dim: 21,
    window: 3,
    counts: [],
    negative: 8,
    hs: false,
    sharing: 'none',
    skipSaturated: true,
    spread: 1,
    encoder: null,
    extraRows: 0,
    keep: null,
    sentences: [],
    seed: 17,
    lr: 0.05,
  };

  it('scores a noise word drawn twice after its first update (two-word vocabulary)', () => {
    // Eight draws from two words: whenever two draws miss the target they are the same row.
    const counts = [5, 3];
    const sentences = sentencesOf(counts.length, 20);
    for (const architecture of ['skipgram', 'cbow'] as const) {
      const c: Case = { ...base, architecture, counts, sentences };
      expectSameTraining(c, 'ts-on-wasm');
      expectSameTraining({ ...c, encoder: [[0, 2], [1]], extraRows: 1 }, 'ts-on-wasm');
    }
  });

  it('skips saturated nodes along paths longer than one batch, with negatives', () => {
    const counts = Array.from({ length: 40 }, (_, i) => 400 / (i + 1));
    const sentences = sentencesOf(counts.length, 30);
    const c: Case = { ...base, counts, sentences, hs: true, negative: 7, spread: 8 };
    // Paths of five nodes and more (two batches) and scores at or beyond maxExp from the start.
    const setup = setupFor(c);
    const tree = buildHuffmanTree(counts);
    expect(Math.max(...tree.offsets.slice(1).map((end, w) => end - tree.offsets[w]!))).toBeGreaterThan(4);
    const nodes = objectiveMatrices(setup.objectives)[0]!.weights;
    let saturated = 0;
    for (let w = 0; w < counts.length; w++) {
      for (let n = 0; n < counts.length - 1; n++) {
        let score = 0;
        for (let i = 0; i < c.dim; i++) score += setup.inputWeights[w * c.dim + i]! * nodes[n * c.dim + i]!;
        if (Math.abs(score) >= 6) saturated++;
      }
    }
    expect(saturated).toBeGreaterThan(100);
    for (const architecture of ['skipgram', 'cbow'] as const) {
      for (const skipSaturated of [true, false]) {
        expectSameTraining({ ...c, architecture, skipSaturated }, 'ts-on-wasm');
      }
    }
  });
});
