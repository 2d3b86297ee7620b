import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormatError, WordVectors } from '@embedkit/core-math';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '#test-utils/fixtures.js';
import { detectFormat, parseVectors, readVectors, serializeVectors, VECTOR_FORMATS } from '../index.js';

/** Words a file can hold: no whitespace, no control characters (any other Unicode is fine). */
const word = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 10 })
  .filter((w) => /^[^\s\p{Cc}]+$/u.test(w));

/** Distinct words with one arbitrary finite float32 vector each. */
const wordVectors = fc.integer({ min: 1, max: 6 }).chain((dim) =>
  fc.uniqueArray(word, { minLength: 1, maxLength: 12 }).chain((keys) =>
    fc
      .array(fc.float({ noNaN: true, noDefaultInfinity: true }), {
        minLength: keys.length * dim,
        maxLength: keys.length * dim,
      })
      .map((values) => new WordVectors(keys, Float32Array.from(values), dim)),
  ),
);

/** Same words and bit-identical values (so -0 and 0 differ). */
function expectIdentical(actual: WordVectors, expected: WordVectors): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  expect(actual.dim).toBe(expected.dim);
  expect(new Uint8Array(actual.matrix.buffer, actual.matrix.byteOffset, actual.matrix.byteLength)).toEqual(
    new Uint8Array(expected.matrix.buffer, expected.matrix.byteOffset, expected.matrix.byteLength),
  );
}

/** Parses and returns the error, failing the property on any error that is not a FormatError. */
function parseOrFormatError(bytes: Uint8Array, options: Parameters<typeof parseVectors>[1]): void {
  try {
    parseVectors(bytes, options);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

describe('round trips (property)', () => {
  it.each(VECTOR_FORMATS)('%s: what we write reads back bit for bit', (format) => {
    fc.assert(
      fc.property(wordVectors, (vectors) => {
        expectIdentical(parseVectors(serializeVectors(vectors, format), { format }), vectors);
      }),
      { numRuns: 300 },
    );
  });

  // One-dimensional files are ambiguous by nature ("3 5" may be a header or a GloVe line; four
  // float32 bytes may spell "1e-5"), so detection is checked from two dimensions up.
  it('detects the format of what we write (two dimensions or more)', () => {
    fc.assert(
      fc.property(
        wordVectors.filter((vectors) => vectors.dim > 1),
        (vectors) => {
          expect(detectFormat(serializeVectors(vectors, 'word2vec-text'))).toBe('word2vec-text');
          expect(detectFormat(serializeVectors(vectors, 'word2vec-binary'))).toBe('word2vec-binary');
          expect(detectFormat(serializeVectors(vectors, 'glove'))).toBe('glove');
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('streamed from disk in small chunks', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vector-io-prop-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('gives the same vectors as parsing in memory, wherever the chunks end', async () => {
      await fc.assert(
        fc.asyncProperty(
          wordVectors,
          fc.constantFrom(...VECTOR_FORMATS),
          fc.integer({ min: 64, max: 200 }),
          async (vectors, format, chunkSize) => {
            const file = join(dir, 'v');
            await writeFile(file, serializeVectors(vectors, format));
            expectIdentical(await readVectors(file, { format, chunkSize }), vectors);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});

describe('arbitrary bytes (property)', () => {
  const formats = ['auto', ...VECTOR_FORMATS] as const;
  /** Random bytes, sometimes after a plausible header so the readers get past it. */
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc
      .tuple(fc.nat(5), fc.integer({ min: 1, max: 4 }), fc.uint8Array({ maxLength: 200 }))
      .map(
        ([count, dim, rest]) => new Uint8Array([...new TextEncoder().encode(`${count} ${dim}\n`), ...rest]),
      ),
    fc
      .array(fc.constantFrom(...'ab 0123456789.-e\n\t\r'.split('')), { maxLength: 200 })
      .map((chars) => new TextEncoder().encode(chars.join(''))),
  );

  it('never throw anything but FormatError', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(...formats), (input, format) => {
        parseOrFormatError(input, { format });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('damaged reference files (property)', () => {
  const files = [
    'w2v-lee-sg.bin',
    'gensim-lee-sg.bin',
    'w2v-lee-cbow.txt',
    'glove-lee.txt',
    'ft-lee-nosub.vec',
  ];
  const contents = files.map((name) => readFileSync(fixture('reference', name)));

  it('truncated anywhere, they read or throw FormatError', () => {
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (which, fraction) => {
        const content = contents[which]!;
        const cut = Math.floor(fraction * content.length);
        parseOrFormatError(content.subarray(0, cut), { format: 'auto' });
      }),
      { numRuns: 40 },
    );
  });

  it('with a byte changed anywhere, they read or throw FormatError', () => {
    fc.assert(
      fc.property(
        fc.nat(files.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(255),
        (which, fraction, value) => {
          const content = Uint8Array.from(contents[which]!);
          content[Math.floor(fraction * (content.length - 1))] = value;
          parseOrFormatError(content, { format: 'auto' });
        },
      ),
      { numRuns: 40 },
    );
  });
});
