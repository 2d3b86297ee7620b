#!/usr/bin/env node
/**
 * `pnpm bench:perf`: the speed comparison of issue 9. One normal bench run on text8-head with the
 * peers (gensim, fastText, the Stanford GloVe tools) gives the training rows and the usual report;
 * then analogy evaluation, loading a large GloVe file, memory on a streamed corpus and thread
 * scaling, each in child processes. Writes perf.json and the generated block of
 * docs/performance.md (and docs/benchmarks.md from the bench report) with `--write-docs`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { analogySets, corpora, similaritySets, stsBenchmark, wordFrequencies } from '@embedkit/datasets';
import { writeFileAtomic } from '@embedkit/vector-io';
import { runBench } from './bench.js';
import { CLASSIFICATION_SETS } from './classification-data.js';
import { classificationPerfRows } from './classification-perf.js';
import { renderClassificationMarkdown, runClassificationBench } from './classification-task.js';
import { machineInfo } from './machine.js';
import { UsageError } from '@embedkit/cli';
import { type BenchOptions, DEFAULT_PROBE_WORDS } from './options.js';
import { peerUnavailable } from './peers.js';
import { renderPerfBlock, replacePerfBlock } from './perf-doc.js';
import type { PerfMeasure, PerfResult, PerfRow, PerfTaskResult } from './perf-result.js';
import {
  HS_TARGETS,
  compareTask,
  epochTimeOf,
  failureNote,
  measureOf,
  syntheticGloveFile,
  trainingRows,
} from './perf-rows.js';
import { type Roofline, rooflineRow } from './roofline.js';
import { measureStepPeak } from './step-peak.js';
import { threadScalingRows } from './thread-scaling.js';
import { ProgressDisplay } from '@embedkit/cli';
import type { BenchReport } from './results.js';
import { trainOurs } from './train-ours.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function positive(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return parsed;
  };
}

const program = new Command('embedkit-bench-perf')
  .description(
    'Speed side by side with gensim, fastText and the Stanford GloVe tools (issue 9): training on text8-head, analogy evaluation, loading a large GloVe file, memory on a streamed corpus, thread scaling.',
  )
  .option('--corpus <file>', 'training corpus (default: text8-head from @embedkit/datasets)')
  .option(
    '--data <dir>',
    'folder with the evaluation sets to use instead of the shipped ones (questions-words.txt, wordsim353.tsv, simlex999.txt, enwiki_vocab_min200.txt)',
  )
  .option(
    '--reference <file>',
    'word2vec binary model for the analogy-evaluation row (default: the skip-gram vectors this run trains)',
  )
  .option('--glove-tools <dir>', 'Stanford GloVe tools folder (default: $GLOVE_TOOLS_DIR)')
  .option(
    '--seeds <n>',
    'seeds 1..n of the training rows, each side: their quality and time are the means over the seeds',
    positive('--seeds'),
    3,
  )
  .option('--threads <n>', 'threads of the training rows', positive('--threads'), 2)
  .option('--dim <n>', 'dimension of the training rows', positive('--dim'), 100)
  .option(
    '--epochs <n>',
    "every training row's epochs, GloVe's too (default: 5, GloVe 15; for trial runs)",
    positive('--epochs'),
  )
  .option('--bucket <n>', "fastText's hash buckets", positive('--bucket'), 2_000_000)
  .option(
    '--load-words <n>',
    'rows of the generated GloVe file for the loading row',
    positive('--load-words'),
    400_000,
  )
  .option(
    '--rounds <n>',
    'alternating rounds (ours, gensim) of the evaluation and loading rows',
    positive('--rounds'),
    2,
  )
  .option('--out <dir>', 'output folder', 'bench-out/perf')
  .option('--write-docs', 'write docs/performance.md (generated block) and docs/benchmarks.md')
  .option('--docs-dir <dir>', 'where --write-docs writes', join(repoRoot, 'docs'));

/** A timed operation's figures for the table, its result described by `quality`. */
function taskMeasure(
  result: PerfTaskResult,
  quality: (figures: Readonly<Record<string, number>>) => string,
): PerfMeasure {
  return {
    seconds: result.seconds,
    cpuSeconds: result.cpuSeconds,
    peakRssMb: result.peakRssMb,
    quality: quality(result.figures),
  };
}

/** The `embedkit-bench` command line that repeats the preset's bench run on its own. */
function benchCommandLine(options: BenchOptions): string {
  const words = ['embedkit-bench', '--corpus', options.corpus ?? '', '--algos', options.algos.join(',')];
  for (const [key, value] of Object.entries(options.common)) {
    words.push(`--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, String(value));
  }
  for (const [algo, settings] of options.overrides) {
    for (const [key, value] of Object.entries(settings)) words.push('--set', `${algo}.${key}=${value}`);
  }
  const data = options.analogy[0] === undefined ? [] : ['--data', dirname(options.analogy[0])];
  words.push(...data, '--restrict-vocab', String(options.restrictVocab));
  if (options.sts !== undefined) words.push('--sts', dirname(options.sts));
  if (options.frequencies !== undefined) words.push('--frequencies', options.frequencies);
  words.push('--threads', String(options.threads), '--seed', String(options.seed));
  words.push('--peers', options.peers.join(','), '--out', options.out);
  return words.join(' ');
}

function requireFile(path: string, what: string): void {
  if (!existsSync(path)) throw new UsageError(`${what} ${path} does not exist`);
}

/** The evaluation sets of the run: those in `dir` when given, else the ones `@embedkit/datasets` ships. */
async function evaluationSets(dir: string | undefined): Promise<{
  questions: string;
  similarity: string[];
  sts: string | undefined;
  frequencies: string | undefined;
}> {
  if (dir === undefined) {
    return {
      questions: await analogySets.google.path(),
      similarity: [await similaritySets.wordsim353.path(), await similaritySets.simlex999.path()],
      sts: await stsBenchmark.test.path(),
      frequencies: await wordFrequencies.enwiki.path(),
    };
  }
  const inDir = (name: string): string | undefined => [join(dir, name)].find((file) => existsSync(file));
  return {
    questions: join(dir, 'questions-words.txt'),
    similarity: ['wordsim353.tsv', 'simlex999.txt'].flatMap((name) => inDir(name) ?? []),
    sts: inDir('sts-test.csv'),
    frequencies: inDir('enwiki_vocab_min200.txt'),
  };
}

async function main(): Promise<void> {
  program.parse();
  const o = program.opts<{
    corpus?: string;
    data?: string;
    reference?: string;
    gloveTools?: string;
    seeds: number;
    threads: number;
    dim: number;
    epochs?: number;
    bucket: number;
    loadWords: number;
    rounds: number;
    out: string;
    writeDocs?: boolean;
    docsDir: string;
  }>();
  const started = performance.now();
  const load = loadavg()[0] ?? 0;
  const command = ['embedkit-bench-perf', ...process.argv.slice(2)].join(' ');
  const out = resolve(o.out);
  const sets = await evaluationSets(o.data);
  const corpus = o.corpus ?? (await corpora.text8Head.path());
  for (const [file, what] of [
    [corpus, 'corpus'],
    [sets.questions, 'analogy set'],
    ...(o.reference === undefined ? [] : [[o.reference, 'reference model'] as const]),
  ] as const)
    requireFile(file, what);
  const display = new ProgressDisplay();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const signal = controller.signal;
  const notes: string[] = [];
  const epochs = o.epochs ?? 5;
  const gloveEpochs = o.epochs ?? 15;
  const epochText = (n: number): string => `${n} epoch${n === 1 ? '' : 's'}`;
  const negative = { negative: 5, sample: 1e-4 };

  // 1. The training rows: a normal bench run with the peers per seed (seed 1's report is benchmarks.md).
  const benchOptions: BenchOptions = {
    corpus,
    // ppmi-svd is cheap and shows the count-based baseline beside the trainers in benchmarks.md.
    algos: ['word2vec-skipgram', 'word2vec-cbow', 'fasttext-skipgram', 'fasttext-cbow', 'glove', 'ppmi-svd'],
    common: { dim: o.dim, epochs, window: 5, minCount: 5 },
    overrides: new Map<string, Record<string, unknown>>([
      ['word2vec-skipgram', { lr: 0.025, ...negative }],
      ['word2vec-cbow', { lr: 0.05, ...negative }],
      ['fasttext-skipgram', { lr: 0.025, minn: 3, maxn: 6, bucket: o.bucket, ...negative }],
      ['fasttext-cbow', { lr: 0.05, minn: 3, maxn: 6, bucket: o.bucket, ...negative }],
      ['glove', { window: 10, xMax: 10, epochs: gloveEpochs }],
    ]),
    threads: o.threads,
    seed: 1,
    analogy: [sets.questions],
    similarity: sets.similarity,
    sts: sets.sts,
    frequencies: sets.frequencies,
    restrictVocab: 30_000,
    vectors: [],
    peers: ['gensim', 'fasttext', 'glove'],
    peerSetup: { gloveTools: o.gloveTools ?? process.env.GLOVE_TOOLS_DIR },
    defaultsUsed: [],
    plugins: [],
    out: join(out, 'bench'),
    probeWords: [...DEFAULT_PROBE_WORDS],
    reportCopy: o.writeDocs ? join(o.docsDir, 'benchmarks.md') : undefined,
  };
  // Seed 1 in `options.out`, seed n in `options.out`-seed-n (without its own copy of the report).
  const seedRuns = async (options: BenchOptions, what: string): Promise<BenchReport[]> => {
    const reports: BenchReport[] = [];
    for (let seed = 1; seed <= o.seeds; seed++) {
      const run: BenchOptions =
        seed === 1
          ? options
          : { ...options, seed, out: `${options.out}-seed-${seed}`, reportCopy: undefined };
      const report = await runBench(run, {
        display,
        signal,
        command: `${benchCommandLine(run)} (the ${what} of: ${command})`,
      });
      notes.push(...report.notes.filter((note) => !notes.includes(note)));
      reports.push(report);
    }
    return reports;
  };
  const reports = await seedRuns(benchOptions, 'bench run');
  const report = reports[0]!;
  const tokens = report.corpus.tokens;
  const trainingTitles = new Map([
    ['word2vec-skipgram', `word2vec skip-gram training, ${epochText(epochs)}`],
    ['word2vec-cbow', `word2vec CBOW training, ${epochText(epochs)}`],
    ['fasttext-skipgram', `fastText skip-gram (subwords 3–6) training, ${epochText(epochs)}`],
    ['fasttext-cbow', `fastText CBOW (subwords 3–6) training, ${epochText(epochs)}`],
    ['glove', `GloVe training (whole pipeline), ${epochText(gloveEpochs)}`],
  ]);
  const rows: PerfRow[] = trainingRows(reports, trainingTitles);

  // 1b. Hierarchical softmax (issue 20): word2vec skip-gram and CBOW against gensim hs=1 negative=0,
  // the settings of the rows above otherwise, in a bench run of their own.
  const hierarchical = { hs: true, negative: 0, sample: negative.sample };
  const hsOptions: BenchOptions = {
    ...benchOptions,
    algos: ['word2vec-skipgram', 'word2vec-cbow'],
    overrides: new Map<string, Record<string, unknown>>([
      ['word2vec-skipgram', { lr: 0.025, ...hierarchical }],
      ['word2vec-cbow', { lr: 0.05, ...hierarchical }],
    ]),
    sts: undefined,
    peers: ['gensim'],
    out: join(out, 'bench-hs'),
    reportCopy: undefined,
  };
  const hsReports = await seedRuns(hsOptions, 'hierarchical-softmax run');
  rows.push(
    ...trainingRows(
      hsReports,
      new Map([
        ['word2vec-skipgram', `word2vec skip-gram (hierarchical softmax) training, ${epochText(epochs)}`],
        ['word2vec-cbow', `word2vec CBOW (hierarchical softmax) training, ${epochText(epochs)}`],
      ]),
      HS_TARGETS,
    ),
  );

  // 2. Analogy evaluation and loading a large GloVe file: ours and gensim's, alternating.
  const gensimMissing = peerUnavailable('gensim');
  if (gensimMissing !== undefined) notes.push(`gensim rows skipped: ${gensimMissing}`);
  const reference = o.reference ?? join(benchOptions.out, 'vectors', 'word2vec-skipgram.bin');
  requireFile(reference, 'model for the analogy-evaluation row');
  display.start('analogy evaluation');
  const analogy = await compareTask(
    { kind: 'analogy', vectors: reference, questions: sets.questions, restrictVocab: 30_000 },
    o.rounds,
    display,
    gensimMissing === undefined,
    signal,
  );
  display.finish(
    `embedkit ${analogy.ours.seconds.toFixed(2)} s, gensim ${analogy.gensim?.seconds.toFixed(2) ?? '–'} s`,
  );
  const same =
    analogy.gensim !== undefined &&
    analogy.ours.figures.correct === analogy.gensim.figures.correct &&
    analogy.ours.figures.incorrect === analogy.gensim.figures.incorrect;
  const analogyQuality = (figures: Readonly<Record<string, number>>): string =>
    `${figures.correct} of ${(figures.correct ?? 0) + (figures.incorrect ?? 0)} right (${((figures.accuracy ?? 0) * 100).toFixed(2)} %)`;
  const analogyRatio = analogy.gensim ? analogy.ours.seconds / analogy.gensim.seconds : undefined;
  rows.push({
    name: `analogy evaluation of ${o.reference === undefined ? 'the skip-gram vectors of this run' : basename(reference)} (questions-words.txt, restrict 30,000)`,
    oursLabel: 'evaluateWordAnalogies',
    peerLabel: `${analogy.gensim?.version ?? 'gensim'} evaluate_word_analogies`,
    ours: taskMeasure(analogy.ours, analogyQuality),
    peer: analogy.gensim && taskMeasure(analogy.gensim, analogyQuality),
    ratio: analogyRatio,
    target: 'time ≤ 0.33×, same figures',
    met: analogyRatio === undefined ? undefined : analogyRatio <= 0.33 && same,
  });

  const gloveFile = join(out, `synthetic-glove-${o.loadWords}x100.txt`);
  display.start(`generate ${basename(gloveFile)}`);
  await syntheticGloveFile(gloveFile, o.loadWords, 100, 1);
  display.finish('ready');
  display.start('load GloVe text');
  const loading = await compareTask(
    { kind: 'load', vectors: gloveFile },
    o.rounds,
    display,
    gensimMissing === undefined,
    signal,
  );
  display.finish(
    `embedkit ${loading.ours.seconds.toFixed(1)} s, gensim ${loading.gensim?.seconds.toFixed(1) ?? '–'} s`,
  );
  const loadRatio = loading.gensim ? loading.ours.seconds / loading.gensim.seconds : undefined;
  const shape = (figures: Readonly<Record<string, number>>): string => `${figures.words} × ${figures.dim}`;
  rows.push({
    name: `loading a GloVe text file of ${o.loadWords.toLocaleString('en-US')} × 100 (seeded random values)`,
    oursLabel: 'readVectors',
    peerLabel: `${loading.gensim?.version ?? 'gensim'} load_word2vec_format(no_header=True)`,
    ours: taskMeasure(loading.ours, shape),
    peer: loading.gensim && taskMeasure(loading.gensim, shape),
    ratio: loadRatio,
    target: "time ≤ 0.5×, peak memory ≤ gensim's",
    met:
      loadRatio === undefined || loading.gensim === undefined
        ? undefined
        : loadRatio <= 0.5 && loading.ours.peakRssMb <= loading.gensim.peakRssMb,
  });

  // 3. Memory on a streamed corpus (word2vec CBOW, 1 epoch): text8-head ×1 against ×4.
  const times4 = join(out, `${basename(corpus)}.x4`);
  const text = await readFile(corpus);
  const copy = text.at(-1) === 0x0a ? text : Buffer.concat([text, Buffer.from('\n')]);
  await writeFileAtomic(times4, [copy, copy, copy, copy]);
  const streamed = {
    dim: o.dim,
    window: 5,
    minCount: 5,
    epochs: 1,
    lr: 0.05,
    maxInMemoryTokens: 0,
    ...negative,
  };
  const trainSpec = (algo: string, corpus: string, options: Record<string, unknown>, threads: number) => ({
    algo,
    plugins: [],
    corpus,
    options,
    threads,
    seed: 1,
    output: join(out, `${algo}-${basename(corpus)}-${threads}.bin`),
  });
  const once = await trainOurs(
    trainSpec('word2vec-cbow', corpus, streamed, o.threads),
    tokens,
    display,
    signal,
  );
  // Every count is 4 times as high in the repeated corpus: minCount 20 keeps the same vocabulary,
  // so the two runs differ only in the corpus length (with minCount 5 the vocabulary would grow
  // from rare words crossing the cut, and the weights with it).
  const four = await trainOurs(
    trainSpec('word2vec-cbow', times4, { ...streamed, minCount: 4 * streamed.minCount }, o.threads),
    4 * tokens,
    display,
    signal,
  );
  const [onceMeasure, fourMeasure] = [measureOf(once), measureOf(four)];
  const memoryRatio =
    onceMeasure?.peakRssMb && fourMeasure?.peakRssMb
      ? fourMeasure.peakRssMb / onceMeasure.peakRssMb
      : undefined;
  rows.push({
    name: 'peak memory, word2vec CBOW on a streamed corpus (maxInMemoryTokens 0), 1 epoch, same vocabulary (minCount 5 on ×1, 20 on ×4)',
    oursLabel: `${basename(corpus)} ×4`,
    peerLabel: `${basename(corpus)} ×1`,
    ours: fourMeasure,
    peer: onceMeasure,
    ratio: memoryRatio,
    target: 'flat: peak MB ratio ≤ 1.1×',
    met: memoryRatio === undefined ? undefined : memoryRatio <= 1.1,
    note: failureNote([once, four]),
  });

  // Time per epoch on a streamed corpus against the same corpus in memory (the training phase:
  // streamed epochs read and encode the file again, in-memory ones train on ids encoded once).
  const epochRuns = { ...streamed, epochs };
  const streamedRun = await trainOurs(
    trainSpec('word2vec-cbow', corpus, epochRuns, o.threads),
    tokens,
    display,
    signal,
  );
  const inMemoryRun = await trainOurs(
    trainSpec('word2vec-cbow', corpus, { ...epochRuns, maxInMemoryTokens: 2 ** 27 }, o.threads),
    tokens,
    display,
    signal,
  );
  const [streamedEpoch, inMemoryEpoch] = [epochTimeOf(streamedRun, epochs), epochTimeOf(inMemoryRun, epochs)];
  const epochRatio =
    streamedEpoch && inMemoryEpoch ? streamedEpoch.seconds / inMemoryEpoch.seconds : undefined;
  rows.push({
    name: `time per epoch, word2vec CBOW, streamed (maxInMemoryTokens 0) against in memory, training phase, ${epochText(epochs)}`,
    oursLabel: 'streamed',
    peerLabel: 'in memory',
    ours: streamedEpoch,
    peer: inMemoryEpoch,
    ratio: epochRatio,
    target: 'time ≤ 1.1×',
    met: epochRatio === undefined ? undefined : epochRatio <= 1.1,
    note: failureNote([streamedRun, inMemoryRun]),
  });

  // 4. Thread scaling, 1 epoch each, 1 thread against 2: skip-gram, CBOW, fastText skip-gram.
  const scaling = { dim: o.dim, window: 5, minCount: 5, epochs: 1, ...negative };
  rows.push(
    ...(await threadScalingRows(
      [
        { algo: 'word2vec-skipgram', title: 'word2vec skip-gram', options: { ...scaling, lr: 0.025 } },
        { algo: 'word2vec-cbow', title: 'word2vec CBOW', options: { ...scaling, lr: 0.05 } },
        {
          algo: 'fasttext-skipgram',
          title: 'fastText skip-gram',
          options: { ...scaling, lr: 0.025, minn: 3, maxn: 6, bucket: o.bucket },
        },
      ],
      (algo, options, threads) =>
        trainOurs(trainSpec(algo, corpus, { ...options }, threads), tokens, display, signal),
    )),
  );

  // 5. Text classification: fasttext-supervised against fastText supervised on the labelled sets.
  const classification = await runClassificationBench(
    { sets: [...CLASSIFICATION_SETS], threads: o.threads, train: {}, out: join(out, 'classification') },
    `embedkit-bench --task classification --threads ${o.threads} (the classification run of: ${command})`,
  );
  rows.push(...classificationPerfRows(classification));
  notes.push(...classification.notes);
  if (o.writeDocs) {
    const benchmarks = join(o.docsDir, 'benchmarks.md');
    const existing = existsSync(benchmarks) ? await readFile(benchmarks, 'utf8') : '';
    await writeFileAtomic(benchmarks, [
      new TextEncoder().encode(
        `${existing.trimEnd()}\n\n${renderClassificationMarkdown(classification).replace(/^# /, '## ')}`,
      ),
    ]);
  }

  // 6. The roofline: the training rows' FLOPs per second against the logistic step's two roofs.
  display.start('roofline: the logistic step kernel');
  const peak = measureStepPeak(o.dim);
  display.finish(`${peak.cacheGflops.toFixed(2)} GFLOP/s in L1, ${peak.memoryGflops.toFixed(2)} from memory`);
  const roofline: Roofline = {
    peak,
    rows: [...trainingTitles].map(([algo, title]) =>
      rooflineRow(
        title.split(',')[0]!,
        report.rows.find((row) => row.kind === 'ours' && row.algo === algo),
        o.threads,
      ),
    ),
  };

  const result: PerfResult = {
    date: new Date().toISOString(),
    command,
    machine: machineInfo(),
    load: [load, loadavg()[0] ?? 0],
    seconds: (performance.now() - started) / 1000,
    corpus: { path: report.corpus.path, tokens },
    seeds: o.seeds,
    rows,
    roofline,
    notes,
  };
  const utf8 = new TextEncoder();
  const block = renderPerfBlock(result);
  await writeFileAtomic(join(out, 'perf.json'), [utf8.encode(`${JSON.stringify(result, null, 2)}\n`)]);
  await writeFileAtomic(join(out, 'performance-block.md'), [utf8.encode(`${block}\n`)]);
  if (o.writeDocs) {
    const doc = join(o.docsDir, 'performance.md');
    const existing = existsSync(doc) ? await readFile(doc, 'utf8') : '# Performance\n';
    await writeFileAtomic(doc, [utf8.encode(replacePerfBlock(existing, block))]);
  }
  process.stdout.write(`\n${block}\n\nResults: ${join(out, 'perf.json')}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`embedkit-bench-perf: ${message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
