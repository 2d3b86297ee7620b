/**
 * Test helpers for the data in `../shared/data` (corpora, evaluation sets, reference models
 * written by the real tools) and for the reference tools themselves (fastText, gensim).
 *
 * A user's clone has no `../shared`: tests that need it skip with a message. CI has it
 * (CI=true), and there a missing folder or tool is a failure, not a skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/data` beside the repository (override with EMBEDKIT_SHARED_DATA). */
export const SHARED_DATA = process.env.EMBEDKIT_SHARED_DATA ?? resolve(REPO_ROOT, '../shared/data');

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Whether the shared data folder is present. */
export const hasSharedData = existsSync(SHARED_DATA);

if (!hasSharedData && inCi) {
  throw new Error(`CI needs the shared data folder at ${SHARED_DATA}`);
}

/** The path of a file in the shared data folder, e.g. `sharedData('reference', 'w2v-lee-sg.bin')`. */
export function sharedData(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** `describe` when the shared data is present, `describe.skip` with a message otherwise. */
export const describeWithSharedData: typeof describe = hasSharedData
  ? describe
  : (((name: string, ...rest: unknown[]) => {
      console.warn(`skipping "${name}": ${SHARED_DATA} is absent (it holds the reference files)`);
      return (describe.skip as (...args: unknown[]) => unknown)(name, ...rest);
    }) as unknown as typeof describe);

function commandWorks(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch (error) {
    // fastText prints its usage and exits non-zero when run without a command: it exists.
    return (
      (error as { status?: number }).status !== undefined && (error as { code?: string }).code !== 'ENOENT'
    );
  }
}

/** Whether the real `fasttext` binary (Debian package `fasttext`) is installed. */
export const hasFastText = commandWorks('fasttext', []);

/** Whether gensim runs under `/usr/bin/python3` (Debian package `python3-gensim`). */
export const hasGensim = commandWorks('/usr/bin/python3', ['-c', 'import gensim']);

if (inCi && hasSharedData && (!hasFastText || !hasGensim)) {
  throw new Error(
    'CI needs fasttext and python3-gensim installed (apt-get install -y fasttext python3-gensim)',
  );
}

/** `describe` when `ready`, `describe.skip` with `why` printed otherwise. */
export function describeIf(ready: boolean, why: string): typeof describe {
  if (ready) return describe;
  return ((name: string, ...rest: unknown[]) => {
    console.warn(`skipping "${name}": ${why}`);
    return (describe.skip as (...args: unknown[]) => unknown)(name, ...rest);
  }) as unknown as typeof describe;
}

/** Runs a Python snippet under `/usr/bin/python3` (with gensim available) and returns its stdout. */
export function runPython(code: string, args: string[] = []): string {
  return execFileSync('/usr/bin/python3', ['-c', code, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}
