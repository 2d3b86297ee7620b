import type { LoadedModel } from '@embedkit/algorithms';
import { ExactIndex, mostSimilar, type Neighbor } from '@embedkit/similarity';
import type { Command } from 'commander';
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

/** Options of {@link runNeighbors}. */
export interface NeighborsOptions extends ModelFileOptions {
  /** How many neighbours per query. */
  readonly k: number;
  /** Search only the N most frequent words. */
  readonly restrictVocab?: number;
  /** JSON output. */
  readonly json?: boolean;
}

/** One answered query. */
interface NeighborsResult {
  readonly query: string;
  readonly neighbors: { word: string; score: number }[];
}

function answer(
  model: LoadedModel,
  index: ExactIndex,
  words: readonly string[],
  options: NeighborsOptions,
): NeighborsResult {
  const queries = words.map((word) => wordQuery(model, word));
  const found: Neighbor[] =
    queries.length === 1
      ? index.nearest(queries[0]!, { k: options.k, restrictVocab: options.restrictVocab })
      : mostSimilar(model.vectors, {
          positive: queries,
          topn: options.k,
          restrictVocab: options.restrictVocab,
        });
  return { query: words.join(' '), neighbors: found.map(({ key, score }) => ({ word: key, score })) };
}

function printResult(io: CliIo, result: NeighborsResult): void {
  writeLine(io.stdout, result.query);
  const rows = result.neighbors.map(({ word, score }) => [`  ${word}`, formatScore(score)]);
  if (rows.length > 0) writeLine(io.stdout, formatTable(rows, ['left', 'right']));
}

/**
 * The nearest neighbours (cosine similarity) of each word of `words`; with no word, an
 * interactive prompt like word2vec's `distance`: one query per line, where a line of several
 * words asks for the neighbours of their sum.
 */
export async function runNeighbors(
  io: CliIo,
  path: string,
  words: readonly string[],
  options: NeighborsOptions,
): Promise<void> {
  const model = await loadModelFile(path, options);
  const index = new ExactIndex(model.vectors);
  if (words.length > 0) {
    const results = words.map((word) => answer(model, index, [word], options));
    if (options.json) writeJson(io.stdout, results);
    else
      results.forEach((result, i) => {
        if (i > 0) writeLine(io.stdout);
        printResult(io, result);
      });
    return;
  }
  await promptLoop(io, 'Enter word or sentence (EXIT to break): ', (line) => {
    const result = answer(model, index, line.split(/\s+/), options);
    if (options.json) writeJsonLine(io.stdout, result);
    else printResult(io, result);
  });
}

/** `embedkit neighbors VECTORS [WORD…]`. */
export function neighborsCommand(io: CliIo): Command {
  return newCommand('neighbors')
    .summary("nearest neighbours of words (like word2vec's distance)")
    .description(
      "Nearest neighbours by cosine similarity (word2vec's distance, fastText's nn). Without words, reads one query per line from stdin; a line of several words asks for the neighbours of their sum.",
    )
    .argument('<vectors>', 'vector file or fastText .bin (any format embedkit reads)')
    .addOption(modelFormatOption())
    .addOption(modelEncodingOption())
    .addOption(modelUnicodeErrorsOption())
    .argument('[words...]', 'words to look up (a fastText .bin also answers words outside its vocabulary)')
    .option('-k <n>', 'neighbours per word', positiveInteger, 10)
    .option('--restrict-vocab <n>', 'search only the N most frequent words', positiveInteger)
    .addHelpText(
      'after',
      examples(
        'embedkit neighbors vectors.bin king queen -k 5',
        'embedkit neighbors model.bin --restrict-vocab 30000          # interactive, like distance',
        'echo "paris france" | embedkit neighbors vectors.bin --json',
      ),
    )
    .action((vectors: string, words: string[], options: NeighborsOptions) =>
      runNeighbors(io, vectors, words, options),
    );
}
