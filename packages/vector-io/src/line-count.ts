import { NEWLINE } from './text-line.js';

/**
 * Adds the line breaks in `bytes` to `counted`, stopping once `limit` is reached; returns the new
 * count. Used to bound the number of lines of a headerless file before its matrix is allocated.
 */
export function countLineBreaks(bytes: Uint8Array, counted: number, limit: number): number {
  let count = counted;
  for (let i = bytes.indexOf(NEWLINE); i !== -1 && count < limit; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** The number of lines of a whole file in memory (a last line without `\n` counts), capped at `limit`. */
export function countLines(bytes: Uint8Array, limit: number): number {
  const unterminated = bytes.length > 0 && bytes[bytes.length - 1] !== NEWLINE ? 1 : 0;
  return Math.min(limit, countLineBreaks(bytes, 0, limit) + unterminated);
}
