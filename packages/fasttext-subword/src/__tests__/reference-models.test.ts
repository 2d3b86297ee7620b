import { readFileSync } from 'node:fs';
import { describeIf, fixture, hasFastText, hasGensim, runPython } from '#test-utils/fixtures.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FastTextModel, readFastTextBin } from '../index.js';
import { asPrinted, parsePrintedVectors, readPrintedVectors, runFastText } from './printed-vectors.js';

const reference = (name: string): string => fixture('reference', name);
const probeWords = (): string[] =>
  readFileSync(reference('oov-probe-words.txt'), 'utf8').split(/\s+/).filter(Boolean);

describe('models written by fastText 0.9.2', () => {
  for (const name of ['ft-lee-sg', 'ft-lee-cbow', 'ft-lee-nosub']) {
    it(`${name}.bin gives print-word-vectors' vectors for in-vocabulary and OOV words`, async () => {
      const model = await readFastTextBin(reference(`${name}.bin`));
      const printed = readPrintedVectors(reference(`${name}.print-word-vectors.txt`));
      const words = probeWords();
      expect(words.some((w) => model.has(w)) && words.some((w) => !model.has(w))).toBe(true);
      for (const word of words) expect(asPrinted(model.vector(word)), word).toEqual(printed.get(word));
    });

    it(`${name}.bin gives the in-vocabulary vectors of ${name}.vec`, async () => {
      const model = await readFastTextBin(reference(`${name}.bin`));
      const vec = readPrintedVectors(reference(`${name}.vec`), true);
      expect(vec.size).toBe(model.size);
      expect([...model.keys()]).toEqual([...vec.keys()]);
      const vectors = model.wordVectors;
      for (const [word, values] of vec) expect(asPrinted(vectors.vector(word)!), word).toEqual(values);
    });
  }

  it('ft-lee-nosub has no subwords: OOV words get the zero vector, known words their own row', async () => {
    const model = await readFastTextBin(reference('ft-lee-nosub.bin'));
    expect(model.args.maxn).toBe(0);
    expect(model.subwords('zzyzxq')).toEqual({ ngrams: [], rows: new Int32Array(0) });
    expect(Array.from(model.vector('zzyzxq'))).toEqual(new Array(model.dim).fill(0));
    const id = model.id('the');
    expect(Array.from(model.vector('the'))).toEqual(
      Array.from(model.inputMatrix.subarray(id * model.dim, (id + 1) * model.dim)),
    );
  });

  it('ft-lee-sg sentence vectors equal print-sentence-vectors', async () => {
    const model = await readFastTextBin(reference('ft-lee-sg.bin'));
    const sentences = readFileSync(reference('sentence-probe.txt'), 'utf8').split('\n').filter(Boolean);
    const printed = readFileSync(reference('ft-lee-sg.print-sentence-vectors.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.trim().split(' ').map(Number));
    expect(sentences).toHaveLength(printed.length);
    for (const [i, sentence] of sentences.entries()) {
      expect(asPrinted(model.sentenceVector(sentence)), sentence).toEqual(printed[i]);
    }
  });

  it('matches gensim-expected.json fasttext_oov', async () => {
    const expected = JSON.parse(readFileSync(reference('gensim-expected.json'), 'utf8')).fasttext_oov as {
      model: string;
      zzyzxq_first5: number[];
    };
    const model = await readFastTextBin(reference(expected.model));
    expect(model.has('zzyzxq')).toBe(false);
    const ours = Array.from(model.vector('zzyzxq').subarray(0, 5));
    for (const [i, value] of ours.entries()) expect(value).toBeCloseTo(expected.zzyzxq_first5[i]!, 6);
  });

  it('loads the old layout without magic number (gensim-testdata-lee_fasttext.bin) and matches its .vec', async () => {
    const model = await readFastTextBin(reference('gensim-testdata-lee_fasttext.bin'));
    expect(model.args).toMatchObject({
      dim: 10,
      bucket: 1000,
      minn: 3,
      maxn: 6,
      model: 'skipgram',
      loss: 'ns',
    });
    const vec = readPrintedVectors(reference('gensim-testdata-lee_fasttext.vec'), true);
    expect([...model.keys()]).toEqual([...vec.keys()]);
    for (const [word, values] of vec)
      expect(asPrinted(model.wordVectors.vector(word)!), word).toEqual(values);
  });
});

describeIf(hasFastText, 'fastText is not installed')(
  'the real fasttext binary on the reference models',
  () => {
    it.runIf(hasFastText)('print-ngrams lists the n-grams subwords() gives, with the same rows', async () => {
      const model = await readFastTextBin(fixture('reference', 'ft-lee-sg.bin'));
      for (const word of ['the', 'government', 'naïve', '日本語', 'ab', 'x']) {
        const printed = runFastText(['print-ngrams', fixture('reference', 'ft-lee-sg.bin'), word], '')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.trim().split(' '));
        const { ngrams, rows } = model.subwords(word);
        expect(ngrams, word).toEqual(printed.map((fields) => fields[0]));
        rows.forEach((row, i) => {
          const ours = asPrinted(model.inputMatrix.subarray(row * model.dim, (row + 1) * model.dim));
          expect(ours, `${word}: ${ngrams[i]}`).toEqual(printed[i]!.slice(1).map(Number));
        });
      }
    });
  },
);

describeIf(hasGensim && hasFastText, 'gensim or fastText is not installed')(
  'a .bin written by gensim 4.2',
  () => {
    let model: FastTextModel;
    const words = ['the', 'government', 'australia', 'zzyzxq', 'reconstructionism', 'unbelievably', 'naïve'];
    beforeAll(async () => {
      model = await readFastTextBin(fixture('reference', 'gensim-lee-fasttext.bin'));
    });

    it('gives the vectors gensim computes, in and out of vocabulary', () => {
      const script = [
        'import json, sys',
        'from gensim.models.fasttext import load_facebook_model',
        'wv = load_facebook_model(sys.argv[1]).wv',
        'print(json.dumps({w: [float(x) for x in wv[w]] for w in sys.argv[2:]}))',
      ].join('\n');
      const expected = JSON.parse(
        runPython(script, [fixture('reference', 'gensim-lee-fasttext.bin'), ...words]),
      );
      expect(model.has('the') && !model.has('zzyzxq')).toBe(true);
      for (const word of words) {
        const ours = Array.from(model.vector(word));
        for (const [i, value] of ours.entries()) expect(value, word).toBeCloseTo(expected[word][i], 5);
      }
    });

    it('gives the vectors fastText prints for it', () => {
      const printed = parsePrintedVectors(
        runFastText(
          ['print-word-vectors', fixture('reference', 'gensim-lee-fasttext.bin')],
          words.join('\n'),
        ),
      );
      for (const word of words) expect(asPrinted(model.vector(word)), word).toEqual(printed.get(word));
    });
  },
);
