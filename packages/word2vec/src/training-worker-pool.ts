import { NumericError } from '@embedkit/core-math';
import { startTrainingWorker, trainingParallelism } from '#worker-transport';
import type { InitRequest, TrainRequest, WorkerReply } from './worker-protocol.js';
import type { TrainingWorkerHandle, TrainingWorkerListener } from './worker-transport.js';

/** At most this many `train` requests wait at one worker (so the next is ready when one ends). */
const MAX_IN_FLIGHT = 2;

/**
 * The training workers of one run, on the transport `#worker-transport` picks for the runtime
 * (`node:worker_threads`, Web Workers, or the calling thread in a page without shared memory). Any failure of a worker (an error it reports, a crash, an
 * unexpected exit) is passed to `onFailure` once; {@link TrainingWorkerPool.close} terminates them
 * all and waits until they have exited.
 */
export class TrainingWorkerPool {
  readonly #workers: TrainingWorkerHandle[] = [];
  readonly #waiting: Array<Array<() => void>> = [];
  readonly #idleWaiters: Array<() => void> = [];
  #closing = false;

  /**
   * @param size - number of workers
   * @param onFailure - called with the first failure of any worker
   */
  constructor(size: number, onFailure: (error: Error) => void) {
    let failed = false;
    const fail = (error: Error): void => {
      if (failed || this.#closing) return;
      failed = true;
      onFailure(error);
    };
    for (let i = 0; i < size; i++) {
      const waiting: Array<() => void> = [];
      const worker = takeTrainingWorker({
        onReply: (reply: WorkerReply) => {
          if (reply.type === 'error') {
            fail(reply.code === 'NUMERIC' ? new NumericError(reply.message) : new Error(reply.message));
            return;
          }
          waiting.shift()?.();
          for (const wake of this.#idleWaiters.splice(0)) wake();
        },
        onFailure: fail,
      });
      this.#workers.push(worker);
      this.#waiting.push(waiting);
    }
  }

  /** Number of workers. */
  get size(): number {
    return this.#workers.length;
  }

  /** Sends worker `thread` its setup. */
  init(thread: number, request: InitRequest): void {
    this.#workers[thread]!.post(request);
  }

  /** Sends worker `thread` a block to train; resolves when it is done. */
  train(thread: number, request: TrainRequest, transfer: ArrayBuffer[] = []): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#waiting[thread]!.push(resolve);
      this.#workers[thread]!.post(request, transfer);
    });
  }

  /** The worker with the fewest requests waiting, once it has room for another one. */
  async idleWorker(): Promise<number> {
    for (;;) {
      let best = 0;
      for (let t = 1; t < this.#waiting.length; t++) {
        if (this.#waiting[t]!.length < this.#waiting[best]!.length) best = t;
      }
      if (this.#waiting[best]!.length < MAX_IN_FLIGHT) return best;
      await new Promise<void>((wake) => this.#idleWaiters.push(wake));
    }
  }

  /** Terminates every worker and resolves once all have exited. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/**
 * `requested` worker threads clamped to what the runtime runs in parallel; `warning` says so when
 * it was clamped (in a page without cross-origin isolation, one worker: no shared memory).
 */
export function clampThreads(requested: number): { threads: number; warning: string | undefined } {
  const { threads: available, shared } = trainingParallelism();
  if (requested <= available) return { threads: requested, warning: undefined };
  const where = shared
    ? 'this machine runs in parallel'
    : 'this page runs without shared memory (serve it with COOP/COEP headers for more)';
  return {
    threads: available,
    warning: `threads=${requested} is more than the ${available} ${where}; using ${available}`,
  };
}

/**
 * A worker started before its run (see {@link withPrestartedWorkers}): it boots (loads its modules)
 * while the main thread is still reading the corpus, and passes what it reports to the pool that
 * takes it. A failure before that is kept and passed on when it is taken.
 */
class SpareWorker {
  readonly handle: TrainingWorkerHandle;
  #listener: TrainingWorkerListener | undefined;
  #earlyFailure: Error | undefined;
  #released = false;

  constructor() {
    this.handle = startTrainingWorker({
      onReply: (reply) => this.#listener?.onReply(reply),
      onFailure: (error) => {
        if (this.#released) return;
        if (this.#listener === undefined) this.#earlyFailure ??= error;
        else this.#listener.onFailure(error);
      },
    });
  }

  /** Hands the worker to `listener` (a pool's). */
  take(listener: TrainingWorkerListener): TrainingWorkerHandle {
    this.#listener = listener;
    if (this.#earlyFailure !== undefined) listener.onFailure(this.#earlyFailure);
    return this.handle;
  }

  /** Terminates the worker, which no pool took. */
  async release(): Promise<void> {
    this.#released = true;
    await this.handle.terminate();
  }
}

/** Workers started by {@link withPrestartedWorkers} that no pool has taken yet. */
const spareWorkers: SpareWorker[] = [];

/** A spare worker handed to `listener`, else a new worker. */
function takeTrainingWorker(listener: TrainingWorkerListener): TrainingWorkerHandle {
  return spareWorkers.shift()?.take(listener) ?? startTrainingWorker(listener);
}

/**
 * Runs `run` (which reads, counts and encodes a corpus, then trains on it) with its training workers
 * started first: up to `threads` workers (clamped as the engine clamps them) start before `run`,
 * and the next pools take them instead of starting their own, so their start-up (a thread, its
 * modules) overlaps the main thread's reading of the corpus. Workers no pool took by the time
 * `run` settles are terminated.
 * @experimental Part of `@embedkit/word2vec/engine`, which may change in a minor release.
 */
export async function withPrestartedWorkers<T>(threads: number, run: () => Promise<T>): Promise<T> {
  const started: SpareWorker[] = [];
  const wanted = clampThreads(threads).threads - spareWorkers.length;
  for (let i = 0; i < wanted; i++) started.push(new SpareWorker());
  spareWorkers.push(...started);
  try {
    return await run();
  } finally {
    const unused = started.filter((worker) => spareWorkers.includes(worker));
    spareWorkers.splice(0, spareWorkers.length, ...spareWorkers.filter((worker) => !unused.includes(worker)));
    await Promise.all(unused.map((worker) => worker.release()));
  }
}
