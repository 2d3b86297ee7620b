import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '@embedkit/core-math';
import type { EpochRequest, EpochResult, WorkerSetup } from './worker-protocol.js';

/**
 * How to start the worker script next to this module: `training-worker.js` in the built package
 * (the ESM and CJS builds share it); when running from TypeScript sources (tests), the `.ts` file,
 * compiled on the fly by `tsx`'s require hook (Node 20 does not apply `--import` loader hooks to
 * worker threads) with the `@embedkit/source` condition so it imports sibling sources too.
 */
function workerScript(): { script: string | URL; options: { eval?: boolean; execArgv?: string[] } } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { script: new URL('./training-worker.js', here), options: {} };
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./training-worker.ts', here));
  return {
    script: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`,
    options: { eval: true, execArgv: ['--conditions', '@embedkit/source'] },
  };
}

interface EpochListener {
  done(index: number, result: EpochResult): void;
  fail(error: Error): void;
}

/**
 * Worker threads that train blocks of shared entries they claim on shared parameters (Hogwild), one
 * epoch at a time on request. Always {@link TrainingWorkers.terminate} them, also after a failure.
 */
export class TrainingWorkers {
  readonly #workers: Worker[];
  #listener: EpochListener | undefined;
  #terminating = false;

  /** Starts one worker per setup. */
  constructor(setups: readonly WorkerSetup[]) {
    const { script, options } = workerScript();
    this.#workers = setups.map((setup, index) => {
      const worker = new Worker(script, { ...options, workerData: setup });
      worker.on('message', (result: EpochResult) => this.#listener?.done(index, result));
      worker.on('error', (error: Error) => this.#listener?.fail(error));
      worker.on('exit', (code) => {
        if (!this.#terminating)
          this.#listener?.fail(new Error(`GloVe training worker ${index} exited with code ${code}`));
      });
      return worker;
    });
  }

  /**
   * Runs epoch `epoch` on every worker and resolves with their results (in worker order).
   *
   * @throws CancelledError as soon as `signal` aborts (the caller then terminates the workers)
   */
  runEpoch(epoch: number, signal: AbortSignal | undefined): Promise<EpochResult[]> {
    return new Promise<EpochResult[]>((resolve, reject) => {
      const results: EpochResult[] = [];
      let remaining = this.#workers.length;
      const onAbort = (): void => settle(new CancelledError('GloVe training'));
      const settle = (error?: Error): void => {
        signal?.removeEventListener('abort', onAbort);
        this.#listener = undefined;
        if (error === undefined) resolve(results);
        else reject(error);
      };
      this.#listener = {
        done: (index, result) => {
          results[index] = result;
          if (--remaining === 0) settle();
        },
        fail: settle,
      };
      if (signal?.aborted) {
        settle(new CancelledError('GloVe training'));
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const request: EpochRequest = { epoch };
      for (const worker of this.#workers) worker.postMessage(request);
    });
  }

  /** Stops every worker at once (mid-epoch if need be). */
  async terminate(): Promise<void> {
    this.#terminating = true;
    this.#listener = undefined;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
