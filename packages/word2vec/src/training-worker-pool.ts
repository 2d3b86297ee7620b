import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { NumericError } from '@embedkit/core-math';
import type { InitRequest, TrainRequest, WorkerReply } from './worker-protocol.js';

/**
 * How to start the training worker: from the built package it is `training-worker.js` (ESM) or
 * `training-worker.cjs` (CJS) beside this module in `dist/`. When this module runs from its
 * TypeScript source (the repository's tests), a small CommonJS bootstrap registers the `tsx`
 * loader (a development dependency at the repository root) and then loads `training-worker.ts`,
 * with sibling packages resolved to their sources; Node 20 does not apply `--import tsx` to a
 * worker's entry module.
 */
function workerStart(): { entry: URL | string; options: WorkerOptions } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    const worker = fileURLToPath(new URL('./training-worker.ts', here));
    return {
      entry: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(worker)});`,
      options: { eval: true, execArgv: ['--conditions=@embedkit/source'] },
    };
  }
  return {
    entry: new URL(here.endsWith('.cjs') ? './training-worker.cjs' : './training-worker.js', here),
    options: {},
  };
}

/** At most this many `train` requests wait at one worker (so the next is ready when one ends). */
const MAX_IN_FLIGHT = 2;

/**
 * The training workers of one run. Any failure of a worker (an error it reports, a crash, an
 * unexpected exit) is passed to `onFailure` once; {@link TrainingWorkerPool.close} terminates them
 * all and waits until they have exited.
 */
export class TrainingWorkerPool {
  readonly #workers: Worker[] = [];
  readonly #waiting: Array<Array<() => void>> = [];
  readonly #idleWaiters: Array<() => void> = [];
  #closing = false;

  /**
   * @param size - number of workers
   * @param onFailure - called with the first failure of any worker
   */
  constructor(size: number, onFailure: (error: Error) => void) {
    const { entry, options } = workerStart();
    let failed = false;
    const fail = (error: Error): void => {
      if (failed || this.#closing) return;
      failed = true;
      onFailure(error);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(entry, options);
      const waiting: Array<() => void> = [];
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'error') {
          fail(reply.code === 'NUMERIC' ? new NumericError(reply.message) : new Error(reply.message));
          return;
        }
        waiting.shift()?.();
        for (const wake of this.#idleWaiters.splice(0)) wake();
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => fail(new Error(`a training worker exited early with code ${code}`)));
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
    this.#workers[thread]!.postMessage(request);
  }

  /** Sends worker `thread` a block to train; resolves when it is done. */
  train(thread: number, request: TrainRequest, transfer: ArrayBuffer[] = []): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#waiting[thread]!.push(resolve);
      this.#workers[thread]!.postMessage(request, transfer);
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
 * `requested` worker threads clamped to the machine's parallelism; `warning` says so when it was
 * clamped.
 */
export function clampThreads(requested: number): { threads: number; warning: string | undefined } {
  const available = availableParallelism();
  if (requested <= available) return { threads: requested, warning: undefined };
  return {
    threads: available,
    warning: `threads=${requested} is more than the ${available} this machine runs in parallel; using ${available}`,
  };
}
