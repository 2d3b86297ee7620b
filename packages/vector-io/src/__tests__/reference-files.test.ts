import { readFile } from 'node:fs/promises';
import type { WordVectors } from '@embedkit/core-math';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeIf, fixture, hasGensim } from '#test-utils/fixtures.js';
import { detectFormat, parseVectors, readVectors, serializeVectors, type VectorFormat } from '../index.js';
import { type GensimResult, loadWithGensim, maxRelativeDifference } from './gensim-loader.js';

/** Every vector file in fixtures/reference, the format it is in, and who wrote it. */
const REFERENCE_FILES: ReadonlyArray<{ name: string; format: VectorFormat }> = [
  { name: 'w2v-lee-sg.bin', format: 'word2vec-binary' }, // word2vec C tool, '\n' after each vector
  { name: 'gensim-text8head-sg25.bin', format: 'word2vec-binary' },
  { name: 'w2v-lee-cbow.txt', format: 'word2vec-text' }, // C tool text: a space after every value
  { name: 'gensim-lee-sg.bin', format: 'word2vec-binary' }, // gensim: no '\n' after vectors
  { name: 'gensim-lee-sg.txt', format: 'word2vec-text' },
  { name: 'glove-lee.txt', format: 'glove' },
  { name: 'ft-lee-sg.vec', format: 'word2vec-text' },
  { name: 'ft-lee-cbow.vec', format: 'word2vec-text' },
  { name: 'ft-lee-nosub.vec', format: 'word2vec-text' },
  { name: 'gensim-testdata-lee_fasttext.vec', format: 'word2vec-text' },
];

const path = (name: string) => fixture('reference', name);

function expectSameAsGensim(ours: WordVectors, gensim: GensimResult | undefined): void {
  if (gensim === undefined || !gensim.ok)
    throw new Error(`gensim failed: ${gensim?.ok === false ? gensim.error : '?'}`);
  expect(ours.dim).toBe(gensim.dim);
  expect([...ours.keys()]).toEqual(gensim.keys);
  expect(ours.matrix.length).toBe(gensim.vectors.length);
  expect(maxRelativeDifference(gensim.vectors, ours.matrix)).toBeLessThanOrEqual(1e-6);
}

describe('reference files', () => {
  it.each(REFERENCE_FILES)('detects the format of $name', async ({ name, format }) => {
    expect(await detectFormat(path(name))).toBe(format);
    expect(detectFormat(await readFile(path(name)))).toBe(format);
  });

  it('writes w2v-lee-sg.bin (word2vec C tool) back byte for byte', async () => {
    const original = await readFile(path('w2v-lee-sg.bin'));
    const vectors = await readVectors(path('w2v-lee-sg.bin'));
    expect(Buffer.from(serializeVectors(vectors, 'word2vec-binary')).equals(original)).toBe(true);
  });

  it('writes gensim-lee-sg.txt back byte for byte (floats formatted as gensim formats them)', async () => {
    const original = await readFile(path('gensim-lee-sg.txt'));
    const vectors = await readVectors(path('gensim-lee-sg.txt'));
    expect(Buffer.from(serializeVectors(vectors, 'word2vec-text')).equals(original)).toBe(true);
  });

  it.each(REFERENCE_FILES)(
    'streams $name in small chunks to the same vectors as in memory',
    async ({ name }) => {
      const whole = parseVectors(await readFile(path(name)), { file: name });
      const streamed = await readVectors(path(name), { chunkSize: 4099 });
      expect([...streamed.keys()]).toEqual([...whole.keys()]);
      expect(streamed.matrix).toEqual(whole.matrix);
    },
  );

  it('reads the first vectors only with limit', async () => {
    const all = await readVectors(path('ft-lee-sg.vec'));
    const some = await readVectors(path('ft-lee-sg.vec'), { limit: 10 });
    expect([...some.keys()]).toEqual([...all.keys()].slice(0, 10));
    expect(some.matrix).toEqual(all.matrix.subarray(0, 10 * all.dim));
  });

  describeIf(hasGensim, 'gensim is not installed (apt-get install -y python3-gensim)')(
    'compared with gensim',
    () => {
      let gensim: GensimResult[] = [];
      let gensimLimited: GensimResult[] = [];
      const limited = ['w2v-lee-sg.bin', 'glove-lee.txt', 'ft-lee-cbow.vec'];

      beforeAll(() => {
        const loads = REFERENCE_FILES.map(({ name, format }) => ({
          path: path(name),
          binary: format === 'word2vec-binary',
          noHeader: format === 'glove',
        }));
        const limitedLoads = limited.map((name) => ({
          ...loads.find((l) => l.path === path(name))!,
          limit: 25,
        }));
        const results = loadWithGensim([...loads, ...limitedLoads]);
        gensim = results.slice(0, loads.length);
        gensimLimited = results.slice(loads.length);
      });

      it.each(REFERENCE_FILES.map((file, index) => ({ ...file, index })))(
        'reads $name as gensim does',
        async ({ name, index }) => {
          expectSameAsGensim(await readVectors(path(name)), gensim[index]);
        },
      );

      it.each(limited.map((name, index) => ({ name, index })))(
        'applies limit to $name as gensim does',
        async ({ name, index }) => {
          expectSameAsGensim(await readVectors(path(name), { limit: 25 }), gensimLimited[index]);
        },
      );
    },
  );
});
