import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '@embedkit/core-math';
import { stsBenchmark } from '@embedkit/datasets';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateSts, parseSts, readSts } from '../index.js';
import { toyVectors } from './toy-embedders.js';

const folder = mkdtempSync(join(tmpdir(), 'text-pooling-sts-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function stsLine(score: string, first: string, second: string, ...extra: string[]): string {
  return ['main-captions', 'MSRvid', '2012test', '0001', score, first, second, ...extra].join('\t');
}

describe('parseSts', () => {
  it('uses the first 7 fields, counts lines with more, skips unusable lines, accepts CRLF', () => {
    const text = [
      stsLine('5.000', 'A "quoted" cat.', 'A cat.'),
      stsLine('2', 'One', 'Two', 'StackExchange note', 'another note'),
      'too\tfew\tfields',
      stsLine('n/a', 'x', 'y'),
      stsLine('', 'x', 'y'),
      '',
      `${stsLine('0.4', 'last', 'pair')}\r`,
    ].join('\n');
    const data = parseSts(text);
    expect(data.pairs).toEqual([
      { score: 5, sentence1: 'A "quoted" cat.', sentence2: 'A cat.', line: 1 },
      { score: 2, sentence1: 'One', sentence2: 'Two', line: 2 },
      { score: 0.4, sentence1: 'last', sentence2: 'pair', line: 7 },
    ]);
    expect(data.skippedLines).toEqual([3, 4, 5]);
    expect(data.extraFieldLines).toBe(1);
  });

  it('turns a missing file into IoError', async () => {
    await expect(readSts(join(folder, 'absent.csv'))).rejects.toThrow(IoError);
  });
});

describe('evaluateSts', () => {
  it('correlates cosine similarities with the gold scores (hand-computed Pearson and Spearman)', async () => {
    // Cosines on the toy vectors: 1, 0, 0.6, 0.8 against gold 5, 0, 3, 2.
    const path = join(folder, 'toy.csv');
    writeFileSync(
      path,
      [
        stsLine('5', 'cat', 'cat cat'),
        stsLine('0', 'cat', 'dog'),
        stsLine('3', 'cat', 'fish'),
        stsLine('2', 'dog', 'fish', 'extra'),
        'broken line',
      ].join('\n'),
    );
    const result = await evaluateSts(toyVectors(), path, 'mean');
    // Σdxdy = 2.4, Σdx² = 0.56, Σdy² = 13; Spearman: rank differences 0, 0, 1, 1.
    expect(result.pearson).toBeCloseTo((100 * 2.4) / Math.sqrt(0.56 * 13), 4);
    expect(result.spearman).toBeCloseTo(80, 6);
    expect(result).toMatchObject({ pairs: 4, skippedLines: 1, emptySentences: 0 });
  });

  it('fits tfidf and sif on the file’s sentences or on the texts given, and counts empty sentences', async () => {
    const path = join(folder, 'empty.csv');
    writeFileSync(
      path,
      [stsLine('1', 'cat dog', 'unknown'), stsLine('4', 'dog fish', 'fish neg')].join('\n'),
    );
    for (const method of ['tfidf', 'sif'] as const) {
      const result = await evaluateSts(toyVectors(), path, method);
      expect(result.emptySentences).toBe(1);
      // Two pairs: the correlation is ±1 (or 0 when a side is constant), never NaN.
      expect(Number.isFinite(result.pearson)).toBe(true);
    }
    const fitted = await evaluateSts(toyVectors(), path, 'tfidf', { fitTexts: ['cat', 'dog fish neg'] });
    expect(fitted.pairs).toBe(2);
  });
});

describe('the STS Benchmark test file', () => {
  it('holds 1379 usable pairs, 284 of them with trailing source notes', async () => {
    const data = await readSts(await stsBenchmark.test.path());
    expect(data.pairs.length).toBe(1379);
    expect(data.skippedLines).toEqual([]);
    expect(data.extraFieldLines).toBe(284);
    expect(data.pairs[0]).toEqual({
      score: 2.5,
      sentence1: 'A girl is styling her hair.',
      sentence2: 'A girl is brushing her hair.',
      line: 1,
    });
  });
});
