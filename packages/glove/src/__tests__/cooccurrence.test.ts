import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vocabulary } from '@embedkit/corpus';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix } from '../index.js';
import { countCooccurrences } from '../index.js';

/** The pairs of a matrix as `left right -> value` by word, for readable expectations. */
function byWords(matrix: CooccurrenceMatrix, vocabulary: Vocabulary): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let k = 0; k < matrix.size; k++) {
    pairs.set(`${vocabulary.word(matrix.rows[k]!)} ${vocabulary.word(matrix.cols[k]!)}`, matrix.values[k]!);
  }
  return pairs;
}

/** A direct transcription of the counting rule, one Map entry per pair: the reference to compare with. */
function naiveCounts(
  sentences: readonly (readonly string[])[],
  vocabulary: Vocabulary,
  window: number,
  symmetric: boolean,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, value: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + value);
  };
  for (const sentence of sentences) {
    const kept = sentence.filter((word) => vocabulary.id(word) >= 0);
    for (let j = 0; j < kept.length; j++) {
      for (let k = Math.max(0, j - window); k < j; k++) {
        add(`${kept[k]} ${kept[j]}`, 1 / (j - k));
        if (symmetric) add(`${kept[j]} ${kept[k]}`, 1 / (j - k));
      }
    }
  }
  return counts;
}

let directory: string;
let runsDirectory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'glove-cooccurrence-test-'));
  runsDirectory = join(directory, 'runs');
  await mkdir(runsDirectory);
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('countCooccurrences', () => {
  const sentences = [
    ['the', 'cat', 'sat', 'on', 'the', 'mat'],
    ['the', 'cat', 'ran'],
  ];

  it('gives the hand-computed 1/distance counts, symmetric', async () => {
    const vocabulary = Vocabulary.fromCounts(['the', 'cat', 'sat', 'on', 'mat', 'ran'], [3, 2, 1, 1, 1, 1]);
    const matrix = await countCooccurrences(sentences, vocabulary, { window: 2 });
    // Left-to-right pairs. Sentence 1: the-cat 1, the-sat 1/2, cat-sat 1, cat-on 1/2, sat-on 1,
    // sat-the 1/2, on-the 1, on-mat 1/2, the-mat 1; sentence 2: the-cat 1, the-ran 1/2, cat-ran 1.
    const expected: Record<string, number> = {
      'the cat': 2,
      'the sat': 0.5,
      'sat the': 0.5,
      'cat sat': 1,
      'cat on': 0.5,
      'sat on': 1,
      'on the': 1,
      'on mat': 0.5,
      'the mat': 1,
      'the ran': 0.5,
      'cat ran': 1,
    };
    const pairs = byWords(matrix, vocabulary);
    const symmetricExpected = new Map<string, number>();
    for (const [pair, value] of Object.entries(expected)) {
      const [a, b] = pair.split(' ');
      symmetricExpected.set(`${a} ${b}`, (symmetricExpected.get(`${a} ${b}`) ?? 0) + value);
      symmetricExpected.set(`${b} ${a}`, (symmetricExpected.get(`${b} ${a}`) ?? 0) + value);
    }
    expect(pairs).toEqual(symmetricExpected);
    expect(matrix.get(vocabulary.id('the'), vocabulary.id('sat'))).toBe(1);
    expect(matrix.get(vocabulary.id('mat'), vocabulary.id('ran'))).toBe(0);
    expect(matrix.stats).toEqual({ tokens: 9, spilledRuns: 0, mergePasses: 0 });
  });

  it('counts left contexts only when symmetric is false: X[left][right]', async () => {
    const vocabulary = Vocabulary.fromCounts(['a', 'b', 'c'], [2, 1, 1]);
    const matrix = await countCooccurrences([['a', 'b', 'c', 'a']], vocabulary, {
      window: 3,
      symmetric: false,
    });
    expect(byWords(matrix, vocabulary)).toEqual(
      new Map([
        ['a b', 1],
        ['a c', 0.5],
        ['a a', 1 / 3],
        ['b c', 1],
        ['b a', 0.5],
        ['c a', 1],
      ]),
    );
  });

  it('drops out-of-vocabulary words before windowing, as cooccur does', async () => {
    const vocabulary = Vocabulary.fromCounts(['a', 'c'], [1, 1]);
    const matrix = await countCooccurrences([['a', 'unknown', 'c']], vocabulary, { window: 1 });
    expect(byWords(matrix, vocabulary)).toEqual(
      new Map([
        ['a c', 1],
        ['c a', 1],
      ]),
    );
  });

  it('never lets a context cross a line of a file corpus, and counts a word with itself twice when symmetric', async () => {
    const path = join(directory, 'lines.txt');
    await writeFile(path, 'a b\r\nb a\n\na a\n');
    const vocabulary = await Vocabulary.build(path, { minCount: 1 });
    const matrix = await countCooccurrences(path, vocabulary, { window: 5 });
    expect(byWords(matrix, vocabulary)).toEqual(
      new Map([
        ['a a', 2],
        ['a b', 2],
        ['b a', 2],
      ]),
    );
  });

  it('gives exactly the in-memory counts when a tiny memory budget spills runs and merges them in several passes', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const corpus = Array.from({ length: 60 }, (_, s) =>
      Array.from({ length: 25 }, (_, i) => words[(s * 7 + i * i) % words.length]!),
    );
    const vocabulary = await Vocabulary.build(corpus, { minCount: 1 });
    const inMemory = await countCooccurrences(corpus, vocabulary, { window: 4 });
    const spilled = await countCooccurrences(corpus, vocabulary, {
      window: 4,
      memory: 0.008,
      tmpDir: runsDirectory,
    });
    expect(inMemory.stats.spilledRuns).toBe(0);
    expect(spilled.stats.spilledRuns).toBeGreaterThan(20);
    expect(spilled.stats.mergePasses).toBeGreaterThan(0);
    expect(spilled.rows).toEqual(inMemory.rows);
    expect(spilled.cols).toEqual(inMemory.cols);
    expect(spilled.values).toEqual(inMemory.values);
    expect(await readdir(runsDirectory)).toEqual([]);
  });

  it('agrees with the naive count, and spilling changes nothing, on random corpora (property)', async () => {
    const sentence = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '__proto__'), {
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (corpus, window, symmetric) => {
          fc.pre(corpus.some((s) => s.length > 0));
          const vocabulary = await Vocabulary.build(corpus, { minCount: 2 }).catch(() => undefined);
          fc.pre(vocabulary !== undefined);
          const options = { window, symmetric };
          const inMemory = await countCooccurrences(corpus, vocabulary!, options);
          const spilled = await countCooccurrences(corpus, vocabulary!, {
            ...options,
            memory: 0.0015,
            tmpDir: runsDirectory,
          });
          expect(spilled.values).toEqual(inMemory.values);
          expect(spilled.rows).toEqual(inMemory.rows);
          expect(spilled.cols).toEqual(inMemory.cols);
          const expected = naiveCounts(corpus, vocabulary!, window, symmetric);
          const actual = byWords(inMemory, vocabulary!);
          expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [pair, value] of expected) expect(actual.get(pair)).toBeCloseTo(value, 12);
        },
      ),
      { numRuns: 60 },
    );
    expect(await readdir(runsDirectory)).toEqual([]);
  });
});
