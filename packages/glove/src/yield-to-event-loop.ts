import { throwIfAborted } from '@embedkit/core-math';

/**
 * Lets timers and I/O callbacks run (an abort requested from a timer, progress output), then
 * throws `CancelledError` if `signal` was aborted meanwhile.
 */
export async function yieldToEventLoop(signal: AbortSignal | undefined, what: string): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfAborted(signal, what);
}
