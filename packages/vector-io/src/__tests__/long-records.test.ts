/**
 * Issue 15, items 5, 7 and 8: a file with one huge line is refused early and in linear time, the
 * format of a file whose first word is longer than the detection sample is still detected, and a
 * FIFO or a directory is refused before it is opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError, IoError, WordVectors } from '@embedkit/core-math';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, parseVectors, readVectors, serializeVectors, writeVectors } from '../index.js';
import { MAX_WORD_BYTES } from '../record-limits.js';

const folder = mkdtempSync(join(tmpdir(), 'embedkit-long-records-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A sparse file: `head`, then zero bytes up to `size` (no line break, no space). */
function sparseFile(name: string, head: string, size: number): string {
  const path = join(folder, name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('a line longer than any vector line', () => {
  it('is a FormatError once it passes the limit for the header dimension, not after the whole file', async () => {
    // 600 MB without a line break took 62 s and 1.1 GB before the limit.
    const path = sparseFile('long-line.txt', '10 100\n', 600_000_000);
    const error = await rejection(readVectors(path));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(
      /line 2: expected a line of at most 16783616 bytes .* found \d+ bytes without a line break/,
    );
    // Read in 1 MiB chunks: it stops within a chunk of the limit.
    const found = Number(/found (\d+) bytes/.exec(error.message)![1]);
    expect(found).toBeLessThan(16783616 + (1 << 20) + 1);
  });

  it('is refused in the header line of a word2vec text file after 64 bytes', async () => {
    const path = sparseFile('long-header.txt', '10', 50_000_000);
    const error = await rejection(readVectors(path, { format: 'word2vec-text' }));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toContain('line 1: expected a header line "V D"');
  });

  it('is refused as the first line of a GloVe file', async () => {
    const path = sparseFile('long-glove.txt', 'word', 40_000_000);
    const error = await rejection(readVectors(path, { format: 'glove' }));
    expect(error.message).toMatch(/line 1: expected a line of at most 33554432 bytes/);
  });

  it('is a word too long for a binary file', async () => {
    const path = sparseFile('long-word.bin', '10 100\n', 40_000_000);
    const error = await rejection(readVectors(path, { format: 'word2vec-binary' }));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toMatch(
      /byte 7: expected a word of at most 16777216 bytes and a space starting vector 1 of 10/,
    );
  });

  it('reads a line that arrives in thousands of chunks, searching each byte for its end once', async () => {
    const word = 'w'.repeat(1 << 18);
    const vectors = new WordVectors([word, 'b'], Float32Array.of(1, 2, 3, 4), 2);
    const path = join(folder, 'long-word-text.txt');
    await writeVectors(path, vectors, { format: 'word2vec-text' });
    const read = await readVectors(path, { chunkSize: 64 });
    expect(read.keyAt(0)).toBe(word);
    expect(Array.from(read.vector('b')!)).toEqual([3, 4]);
  });
});

describe('format detection whatever the length of the first word (item 8)', () => {
  const word = 'x'.repeat(1.5 * (1 << 20));
  const vectors = new WordVectors([word, 'y'], Float32Array.of(0.5, -1, 2, 0.25), 2);

  for (const format of ['word2vec-binary', 'word2vec-text'] as const) {
    it(`reads back a ${format} file whose first word is longer than 1 MiB`, async () => {
      const path = join(folder, `long-first-word.${format}`);
      await writeVectors(path, vectors, { format });
      expect(await detectFormat(path)).toBe(format);
      const read = await readVectors(path);
      expect(read.keyList()).toEqual([word, 'y']);
      expect(Array.from(read.matrix)).toEqual(Array.from(vectors.matrix));
      expect(detectFormat(serializeVectors(vectors, format))).toBe(format);
    });
  }

  it('refuses to write a word the readers would refuse', async () => {
    const huge = new WordVectors(['z'.repeat(MAX_WORD_BYTES + 1)], Float32Array.of(1), 1);
    const error = await rejection(
      writeVectors(join(folder, 'huge.bin'), huge, { format: 'word2vec-binary' }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(
      new RegExp(`got "z{40}…", expected words of at most ${MAX_WORD_BYTES} bytes in UTF-8`),
    );
  });
});

describe('files that are not regular files (items 6 and 7)', () => {
  it('refuses a FIFO without a writer instead of hanging', async () => {
    const fifo = join(folder, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const read of [() => readVectors(fifo), () => detectFormat(fifo)]) {
      const error = await rejection(read());
      expect(error).toBeInstanceOf(IoError);
      expect(error.message).toContain(`${fifo}: is a pipe (FIFO), not a regular file`);
    }
  });

  it('refuses a directory with its path', async () => {
    const error = await rejection(readVectors(folder));
    expect(error).toBeInstanceOf(IoError);
    expect(error.message).toContain(`${folder}: is a directory`);
  });
});

describe('a file that is no vector format (item 9)', () => {
  it('says so, and why, instead of "expected a finite number"', () => {
    // A fastText .bin whose magic number lost a byte.
    const bytes = Uint8Array.of(0x45, 0x16, 0x4f, 0x2f, 0x0c, 0, 0, 0, 0x64, 0, 0, 0);
    expect(() => parseVectors(bytes, { file: 'bad.bin' })).toThrow(
      'bad.bin, byte 1: expected a vector file: a fastText .bin (magic number 0x2F4F16BA), a word2vec header "V D" or a GloVe line "word v1 … vD", found the binary byte 0x16 in the first line, so it is not a fastText, word2vec or GloVe file',
    );
  });
});
