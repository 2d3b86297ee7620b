import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, IoError, NumericError, WordVectors } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIf, hasFastText, hasGensim } from '#test-utils/fixtures.js';
import { readVectors, serializeVectors, VECTOR_FORMATS, type VectorFormat, writeVectors } from '../index.js';
import { loadWithGensim, maxRelativeDifference } from './gensim-loader.js';

/** Words and values that stress every writer: non-ASCII, prototype names, extreme floats. */
const SAMPLE = new WordVectors(
  ['the', '__proto__', 'constructor', 'naïve', '日本語', 'emoji😀', 'tab\there', 'x'],
  Float32Array.from(
    [
      [0.1, -0.2, 0.3],
      [1e-7, -1e-5, 1e16],
      [3.4028234663852886e38, -1.401298464324817e-45, 0],
      [-0, 1, 2],
      [123456789, 0.05133822560310364, -2.5],
      [1 / 3, 2 / 3, 1],
      [4, 5, 6],
      [7, 8, 9],
    ].flat(),
  ),
  3,
);

describe('writeVectors', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vector-io-write-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(VECTOR_FORMATS)('writes %s that reads back exactly', async (format) => {
    const file = join(dir, `sample.${format}`);
    await writeVectors(file, SAMPLE, { format });
    const back = await readVectors(file, { format });
    expect([...back.keys()]).toEqual([...SAMPLE.keys()]);
    expect(back.matrix).toEqual(SAMPLE.matrix);
    expect(await readFile(file)).toEqual(Buffer.from(serializeVectors(SAMPLE, format)));
  });

  it('writes the layouts the reference tools write', () => {
    const small = new WordVectors(['a', 'b'], Float32Array.from([1, 0.5, -0.25, 1e-5]), 2);
    expect(new TextDecoder().decode(serializeVectors(small, 'word2vec-text'))).toBe(
      '2 2\na 1.0 0.5\nb -0.25 1e-05\n',
    );
    expect(new TextDecoder().decode(serializeVectors(small, 'fasttext-vec'))).toBe(
      '2 2\na 1.0 0.5\nb -0.25 1e-05\n',
    );
    expect(new TextDecoder().decode(serializeVectors(small, 'glove'))).toBe('a 1.0 0.5\nb -0.25 1e-05\n');
    const binary = serializeVectors(small, 'word2vec-binary');
    expect(binary.length).toBe(4 + 2 * (2 + 8 + 1));
    expect(new TextDecoder().decode(binary.subarray(0, 6))).toBe('2 2\na ');
    expect(new DataView(binary.buffer).getFloat32(6 + 4, true)).toBe(0.5);
    expect(binary[14]).toBe(0x0a);
  });

  it('refuses words and values a file cannot hold', () => {
    const bad = (keys: string[], values = [1]) => new WordVectors(keys, Float32Array.from(values), 1);
    for (const format of VECTOR_FORMATS) {
      expect(() => serializeVectors(bad(['two words']), format)).toThrow(ConfigError);
      expect(() => serializeVectors(bad(['line\nbreak']), format)).toThrow(ConfigError);
      expect(() => serializeVectors(bad(['']), format)).toThrow(ConfigError);
      expect(() => serializeVectors(bad(['lone\ud800']), format)).toThrow(ConfigError);
      expect(() => serializeVectors(bad(['nan'], [Number.NaN]), format)).toThrow(NumericError);
      expect(() => serializeVectors(bad(['inf'], [Number.POSITIVE_INFINITY]), format)).toThrow(NumericError);
    }
    expect(() => serializeVectors(bad(['\ufeffbom']), 'glove')).toThrow(ConfigError);
    expect(() => serializeVectors(SAMPLE, 'word2vec' as VectorFormat)).toThrow(ConfigError);
  });

  it('leaves an existing file untouched when the write fails midway, and no temporary file behind', async () => {
    const file = join(dir, 'keep.txt');
    await writeFile(file, 'precious');
    // Several megabytes of output, so chunks reach the disk before the bad last word is met.
    const rows = 20_000;
    const keys = Array.from({ length: rows }, (_, i) => (i === rows - 1 ? 'bad word' : `w${i}`));
    const vectors = new WordVectors(keys, new Float32Array(rows * 50), 50);
    await expect(writeVectors(file, vectors, { format: 'word2vec-text' })).rejects.toBeInstanceOf(
      ConfigError,
    );
    expect(await readFile(file, 'utf8')).toBe('precious');
    expect((await readdir(dir)).filter((name) => name.includes('keep.txt'))).toEqual(['keep.txt']);
  });

  it('leaves an existing file untouched when cancelled', async () => {
    const file = join(dir, 'cancelled.bin');
    await writeFile(file, 'precious');
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeVectors(file, SAMPLE, { format: 'word2vec-binary', signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it('throws IoError when the directory does not exist', async () => {
    await expect(
      writeVectors(join(dir, 'missing', 'x.txt'), SAMPLE, { format: 'glove' }),
    ).rejects.toBeInstanceOf(IoError);
  });

  it('replaces an existing file', async () => {
    const file = join(dir, 'replace.vec');
    await writeFile(file, 'old');
    await writeVectors(file, SAMPLE, { format: 'fasttext-vec' });
    expect((await readVectors(file)).size).toBe(SAMPLE.size);
  });

  describeIf(hasGensim, 'gensim is not installed (apt-get install -y python3-gensim)')(
    'read by gensim',
    () => {
      it('gensim loads every format we write, with the same words and float32 values', async () => {
        const loads = await Promise.all(
          VECTOR_FORMATS.map(async (format) => {
            const file = join(dir, `for-gensim.${format}`);
            await writeVectors(file, SAMPLE, { format });
            return { path: file, binary: format === 'word2vec-binary', noHeader: format === 'glove' };
          }),
        );
        for (const result of loadWithGensim(loads)) {
          if (!result.ok) throw new Error(result.error);
          expect(result.keys).toEqual([...SAMPLE.keys()]);
          expect(result.vectors).toEqual(SAMPLE.matrix);
        }
      });
    },
  );

  describeIf(hasFastText, 'fastText is not installed (apt-get install -y fasttext)')(
    'read by fastText',
    () => {
      it('fastText 0.9.2 takes our .vec as -pretrainedVectors and returns the same vectors', async () => {
        const file = join(dir, 'pretrained.vec');
        const vectors = new WordVectors(
          ['cat', 'dog', '__proto__', 'naïve'],
          Float32Array.from([0.5, -1.25, 3, 1e-5, 0.1, 0.2, 0.3, 0.4, 1, 2, 3, 4, -0.75, 0.125, 9.5, -3]),
          4,
        );
        await writeVectors(file, vectors, { format: 'fasttext-vec' });
        const corpus = join(dir, 'corpus.txt');
        await writeFile(corpus, 'cat dog cat\n');
        // No epochs and no subwords: fastText's output vectors are the pretrained rows as loaded.
        execFileSync('fasttext', [
          'skipgram',
          '-input',
          corpus,
          '-output',
          join(dir, 'ft'),
          '-pretrainedVectors',
          file,
          '-dim',
          '4',
          '-epoch',
          '0',
          '-minCount',
          '1',
          '-maxn',
          '0',
          '-thread',
          '1',
          '-verbose',
          '0',
        ]);
        const back = await readVectors(join(dir, 'ft.vec'));
        for (const word of vectors.keys()) {
          // fastText prints 5 significant digits.
          expect(maxRelativeDifference(vectors.vector(word)!, back.vector(word)!), word).toBeLessThan(1e-4);
        }
      });
    },
  );
});
