import { describe, expect, it } from 'vitest';
import { PERF_BEGIN, PERF_END, renderPerfBlock, replacePerfBlock } from '../perf-doc.js';
import type { PerfResult } from '../perf-result.js';

const fixture: PerfResult = {
  date: '2026-11-22T06:00:00.000Z',
  command: 'embedkit-bench-perf --write-docs',
  machine: { cpu: 'Test CPU', cores: 2, memoryGb: 8, node: '20.20.2', platform: 'linux test' },
  load: [1.25, 2.5],
  seconds: 1500,
  corpus: { path: '/data/text8-head.txt', tokens: 2_139_748 },
  seeds: 3,
  rows: [
    {
      name: 'word2vec skip-gram training, 5 epochs',
      oursLabel: 'embedkit',
      peerLabel: 'gensim 4.2.0',
      ours: { seconds: 30.04, cpuSeconds: 58.5, peakRssMb: 199.4, quality: 'analogy 6.5 %, WS-353 0.448' },
      peer: { seconds: 46.9, cpuSeconds: 90.1, peakRssMb: 300.3, quality: 'analogy 7.0 %, WS-353 0.460' },
      ratio: 30.04 / 46.9,
      target: 'time ≤ 0.67×',
      met: true,
    },
    {
      name: 'loading a GloVe text file',
      oursLabel: 'readVectors',
      peerLabel: 'gensim',
      ours: { seconds: 5.5, cpuSeconds: 5.4, peakRssMb: 600 },
      peer: undefined,
      target: 'time ≤ 0.5×',
      note: 'gensim is not installed',
    },
    {
      name: 'thread scaling',
      oursLabel: '2 threads',
      peerLabel: '1 thread',
      ours: { seconds: 20, cpuSeconds: 39 },
      peer: { seconds: 36, cpuSeconds: 35.5 },
      ratio: 20 / 36,
      target: 'none set',
      met: false,
    },
  ],
  notes: ['peer glove skipped: no Stanford GloVe tools given'],
};

describe('renderPerfBlock', () => {
  const block = renderPerfBlock(fixture);
  const lines = block.split('\n');

  it('is delimited by the markers and names the date, command, machine, load and corpus', () => {
    expect(lines[0]).toBe(PERF_BEGIN);
    expect(lines.at(-1)).toBe(PERF_END);
    expect(block).toContain('2026-11-22T06:00:00.000Z; the whole preset took 25.0 min');
    expect(block).toContain('`embedkit-bench-perf --write-docs`');
    expect(block).toContain('Test CPU, 2 cores, 8 GB, Node 20.20.2 (linux test)');
    expect(block).toContain('load average 1.3 at the start, 2.5 at the end');
    expect(block).toContain('/data/text8-head.txt (2,139,748 tokens)');
    expect(block).toContain('means over seeds 1..3');
  });

  it('writes one table row per measurement: times with CPU, memory, quality, ratio, target and verdict', () => {
    const rows = lines.filter(
      (line) => line.startsWith('| ') && !line.startsWith('| measurement') && !line.startsWith('| ---'),
    );
    expect(rows).toEqual([
      '| word2vec skip-gram training, 5 epochs | embedkit | 30.0 (58.5) | 199 | analogy 6.5 %, WS-353 0.448 | gensim 4.2.0 | 46.9 (90.1) | 300 | analogy 7.0 %, WS-353 0.460 | 0.64× | time ≤ 0.67× | yes |',
      '| loading a GloVe text file | readVectors | 5.50 (5.4) | 600 | – | gensim | – | – | – | – | time ≤ 0.5× | – |',
      '| thread scaling | 2 threads | 20.0 (39.0) | – | – | 1 thread | 36.0 (35.5) | – | – | 0.56× | none set | **no** |',
    ]);
    const header = lines.find((line) => line.startsWith('| measurement'))!;
    expect(header.split('|').length).toBe(rows[0]!.split('|').length);
  });

  it('lists row notes and run notes', () => {
    expect(block).toContain('- loading a GloVe text file: gensim is not installed');
    expect(block).toContain('- peer glove skipped: no Stanford GloVe tools given');
  });
});

describe('replacePerfBlock', () => {
  const kernels =
    '## Vector kernels (core-math)\n\nMeasured by hand.\n\n| dim 100 | TS |\n| --- | ---: |\n| dot | 0.48 |\n';
  const doc = `# Performance\n\nIntro.\n\n${kernels}`;

  it('puts a new block before the first section and keeps every hand-written line', () => {
    const updated = replacePerfBlock(doc, `${PERF_BEGIN}\nA\n${PERF_END}`);
    expect(updated).toBe(`# Performance\n\nIntro.\n\n${PERF_BEGIN}\nA\n${PERF_END}\n\n${kernels}`);
  });

  it('replaces only the block on the next run, and is stable when nothing changed', () => {
    const first = replacePerfBlock(doc, `${PERF_BEGIN}\nA\n${PERF_END}`);
    const second = replacePerfBlock(first, `${PERF_BEGIN}\nB\nC\n${PERF_END}`);
    expect(second).toBe(first.replace('\nA\n', '\nB\nC\n'));
    expect(replacePerfBlock(second, `${PERF_BEGIN}\nB\nC\n${PERF_END}`)).toBe(second);
    expect(second).toContain(kernels);
  });

  it('appends to a document without sections', () => {
    expect(replacePerfBlock('# Performance\n', `${PERF_BEGIN}\n${PERF_END}`)).toBe(
      `# Performance\n\n${PERF_BEGIN}\n${PERF_END}\n`,
    );
  });
});
