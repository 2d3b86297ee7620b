import type { LoadedModel } from '@embedkit/algorithms';
import { mostSimilar, mostSimilarCosmul } from '@embedkit/similarity';
import { UsageError } from '../usage-error.js';
import { type Command, Option } from 'commander';
import { type CliIo, writeJson, writeJsonLine, writeLine } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { positiveInteger } from '../option-parsers.js';
import { promptLoop } from '../prompt.js';
import { formatScore, formatTable } from '../table.js';
import { wordQuery } from '../word-query.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** The analogy methods, as spelled on the command line. */
export type AnalogyMethodName = '3cosadd' | '3cosmul';

/**
 * How the three words are read: `word2vec` (the C tool's `word-analogy`, gensim's analogy files):
 * A B C asks "A is to B as C is to ?", B - A + C; `fasttext` (`fasttext analogies`): A B C is
 * A - B + C.
 */
export type AnalogyOrder = 'word2vec' | 'fasttext';

/** Every {@link AnalogyOrder}. */
const ANALOGY_ORDERS: readonly AnalogyOrder[] = ['word2vec', 'fasttext'];

/** Options of {@link runAnalogy}. */
export interface AnalogyOptions extends ModelFileOptions {
  /** How many answers. */
  readonly k: number;
  /** 3CosAdd (gensim's most_similar) or 3CosMul (most_similar_cosmul). */
  readonly method: AnalogyMethodName;
  /** How the three words are read. */
  readonly order: AnalogyOrder;
  /** Search answers only among the N most frequent words. */
  readonly restrictVocab?: number;
  /** JSON output. */
  readonly json?: boolean;
}

interface AnalogyResult {
  readonly a: string;
  readonly b: string;
  readonly c: string;
  readonly order: AnalogyOrder;
  readonly method: AnalogyMethodName;
  readonly answers: { word: string; score: number }[];
}

/** The question the three words ask, for messages. */
function describeOrder(order: AnalogyOrder): string {
  return order === 'fasttext' ? 'A - B + C' : 'A is to B as C is to ?';
}

/** The words added and the word subtracted: B + C - A in word2vec's order, A + C - B in fastText's. */
function terms(
  words: readonly string[],
  order: AnalogyOrder,
): { positive: [string, string]; negative: string } {
  const [a, b, c] = words as [string, string, string];
  return order === 'fasttext' ? { positive: [a, c], negative: b } : { positive: [b, c], negative: a };
}

function solve(model: LoadedModel, words: readonly string[], options: AnalogyOptions): AnalogyResult {
  const [a, b, c] = words as [string, string, string];
  const solver = options.method === '3cosmul' ? mostSimilarCosmul : mostSimilar;
  const { positive, negative } = terms(words, options.order);
  const found = solver(model.vectors, {
    positive: positive.map((word) => wordQuery(model, word)),
    negative: [wordQuery(model, negative)],
    topn: options.k,
    restrictVocab: options.restrictVocab,
  });
  return {
    a,
    b,
    c,
    order: options.order,
    method: options.method,
    answers: found.map(({ key, score }) => ({ word: key, score })),
  };
}

function print(io: CliIo, result: AnalogyResult): void {
  writeLine(
    io.stdout,
    result.order === 'fasttext'
      ? `${result.a} - ${result.b} + ${result.c} = ?`
      : `${result.a} is to ${result.b} as ${result.c} is to ?`,
  );
  const rows = result.answers.map(({ word, score }) => [`  ${word}`, formatScore(score)]);
  if (rows.length > 0) writeLine(io.stdout, formatTable(rows, ['left', 'right']));
}

/**
 * Solves "A is to B as C is to ?" (B - A + C), or A - B + C with `--order fasttext`; with no
 * words, an interactive prompt like word2vec's `word-analogy` (or `fasttext analogies`) reading
 * three words per line.
 */
export async function runAnalogy(
  io: CliIo,
  path: string,
  words: readonly string[],
  options: AnalogyOptions,
): Promise<void> {
  if (words.length !== 0 && words.length !== 3) {
    throw new UsageError(
      `analogy takes three words A B C (${describeOrder(options.order)}), got ${words.length}`,
    );
  }
  const model = await loadModelFile(path, options);
  if (words.length === 3) {
    const result = solve(model, words, options);
    if (options.json) writeJson(io.stdout, result);
    else print(io, result);
    return;
  }
  await promptLoop(io, 'Enter three words (EXIT to break): ', (line) => {
    const given = line.split(/\s+/);
    if (given.length !== 3) {
      throw new UsageError(
        `expected three words A B C (${describeOrder(options.order)}), got ${given.length}`,
      );
    }
    const result = solve(model, given, options);
    if (options.json) writeJsonLine(io.stdout, result);
    else print(io, result);
  });
}

/** `embedkit analogy VECTORS [A B C]`. */
export function analogyCommand(io: CliIo): Command {
  return newCommand('analogy')
    .summary("A is to B as C is to ? (like word2vec's word-analogy)")
    .description(
      "Solves A is to B as C is to ? (B - A + C), like word2vec's word-analogy; with --order fasttext the three words are read as fastText's `analogies` reads them, A - B + C. Without words, reads three words per line from stdin.",
    )
    .argument('<vectors>', 'vector file or fastText .bin')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .argument('[words...]', 'A B C')
    .option('-k <n>', 'answers to show', positiveInteger, 5)
    .addOption(
      new Option('--method <method>', '3cosadd (gensim most_similar) or 3cosmul (most_similar_cosmul)')
        .choices(['3cosadd', '3cosmul'])
        .default('3cosadd'),
    )
    .addOption(
      new Option(
        '--order <order>',
        'how A B C are read: word2vec (A is to B as C is to ?, B - A + C, as word-analogy) or fasttext (A - B + C, as fasttext analogies)',
      )
        .choices(ANALOGY_ORDERS)
        .default('word2vec'),
    )
    .option('--restrict-vocab <n>', 'answers only among the N most frequent words', positiveInteger)
    .addHelpText(
      'after',
      examples(
        'embedkit analogy vectors.bin man king woman              # -> queen',
        'embedkit analogy vectors.bin paris france berlin --method 3cosmul -k 1',
        'embedkit analogy model.bin berlin germany france --order fasttext   # -> paris',
        'embedkit analogy vectors.bin                             # interactive, like word-analogy',
      ),
    )
    .action((vectors: string, words: string[], options: AnalogyOptions) =>
      runAnalogy(io, vectors, words, options),
    );
}
