import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIf, hasGensim, runPython } from '#test-utils/fixtures.js';
import { formatFloat32 } from '../index.js';

/** Float32 values from arbitrary bit patterns (NaN and infinities excluded). */
const finiteFloat32 = fc.float({ noNaN: true, noDefaultInfinity: true });

/**
 * Values that stress the formatting: exact ties between two shortest candidates (numpy rounds
 * them to even), the positional/scientific borders 1e-4 and 1e16, subnormals, extremes.
 */
const EDGE_VALUES = [
  0,
  -0,
  1,
  -1,
  0.5,
  100,
  1e-4,
  -1e-4,
  1e16,
  9.99e15,
  1e-5,
  1.5e-7,
  123456789,
  3.4028234663852886e38,
  1.401298464324817e-45,
  1.1754943508222875e-38,
  2097152.25,
  2097152.75,
  3000000.25,
  16777216,
  0.1,
  1 / 3,
  0.05133822560310364,
  1e15,
].map(Math.fround);

/** Powers of two (where the float32 spacing changes, so the rounding interval is lopsided) and their neighbours. */
const POWERS_OF_TWO = Array.from({ length: 277 }, (_, i) => 2 ** (i - 149)).flatMap((p) => [
  p,
  Math.fround(p * (1 + 2 ** -23)),
  Math.fround(p * (1 - 2 ** -24)),
]);

describe('formatFloat32', () => {
  it('writes what numpy repr() writes for simple values', () => {
    expect([0, -0, 1, 100, 1e-5, 1.5e-7, 2.5e-5, 0.1].map((v) => formatFloat32(Math.fround(v)))).toEqual([
      '0.0',
      '-0.0',
      '1.0',
      '100.0',
      '1e-05',
      '1.5e-07',
      '2.5e-05',
      '0.1',
    ]);
    expect(formatFloat32(Math.fround(3.4028234663852886e38))).toBe('3.4028235e+38');
    expect(formatFloat32(Math.fround(123456789))).toBe('123456790.0');
  });

  it('rounds an exact tie to the even digit as numpy does', () => {
    expect(formatFloat32(2097152.25)).toBe('2097152.2');
    expect(formatFloat32(2097152.75)).toBe('2097152.8');
  });

  it('reads back to the same float32 (property)', () => {
    fc.assert(
      fc.property(finiteFloat32, (value) => {
        const text = formatFloat32(value);
        expect(Object.is(Math.fround(Number(text)), value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  describeIf(hasGensim, 'numpy is not installed (apt-get install -y python3-gensim)')('against numpy', () => {
    it('matches repr(np.float32(x)) on random bit patterns, powers of two and edge values', () => {
      const values = [
        ...EDGE_VALUES,
        ...POWERS_OF_TWO,
        ...fc.sample(finiteFloat32, { numRuns: 6000, seed: 42 }),
      ];
      const dir = mkdtempSync(join(tmpdir(), 'vector-io-float-'));
      try {
        const file = join(dir, 'values.f32');
        writeFileSync(file, new Uint8Array(Float32Array.from(values).buffer));
        const expected = JSON.parse(
          runPython(
            'import sys, json, numpy as np\nprint(json.dumps([repr(v) for v in np.fromfile(sys.argv[1], dtype="<f4")]))',
            [file],
          ),
        ) as string[];
        expect(values.map(formatFloat32)).toEqual(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
