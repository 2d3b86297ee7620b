import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIf, hasGensim } from '#test-utils/fixtures.js';
import { readVectors } from '../index.js';
import { concat, float32Bytes } from './bytes.js';
import { type GensimResult, loadWithGensim } from './gensim-loader.js';

/** Hand-made files that exercise gensim's rules: repeated words, limits, odd whitespace, non-ASCII. */
const CASES = [
  { name: 'duplicates.txt', bytes: concat('4 2\na 1 2\nb 3 4\na 5 6\nc 7 8\n'), binary: false },
  {
    name: 'duplicates.bin',
    binary: true,
    bytes: concat('3 1\na ', float32Bytes(1), '\nb ', float32Bytes(2), '\na ', float32Bytes(3), '\n'),
  },
  { name: 'duplicates-glove.txt', bytes: concat('a 1\nb 2\na 3\nc 4\n'), binary: false, noHeader: true },
  { name: 'duplicates-limit.txt', bytes: concat('4 1\na 1\na 2\nb 3\nc 4\n'), binary: false, limit: 3 },
  { name: 'whitespace.txt', bytes: concat('2 3\r\nthe 1 2 3 \r\nof 4 5 6\t\r\n'), binary: false },
  { name: 'unicode.txt', bytes: concat('3 2\nnaïve 1 2\n日本語 3 4\n__proto__ 5 6\n'), binary: false },
  {
    name: 'unicode.bin',
    binary: true,
    bytes: concat('2 1\nnaïve ', float32Bytes(1), '__proto__ ', float32Bytes(2)),
  },
  { name: 'extra-lines.txt', bytes: concat('1 2\na 1 2\nb 3 4\n'), binary: false },
] as const;

describeIf(hasGensim, 'gensim is not installed (apt-get install -y python3-gensim)')(
  'the rules gensim reads by',
  () => {
    let dir = '';
    let gensim: GensimResult[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vector-io-gensim-'));
      for (const c of CASES) await writeFile(join(dir, c.name), c.bytes);
      gensim = loadWithGensim(
        CASES.map((c) => ({
          path: join(dir, c.name),
          binary: c.binary,
          noHeader: 'noHeader' in c ? c.noHeader : false,
          ...('limit' in c ? { limit: c.limit } : {}),
        })),
      );
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each(CASES.map((c, index) => ({ ...c, index })))('reads $name as gensim does', async (c) => {
      const expected = gensim[c.index]!;
      if (!expected.ok) throw new Error(expected.error);
      const ours = await readVectors(join(dir, c.name), {
        format: c.binary ? 'word2vec-binary' : 'noHeader' in c ? 'glove' : 'word2vec-text',
        ...('limit' in c ? { limit: c.limit } : {}),
      });
      // gensim 4.2 keeps the first vector of a repeated word, but leaves one `None` key and one
      // zero row per repeat at the end (its preallocated slots: the shrink it means to do is never
      // reached, as len(kv) counts them). We return the words and rows without those placeholders.
      const keys = expected.keys.filter((key) => key !== null);
      expect(expected.keys.slice(keys.length).every((key) => key === null)).toBe(true);
      expect([...ours.keys()]).toEqual(keys);
      expect(ours.matrix).toEqual(expected.vectors.subarray(0, keys.length * expected.dim));
    });
  },
);
