import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random, WordVectors } from '@embedkit/core-math';
import { readVectors, serializeVectors } from '@embedkit/vector-io';
import { beforeAll, expect, it } from 'vitest';
import { describeIf, evalSet, fixture, hasGensim, runPython } from '#test-utils/fixtures.js';
import {
  evaluateWordAnalogies,
  evaluateWordPairs,
  mostSimilar,
  mostSimilarCosmul,
  type Neighbor,
} from '../index.js';

/**
 * A model where analogies mostly hold: 30 pairs (x_i, y_i = x_i + shared offset + noise), plus
 * upper-case variants of some words placed after them with nearly the same vector, so the
 * case-variant rules of gensim's evaluation matter.
 */
function structuredModel(): { vectors: WordVectors; questions: string; pairs: string } {
  const random = new Random(42);
  const dim = 10;
  const gauss = () => random.nextFloat() + random.nextFloat() + random.nextFloat() - 1.5;
  const offset = Array.from({ length: dim }, gauss);
  const keys: string[] = [];
  const rows: number[][] = [];
  for (let i = 0; i < 30; i++) {
    const x = Array.from({ length: dim }, gauss);
    keys.push(`x${i}`, `y${i}`);
    rows.push(
      x,
      x.map((v, j) => v + offset[j]! + 0.6 * gauss()),
    );
  }
  for (let i = 0; i < 60; i += 4) {
    keys.push(keys[i]!.toUpperCase());
    rows.push(rows[i]!.map((v) => v + 0.05 * gauss()));
  }
  const matrix = Float32Array.from(rows.flat());
  const vectors = new WordVectors(keys, matrix, dim);
  const lines = [': first'];
  for (let q = 0; q < 300; q++) {
    if (q === 150) lines.push(': second');
    const i = random.nextInt(30);
    const j = random.nextInt(30);
    const word = (w: string) => (random.nextFloat() < 0.2 ? w.toUpperCase() : w);
    lines.push(
      [`x${i}`, `y${i}`, `x${j}`, random.nextFloat() < 0.05 ? 'unknown' : `y${j}`].map(word).join(' '),
    );
  }
  lines.push('not a question', ': empty');
  const pairLines = ['# generated'];
  for (let p = 0; p < 80; p++) {
    const a = keys[random.nextInt(keys.length)]!;
    const b = random.nextFloat() < 0.1 ? 'missing' : keys[random.nextInt(keys.length)]!;
    pairLines.push(`${a.toLowerCase()}\t${b}\t${(random.nextFloat() * 10).toFixed(2)}`);
  }
  pairLines.push('broken\tline');
  return { vectors, questions: `${lines.join('\n')}\n`, pairs: `${pairLines.join('\n')}\n` };
}

const GENSIM = `
import json, sys, logging
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True)
out = {'analogies': {}, 'pairs': {}, 'most_similar': [], 'cosmul': []}
for restrict in (300000, 70):
    for case in (True, False):
        score, sections = kv.evaluate_word_analogies(sys.argv[2], restrict_vocab=restrict, case_insensitive=case)
        out['analogies'][f'{restrict}-{case}'] = [[s['section'], len(s['correct']), len(s['incorrect'])] for s in sections]
        p, s, oov = kv.evaluate_word_pairs(sys.argv[3], restrict_vocab=restrict, case_insensitive=case)
        out['pairs'][f'{restrict}-{case}'] = [p[0], s[0], oov]
for query in json.loads(sys.argv[4]):
    out['most_similar'].append(kv.most_similar(**query))
    if query['positive']:
        out['cosmul'].append(kv.most_similar_cosmul(positive=query['positive'], negative=query['negative'], topn=query['topn']))
print(json.dumps(out))
`;

const QUERIES = [
  { positive: ['x1', 'y2'], negative: ['x2'], topn: 10 },
  { positive: ['X0'], negative: [], topn: 8 },
  { positive: ['y3', 'y4', 'x5'], negative: ['x6', 'y7'], topn: 6 },
  { positive: [], negative: ['x9'], topn: 5 },
  { positive: ['x1', 'y2'], negative: ['x2'], topn: 4, restrict_vocab: 40 },
];

function expectSameNeighbors(got: Neighbor[], expected: [string, number][]): void {
  expect(got.map((n) => n.key)).toEqual(expected.map(([key]) => key));
  got.forEach((n, i) => {
    expect(n.score).toBeCloseTo(expected[i]![1], 5);
  });
}

describeIf(hasGensim, 'gensim 4.2 is needed (apt-get install -y python3-gensim)')(
  'gensim 4.2 live, on a generated model with case variants',
  () => {
    const { vectors, questions, pairs } = structuredModel();
    let gensim: {
      analogies: Record<string, [string, number, number][]>;
      pairs: Record<string, [number, number, number]>;
      most_similar: [string, number][][];
      cosmul: [string, number][][];
    };
    const dir = mkdtempSync(join(tmpdir(), 'similarity-gensim-'));
    const files = {
      model: join(dir, 'model.bin'),
      questions: join(dir, 'q.txt'),
      pairs: join(dir, 'pairs.tsv'),
    };

    beforeAll(() => {
      writeFileSync(files.model, serializeVectors(vectors, 'word2vec-binary'));
      writeFileSync(files.questions, questions);
      writeFileSync(files.pairs, pairs);
      gensim = JSON.parse(
        runPython(GENSIM, [files.model, files.questions, files.pairs, JSON.stringify(QUERIES)]),
      );
    });

    it.each([
      [300000, true],
      [300000, false],
      [70, true],
      [70, false],
    ])(
      'evaluates analogies like gensim (restrictVocab %i, caseInsensitive %s)',
      async (restrictVocab, caseInsensitive) => {
        const result = await evaluateWordAnalogies(vectors, files.questions, {
          restrictVocab,
          caseInsensitive,
        });
        const expected = gensim.analogies[`${restrictVocab}-${caseInsensitive ? 'True' : 'False'}`]!;
        expect(result.sections.map((s) => [s.section, s.correct, s.incorrect])).toEqual(expected);
        expect(expected.at(-1)![1]).toBeGreaterThan(20);
        expect(result.skippedLines).toEqual([303]);
      },
    );

    it.each([
      [300000, true],
      [300000, false],
      [70, true],
      [70, false],
    ])(
      'evaluates word pairs like gensim (restrictVocab %i, caseInsensitive %s)',
      async (restrictVocab, caseInsensitive) => {
        const result = await evaluateWordPairs(vectors, files.pairs, { restrictVocab, caseInsensitive });
        const [pearson, spearman, oov] =
          gensim.pairs[`${restrictVocab}-${caseInsensitive ? 'True' : 'False'}`]!;
        expect(result.pearson).toBeCloseTo(pearson, 6);
        expect(result.spearman).toBeCloseTo(spearman, 6);
        expect(result.oovRatio).toBeCloseTo(oov, 10);
        expect(result.skippedLines).toEqual([82]);
      },
    );

    it('answers most_similar and most_similar_cosmul like gensim', () => {
      let cosmul = 0;
      QUERIES.forEach((query, i) => {
        const options = { positive: query.positive, negative: query.negative, topn: query.topn };
        const restrictVocab = query.restrict_vocab;
        expectSameNeighbors(mostSimilar(vectors, { ...options, restrictVocab }), gensim.most_similar[i]!);
        if (query.positive.length > 0 && restrictVocab === undefined) {
          expectSameNeighbors(mostSimilarCosmul(vectors, options), gensim.cosmul[cosmul]!);
        }
        if (query.positive.length > 0) cosmul++;
      });
    });
  },
);

describeIf(hasGensim, 'gensim 4.2 is needed')(
  'gensim 4.2 live, word pairs from the eval-word-vectors collection (no header, some CRLF)',
  () => {
    let vectors: WordVectors;
    const files = ['EN-WS-353-ALL.txt', 'EN-SIMLEX-999.txt', 'EN-RG-65.txt', 'EN-MC-30.txt'];
    let expected: [number, number, number][];
    beforeAll(async () => {
      const model = fixture('reference', 'gensim-text8head-sg25.bin');
      vectors = await readVectors(model);
      const code = `
import json, sys
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=True)
print(json.dumps([[r[0][0], r[1][0], r[2]] for r in (kv.evaluate_word_pairs(f) for f in sys.argv[2:])]))`;
      expected = JSON.parse(runPython(code, [model, ...files.map((f) => evalSet(f))]));
    });

    it.each(files.map((file, i) => [file, i] as const))('%s', async (file, i) => {
      const result = await evaluateWordPairs(vectors, evalSet(file));
      const [pearson, spearman, oov] = expected[i]!;
      expect(result.pearson).toBeCloseTo(pearson, 5);
      expect(result.spearman).toBeCloseTo(spearman, 5);
      expect(result.oovRatio).toBeCloseTo(oov, 10);
      expect(result.skipped).toBe(0);
    });
  },
);
