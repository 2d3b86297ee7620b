import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, FormatError, IoError, Random } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { type AnalogyMethod, evaluateWordAnalogies, mostSimilar, mostSimilarCosmul } from '../index.js';
import { handVectors, randomVectors } from './fixtures.js';

// b - a + c points at "C" (a case variant of the question word c), then at d.
const vectors = handVectors([
  ['a', [1, 0, 0]],
  ['b', [1, 1, 0]],
  ['c', [0, 0, 1]],
  ['C', [-0.2, 0.5, 1]],
  ['d', [0, 1, 1]],
  ['e', [-1, 0, 0]],
]);

const questions = [
  ': first',
  'a b c d',
  'A B C D',
  'a b c',
  ':  second \r',
  'a b zzz d',
  '',
  'a b c e',
  ': empty',
  '',
].join('\n');

describe('evaluateWordAnalogies', () => {
  it('follows gensim: upper-cased words, case variants of the question words skipped, OOV questions left out', async () => {
    const result = await evaluateWordAnalogies(vectors, questions);
    expect(result.sections).toEqual([
      { section: 'first', correct: 2, incorrect: 0, accuracy: 1 },
      { section: 'second', correct: 0, incorrect: 1, accuracy: 0 },
      { section: 'empty', correct: 0, incorrect: 0, accuracy: 0 },
      { section: 'Total accuracy', correct: 2, incorrect: 1, accuracy: 2 / 3 },
    ]);
    expect(result).toMatchObject({
      accuracy: 2 / 3,
      questions: 4,
      oov: 1,
      oovRatio: 25,
      skipped: 1,
      skippedLines: [4],
    });
    expect(result.method).toBe('3CosAdd');
  });

  it('compares exact keys when caseInsensitive is false', async () => {
    const result = await evaluateWordAnalogies(vectors, questions, { caseInsensitive: false });
    expect(result.sections.map((s) => [s.section, s.correct, s.incorrect])).toEqual([
      ['first', 0, 1],
      ['second', 0, 1],
      ['empty', 0, 0],
      ['Total accuracy', 0, 2],
    ]);
    expect(result).toMatchObject({ questions: 4, oov: 2, oovRatio: 50 });
  });

  it('treats words outside restrictVocab as unknown', async () => {
    const result = await evaluateWordAnalogies(vectors, questions, { restrictVocab: 4 });
    expect(result.oov).toBe(4);
    expect(result.accuracy).toBe(0);
  });

  it('reads a file and reports a question before any header, bad UTF-8 and unreadable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'similarity-analogies-'));
    const good = join(dir, 'good.txt');
    writeFileSync(good, `\ufeff${questions}`);
    expect((await evaluateWordAnalogies(vectors, good)).sections[0]).toMatchObject({ correct: 2 });
    await expect(evaluateWordAnalogies(vectors, '\na b c d\n: s\n')).rejects.toThrow(
      expect.objectContaining({ constructor: FormatError, location: { file: '<text>', line: 2 } }),
    );
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from(': s\na b c d\n'), Buffer.from([0x61, 0xff, 0x0a])]));
    await expect(evaluateWordAnalogies(vectors, bad)).rejects.toThrow(
      expect.objectContaining({ constructor: FormatError, location: { file: bad, line: 3, offset: 12 } }),
    );
    await expect(evaluateWordAnalogies(vectors, join(dir, 'missing.txt'))).rejects.toThrow(IoError);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(evaluateWordAnalogies(vectors, questions, { signal: controller.signal })).rejects.toThrow(
      CancelledError,
    );
  });

  it.each<[AnalogyMethod, typeof mostSimilar]>([
    ['3CosAdd', mostSimilar],
    ['3CosMul', mostSimilarCosmul],
  ])('answers all questions of a batch as %s would answer each one alone', async (method, solve) => {
    const words = Array.from({ length: 120 }, (_, i) => `w${i}`);
    const vs = randomVectors(words, 6, 11);
    const random = new Random(5);
    const lines: string[] = [];
    const expected = { correct: 0, incorrect: 0 };
    for (let i = 0; i < 400; i++) {
      if (i % 100 === 0) lines.push(`: part${i / 100}`);
      const [a, b, c, d] = Array.from({ length: 4 }, () => words[random.nextInt(words.length)]!);
      lines.push(`${a} ${b} ${c} ${d}`);
      const answer = solve(vs, { positive: [b!, c!], negative: [a!], topn: 1 })[0]!.key;
      expected[answer === d ? 'correct' : 'incorrect']++;
    }
    const result = await evaluateWordAnalogies(vs, lines.join('\n'), { method });
    expect(result.sections.at(-1)).toMatchObject(expected);
    expect(expected.correct).toBeGreaterThan(0);
    expect(result.sections).toHaveLength(5);
  });
});
