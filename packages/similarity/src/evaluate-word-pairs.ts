import { ConfigError, FormatError, pearson, spearman, type WordVectors } from '@embedkit/core-math';
import { kernels } from '@embedkit/core-math/kernels';
import { evaluationVocabulary } from './evaluation-vocabulary.js';
import { restrictedRows } from './term-search.js';
import { loadText } from './text-source.js';
import { parseWordPairs } from './word-pairs-file.js';

/** Options of {@link evaluateWordPairs} (defaults as gensim 4.2). */
export interface EvaluateWordPairsOptions {
  /** Only the first N rows are known words (default 300000). */
  readonly restrictVocab?: number;
  /** Compare words upper-cased, as gensim does (default true). */
  readonly caseInsensitive?: boolean;
  /**
   * Field separator: `'auto'` (default: a tab when the first data line has one, as in gensim's
   * files, otherwise runs of whitespace), `'whitespace'`, or a literal string such as `'\t'`
   * (gensim's `delimiter`, split exactly like Python's `str.split(delimiter)`).
   */
  readonly delimiter?: string;
}

/** The result of {@link evaluateWordPairs}. */
export interface WordPairsEvaluation {
  /** Pearson's r between the gold scores and the model's cosine similarities. */
  readonly pearson: number;
  /** Spearman's rho (average ranks for ties, as scipy). */
  readonly spearman: number;
  /** Pairs with an unknown word, as a percentage of all well-formed pairs (gensim's oov_ratio). */
  readonly oovRatio: number;
  /** Pairs used for the correlations. */
  readonly pairs: number;
  /** Pairs skipped because a word is not among the first `restrictVocab` keys. */
  readonly oov: number;
  /** Lines that do not parse as `w1 w2 score` (comments and blank lines are not counted). */
  readonly skipped: number;
  /** The 1-based numbers of the skipped lines. */
  readonly skippedLines: readonly number[];
}

/**
 * Correlation with human similarity judgements exactly as gensim 4.2's
 * `KeyedVectors.evaluate_word_pairs` (with `dummy4unknown=False`): the known words are the first
 * `restrictVocab` keys (upper-cased with `caseInsensitive`, the first of keys equal up to case
 * winning); pairs with an unknown word are skipped and reported in `oovRatio`; the model's score
 * is the cosine similarity rounded to float32 (gensim's is a float32, so equal similarities, such
 * as a word paired with itself, tie for Spearman's ranks exactly as in gensim); Pearson and
 * Spearman as scipy's `pearsonr` and `spearmanr`.
 *
 * @param pathOrText - the file's path, or its text (any string containing a line break)
 * @throws FormatError when no pair is usable (no valid line, or every pair has an unknown word), or
 *   a score is not a finite number
 * @throws IoError when the file cannot be read
 */
export async function evaluateWordPairs(
  vectors: WordVectors,
  pathOrText: string,
  options: EvaluateWordPairsOptions = {},
): Promise<WordPairsEvaluation> {
  const caseInsensitive = options.caseInsensitive ?? true;
  const rowCount = restrictedRows(vectors, options.restrictVocab ?? 300000);
  const delimiter = options.delimiter ?? 'auto';
  if (delimiter === '')
    throw new ConfigError('delimiter', delimiter, "'auto', 'whitespace' or a non-empty separator");
  const { text, file } = await loadText(pathOrText);
  const parsed = parseWordPairs(text, delimiter, file);
  const known = evaluationVocabulary(vectors, rowCount, caseInsensitive);
  const normalise = caseInsensitive ? (word: string) => word.toUpperCase() : (word: string) => word;
  const unit = vectors.unitMatrix();
  const { dim } = vectors;
  const k = kernels();
  const gold: number[] = [];
  const model: number[] = [];
  let oov = 0;
  for (const pair of parsed.pairs) {
    const first = known.get(normalise(pair.first));
    const second = known.get(normalise(pair.second));
    if (first === undefined || second === undefined) {
      oov++;
      continue;
    }
    gold.push(pair.score);
    model.push(Math.fround(k.dot(unit, first * dim, unit, second * dim, dim)));
  }
  if (gold.length === 0) {
    throw new FormatError(
      { file },
      `at least one "w1 w2 score" line whose words are among the first ${rowCount} keys`,
      `${parsed.pairs.length} valid pairs (${oov} with unknown words) and ${parsed.invalidLines.length} invalid lines`,
    );
  }
  return {
    pearson: pearson(gold, model),
    spearman: spearman(gold, model),
    oovRatio: (oov / (gold.length + oov)) * 100,
    pairs: gold.length,
    oov,
    skipped: parsed.invalidLines.length,
    skippedLines: parsed.invalidLines,
  };
}
