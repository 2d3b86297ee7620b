import type { TrainingProgress } from '@embedkit/core-math';
import { Random } from '@embedkit/core-math';
import type { CooccurrenceMatrix } from './cooccurrence-matrix.js';
import type { GloveParameters } from './glove-parameters.js';
import { createParameters } from './glove-parameters.js';
import { GloveUpdater } from './glove-updater.js';
import type { ResolvedGloveOptions } from './options.js';
import type { TrainingEntries } from './training-entries.js';
import { buildTrainingEntries, shuffleEntries } from './training-entries.js';
import { TrainingWorkers } from './training-workers.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Entries trained (or shuffled) on the main thread between two looks at the event loop. */
const ENTRIES_PER_YIELD = 1 << 15;

/** What {@link trainParameters} needs besides the matrix. */
export interface ParameterTraining {
  readonly options: Pick<ResolvedGloveOptions, 'dim' | 'epochs' | 'lr' | 'xMax' | 'alpha' | 'gradClip'>;
  /** Threads (1: on the calling thread, deterministic for a seed; more: Hogwild worker threads). */
  readonly threads: number;
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: TrainingProgress) => void) | undefined;
}

/** Trained parameters and the mean cost of each epoch. */
export interface TrainedParameters {
  readonly parameters: GloveParameters;
  readonly costs: number[];
}

/**
 * Minimises J = Σ f(X_ij)(w_iᵀw̃_j + b_i + b̃_j − log X_ij)² with AdaGrad as `glove.c` does, visiting
 * the entries in a fresh seeded order each epoch. With several threads, the entries are shuffled once
 * and cut into one contiguous slice per thread; each worker reshuffles its slice every epoch and
 * updates the shared parameters without locks. Reports `{ phase: 'training', epoch, loss }` after
 * each epoch, `loss` being the epoch's cost divided by the number of entries (what `glove` prints).
 *
 * @throws CancelledError when `signal` aborts (workers are terminated)
 */
export async function trainParameters(
  matrix: CooccurrenceMatrix,
  training: ParameterTraining,
): Promise<TrainedParameters> {
  const { options, threads, seed, signal, onProgress } = training;
  const shared = threads > 1;
  const root = new Random(seed);
  const parameters = createParameters(matrix.vocabSize, options.dim, root.fork(0), shared);
  const entries = buildTrainingEntries(matrix, options.xMax, options.alpha, shared);
  const total = entries.count;
  const costs: number[] = [];
  const report = (epoch: number, cost: number): void => {
    costs.push(cost / total);
    onProgress?.({
      phase: 'training',
      epoch,
      epochs: options.epochs,
      processed: (epoch + 1) * total,
      total: options.epochs * total,
      unit: 'pairs',
      fraction: (epoch + 1) / options.epochs,
      learningRate: options.lr,
      loss: cost / total,
    });
  };
  if (!shared) {
    const updater = new GloveUpdater(parameters, entries, options.lr, options.gradClip);
    const random = root.fork(2);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      await shuffleInSteps(entries, random, signal);
      let cost = 0;
      for (let start = 0; start < total; start += ENTRIES_PER_YIELD) {
        cost += updater.train(start, Math.min(total, start + ENTRIES_PER_YIELD)).cost;
        await yieldToEventLoop(signal, 'GloVe training');
      }
      report(epoch, cost);
    }
    return { parameters, costs };
  }
  shuffleEntries(entries, 0, total, 1, root.fork(1));
  const workers = new TrainingWorkers(
    Array.from({ length: threads }, (_, t) => ({
      vocabSize: matrix.vocabSize,
      dim: options.dim,
      lr: options.lr,
      gradClip: options.gradClip,
      weights: parameters.weights.buffer as SharedArrayBuffer,
      gradsq: parameters.gradsq.buffer as SharedArrayBuffer,
      entries: entries.ints.buffer as SharedArrayBuffer,
      start: Math.floor((total * t) / threads),
      end: Math.floor((total * (t + 1)) / threads),
      random: root.fork(2 + t).state(),
    })),
  );
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const results = await workers.runEpoch(epoch, signal);
      report(
        epoch,
        results.reduce((sum, result) => sum + result.cost, 0),
      );
    }
  } finally {
    await workers.terminate();
  }
  return { parameters, costs };
}

/** A whole Fisher-Yates shuffle of the entries, looking at the event loop between stretches. */
async function shuffleInSteps(
  entries: TrainingEntries,
  random: Random,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (let from = entries.count; from > 1; from -= ENTRIES_PER_YIELD) {
    shuffleEntries(entries, 0, from, Math.max(1, from - ENTRIES_PER_YIELD), random);
    await yieldToEventLoop(signal, 'GloVe training');
  }
}
