import { errorMessage } from './error-message.js';
import type { WorkerReply } from './protocol.js';

/** Posts a reply to the page (`postMessage` of the worker's global scope). */
type Post = (reply: WorkerReply, transfer?: Transferable[]) => void;

/**
 * Runs a worker's handler for the request `id` and posts its result, or the error's one-line
 * message, back to the page: errors never escape the worker as uncaught exceptions.
 */
export async function answer(
  post: Post,
  id: number,
  handler: (progress: (label: string, fraction: number) => void) => unknown,
): Promise<void> {
  try {
    const value = await handler((label, fraction) => post({ id, kind: 'progress', label, fraction }));
    post({ id, kind: 'result', value }, transferables(value));
  } catch (error) {
    post({ id, kind: 'error', message: errorMessage(error) });
  }
}

/** The typed-array buffers inside a result, moved to the page instead of copied. */
function transferables(value: unknown): Transferable[] {
  const found: Transferable[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) found.push(v.buffer);
    else if (v !== null && typeof v === 'object' && depth < 3 && !Array.isArray(v)) {
      for (const inner of Object.values(v)) visit(inner, depth + 1);
    }
  };
  visit(value, 0);
  return found;
}
