import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * One training worker as the pool sees it, whatever runs it: a `node:worker_threads` thread
 * (`worker-transport-node.ts`), a Web Worker or, where a page is not cross-origin isolated, the
 * calling thread itself (`worker-transport-browser.ts`). The package-internal import
 * `#worker-transport` picks the module by export condition; both speak the protocol of
 * `worker-protocol.ts`.
 */
export interface TrainingWorkerHandle {
  /** Sends a request; `transfer` lists buffers to move rather than copy. */
  post(request: WorkerRequest, transfer?: ArrayBuffer[]): void;
  /** Terminates the worker; resolves once it has stopped. */
  terminate(): Promise<void>;
}

/** What a transport tells the pool about one worker. */
export interface TrainingWorkerListener {
  /** A reply of the protocol. */
  readonly onReply: (reply: WorkerReply) => void;
  /** The worker crashed or stopped on its own. */
  readonly onFailure: (error: Error) => void;
}

/**
 * How many training workers this runtime runs in parallel, and whether they share memory
 * (`SharedArrayBuffer`): in Node always; in a browser only when the page is cross-origin isolated
 * (COOP/COEP headers). Without shared memory there is one worker and it is the calling thread.
 */
export interface TrainingParallelism {
  /** Workers that run in parallel here (the machine's cores, 1 without shared memory). */
  readonly threads: number;
  /** Whether the workers share the weights through `SharedArrayBuffer`. */
  readonly shared: boolean;
}
