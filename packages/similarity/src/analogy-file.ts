import { FormatError } from '@embedkit/core-math';
import { isBlank, splitWhitespace, stripWhitespace } from './python-text.js';
import { splitLines } from './text-source.js';

/** One `a b c d` question of an analogy set ("a is to b as c is to d"). */
export interface AnalogyQuestion {
  readonly a: string;
  readonly b: string;
  readonly c: string;
  readonly expected: string;
}

/** The questions under one `: name` header. */
export interface AnalogySectionQuestions {
  readonly name: string;
  readonly questions: AnalogyQuestion[];
}

/** An analogy set as gensim reads it. */
export interface ParsedAnalogies {
  readonly sections: AnalogySectionQuestions[];
  /** 1-based numbers of the lines that are neither a header nor four words. */
  readonly invalidLines: number[];
}

/**
 * Parses the Google analogy format the way gensim 4.2 does: a line starting with `": "` opens a
 * section named by the line without its leading `:`/space characters and surrounding
 * whitespace; any other line must split on whitespace into exactly four words, or it is
 * skipped as invalid. Blank lines are ignored; a question before the first header is an error.
 */
export function parseAnalogies(text: string, file: string): ParsedAnalogies {
  const sections: AnalogySectionQuestions[] = [];
  const invalidLines: number[] = [];
  let current: AnalogySectionQuestions | undefined;
  const lines = splitLines(text, false);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith(': ')) {
      current = { name: stripWhitespace(line.replace(/^[: ]+/, '')), questions: [] };
      sections.push(current);
      continue;
    }
    if (isBlank(line)) continue;
    if (current === undefined) {
      throw new FormatError({ file, line: i + 1 }, 'a section header (": name") before the first question');
    }
    const words = splitWhitespace(line);
    if (words.length !== 4) {
      invalidLines.push(i + 1);
      continue;
    }
    const [a, b, c, expected] = words as [string, string, string, string];
    current.questions.push({ a, b, c, expected });
  }
  return { sections, invalidLines };
}
