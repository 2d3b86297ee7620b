/// <reference lib="webworker" />
/** The UMAP worker: lays out the top words with UMAP, reporting the epochs done. */
import type { UmapRequest, WorkerReply } from './protocol.js';
import { umapLayout } from './umap-layout.js';
import { answer } from './worker-replies.js';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<{ id: number; request: UmapRequest }>) => {
  const { id, request } = event.data;
  void answer(post, id, (progress) =>
    umapLayout(request.rows, request.neighbors, request.seed, (f) => progress('UMAP', f)),
  );
};
