import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbedder, isEmbeddingError, type TrainingProgress } from '@embedkit/core-math';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { TextEmbedder } from '@embedkit/text-pooling';
import { describe, expect, it } from 'vitest';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { FastTextClassifier, trainSupervised } from '../index.js';

const train = fixture('reference', 'sup-lee-train.txt');
const testText = readFileSync(fixture('reference', 'sup-lee-test.txt'), 'utf8');
const small = { dim: 8, epochs: 30, lr: 0.5, minCount: 2 } as const;

describe('trainSupervised', () => {
  it('learns the keyword labels about as well as fastText (P@1 0.583 on the same split, fixtures)', async () => {
    const messages: string[] = [];
    const classifier = await trainSupervised(
      train,
      { ...small, wordNgrams: 2, bucket: 1000 },
      {
        seed: 1,
        threads: 1,
        onProgress: (p: TrainingProgress) => void (p.message && messages.push(p.message)),
      },
    );
    expect(messages.join('\n')).toMatch(/skipped 1 lines without a label/);
    const fastText = Number(
      readFileSync(fixture('reference', 'sup-lee-softmax.test.txt'), 'utf8').match(/P@1\t(\S+)/)![1],
    );
    expect(classifier.test(testText).precision).toBeGreaterThanOrEqual(fastText - 0.05);
    // Still an Embedder of its words.
    expect(isEmbedder(classifier)).toBe(true);
    expect(classifier.has('police')).toBe(true);
    expect(classifier.textVector('police court\n')).toHaveLength(8);
    const text = new TextEmbedder(classifier).embed('the police and the court');
    expect([text.vector.length, text.empty, text.tokens]).toEqual([
      8,
      false,
      ['the', 'police', 'and', 'the', 'court'],
    ]);
    expect(classifier.vector('police')).toHaveLength(8);
  });

  it('is bit-identical with the same seed, for each loss', async () => {
    for (const loss of ['softmax', 'ns', 'hs', 'ova'] as const) {
      const a = await trainSupervised(train, { ...small, epochs: 2, loss }, { seed: 7, threads: 1 });
      const b = await trainSupervised(train, { ...small, epochs: 2, loss }, { seed: 7, threads: 1 });
      expect(a.model.inputMatrix).toEqual(b.model.inputMatrix);
      expect(a.model.outputMatrix).toEqual(b.model.outputMatrix);
      expect(a.model.args.loss).toBe(loss);
    }
  });

  it('trains on two worker threads (Hogwild) as well as on one', async () => {
    const options = { ...small, wordNgrams: 2, bucket: 1000 };
    const one = await trainSupervised(train, options, { seed: 1, threads: 1 });
    const two = await trainSupervised(train, options, { seed: 1, threads: 2 });
    expect(two.model.inputMatrix).not.toEqual(one.model.inputMatrix);
    expect(two.test(testText).precision).toBeGreaterThanOrEqual(one.test(testText).precision - 0.05);
  });

  it('reads several labels per line and a custom prefix (ova)', async () => {
    const lines = ['#a #b one two', '#a one three', '#b two four', 'no label here'];
    const classifier = await trainSupervised(
      lines.map((line) => line.split(' ')),
      { ...small, loss: 'ova', label: '#', minCount: 1, epochs: 50 },
      { seed: 1 },
    );
    expect([...classifier.labels].sort()).toEqual(['#a', '#b']);
    expect(
      classifier
        .predict('one two', { k: 2 })
        .map((p) => p.label)
        .sort(),
    ).toEqual(['#a', '#b']);
  });

  it('refuses a file with no labelled line, a label never seen in training, k 0 and threshold 2', async () => {
    await expect(trainSupervised([['just', 'words']], small)).rejects.toThrow(/no label/);
    await expect(trainSupervised([['just', 'words']], small)).rejects.toSatisfy((e) =>
      isEmbeddingError(e, 'FORMAT'),
    );
    const classifier = await trainSupervised(train, { ...small, epochs: 1 }, { seed: 1 });
    expect(() => classifier.test('__label__weather rain today\n', { file: 'held-out.txt' })).toThrow(
      /held-out.txt, line 1: .*__label__weather, a label never seen in training/,
    );
    expect(() => classifier.predict('police', { k: 0 })).toThrow(/option k: got 0/);
    expect(() => classifier.predict('police', { threshold: 2 })).toThrow(/option threshold: got 2/);
    await expect(trainSupervised(train, { loss: 'svm' as never })).rejects.toThrow(/option loss/);
  });

  it('refuses to classify with an unsupervised model', async () => {
    const skipgram = await readFastTextBin(fixture('reference', 'ft-lee-tiny.bin'));
    expect(() => new FastTextClassifier(skipgram)).toThrow(
      /option model: got "a skipgram model with 0 labels", expected a supervised model/,
    );
  });
});

describeIf(hasFastText, 'fastText is not installed')('our supervised .bin in fastText 0.9.2', () => {
  it('fasttext predict-prob agrees with our predictions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sup-bin-'));
    for (const options of [
      { loss: 'softmax', wordNgrams: 2, bucket: 1000 },
      { loss: 'hs' },
      { loss: 'ova', minn: 2, maxn: 4, bucket: 500 },
    ] as const) {
      const classifier = await trainSupervised(train, { ...small, ...options }, { seed: 3 });
      const path = join(dir, `${options.loss}.bin`);
      await classifier.save(path, 'fasttext-bin');
      const printed = execFileSync(
        'fasttext',
        ['predict-prob', path, fixture('reference', 'sup-lee-test.txt'), '2'],
        {
          encoding: 'utf8',
        },
      ).split('\n');
      const ours = classifier.predictLines(testText, { k: 2 });
      expect(ours.map((p) => p.map((x) => x.label).join(' '))).toEqual(
        printed.slice(0, ours.length).map((line) =>
          line
            .split(' ')
            .filter((_, j) => j % 2 === 0)
            .join(' '),
        ),
      );
      // fastText prints 6 significant digits of a float32 sum; ours agree to that precision.
      ours.forEach((predictions, i) => {
        const theirs = printed[i]!.split(' ')
          .filter((_, j) => j % 2 === 1)
          .map(Number);
        predictions.forEach(({ probability }, j) => {
          expect(Math.abs(probability - theirs[j]!), `${options.loss}, line ${i + 1}`).toBeLessThan(
            2e-5 + 1e-5 * theirs[j]!,
          );
        });
      });
    }
  });
});
