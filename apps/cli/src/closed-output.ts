import { EXIT } from './exit-codes.js';

/** What {@link handleOutputErrors} needs of the process. */
export interface OutputStreams {
  readonly stdout: NodeJS.EventEmitter;
  readonly stderr: NodeJS.EventEmitter & { write(text: string): unknown };
  exit(code: number): void;
}

/**
 * Makes a failed write to standard output end the command the way Unix tools do, instead of
 * Node's unhandled-error stack trace: when the reader has gone (`EPIPE`, as in
 * `embedkit embed-text … | head -1`) the process exits quietly with 0 (the reader has all it
 * wanted, as ripgrep does); any other failure (`ENOSPC` on a full disk) is one line on stderr
 * and exit 1. A failed write to stderr has nowhere to be reported and is ignored.
 */
export function handleOutputErrors(streams: OutputStreams): void {
  streams.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      streams.exit(EXIT.ok);
      return;
    }
    const reason = error.code === 'ENOSPC' ? 'no space left on device' : error.message;
    streams.stderr.write(`embedkit: cannot write to standard output: ${reason} (${error.code ?? 'error'})\n`);
    streams.exit(EXIT.failure);
  });
  streams.stderr.on('error', () => {});
}
