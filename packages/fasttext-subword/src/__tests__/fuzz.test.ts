/**
 * Fuzzing of the fastText `.bin` reader (issue 15): FUZZ_RUNS (10,000 by default) mutations of
 * a small model written by fastText 0.9.2 itself (see test-utils/fuzz.ts for the checks).
 *
 * fixtures/reference/ft-lee-tiny.bin (2,653 bytes) was made with
 * `head -c 3000 fixtures/corpora/lee_background.cor > tiny.txt; fasttext skipgram -input tiny.txt
 * -output ft-lee-tiny -dim 4 -bucket 64 -minCount 3 -epoch 1 -minn 3 -maxn 4 -thread 1`;
 * fixtures/reference/sup-lee-tiny.bin (1,798 bytes), a supervised model with labels and word
 * bigrams, as fixtures/README.md says.
 */
import { readFileSync } from 'node:fs';
import { isEmbeddingError } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { fuzz, mutatedInputs } from '#test-utils/fuzz.js';
import { parseFastTextBin } from '../index.js';

const tiny = new Uint8Array(readFileSync(fixture('reference', 'ft-lee-tiny.bin')));
const supervised = new Uint8Array(readFileSync(fixture('reference', 'sup-lee-tiny.bin')));

describe('fuzzing the fastText .bin reader', () => {
  it('reads the seed model', async () => {
    const model = await parseFastTextBin(tiny);
    expect(model.wordVectors.dim).toBe(4);
    expect(model.wordVectors.size).toBe(33);
    const labelled = await parseFastTextBin(supervised);
    expect([labelled.args.model, labelled.args.wordNgrams, labelled.labels.length]).toEqual([
      'supervised',
      2,
      5,
    ]);
  });

  it('only EmbeddingErrors, bounded allocation, every case ends', async () => {
    await fuzz(mutatedInputs([tiny, supervised]), {
      read: (input) => parseFastTextBin(input),
      isExpected: isEmbeddingError,
    });
  });
});
