import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { AlgorithmRegistry, CancelledError, ConfigError, type TrainingProgress } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FASTTEXT_DEFAULTS,
  type FastTextModel,
  fasttextCbow,
  fasttextSkipgram,
  readFastTextBin,
  resolveFastTextOptions,
  trainFastText,
  writeFastTextBin,
} from '../index.js';
import { asPrinted, parsePrintedVectors, runFastText } from './printed-vectors.js';

const LEE = fixture('corpora', 'lee_background.cor');
const leeLines = (count: number): string[][] =>
  readFileSync(LEE, 'utf8')
    .split('\n')
    .slice(0, count)
    .map((line) => line.split(/\s+/).filter(Boolean));

describe('fastText training options', () => {
  it("has fastText's defaults", () => {
    expect(resolveFastTextOptions()).toEqual({ model: 'skipgram', ...FASTTEXT_DEFAULTS });
    expect(FASTTEXT_DEFAULTS).toMatchObject({
      lr: 0.05,
      dim: 100,
      window: 5,
      epochs: 5,
      minCount: 5,
      negative: 5,
    });
    expect(FASTTEXT_DEFAULTS).toMatchObject({
      minn: 3,
      maxn: 6,
      bucket: 2_000_000,
      sample: 1e-4,
      lrUpdateRate: 100,
    });
  });

  it('rejects unknown options and values out of range, naming the option', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ dims: 10 }, 'dims'],
      [{ dim: 0 }, 'dim'],
      [{ lr: -1 }, 'lr'],
      [{ minn: 5, maxn: 3 }, 'minn'],
      [{ bucket: 0 }, 'bucket'],
      [{ negative: 0 }, 'negative'],
      [{ sample: 2 }, 'sample'],
      [{ model: 'sup' }, 'model'],
      [{ hs: 'yes' }, 'hs'],
    ];
    for (const [options, option] of bad) {
      expect(() => resolveFastTextOptions(options as never), option).toThrow(ConfigError);
      expect(() => resolveFastTextOptions(options as never)).toThrow(`option ${option}:`);
    }
    expect(resolveFastTextOptions({ maxn: 0 }).bucket).toBe(0);
    await expect(
      trainFastText([['a', 'b']], { minCount: 1, bucket: 2 ** 31 - 1, dim: 1000 }),
    ).rejects.toThrow(/option bucket:.*\(words \+ bucket\) x dim/);
    expect(resolveFastTextOptions({ hs: true, negative: 0 }).hs).toBe(true);
  });

  it('registers as fasttext-skipgram and fasttext-cbow', async () => {
    const registry = new AlgorithmRegistry().register(fasttextSkipgram).register(fasttextCbow);
    expect(registry.ids()).toEqual(['fasttext-skipgram', 'fasttext-cbow']);
    expect(fasttextCbow.defaults).toBe(FASTTEXT_DEFAULTS);
    await expect(fasttextCbow.train([['a']], { model: 'skipgram' } as never)).rejects.toThrow(ConfigError);
  });
});

describe('fastText training on lee_background.cor', () => {
  const small = { dim: 8, bucket: 2000, epochs: 1, minCount: 2 };

  it('gives bit-identical vectors with one thread and a seed, different ones with another seed', async () => {
    const corpus = leeLines(60);
    const first = await trainFastText(corpus, small, { threads: 1, seed: 3 });
    const again = await trainFastText(corpus, small, { threads: 1, seed: 3 });
    const other = await trainFastText(corpus, small, { threads: 1, seed: 4 });
    expect(again.inputMatrix).toEqual(first.inputMatrix);
    expect(again.outputMatrix).toEqual(first.outputMatrix);
    expect(other.inputMatrix).not.toEqual(first.inputMatrix);
  });

  it('trains CBOW with hierarchical softmax, reports progress and stops when cancelled', async () => {
    const corpus = leeLines(60);
    const progress: TrainingProgress[] = [];
    const model = await fasttextCbow.train(
      corpus,
      { ...small, hs: true },
      { threads: 1, seed: 1, onProgress: (p) => progress.push(p) },
    );
    expect(model.args).toMatchObject({ model: 'cbow', loss: 'hs', bucket: 2000, dim: 8 });
    expect(progress.some((p) => p.phase === 'training' && p.fraction === 1)).toBe(true);
    expect(Array.from(model.vector('the')).every(Number.isFinite)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(trainFastText(corpus, small, { signal: controller.signal })).rejects.toThrow(CancelledError);
  });

  describe('a skip-gram model of the whole corpus', () => {
    let model: FastTextModel;
    beforeAll(async () => {
      model = await fasttextSkipgram.train(
        LEE,
        { dim: 24, bucket: 20_000, epochs: 3, minCount: 3 },
        { threads: 1, seed: 7 },
      );
    });

    it('gives vectors near the right word to misspelled, unseen words', () => {
      const vectors = model.wordVectors;
      const unit = vectors.unitMatrix();
      const scores = new Float32Array(vectors.size);
      const pairs: Array<[string, string]> = [
        ['governmnet', 'government'],
        ['Palestinains', 'Palestinians'],
        ['securiti', 'security'],
        ['Australain', 'Australian'],
      ];
      for (const [typo, word] of pairs) {
        expect(model.has(typo) || !model.has(word)).toBe(false);
        const query = model.vector(typo);
        kernels().matVec(unit, 0, vectors.size, model.dim, query, 0, scores, 0);
        const rank = Array.from(scores).filter((score) => score > scores[vectors.requireIndex(word)]!).length;
        expect(rank, `${typo} -> ${word}`).toBeLessThan(5);
      }
    });

    it.runIf(hasFastText)(
      'saves a .bin that the real fastText loads and prints our vectors for',
      async () => {
        const path = join(mkdtempSync(join(tmpdir(), 'ft-train-')), 'lee.bin');
        await writeFastTextBin(path, model);
        const words = ['the', 'government', 'australia', 'governmnet', 'zzyzxq', 'naïve', '日本'];
        const printed = parsePrintedVectors(runFastText(['print-word-vectors', path], words.join('\n')));
        for (const word of words) expect(asPrinted(model.vector(word)), word).toEqual(printed.get(word));
        const reloaded = await readFastTextBin(path);
        expect(reloaded.inputMatrix).toEqual(model.inputMatrix);
      },
    );
  });
});

describeIf(hasFastText, 'fastText is not installed')('CBOW .bin in fastText', () => {
  it('loads a CBOW model without subwords in fastText', async () => {
    const model = await trainFastText(
      leeLines(40),
      { model: 'cbow', dim: 6, maxn: 0, epochs: 1, minCount: 2 },
      { threads: 1 },
    );
    const path = join(mkdtempSync(join(tmpdir(), 'ft-cbow-')), 'cbow.bin');
    await writeFastTextBin(path, model);
    const printed = parsePrintedVectors(runFastText(['print-word-vectors', path], 'the\nunseenword\n'));
    expect(asPrinted(model.vector('the'))).toEqual(printed.get('the'));
    expect(printed.get('unseenword')).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
