import { ConfigError } from '@embedkit/core-math';
import { type SearchHit, SemanticIndex } from '@embedkit/text-pooling';
import type { Command } from 'commander';
import { type CliIo, writeJson, writeJsonLine, writeLine, writeNote } from '../cli-io.js';
import { examples, newCommand } from '../new-command.js';
import { positiveInteger } from '../option-parsers.js';
import { addPoolingOptions, createTextEmbedder, type PoolingCliOptions } from '../pooling-options.js';
import { promptLoop } from '../prompt.js';
import { formatScore, formatTable } from '../table.js';
import { readTextLines } from '../text-lines.js';
import {
  loadModelFile,
  type ModelFileOptions,
  modelEncodingOption,
  modelFormatOption,
  modelUnicodeErrorsOption,
} from '../model-file.js';

/** Options of {@link runSearch}. */
export interface SearchCommandOptions extends PoolingCliOptions, ModelFileOptions {
  /** The documents, one per line. */
  readonly docs: string;
  /** Results per query. */
  readonly k: number;
  /** JSON output. */
  readonly json?: boolean;
}

/** Characters of a document shown in a result. */
const SHOWN = 100;

interface QueryResult {
  readonly query: string;
  readonly hits: { line: number; score: number; text: string }[];
}

function shorten(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= SHOWN ? chars.join('') : `${chars.slice(0, SHOWN - 1).join('')}…`;
}

function print(io: CliIo, result: QueryResult): void {
  writeLine(io.stdout, result.query);
  if (result.hits.length === 0) {
    writeLine(io.stdout, '  (no known word in the query)');
    return;
  }
  const rows = result.hits.map((hit) => [
    `  ${formatScore(hit.score)}`,
    `line ${hit.line}`,
    shorten(hit.text),
  ]);
  writeLine(io.stdout, formatTable(rows, ['left', 'right', 'left']));
}

/**
 * Semantic search: embeds every non-blank line of `--docs` with a text embedder and returns, for
 * each query, the `k` most similar lines by cosine similarity. Without queries, reads one query
 * per line from stdin. Warns on stderr when more than half the documents' tokens are out of the
 * vocabulary.
 */
export async function runSearch(
  io: CliIo,
  path: string,
  queries: readonly string[],
  options: SearchCommandOptions,
): Promise<void> {
  const model = await loadModelFile(path, options);
  const lines = await readTextLines(options.docs, io.stdin);
  const ids: string[] = [];
  const texts: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    ids.push(String(i + 1));
    texts.push(line);
  });
  if (texts.length === 0)
    throw new ConfigError('docs', options.docs, 'a file with at least one non-blank line');
  const { textEmbedder, coverage } = await createTextEmbedder(
    model,
    options,
    async () => (options.fit === undefined ? texts : readTextLines(options.fit, io.stdin)),
    (note) => writeNote(io.stderr, note),
  );
  for (const text of texts) coverage.count(text);
  const warning = coverage.warning();
  if (warning !== undefined) writeNote(io.stderr, warning);
  const index = SemanticIndex.build(textEmbedder, ids, texts);
  const search = (query: string): QueryResult => ({
    query,
    hits: index.search(query, { k: options.k }).map((hit: SearchHit) => ({
      line: Number(hit.id),
      score: hit.score,
      text: lines[Number(hit.id) - 1]!,
    })),
  });
  if (queries.length > 0) {
    const results = queries.map(search);
    if (options.json) writeJson(io.stdout, results);
    else
      results.forEach((result, i) => {
        if (i > 0) writeLine(io.stdout);
        print(io, result);
      });
    return;
  }
  await promptLoop(io, 'Enter a query (EXIT to break): ', (query) => {
    const result = search(query);
    if (options.json) writeJsonLine(io.stdout, result);
    else print(io, result);
  });
}

/** `embedkit search VECTORS --docs FILE [QUERY…]`. */
export function searchCommand(io: CliIo): Command {
  return addPoolingOptions(
    newCommand('search')
      .summary('semantic search over a file of texts')
      .description(
        'Semantic search over a file of texts (one per line): the lines most similar to each query by cosine similarity of pooled word vectors. Without queries, reads one query per line from stdin.',
      )
      .argument('<vectors>', 'vector file or fastText .bin')
      .argument('[queries...]', 'queries (quote each one)')
      .addOption(modelFormatOption())
      .addOption(modelEncodingOption())
      .addOption(modelUnicodeErrorsOption())
      .requiredOption('--docs <file>', 'the texts to search, one per line (blank lines are skipped)')
      .option('-k <n>', 'results per query', positiveInteger, 5),
    'the documents',
  )
    .addHelpText(
      'after',
      examples(
        'embedkit search vectors.bin --docs faq.txt "how do I reset my password"',
        'embedkit search model.bin --docs news.txt --method sif -k 3 "election results" "stock market"',
      ),
    )
    .action((vectors: string, queries: string[], options: SearchCommandOptions) =>
      runSearch(io, vectors, queries, options),
    );
}
