/**
 * Byte-level parsing of decimal numbers (`-0.270310`, `1e-05`, `+.5`, `3.4028235e+38`) straight
 * out of a `Uint8Array`, so text vector files are read without building a string per value.
 *
 * The result is the double nearest to the decimal (as Python's `float()` gives it); callers store
 * it in a `Float32Array`, which rounds it to float32 exactly as gensim's `np.float32(str)` does.
 */

const DIGIT_0 = 0x30;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Significant digits that always fit exactly in a double's 53-bit mantissa. */
const MAX_EXACT_DIGITS = 15;

/** Decodes a validated numeric token (ASCII, so UTF-8 decoding is exact). */
const ascii = new TextDecoder();

/**
 * Scans one number token. After {@link DecimalScanner.scan}, {@link DecimalScanner.end} is the
 * index just after the characters the number used; a token is valid when that index is the end
 * of the token (a separator or the end of the line follows).
 */
export class DecimalScanner {
  /** Index just after the last byte the most recent scan used (the start index when nothing matched). */
  end = 0;

  /**
   * Reads the longest decimal number starting at `start` (before `limit`). Returns the number, or
   * `NaN` when no digit was found (then {@link DecimalScanner.end} is `start`).
   */
  scan(bytes: Uint8Array, start: number, limit: number): number {
    let i = start;
    let negative = false;
    let c = i < limit ? bytes[i]! : 0;
    if (c === MINUS || c === PLUS) {
      negative = c === MINUS;
      c = ++i < limit ? bytes[i]! : 0;
    }
    let mantissa = 0;
    let significant = 0;
    let digits = 0;
    let exponent = 0;
    while (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
      if (significant > 0 || c !== DIGIT_0) {
        if (significant < MAX_EXACT_DIGITS) mantissa = mantissa * 10 + (c - DIGIT_0);
        significant++;
      }
      digits++;
      c = ++i < limit ? bytes[i]! : 0;
    }
    if (c === DOT) {
      c = ++i < limit ? bytes[i]! : 0;
      while (c >= DIGIT_0 && c <= DIGIT_0 + 9) {
        if (significant > 0 || c !== DIGIT_0) {
          if (significant < MAX_EXACT_DIGITS) mantissa = mantissa * 10 + (c - DIGIT_0);
          significant++;
        }
        exponent--;
        digits++;
        c = ++i < limit ? bytes[i]! : 0;
      }
    }
    if (digits === 0) {
      this.end = start;
      return Number.NaN;
    }
    if (c === LOWER_E || c === UPPER_E) {
      const exponentStart = i;
      let j = i + 1;
      let e = j < limit ? bytes[j]! : 0;
      let exponentNegative = false;
      if (e === MINUS || e === PLUS) {
        exponentNegative = e === MINUS;
        e = ++j < limit ? bytes[j]! : 0;
      }
      let written = 0;
      let exponentDigits = 0;
      while (e >= DIGIT_0 && e <= DIGIT_0 + 9) {
        // Clamp: anything beyond ±100000 is 0 or infinite for a double anyway.
        if (written < 100_000) written = written * 10 + (e - DIGIT_0);
        exponentDigits++;
        e = ++j < limit ? bytes[j]! : 0;
      }
      // "1e" or "1e+" is the number 1 followed by junk, as in C's strtod.
      i = exponentDigits === 0 ? exponentStart : j;
      if (exponentDigits > 0) exponent += exponentNegative ? -written : written;
    }
    this.end = i;
    let value: number;
    if (mantissa === 0) value = 0;
    else if (significant <= MAX_EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
      // Clinger's fast path: both operands are exact doubles, so one rounding gives the nearest double.
      value =
        exponent < 0 ? mantissa / EXACT_POWERS_OF_TEN[-exponent]! : mantissa * EXACT_POWERS_OF_TEN[exponent]!;
    } else {
      // Long or extreme numbers: the token is plain ASCII (just validated), let the engine round it
      // (decoded, not spread into fromCharCode's arguments, which overflows the stack when long).
      return Number(ascii.decode(bytes.subarray(start, i)));
    }
    return negative ? -value : value;
  }
}
