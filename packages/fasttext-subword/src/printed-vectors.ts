/** Significant digits fastText prints (`std::setprecision(5)` in its `operator<<` of a vector). */
const PRINTED_DIGITS = 5;

/** Whether the double `value` (> 0) equals `mantissa · 10^exponent` exactly. */
function equalsDecimal(value: number, mantissa: bigint, exponent: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let significand = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased > 0) significand |= 1n << 52n;
  const power2 = (biased === 0 ? 1 : biased) - 1075;
  // value = significand · 2^power2; compare with mantissa · 10^exponent as integers.
  let left = significand;
  let right = mantissa;
  if (power2 >= 0) left <<= BigInt(power2);
  else right <<= BigInt(-power2);
  if (exponent >= 0) right *= 10n ** BigInt(exponent);
  else left *= 10n ** BigInt(-exponent);
  return left === right;
}

/**
 * The first `digits` significant digits of `value` (> 0, finite) and the decimal exponent of the
 * first one, rounded as C's printf does: to nearest, an exact tie to the even digit (JavaScript's
 * `toExponential` rounds a tie away from zero, e.g. 0.00390625 to 3.9063e-3 where C prints 3.9062e-3).
 */
function roundedDigits(value: number, digits: number): { digits: string; exponent: number } {
  const [finerMantissa, finerExponent] = value.toExponential(digits).split('e') as [string, string];
  const finer = finerMantissa.replace('.', '');
  const exponent = Number(finerExponent);
  if (finer.endsWith('5') && equalsDecimal(value, BigInt(finer), exponent - digits)) {
    const kept = BigInt(finer.slice(0, digits));
    const even = (kept % 2n === 0n ? kept : kept + 1n).toString();
    return even.length > digits
      ? { digits: even.slice(0, digits), exponent: exponent + 1 }
      : { digits: even, exponent };
  }
  const [mantissa, rounded] = value.toExponential(digits - 1).split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(rounded) };
}

/**
 * A number as C's `printf("%.Ng")` (and C++'s `ostream` with `setprecision(N)`) writes it: `N`
 * significant digits, fixed notation when the exponent is from −4 to `N − 1`, otherwise
 * `d.ddde±XX`; trailing zeros dropped; `inf`, `-inf`, `nan`, `-0`.
 *
 * @param value - the number
 * @param significant - significant digits, 1 to 17 (default 5, what fastText prints)
 *
 * @example
 * ```ts
 * formatGeneral(0.0089745); // "0.0089745"
 * formatGeneral(123456); // "1.2346e+05"
 * formatGeneral(0.00390625); // "0.0039062" (a tie, to even)
 * ```
 */
export function formatGeneral(value: number, significant = PRINTED_DIGITS): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0`;
  const { digits, exponent } = roundedDigits(Math.abs(value), significant);
  const significantDigits = digits.replace(/0+$/, '');
  if (exponent >= -4 && exponent < significant) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${significantDigits}`;
    const fraction = significantDigits.slice(exponent + 1);
    return `${sign}${digits.slice(0, exponent + 1)}${fraction === '' ? '' : `.${fraction}`}`;
  }
  const fraction = significantDigits.slice(1);
  const magnitude = String(Math.abs(exponent)).padStart(2, '0');
  return `${sign}${digits[0]}${fraction === '' ? '' : `.${fraction}`}e${exponent < 0 ? '-' : '+'}${magnitude}`;
}

/**
 * One line of `fasttext print-word-vectors`: the word, then every component as {@link formatGeneral}
 * writes it, each followed by a space, then `\n` — byte for byte what fastText 0.9.2 prints.
 */
export function printedWordVector(word: string, vector: ArrayLike<number>): string {
  let line = `${word} `;
  for (let j = 0; j < vector.length; j++) line += `${formatGeneral(vector[j]!)} `;
  return `${line}\n`;
}
