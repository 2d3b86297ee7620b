import { basename } from 'node:path';
import { UsageError } from '../usage-error.js';
import {
  type AnalogyEvaluation,
  evaluateWordAnalogies,
  evaluateWordPairs,
  type WordPairsEvaluation,
} from '@embedkit/similarity';
import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { positiveInteger, repeatable } from '../option-parsers.js';
import { formatScore, formatTable } from '../table.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** gensim's default `restrict_vocab`. */
const DEFAULT_RESTRICT_VOCAB = 300_000;

/** Options of {@link runEval}. */
export interface EvalOptions extends ModelFileOptions {
  /** Analogy sets in the Google format. */
  readonly analogy?: readonly string[];
  /** Word-similarity sets (`w1 w2 score` per line). */
  readonly similarity?: readonly string[];
  /** Only the N most frequent words count as known (gensim's `restrict_vocab`). */
  readonly restrictVocab: number;
  /** How analogy questions are answered. */
  readonly method: '3cosadd' | '3cosmul';
  /** JSON output. */
  readonly json?: boolean;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function printAnalogy(io: CliIo, file: string, result: AnalogyEvaluation, restrictVocab: number): void {
  writeLine(io.stdout, `${basename(file)}: analogies (${result.method}, restrict-vocab ${restrictVocab})`);
  const rows = [['section', 'correct', 'answered', 'accuracy']];
  for (const section of result.sections) {
    const answered = section.correct + section.incorrect;
    rows.push([section.section, String(section.correct), String(answered), percent(section.accuracy)]);
  }
  writeLine(io.stdout, formatTable(rows, ['left', 'right', 'right', 'right']));
  writeLine(
    io.stdout,
    `${result.questions} questions, ${result.oov} skipped with unknown words (${result.oovRatio.toFixed(2)}% OOV)${result.skipped > 0 ? `, ${result.skipped} malformed lines` : ''}`,
  );
}

function printPairs(
  io: CliIo,
  results: readonly { file: string; result: WordPairsEvaluation }[],
  restrictVocab: number,
): void {
  writeLine(io.stdout, `word similarity (restrict-vocab ${restrictVocab})`);
  const rows = [['set', 'pairs', 'pearson', 'spearman', 'OOV %']];
  for (const { file, result } of results) {
    rows.push([
      basename(file),
      String(result.pairs),
      formatScore(result.pearson),
      formatScore(result.spearman),
      result.oovRatio.toFixed(2),
    ]);
  }
  writeLine(io.stdout, formatTable(rows, ['left', 'right', 'right', 'right', 'right']));
}

/**
 * Evaluates word vectors exactly as gensim 4.2 does: analogy accuracy per section and in total
 * (`evaluate_word_analogies`), and Pearson / Spearman correlation with human judgements with the
 * out-of-vocabulary share (`evaluate_word_pairs`).
 */
export async function runEval(io: CliIo, path: string, options: EvalOptions): Promise<void> {
  const analogyFiles = options.analogy ?? [];
  const pairFiles = options.similarity ?? [];
  if (analogyFiles.length + pairFiles.length === 0) {
    throw new UsageError('eval needs at least one --analogy FILE or --similarity FILE');
  }
  const { vectors } = await loadModelFile(path, options);
  const method = options.method === '3cosmul' ? '3CosMul' : '3CosAdd';
  const analogies: { file: string; result: AnalogyEvaluation }[] = [];
  for (const file of analogyFiles) {
    analogies.push({
      file,
      result: await evaluateWordAnalogies(vectors, file, { restrictVocab: options.restrictVocab, method }),
    });
  }
  const pairs: { file: string; result: WordPairsEvaluation }[] = [];
  for (const file of pairFiles) {
    pairs.push({
      file,
      result: await evaluateWordPairs(vectors, file, { restrictVocab: options.restrictVocab }),
    });
  }
  if (options.json) {
    writeJson(io.stdout, {
      vectors: path,
      vocabulary: vectors.size,
      restrictVocab: options.restrictVocab,
      analogy: analogies.map(({ file, result }) => ({ file, ...result })),
      similarity: pairs.map(({ file, result }) => ({ file, ...result })),
    });
    return;
  }
  analogies.forEach(({ file, result }, i) => {
    if (i > 0) writeLine(io.stdout);
    printAnalogy(io, file, result, options.restrictVocab);
  });
  if (pairs.length > 0) {
    if (analogies.length > 0) writeLine(io.stdout);
    printPairs(io, pairs, options.restrictVocab);
  }
}

/** `embedkit eval VECTORS --analogy FILE… --similarity FILE…`. */
export function evalCommand(io: CliIo): Command {
  return newCommand('eval')
    .summary('analogy accuracy and word-similarity correlations (as gensim)')
    .description(
      "Evaluates word vectors with gensim's evaluators: analogy accuracy per section (Google format), and Pearson/Spearman correlation on word-similarity sets with the OOV share.",
    )
    .argument('<vectors>', 'vector file or fastText .bin (its in-vocabulary vectors are evaluated)')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .option('--analogy <file>', 'analogy set, e.g. questions-words.txt (repeatable)', repeatable)
    .option('--similarity <file>', 'word-similarity set, e.g. wordsim353.tsv (repeatable)', repeatable)
    .option(
      '--restrict-vocab <n>',
      'only the N most frequent words count as known (gensim restrict_vocab)',
      positiveInteger,
      DEFAULT_RESTRICT_VOCAB,
    )
    .addOption(
      new Option('--method <method>', 'how analogies are answered')
        .choices(['3cosadd', '3cosmul'])
        .default('3cosadd'),
    )
    .addHelpText(
      'after',
      examples(
        'embedkit eval vectors.bin --analogy questions-words.txt --restrict-vocab 30000',
        'embedkit eval vectors.bin --similarity wordsim353.tsv --similarity simlex999.txt --json',
      ),
    )
    .action((vectors: string, options: EvalOptions) => runEval(io, vectors, options));
}
