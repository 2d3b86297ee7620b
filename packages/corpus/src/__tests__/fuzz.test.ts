/**
 * Fuzzing of the corpus reader (issue 15): FUZZ_RUNS (10,000 by default) mutations of the start
 * of lee_background.cor, read from bytes in chunks of random sizes (see test-utils/fuzz.ts for
 * the checks).
 */
import { readFileSync } from 'node:fs';
import { isEmbeddingError } from '@embedkit/core-math';
import { describe, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { fuzz, mutatedInputs } from '#test-utils/fuzz.js';
import { sentencesFromBytes } from '../index.js';

const lee = new Uint8Array(readFileSync(fixture('corpora', 'lee_background.cor'))).subarray(0, 1500);

/** The input in chunks of 1 to 997 bytes, as a stream delivers a file (pieces cut anywhere, in characters too). */
function* chunks(input: Uint8Array): Generator<Uint8Array> {
  for (let start = 0, size = 1; start < input.length; start += size, size = ((size * 31) % 997) + 1) {
    yield input.subarray(start, start + size);
  }
}

describe('fuzzing the corpus reader', () => {
  it('only EmbeddingErrors, bounded allocation, every case ends', async () => {
    await fuzz(mutatedInputs([lee]), {
      read: async (input) => {
        let tokens = 0;
        for await (const sentence of sentencesFromBytes(chunks(input), { maxSentenceLength: 50 }))
          tokens += sentence.length;
        return tokens;
      },
      isExpected: isEmbeddingError,
    });
  });
});
