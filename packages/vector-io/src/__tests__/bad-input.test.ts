import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, FormatError, IoError } from '@embedkit/core-math';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWordDecoder, parseVectors, readVectors, type VectorFormat } from '../index.js';
import { TextVectorParser } from '../text-parser.js';
import { concat, float32Bytes, utf8 } from './bytes.js';

/** Runs `action` and returns the FormatError it throws (failing when it throws anything else). */
function formatError(action: () => unknown): FormatError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

const text =
  (body: string, format: VectorFormat = 'word2vec-text') =>
  () =>
    parseVectors(utf8(body), { format, file: 'v.txt' });

describe('text files with problems', () => {
  it('rejects a file that ends before the declared number of vectors', () => {
    const error = formatError(text('3 2\na 1 2\nb 3 4\n'));
    expect(error.location).toEqual({ file: 'v.txt', line: 4 });
    expect(error.message).toBe(
      'v.txt, line 4: expected 3 vectors as the header declares, found the end of the file after 2',
    );
  });

  it('rejects a header that claims more data than the file holds, before allocating', () => {
    const error = formatError(text('1000000000000 300\na 1 2\n'));
    expect(error.location).toEqual({ file: 'v.txt', line: 1 });
    expect(error.message).toMatch(/at least 600000000000000 bytes after the header .* found 6 bytes/);
    formatError(text('1 100000000000000\na 1\n'));
  });

  it('rejects a line with too few or too many values, naming the line', () => {
    const few = formatError(text('2 3\na 1 2 3\nb 1 2\n'));
    expect(few.location.line).toBe(3);
    expect(few.message).toContain('expected 3 values after the word, found 2');
    const many = formatError(text('2 3\na 1 2 3\nb 1 2 3 4\n'));
    expect(many.message).toContain('expected 3 values after the word, found 4');
    const none = formatError(text('1 3\nlonely\n'));
    expect(none.message).toContain('expected a word, a space and 3 values, found "lonely"');
  });

  it('rejects values that are not numbers', () => {
    const error = formatError(text('1 3\na 1 x2 3\n'));
    expect(error.message).toBe('v.txt, line 2: expected a finite number as value 2 of 3, found "x2"');
    formatError(text('1 2\na 1 0x10\n'));
    formatError(text('1 2\na 1 1_0\n'));
    formatError(text('1 2\na 1,5 2\n'));
  });

  it.each(['nan', 'NaN', 'inf', '-inf', 'Infinity', '1e39', '-4e38', '1e400'])(
    'rejects the non-finite value %s',
    (value) => {
      const error = formatError(text(`1 2\na 1 ${value}\n`));
      expect(error.message).toContain(`expected a finite number as value 2 of 2, found "${value}"`);
    },
  );

  it('rejects a bad or missing header', () => {
    expect(formatError(text('a 1 2\n')).message).toBe(
      'v.txt, line 1: expected a header line "V D" (the number of vectors and their dimension), found "a 1 2"',
    );
    expect(formatError(text('\n1 2\na 1 2\n')).message).toContain('found an empty line');
    expect(formatError(text('2 0\n')).message).toContain(
      'expected a dimension of at least 1 in the header, found 0',
    );
    expect(formatError(text('2 3 4\n')).location.line).toBe(1);
  });

  it("rejects invalid UTF-8 in a word (gensim's strict default)", () => {
    const error = formatError(() =>
      parseVectors(concat('2 1\nok 1\nbad', [0xff, 0xfe], ' 2\n'), { file: 'v.txt' }),
    );
    expect(error.location).toEqual({ file: 'v.txt', line: 3 });
    expect(error.expected).toBe('a word in valid UTF-8');
  });

  it('rejects an empty file in every format', () => {
    for (const format of ['auto', 'word2vec-text', 'word2vec-binary', 'glove', 'fasttext-vec'] as const) {
      formatError(() => parseVectors(new Uint8Array(0), { format }));
      formatError(() => parseVectors(utf8('\n\n'), { format }));
    }
  });

  it('rejects a GloVe line whose dimension differs from the first line', () => {
    const error = formatError(text('a 1 2\nb 1 2 3\n', 'glove'));
    expect(error.location.line).toBe(2);
    expect(error.message).toContain('expected 2 values after the word, found 3');
  });
});

describe('text files read as gensim reads them', () => {
  it('skips a UTF-8 byte-order mark', () => {
    const withHeader = parseVectors(concat([0xef, 0xbb, 0xbf], '1 2\nthe 1 2\n'));
    expect([...withHeader.keys()]).toEqual(['the']);
    const glove = parseVectors(concat([0xef, 0xbb, 0xbf], 'the 1 2\n'), { format: 'glove' });
    expect([...glove.keys()]).toEqual(['the']);
  });

  it('accepts trailing spaces, CRLF line ends, tabs between values and blank lines', () => {
    const vectors = parseVectors(utf8('3 3\r\nthe 1 2 3 \r\n\r\nof 4\t5  6\t\na\tb 7 8 9\n'));
    // As in gensim, the word runs to the first space, so a tab before it belongs to the word.
    expect([...vectors.keys()]).toEqual(['the', 'of', 'a\tb']);
    expect(Array.from(vectors.matrix)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('treats __proto__ and constructor as ordinary words', () => {
    const vectors = parseVectors(utf8('__proto__ 1 2\nconstructor 3 4\nhasOwnProperty 5 6\n'), {
      format: 'glove',
    });
    expect(Array.from(vectors.vector('__proto__')!)).toEqual([1, 2]);
    expect(Array.from(vectors.vector('constructor')!)).toEqual([3, 4]);
    expect(vectors.size).toBe(3);
  });

  it('keeps the first vector of a repeated word and counts the repeat towards the header and limit', () => {
    const vectors = parseVectors(utf8('3 1\na 1\nb 2\na 3\n'));
    expect([...vectors.keys()]).toEqual(['a', 'b']);
    expect(Array.from(vectors.matrix)).toEqual([1, 2]);
    const limited = parseVectors(utf8('a 1\na 2\nb 3\n'), { format: 'glove', limit: 2 });
    expect([...limited.keys()]).toEqual(['a']);
  });

  it('ignores what follows the declared number of vectors, as gensim and the C tool do', () => {
    const vectors = parseVectors(utf8('1 2\na 1 2\nanything else\n'));
    expect([...vectors.keys()]).toEqual(['a']);
  });

  it('reads a header that declares no vectors', () => {
    const vectors = parseVectors(utf8('0 5\n'));
    expect(vectors.size).toBe(0);
    expect(vectors.dim).toBe(5);
  });

  it('reads non-ASCII words', () => {
    const vectors = parseVectors(utf8('2 1\nnaïve 1\n日本語 2\n'));
    expect([...vectors.keys()]).toEqual(['naïve', '日本語']);
  });
});

describe('binary files with problems', () => {
  const header = (count: number, dim: number) => `${count} ${dim}\n`;
  const binary = (bytes: Uint8Array) => () =>
    parseVectors(bytes, { format: 'word2vec-binary', file: 'v.bin' });

  it('reads what the C tool writes (a newline after each vector) and what gensim writes (none)', () => {
    const c = parseVectors(
      concat(header(2, 2), 'a ', float32Bytes(1, 2), '\n', 'b ', float32Bytes(3, 4), '\n'),
    );
    const gensim = parseVectors(concat(header(2, 2), 'a ', float32Bytes(1, 2), 'b ', float32Bytes(3, 4)));
    for (const vectors of [c, gensim]) {
      expect([...vectors.keys()]).toEqual(['a', 'b']);
      expect(Array.from(vectors.matrix)).toEqual([1, 2, 3, 4]);
    }
  });

  it('rejects a file cut in the middle of a vector, naming the byte offset', () => {
    const error = formatError(
      binary(concat(header(2, 2), 'a ', float32Bytes(1, 2), '\nbbbbbbb ', float32Bytes(3))),
    );
    expect(error.location).toEqual({ file: 'v.bin', offset: 23 });
    expect(error.message).toBe(
      'v.bin, byte 23: expected 8 bytes of float32 values for vector 2 of 2, found 4 bytes before the end of the file',
    );
    const noWord = formatError(binary(concat(header(2, 2), 'a ', float32Bytes(1, 2), '\n\n\n\n\n\n\n\n\n')));
    expect(noWord.message).toContain(
      'expected a word and a space starting vector 2 of 2, found the end of the file',
    );
  });

  it('rejects a header that claims more data than the file holds, before allocating', () => {
    const error = formatError(binary(concat(header(1e12, 300), 'a ', float32Bytes(1))));
    expect(error.location).toEqual({ file: 'v.bin', offset: 0 });
    expect(error.message).toMatch(/at least 1201000000000000 bytes after the header .* found 6 bytes/);
  });

  it('rejects NaN and infinite values, naming the byte offset of the value', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = formatError(binary(concat(header(1, 3), 'a ', float32Bytes(1, 2, bad))));
      expect(error.location.offset).toBe(4 + 2 + 8);
      expect(error.expected).toBe('a finite float32 as value 3 of 3');
    }
  });

  it('rejects invalid UTF-8 in a word, naming its byte offset', () => {
    const error = formatError(
      binary(concat(header(2, 1), 'ok ', float32Bytes(1), [0xc3, 0x28], ' ', float32Bytes(2))),
    );
    expect(error.location.offset).toBe(4 + 3 + 4);
    expect(error.expected).toBe('a word in valid UTF-8');
  });

  it('rejects a header line that is not "V D"', () => {
    expect(formatError(binary(concat('x y\n'))).location).toEqual({ file: 'v.bin', offset: 0 });
    expect(formatError(binary(concat('1 2', new Array(100).fill(0x20), 'x'))).location.offset).toBe(0);
  });

  it('skips a byte-order mark and reads __proto__ and non-ASCII words', () => {
    const vectors = parseVectors(
      concat(
        [0xef, 0xbb, 0xbf],
        header(2, 1),
        '__proto__ ',
        float32Bytes(1),
        '\nnaïve ',
        float32Bytes(2),
        '\n',
      ),
      { format: 'word2vec-binary' },
    );
    expect([...vectors.keys()]).toEqual(['__proto__', 'naïve']);
  });
});

describe('options and files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vector-io-bad-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file in errors from readVectors', async () => {
    const file = join(dir, 'short.txt');
    await writeFile(file, '5 2\na 1 2\n');
    const error = await readVectors(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).location.file).toBe(file);
  });

  it('throws IoError for a missing file or a directory', async () => {
    await expect(readVectors(join(dir, 'missing.txt'))).rejects.toBeInstanceOf(IoError);
    await expect(readVectors(dir)).rejects.toBeInstanceOf(IoError);
  });

  it('validates options with ConfigError', async () => {
    expect(() => parseVectors(utf8('a 1\n'), { limit: 0 })).toThrow(ConfigError);
    expect(() => parseVectors(utf8('a 1\n'), { limit: 1.5 })).toThrow(ConfigError);
    expect(() => parseVectors(utf8('a 1\n'), { format: 'word2vec' as VectorFormat })).toThrow(ConfigError);
    await expect(readVectors(join(dir, 'x'), { chunkSize: 1 })).rejects.toBeInstanceOf(ConfigError);
  });

  it('notices a headerless file that grew after its lines were counted', () => {
    const bytes = utf8('a 1\nb 2\n');
    const parser = new TextVectorParser({
      file: 'grown.txt',
      totalBytes: bytes.length,
      limit: Infinity,
      header: false,
      maxLines: 1,
      decoder: createWordDecoder(),
    });
    expect(() => parser.consume(bytes, true)).toThrow(IoError);
  });

  it('stops with CancelledError when the signal aborts', async () => {
    const file = join(dir, 'ok.txt');
    await writeFile(file, '1 2\na 1 2\n');
    await expect(readVectors(file, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
