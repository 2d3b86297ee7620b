import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../results.js';
import {
  FLOP_CONVENTION,
  gloveEntryFlops,
  logisticStepFlops,
  renderRoofline,
  rooflineRow,
  trainingFlops,
} from '../roofline.js';

function trained(options: Record<string, unknown>, work: ModelRow['trainingWork'], seconds = 2): ModelRow {
  return {
    name: 'x',
    kind: 'ours',
    algo: 'x',
    options,
    status: 'ok',
    trainingPhaseSeconds: seconds,
    ...(work === undefined ? {} : { trainingWork: work }),
  };
}

describe('trainingFlops', () => {
  it('counts (1 + negative) logistic steps of 6·dim per prediction', () => {
    const row = trained({ dim: 100, negative: 5 }, { unit: 'words', processed: 10, predictions: 1000 });
    expect(logisticStepFlops(100)).toBe(600);
    expect(trainingFlops(row)).toEqual({ flops: 1000 * 6 * 600 });
  });

  it('counts GloVe entries × epochs at 16·dim + 16 each', () => {
    const row = trained({ dim: 50 }, { unit: 'pairs', processed: 3 * 1234 });
    expect(gloveEntryFlops(50)).toBe(816);
    expect(trainingFlops(row)).toEqual({ flops: 3 * 1234 * 816 });
  });

  it('says why when the work cannot be counted', () => {
    const words = { unit: 'words', processed: 10, predictions: 5 };
    expect(trainingFlops(trained({ dim: 8, negative: 5, hs: true }, words))).toHaveProperty('note');
    expect(trainingFlops(trained({ dim: 8, negative: 0 }, words))).toHaveProperty('note');
    expect(trainingFlops(trained({ dim: 8, negative: 5 }, { unit: 'words', processed: 10 }))).toHaveProperty(
      'note',
    );
    expect(trainingFlops(trained({ dim: 8 }, undefined))).toHaveProperty('note');
  });
});

describe('rooflineRow and renderRoofline', () => {
  const sg = rooflineRow(
    'word2vec skip-gram training',
    trained({ dim: 100, negative: 5 }, { unit: 'words', processed: 1, predictions: 2e8 }, 4),
    2,
  );
  const hs = rooflineRow(
    'word2vec HS',
    trained({ dim: 100, negative: 0, hs: true }, { unit: 'words', processed: 1, predictions: 1 }),
    2,
  );

  it('divides the counted FLOPs by the training phase', () => {
    expect(sg.flops).toBe(2e8 * 3600);
    expect(sg.gflops).toBeCloseTo((2e8 * 3600) / 4 / 1e9, 10);
    expect(hs.gflops).toBeUndefined();
    expect(rooflineRow('missing', undefined, 2).note).toBe('not run');
  });

  it('renders each row against both roofs, per thread, with the convention and the notes', () => {
    const lines = renderRoofline({
      peak: { dim: 100, cacheGflops: 4.5, memoryGflops: 1.5, memoryMb: 256 },
      rows: [sg, hs],
    });
    expect(lines).toContain(
      '| word2vec skip-gram training | 7.200e+11 | 4.00 | 2 | 180.00 | 90.00 | 2000 % | 6000 % |',
    );
    expect(lines).toContain('| word2vec HS | – | 2.00 | 2 | – | – | – | – |');
    expect(lines.join('\n')).toContain('**4.50 GFLOP/s** with its rows in L1');
    expect(lines.join('\n')).toContain('**1.50 GFLOP/s** with rows drawn at random from 256 MB');
    expect(lines).toContain(FLOP_CONVENTION);
    expect(lines.at(-2)).toMatch(/^- word2vec HS: hierarchical softmax/);
  });
});
