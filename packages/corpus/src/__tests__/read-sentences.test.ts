import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, ConfigError, IoError } from '@embedkit/core-math';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tokenizer } from '../index.js';
import { readSentences, sentencesFromBytes, unicodeWordTokenizer, whitespaceTokenizer } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'embedkit-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function tempFile(content: string | Uint8Array): string {
  const path = join(dir, `corpus-${fileCount++}.txt`);
  writeFileSync(path, content);
  return path;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** What the readers must produce: each line tokenized whole, empty ones dropped, long ones cut. */
function expectedSentences(text: string, tokenizer: Tokenizer, max: number): string[][] {
  const sentences: string[][] = [];
  for (const line of text.split('\n')) {
    const tokens = tokenizer(line.endsWith('\r') ? line.slice(0, -1) : line);
    for (let i = 0; i < tokens.length; i += max) sentences.push(tokens.slice(i, i + max));
  }
  return sentences;
}

/** Text rich in multi-byte characters (2, 3 and 4 UTF-8 bytes), whitespace and line ends. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\n', '\r\n', '\t', '\u00a0', '\u3000', 'é', '€', '東京', '𝄞', "'", '-'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const tokenizers: [string, Tokenizer][] = [
  ['whitespaceTokenizer', whitespaceTokenizer],
  ['unicodeWordTokenizer', unicodeWordTokenizer({ lowercase: true })],
];

describe.each(tokenizers)('streaming with %s', (_name, tokenizer) => {
  it('gives, for any text and any chunk size, the tokens of the whole text, line by line (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (t, chunkSize, max) => {
          const path = tempFile(t);
          const sentences = await collect(
            readSentences(path, { tokenizer, chunkSize, maxSentenceLength: max }),
          );
          expect(sentences).toEqual(expectedSentences(t, tokenizer, max));
          expect(sentences.flat()).toEqual(tokenizer(t));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same sentences for any cut of the bytes into chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 10 }), async (t, cuts) => {
        const bytes = new TextEncoder().encode(t);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => bytes.subarray(start, points[i] ?? bytes.length));
        const sentences = await collect(sentencesFromBytes(chunks, { tokenizer }));
        expect(sentences).toEqual(expectedSentences(t, tokenizer, 10_000));
      }),
      { numRuns: 100 },
    );
  });
});

describe('readSentences', () => {
  /** A tokenizer that keeps CR characters, to show that the reader strips them from CRLF line ends. */
  const spaceOnly: Tokenizer = (t) => t.split(' ').filter((token) => token !== '');

  it('reads one sentence per line with LF or CRLF ends, whatever the chunk size, skipping empty lines', async () => {
    const content = 'a b\r\nc\r\n\r\n\nd e f\r\n   \r\ng';
    const path = tempFile(content);
    for (let chunkSize = 1; chunkSize <= content.length; chunkSize++) {
      expect(await collect(readSentences(path, { tokenizer: spaceOnly, chunkSize }))).toEqual([
        ['a', 'b'],
        ['c'],
        ['d', 'e', 'f'],
        ['g'],
      ]);
    }
  });

  it('splits a text8-style single line into pieces without ever tokenizing the whole line', async () => {
    const words = Array.from({ length: 25_000 }, (_, i) => `w${i % 997}`);
    const path = tempFile(words.join(' '));
    let longestInput = 0;
    const spy: Tokenizer = (t) => {
      longestInput = Math.max(longestInput, t.length);
      return whitespaceTokenizer(t);
    };
    const sentences = await collect(readSentences(path, { tokenizer: spy, chunkSize: 4096 }));
    expect(sentences.map((s) => s.length)).toEqual([10_000, 10_000, 5_000]);
    expect(sentences.flat()).toEqual(words);
    expect(longestInput).toBeLessThan(4096 + 16);
    const small = await collect(readSentences(path, { maxSentenceLength: 1000 }));
    expect(small).toHaveLength(25);
    expect(small.flat()).toEqual(words);
  });

  it('skips a byte-order mark, reads invalid UTF-8 as U+FFFD, and gives nothing for an empty file', async () => {
    const bom = tempFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x20, 0xff, 0x62, 0x0a]));
    expect(await collect(readSentences(bom, { chunkSize: 2 }))).toEqual([['a', '\ufffdb']]);
    expect(await collect(readSentences(tempFile('')))).toEqual([]);
    expect(await collect(readSentences(tempFile('\n\r\n \n')))).toEqual([]);
  });

  it('can be iterated again, reading the file afresh', async () => {
    const reader = readSentences(tempFile('x y\nz\n'));
    expect(await collect(reader)).toEqual(await collect(reader));
  });

  it('stops with CancelledError when the signal aborts, before or during reading', async () => {
    const path = tempFile('a\nb\nc\n');
    const aborted = new AbortController();
    aborted.abort();
    await expect(collect(readSentences(path, { signal: aborted.signal }))).rejects.toBeInstanceOf(
      CancelledError,
    );

    const controller = new AbortController();
    const seen: string[][] = [];
    const reading = (async () => {
      for await (const sentence of readSentences(path, { signal: controller.signal, chunkSize: 1 })) {
        seen.push(sentence);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([['a']]);
  });

  it('reports a missing file as IoError naming the file', async () => {
    const missing = join(dir, 'no-such-file.txt');
    const error = await collect(readSentences(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IoError);
    expect((error as IoError).file).toBe(missing);
    expect((error as IoError).message).toMatch(/ENOENT.*file path/);
  });

  it('rejects invalid options at once with ConfigError', () => {
    expect(() => readSentences('x', { maxSentenceLength: 0 })).toThrow(ConfigError);
    expect(() => readSentences('x', { maxSentenceLength: 2.5 })).toThrow(ConfigError);
    expect(() => readSentences('x', { chunkSize: 0 })).toThrow(ConfigError);
    expect(() => readSentences('x', { tokenizer: 'words' as unknown as Tokenizer })).toThrow(
      /option tokenizer/,
    );
  });
});
