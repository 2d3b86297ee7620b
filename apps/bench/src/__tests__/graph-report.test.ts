import { describe, expect, it } from 'vitest';
import {
  type GraphReport,
  type GraphRow,
  pairedInterval,
  renderGraphMarkdown,
  studentT975,
} from '../graph-task.js';

/** A row of the report with its per-seed AUCs (no labels, so no F1). */
function row(pipeline: GraphRow['pipeline'], hadamard: number[], cosine: number[]): GraphRow {
  return {
    graph: 'karate',
    nodes: 34,
    edges: 78,
    pipeline,
    seeds: hadamard.length,
    hadamardAuc: hadamard.reduce((a, b) => a + b) / hadamard.length,
    cosineAuc: cosine.reduce((a, b) => a + b) / cosine.length,
    microF1: undefined,
    macroF1: undefined,
    sd: { hadamardAuc: 0.1, cosineAuc: 0.05, microF1: undefined, macroF1: undefined },
    perSeed: hadamard.map((value, i) => ({
      seed: i + 1,
      hadamardAuc: value,
      cosineAuc: cosine[i]!,
      microF1: undefined,
      macroF1: undefined,
      seconds: 1,
    })),
    seconds: 1,
    wallSeconds: 2,
    peakRssMb: 80,
    timeRatio: undefined,
  };
}

describe('renderGraphMarkdown', () => {
  it('shows mean ± sd per pipeline and the seed-by-seed difference with its standard error', () => {
    const report: GraphReport = {
      date: '2026-12-03T12:00:00.000Z',
      command: 'embedkit-bench --task graph --graphs karate --seeds 3',
      machine: { cpu: 'test CPU', cores: 2, memoryGb: 8, node: '20', platform: 'linux' },
      options: {
        graphs: ['karate'],
        sbmNodes: 1000,
        seeds: 3,
        largeSeeds: 1,
        threads: 2,
        node2vec: {},
        reference: true,
        out: 'out',
      },
      graphs: [{ name: 'karate', description: 'test graph' }],
      rows: [
        row('embedkit node2vec', [0.6, 0.7, 0.8], [0.5, 0.5, 0.5]),
        row('reference (networkx + gensim)', [0.6, 0.6, 0.6], [0.6, 0.5, 0.4]),
      ],
      referenceVersion: 'test',
    };
    const markdown = renderGraphMarkdown(report);
    expect(markdown).toContain(
      '| karate | 34 | 78 | embedkit node2vec | 0.700 ± 0.100 | 0.500 ± 0.050 | – | – |',
    );
    // Differences 0, 0.1, 0.2: mean 0.1, sd 0.1, standard error 0.1 / √3 = 0.0577, 95 % interval
    // ± t(2) 4.303 × 0.0577 = ± 0.248; cosine -0.1, 0, 0.1.
    expect(markdown).toContain(
      '| karate | 3 | +0.100 ± 0.058 [−0.148, +0.348] | +0.000 ± 0.058 [−0.248, +0.248] | – | – |',
    );
    expect(markdown).not.toContain('embedkit only');
    const shared = renderGraphMarkdown({
      ...report,
      options: { ...report.options, oursOnly: { negativeSharing: 'window' } },
    });
    expect(shared).toMatch(/; embedkit only: negativeSharing window; 2 threads;/);
  });
});

describe('pairedInterval', () => {
  it("is Student's t interval of the mean of the differences", () => {
    // Mean 1, sample variance 4/9, standard error 0.2108; scipy.stats.t.interval(0.95, 9, loc=1,
    // scale=0.2108) = (0.523, 1.477).
    const differences = [1, 0, 2, 1, 1, 0, 2, 1, 1, 1];
    const { mean, standardError, low, high } = pairedInterval(differences);
    expect(mean).toBe(1);
    expect(standardError).toBeCloseTo(Math.sqrt(0.4444444 / 10), 6);
    expect(high - mean).toBeCloseTo(2.262 * standardError, 6);
    expect(low).toBeCloseTo(0.523, 3);
    expect(high).toBeCloseTo(1.477, 3);
    expect(studentT975(60)).toBeCloseTo(2.0, 2);
    expect(studentT975(1000)).toBeCloseTo(1.962, 3);
  });
});
