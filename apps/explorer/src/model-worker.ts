/// <reference lib="webworker" />
/**
 * The model worker: opens vector files and answers every question about them, so parsing
 * 400,000 vectors or scanning them for neighbours never blocks the page.
 */
import { ModelSession } from './model-session.js';
import type { ModelRequest, WorkerReply } from './protocol.js';
import { answer } from './worker-replies.js';

declare const self: DedicatedWorkerGlobalScope;

const session = new ModelSession();
const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

/** Fetches a model the server offers (the CLI's `embedkit explore FILE`) as a `File`. */
async function fetchFile(url: string, name: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return new File([await response.blob()], name);
}

self.onmessage = (event: MessageEvent<{ id: number; request: ModelRequest }>) => {
  const { id, request } = event.data;
  void answer(post, id, async (progress) => {
    switch (request.type) {
      case 'load':
        return session.load(request.slot, request.file, (f) => progress(`reading ${request.file.name}`, f));
      case 'load-url': {
        progress(`downloading ${request.name}`, 0);
        const file = await fetchFile(request.url, request.name);
        return session.load(request.slot, file, (f) => progress(`reading ${request.name}`, f));
      }
      case 'layout':
        return session.layouts(request.top);
      case 'rows':
        return session.topRows(request.top);
      case 'neighbors':
        return session.neighbors(request.word, request.k);
      case 'analogy':
        return session.analogy(request.a, request.b, request.c, request.solver, request.k);
      case 'sentences':
        return session.sentences(
          request.query,
          request.sentences,
          request.method,
          request.lowercase,
          request.k,
        );
    }
  });
};
