#!/usr/bin/env node
/**
 * `embedkit-bench` (the root's `pnpm bench`): trains every registered algorithm on one corpus with
 * one seed, evaluates them with gensim-compatible evaluators, and writes a Markdown table, JSON and
 * an SVG chart.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type DataFile,
  analogySets,
  corpora,
  similaritySets,
  stsBenchmark,
  wordFrequencies,
} from '@embedkit/datasets';
import { UsageError } from '@embedkit/cli';
import { Command, InvalidArgumentError } from 'commander';
import { runBench } from './bench.js';
import { CLASSIFICATION_SETS } from './classification-data.js';
import { renderClassificationMarkdown, runClassificationBench } from './classification-task.js';
import { GRAPH_NAMES } from './graph-data.js';
import { LARGE_GRAPH_NODES, renderGraphMarkdown, runGraphBench } from './graph-task.js';
import {
  type BenchOptions,
  DEFAULT_ALGOS,
  DEFAULT_COMMON,
  DEFAULT_PROBE_WORDS,
  DEFAULT_SETTINGS,
  parseOverride,
} from './options.js';
import { renderMarkdown } from './report-markdown.js';

function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return parsed;
  };
}

function positiveNumber(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!(parsed > 0 && parsed < Number.POSITIVE_INFINITY))
      throw new InvalidArgumentError(`${name} must be a number above 0`);
    return parsed;
  };
}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((item) => item !== '')];
}

function repeat(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Corpora the bench knows by name; any other `--corpus` value is a file. */
const NAMED_CORPORA = new Map<string, () => Promise<string | undefined>>([
  ['sotu', async () => undefined],
  ['text8-head', () => corpora.text8Head.path()],
]);

/** `--corpus`: a named corpus (see {@link NAMED_CORPORA}) unless a file of that name exists. */
async function corpusPath(value: string | undefined): Promise<string | undefined> {
  if (value === undefined || existsSync(value)) return value;
  const named = NAMED_CORPORA.get(value);
  return named === undefined ? value : named();
}

/** The sets of `dir` among `names` (for `--data`). */
function setsIn(dir: string, names: readonly string[]): string[] {
  return names.map((name) => join(dir, name)).filter((file) => existsSync(file));
}

const program = new Command('embedkit-bench')
  .description(
    'Train every registered embedding algorithm on the same corpus with the same seed, evaluate them on analogy and word-similarity sets with gensim-compatible evaluators, and compare them (and their peers gensim and fastText) in one table.',
  )
  .option(
    '--corpus <file|name>',
    `corpus: a file (one sentence per line, whitespace tokens) or a shipped corpus: ${[...NAMED_CORPORA.keys()].join(', ')} (default: sotu, the State of the Union addresses)`,
  )
  .option('--algos <list>', `algorithms to train (default: ${DEFAULT_ALGOS.join(',')})`, list)
  .option('--dim <n>', 'vector dimension', positiveInt('--dim'), DEFAULT_COMMON.dim)
  .option('--epochs <n>', 'passes over the corpus', positiveInt('--epochs'), DEFAULT_COMMON.epochs)
  .option('--window <n>', 'context window', positiveInt('--window'), DEFAULT_COMMON.window)
  .option(
    '--min-count <n>',
    'drop words seen fewer times',
    positiveInt('--min-count'),
    DEFAULT_COMMON.minCount,
  )
  .option('--threads <n>', 'worker threads', positiveInt('--threads'), availableParallelism())
  .option('--seed <n>', 'seed of every random choice', positiveInt('--seed'), 1)
  .option('--set <algo.option=value>', 'per-algorithm option, e.g. glove.xMax=10 (repeatable)', repeat)
  .option(
    '--data <dir>',
    'folder with questions-words.txt, wordsim353.tsv, simlex999.txt, enwiki_vocab_min200.txt: use the sets found there instead of the shipped ones (default: @embedkit/datasets)',
  )
  .option('--analogy <file>', 'analogy set in the Google format (repeatable; replaces the default)', repeat)
  .option('--similarity <file>', 'word-similarity set (repeatable; replaces the default)', repeat)
  .option(
    '--sts [dir]',
    'also compare text pooling methods (mean, unit-mean, TF-IDF, SIF) on the STS Benchmark test split: the shipped one, or sts-test.csv in dir',
  )
  .option(
    '--frequencies <file>',
    'word frequency table for SIF (default: the shipped English Wikipedia counts, or enwiki_vocab_min200.txt in --data)',
  )
  .option(
    '--restrict-vocab <n>',
    'analogy answers among the N most frequent words',
    positiveInt('--restrict-vocab'),
    30000,
  )
  .option('--vectors <file>', 'pretrained vector file to evaluate in the same table (repeatable)', repeat)
  .option('--peers <list>', 'run the same configuration with peers: gensim,fasttext,glove', list)
  .option(
    '--glove-tools <dir>',
    'folder with the Stanford GloVe tools (vocab_count, cooccur, shuffle, glove) for --peers glove (default: $GLOVE_TOOLS_DIR)',
  )
  .option('--plugin <module>', 'module exporting EmbeddingAlgorithms (repeatable)', repeat)
  .option(
    '--probe <list>',
    `words whose neighbours the report shows (default: ${DEFAULT_PROBE_WORDS.join(',')})`,
    list,
  )
  .option(
    '--task <name>',
    'word (default: analogy and word similarity), graph (node2vec vs networkx walks + gensim: link prediction, node classification) or classification (fasttext-supervised vs fastText supervised on SpamAssassin and SOTU)',
    'word',
  )
  .option('--graphs <list>', `graph task: graphs to run (default: ${GRAPH_NAMES.join(',')})`, list)
  .option(
    '--sbm-nodes <n>',
    'graph task: nodes of the stochastic block model',
    positiveInt('--sbm-nodes'),
    2_000,
  )
  .option('--seeds <n>', 'graph task: seeds 1..n, figures are means', positiveInt('--seeds'), 3)
  .option(
    '--large-seeds <n>',
    `graph task: seeds on graphs of more than ${LARGE_GRAPH_NODES} nodes (sotu, sbm: minutes per run)`,
    positiveInt('--large-seeds'),
    1,
  )
  .option('--p <x>', 'graph task: node2vec return parameter', positiveNumber('--p'), 1)
  .option('--q <x>', 'graph task: node2vec in-out parameter', positiveNumber('--q'), 0.5)
  .option('--walk-length <n>', 'graph task: nodes per walk', positiveInt('--walk-length'), 80)
  .option('--walks-per-node <n>', 'graph task: walks from every node', positiveInt('--walks-per-node'), 10)
  .option('--no-reference', 'graph task: do not run the reference pipeline')
  .option(
    '--sets <list>',
    `classification task: labelled sets to run (default: ${CLASSIFICATION_SETS.join(',')})`,
    list,
  )
  .option('--out <dir>', 'output folder', 'bench-out')
  .option('--report-copy <file>', 'also write the Markdown report to this file, e.g. docs/benchmarks.md')
  .addHelpText(
    'after',
    `
Examples:
  pnpm bench                                   # default corpus, every algorithm
  pnpm bench --corpus text8-head --peers gensim,fasttext   # the shipped 2.1 M-token text8 head
  pnpm bench --algos glove --peers glove --glove-tools ~/GloVe/build
  pnpm bench --algos word2vec-skipgram,glove --dim 50 --set glove.xMax=10
  pnpm bench --plugin ./my-algorithm.mjs --algos my-algorithm,word2vec-skipgram
  pnpm bench --task graph --graphs karate,lesmis --seeds 3     # node2vec vs networkx + gensim
  pnpm bench --task graph --set node2vec.negativeSharing=window # an option of ours alone
  pnpm bench --task classification --threads 2                 # fasttext-supervised vs fasttext supervised`,
  );

/**
 * The graph task's `--set node2vec.option=value` entries (word2vec options such as
 * negativeSharing that only our pipeline takes).
 *
 * @throws UsageError for an entry of another algorithm
 */
function graphOverrides(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    ((raw.set as string[] | undefined) ?? []).map((spec) => {
      const { algo, option, value } = parseOverride(spec);
      if (algo !== 'node2vec')
        throw new UsageError(`--set ${spec}: the graph task takes node2vec.option=value`);
      return [option, value];
    }),
  );
}

/** `--task graph`: node2vec against the reference pipeline on graphs (see graph-task.ts). */
async function mainGraph(raw: Record<string, unknown>, command: string): Promise<void> {
  // dim, window and epochs keep node2vec's own defaults (128, 10, 1) unless given.
  const fromCli = (['dim', 'window', 'epochs'] as const).filter(
    (key) => program.getOptionValueSource(key) === 'cli',
  );
  const report = await runGraphBench(
    {
      graphs: (raw.graphs as string[] | undefined) ?? [...GRAPH_NAMES],
      sbmNodes: raw.sbmNodes as number,
      seeds: raw.seeds as number,
      largeSeeds: raw.largeSeeds as number,
      threads: raw.threads as number,
      node2vec: {
        p: raw.p as number,
        q: raw.q as number,
        walkLength: raw.walkLength as number,
        walksPerNode: raw.walksPerNode as number,
        ...Object.fromEntries(fromCli.map((key) => [key, raw[key] as number])),
      },
      oursOnly: graphOverrides(raw),
      reference: raw.reference as boolean,
      out: raw.out as string,
      reportCopy: raw.reportCopy as string | undefined,
    },
    command,
  );
  process.stdout.write(`\n${renderGraphMarkdown(report)}\n`);
  process.stdout.write(
    `Reports: ${join(resolve(raw.out as string), 'graph-report.{md,json}')}, karate-pca.svg\n`,
  );
  if (report.rows.some((row) => row.error !== undefined)) process.exitCode = 1;
}

/** `--task classification`: fasttext-supervised against fastText on labelled sets (see classification-task.ts). */
async function mainClassification(raw: Record<string, unknown>, command: string): Promise<void> {
  // fastText's supervised defaults unless dim or epochs are given.
  const train = Object.fromEntries(
    (['dim', 'epochs'] as const)
      .filter((key) => program.getOptionValueSource(key) === 'cli')
      .map((key) => [key, raw[key] as number]),
  );
  const report = await runClassificationBench(
    {
      sets: (raw.sets as string[] | undefined) ?? [...CLASSIFICATION_SETS],
      threads: raw.threads as number,
      train,
      out: raw.out as string,
      reportCopy: raw.reportCopy as string | undefined,
    },
    command,
  );
  process.stdout.write(`\n${renderClassificationMarkdown(report)}\n`);
  process.stdout.write(`Reports: ${join(resolve(raw.out as string), 'classification-report.{md,json}')}\n`);
  if (report.rows.some((row) => row.error !== undefined)) process.exitCode = 1;
}

async function main(): Promise<void> {
  program.parse();
  const raw = program.opts<Record<string, unknown>>();
  const command = ['embedkit-bench', ...process.argv.slice(2)].join(' ');
  if (raw.task === 'graph') return mainGraph(raw, command);
  if (raw.task === 'classification') return mainClassification(raw, command);
  if (raw.task !== 'word')
    throw new UsageError(`--task ${String(raw.task)}: expected word, graph or classification`);
  const dataDir = raw.data as string | undefined;
  const algos = (raw.algos as string[] | undefined) ?? [...DEFAULT_ALGOS];
  const defaultsUsed = (['dim', 'epochs'] as const)
    .filter((key) => program.getOptionValueSource(key) === 'default')
    .map((key) => `${key} ${DEFAULT_COMMON[key]}`);
  const userSettings = new Map<string, Record<string, unknown>>();
  for (const spec of (raw.set as string[] | undefined) ?? []) {
    const { algo, option, value } = parseOverride(spec);
    userSettings.set(algo, { ...(userSettings.get(algo) ?? {}), [option]: value });
  }
  // The bench's own per-algorithm defaults sit below what --set says.
  const overrides = new Map(userSettings);
  for (const [algo, settings] of DEFAULT_SETTINGS) {
    if (!algos.includes(algo)) continue;
    const user = userSettings.get(algo) ?? {};
    // A common flag given on the command line (--epochs 2) reaches every algorithm, GloVe too.
    const kept = Object.entries(settings).filter(
      ([key]) => !Object.hasOwn(user, key) && program.getOptionValueSource(key) !== 'cli',
    );
    overrides.set(algo, { ...Object.fromEntries(kept), ...user });
    defaultsUsed.push(...kept.map(([key, value]) => `${algo}.${key}=${value}`));
  }
  const shipped = async (files: readonly DataFile[]): Promise<string[]> =>
    Promise.all(files.map((file) => file.path()));
  const fromData = async (names: readonly string[], files: readonly DataFile[]): Promise<string[]> =>
    dataDir === undefined ? shipped(files) : setsIn(dataDir, names);
  const stsFile =
    raw.sts === undefined
      ? undefined
      : raw.sts === true
        ? await stsBenchmark.test.path()
        : join(raw.sts as string, 'sts-test.csv');
  const options: BenchOptions = {
    corpus: await corpusPath(raw.corpus as string | undefined),
    algos,
    common: {
      dim: raw.dim as number,
      epochs: raw.epochs as number,
      window: raw.window as number,
      minCount: raw.minCount as number,
    },
    overrides,
    threads: raw.threads as number,
    seed: raw.seed as number,
    analogy:
      (raw.analogy as string[] | undefined) ??
      (await fromData(['questions-words.txt'], [analogySets.google])),
    similarity:
      (raw.similarity as string[] | undefined) ??
      (await fromData(
        ['wordsim353.tsv', 'simlex999.txt'],
        [similaritySets.wordsim353, similaritySets.simlex999],
      )),
    sts: stsFile,
    frequencies:
      (raw.frequencies as string | undefined) ??
      (stsFile === undefined
        ? undefined
        : (await fromData(['enwiki_vocab_min200.txt'], [wordFrequencies.enwiki]))[0]),
    restrictVocab: raw.restrictVocab as number,
    vectors: (raw.vectors as string[] | undefined) ?? [],
    peers: (raw.peers as string[] | undefined) ?? [],
    peerSetup: { gloveTools: (raw.gloveTools as string | undefined) ?? process.env.GLOVE_TOOLS_DIR },
    defaultsUsed,
    reportCopy: raw.reportCopy as string | undefined,
    plugins: (raw.plugin as string[] | undefined) ?? [],
    out: raw.out as string,
    probeWords: (raw.probe as string[] | undefined) ?? [...DEFAULT_PROBE_WORDS],
  };
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const report = await runBench(options, {
    signal: controller.signal,
    command,
  });
  process.stdout.write(`\n${renderMarkdown(report)}\n`);
  process.stdout.write(`Reports: ${join(resolve(options.out), 'report.{md,json,svg}')}\n`);
  if (report.rows.some((row) => row.status === 'failed')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`embedkit-bench: ${message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
