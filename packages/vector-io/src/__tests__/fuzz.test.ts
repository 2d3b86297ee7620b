/**
 * Fuzzing of the vector readers (issue 15): word2vec text and binary, GloVe text and fastText
 * `.vec`, each fed FUZZ_RUNS (10,000 by default) mutations of excerpts of real files written by
 * the C tool, gensim, GloVe and fastText (see test-utils/fuzz.ts for the mutations and checks).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbeddingError } from '@embedkit/core-math';
import { afterAll, describe, it } from 'vitest';
import { concat } from '#test-utils/bytes.js';
import { fixture } from '#test-utils/fixtures.js';
import { checkReader, FUZZ_RUNS, fuzz, mutatedInputs, someLines } from '#test-utils/fuzz.js';
import { parseVectors, readVectors, type VectorFormat } from '../index.js';

const folder = mkdtempSync(join(tmpdir(), 'embedkit-fuzz-vectors-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const reference = (file: string) => new Uint8Array(readFileSync(fixture('reference', file)));

/** The header and first `count` vector lines of a text file with a header, the header's count set to `count`. */
function textExcerpt(file: string, count: number): Uint8Array {
  const bytes = reference(file);
  const dim = new TextDecoder()
    .decode(someLines(bytes, 0, 1))
    .trim()
    .split(/\s+/)[1];
  return concat(`${count} ${dim}\n`, someLines(bytes, 1, count));
}

/** The header and first `count` records of a word2vec binary file, as the tool wrote them. */
function binaryExcerpt(file: string, count: number): Uint8Array {
  const bytes = reference(file);
  const headerEnd = bytes.indexOf(0x0a) + 1;
  const dim = Number(new TextDecoder().decode(bytes.subarray(0, headerEnd)).trim().split(/\s+/)[1]);
  let end = headerEnd;
  for (let record = 0; record < count; record++) {
    end = bytes.indexOf(0x20, end) + 1 + 4 * dim;
    if (bytes[end] === 0x0a) end++;
  }
  return concat(`${count} ${dim}\n`, bytes.subarray(headerEnd, end));
}

const SEEDS: Record<VectorFormat, Uint8Array[]> = {
  'word2vec-text': [textExcerpt('w2v-lee-cbow.txt', 4), textExcerpt('gensim-lee-sg.txt', 3)],
  'word2vec-binary': [binaryExcerpt('w2v-lee-sg.bin', 4), binaryExcerpt('gensim-lee-sg.bin', 4)],
  glove: [someLines(reference('glove-lee.txt'), 0, 4)],
  'fasttext-vec': [textExcerpt('ft-lee-nosub.vec', 4), textExcerpt('gensim-testdata-lee_fasttext.vec', 3)],
};

describe('fuzzing the vector readers', () => {
  for (const [format, seeds] of Object.entries(SEEDS) as [VectorFormat, Uint8Array[]][]) {
    it(`${format}: only EmbeddingErrors, bounded allocation, every case ends`, async () => {
      // Half the cases read with the format given, half with detection, so the sniffer is fuzzed too.
      let detect = false;
      await fuzz(mutatedInputs(seeds), {
        read: (input) => {
          detect = !detect;
          return parseVectors(input, detect ? { file: 'fuzzed' } : { format, file: 'fuzzed' });
        },
        isExpected: isEmbeddingError,
      });
    });
  }

  it('every format, streamed from disk in 256-byte chunks (a twentieth of FUZZ_RUNS): the same promises', async () => {
    const path = join(folder, 'fuzzed.vec');
    await fuzz(
      mutatedInputs(Object.values(SEEDS).flat()),
      {
        read: async (input) => {
          await writeFile(path, input);
          return readVectors(path, { chunkSize: 256 });
        },
        isExpected: isEmbeddingError,
      },
      Math.ceil(FUZZ_RUNS / 20),
    );
  });

  it('glove: blank lines do not size the matrix (a 12 kB file allocated 40 MB before)', async () => {
    const wide = concat(`w${' 1'.repeat(1000)}\n`, '\n'.repeat(10_000));
    await checkReader(wide, {
      read: (input) => parseVectors(input, { format: 'glove' }),
      isExpected: isEmbeddingError,
    });
  });
});
