import {
  CancelledError,
  ConfigError,
  EmbeddingError,
  type EmbeddingErrorCode,
  type TrainContext,
  type TrainingCorpus,
  type TrainingProgress,
  isEmbeddingError,
} from '@embedkit/core-math';
import { kernelsName } from '@embedkit/core-math/kernels';
import { sentencesFromBytes } from '@embedkit/corpus';
import { trainingParallelism } from '#worker-transport';

/**
 * A training job run in a Web Worker, so the page stays responsive: the page side
 * ({@link runTrainingJob}) and the worker side ({@link serveTrainingJob}) of one small protocol that
 * every trainer's browser entry shares (word2vec's, fastText's).
 */

/**
 * How a job trained: its worker threads, their kernels, and whether they shared memory. With
 * cross-origin isolation (COOP/COEP headers) several workers share the weights through
 * `SharedArrayBuffer` and run the WebAssembly SIMD kernels; without it one worker trains with the
 * TypeScript kernels.
 */
export interface TrainingRuntime {
  /** Worker threads that trained. */
  readonly threads: number;
  /** The vector kernels they ran. */
  readonly kernels: 'wasm-simd' | 'typescript';
  /** Whether the workers shared the weights (`SharedArrayBuffer`, a cross-origin isolated page). */
  readonly shared: boolean;
}

/** A progress report of a job in a worker: the trainer's report plus the {@link TrainingRuntime}. */
export interface BrowserTrainingProgress extends TrainingProgress {
  /** How the job trains. */
  readonly runtime: TrainingRuntime;
}

/**
 * The corpus of a job in a page: the text itself (one sentence per line, split on whitespace; a
 * string is never a path here), a `Blob` / `File` of such text, or sentences of tokens.
 */
export type BrowserCorpus = string | Blob | ReadonlyArray<readonly string[]>;

/** What a page hands a job besides its corpus and options. */
export interface BrowserTrainContext {
  /** Progress, at most twice a second and once at 100 %. */
  readonly onProgress?: (progress: BrowserTrainingProgress) => void;
  /** Aborting stops the job and terminates its worker; the promise then rejects with `CancelledError`. */
  readonly signal?: AbortSignal;
  /** Worker threads to ask for (clamped to the page: 1 without cross-origin isolation). */
  readonly threads?: number;
  /** Seed of every random choice. */
  readonly seed?: number;
}

/** A message from the page to a job's worker. */
type JobRequest =
  | {
      readonly type: 'train';
      readonly corpus: BrowserCorpus;
      readonly options: unknown;
      readonly threads: number | undefined;
      readonly seed: number | undefined;
    }
  | { readonly type: 'cancel' };

/** A message from a job's worker to the page. */
type JobReply<Result> =
  | { readonly type: 'progress'; readonly progress: BrowserTrainingProgress }
  | { readonly type: 'done'; readonly result: Result; readonly runtime: TrainingRuntime }
  | { readonly type: 'error'; readonly code: EmbeddingErrorCode | undefined; readonly message: string };

/** The parts of a Web Worker a job uses (this package's `lib` has no DOM types). */
export interface JobWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'error',
    listener: (event: { message?: string; preventDefault(): void }) => void,
  ): void;
  terminate(): void;
}

/**
 * The Web Worker constructor of a page, declared for the modules that start one with the literal
 * `new Worker(new URL('./x.js', import.meta.url), { type: 'module' })` that bundlers (Vite,
 * webpack) recognise and bundle as a worker; `undefined` outside a browser.
 */
export type JobWorkerConstructor = new (url: URL, options: { type: 'module'; name?: string }) => JobWorker;

/**
 * @throws ConfigError naming `nodeAlternative` when this runtime has no Web Worker (Node)
 */
export function assertWebWorkers(nodeAlternative: string): void {
  if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') {
    throw new ConfigError('runtime', 'no Web Worker', `a browser page (in Node, call ${nodeAlternative})`);
  }
}

/**
 * Runs one job in `worker` (a module Web Worker whose script calls {@link serveTrainingJob}) and
 * terminates it when the job settles. Errors come back as the library's typed errors with their
 * message (`ConfigError` for bad options, `CancelledError` when `signal` aborts).
 */
export function runTrainingJob<Result>(
  worker: JobWorker,
  corpus: BrowserCorpus,
  options: unknown,
  context: BrowserTrainContext = {},
): Promise<{ readonly result: Result; readonly runtime: TrainingRuntime }> {
  const { onProgress, signal, threads, seed } = context;
  return new Promise((resolve, reject) => {
    const settle = (action: () => void): void => {
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
      action();
    };
    const cancel = (): void => settle(() => reject(new CancelledError('training')));
    if (signal?.aborted) {
      cancel();
      return;
    }
    signal?.addEventListener('abort', cancel, { once: true });
    worker.addEventListener('message', ({ data }) => {
      const reply = data as JobReply<Result>;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'done') settle(() => resolve({ result: reply.result, runtime: reply.runtime }));
      else settle(() => reject(rebuildError(reply.code, reply.message)));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      settle(() =>
        reject(new Error(`the training worker failed: ${event.message ?? 'it could not be loaded'}`)),
      );
    });
    const request: JobRequest = { type: 'train', corpus, options, threads, seed };
    worker.postMessage(request);
  });
}

/** The error a worker reported, as the page's own `EmbeddingError` (same code and message). */
function rebuildError(code: EmbeddingErrorCode | undefined, message: string): Error {
  return code === undefined ? new Error(message) : new EmbeddingError(code, message);
}

/**
 * The worker side: waits for the job, turns its corpus into sentences, runs `train` with progress
 * (carrying the {@link TrainingRuntime}) and cancellation, and posts the result with the buffers to
 * transfer.
 */
export function serveTrainingJob<Result>(
  train: (
    corpus: TrainingCorpus,
    options: unknown,
    context: TrainContext,
  ) => Promise<{ readonly result: Result; readonly transfer: ArrayBuffer[] }>,
): void {
  const scope = globalThis as unknown as {
    postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
    addEventListener(type: 'message', listener: (event: { data: JobRequest }) => void): void;
  };
  const controller = new AbortController();
  const post = (reply: JobReply<Result>, transfer: ArrayBuffer[] = []): void =>
    scope.postMessage(reply, transfer);
  scope.addEventListener('message', async ({ data }) => {
    if (data.type === 'cancel') {
      controller.abort();
      return;
    }
    try {
      const runtime = runtimeFor(data.threads);
      const corpus = await sentencesFromCorpus(data.corpus);
      const { result, transfer } = await train(corpus, data.options, {
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', progress: { ...progress, runtime } }),
        ...(data.threads === undefined ? {} : { threads: data.threads }),
        ...(data.seed === undefined ? {} : { seed: data.seed }),
      });
      post({ type: 'done', result, runtime }, transfer);
    } catch (error) {
      post({
        type: 'error',
        code: isEmbeddingError(error) ? error.code : undefined,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}

/** The runtime a job with `threads` requested trains on here. */
function runtimeFor(threads: number | undefined): TrainingRuntime {
  const available = trainingParallelism();
  return {
    threads: Math.min(threads ?? available.threads, available.threads),
    kernels: kernelsName() === 'wasm-simd' ? 'wasm-simd' : 'typescript',
    shared: available.shared,
  };
}

/** A page's corpus as the trainers take it: text and `Blob`s become sentences read from their bytes. */
async function sentencesFromCorpus(corpus: BrowserCorpus): Promise<TrainingCorpus> {
  if (typeof corpus === 'string') return sentencesFromBytes([new TextEncoder().encode(corpus)]);
  if (Array.isArray(corpus)) return corpus as ReadonlyArray<readonly string[]>;
  if (typeof Blob === 'function' && corpus instanceof Blob) {
    return sentencesFromBytes([new Uint8Array(await corpus.arrayBuffer())]);
  }
  throw new ConfigError('corpus', typeof corpus, 'the text, a Blob of text, or an array of token arrays');
}
