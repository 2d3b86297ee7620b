import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '@embedkit/core-math';
import type { WalkKernelSettings } from './walk-kernel.js';
import type { WalkTables } from './walk-tables.js';

/** What every walk worker gets (all arrays in shared memory); it walks `first .. end-1`. */
export interface WalkJob {
  readonly tables: WalkTables;
  readonly settings: WalkKernelSettings;
  readonly seed: number;
  readonly startNodes: Int32Array;
  readonly out: Int32Array;
  readonly lengths: Int32Array;
}

/** The message a walk worker receives. */
export interface WalkRequest extends WalkJob {
  readonly first: number;
  readonly end: number;
}

/**
 * How to start the walk worker: `walk-worker.js` / `.cjs` beside this module in the built package;
 * from the TypeScript sources (the repository's tests) the `.ts` file through `tsx`'s require hook
 * with the `@embedkit/source` condition, as the word2vec and GloVe workers start.
 */
function workerStart(): { entry: URL | string; options: { eval?: boolean; execArgv?: string[] } } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return {
      entry: new URL(here.endsWith('.cjs') ? './walk-worker.cjs' : './walk-worker.js', here),
      options: {},
    };
  }
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./walk-worker.ts', here));
  return {
    entry: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`,
    options: { eval: true, execArgv: ['--conditions=@embedkit/source'] },
  };
}

/**
 * Runs the walks of `job` on `threads` worker threads, each taking a contiguous range, and
 * resolves when all are written. Aborting `signal` terminates them and rejects with CancelledError.
 */
export async function runWalkWorkers(
  job: WalkJob,
  threads: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { entry, options } = workerStart();
  const walkCount = job.lengths.length;
  const workers: Worker[] = [];
  const abort = new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(new CancelledError('walks')), { once: true });
  });
  abort.catch(() => {});
  try {
    const done = [];
    for (let t = 0; t < threads; t++) {
      const first = Math.floor((walkCount * t) / threads);
      const end = Math.floor((walkCount * (t + 1)) / threads);
      const worker = new Worker(entry, {
        ...options,
        workerData: { ...job, first, end } satisfies WalkRequest,
      });
      workers.push(worker);
      done.push(
        new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`a walk worker exited early with code ${code}`)));
        }),
      );
    }
    await Promise.race([Promise.all(done), abort]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
