import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIf, fixture, hasGensim, runRecorder } from '#test-utils/fixtures.js';
import { loadModel } from '../load-model.js';

/** What gensim 4.2's `load_facebook_vectors` gives (fixtures/gensim-test-data/make-expected.py). */
interface Expected {
  readonly encoding: string;
  readonly dim: number;
  readonly words: readonly string[];
  readonly vectors: readonly (readonly number[])[];
}

const EXPECTED_FILE = fixture('gensim-test-data', 'gensim-expected.json');
const recorded = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, Expected>;

/** The fastText files of gensim's test data, where the repository keeps them. */
const FILES: ReadonlyArray<[string, string]> = [
  ['cp852_fasttext.bin', fixture('gensim-test-data', 'cp852_fasttext.bin')],
  ['non_ascii_fasttext.bin', fixture('gensim-test-data', 'non_ascii_fasttext.bin')],
  ['gensim-testdata-lee_fasttext.bin', fixture('reference', 'gensim-testdata-lee_fasttext.bin')],
];

async function expectAsGensim(path: string, expected: Expected): Promise<void> {
  const model = await loadModel(path, { encoding: expected.encoding });
  expect(model.format).toBe('fasttext-bin');
  expect(model.vectors.dim).toBe(expected.dim);
  expect(model.vectors.keyList()).toEqual(expected.words);
  let maxDiff = 0;
  expected.vectors.forEach((values, row) => {
    const ours = model.vectors.vector(expected.words[row]!)!;
    values.forEach((value, j) => {
      maxDiff = Math.max(maxDiff, Math.abs(ours[j]! - value));
    });
  });
  expect(maxDiff).toBeLessThan(1e-6);
}

describe("gensim's old-layout fastText .bin files (no magic number, no version)", () => {
  it.each(FILES)('loads %s as gensim 4.2 does (recorded words and vectors)', async (name, path) => {
    await expectAsGensim(path, recorded[name]!);
  });

  it('reads cp852_fasttext.bin only with its encoding, and names the entry otherwise', async () => {
    const path = fixture('gensim-test-data', 'cp852_fasttext.bin');
    await expect(loadModel(path)).rejects.toThrow(
      /cp852_fasttext\.bin, byte \d+: expected entry 1 in UTF-8, found bytes that are not valid UTF-8/,
    );
    const replaced = await loadModel(path, { unicodeErrors: 'backslashreplace' });
    expect(replaced.vectors.keyList()[1]).toBe('kter\\xec');
  });

  it('refuses an unknown encoding before reading the file', async () => {
    await expect(
      loadModel(fixture('gensim-test-data', 'cp852_fasttext.bin'), { encoding: 'cp9999' }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  describe('damaged old-layout files', () => {
    let dir: string;
    const whole = readFileSync(fixture('gensim-test-data', 'non_ascii_fasttext.bin'));
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'embedkit-old-bin-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports a truncated file with its byte offset, not as a text file', async () => {
      const path = join(dir, 'truncated.bin');
      await writeFile(path, whole.subarray(0, 2000));
      await expect(loadModel(path)).rejects.toThrow(/truncated\.bin, byte \d+: expected .*truncated file/);
    });

    it('reports a header that is cut short as a FormatError', async () => {
      const path = join(dir, 'header.bin');
      await writeFile(path, whole.subarray(0, 40));
      await expect(loadModel(path)).rejects.toBeInstanceOf(FormatError);
    });

    it('reports a model code outside 1-3 with its offset', async () => {
      const path = join(dir, 'model-code.bin');
      const bytes = Uint8Array.from(whole);
      new DataView(bytes.buffer).setInt32(28, 9, true);
      await writeFile(path, bytes);
      // No longer a plausible fastText header: the text reader refuses it.
      await expect(loadModel(path)).rejects.toBeInstanceOf(FormatError);
    });
  });
});

describeIf(hasGensim, 'gensim 4.2 (python3-gensim) is needed to re-record the expected values')(
  'gensim-test-data against gensim itself',
  () => {
    it('gensim 4.2 still gives the recorded words and vectors', () => {
      const live = runRecorder('fixtures/gensim-test-data/make-expected.py') as Record<string, Expected>;
      expect(Object.keys(live)).toEqual(Object.keys(recorded));
      for (const [name, expected] of Object.entries(live)) {
        expect(expected.words).toEqual(recorded[name]!.words);
        expected.vectors.forEach((row, i) => {
          row.forEach((value, j) => {
            expect(Math.abs(value - recorded[name]!.vectors[i]![j]!)).toBeLessThan(1e-7);
          });
        });
      }
    });
  },
);
