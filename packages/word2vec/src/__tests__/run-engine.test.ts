import { ConfigError } from '@embedkit/core-math';
import { allocateFloat32 } from '@embedkit/core-math/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EngineRun,
  type EngineSetup,
  buildHuffmanTree,
  runEngine,
  sharedFloat32Array,
} from '../engine-entry.js';
import { chunkStarts } from '../run-engine.js';
import { SYNC_WORDS } from '../training-state.js';

const counts = Float64Array.from([5, 4, 3, 2, 1]);
const dim = 4;

/** Token t is read from row t and from row 5 + (t mod 2), like a word and one shared n-gram. */
const encoder = {
  offsets: Int32Array.from([0, 2, 4, 6, 8, 10]),
  rows: Int32Array.from([0, 5, 1, 6, 2, 5, 3, 6, 4, 5]),
};

function setup(overrides: Partial<EngineSetup> = {}): EngineSetup {
  const inputWeights = sharedFloat32Array(7 * dim);
  for (let i = 0; i < inputWeights.length; i++) inputWeights[i] = Math.sin(i) / dim;
  return {
    architecture: 'skipgram',
    dim,
    window: 2,
    cbowMean: true,
    inputWeights,
    encoder,
    objectives: [
      {
        kind: 'hierarchical-softmax',
        tree: buildHuffmanTree(counts),
        nodeWeights: sharedFloat32Array(4 * dim),
      },
      {
        kind: 'negative-sampling',
        negative: 2,
        noiseCounts: counts,
        noisePower: 0.5,
        outputWeights: sharedFloat32Array(5 * dim),
      },
    ],
    keepProbabilities: null,
    sigmoid: { size: 512, maxExp: 8 },
    ...overrides,
  };
}

const sentences = {
  ids: Int32Array.from({ length: 400 }, (_, i) => (i * 7) % 5),
  sentenceStarts: Int32Array.from({ length: 11 }, (_, s) => 40 * s),
};

function run(overrides: Partial<EngineRun> = {}): EngineRun {
  return {
    setup: setup(),
    corpus: { kind: 'in-memory', sentences },
    epochs: 2,
    lr: 0.05,
    minLr: 0,
    threads: 1,
    seed: 1,
    ...overrides,
  };
}

describe('runEngine', () => {
  it('trains every row an input encoder names, in worker threads', async () => {
    const engine = run();
    const before = Float32Array.from(engine.setup.inputWeights);
    const result = await runEngine(engine);
    expect(result.words).toBe(800);
    expect(Number.isFinite(result.loss)).toBe(true);
    const after = engine.setup.inputWeights;
    for (let row = 0; row < 7; row++) {
      const moved = after.subarray(row * dim, (row + 1) * dim).some((v, d) => v !== before[row * dim + d]);
      expect(moved).toBe(true);
    }
  });

  it('trains objectives without a WebAssembly version (softmax, one-vs-all) with the TypeScript loop', async () => {
    for (const kind of ['softmax', 'one-vs-all'] as const) {
      const outputWeights = sharedFloat32Array(5 * dim);
      const short = await runEngine(
        run({ setup: setup({ objectives: [{ kind, outputWeights }] }), epochs: 1 }),
      );
      expect(outputWeights.some((v) => v !== 0)).toBe(true);
      // The corpus repeats 0 2 4 1 3: the objective learns it, so a longer run's mean loss is lower.
      const long = await runEngine(
        run({
          setup: setup({ objectives: [{ kind, outputWeights: sharedFloat32Array(5 * dim) }] }),
          epochs: 8,
        }),
      );
      expect(long.loss, kind).toBeLessThan(short.loss);
    }
  });

  it('rejects an inconsistent setup before starting a worker', async () => {
    const bad: Array<[string, Partial<EngineRun>]> = [
      [
        'encoder.offsets',
        { setup: setup({ encoder: { offsets: Int32Array.from([0, 1]), rows: Int32Array.from([0]) } }) },
      ],
      [
        'encoder.rows[0]',
        { setup: setup({ encoder: { offsets: encoder.offsets, rows: encoder.rows.map(() => 9) } }) },
      ],
      ['inputWeights', { setup: setup({ encoder: null, inputWeights: sharedFloat32Array(2 * dim) }) }],
      [
        'inputWeights',
        { setup: setup({ inputWeights: Float32Array.from(allocateFloat32(7 * dim)).fill(0) }) },
      ],
      ['keepProbabilities', { setup: setup({ keepProbabilities: new Float32Array(3) }) }],
      [
        'nodeWeights',
        {
          setup: setup({
            objectives: [
              {
                kind: 'hierarchical-softmax',
                tree: buildHuffmanTree(counts),
                nodeWeights: sharedFloat32Array(dim),
              },
            ],
          }),
        },
      ],
      ['objectives', { setup: setup({ objectives: [] }) }],
      [
        'ids[0]',
        {
          corpus: {
            kind: 'in-memory',
            sentences: { ids: Int32Array.from([5]), sentenceStarts: Int32Array.from([0, 1]) },
          },
        },
      ],
      [
        'sentenceStarts',
        {
          corpus: {
            kind: 'in-memory',
            sentences: { ids: Int32Array.from([1]), sentenceStarts: Int32Array.from([0, 2]) },
          },
        },
      ],
      ['epochs', { epochs: 0 }],
      ['lr', { lr: Number.NaN }],
      ['minLr', { minLr: 1 }],
      ['threads', { threads: 0 }],
      ['seed', { seed: 0.5 }],
    ];
    for (const [option, overrides] of bad) {
      const error = await runEngine(run(overrides)).catch((caught: unknown) => caught);
      expect(error, option).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).option).toBe(option);
    }
  });

  it('hands every chunk of an in-memory corpus to the threads once per epoch', async () => {
    // 25 sentences of 1,000 tokens: three chunks (10, 10 and 5 sentences).
    const long = {
      ids: Int32Array.from({ length: 25_000 }, (_, i) => (i * 7) % 5),
      sentenceStarts: Int32Array.from({ length: 26 }, (_, s) => 1000 * s),
    };
    expect(Array.from(chunkStarts(long.sentenceStarts))).toEqual([0, 10, 20, 25]);
    for (const threads of [1, 2]) {
      const result = await runEngine(
        run({ corpus: { kind: 'in-memory', sentences: long }, epochs: 3, threads }),
      );
      expect(result.words, `${threads} threads`).toBe(3 * 25_000);
    }
  });
});

describe('chunkStarts', () => {
  it('cuts whole sentences into chunks closed as soon as they reach the chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * SYNC_WORDS }), { maxLength: 40 }), (lengths) => {
        const sentenceStarts = Int32Array.from([0, ...lengths]);
        for (let s = 1; s < sentenceStarts.length; s++) sentenceStarts[s]! += sentenceStarts[s - 1]!;
        const starts = Array.from(chunkStarts(sentenceStarts));
        expect(starts[0]).toBe(0);
        expect(starts[starts.length - 1]).toBe(lengths.length);
        const tokens = (from: number, to: number): number => sentenceStarts[to]! - sentenceStarts[from]!;
        for (let c = 0; c + 1 < starts.length; c++) {
          const [from, to] = [starts[c]!, starts[c + 1]!];
          expect(to).toBeGreaterThan(from);
          // Every chunk but the last reaches the size; none would without its last sentence.
          if (c + 2 < starts.length) expect(tokens(from, to)).toBeGreaterThanOrEqual(SYNC_WORDS);
          expect(tokens(from, to - 1)).toBeLessThan(SYNC_WORDS);
        }
      }),
    );
  });
});
