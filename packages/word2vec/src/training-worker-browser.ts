/**
 * The training worker as a Web Worker (module worker), started by `worker-transport-browser.ts`
 * in a cross-origin isolated page: the protocol handler of `training-worker-handler.ts` on the
 * worker's global scope. Built as `dist/training-worker-browser.js`; a bundler that builds the page
 * must emit it beside the module that starts it (Vite does so for `new Worker(new URL(…))`).
 */
import { createTrainingRequestHandler } from './training-worker-handler.js';
import type { WorkerRequest } from './worker-protocol.js';

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerRequest }) => void): void;
};
const handle = createTrainingRequestHandler((reply) => scope.postMessage(reply));
scope.addEventListener('message', (event) => handle(event.data));
