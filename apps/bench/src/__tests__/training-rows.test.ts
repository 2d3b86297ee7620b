import { describe, expect, it } from 'vitest';
import { trainingRows } from '../perf-rows.js';
import type { BenchReport, ModelRow } from '../results.js';

/** A trained model's row with the figures the training rows read. */
function row(
  kind: 'ours' | 'peer',
  seconds: number,
  analogy: number,
  spearman: number,
  peakRssMb: number,
): ModelRow {
  return {
    name: kind === 'ours' ? 'word2vec-skipgram' : 'gensim word2vec-skipgram',
    kind,
    algo: 'word2vec-skipgram',
    status: 'ok',
    wallSeconds: seconds,
    cpuSeconds: seconds * 2,
    peakRssMb,
    ...(kind === 'peer' ? { version: 'gensim 4.2.0' } : {}),
    evaluation: {
      analogy: [
        {
          set: 'questions-words.txt',
          total: analogy,
          semantic: null,
          syntactic: null,
          questions: 100,
          skipped: 0,
        },
      ],
      similarity: [{ set: 'wordsim353.tsv', spearman, pearson: spearman, oovPercent: 0, pairs: 353 }],
      neighbors: {},
      seconds: 1,
    },
  };
}

function report(seed: number, rows: ModelRow[]): BenchReport {
  return {
    date: '2026-12-03T00:00:00.000Z',
    command: 'embedkit-bench',
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 8, node: '20', platform: 'linux' },
    corpus: { path: '/c.txt', name: 'c.txt', tokens: 1000, sentences: 10 },
    config: { seed, threads: 2, restrictVocab: 30_000, common: {}, analogySets: [], similaritySets: [] },
    evaluationSemantics: 'gensim',
    rows,
    notes: [],
  };
}

const titles = new Map([['word2vec-skipgram', 'word2vec skip-gram training']]);

describe('trainingRows over several seeds', () => {
  it('gives each side the mean time and quality over the seeds and the highest peak memory', () => {
    const [result] = trainingRows(
      [
        report(1, [row('ours', 4, 0.06, 0.44, 150), row('peer', 10, 0.07, 0.45, 300)]),
        report(2, [row('ours', 6, 0.08, 0.46, 170), row('peer', 14, 0.07, 0.45, 290)]),
        report(3, [row('ours', 5, 0.07, 0.45, 160), row('peer', 15, 0.07, 0.45, 310)]),
      ],
      titles,
    );
    expect(result!.ours!.seconds).toBeCloseTo(5, 12);
    expect(result!.ours!.cpuSeconds).toBeCloseTo(10, 12);
    expect(result!.ours!.peakRssMb).toBe(170);
    expect(result!.ours!.quality).toBe('analogy 7.0 %, WS-353 0.450');
    expect(result!.peer!.seconds).toBeCloseTo(13, 12);
    expect(result!.peer!.peakRssMb).toBe(310);
    expect(result!.ratio).toBeCloseTo(5 / 13, 12);
    expect(result!.met).toBe(true);
    expect(result!.note).toBeUndefined();
  });

  it('judges quality on the means: one good seed does not hide two bad ones', () => {
    const [result] = trainingRows(
      [
        report(1, [row('ours', 4, 0.08, 0.46, 150), row('peer', 10, 0.07, 0.45, 300)]),
        report(2, [row('ours', 4, 0.04, 0.4, 150), row('peer', 10, 0.07, 0.45, 300)]),
        report(3, [row('ours', 4, 0.04, 0.4, 150), row('peer', 10, 0.07, 0.45, 300)]),
      ],
      titles,
    );
    expect(result!.met).toBe(false);
  });

  it('leaves a seed that failed on one side out of both means and names it', () => {
    const failed: ModelRow = {
      ...row('peer', 1, 0, 0, 1),
      status: 'failed',
      error: 'killed',
      wallSeconds: undefined,
    };
    const [result] = trainingRows(
      [
        report(1, [row('ours', 4, 0.06, 0.44, 150), row('peer', 10, 0.07, 0.45, 300)]),
        report(2, [row('ours', 100, 0.01, 0.1, 150), failed]),
      ],
      titles,
    );
    expect(result!.ours!.seconds).toBe(4);
    expect(result!.peer!.seconds).toBe(10);
    expect(result!.note).toBe('seed 2: gensim word2vec-skipgram failed: killed');
  });
});
