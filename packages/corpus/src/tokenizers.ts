/**
 * Tokenizers: pure functions from a piece of text to its tokens.
 *
 * The streaming readers cut long lines at whitespace before they call a tokenizer, so a tokenizer
 * must never return a token that spans whitespace (see {@link isWhitespaceCode}).
 */

/** A pure function from text to its tokens, in order. It must not return tokens that contain whitespace. */
export type Tokenizer = (text: string) => string[];

/**
 * Whether the UTF-16 code unit `code` is a whitespace character: the 25 characters with the Unicode
 * `White_Space` property — TAB, LF, VT, FF, CR, SPACE, NEL (U+0085), NO-BREAK SPACE (U+00A0),
 * OGHAM SPACE MARK (U+1680), U+2000..U+200A, LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029),
 * NARROW NO-BREAK SPACE (U+202F), MEDIUM MATHEMATICAL SPACE (U+205F) and IDEOGRAPHIC SPACE (U+3000).
 * All of them lie in the Basic Multilingual Plane, so a code unit test is exact.
 */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** One or more whitespace characters (the same set as {@link isWhitespaceCode}). */
const WHITESPACE_RUN = /\p{White_Space}+/u;

/**
 * Splits `text` on runs of whitespace (the Unicode `White_Space` characters, see
 * {@link isWhitespaceCode}) and returns the non-empty pieces, as word2vec and fastText read their
 * input: no lower-casing, punctuation stays attached to words.
 *
 * The word2vec C tool splits on space, tab and newline (and drops CR), fastText on space, tab,
 * newline, CR, VT, FF and NUL, gensim (Python's `str.split`) on `White_Space` plus U+001C..U+001F;
 * for text whose only whitespace is spaces, tabs and line ends they all agree.
 */
export const whitespaceTokenizer: Tokenizer = (text) => {
  const tokens = text.split(WHITESPACE_RUN);
  if (tokens[tokens.length - 1] === '') tokens.pop();
  if (tokens[0] === '') tokens.shift();
  return tokens;
};

/** Options of {@link unicodeWordTokenizer}. */
export interface UnicodeWordTokenizerOptions {
  /** Lower-case every token with `String.prototype.toLowerCase` (locale-independent). Default `false`. */
  readonly lowercase?: boolean;
}

/**
 * The words {@link unicodeWordTokenizer} extracts: a run of Unicode letters, combining marks and
 * numbers, optionally joined to further runs by one internal apostrophe (`'` U+0027, `’` U+2019) or
 * hyphen (`-` U+002D, `‐` U+2010, `‑` U+2011). Everything else (punctuation, symbols, whitespace)
 * separates tokens.
 */
const UNICODE_WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['\u2019\u002d\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Returns a tokenizer that extracts words: runs of Unicode letters, combining marks and numbers,
 * joined by single internal apostrophes (`'` U+0027, `’` U+2019) or hyphens (U+002D, U+2010,
 * U+2011) — every match of the regular expression
 * `[\p{L}\p{M}\p{N}]+(?:['\u2019\u002d\u2010\u2011][\p{L}\p{M}\p{N}]+)*` (flags `gu`).
 * `"Don't re-use e-mail, café!"` gives `["Don't", "re-use", "e-mail", "café"]`. No Unicode
 * normalisation is applied; normalise the text first (`text.normalize('NFC')`) if your input mixes
 * composed and decomposed forms.
 */
export function unicodeWordTokenizer(options: UnicodeWordTokenizerOptions = {}): Tokenizer {
  const lowercase = options.lowercase ?? false;
  return (text) => {
    const matches = text.match(UNICODE_WORD_PATTERN);
    if (matches === null) return [];
    if (lowercase) {
      for (let i = 0; i < matches.length; i++) matches[i] = matches[i]!.toLowerCase();
    }
    return matches;
  };
}
