import type { WordVectors } from '@embedkit/core-math';
import { parseAnalogies } from './analogy-file.js';
import { evaluationVocabulary } from './evaluation-vocabulary.js';
import { loadText } from './text-source.js';
import type { AnalogyMethod, TermQuery } from './term-scorer.js';
import { restrictedRows, searchTerms, TermSet } from './term-search.js';

/** Options of {@link evaluateWordAnalogies} (defaults as gensim 4.2). */
export interface EvaluateAnalogiesOptions {
  /** Only the first N rows are known words and candidate answers (default 300000). */
  readonly restrictVocab?: number;
  /** Compare words upper-cased, as gensim does (default true). */
  readonly caseInsensitive?: boolean;
  /** How a question is answered (default `3CosAdd`, the only method gensim 4.2 evaluates with). */
  readonly method?: AnalogyMethod;
  /** Stops the evaluation between blocks with a `CancelledError`. */
  readonly signal?: AbortSignal;
}

/** Correct and incorrect answers of one section. */
export interface AnalogySectionResult {
  /** The section's name (`Total accuracy` for the final, overall section). */
  readonly section: string;
  /** Questions answered correctly. */
  readonly correct: number;
  /** Questions answered incorrectly (questions with unknown words are not counted). */
  readonly incorrect: number;
  /** correct / (correct + incorrect), 0 for a section without evaluated questions. */
  readonly accuracy: number;
}

/** The result of {@link evaluateWordAnalogies}. */
export interface AnalogyEvaluation {
  /** Overall accuracy (gensim's returned score): the `Total accuracy` section's accuracy. */
  readonly accuracy: number;
  /** Every section in file order (empty ones too), then `Total accuracy`. */
  readonly sections: readonly AnalogySectionResult[];
  /** Well-formed questions read (gensim's `quadruplets_no`). */
  readonly questions: number;
  /** Questions skipped because a word is not among the first `restrictVocab` keys. */
  readonly oov: number;
  /** `oov` as a percentage of `questions` (0 when there are none). */
  readonly oovRatio: number;
  /** Lines that are neither a section header nor four words (blank lines are not counted). */
  readonly skipped: number;
  /** The 1-based numbers of the skipped lines. */
  readonly skippedLines: readonly number[];
  /** The method questions were answered with. */
  readonly method: AnalogyMethod;
}

/** Distinct question words scored together per row block (bounds the products buffer). */
const TERM_BLOCK = 2048;
/** Candidates gensim looks at per question (`most_similar(..., topn=5)`). */
const CANDIDATES = 5;

interface PendingQuestion {
  readonly section: number;
  readonly words: readonly [string, string, string];
  readonly expected: string;
  readonly rows: readonly [number, number, number];
}

/**
 * Analogy accuracy exactly as gensim 4.2's `KeyedVectors.evaluate_word_analogies` computes it
 * (the Google `questions-words.txt` format: `: section` headers, then `a b c d` lines):
 * - the known words are the first `restrictVocab` keys; with `caseInsensitive` keys and
 *   question words are upper-cased and, of keys that differ only in case, the first row wins;
 * - a question with a word outside the known words is skipped (counted in `oov`, not as wrong);
 * - the answer is `b - a + c` by 3CosAdd over the known rows, excluding the rows of a, b and c:
 *   of the 5 best candidates the first whose (upper-cased) key is not one of the question's
 *   words is the prediction, and the question is correct when it equals d;
 * - sections are reported in file order, followed by `Total accuracy` over all of them.
 *
 * All questions are answered together: per block of rows, the cosines of every distinct question
 * word with the block are one matrix product, which each question then combines.
 *
 * @param pathOrText - the file's path, or its text (any string containing a line break)
 * @throws FormatError when a question comes before the first section header, or bytes are not UTF-8
 * @throws IoError when the file cannot be read
 */
export async function evaluateWordAnalogies(
  vectors: WordVectors,
  pathOrText: string,
  options: EvaluateAnalogiesOptions = {},
): Promise<AnalogyEvaluation> {
  const method = options.method ?? '3CosAdd';
  const caseInsensitive = options.caseInsensitive ?? true;
  const rowCount = restrictedRows(vectors, options.restrictVocab ?? 300000);
  const { text, file } = await loadText(pathOrText);
  const parsed = parseAnalogies(text, file);
  const known = evaluationVocabulary(vectors, rowCount, caseInsensitive);
  const normalise = caseInsensitive ? (word: string) => word.toUpperCase() : (word: string) => word;

  let questions = 0;
  let oov = 0;
  const pending: PendingQuestion[] = [];
  parsed.sections.forEach((section, index) => {
    for (const question of section.questions) {
      questions++;
      const a = normalise(question.a);
      const b = normalise(question.b);
      const c = normalise(question.c);
      const expected = normalise(question.expected);
      const rowA = known.get(a);
      const rowB = known.get(b);
      const rowC = known.get(c);
      if (rowA === undefined || rowB === undefined || rowC === undefined || !known.has(expected)) {
        oov++;
        continue;
      }
      pending.push({ section: index, words: [a, b, c], expected, rows: [rowA, rowB, rowC] });
    }
  });

  const correct = new Int32Array(parsed.sections.length);
  const incorrect = new Int32Array(parsed.sections.length);
  for (let start = 0; start < pending.length; ) {
    const terms = new TermSet(vectors);
    const queries: TermQuery[] = [];
    let end = start;
    for (; end < pending.length && terms.size < TERM_BLOCK; end++) {
      const [rowA, rowB, rowC] = pending[end]!.rows;
      queries.push({
        positive: [terms.row(rowB), terms.row(rowC)],
        negative: [terms.row(rowA)],
        exclude: [rowA, rowB, rowC],
      });
    }
    const answers = searchTerms(vectors, terms, queries, method, CANDIDATES, rowCount, options.signal);
    answers.forEach((candidates, i) => {
      const question = pending[start + i]!;
      let predicted: string | undefined;
      for (const candidate of candidates) {
        predicted = normalise(candidate.key);
        if (!question.words.includes(predicted)) break;
      }
      if (predicted === question.expected) correct[question.section]!++;
      else incorrect[question.section]!++;
    });
    start = end;
  }

  const sections = parsed.sections.map((section, i) =>
    sectionResult(section.name, correct[i]!, incorrect[i]!),
  );
  const total = sectionResult(
    'Total accuracy',
    correct.reduce((sum, n) => sum + n, 0),
    incorrect.reduce((sum, n) => sum + n, 0),
  );
  return {
    accuracy: total.accuracy,
    sections: [...sections, total],
    questions,
    oov,
    oovRatio: questions === 0 ? 0 : (oov / questions) * 100,
    skipped: parsed.invalidLines.length,
    skippedLines: parsed.invalidLines,
    method,
  };
}

function sectionResult(section: string, correct: number, incorrect: number): AnalogySectionResult {
  const answered = correct + incorrect;
  return { section, correct, incorrect, accuracy: answered === 0 ? 0 : correct / answered };
}
