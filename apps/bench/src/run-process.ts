import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How a child process ended. */
export interface ProcessOutcome {
  /** Exit status (null when killed by a signal). */
  readonly status: number | null;
  /** Wall-clock seconds from spawn to exit. */
  readonly wallSeconds: number;
  /** Its stdout lines. */
  readonly stdout: readonly string[];
  /** The last lines it printed on stderr (for error reports). */
  readonly stderrTail: readonly string[];
}

/**
 * Runs a command, calling `onLine` for each line (or carriage-return-separated update) it writes to
 * stdout or stderr, and measures its wall-clock time. Aborting `signal` terminates it.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
  signal?: AbortSignal,
): Promise<ProcessOutcome> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    const stdout: string[] = [];
    const stderrTail: string[] = [];
    const out = createInterface({ input: child.stdout });
    out.on('line', (line) => {
      stdout.push(line);
      onLine(line, 'stdout');
    });
    let pending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const parts = (pending + chunk).split(/[\r\n]/);
      pending = parts.pop() ?? '';
      for (const part of parts) {
        if (part.trim() === '') continue;
        stderrTail.push(part);
        if (stderrTail.length > 20) stderrTail.shift();
        onLine(part, 'stderr');
      }
    });
    child.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ABORT_ERR') return;
      reject(error);
    });
    child.on('close', (status) => {
      if (pending.trim() !== '') stderrTail.push(pending);
      resolvePromise({ status, wallSeconds: (performance.now() - started) / 1000, stdout, stderrTail });
    });
  });
}
