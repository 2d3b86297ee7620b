import { FormatError } from '@embedkit/core-math';
import { isBlank, parsePythonFloat, splitWhitespace } from './python-text.js';
import { splitLines } from './text-source.js';

/** One `w1 w2 score` line of a word-similarity set. */
export interface WordPair {
  readonly first: string;
  readonly second: string;
  readonly score: number;
}

/** A word-similarity set as gensim reads it. */
export interface ParsedWordPairs {
  readonly pairs: WordPair[];
  /** 1-based numbers of the lines that are not `w1 w2 score`. */
  readonly invalidLines: number[];
}

/**
 * Parses a word-similarity file the way gensim 4.2's `evaluate_word_pairs` does: lines are split
 * at `\n`, `\r\n` or `\r`; a line starting with `#` is a comment; any other line must split on
 * `delimiter` into exactly three fields (words are not trimmed) whose third is a Python float, or
 * it is skipped as invalid. `'whitespace'` splits on runs of whitespace like Python's
 * `str.split()`; `'auto'` uses a tab when the first non-comment, non-blank line has one and
 * whitespace otherwise. Blank lines are ignored. Unlike gensim, a score that is not finite
 * (`nan`, `inf`, `1e999`) is an error: it would make every correlation NaN.
 *
 * @param file - the name errors give for the text (default `<text>`)
 * @throws FormatError naming the line of a score that is not a finite number
 */
export function parseWordPairs(text: string, delimiter: string, file = '<text>'): ParsedWordPairs {
  const lines = splitLines(text, true);
  const pairs: WordPair[] = [];
  const invalidLines: number[] = [];
  let split: ((line: string) => string[]) | undefined =
    delimiter === 'auto' ? undefined : fieldSplitter(delimiter);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#') || isBlank(line)) continue;
    split ??= fieldSplitter(line.includes('\t') ? '\t' : 'whitespace');
    const fields = split(line);
    const score = fields.length === 3 ? parsePythonFloat(fields[2]!) : undefined;
    if (score === undefined) {
      invalidLines.push(i + 1);
      continue;
    }
    if (!Number.isFinite(score)) {
      throw new FormatError({ file, line: i + 1 }, 'a finite similarity score', JSON.stringify(fields[2]));
    }
    pairs.push({ first: fields[0]!, second: fields[1]!, score });
  }
  return { pairs, invalidLines };
}

function fieldSplitter(delimiter: string): (line: string) => string[] {
  return delimiter === 'whitespace' ? splitWhitespace : (line) => line.split(delimiter);
}
