/**
 * Runs the BUILT `embedkit` (apps/cli/dist/main.js) as a subprocess, as a user would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built entry point. */
export const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Fails with what to do when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) {
    throw new Error(
      `${CLI} is missing: build the CLI and its dependencies first with \`pnpm --filter @embedkit/cli... build\``,
    );
  }
}

/** What a finished run printed and returned. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `embedkit args…` in `cwd`; `stdin` is written and closed (empty input when undefined). */
export function startCli(
  args: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(options.stdin ?? '');
  return child;
}

/** Collects a started run's output and exit status. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `embedkit args…` to completion. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): Promise<CliResult> {
  return finished(startCli(args, options));
}
