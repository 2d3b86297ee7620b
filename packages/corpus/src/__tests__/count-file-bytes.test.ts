import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { whitespaceLength } from '../byte-scanner.js';
import {
  type EncodedCorpus,
  encodeCorpus,
  encodeCorpusBlocks,
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

/** Every block of an iteration, copied (a block's arrays are reused by the next). */
async function collectBlocks(blocks: AsyncIterable<EncodedCorpus>): Promise<EncodedCorpus[]> {
  const out: EncodedCorpus[] = [];
  for await (const block of blocks) {
    out.push({ ids: block.ids.slice(), sentenceStarts: block.sentenceStarts.slice(), tokens: block.tokens });
  }
  return out;
}

/** Blocks joined into one encoded corpus. */
function joinBlocks(blocks: readonly EncodedCorpus[]): EncodedCorpus {
  const ids: number[] = [];
  const starts = [0];
  for (const block of blocks) {
    const base = ids.length;
    ids.push(...block.ids);
    for (const start of block.sentenceStarts.subarray(1)) starts.push(base + start);
  }
  return { ids: Int32Array.from(ids), sentenceStarts: Int32Array.from(starts), tokens: ids.length };
}

describe('encoding a file on its bytes', () => {
  it('gives the ids and sentences of the decoded text, pass after pass', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileBytes,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        async (bytes, chunkSize, maxSentenceLength) => {
          const path = writeCorpus(bytes);
          const reading = { chunkSize, maxSentenceLength };
          // Words seen twice or more: the others are dropped, and sentences left empty with them.
          const vocabulary = await Vocabulary.build(path, { minCount: 2 }).catch(() => undefined);
          if (vocabulary === undefined) return;
          const fromText = await encodeCorpus(path, vocabulary, { ...reading, tokenizer: throughText });
          expect(await encodeCorpus(path, vocabulary, reading)).toEqual(fromText);
          const blocks = encodeCorpusBlocks(path, vocabulary, reading);
          expect(joinBlocks(await collectBlocks(blocks))).toEqual(fromText);
          // The second pass finds every token by its bytes, decoded during the first.
          expect(joinBlocks(await collectBlocks(blocks))).toEqual(fromText);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands on blocks of whole sentences, a sentence split across reads carried to the next block', async () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', '__proto__', 'épée', 'rare'];
    const lines: string[] = [];
    for (let line = 0; line < 2000; line++) {
      const length = line === 1000 ? 40_000 : 1 + ((line * 7919) % 97);
      lines.push(Array.from({ length }, (_, i) => words[(line + i * i) % (i % 50 === 0 ? 7 : 6)]).join(' '));
    }
    const path = writeCorpus(encoder.encode(`${lines.join('\n')}\n`));
    const vocabulary = await Vocabulary.build(path, { minCount: 1, maxVocab: 6 });
    expect(vocabulary.id('rare')).toBe(-1);
    const reading = { maxSentenceLength: 1000, chunkSize: 4096 };
    const blocks = await collectBlocks(encodeCorpusBlocks(path, vocabulary, reading));
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks.slice(0, -1)) {
      expect(block.tokens).toBeGreaterThanOrEqual(1 << 16);
      expect(block.sentenceStarts.at(-1)).toBe(block.tokens);
    }
    const fromText = await encodeCorpus(path, vocabulary, { ...reading, tokenizer: throughText });
    expect(joinBlocks(blocks)).toEqual(fromText);
    expect(
      joinBlocks(
        await collectBlocks(
          encodeCorpusBlocks(
            lines.map((l) => l.split(' ')),
            vocabulary,
            reading,
          ),
        ),
      ),
    ).toEqual(fromText);
  });
});
