import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError, IoError, WordVectors } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseVectors, serializeVectors } from '../index.js';
import { concat, float32Bytes, utf8 } from './bytes.js';

describe('detectFormat', () => {
  const sample = new WordVectors(['a', 'b'], Float32Array.from([0.25, -1, 3, 4e-6]), 2);

  it('tells every written format apart (fastText .vec is word2vec text)', () => {
    expect(detectFormat(serializeVectors(sample, 'word2vec-text'))).toBe('word2vec-text');
    expect(detectFormat(serializeVectors(sample, 'fasttext-vec'))).toBe('word2vec-text');
    expect(detectFormat(serializeVectors(sample, 'word2vec-binary'))).toBe('word2vec-binary');
    expect(detectFormat(serializeVectors(sample, 'glove'))).toBe('glove');
  });

  it('recognises binary files with and without a newline after each vector', () => {
    expect(detectFormat(concat('1 3\na ', float32Bytes(0.5, 0.25, 2)))).toBe('word2vec-binary');
    expect(detectFormat(concat('2 1\na ', float32Bytes(0.5), '\nb ', float32Bytes(1), '\n'))).toBe(
      'word2vec-binary',
    );
  });

  it('reads a one-dimensional GloVe file whose first line looks like a header as GloVe', () => {
    const bytes = utf8('3 5\n7 1\n');
    expect(detectFormat(bytes)).toBe('glove');
    expect([...parseVectors(bytes).keys()]).toEqual(['3', '7']);
  });

  it('takes a header that matches the next line as a header', () => {
    expect(detectFormat(utf8('2 1\n7 1\n8 2\n'))).toBe('word2vec-text');
    expect(detectFormat(utf8('0 5\n'))).toBe('word2vec-text');
    expect(parseVectors(utf8('0 5\n')).dim).toBe(5);
  });

  it('leaves a bad second text line to the text reader, which names it', () => {
    const bytes = utf8('2 3\nthe 1 2 nan\nof 1 2 3\n');
    expect(detectFormat(bytes)).toBe('word2vec-text');
    expect(() => parseVectors(bytes)).toThrow(
      'line 2: expected a finite number as value 3 of 3, found "nan"',
    );
  });

  it('skips a byte-order mark and blank lines before the first line', () => {
    expect(detectFormat(concat([0xef, 0xbb, 0xbf], '\nthe 1 2\n'))).toBe('glove');
  });

  it('throws FormatError for an empty file and IoError for a missing one', async () => {
    expect(() => detectFormat(new Uint8Array(0))).toThrow(FormatError);
    expect(() => detectFormat(utf8(' \n\n'))).toThrow(FormatError);
    const dir = await mkdtemp(join(tmpdir(), 'vector-io-detect-'));
    try {
      await writeFile(join(dir, 'empty.txt'), '');
      await expect(detectFormat(join(dir, 'empty.txt'))).rejects.toBeInstanceOf(FormatError);
      await expect(detectFormat(join(dir, 'missing.txt'))).rejects.toBeInstanceOf(IoError);
      await writeFile(join(dir, 'model.bin'), serializeVectors(sample, 'word2vec-binary'));
      await expect(detectFormat(join(dir, 'model.bin'))).resolves.toBe('word2vec-binary');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
