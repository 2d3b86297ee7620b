import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError, NumericError } from '@embedkit/core-math';
import { kernelMemory } from '@embedkit/core-math/kernels';
import type { LineTrainingJob, LineTrainingProgress } from './train-lines.js';

/**
 * How to start the worker: `supervised-worker.js` / `.cjs` beside this module in the built package;
 * from the TypeScript sources (the repository's tests) the `.ts` file through `tsx`'s require hook
 * with the `@embedkit/source` condition, as the word2vec, GloVe and graph workers start.
 */
function workerStart(): { entry: URL | string; options: { eval?: boolean; execArgv?: string[] } } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return {
      entry: new URL(here.endsWith('.cjs') ? './supervised-worker.cjs' : './supervised-worker.js', here),
      options: {},
    };
  }
  const tsx = createRequire(here).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./supervised-worker.ts', here));
  return {
    entry: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`,
    options: { eval: true, execArgv: ['--conditions=@embedkit/source'] },
  };
}

type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: LineTrainingProgress }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: string | undefined; readonly message: string };

/**
 * Runs each job on its own worker thread (the matrices in `jobs` must be shared: kernel memory or
 * `SharedArrayBuffer`), calling `onProgress` with each thread's index and report. Aborting
 * `signal` terminates the workers and rejects with CancelledError.
 */
export async function runLineWorkers(
  jobs: readonly LineTrainingJob[],
  onProgress: (thread: number, progress: LineTrainingProgress) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { entry, options } = workerStart();
  const memory = kernelMemory();
  const workers = jobs.map(() => new Worker(entry, options));
  const abort = (): void => {
    for (const worker of workers) void worker.terminate();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.all(
      workers.map(
        (worker, thread) =>
          new Promise<void>((resolve, reject) => {
            worker.on('message', (message: WorkerMessage) => {
              if (message.type === 'progress') onProgress(thread, message.progress);
              else if (message.type === 'done') resolve();
              else
                reject(
                  message.code === 'NUMERIC' ? new NumericError(message.message) : new Error(message.message),
                );
            });
            worker.on('error', reject);
            worker.on('exit', (code) =>
              signal?.aborted
                ? reject(new CancelledError('training'))
                : reject(new Error(`a training worker exited early with code ${code}`)),
            );
            worker.postMessage({ memory, job: jobs[thread] });
          }),
      ),
    );
  } finally {
    signal?.removeEventListener('abort', abort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
