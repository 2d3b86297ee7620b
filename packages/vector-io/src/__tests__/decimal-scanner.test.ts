import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalScanner } from '../decimal-scanner.js';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function scan(text: string): { value: number; used: number } {
  const scanner = new DecimalScanner();
  const value = scanner.scan(ascii(text), 0, text.length);
  return { value, used: scanner.end };
}

/** Decimal spellings of a double: the ones our writer, gensim, the C tool (%f) and fastText use. */
const spellings = fc
  .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }))
  .chain(([value, digits]) =>
    fc.constantFrom(
      String(value),
      value.toExponential(digits),
      value.toPrecision(digits + 1),
      Math.abs(value) < 1e21 ? value.toFixed(digits) : String(value),
    ),
  );

describe('DecimalScanner', () => {
  it('gives the double nearest to the decimal, as Number() (and Python float()) do', () => {
    fc.assert(
      fc.property(spellings, (text) => {
        const { value, used } = scan(text);
        expect(used).toBe(text.length);
        expect(Object.is(value, Number(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the forms Python accepts: signs, bare dots, exponents', () => {
    for (const text of [
      '+1.5',
      '-0.0',
      '.5',
      '5.',
      '1e5',
      '1E+05',
      '-2.5e-3',
      '0000.000100',
      '123456789012345678901234',
    ]) {
      const { value, used } = scan(text);
      expect(used, text).toBe(text.length);
      expect(Object.is(value, Number(text)), text).toBe(true);
    }
  });

  it('stops before anything that is not part of a number', () => {
    expect(scan('1.5abc')).toEqual({ value: 1.5, used: 3 });
    expect(scan('2e')).toEqual({ value: 2, used: 1 });
    expect(scan('3e+x')).toEqual({ value: 3, used: 1 });
    for (const text of ['', '-', '.', 'nan', 'inf', 'abc', '+.e5']) {
      const { value, used } = scan(text);
      expect(used, text).toBe(0);
      expect(value, text).toBeNaN();
    }
  });

  it('overflows to infinity and underflows to zero like a double', () => {
    expect(scan('1e400').value).toBe(Number.POSITIVE_INFINITY);
    expect(scan('1e-400').value).toBe(0);
    expect(scan('1e99999999999').value).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('a number of 160,000 digits (found by the fuzz suite)', () => {
  it('is read as the engine rounds it, without overflowing the stack', () => {
    const digits = new TextEncoder().encode(`24${'0'.repeat(160_000)}`);
    expect(new DecimalScanner().scan(digits, 0, digits.length)).toBe(Number.POSITIVE_INFINITY);
  });
});
