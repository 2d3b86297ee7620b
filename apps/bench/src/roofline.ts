import type { ModelRow } from './results.js';

/**
 * The fused logistic step's measured speed on one core, two ways: its rows in L1 (the compute
 * roof) and its rows scattered through a matrix far larger than the caches (the memory roof).
 */
export interface StepPeak {
  readonly dim: number;
  /** GFLOP/s with a handful of rows that stay in L1. */
  readonly cacheGflops: number;
  /** GFLOP/s with rows drawn at random from {@link StepPeak.memoryMb} MB of weights. */
  readonly memoryGflops: number;
  /** Size of the matrix of the memory roof, MB. */
  readonly memoryMb: number;
}

/** One training row of the roofline: the floating-point work counted and its rate. */
export interface RooflineRow {
  readonly name: string;
  /** FLOPs of the training phase (see {@link FLOP_CONVENTION}); undefined when not countable. */
  readonly flops?: number | undefined;
  /** Seconds of the training phase. */
  readonly seconds?: number | undefined;
  /** Worker threads of the run. */
  readonly threads: number;
  /** Achieved GFLOP/s over all threads. */
  readonly gflops?: number | undefined;
  /** Why there is no figure. */
  readonly note?: string | undefined;
}

/** The roofline section of the perf block: the kernel's two roofs and each training row against them. */
export interface Roofline {
  readonly peak: StepPeak;
  readonly rows: readonly RooflineRow[];
}

/** How the FLOPs of a training phase are counted (stated under the table). */
export const FLOP_CONVENTION =
  "A FLOP is one multiply, add, division or square root. word2vec and fastText (negative sampling): predictions × (1 + negative) logistic steps × 6·dim (the step's dot product and two axpys; the engine's count of predictions, summed over threads; a negative draw equal to the target, which the engine skips, is counted as done; the input side's row sums and gradient axpys are not counted). GloVe: co-occurrence entries × epochs × (16·dim + 16) (the dot product, per component of both rows the gradient (2), AdaGrad's square root, division and sum of squares (4) and the step (1), and the scalar work of the entry and the two biases).";

/** FLOPs of one logistic step (dot product, then the gradient and the output row's axpy) at `dim`. */
export function logisticStepFlops(dim: number): number {
  return 6 * dim;
}

/** FLOPs of one GloVe entry update at `dim` (see {@link FLOP_CONVENTION}). */
export function gloveEntryFlops(dim: number): number {
  return 16 * dim + 16;
}

function numberOption(row: ModelRow, name: string): number | undefined {
  const value = row.options?.[name];
  return typeof value === 'number' ? value : undefined;
}

/**
 * The FLOPs of a training row's training phase, counted from the work its trainer reported (see
 * {@link FLOP_CONVENTION}), or why they cannot be counted.
 */
export function trainingFlops(row: ModelRow): { flops: number } | { note: string } {
  const work = row.trainingWork;
  const dim = numberOption(row, 'dim');
  if (row.status !== 'ok' || work === undefined || dim === undefined) {
    return { note: 'the trainer reported no training work' };
  }
  if (work.unit === 'pairs') return { flops: work.processed * gloveEntryFlops(dim) };
  if (row.options?.hs === true) {
    return { note: "hierarchical softmax: a prediction's steps are its target's path, not counted" };
  }
  const negative = numberOption(row, 'negative');
  if (work.predictions === undefined || negative === undefined || negative < 1) {
    return { note: 'no count of predictions with negative sampling' };
  }
  return { flops: work.predictions * (1 + negative) * logisticStepFlops(dim) };
}

/** The roofline row of one of our training rows: its counted FLOPs over its training phase. */
export function rooflineRow(name: string, row: ModelRow | undefined, threads: number): RooflineRow {
  if (row === undefined) return { name, threads, note: 'not run' };
  const counted = trainingFlops(row);
  const seconds = row.trainingPhaseSeconds;
  if ('note' in counted) return { name, threads, seconds, note: counted.note };
  if (seconds === undefined || seconds <= 0) {
    return { name, threads, flops: counted.flops, note: 'no training-phase time' };
  }
  return { name, threads, flops: counted.flops, seconds, gflops: counted.flops / seconds / 1e9 };
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)} %`;

/**
 * The roofline lines of the perf block: the two roofs of the fused logistic step measured in the
 * same run, then per training row its FLOPs, training-phase time and GFLOP/s, per thread and as a
 * share of each roof.
 */
export function renderRoofline(roofline: Roofline): string[] {
  const { peak } = roofline;
  const lines = [
    '### Roofline: achieved GFLOP/s against the kernel',
    '',
    `Roofs measured in this run, one core, the fused Wasm SIMD \`logisticStep\` at dim ${peak.dim}: **${peak.cacheGflops.toFixed(2)} GFLOP/s** with its rows in L1 (compute roof), **${peak.memoryGflops.toFixed(2)} GFLOP/s** with rows drawn at random from ${peak.memoryMb} MB of weights (memory roof). The training rows' time is the training phase alone (after counting and encoding).`,
    '',
    '| training | FLOPs | training phase s | threads | GFLOP/s | per thread | of the compute roof | of the memory roof |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of roofline.rows) {
    const perThread = row.gflops === undefined ? undefined : row.gflops / row.threads;
    const cells = [
      row.name,
      row.flops === undefined ? '–' : row.flops.toExponential(3),
      row.seconds === undefined ? '–' : row.seconds.toFixed(2),
      String(row.threads),
      row.gflops === undefined ? '–' : row.gflops.toFixed(2),
      perThread === undefined ? '–' : perThread.toFixed(2),
      perThread === undefined ? '–' : percent(perThread, peak.cacheGflops),
      perThread === undefined ? '–' : percent(perThread, peak.memoryGflops),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', FLOP_CONVENTION, '');
  const notes = roofline.rows.filter((row) => row.note !== undefined);
  if (notes.length > 0) lines.push(...notes.map((row) => `- ${row.name}: ${row.note}`), '');
  return lines;
}
