import { createRegistry } from '@embedkit/algorithms';
import { CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { describeError, EXIT, exitCodeOf } from './exit-codes.js';
import { pluginArguments } from './plugin-arguments.js';
import { createProgram } from './program.js';

/**
 * Runs `embedkit` with `argv` (the arguments after the program name) on `io` and resolves to the
 * exit code: 0 success, 1 bad input or failed run, 2 usage error, 130 interrupted. Errors are
 * printed as one line on stderr (with the stack trace when `--debug` is given).
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const registry = await createRegistry(pluginArguments(argv));
    await createProgram(io, { registry }, version).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    // Commander has printed its own message already (or the help, for exit code 0).
    if (!(error instanceof CommanderError)) io.stderr.write(`${describeError(error, debug)}\n`);
    return exitCodeOf(error);
  }
}
