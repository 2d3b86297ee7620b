import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastTextHash, fastTextHashBytes, SubwordIndexer } from '../index.js';
import { tinyModel } from './tiny-model.js';

function ngramStrings(indexer: SubwordIndexer, word: string): string[] {
  const out: string[] = [];
  const decoder = new TextDecoder();
  indexer.forEach(word, (_row, bytes, start, end) => out.push(decoder.decode(bytes.subarray(start, end))));
  return out;
}

describe('fastText hash', () => {
  it('is 32-bit FNV-1a on ASCII', () => {
    expect(fastTextHash('')).toBe(0x811c9dc5);
    expect(fastTextHash('a')).toBe(0xe40c292c);
    expect(fastTextHash('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes TextEncoder writes, lone surrogates as U+FFFD', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (binary, text) => {
        expect(fastTextHash(binary)).toBe(fastTextHashBytes(encoder.encode(binary)));
        expect(fastTextHash(text)).toBe(fastTextHashBytes(encoder.encode(text)));
      }),
    );
    for (const odd of ['\ud800', 'a\udc00b', '\ud83d\ude00', '\u07ff\u0800\uffff']) {
      expect(fastTextHash(odd)).toBe(fastTextHashBytes(encoder.encode(odd)));
    }
  });

  it('sign-extends bytes >= 0x80 before the XOR, unlike plain FNV-1a', () => {
    // 'é' is C3 A9: XOR with 0xFFFFFFC3, then 0xFFFFFFA9.
    let plain = 0x811c9dc5;
    let signed = 0x811c9dc5;
    for (const byte of [0xc3, 0xa9]) {
      plain = Math.imul(plain ^ byte, 16777619) >>> 0;
      signed = Math.imul(signed ^ (byte | 0xffffff00), 16777619) >>> 0;
    }
    expect(fastTextHash('é')).toBe(signed);
    expect(fastTextHash('é')).not.toBe(plain);
  });
});

describe('character n-grams', () => {
  const indexer = (minn: number, maxn: number, bucket = 2_000_000): SubwordIndexer =>
    new SubwordIndexer({ minn, maxn, bucket }, 0);

  it('takes minn..maxn characters of <word>, the whole <word> included when it fits', () => {
    expect(ngramStrings(indexer(3, 6), 'where')).toEqual([
      '<wh',
      '<whe',
      '<wher',
      '<where',
      'whe',
      'wher',
      'where',
      'where>',
      'her',
      'here',
      'here>',
      'ere',
      'ere>',
      're>',
    ]);
    expect(ngramStrings(indexer(3, 4), 'ab')).toEqual(['<ab', '<ab>', 'ab>']);
  });

  it('counts UTF-8 characters, not bytes or UTF-16 units', () => {
    expect(ngramStrings(indexer(3, 3), 'naïve')).toEqual(['<na', 'naï', 'aïv', 'ïve', 've>']);
    expect(ngramStrings(indexer(2, 2), '日本')).toEqual(['<日', '日本', '本>']);
    expect(ngramStrings(indexer(1, 1), 'a😀')).toEqual(['a', '😀']);
  });

  it('never makes a 1-gram of the < or > boundary alone', () => {
    expect(ngramStrings(indexer(1, 2), 'ab')).toEqual(['<a', 'a', 'ab', 'b', 'b>']);
  });

  it('has none with maxn 0, no buckets, or for </s>', () => {
    expect(ngramStrings(indexer(3, 0), 'where')).toEqual([]);
    expect(ngramStrings(indexer(3, 6, 0), 'where')).toEqual([]);
    expect(ngramStrings(indexer(1, 6), '</s>')).toEqual([]);
    expect(ngramStrings(new SubwordIndexer({ minn: 3, maxn: 3, bucket: 10 }, 0, true), '</s>')).toEqual([
      '<</',
      '</s',
      '/s>',
      's>>',
    ]);
  });

  it('maps each n-gram to nwords + hash % bucket', () => {
    const rows = new SubwordIndexer({ minn: 3, maxn: 3, bucket: 1000 }, 7).rows('abc');
    expect(Array.from(rows)).toEqual(['<ab', 'abc', 'bc>'].map((g) => 7 + (fastTextHash(g) % 1000)));
  });

  it('lists an in-vocabulary word first in subwords()', () => {
    const model = tinyModel();
    const { ngrams, rows } = model.subwords('the');
    expect(ngrams[0]).toBe('the');
    expect(rows[0]).toBe(model.id('the'));
    expect(ngrams.slice(1)).toEqual(ngramStrings(model.subwordIndexer, 'the'));
    expect(model.subwords('oov').ngrams).toEqual(ngramStrings(model.subwordIndexer, 'oov'));
  });
});

describeIf(hasGensim, 'gensim is not installed')('n-grams and hashes agree with gensim', () => {
  // gensim also makes 1-grams of `<` and `>` when minn is 1, which fastText does not: start at 2.
  it('on random Unicode words and n-gram ranges', () => {
    const cases = fc.sample(
      fc.record({
        word: fc.string({
          unit: fc.constantFrom('a', 'b', 'é', 'ß', '日', '😀', '<', '>', 'z'),
          minLength: 1,
          maxLength: 9,
        }),
        minn: fc.integer({ min: 2, max: 4 }),
        span: fc.integer({ min: 0, max: 4 }),
      }),
      { numRuns: 200, seed: 42 },
    );
    const script = [
      'import json, sys',
      'from gensim.models.fasttext_inner import compute_ngrams',
      'from gensim.models.fasttext import ft_ngram_hashes',
      'cases = json.loads(sys.argv[1])',
      'print(json.dumps([[compute_ngrams(c["word"], c["minn"], c["minn"] + c["span"]),',
      '  [int(h) for h in ft_ngram_hashes(c["word"], c["minn"], c["minn"] + c["span"], 1009)]] for c in cases]))',
    ].join('\n');
    const expected = JSON.parse(runPython(script, [JSON.stringify(cases)])) as Array<[string[], number[]]>;
    cases.forEach((c, i) => {
      const ours = new SubwordIndexer({ minn: c.minn, maxn: c.minn + c.span, bucket: 1009 }, 0);
      const [ngrams, hashes] = expected[i]!;
      // gensim lists the same n-grams grouped by length; fastText's order is by start position.
      expect([...ngramStrings(ours, c.word)].sort(), JSON.stringify(c)).toEqual([...ngrams].sort());
      expect(Array.from(ours.rows(c.word)).sort(), JSON.stringify(c)).toEqual([...hashes].sort());
    });
  });
});
