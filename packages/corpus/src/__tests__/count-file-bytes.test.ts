import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { whitespaceLength } from '../count-file-bytes.js';
import {
  isWhitespaceCode,
  type Tokenizer,
  Vocabulary,
  type VocabularyAndCorpus,
  whitespaceTokenizer,
} from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'embedkit-count-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same tokenizer as the default, but not the same function: Vocabulary reads text, not bytes. */
const throughText = (text: string): string[] => whitespaceTokenizer(text);

const encoder = new TextEncoder();

/** Pieces of text that meet every rule of the byte scanner, bytes included. */
const piece = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', 'the', '__proto__', 'é', '日本', '😀', 'x\u00ady'),
  fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u000b', '\f', '\u0085', '\u00a0', '\u1680'),
  fc.constantFrom('\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u3001'),
  fc.constantFrom('\u2080', '\u1681', '\u00a1', '\uFEFF', '\u0000'),
);
/** Bytes that are not valid UTF-8 on their own (lone lead or continuation bytes, a truncated BOM). */
const invalid = fc.constantFrom([0xe2], [0xe2, 0x80], [0xc2], [0x80], [0x85], [0xa0], [0xef, 0xbb], [0xff]);

const fileBytes = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        piece.map((text) => Array.from(encoder.encode(text))),
        invalid,
      ),
      { maxLength: 60 },
    ),
  )
  .map(([bom, parts]) => Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...parts.flat()]));

let files = 0;
function writeCorpus(bytes: Uint8Array): string {
  const path = join(dir, `corpus-${files++}.txt`);
  writeFileSync(path, bytes);
  return path;
}

describe('counting a file on its bytes', () => {
  it('finds every whitespace character of isWhitespaceCode, and nothing else', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const bytes = encoder.encode(String.fromCharCode(code));
      const expected = isWhitespaceCode(code) ? bytes.length : 0;
      expect(whitespaceLength(bytes, 0, bytes.length), `U+${code.toString(16)}`).toBe(expected);
    }
  });

  it('counts and encodes exactly as reading the decoded text does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileBytes,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        async (bytes, chunkSize, maxSentenceLength, maxEncodedTokens) => {
          const path = writeCorpus(bytes);
          const options = { minCount: 1, chunkSize, maxSentenceLength, maxEncodedTokens };
          const outcome = (tokenizer?: Tokenizer): Promise<VocabularyAndCorpus | Error> =>
            Vocabulary.buildAndEncode(path, { ...options, ...(tokenizer ? { tokenizer } : {}) }).catch(
              (error: Error) => error,
            );
          const fromBytes = await outcome();
          const fromText = await outcome(throughText);
          if (fromText instanceof Error) {
            // An empty vocabulary, the same way.
            expect(fromBytes).toBeInstanceOf(fromText.constructor);
            return;
          }
          if (fromBytes instanceof Error) throw fromBytes;
          expect(fromBytes.vocabulary.toJSON()).toEqual(fromText.vocabulary.toJSON());
          expect(fromBytes.encoded).toEqual(fromText.encoded);
        },
      ),
      { numRuns: 300 },
    );
  });
});
