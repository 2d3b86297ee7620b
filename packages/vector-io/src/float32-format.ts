/**
 * Formats float32 values the way gensim's `save_word2vec_format` writes them — `repr()` of a
 * numpy `float32`: the fewest significant digits that read back to the same float32 (of two
 * candidates, the nearer; exact ties go to the even digit, as numpy's Dragon4 does), positional
 * between 1e-4 and 1e16 (`0.051338226`, `100.0`), scientific outside it (`1e-05`, `3.4028235e+38`).
 */

/** Shortest decimal digits (an integer without trailing zeros, as text) and the power of ten of the first. */
interface ShortestDigits {
  digits: string;
  exponent: number;
}

/** 10^0 … 10^22, exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Whether `digits · 10^exponent` (digits: an integer below 2^53) reads back as the float32 `magnitude`. */
function readsBack(digits: number, exponent: number, magnitude: number): boolean {
  // Both operands are exact doubles, so one multiplication or division gives the correctly
  // rounded value that parsing the decimal would give.
  let value: number;
  if (exponent >= 0 && exponent <= 22) value = digits * POWERS_OF_TEN[exponent]!;
  else if (exponent < 0 && exponent >= -22) value = digits / POWERS_OF_TEN[-exponent]!;
  else value = Number(`${digits}e${exponent}`);
  return Math.fround(value) === magnitude;
}

/** `digits · 10^(exponent - count + 1)` as shortest digits, or undefined when it does not read back. */
function candidate(
  digits: number,
  count: number,
  exponent: number,
  magnitude: number,
): ShortestDigits | undefined {
  const scale = exponent - count + 1;
  if (!readsBack(digits, scale, magnitude)) return undefined;
  const text = String(digits); // rounding up may have carried into an extra digit (9.99 -> 10.0)
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30) end--;
  return { digits: text.slice(0, end), exponent: scale + text.length - 1 };
}

/**
 * The two `count`-digit decimals around the value, the nearer one first. A float32's rounding
 * interval is lopsided at powers of two, so the farther one can read back when the nearer does not.
 */
function nearerThenFarther(
  near: number,
  far: number,
  count: number,
  exponent: number,
  magnitude: number,
): ShortestDigits | undefined {
  return candidate(near, count, exponent, magnitude) ?? candidate(far, count, exponent, magnitude);
}

/** The `count`-digit candidates from the engine's exact conversion (ties resolved to even). */
function exactCandidates(magnitude: number, count: number): ShortestDigits | undefined {
  // toExponential rounds the exact value, but ties away from zero.
  const rounded = magnitude.toExponential(count - 1);
  const e = rounded.indexOf('e');
  const exponent = Number(rounded.slice(e + 1));
  const nearest = Number(rounded.slice(0, e).replace('.', ''));
  const longer = magnitude.toExponential(count);
  const l = longer.indexOf('e');
  if (longer.charCodeAt(l - 1) === 0x35 /* '5' */ && Number(longer) === magnitude) {
    // An exact tie between `nearest` (the upper one) and the one below: numpy takes the even one.
    const [near, far] = nearest % 2 === 0 ? [nearest, nearest - 1] : [nearest - 1, nearest];
    return nearerThenFarther(near, far, count, exponent, magnitude);
  }
  const far = Number(rounded) > magnitude ? nearest - 1 : nearest + 1;
  return nearerThenFarther(nearest, far, count, exponent, magnitude);
}

/**
 * The value rounded to nine significant digits (always enough to read back as the same float32),
 * as an integer and the power of ten of its first digit, by arithmetic. `undefined` where that
 * cannot be trusted: extreme magnitudes, or a value within 1e-6 units of halfway.
 */
function nineDigits(magnitude: number): { digits: number; exponent: number } | undefined {
  let exponent = Math.floor(Math.log10(magnitude));
  for (let attempt = 0; attempt < 3; attempt++) {
    const shift = 8 - exponent;
    if (shift < -22 || shift > 22) return undefined;
    // One rounding of exact operands: less than 1e-7 from the exact product.
    const scaled = shift >= 0 ? magnitude * POWERS_OF_TEN[shift]! : magnitude / POWERS_OF_TEN[-shift]!;
    if (scaled >= 1e9) exponent++;
    else if (scaled < 1e8) exponent--;
    else {
      const whole = Math.floor(scaled);
      const fraction = scaled - whole;
      if (Math.abs(fraction - 0.5) < 1e-6) return undefined;
      const digits = fraction > 0.5 ? whole + 1 : whole;
      return digits === 1e9 ? { digits: 1e8, exponent: exponent + 1 } : { digits, exponent };
    }
  }
  return undefined;
}

/** The `count`-digit candidates from the nine-digit rounding, or from exact conversions at a 5000… tie. */
function arithmeticCandidates(
  magnitude: number,
  nine: { digits: number; exponent: number },
  count: number,
): ShortestDigits | undefined {
  if (count === 9) return candidate(nine.digits, 9, nine.exponent, magnitude);
  const unit = POWERS_OF_TEN[9 - count]!;
  const below = Math.floor(nine.digits / unit);
  const rest = nine.digits - below * unit;
  if (rest === unit / 2) return exactCandidates(magnitude, count);
  const up = rest > unit / 2;
  return nearerThenFarther(up ? below + 1 : below, up ? below : below + 1, count, nine.exponent, magnitude);
}

/**
 * The shortest digits by arithmetic: the nine-digit rounding is rounded to fewer digits. That is
 * the rounding of the exact value unless the dropped digits are exactly 5000… (a tie cannot be
 * told from a near-tie): that digit count is then tried with exact conversions. `undefined` for
 * extreme magnitudes.
 */
function shortestByArithmetic(magnitude: number): ShortestDigits | undefined {
  const nine = nineDigits(magnitude);
  return nine === undefined
    ? undefined
    : fewestDigits((count) => arithmeticCandidates(magnitude, nine, count));
}

/**
 * The candidate with the fewest digits, 1 to 9 (nine always read back). Whether some count-digit
 * decimal reads back is monotone in count (a count-digit decimal is also a (count+1)-digit one),
 * so a binary search needs at most four tries.
 */
function fewestDigits(withCount: (count: number) => ShortestDigits | undefined): ShortestDigits {
  let low = 1;
  let high = 9;
  let found: ShortestDigits | undefined;
  while (low < high) {
    const middle = (low + high) >> 1;
    const digits = withCount(middle);
    if (digits === undefined) low = middle + 1;
    else {
      high = middle;
      found = digits;
    }
  }
  return found ?? withCount(9)!;
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
  const digits =
    shortestByArithmetic(magnitude) ?? fewestDigits((count) => exactCandidates(magnitude, count));
  const text = magnitude >= 1e-4 && magnitude < 1e16 ? positional(digits) : scientific(digits);
  return value < 0 ? `-${text}` : text;
}
