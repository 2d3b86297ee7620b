import type { TrainingProgress } from '@embedkit/core-math';
import { Random } from '@embedkit/core-math';
import { allocateFloat32, allocateInt32, kernelMemory, releaseArray } from '@embedkit/core-math/kernels';
import { GloveKernel } from './glove-kernel.js';
import { createParameters, outputVectors, releaseParameters } from './glove-parameters.js';
import type { ResolvedGloveOptions } from './options.js';
import type { TrainingEntries } from './training-entries.js';
import { shuffleEntries } from './training-entries.js';
import { TrainingWorkers } from './training-workers.js';
import type { WorkerSetup } from './worker-protocol.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Entries trained (or shuffled) on the main thread between two looks at the event loop. */
const ENTRIES_PER_YIELD = 1 << 15;

/** Entries a worker thread claims at a time. */
const ENTRIES_PER_CLAIM = 1 << 15;

/** What {@link trainParameters} needs besides the entries. */
export interface ParameterTraining {
  readonly options: Pick<ResolvedGloveOptions, 'dim' | 'epochs' | 'lr' | 'gradClip' | 'output'>;
  /** Threads (1: on the calling thread, deterministic for a seed; more: Hogwild worker threads). */
  readonly threads: number;
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: TrainingProgress) => void) | undefined;
}

/** The trained vectors (see the `output` option) and the mean cost of each epoch. */
export interface TrainedVectors {
  /** `vocabSize x dim`, row-major. */
  readonly vectors: Float32Array;
  readonly costs: number[];
  /** Where the training step ran: `wasm-simd` or `ts` (see `GloveKernel`). */
  readonly kernel: string;
}

/**
 * Minimises J = Σ f(X_ij)(w_iᵀw̃_j + b_i + b̃_j − log X_ij)² with AdaGrad as `glove.c` does (the step
 * is core-math's `GloveKernel`: WebAssembly SIMD on the kernel memory, else TypeScript). The entries
 * are shuffled once with a seeded Fisher-Yates shuffle and visited in that order every epoch, as
 * `shuffle` and `glove` do. With several threads, worker threads claim blocks of
 * {@link ENTRIES_PER_CLAIM} entries in turn from a shared counter (so a thread slowed down by the
 * machine's load does not hold the others up) and update the shared parameters without locks
 * (Hogwild). Reports `{ phase: 'training', processed: 0 }` as the epochs start and
 * `{ phase: 'training', epoch, loss }` after each epoch, `loss` being the epoch's
 * cost divided by the number of entries (what `glove` prints). It shuffles `entries` in place (the
 * caller owns them and gives them back); every array it allocates in the kernel memory is given
 * back before it returns or throws.
 *
 * @throws CancelledError when `signal` aborts (workers are terminated)
 */
export async function trainParameters(
  entries: TrainingEntries,
  vocabSize: number,
  training: ParameterTraining,
): Promise<TrainedVectors> {
  const { options, threads, seed, signal, onProgress } = training;
  const root = new Random(seed);
  const parameters = createParameters(vocabSize, options.dim, root.fork(0));
  const scratches = Array.from({ length: threads }, () => allocateFloat32(2 * options.dim));
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
  const claimed = allocateInt32(1);
  const setups: WorkerSetup[] = scratches.map((scratch) => ({
    memory: kernelMemory(),
    vocabSize,
    dim: options.dim,
    lr: options.lr,
    gradClip: options.gradClip,
    weights: parameters.weights,
    gradsq: parameters.gradsq,
    entries: entries.ints,
    scratch,
    claimed,
    claim: ENTRIES_PER_CLAIM,
  }));
  try {
    const kernel = new GloveKernel(setups[0]!);
    await shuffleInSteps(entries, root.fork(1), signal);
    // The epochs start: a caller timing the training phase starts its clock here.
    onProgress?.({
      phase: 'training',
      epoch: 0,
      epochs: options.epochs,
      processed: 0,
      total: options.epochs * total,
      unit: 'pairs',
      fraction: 0,
      learningRate: options.lr,
    });
    if (threads === 1) {
      for (let epoch = 0; epoch < options.epochs; epoch++) {
        let cost = 0;
        for (let start = 0; start < total; start += ENTRIES_PER_YIELD) {
          cost += kernel.train(start, Math.min(total, start + ENTRIES_PER_YIELD));
          await yieldToEventLoop(signal, 'GloVe training');
        }
        report(epoch, cost);
      }
    } else {
      const workers = new TrainingWorkers(setups);
      try {
        for (let epoch = 0; epoch < options.epochs; epoch++) {
          Atomics.store(claimed, 0, 0);
          const results = await workers.runEpoch(epoch, signal);
          report(
            epoch,
            results.reduce((sum, result) => sum + result.cost, 0),
          );
        }
      } finally {
        await workers.terminate();
      }
    }
    return { vectors: outputVectors(parameters, options.output), costs, kernel: kernel.name };
  } finally {
    releaseArray(claimed);
    for (const scratch of scratches) releaseArray(scratch);
    releaseParameters(parameters);
  }
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
