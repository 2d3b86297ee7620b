import { readFileSync } from 'node:fs';
import type { WordVectors } from '@embedkit/core-math';
import { readVectors } from '@embedkit/vector-io';
import { beforeAll, describe, expect, it } from 'vitest';
import { evalSet, fixture } from '#test-utils/fixtures.js';
import {
  ExactIndex,
  evaluateWordAnalogies,
  evaluateWordPairs,
  mostSimilar,
  mostSimilarCosmul,
} from '../index.js';

type Scored = [string, number][];
interface Sections {
  accuracy: number;
  sections: { section: string; correct: number; incorrect: number }[];
}
interface Correlations {
  pearson: number;
  spearman: number;
  oov_ratio_percent: number;
}

const readJson = (name: string) => JSON.parse(readFileSync(fixture('reference', name), 'utf8'));
const questions = () => evalSet('questions-words.txt');

/** Same keys in the same order where scores differ by more than `tolerance`, and scores within it. */
function expectRanking(got: { key: string; score: number }[], expected: Scored, tolerance: number): void {
  expect(got).toHaveLength(expected.length);
  got.forEach(({ key, score }, i) => {
    const [expectedKey, expectedScore] = expected[i]!;
    expect(score).toBeCloseTo(expectedScore, -Math.log10(tolerance));
    if (key !== expectedKey) {
      const other = expected.find(([k]) => k === key);
      expect(other && Math.abs(other[1] - expectedScore)).toBeLessThan(tolerance);
    }
  });
}

function expectSections(got: Awaited<ReturnType<typeof evaluateWordAnalogies>>, expected: Sections): void {
  expect(got.sections.map(({ section, correct, incorrect }) => ({ section, correct, incorrect }))).toEqual(
    expected.sections,
  );
  expect(got.accuracy).toBeCloseTo(expected.accuracy, 12);
}

function expectCorrelations(
  got: Awaited<ReturnType<typeof evaluateWordPairs>>,
  expected: Correlations,
): void {
  expect(got.pearson).toBeCloseTo(expected.pearson, 4);
  expect(got.spearman).toBeCloseTo(expected.spearman, 4);
  expect(got.oovRatio).toBeCloseTo(expected.oov_ratio_percent, 10);
}

describe('gensim 4.2 on gensim-text8head-sg25.bin (22,541 words, dim 25)', () => {
  const reference = readJson('gensim-text8head-sg25.gensim-eval.json');
  let vectors: WordVectors;
  beforeAll(async () => {
    vectors = await readVectors(fixture('reference', 'gensim-text8head-sg25.bin'));
  });

  it('has the vocabulary gensim loaded', () => {
    expect(vectors.size).toBe(reference.vocab);
  });

  it.each([30000, 300000])(
    'gives the same correct/incorrect counts in every section with restrictVocab %i',
    async (restrictVocab) => {
      const result = await evaluateWordAnalogies(vectors, questions(), { restrictVocab });
      expectSections(result, reference.analogy[`restrict_vocab=${restrictVocab}`]);
      expect(result).toMatchObject({ questions: 19544, skipped: 0 });
      expect(result.oov + result.sections.at(-1)!.correct + result.sections.at(-1)!.incorrect).toBe(19544);
    },
  );

  it.each(['wordsim353.tsv', 'simlex999.txt'])(
    'gives the same correlations and OOV ratio on %s',
    async (file) => {
      expectCorrelations(await evaluateWordPairs(vectors, evalSet(file)), reference.similarity[file]);
    },
  );

  it('gives the same 10 nearest neighbours (ExactIndex, mostSimilar and one batch)', () => {
    const index = new ExactIndex(vectors);
    const words = Object.keys(reference.most_similar);
    const batch = index.nearestBatch(words, { k: 10 });
    words.forEach((word, i) => {
      const expected = reference.most_similar[word] as Scored;
      expectRanking(index.nearest(word), expected, 1e-5);
      expectRanking(mostSimilar(vectors, { positive: [word] }), expected, 1e-5);
      expect(batch[i]).toEqual(index.nearest(word));
    });
  });

  it('solves king - man + woman as gensim does with 3CosAdd and 3CosMul', () => {
    const query = { positive: ['king', 'woman'], negative: ['man'], topn: 5 };
    expectRanking(mostSimilar(vectors, query), reference.analogy_3cosadd_king_man_woman, 1e-5);
    expectRanking(mostSimilarCosmul(vectors, query), reference.analogy_3cosmul_king_man_woman, 1e-5);
  });
});

describe('gensim 4.2 on w2v-lee-sg.bin (mixed case, dim 20)', () => {
  const reference = readJson('gensim-expected.json');
  let vectors: WordVectors;
  beforeAll(async () => {
    vectors = await readVectors(fixture('reference', 'w2v-lee-sg.bin'));
  });

  it('gives the same top 5 most_similar words and scores', () => {
    for (const [word, expected] of Object.entries(reference.most_similar as Record<string, Scored>)) {
      expectRanking(mostSimilar(vectors, { positive: [word], topn: 5 }), expected, 1e-5);
    }
  });

  it('gives the same 3CosAdd and 3CosMul analogy answers', () => {
    for (const [method, solve] of [
      ['analogy_3cosadd', mostSimilar],
      ['analogy_3cosmul', mostSimilarCosmul],
    ] as const) {
      const { positive, negative, result } = reference[method];
      expectRanking(solve(vectors, { positive, negative, topn: result.length }), result, 1e-5);
    }
  });

  it('gives the same word-pair correlations on wordsim353.tsv', async () => {
    const result = await evaluateWordPairs(vectors, evalSet('wordsim353.tsv'));
    expectCorrelations(result, reference.evaluate_word_pairs_wordsim353);
  });

  it('gives the same analogy sections', async () => {
    expectSections(await evaluateWordAnalogies(vectors, questions()), reference.evaluate_word_analogies);
  });
});
