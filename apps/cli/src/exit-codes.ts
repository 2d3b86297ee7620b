import { UsageError } from './usage-error.js';
import { isEmbeddingError } from '@embedkit/core-math';
import { CommanderError } from 'commander';
import { InterruptedError } from './signals.js';

/** The exit codes of `embedkit`. */
export const EXIT = {
  /** The command did what was asked. */
  ok: 0,
  /** Bad input (a malformed file, a word not in the model, an option out of range) or a failed run. */
  failure: 1,
  /** The command was called wrongly: unknown command or option, missing argument. */
  usage: 2,
  /**
   * Stopped with Ctrl-C (128 + SIGINT, the shell's convention); SIGTERM gives 143 and SIGHUP 129
   * (see {@link InterruptedError}).
   */
  interrupted: 130,
} as const;

/** Node's errors from the file system and the like carry a `code` such as `ENOENT`. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Errors reported as a plain message: usage, embedkit's own errors, and system errors such as ENOENT. */
function isExpected(error: unknown): boolean {
  return (
    error instanceof CommanderError ||
    error instanceof UsageError ||
    isEmbeddingError(error) ||
    isSystemError(error)
  );
}

/** The exit code for an error that ended a command. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof InterruptedError) return error.exitCode;
  if (isEmbeddingError(error, 'CANCELLED')) return EXIT.interrupted;
  return EXIT.failure;
}

/**
 * The text to print for an error: one line `embedkit: message`, or with `debug` the message
 * followed by the stack trace (and the causes' stacks).
 */
export function describeError(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s*\n\s*/g, ' ');
  const line = isExpected(error)
    ? `embedkit: ${oneLine}`
    : `embedkit: internal error (${error instanceof Error ? error.name : 'thrown'}: ${oneLine})${debug ? '' : '; run again with --debug for the stack trace'}`;
  if (!debug || !(error instanceof Error)) return line;
  const traces: string[] = [line];
  let current: unknown = error;
  while (current instanceof Error) {
    traces.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
  }
  return traces.join('\ncaused by: ');
}
