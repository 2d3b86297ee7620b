/**
 * Formats float32 values the way gensim's `save_word2vec_format` writes them — `repr()` of a
 * numpy `float32`: the fewest significant digits that read back to the same float32 (ties go to
 * the even digit, as numpy's Dragon4 does), positional between 1e-4 and 1e16 (`0.051338226`,
 * `100.0`), scientific outside it (`1e-05`, `3.4028235e+38`).
 */

/** The shortest decimal digits of a float32 and the power of ten of the first digit. */
interface ShortestDigits {
  digits: string;
  exponent: number;
}

function splitExponential(text: string): ShortestDigits {
  const e = text.indexOf('e');
  return { digits: text.slice(0, e).replace('.', ''), exponent: Number(text.slice(e + 1)) };
}

function readsBack(text: string, value: number): boolean {
  return Math.fround(Number(text)) === value;
}

/**
 * Where two candidates of the same length are equally close, JavaScript rounds half away from
 * zero but numpy rounds half to even; this returns numpy's choice.
 */
function roundHalfEven(magnitude: number, precision: number, rounded: string): string {
  const longer = magnitude.toExponential(precision);
  const e = longer.indexOf('e');
  if (longer.charCodeAt(e - 1) !== 0x35 /* '5' */ || Number(longer) !== magnitude) return rounded;
  // An exact tie: the truncated candidate is the other one; keep whichever ends in an even digit.
  const truncated = longer.slice(0, e - 1).replace(/\.$/, '') + longer.slice(e);
  const last = truncated.charCodeAt(truncated.indexOf('e') - 1) - 0x30;
  return last % 2 === 0 && readsBack(truncated, magnitude) ? truncated : rounded;
}

function shortestDigits(magnitude: number): ShortestDigits {
  // The answer has 1..9 significant digits and reading back is monotone in the digit count,
  // so a binary search needs at most four conversions.
  let low = 1;
  let high = 9;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (readsBack(magnitude.toExponential(middle - 1), magnitude)) high = middle;
    else low = middle + 1;
  }
  return splitExponential(roundHalfEven(magnitude, low, magnitude.toExponential(low - 1)));
}

function positional({ digits, exponent }: ShortestDigits): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

function scientific({ digits, exponent }: ShortestDigits): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/**
 * The text of one float32 value as numpy's `repr(np.float32(value))` gives it; reading it back
 * (as a double rounded to float32) gives `value` exactly. `value` must be a finite float32.
 */
export function formatFloat32(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  const digits = shortestDigits(magnitude);
  const text = magnitude >= 1e-4 && magnitude < 1e16 ? positional(digits) : scientific(digits);
  return value < 0 ? `-${text}` : text;
}
