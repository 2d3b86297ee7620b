import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ByteScanner } from '../byte-scanner.js';
import { ByteStringTable, fnv1a } from '../byte-string-table.js';
import { Vocabulary, whitespaceTokenizer } from '../index.js';

const encoder = new TextEncoder();
const dir = mkdtempSync(join(tmpdir(), 'embedkit-byte-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic stream of integers below `bound` (xorshift32). */
function numbers(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % bound;
  };
}

describe('ByteStringTable', () => {
  it('numbers byte strings in order of insertion and finds each again after the table has grown', () => {
    const table = new ByteStringTable();
    const words = Array.from({ length: 100_000 }, (_, i) => encoder.encode(`w${i}é`));
    const entries = words.map((word) => {
      const missing = table.find(word, 0, word.length);
      return missing === -1 ? table.insert(word, 0, word.length) : -2;
    });
    expect(entries).toEqual(words.map((_, i) => i));
    expect(table.size).toBe(words.length);
    expect(words.map((word) => table.find(word, 0, word.length))).toEqual(entries);
    expect(table.find(encoder.encode('w100000é'), 0, 10)).toBe(-1);
  });

  it('tells apart byte strings that share a hash (compared byte by byte)', () => {
    const table = new ByteStringTable();
    const [a, b, c] = ['ab', 'ba', 'abc'].map((word) => encoder.encode(word)) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const hash = 12345;
    expect(table.find(a, 0, 2, hash)).toBe(-1);
    table.insert(a, 0, 2);
    expect(table.find(b, 0, 2, hash)).toBe(-1);
    table.insert(b, 0, 2);
    expect(table.find(c, 0, 3, hash)).toBe(-1);
    table.insert(c, 0, 3);
    expect([a, b, c].map((word) => table.find(word, 0, word.length, hash))).toEqual([0, 1, 2]);
  });
});

describe('ByteScanner', () => {
  it("hands each token its bytes' FNV-1a hash, also when a token or a character is split across chunks", () => {
    const text = '\uFEFFthe  caf\u00e9 \u65e5\u672c\u00a0x\u3000\u{1F600}y\n__proto__ end\u2028a\u00adb last';
    const bytes = encoder.encode(text);
    for (const chunkSize of [1, 2, 3, 5, bytes.length]) {
      const seen: string[] = [];
      const scanner = new ByteScanner(
        {
          token: (buffer, start, end, hash) => {
            expect(hash).toBe(fnv1a(buffer, start, end));
            seen.push(new TextDecoder().decode(buffer.subarray(start, end)));
          },
          endSentence: () => seen.push('|'),
        },
        1000,
      );
      for (let at = 0; at < bytes.length; at += chunkSize) scanner.push(bytes.subarray(at, at + chunkSize));
      scanner.end();
      expect(seen).toEqual([
        'the',
        'café',
        '日本',
        'x',
        '😀y',
        '|',
        '__proto__',
        'end',
        'a\u00adb',
        'last',
        '|',
      ]);
    }
  });
});

describe('counting a large file on its bytes', () => {
  it('gives the vocabulary (ties, minCount, maxVocab) and ids of the decoded text', async () => {
    const next = numbers(20261203);
    // Thousands of distinct words, many tied counts, multi-byte characters that read blocks of
    // 4,093 bytes cut, `__proto__`, and no newline at the end.
    const words = Array.from({ length: 60_000 }, (_, i) => (i % 7 === 0 ? `ü${i}日` : `w${i}`));
    words[7] = '__proto__';
    const lines: string[] = [];
    for (let line = 0; line < 1500; line++) {
      const tokens = Array.from({ length: 1 + next(60) }, () => words[next(next(3) === 0 ? 60_000 : 300)]);
      lines.push(tokens.join(next(4) === 0 ? '\u3000' : ' '));
    }
    const path = join(dir, 'large.txt');
    writeFileSync(path, lines.join('\n'));
    for (const filters of [
      { minCount: 1 },
      { minCount: 3, maxVocab: 250 },
      { minCount: 2, maxVocab: 5000 },
    ]) {
      const options = { ...filters, chunkSize: 4093, maxSentenceLength: 40 };
      const fromBytes = await Vocabulary.buildAndEncode(path, options);
      const fromText = await Vocabulary.buildAndEncode(path, {
        ...options,
        tokenizer: (text: string) => whitespaceTokenizer(text),
      });
      expect(fromBytes.vocabulary.toJSON()).toEqual(fromText.vocabulary.toJSON());
      expect(fromBytes.encoded).toEqual(fromText.encoded);
    }
    const all = await Vocabulary.buildAndEncode(path, { minCount: 1, chunkSize: 4093 });
    expect(all.vocabulary.count(all.vocabulary.id('__proto__'))).toBeGreaterThan(50);
  });
});
