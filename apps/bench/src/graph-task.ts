import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type F1Scores,
  type LinkPredictionScores,
  type LinkSplit,
  NODE_EMBEDDING_DEFAULTS,
  evaluateLinkPrediction,
  evaluateNodeClassification,
  splitEdges,
  writeEdgeList,
} from '@embedkit/graph';
import { mean, variance } from '@embedkit/core-math';
import { readVectors, writeFileAtomic } from '@embedkit/vector-io';
import { type BenchGraph, loadBenchGraphs } from './graph-data.js';
import { renderPcaSvg } from './graph-pca-svg.js';
import { type BenchMachine, machineInfo } from './machine.js';
import { PYTHON, peerScript, peerUnavailable } from './peers.js';
import { ProgressDisplay } from '@embedkit/cli';
import { runProcess } from './run-process.js';
import { trainOurs } from './train-ours.js';

/** What `embedkit-bench --task graph` runs. */
export interface GraphBenchOptions {
  /** Graph names (see GRAPH_NAMES). */
  readonly graphs: readonly string[];
  /** Nodes of the stochastic block model. */
  readonly sbmNodes: number;
  /** Seeds 1..seeds: one split, one training run per pipeline and one classifier split each. */
  readonly seeds: number;
  /** Seeds on graphs of more than {@link LARGE_GRAPH_NODES} nodes (they take minutes per run). */
  readonly largeSeeds: number;
  /** Worker threads of both pipelines. */
  readonly threads: number;
  /** node2vec options both pipelines use (p, q, walkLength, walksPerNode, dim, window, epochs). */
  readonly node2vec: Readonly<Record<string, number>>;
  /** Options of our pipeline alone, after node2vec's (`--set node2vec.negativeSharing=window`). */
  readonly oursOnly?: Readonly<Record<string, unknown>> | undefined;
  /** Run the reference pipeline (networkx walks + gensim) beside ours. */
  readonly reference: boolean;
  /** Output folder. */
  readonly out: string;
  /** Also write the Markdown report here. */
  readonly reportCopy?: string | undefined;
}

/**
 * Draws of the non-edges each link-prediction score is averaged over (`draws` of
 * evaluateLinkPrediction): the same for both pipelines, so seed s is scored on the same pairs.
 */
export const LINK_DRAWS = 10;

/** Graphs with more nodes than this run `largeSeeds` seeds instead of `seeds`. */
export const LARGE_GRAPH_NODES = 1000;

/** Random classifier splits each node-classification score is averaged over, as the node2vec paper's 10. */
export const CLASSIFIER_SPLITS = 10;

/** One training run's time, memory and vectors file. */
interface TrainedVectors {
  /** Seconds of reading the edge list, the walks and the training, inside the process. */
  readonly seconds: number;
  /**
   * Seconds of the whole process (start-up and writing the vectors included); for the reference,
   * whose seeds run in one process, its imports plus this run.
   */
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly vectors: string;
}

/** One seed of one graph: its link-prediction split, written for both pipelines. */
interface BenchSeed {
  readonly seed: number;
  readonly split: LinkSplit;
  /** The split's training edges (what both pipelines train on for link prediction). */
  readonly trainPath: string;
  /** Where this seed's vectors go. */
  readonly folder: string;
}

/** Splits `benchGraph` for seeds 1..`seeds` and writes each split's training edges. */
async function prepareSeeds(
  benchGraph: BenchGraph,
  seeds: number,
  folder: string,
  log: (message: string) => void,
): Promise<BenchSeed[]> {
  const prepared: BenchSeed[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const seedFolder = join(folder, `seed-${seed}`);
    await mkdir(seedFolder, { recursive: true });
    const split = splitEdges(benchGraph.graph, { seed });
    const trainPath = join(seedFolder, 'train.edgelist');
    await writeEdgeList(trainPath, split.train);
    log(`${benchGraph.name}, seed ${seed}: ${split.test.labels.length / 2} edges held out`);
    prepared.push({ seed, split, trainPath, folder: seedFolder });
  }
  return prepared;
}

/** One pipeline's figures on one graph and seed. */
interface PipelineRun {
  readonly seed: number;
  /** Seconds of reading the edge list, the walks and the training, inside the process. */
  readonly seconds: number;
  /** Seconds of the whole process (see TrainedVectors). */
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly linkPrediction: LinkPredictionScores;
  readonly classification: F1Scores | undefined;
}

/** One pipeline's quality figures on one graph and seed. */
export interface SeedFigures {
  readonly seed: number;
  readonly hadamardAuc: number;
  readonly cosineAuc: number;
  readonly microF1: number | undefined;
  readonly macroF1: number | undefined;
  readonly seconds: number;
}

/** Means over the seeds of one pipeline on one graph, with the spread and each seed's figures. */
export interface GraphRow {
  readonly graph: string;
  readonly nodes: number;
  readonly edges: number;
  readonly pipeline: 'embedkit node2vec' | 'reference (networkx + gensim)';
  readonly seeds: number;
  readonly hadamardAuc: number;
  readonly cosineAuc: number;
  readonly microF1: number | undefined;
  readonly macroF1: number | undefined;
  /** Sample standard deviations over the seeds (NaN with one seed). */
  readonly sd: {
    readonly hadamardAuc: number;
    readonly cosineAuc: number;
    readonly microF1: number | undefined;
    readonly macroF1: number | undefined;
  };
  /** Each seed's figures, in seed order (the same seed is the same split for both pipelines). */
  readonly perSeed: readonly SeedFigures[];
  readonly seconds: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  /** Our seconds / the reference's (on our row). */
  readonly timeRatio: number | undefined;
  /** Why a pipeline has no figures. */
  readonly error?: string;
}

/** The graph task's report. */
export interface GraphReport {
  readonly date: string;
  readonly command: string;
  readonly machine: BenchMachine;
  readonly options: GraphBenchOptions;
  readonly graphs: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly rows: readonly GraphRow[];
  readonly referenceVersion: string | undefined;
}

/**
 * The graph task: for each graph and seed, holds out half of the edges (splitEdges), trains
 * node2vec on the rest with ours and with the reference pipeline (same options, same threads),
 * scores link prediction (Hadamard + logistic regression, cosine: ROC-AUC); on labelled graphs
 * trains both on the whole graph and scores node classification (micro/macro-F1). Writes
 * graph-report.{md,json} and, for the karate club, karate-pca.svg (ours) and
 * karate-pca-reference.svg into `options.out`.
 */
export async function runGraphBench(options: GraphBenchOptions, command: string): Promise<GraphReport> {
  const out = resolve(options.out);
  const display = new ProgressDisplay();
  const log = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  const unavailable = options.reference ? peerUnavailable('gensim') : 'not requested';
  if (options.reference && unavailable !== undefined) log(`reference pipeline skipped: ${unavailable}`);
  const graphs = await loadBenchGraphs(options.graphs, join(out, 'graphs'), {
    sbmNodes: options.sbmNodes,
    seed: 1,
  });
  const settings = { ...NODE_EMBEDDING_DEFAULTS, ...options.node2vec };
  const rows: GraphRow[] = [];
  let referenceVersion: string | undefined;
  for (const benchGraph of graphs) {
    const ours: PipelineRun[] = [];
    const reference: PipelineRun[] = [];
    const failure: { ours?: string; reference?: string } = {};
    const seeds = await prepareSeeds(
      benchGraph,
      benchGraph.graph.nodeCount > LARGE_GRAPH_NODES ? options.largeSeeds : options.seeds,
      join(out, 'runs', benchGraph.name),
      log,
    );
    const evaluate = async (
      key: 'ours' | 'reference',
      seed: BenchSeed,
      link: TrainedVectors,
      whole: TrainedVectors | undefined,
    ): Promise<PipelineRun> => {
      const linkPrediction = evaluateLinkPrediction(await readVectors(link.vectors), seed.split, {
        draws: LINK_DRAWS,
      });
      let classification: F1Scores | undefined;
      if (whole !== undefined && benchGraph.labels !== undefined) {
        const vectors = await readVectors(whole.vectors);
        classification = evaluateNodeClassification(vectors, benchGraph.labels, {
          seed: seed.seed,
          splits: CLASSIFIER_SPLITS,
        });
        if (benchGraph.name === 'karate' && seed.seed === 1) {
          const title = `Karate club, node2vec (${key === 'ours' ? 'embedkit' : 'networkx + gensim'}), PCA of the node vectors`;
          await writeFile(
            join(out, `karate-pca${key === 'ours' ? '' : '-reference'}.svg`),
            renderPcaSvg(vectors, benchGraph.labels, title),
          );
        }
      }
      return { ...link, seed: seed.seed, linkPrediction, classification };
    };
    for (const seed of seeds) {
      try {
        const link = await runOurs(seed.trainPath, join(seed.folder, 'ours-link.bin'), seed.seed);
        const whole =
          benchGraph.labels === undefined
            ? undefined
            : await runOurs(benchGraph.path, join(seed.folder, 'ours-whole.bin'), seed.seed);
        ours.push(await evaluate('ours', seed, link, whole));
      } catch (error) {
        failure.ours = error instanceof Error ? error.message : String(error);
        log(`${benchGraph.name}, ours: failed: ${failure.ours}`);
      }
    }
    if (unavailable === undefined) {
      try {
        const runs = await runReference(benchGraph, seeds);
        for (const [index, seed] of seeds.entries()) {
          reference.push(await evaluate('reference', seed, runs.link[index]!, runs.whole[index]));
        }
      } catch (error) {
        failure.reference = error instanceof Error ? error.message : String(error);
        log(`${benchGraph.name}, reference: failed: ${failure.reference}`);
      }
    }
    const referenceRow = summarize(
      benchGraph,
      'reference (networkx + gensim)',
      reference,
      undefined,
      failure.reference,
    );
    rows.push(summarize(benchGraph, 'embedkit node2vec', ours, referenceRow, failure.ours));
    if (unavailable === undefined) rows.push(referenceRow);
  }

  async function runOurs(edges: string, output: string, seed: number): Promise<TrainedVectors> {
    const tokens = settings.walkLength * settings.walksPerNode;
    const row = await trainOurs(
      {
        algo: 'node2vec',
        plugins: [],
        corpus: edges,
        options: { ...options.node2vec, ...options.oursOnly },
        threads: options.threads,
        seed,
        output,
      },
      tokens,
      display,
    );
    if (row.status !== 'ok') throw new Error(row.error ?? 'training failed');
    return {
      seconds: row.trainSeconds!,
      wallSeconds: row.wallSeconds!,
      peakRssMb: row.peakRssMb!,
      vectors: output,
    };
  }

  /**
   * Every run of the reference on one graph — per seed the split's training edges, and the whole
   * graph when it has labels — in one Python process (importing gensim and networkx once).
   */
  async function runReference(
    benchGraph: BenchGraph,
    seeds: readonly BenchSeed[],
  ): Promise<{ link: TrainedVectors[]; whole: Array<TrainedVectors | undefined> }> {
    const withLabels = benchGraph.labels !== undefined;
    const runs = seeds.flatMap(({ seed, trainPath, folder }) => [
      { edges: trainPath, seed, output: join(folder, 'reference-link.bin') },
      ...(withLabels ? [{ edges: benchGraph.path, seed, output: join(folder, 'reference-whole.bin') }] : []),
    ]);
    const spec = {
      directed: false,
      ...pick(settings, [
        'p',
        'q',
        'walkLength',
        'walksPerNode',
        'dim',
        'window',
        'epochs',
        'negative',
        'sample',
        'lr',
        'minLr',
      ]),
      threads: options.threads,
      runs,
    };
    log(`${benchGraph.name}: reference pipeline, ${runs.length} runs in one process`);
    const outcome = await runProcess(
      PYTHON,
      [peerScript('node2vec_reference.py'), JSON.stringify(spec)],
      () => {},
    );
    if (outcome.status !== 0 || outcome.stdout.length !== runs.length) {
      throw new Error(outcome.stderrTail.slice(-3).join(' | ') || `exit status ${outcome.status}`);
    }
    const trained = outcome.stdout.map((line, index): TrainedVectors => {
      const result = JSON.parse(line) as {
        walk_seconds: number;
        train_seconds: number;
        run_seconds: number;
        import_seconds: number;
        peak_rss_mb: number;
        version: string;
      };
      referenceVersion = result.version;
      return {
        seconds: result.walk_seconds + result.train_seconds,
        wallSeconds: result.import_seconds + result.run_seconds,
        peakRssMb: result.peak_rss_mb,
        vectors: runs[index]!.output,
      };
    });
    const step = withLabels ? 2 : 1;
    return {
      link: seeds.map((_, index) => trained[step * index]!),
      whole: seeds.map((_, index) => (withLabels ? trained[step * index + 1] : undefined)),
    };
  }

  const report: GraphReport = {
    date: new Date().toISOString(),
    command,
    machine: machineInfo(),
    options,
    graphs: graphs.map(({ name, description, graph }) => ({
      name,
      description: `${description} (${graph.nodeCount} nodes, ${graph.edgeCount} edges)`,
    })),
    rows,
    referenceVersion,
  };
  await writeFileAtomic(join(out, 'graph-report.json'), [
    new TextEncoder().encode(JSON.stringify(report, null, 2)),
  ]);
  const markdown = renderGraphMarkdown(report);
  await writeFile(join(out, 'graph-report.md'), markdown);
  if (options.reportCopy !== undefined) await writeFile(options.reportCopy, markdown);
  return report;
}

function pick(source: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

/** Mean and sample standard deviation of `values`; `undefined` when there are none. */
function spread(values: readonly number[]): { mean: number; sd: number } | undefined {
  return values.length === 0 ? undefined : { mean: mean(values), sd: Math.sqrt(variance(values, 1)) };
}

function summarize(
  benchGraph: BenchGraph,
  pipeline: GraphRow['pipeline'],
  runs: readonly PipelineRun[],
  reference: GraphRow | undefined,
  error: string | undefined,
): GraphRow {
  const perSeed: SeedFigures[] = runs.map((run) => ({
    seed: run.seed,
    hadamardAuc: run.linkPrediction.hadamardAuc,
    cosineAuc: run.linkPrediction.cosineAuc,
    microF1: run.classification?.micro,
    macroF1: run.classification?.macro,
    seconds: run.seconds,
  }));
  const of = (key: 'hadamardAuc' | 'cosineAuc' | 'microF1' | 'macroF1') =>
    spread(perSeed.flatMap((figures) => (figures[key] === undefined ? [] : [figures[key]])));
  const [hadamardAuc, cosineAuc, microF1, macroF1] = (
    ['hadamardAuc', 'cosineAuc', 'microF1', 'macroF1'] as const
  ).map(of);
  const seconds = mean(runs.map((run) => run.seconds));
  return {
    graph: benchGraph.name,
    nodes: benchGraph.graph.nodeCount,
    edges: benchGraph.graph.edgeCount,
    pipeline,
    seeds: runs.length,
    hadamardAuc: hadamardAuc?.mean ?? Number.NaN,
    cosineAuc: cosineAuc?.mean ?? Number.NaN,
    microF1: microF1?.mean,
    macroF1: macroF1?.mean,
    sd: {
      hadamardAuc: hadamardAuc?.sd ?? Number.NaN,
      cosineAuc: cosineAuc?.sd ?? Number.NaN,
      microF1: microF1?.sd,
      macroF1: macroF1?.sd,
    },
    perSeed,
    seconds,
    wallSeconds: mean(runs.map((run) => run.wallSeconds)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    timeRatio: reference === undefined || reference.seeds === 0 ? undefined : seconds / reference.seconds,
    ...(error === undefined ? {} : { error }),
  };
}

/** The graph task's table as Markdown. */
export function renderGraphMarkdown(report: GraphReport): string {
  const figure = (value: number | undefined, digits: number): string =>
    value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
  const quality = (value: number | undefined, sd: number | undefined): string =>
    sd === undefined || !Number.isFinite(sd) ? figure(value, 3) : `${figure(value, 3)} ± ${sd.toFixed(3)}`;
  const { machine, options } = report;
  const oursOnly = Object.entries(options.oursOnly ?? {})
    .map(([key, value]) => `; embedkit only: ${key} ${String(value)}`)
    .join('');
  const lines = [
    `# Graph embeddings: embedkit node2vec vs the reference pipeline (${report.date.slice(0, 10)})`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; reference: ${report.referenceVersion ?? 'not run'}.`,
    `node2vec options of both pipelines: ${Object.entries({ ...NODE_EMBEDDING_DEFAULTS, ...options.node2vec })
      .filter(([key]) =>
        ['p', 'q', 'walkLength', 'walksPerNode', 'dim', 'window', 'epochs', 'negative', 'sample'].includes(
          key,
        ),
      )
      .map(([key, value]) => `${key} ${value}`)
      .join(
        ', ',
      )}${oursOnly}; ${options.threads} threads; seeds 1..${options.seeds} (1..${options.largeSeeds} on graphs of more than ${LARGE_GRAPH_NODES} nodes; quality: mean ± sample standard deviation over the seeds; times: means). Each seed's AUC is the mean over ${LINK_DRAWS} draws of the non-edges, its F1 the mean over ${CLASSIFIER_SPLITS} random classifier splits, the same for both pipelines.`,
    '',
    '| graph | nodes | edges | pipeline | AUC Hadamard+LR | AUC cosine | micro-F1 | macro-F1 | walks + training (s) | whole process (s) | peak RSS (MB) | time vs reference |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.rows.map((row) =>
      row.seeds === 0
        ? `| ${row.graph} | ${row.nodes} | ${row.edges} | ${row.pipeline} | failed: ${row.error ?? '?'} | | | | | | | |`
        : `| ${row.graph} | ${row.nodes} | ${row.edges} | ${row.pipeline} | ${quality(row.hadamardAuc, row.sd.hadamardAuc)} | ${quality(row.cosineAuc, row.sd.cosineAuc)} | ${quality(row.microF1, row.sd.microF1)} | ${quality(row.macroF1, row.sd.macroF1)} | ${figure(row.seconds, 2)} | ${figure(row.wallSeconds, 2)} | ${figure(row.peakRssMb, 0)} | ${row.timeRatio === undefined ? '–' : `${row.timeRatio.toFixed(2)}×`} |`,
    ),
    '',
    ...pairedDifferences(report.rows),
    'Graphs:',
    '',
    ...report.graphs.map((graph) => `- ${graph.name}: ${graph.description}`),
    '',
  ];
  return lines.join('\n');
}

/** Student's t quantile 0.975 for 1..30 degrees of freedom (a 95 % two-sided interval). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Student's t quantile 0.975 for `df` degrees of freedom (beyond 30: 1.96 + 2.4 / df, within 0.002). */
export function studentT975(df: number): number {
  return T_975[df - 1] ?? 1.96 + 2.4 / df;
}

/** The mean of paired differences, its standard error and 95 % confidence interval (Student's t). */
export function pairedInterval(differences: readonly number[]): {
  mean: number;
  standardError: number;
  low: number;
  high: number;
} {
  const center = mean(differences);
  const standardError = Math.sqrt(variance(differences, 1) / differences.length);
  const half = studentT975(differences.length - 1) * standardError;
  return { mean: center, standardError, low: center - half, high: center + half };
}

/**
 * Ours minus the reference seed by seed (the same split, the same evaluator: only the vectors
 * differ), as mean ± standard error and the 95 % confidence interval of the mean, for each graph
 * where both ran more than one seed.
 */
function pairedDifferences(rows: readonly GraphRow[]): string[] {
  const signed = (value: number): string => {
    const digits = Math.abs(value).toFixed(3);
    return `${value < 0 && Number(digits) !== 0 ? '−' : '+'}${digits}`;
  };
  const lines: string[] = [];
  for (const ours of rows.filter((row) => row.pipeline === 'embedkit node2vec')) {
    const reference = rows.find(
      (row) => row.graph === ours.graph && row.pipeline === 'reference (networkx + gensim)',
    );
    if (reference === undefined || Math.min(ours.seeds, reference.seeds) < 2) continue;
    const cells = (['hadamardAuc', 'cosineAuc', 'microF1', 'macroF1'] as const).map((key) => {
      const differences = ours.perSeed.flatMap((figures) => {
        const other = reference.perSeed.find((candidate) => candidate.seed === figures.seed)?.[key];
        const value = figures[key];
        return value === undefined || other === undefined ? [] : [value - other];
      });
      if (differences.length < 2) return '–';
      const interval = pairedInterval(differences);
      return `${signed(interval.mean)} ± ${interval.standardError.toFixed(3)} [${signed(interval.low)}, ${signed(interval.high)}]`;
    });
    lines.push(`| ${ours.graph} | ${ours.seeds} | ${cells.join(' | ')} |`);
  }
  if (lines.length === 0) return [];
  return [
    'Ours minus the reference, seed by seed (same split and evaluator): mean ± standard error [95 % confidence interval].',
    '',
    '| graph | seeds | AUC Hadamard+LR | AUC cosine | micro-F1 | macro-F1 |',
    '|---|---:|---:|---:|---:|---:|',
    ...lines,
    '',
  ];
}
