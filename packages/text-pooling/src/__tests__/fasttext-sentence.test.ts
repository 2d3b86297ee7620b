import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { readVectors } from '@embedkit/vector-io';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { describe, expect, it } from 'vitest';
import { TextEmbedder } from '../index.js';
import { expectClose } from './toy-embedders.js';

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('unit-mean pooling against fastText print-sentence-vectors', () => {
  const sentences = lines(fixture('reference', 'sentence-probe.txt'));
  const expected = lines(fixture('reference', 'ft-lee-sg.print-sentence-vectors.txt')).map((line) =>
    line.trim().split(' ').map(Number),
  );

  it('reproduces every sentence of ft-lee-sg.print-sentence-vectors.txt from the .bin model', async () => {
    const model = await readFastTextBin(fixture('reference', 'ft-lee-sg.bin'));
    const embedder = new TextEmbedder(model, { method: 'unit-mean', oov: 'subword' });
    expect(sentences.length).toBe(expected.length);
    sentences.forEach((sentence, i) => {
      // Printed with 5 significant digits.
      expectClose(embedder.embed(sentence).vector, expected[i]!, 2e-5);
    });
    // Both probe sentences hold words outside the vocabulary ("tuesday", "unbelievably"): leaving
    // them out gives another vector, so the subword policy is what makes the match.
    const skipping = new TextEmbedder(model, { method: 'unit-mean' }).embed(sentences[0]!);
    expect(skipping.skipped).toContain('tuesday');
    expect(() => expectClose(skipping.vector, expected[0]!, 2e-5)).toThrow();
  });
});

describeIf(hasFastText, 'needs the fasttext binary')(
  'unit-mean pooling over ft-lee-sg.vec against the fasttext binary',
  () => {
    it('matches print-sentence-vectors on in-vocabulary sentences of the lee corpus', async () => {
      const vectors = await readVectors(fixture('reference', 'ft-lee-sg.vec'));
      // The probe sentences and lee lines, cut down to the words the .vec holds (fastText would
      // build vectors for the others from subwords, which a .vec cannot).
      const source = [
        ...lines(fixture('reference', 'sentence-probe.txt')),
        ...lines(fixture('corpora', 'lee_background.cor')).slice(0, 25),
      ];
      const sentences = source
        .map((line) =>
          line
            .split(/\s+/u)
            .filter((word) => vectors.has(word))
            .join(' '),
        )
        .filter((line) => line !== '');
      expect(sentences[0]).toBe('the government said on');
      const printed = execFileSync(
        'fasttext',
        ['print-sentence-vectors', fixture('reference', 'ft-lee-sg.bin')],
        {
          input: `${sentences.join('\n')}\n`,
          encoding: 'utf8',
        },
      );
      const expected = printed
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => line.trim().split(' ').map(Number));
      expect(expected.length).toBe(sentences.length);
      const embedder = new TextEmbedder(vectors, { method: 'unit-mean' });
      const batch = embedder.embedMany(sentences);
      sentences.forEach((_, i) => {
        expectClose(batch.vectors.subarray(i * vectors.dim, (i + 1) * vectors.dim), expected[i]!, 2e-5);
      });
    });
  },
);
