import type { WorkerReply } from './protocol.js';

/** Hears a worker's progress on one request: what it is doing and the share done (0 to 1). */
export type ProgressListener = (label: string, fraction: number) => void;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ProgressListener;
}

/** An error the worker reported: its message is the one line the page shows. */
export class WorkerError extends Error {
  override readonly name = 'WorkerError';
}

/**
 * The page's side of a worker: `request` posts a message and resolves with the worker's result
 * (or rejects with a {@link WorkerError} carrying its message), forwarding progress meanwhile.
 */
export class WorkerClient<Request> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      for (const [id, pending] of this.#pending) {
        this.#pending.delete(id);
        pending.reject(new WorkerError(`the worker stopped: ${event.message}`));
      }
    };
  }

  /** Sends `request` (with `transfer`red buffers) and waits for its answer. */
  request<T>(
    request: Request,
    onProgress: ProgressListener = () => {},
    transfer: Transferable[] = [],
  ): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      this.#worker.postMessage({ id, request }, transfer);
    });
  }

  #receive(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    if (reply.kind === 'progress') {
      pending.onProgress(reply.label, reply.fraction);
      return;
    }
    this.#pending.delete(reply.id);
    if (reply.kind === 'result') pending.resolve(reply.value);
    else pending.reject(new WorkerError(reply.message));
  }
}
