/**
 * Pieces of a text vector line (`word v1 … vD`), read as gensim reads them: trailing ASCII
 * whitespace (the C tool writes a space after every value, Windows files end lines in `\r\n`) is
 * dropped, the word runs to the first space, and the values follow, separated by spaces (or tabs).
 */
import type { DecimalScanner } from './decimal-scanner.js';

export const SPACE = 0x20;
export const TAB = 0x09;
export const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const VERTICAL_TAB = 0x0b;
const FORM_FEED = 0x0c;

/** The UTF-8 byte-order mark, skipped at the start of any file. */
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * How many bytes of a byte-order mark start `bytes` at `start`: 3 for a full mark, 0 for none, and
 * -1 when the bytes seen so far are a proper prefix of one and more input is to come.
 */
export function byteOrderMarkLength(bytes: Uint8Array, start: number, atEnd: boolean): number {
  for (let i = 0; i < BOM.length; i++) {
    if (start + i >= bytes.length) return atEnd ? 0 : -1;
    if (bytes[start + i] !== BOM[i]) return 0;
  }
  return BOM.length;
}

/** Whether `byte` is ASCII whitespace as Python's `bytes.rstrip()` sees it. */
function isTrailingSpace(byte: number): boolean {
  return (
    byte === SPACE ||
    byte === TAB ||
    byte === CARRIAGE_RETURN ||
    byte === NEWLINE ||
    byte === VERTICAL_TAB ||
    byte === FORM_FEED
  );
}

/** The end of `bytes[start, end)` without its trailing ASCII whitespace. */
export function trimLineEnd(bytes: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && isTrailingSpace(bytes[e - 1]!)) e--;
  return e;
}

/** Index of the first space in `bytes[start, end)`, or -1. */
export function wordEnd(bytes: Uint8Array, start: number, end: number): number {
  const space = bytes.indexOf(SPACE, start);
  return space === -1 || space >= end ? -1 : space;
}

/** Index of the first byte at or after `start` that is not a value separator (space or tab). */
export function skipSeparators(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  return i;
}

/** Index just after the token (run of non-separator bytes) that starts at `start`. */
export function tokenEnd(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && bytes[i] !== SPACE && bytes[i] !== TAB) i++;
  return i;
}

/**
 * Counts the values of a line whose values start at `start` (just after the word); returns -1
 * when a value is not a finite number. Used to learn a GloVe file's dimension and to sniff formats.
 */
export function countValues(bytes: Uint8Array, start: number, end: number, scanner: DecimalScanner): number {
  let count = 0;
  let i = skipSeparators(bytes, start, end);
  while (i < end) {
    const value = scanner.scan(bytes, i, end);
    if (scanner.end !== tokenEnd(bytes, i, end) || !Number.isFinite(Math.fround(value))) return -1;
    count++;
    i = skipSeparators(bytes, scanner.end, end);
  }
  return count;
}

/** Counts the tokens (runs of bytes other than spaces and tabs) in `bytes[start, end)`. */
export function countTokens(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  let i = skipSeparators(bytes, start, end);
  while (i < end) {
    count++;
    i = skipSeparators(bytes, tokenEnd(bytes, i, end), end);
  }
  return count;
}

/** Where one text line lies in a buffer. */
export interface LineBounds {
  /** Index of the line's first byte. */
  start: number;
  /** Index just after the line's last byte, trailing whitespace excluded. */
  end: number;
  /** Index where the next line starts (`bytes.length` for the last line). */
  next: number;
}

/**
 * The next line starting at `start` whose content is not blank, or `undefined` when no complete
 * line is left (a last line without `\n` counts as complete when `atEnd`).
 */
export function nextNonBlankLine(bytes: Uint8Array, start: number, atEnd: boolean): LineBounds | undefined {
  let pos = start;
  while (pos < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, pos);
    if (newline === -1 && !atEnd) return undefined;
    const next = newline === -1 ? bytes.length : newline + 1;
    const end = trimLineEnd(bytes, pos, newline === -1 ? bytes.length : newline);
    if (end > pos) return { start: pos, end, next };
    pos = next;
  }
  return undefined;
}
