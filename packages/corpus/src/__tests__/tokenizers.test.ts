import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWhitespaceCode, unicodeWordTokenizer, whitespaceTokenizer } from '../index.js';

describe('isWhitespaceCode', () => {
  it('is exactly the Unicode White_Space property over every UTF-16 code unit', () => {
    const property = /^\p{White_Space}$/u;
    const mismatches: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhitespaceCode(code) !== property.test(String.fromCharCode(code))) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('whitespaceTokenizer', () => {
  it('splits on runs of ASCII and Unicode whitespace and drops empty pieces', () => {
    expect(whitespaceTokenizer('  The cat,\tsat\r\n\u00a0on\u3000the\u2028mat.  ')).toEqual([
      'The',
      'cat,',
      'sat',
      'on',
      'the',
      'mat.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(whitespaceTokenizer('')).toEqual([]);
    expect(whitespaceTokenizer(' \t\n ')).toEqual([]);
  });

  it('keeps characters that are not whitespace, such as NUL, ZERO WIDTH SPACE and the BOM', () => {
    expect(whitespaceTokenizer('a\u0000b c\u200bd \ufeffe')).toEqual(['a\u0000b', 'c\u200bd', '\ufeffe']);
  });

  it('gives back the tokens it was given, joined by any whitespace (property)', () => {
    const token = fc
      .string({ minLength: 1, unit: 'grapheme' })
      .filter((t) => whitespaceTokenizer(t).length === 1 && t === whitespaceTokenizer(t)[0]);
    const separator = fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '  ');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, separator)), (pairs) => {
        const text = pairs.map(([t, s]) => t + s).join('');
        expect(whitespaceTokenizer(text)).toEqual(pairs.map(([t]) => t));
      }),
    );
  });
});

describe('unicodeWordTokenizer', () => {
  const tokenize = unicodeWordTokenizer();

  it('keeps internal apostrophes and hyphens and drops punctuation', () => {
    expect(tokenize("Don't re-use e-mail, café! 'quoted' -dash- rock’n’roll")).toEqual([
      "Don't",
      're-use',
      'e-mail',
      'café',
      'quoted',
      'dash',
      'rock’n’roll',
    ]);
  });

  it('keeps letters, combining marks and numbers of any script', () => {
    expect(tokenize('Straße 42 naïve (e\u0301) Москва 東京 ٣٤ १२३')).toEqual([
      'Straße',
      '42',
      'naïve',
      'e\u0301',
      'Москва',
      '東京',
      '٣٤',
      '१२३',
    ]);
  });

  it('splits at double apostrophes or hyphens and at symbols', () => {
    expect(tokenize("a--b c''d x_y 3+4 $5")).toEqual(['a', 'b', 'c', 'd', 'x', 'y', '3', '4', '5']);
  });

  it('lower-cases when asked', () => {
    expect(unicodeWordTokenizer({ lowercase: true })("The CAT's Ä")).toEqual(['the', "cat's", 'ä']);
  });

  it('returns no token that holds whitespace, and is stable when its tokens are re-joined (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const tokens = tokenize(text);
        for (const t of tokens) expect(/\p{White_Space}/u.test(t)).toBe(false);
        expect(tokenize(tokens.join(' '))).toEqual(tokens);
      }),
    );
  });
});
