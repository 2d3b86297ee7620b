import type { PerfRow } from './perf-result.js';
import { failureNote, measureOf, trainingPhaseOf } from './perf-rows.js';
import type { ModelRow } from './results.js';

/** Issue 20's target for the training phase from 1 to 2 threads: at least this speed-up. */
export const TRAINING_PHASE_SPEEDUP = 1.85;

/** One algorithm whose scaling from 1 to 2 threads is measured. */
export interface ScalingCase {
  /** Registered algorithm id, e.g. `word2vec-cbow`. */
  readonly algo: string;
  /** Its name in the rows, e.g. `word2vec CBOW`. */
  readonly title: string;
  /** Training options (one epoch is enough). */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * The two rows of one algorithm's scaling from the runs with 1 and 2 threads: the whole process
 * (no target: counting the vocabulary is one thread) and the training phase alone, against
 * {@link TRAINING_PHASE_SPEEDUP}.
 */
export function scalingRows(title: string, one: ModelRow, two: ModelRow): PerfRow[] {
  const note = failureNote([one, two]);
  const [oneMeasure, twoMeasure] = [measureOf(one), measureOf(two)];
  const [onePhase, twoPhase] = [trainingPhaseOf(one), trainingPhaseOf(two)];
  const phaseRatio = onePhase && twoPhase ? twoPhase.seconds / onePhase.seconds : undefined;
  return [
    {
      name: `thread scaling, ${title}, 1 epoch, whole process`,
      oursLabel: '2 threads',
      peerLabel: '1 thread',
      ours: twoMeasure,
      peer: oneMeasure,
      ratio: oneMeasure && twoMeasure ? twoMeasure.seconds / oneMeasure.seconds : undefined,
      target: 'none set (ideal 0.5×; counting the vocabulary is one thread)',
      note,
    },
    {
      name: `thread scaling, ${title}, 1 epoch, training phase (after counting and encoding)`,
      oursLabel: '2 threads',
      peerLabel: '1 thread',
      ours: twoPhase,
      peer: onePhase,
      ratio: phaseRatio,
      target: `≥ ${TRAINING_PHASE_SPEEDUP}× speed-up (ratio ≤ ${(1 / TRAINING_PHASE_SPEEDUP).toFixed(3)}×)`,
      met: phaseRatio === undefined ? undefined : 1 / phaseRatio >= TRAINING_PHASE_SPEEDUP,
      note,
    },
  ];
}

/**
 * Trains every case with 1 thread, then 2 (one child process each, one after the other) and
 * returns their {@link scalingRows}.
 */
export async function threadScalingRows(
  cases: readonly ScalingCase[],
  train: (algo: string, options: Readonly<Record<string, unknown>>, threads: number) => Promise<ModelRow>,
): Promise<PerfRow[]> {
  const rows: PerfRow[] = [];
  for (const { algo, title, options } of cases) {
    const one = await train(algo, options, 1);
    const two = await train(algo, options, 2);
    rows.push(...scalingRows(title, one, two));
  }
  return rows;
}
