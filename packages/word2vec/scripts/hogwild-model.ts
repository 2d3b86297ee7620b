/**
 * The Hogwild scaling model of docs/performance.md, computed from measurements on this machine:
 * trains one epoch with 1 and 2 threads, alternating (the CPU time of a prediction on one thread and
 * on two, the CPU time of the serial parts: vocabulary, encoding, saving), then predicts the speed-up at 2, 4, 8 and 16 threads from the
 * vocabulary's counts (see hogwild-contention.ts) for a range of costs of moving a cache line
 * between cores. Prints Markdown. Needs the built package (`pnpm build`).
 *
 *   npx tsx packages/word2vec/scripts/hogwild-model.ts [corpus] [--model skipgram|cbow] [--dim 100] [--line-ns 50,100,200] [--rounds 2]
 *
 * Default corpus: text8-head from `@embedkit/datasets`; window 5, negative 5, sample 1e-4,
 * minCount 5, the settings of `pnpm bench:perf`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NoiseDistribution } from '@embedkit/core-math/kernels';
import { Vocabulary } from '@embedkit/corpus';
import { corpora } from '@embedkit/datasets';
// The built package (its workers load the built engine, with the WebAssembly sentence loop).
import { trainWord2Vec } from '@embedkit/word2vec';
import {
  type PredictionShape,
  contention,
  predictSpeedUp,
  rowWriteProbabilities,
} from './hogwild-contention.js';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

const corpus = resolve(
  process.argv[2]?.startsWith('--') === false ? process.argv[2] : await corpora.text8Head.path(),
);
const model = argument('model', 'skipgram') as 'skipgram' | 'cbow';
const dim = Number(argument('dim', '100'));
const settings = { dim, window: 5, negative: 5, sample: 1e-4, minCount: 5, epochs: 1 };
const THREAD_COUNTS = [2, 4, 8, 16];
/** Costs of a cache-line transfer between cores the model is shown at, ns. */
const LINE_NS = argument('line-ns', '50,100,200').split(',').map(Number);
const ROUNDS = Number(argument('rounds', '2'));
/** The most frequent words whose output rows' share of the contention is reported. */
const HEAD_WORDS = 100;

interface Run {
  /** Counting the vocabulary and encoding (start to the first training report): CPU seconds. */
  readonly beforeCpuSeconds: number;
  /** The training phase: wall seconds and user + system CPU seconds of all threads. */
  readonly trainingSeconds: number;
  readonly trainingCpuSeconds: number;
  /** Saving the vectors: CPU seconds. */
  readonly saveCpuSeconds: number;
  readonly predictions: number;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** One epoch with `threads` threads, timed by phase. */
async function trainOnce(threads: number, folder: string): Promise<Run> {
  const cpuAtStart = cpuSeconds();
  let trainingStarted = performance.now();
  let cpuAtTraining: number | undefined;
  let predictions = 0;
  const trained = await trainWord2Vec(
    corpus,
    { ...settings, model, lr: model === 'skipgram' ? 0.025 : 0.05 },
    {
      threads,
      seed: 1,
      onProgress: (progress) => {
        if (progress.phase !== 'training') return;
        if (cpuAtTraining === undefined) {
          trainingStarted = performance.now();
          cpuAtTraining = cpuSeconds();
        }
        predictions = progress.predictions ?? predictions;
      },
    },
  );
  const trainingSeconds = (performance.now() - trainingStarted) / 1000;
  const cpuAtTrained = cpuSeconds();
  await trained.saveVectors(join(folder, `${threads}.bin`), 'word2vec-binary');
  const cpuAtSaved = cpuSeconds();
  trained.dispose();
  const training = cpuAtTraining ?? cpuAtStart;
  return {
    beforeCpuSeconds: training - cpuAtStart,
    trainingSeconds,
    trainingCpuSeconds: cpuAtTrained - training,
    saveCpuSeconds: cpuAtSaved - cpuAtTrained,
    predictions,
  };
}

/** The run of `runs` with the least CPU time per prediction (the one least disturbed by the machine's load). */
function leastDisturbed(runs: readonly Run[]): Run {
  const perPrediction = (run: Run): number => run.trainingCpuSeconds / run.predictions;
  return runs.reduce((best, run) => (perPrediction(run) < perPrediction(best) ? run : best));
}

const folder = mkdtempSync(join(tmpdir(), 'hogwild-model-'));
try {
  const vocabulary = await Vocabulary.build(corpus, { minCount: settings.minCount });
  const noise = new NoiseDistribution(vocabulary.counts);
  const probabilities = Float64Array.from({ length: vocabulary.size }, (_, w) => noise.probability(w));
  // CBOW: a window of reach r = 1..window on each side, r uniform: window + 1 context words on average.
  const shape: PredictionShape = {
    negative: settings.negative,
    inputRows: model === 'skipgram' ? 1 : settings.window + 1,
  };
  const rows = rowWriteProbabilities(
    vocabulary.counts,
    vocabulary.keepProbabilities(settings.sample),
    probabilities,
    shape,
  );
  // 1 and 2 threads alternating, ROUNDS times.
  const ones: Run[] = [];
  const twos: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ones.push(await trainOnce(1, folder));
    twos.push(await trainOnce(2, folder));
  }
  const one = leastDisturbed(ones);
  const two = leastDisturbed(twos);
  const cpuPerPrediction = [one, two].map((run) => run.trainingCpuSeconds / run.predictions) as [
    number,
    number,
  ];
  const measured = {
    // CPU time, not wall time: on a shared machine a thread waits for a core.
    predictionSeconds: cpuPerPrediction[0],
    serialSeconds: one.beforeCpuSeconds + one.saveCpuSeconds,
    trainingSeconds: one.trainingCpuSeconds,
  };
  // Bytes a prediction reads and writes back: its output rows and its input rows, 4·dim each.
  const rowBytes = 4 * dim;
  const bytesPerPrediction = 2 * rowBytes * (1 + settings.negative + shape.inputRows);
  const fmt = (value: number, digits = 2): string => value.toFixed(digits);
  const ns = (seconds: number): string => fmt(seconds * 1e9, 0);
  const latencies = LINE_NS.map((value) => value * 1e-9);
  const twoThreads = contention(rows, dim, 2);
  const contendedAtTwo = twoThreads.sharedRowLines + twoThreads.falselySharedLines;
  const lines = [
    `Hogwild model, word2vec ${model}, ${corpus} (${vocabulary.size.toLocaleString('en-US')} words, ${vocabulary.totalCount.toLocaleString('en-US')} tokens), dim ${dim}, window ${settings.window}, negative ${settings.negative}, sample ${settings.sample}, 1 epoch; Node ${process.versions.node}.`,
    '',
    'Measured on this machine:',
    `- 1 thread (least CPU per prediction of ${ROUNDS} runs): ${one.predictions.toLocaleString('en-US')} predictions, training phase ${fmt(one.trainingCpuSeconds)} s CPU (${fmt(one.trainingSeconds)} s wall): **${ns(cpuPerPrediction[0])} ns CPU per prediction**; serial parts ${fmt(one.beforeCpuSeconds)} s CPU (vocabulary and encoding) + ${fmt(one.saveCpuSeconds)} s CPU (saving)`,
    `- 2 threads: ${two.predictions.toLocaleString('en-US')} predictions, training phase ${fmt(two.trainingCpuSeconds)} s CPU (${fmt(two.trainingSeconds)} s wall; ${fmt(one.trainingSeconds / two.trainingSeconds)}× the 1-thread run's wall-time speed): ${ns(cpuPerPrediction[1])} ns CPU per prediction, ${fmt(100 * (cpuPerPrediction[1] / cpuPerPrediction[0] - 1), 1)} % against 1 thread, where the model's ${fmt(contendedAtTwo, 3)} contended lines per prediction at 100 ns a line would add ${fmt((100 * contendedAtTwo * 1e-7) / cpuPerPrediction[0], 1)} %`,
    `- a prediction reads and writes ${bytesPerPrediction} bytes (${1 + settings.negative} output and ${shape.inputRows} input rows of ${rowBytes} bytes); both matrices hold ${fmt((2 * vocabulary.size * rowBytes) / 2 ** 20, 1)} MB`,
    '',
    `Predicted from the vocabulary's counts and the CPU times above (each thread on a core of its own); a contended line costs one transfer between cores of ${LINE_NS.join(', ')} ns (not measurable on a shared 2-core VM; the break-even column is the cost at which the training phase keeps 90 % efficiency):`,
    '',
    `| threads | rows also written by another thread in the same prediction | their lines | falsely shared lines | contended lines per prediction | break-even ns per line | training-phase speed-up at ${LINE_NS.join(' / ')} ns | whole-process speed-up at ${LINE_NS.join(' / ')} ns | row traffic GB/s |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const threads of THREAD_COUNTS) {
    const predictions = latencies.map((lineTransferSeconds) =>
      predictSpeedUp(rows, dim, threads, { ...measured, lineTransferSeconds }),
    );
    const { sharedRows, sharedRowLines, falselySharedLines } = predictions[0]!.contention;
    const contended = sharedRowLines + falselySharedLines;
    const speedUps = (pick: (p: (typeof predictions)[number]) => number): string =>
      predictions.map((p) => `${fmt(pick(p))}×`).join(' / ');
    const traffic = (threads * bytesPerPrediction) / measured.predictionSeconds / 1e9;
    lines.push(
      `| ${threads} | ${fmt(sharedRows, 4)} | ${fmt(sharedRowLines, 3)} | ${fmt(falselySharedLines, 4)} | ${fmt(contended, 3)} | ${ns(measured.predictionSeconds / (9 * contended))} | ${speedUps((p) => p.trainingSpeedUp)} | ${speedUps((p) => p.processSpeedUp)} | ${fmt(traffic, 1)} |`,
    );
  }
  // Where the contended rows are: the output matrix, and in it the most frequent words.
  const none = new Float64Array(vocabulary.size);
  const head = rows.output.map((p, w) => (w < HEAD_WORDS ? p : 0));
  lines.push('');
  for (const threads of [2, THREAD_COUNTS.at(-1)!]) {
    const all = contention(rows, dim, threads).sharedRowLines;
    const output = contention({ input: none, output: rows.output }, dim, threads).sharedRowLines;
    const top = contention({ input: none, output: head }, dim, threads).sharedRowLines;
    lines.push(
      `With ${threads} threads, ${fmt((100 * output) / all, 0)} % of the lines of rows written by two threads are output rows, ${fmt((100 * top) / all, 0)} % output rows of the ${HEAD_WORDS} most frequent words.`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
