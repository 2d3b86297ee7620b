import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Lines of `word v1 ... vD` (fastText's `print-word-vectors` / `.vec` body) as a map. */
export function parsePrintedVectors(text: string, skipHeader = false): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (const line of skipHeader ? lines.slice(1) : lines) {
    const [word, ...values] = line.trim().split(' ');
    out.set(word!, values.map(Number));
  }
  return out;
}

/** Reads a file of printed vectors (see {@link parsePrintedVectors}). */
export function readPrintedVectors(path: string, skipHeader = false): Map<string, number[]> {
  return parsePrintedVectors(readFileSync(path, 'utf8'), skipHeader);
}

/**
 * Our float rounded as fastText prints it (`std::setprecision(5)`: 5 significant digits), so an
 * exact comparison with the printed number checks agreement to the printed precision.
 */
export function asPrinted(values: ArrayLike<number>): number[] {
  return Array.from(values, (value) => Number(value.toPrecision(5)));
}

/** Runs the real `fasttext` binary with `input` on stdin and returns its stdout. */
export function runFastText(args: string[], input: string): string {
  return execFileSync('fasttext', args, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
}
