import { createTrainingRequestHandler } from './training-worker-handler.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';
import type {
  TrainingParallelism,
  TrainingWorkerHandle,
  TrainingWorkerListener,
} from './worker-transport.js';

/** The parts of a Web Worker the transport uses (the DOM types are not in this package's `lib`). */
interface WebWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(
    type: 'error',
    listener: (event: { message?: string; preventDefault(): void }) => void,
  ): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
  terminate(): void;
}

type WorkerConstructor = new (url: URL, options: { type: 'module'; name?: string }) => WebWorker;

/** The page's Web Worker constructor, started with the literal form bundlers recognise (below). */
declare const Worker: WorkerConstructor;

interface BrowserGlobals {
  readonly Worker?: WorkerConstructor;
  readonly crossOriginIsolated?: boolean;
  readonly navigator?: { readonly hardwareConcurrency?: number };
}

const browser = globalThis as BrowserGlobals;

/**
 * In a browser: with cross-origin isolation (COOP/COEP headers: `crossOriginIsolated` and
 * `SharedArrayBuffer` exist) one Web Worker per core sharing the weights; without it one worker,
 * the calling thread itself (run `trainWord2Vec` inside a Web Worker so the page stays responsive).
 */
export function trainingParallelism(): TrainingParallelism {
  const shared =
    browser.crossOriginIsolated === true &&
    typeof SharedArrayBuffer === 'function' &&
    typeof browser.Worker === 'function';
  if (!shared) return { threads: 1, shared: false };
  return { threads: Math.max(1, browser.navigator?.hardwareConcurrency ?? 1), shared: true };
}

/**
 * Starts one training worker: a module Web Worker running `training-worker-browser.js` (beside
 * this module) when memory can be shared, else a worker in the calling thread.
 */
export function startTrainingWorker(listener: TrainingWorkerListener): TrainingWorkerHandle {
  return trainingParallelism().shared ? startWebWorker(listener) : startInThreadWorker(listener);
}

function startWebWorker(listener: TrainingWorkerListener): TrainingWorkerHandle {
  const worker = new Worker(new URL('./training-worker-browser.js', import.meta.url), {
    type: 'module',
    name: 'embedkit-training-worker',
  });
  worker.addEventListener('message', (event) => listener.onReply(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    listener.onFailure(new Error(`a training worker failed: ${event.message ?? 'it could not be loaded'}`));
  });
  worker.addEventListener('messageerror', () =>
    listener.onFailure(new Error('a training worker could not read a message')),
  );
  return {
    post: (request, transfer = []) => worker.postMessage(request, transfer),
    terminate: async () => worker.terminate(),
  };
}

/**
 * The worker of a page without shared memory: the protocol handler runs in the calling thread, one
 * task at a time. A request that takes chunks of an in-memory corpus from the shared cursor is
 * split into one request per chunk, in the order one thread takes them (corpus order, pass after
 * pass), with a yield to the event loop between chunks, so progress timers and an abort run while
 * it trains.
 */
function startInThreadWorker(listener: TrainingWorkerListener): TrainingWorkerHandle {
  const queue: Array<{ request: WorkerRequest; last: boolean }> = [];
  const replies: WorkerReply[] = [];
  const handle = createTrainingRequestHandler((reply) => replies.push(reply));
  // A message to oneself is the fastest way to yield to the event loop (timers are clamped).
  const channel = new MessageChannel() as unknown as {
    port1: { onmessage: (() => void) | null; close(): void };
    port2: { postMessage(message: null): void };
  };
  let scheduled = false;
  let stopped = false;
  const schedule = (): void => {
    if (scheduled || stopped || queue.length === 0) return;
    scheduled = true;
    channel.port2.postMessage(null);
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    const next = queue.shift();
    if (next === undefined || stopped) return;
    handle(next.request);
    const reply = replies.pop();
    if (reply?.type === 'error') queue.length = 0;
    if (reply !== undefined && (next.last || reply.type === 'error')) listener.onReply(reply);
    schedule();
  };
  return {
    post: (request) => {
      queue.push(...inThreadSteps(request));
      schedule();
    },
    terminate: async () => {
      stopped = true;
      queue.length = 0;
      channel.port1.close();
    },
  };
}

/** One request as the steps of an in-thread worker: a chunked `train` request becomes one step per chunk. */
function inThreadSteps(request: WorkerRequest): Array<{ request: WorkerRequest; last: boolean }> {
  if (request.type !== 'train' || request.chunks === null) return [{ request, last: true }];
  const { starts } = request.chunks;
  const steps: Array<{ request: WorkerRequest; last: boolean }> = [];
  for (let pass = 0; pass < request.passes; pass++) {
    for (let chunk = 0; chunk + 1 < starts.length; chunk++) {
      const first = starts[chunk]!;
      const end = starts[chunk + 1]!;
      steps.push({ request: { ...request, first, end, passes: 1, chunks: null }, last: false });
    }
  }
  if (steps.length === 0) return [{ request: { ...request, passes: 0, chunks: null }, last: true }];
  steps[steps.length - 1] = { request: steps[steps.length - 1]!.request, last: true };
  return steps;
}
