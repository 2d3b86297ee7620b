/**
 * Test helpers for the files the repository carries (`fixtures/`: reference models written by
 * the real tools, the test corpus; `packages/datasets/data`: the evaluation sets) and for the
 * reference tools themselves (fastText, gensim), which tests skip without, with a message.
 *
 * In CI (CI=true) a missing reference tool is a failure, not a skip.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The path of a file in the repository's `fixtures/` folder, e.g. `fixture('reference', 'w2v-lee-sg.bin')`. */
export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, 'fixtures', ...parts);
}

/** The folder of the plain-text evaluation sets `@embedkit/datasets` ships (questions-words.txt, wordsim353.tsv, …). */
export const EVAL_DIR = join(REPO_ROOT, 'packages', 'datasets', 'data', 'eval');

const inCi = process.env.CI === 'true' || process.env.CI === '1';

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

/**
 * Whether the Python reference stack runs under `/usr/bin/python3`: gensim with pyemd (its
 * `wmdistance`) and networkx (the node2vec reference walks), Debian packages `python3-gensim`,
 * `python3-pyemd`, `python3-networkx`.
 */
export const hasGensim = commandWorks('/usr/bin/python3', ['-c', 'import gensim, pyemd, networkx']);

/** Whether headless Chromium runs (Debian package `chromium`), for the tests in a real browser. */
export const hasChromium = commandWorks('chromium', ['--version']);

if (inCi && (!hasFastText || !hasGensim)) {
  throw new Error(
    'CI needs the reference tools (apt-get install -y fasttext python3-gensim python3-pyemd python3-networkx)',
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

/** The path of one of the plain-text evaluation sets, e.g. `evalSet('wordsim353.tsv')`. */
export function evalSet(name: string): string {
  return join(EVAL_DIR, name);
}

/**
 * Runs a script that records reference values (a path from the repository root, e.g.
 * `fixtures/scripts/gensim_phrases_lee.py`) from the repository root under `/usr/bin/python3`,
 * and parses the JSON it prints.
 */
export function runRecorder(script: string): unknown {
  return JSON.parse(
    runPython(
      `import os, runpy; os.chdir(${JSON.stringify(REPO_ROOT)}); runpy.run_path(${JSON.stringify(script)})`,
    ),
  );
}
