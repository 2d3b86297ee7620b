import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../results.js';
import { TRAINING_PHASE_SPEEDUP, scalingRows, threadScalingRows } from '../thread-scaling.js';

function run(wallSeconds: number, trainingPhaseSeconds: number): ModelRow {
  return {
    name: 'w',
    kind: 'ours',
    status: 'ok',
    wallSeconds,
    trainingPhaseSeconds,
    cpuSeconds: wallSeconds,
  };
}

describe('scalingRows', () => {
  it('compares the training phase against a 1.85× speed-up', () => {
    const [whole, phase] = scalingRows('word2vec CBOW', run(10, 8), run(6, 4.3));
    expect(whole!.name).toBe('thread scaling, word2vec CBOW, 1 epoch, whole process');
    expect(whole!.ratio).toBeCloseTo(0.6, 10);
    expect(whole!.met).toBeUndefined();
    expect(phase!.name).toBe(
      'thread scaling, word2vec CBOW, 1 epoch, training phase (after counting and encoding)',
    );
    expect(phase!.target).toBe('≥ 1.85× speed-up (ratio ≤ 0.541×)');
    expect(phase!.ratio).toBeCloseTo(4.3 / 8, 10);
    expect(phase!.met).toBe(true); // 8 / 4.3 = 1.86
    expect(scalingRows('x', run(10, 8), run(6, 4.4))[1]!.met).toBe(false); // 1.82
    expect(TRAINING_PHASE_SPEEDUP).toBe(1.85);
  });

  it('leaves the verdict open and keeps the error when a run failed', () => {
    const failed: ModelRow = { name: 'w', kind: 'ours', status: 'failed', error: 'out of memory' };
    const [whole, phase] = scalingRows('x', run(10, 8), failed);
    expect(whole!.ratio).toBeUndefined();
    expect(phase!.met).toBeUndefined();
    expect(phase!.note).toBe('out of memory');
  });
});

describe('threadScalingRows', () => {
  it('trains each case with 1 then 2 threads and gives two rows per case', async () => {
    const calls: string[] = [];
    const rows = await threadScalingRows(
      [
        { algo: 'a', title: 'A', options: { epochs: 1 } },
        { algo: 'b', title: 'B', options: { epochs: 1 } },
      ],
      async (algo, _options, threads) => {
        calls.push(`${algo}/${threads}`);
        return run(threads === 1 ? 10 : 5, threads === 1 ? 8 : 4);
      },
    );
    expect(calls).toEqual(['a/1', 'a/2', 'b/1', 'b/2']);
    expect(rows.map((row) => row.name.split(',')[1])).toEqual([' A', ' A', ' B', ' B']);
    expect(rows[1]!.met).toBe(true);
  });
});
