/**
 * Fuzzing of the evaluation-set readers (issue 15): the analogy reader and the word-pair reader,
 * each fed FUZZ_RUNS (10,000 by default) mutations of excerpts of the sets the project ships (see
 * test-utils/fuzz.ts for the checks). The readers take text: the bytes go through `loadText`'s
 * strict UTF-8 decoding first, as a file does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbeddingError, WordVectors } from '@embedkit/core-math';
import { afterAll, describe, it } from 'vitest';
import { concat } from '#test-utils/bytes.js';
import { evalSet } from '#test-utils/fixtures.js';
import { fuzz, mutatedInputs, someLines } from '#test-utils/fuzz.js';
import { evaluateWordAnalogies, evaluateWordPairs } from '../index.js';

const folder = mkdtempSync(join(tmpdir(), 'embedkit-fuzz-sets-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const google = new Uint8Array(readFileSync(evalSet('questions-words.txt')));
const wordsim = new Uint8Array(readFileSync(evalSet('wordsim353.tsv')));

/** A model knowing the words of the excerpts, so that questions and pairs are evaluated, not skipped. */
const words = [
  'Athens',
  'Greece',
  'Baghdad',
  'Iraq',
  'Bangkok',
  'Thailand',
  'Beijing',
  'China',
  'love',
  'sex',
  'tiger',
  'cat',
];
const vectors = new WordVectors(
  words,
  Float32Array.from({ length: words.length * 3 }, (_, i) => Math.sin(i + 1)),
  3,
);

/** Reads the bytes as a file, as users give the sets. */
function asFile(name: string, input: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, input);
  return path;
}

describe('fuzzing the evaluation-set readers', () => {
  it('analogy sets: only EmbeddingErrors, bounded allocation, every case ends', async () => {
    const seeds = [someLines(google, 0, 6), concat(someLines(google, 0, 3), someLines(google, 8870, 4))];
    await fuzz(mutatedInputs(seeds), {
      read: (input) => evaluateWordAnalogies(vectors, asFile('analogies.txt', input)),
      isExpected: isEmbeddingError,
    });
  });

  it('word-pair sets: only EmbeddingErrors, bounded allocation, every case ends', async () => {
    await fuzz(mutatedInputs([someLines(wordsim, 0, 8)]), {
      read: (input) => evaluateWordPairs(vectors, asFile('pairs.tsv', input)),
      isExpected: isEmbeddingError,
    });
  });
});
