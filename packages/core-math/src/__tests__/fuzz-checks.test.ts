/** The fuzz suite's checks (test-utils/fuzz.ts) fail when they should: the suite cannot pass vacuously. */
import { describe, expect, it } from 'vitest';
import { allocationBound, checkReader } from '#test-utils/fuzz.js';
import { FormatError, isEmbeddingError } from '../index.js';

describe('the fuzz checks (test-utils/fuzz.ts)', () => {
  const input = new Uint8Array(100);
  const reader = (read: (input: Uint8Array) => unknown) => ({ read, isExpected: isEmbeddingError });

  it('pass a reader that returns or throws an EmbeddingError', async () => {
    await checkReader(
      input,
      reader(() => new Float32Array(50)),
    );
    await checkReader(
      input,
      reader(() => {
        throw new FormatError({ file: 'x' }, 'something');
      }),
    );
  });

  it('fail a reader that throws anything else', async () => {
    await expect(
      checkReader(
        input,
        reader(() => {
          throw new RangeError('Invalid typed array length');
        }),
      ),
    ).rejects.toThrow('threw something other than an EmbeddingError: RangeError: Invalid typed array length');
  });

  it('fail a reader that allocates more than the bound, synchronously or after an await', async () => {
    const tooMuch = allocationBound(input.length) + 1;
    await expect(
      checkReader(
        input,
        reader(() => new Uint8Array(tooMuch)),
      ),
    ).rejects.toThrow(`allocated ${tooMuch} bytes for a 100-byte input`);
    await expect(
      checkReader(
        input,
        reader(async () => {
          await Promise.resolve();
          return new Float64Array(tooMuch / 8 + 1);
        }),
      ),
    ).rejects.toThrow('for a 100-byte input');
  });
});
