import { constants } from 'node:os';
import { CancelledError, isEmbeddingError } from '@embedkit/core-math';

/** The signals that cancel a command that writes: Ctrl-C, `kill`, and a closed terminal. */
const CANCELLING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The exit code of a process stopped by `signal`: 128 + its number (130 SIGINT, 143 SIGTERM, 129 SIGHUP). */
function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/** A command cancelled by a signal; `exitCode` is the shell's 128 + the signal's number. */
export class InterruptedError extends CancelledError {
  /** The signal that stopped the command. */
  readonly signal: NodeJS.Signals;
  /** 128 + the signal's number. */
  readonly exitCode: number;

  constructor(cancelled: CancelledError, signal: NodeJS.Signals) {
    super();
    this.message = `${cancelled.message} (${signal})`;
    this.signal = signal;
    this.exitCode = exitCodeFor(signal);
  }
}

/**
 * Runs `work` with a signal that the first SIGINT, SIGTERM or SIGHUP aborts, so that the work
 * stops and cleans up (temporary files and folders removed, an existing output left as it was);
 * its `CancelledError` then becomes an {@link InterruptedError} that exits with 130, 143 or 129. A
 * second signal exits at once with its code.
 *
 * @throws InterruptedError when a signal cancelled the work; whatever `work` throws otherwise
 */
export async function cancellableBySignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (received !== undefined) process.exit(exitCodeFor(signal));
    received = signal;
    controller.abort();
  };
  for (const signal of CANCELLING_SIGNALS) process.on(signal, handler);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (received !== undefined && isEmbeddingError(error, 'CANCELLED')) {
      throw new InterruptedError(error, received);
    }
    throw error;
  } finally {
    for (const signal of CANCELLING_SIGNALS) process.off(signal, handler);
  }
}
