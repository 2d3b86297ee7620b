import { readFileSync } from 'node:fs';
import { readFastTextBin } from '@embedkit/fasttext-subword';
import { describeWithSharedData, sharedData } from '#test-utils/shared-data.js';
import { expect, it } from 'vitest';
import { TextEmbedder } from '../index.js';
import { expectClose } from './toy-embedders.js';

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describeWithSharedData('unit-mean pooling against fastText print-sentence-vectors', () => {
  const sentences = lines(sharedData('reference', 'sentence-probe.txt'));
  const expected = lines(sharedData('reference', 'ft-lee-sg.print-sentence-vectors.txt')).map((line) =>
    line.trim().split(' ').map(Number),
  );

  it('reproduces every sentence of ft-lee-sg.print-sentence-vectors.txt from the .bin model', async () => {
    const model = await readFastTextBin(sharedData('reference', 'ft-lee-sg.bin'));
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
