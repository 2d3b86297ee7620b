import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIf, fixture, hasGensim, runPython } from '#test-utils/fixtures.js';
import { formatGeneral, printedWordVector, readFastTextBin } from '../index.js';

const reference = (name: string): string => fixture('reference', name);

describe('printedWordVector', () => {
  for (const name of ['ft-lee-sg', 'ft-lee-cbow', 'ft-lee-nosub']) {
    it(`prints ${name}.print-word-vectors.txt byte for byte (in-vocabulary and OOV words)`, async () => {
      const model = await readFastTextBin(reference(`${name}.bin`));
      const words = readFileSync(reference('oov-probe-words.txt'), 'utf8').split(/\s+/).filter(Boolean);
      const printed = words.map((word) => printedWordVector(word, model.vector(word))).join('');
      expect(printed).toBe(readFileSync(reference(`${name}.print-word-vectors.txt`), 'utf8'));
    });
  }
});

describe('formatGeneral', () => {
  it("writes what printf('%.5g') writes (values checked with Python's '%.5g')", () => {
    const cases: [number, string][] = [
      [0.00390625, '0.0039062'], // an exact tie: to even, where toExponential rounds up
      [-0.00390625, '-0.0039062'],
      [1.03125e-5, '1.0312e-05'],
      [123456, '1.2346e+05'],
      [99999.5, '1e+05'],
      [99995, '99995'],
      [0.0001, '0.0001'],
      [1e-5, '1e-05'],
      [0.5, '0.5'],
      [12345.5, '12346'],
      [0.00012345, '0.00012345'],
      [3.4028234663852886e38, '3.4028e+38'],
      [1.401298464324817e-45, '1.4013e-45'],
    ];
    for (const [value, text] of cases) expect(formatGeneral(value), String(value)).toBe(text);
    expect(
      [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((v) => formatGeneral(v)),
    ).toEqual(['0', '-0', 'nan', 'inf', '-inf']);
    expect(formatGeneral(Math.PI, 3)).toBe('3.14');
  });
});

describeIf(hasGensim, 'python3 (with gensim) is needed')('formatGeneral against Python, live', () => {
  it("equals Python's '%.5g' on random float32 values and powers of two", () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.float({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: -149, max: 127 }).map((e) => 2 ** e * (1 + 1 / 16)),
        ),
        { seed: 7, numRuns: 3000 },
      )
      .filter((v) => !Object.is(v, -0)); // JSON writes -0 as 0; -0 is among the hand-checked cases
    const expected = runPython(
      "import json, sys\nprint('\\n'.join('%.5g' % v for v in json.loads(sys.argv[1])))",
      [JSON.stringify(values)],
    );
    expect(values.map((v) => formatGeneral(v)).join('\n')).toBe(expected.trimEnd());
  });
});
