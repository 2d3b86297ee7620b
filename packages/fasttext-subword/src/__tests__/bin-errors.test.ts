import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeIf, fixture, hasFastText } from '#test-utils/fixtures.js';
import { CancelledError, FormatError, IoError } from '@embedkit/core-math';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFastTextBin, readFastTextBin, serializeFastTextBin } from '../index.js';
import { MAX_FLOAT32_LENGTH } from '../array-limits.js';
import { runFastText } from './printed-vectors.js';
import { tinyModel } from './tiny-model.js';

/** Offsets in a version-12 file (see docs/fasttext-subword.md). */
const AT = {
  version: 4,
  dim: 8,
  loss: 32,
  model: 36,
  bucket: 40,
  size: 64,
  nwords: 68,
  pruneidx: 84,
  entries: 92,
};

const tinyBytes = (): Uint8Array => serializeFastTextBin(tinyModel({}, ['ab', 'ac', 'd']));
/** Where the input matrix's quantization flag is: after the entries `ab`, `ac`, `d` (word, NUL, int64, int8). */
const inputFlagAt = AT.entries + 12 + 12 + 11;

function patched(edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = tinyBytes();
  edit(new DataView(bytes.buffer), bytes);
  return bytes;
}

async function formatError(bytes: Uint8Array): Promise<FormatError> {
  const error = await parseFastTextBin(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

async function expectFormatError(bytes: Uint8Array, offset: number, message: RegExp): Promise<void> {
  const error = await formatError(bytes);
  expect(error.location.offset, error.message).toBe(offset);
  expect(error.message).toMatch(message);
}

describe('.bin validation', () => {
  it('rejects a file that is not fastText, with the magic number it expected', async () => {
    await expectFormatError(
      new TextEncoder().encode('hello world, not a model'),
      0,
      /magic number 793712314/,
    );
    await expectFormatError(new Uint8Array(64), 0, /magic number/);
  });

  it('rejects an unknown version', async () => {
    await expectFormatError(
      patched((v) => v.setInt32(AT.version, 13, true)),
      AT.version,
      /version 11 or 12.*found 13/,
    );
  });

  it('rejects a truncation at every byte with a truncation error', async () => {
    const bytes = tinyBytes();
    for (let length = 0; length < bytes.length; length++) {
      const error = await formatError(bytes.subarray(0, length));
      expect(error.message, `cut at ${length}`).toMatch(/truncated/);
    }
  });

  it('rejects sizes the file cannot hold before allocating them', async () => {
    const entries = patched((v) => {
      v.setInt32(AT.size, 2_000_000_000, true);
      v.setInt32(AT.nwords, 2_000_000_000, true);
    });
    await expectFormatError(entries, AT.size, /dictionary entries.*found 2000000000 entries/);
    const rows = patched((v) => {
      v.setInt32(AT.bucket, 1_000_000_000, true);
      v.setBigInt64(inputFlagAt + 1, 1_000_000_003n, true);
    });
    await expectFormatError(rows, inputFlagAt + 17, /16000000048 bytes of input matrix data.*truncated/);
    await expectFormatError(
      patched((v) => v.setInt32(AT.dim, 50_000_000, true)),
      AT.dim,
      /dimension from 1 to 1000000/,
    );
    await expectFormatError(
      patched((v) => v.setInt32(AT.dim, 5, true)),
      inputFlagAt + 1,
      /input matrix of 100 x 5.*found 100 x 4/,
    );
  });

  it('says when a quantization flag or a quantized matrix is wrong, or the dictionary is pruned', async () => {
    await expectFormatError(
      patched((_, b) => void (b[inputFlagAt] = 2)),
      inputFlagAt,
      /quantization flag 0 or 1 before the input matrix, found 2/,
    );
    // A dense matrix read as a quantized one: its row count's low byte is no norm flag.
    await expectFormatError(
      patched((_, b) => void (b[inputFlagAt] = 1)),
      inputFlagAt + 1,
      /norm-quantization flag 0 or 1 in the quantized input matrix, found 100/,
    );
    await expectFormatError(
      patched((v) => v.setBigInt64(AT.pruneidx, 3n, true)),
      AT.pruneidx,
      /pruned by `fasttext quantize/,
    );
  });

  it('rejects unknown codes, repeated or invalid words, non-finite weights and trailing bytes', async () => {
    await expectFormatError(
      patched((v) => v.setInt32(AT.loss, 9, true)),
      AT.loss,
      /loss code/,
    );
    await expectFormatError(
      patched((v) => v.setInt32(AT.model, 0, true)),
      AT.model,
      /model code/,
    );
    await expectFormatError(
      patched((_, b) => void (b[AT.entries + 13] = 0x62)),
      AT.entries + 12,
      /distinct entries.*"ab" again/,
    );
    await expectFormatError(
      patched((_, b) => void (b[AT.entries + 1] = 0xff)),
      AT.entries,
      /UTF-8/,
    );
    await expectFormatError(
      patched((_, b) => void (b[AT.entries + 11] = 1)),
      AT.entries + 11,
      /entry type 0 for entry 0/,
    );
    await expectFormatError(
      patched((v) => v.setFloat32(inputFlagAt + 17 + 8, Number.NaN, true)),
      inputFlagAt + 25,
      /finite/,
    );
    const longer = new Uint8Array(tinyBytes().length + 3);
    longer.set(tinyBytes());
    await expectFormatError(longer, tinyBytes().length, /end of the file.*3 more bytes/);
  });

  it('says when a matrix is larger than one array of this runtime holds', async () => {
    const floats = 2 ** 30 + 4;
    const bytes = patched((v) => {
      v.setInt32(AT.bucket, floats / 4 - 3, true);
      v.setBigInt64(inputFlagAt + 1, BigInt(floats / 4), true);
    }).subarray(0, inputFlagAt + 17);
    const path = join(mkdtempSync(join(tmpdir(), 'ft-huge-')), 'huge.bin');
    writeFileSync(path, bytes);
    truncateSync(path, bytes.length + floats * 4 + 1000); // sparse: no disk space used
    const error = await readFastTextBin(path).catch((e: unknown) => e);
    rmSync(dirname(path), { recursive: true });
    if (floats > MAX_FLOAT32_LENGTH) {
      expect(error).toBeInstanceOf(IoError);
      expect((error as Error).message).toMatch(/input matrix holds 1073741828 floats/);
    } else {
      expect(error).toBeInstanceOf(FormatError);
    }
  });

  it('names the file, and stops when cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-bad-'));
    const path = join(dir, 'bad.bin');
    writeFileSync(path, 'not a model');
    await expect(readFastTextBin(path)).rejects.toThrow(`${path}, byte 0`);
    await expect(readFastTextBin(join(dir, 'absent.bin'))).rejects.toThrow(IoError);
    const controller = new AbortController();
    controller.abort();
    await expect(parseFastTextBin(tinyBytes(), { signal: controller.signal })).rejects.toThrow(
      CancelledError,
    );
  });

  it('throws nothing but FormatError for arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await parseFastTextBin(bytes).catch((error) => expect(error).toBeInstanceOf(FormatError));
      }),
      { numRuns: 300 },
    );
  });

  it('loads or throws FormatError for a valid file with random bytes changed and a random cut', async () => {
    const original = tinyBytes();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(original.length),
        async (edits, cut) => {
          const bytes = original.slice(0, Math.max(cut, original.length - 40));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          await parseFastTextBin(bytes).catch((error) => expect(error).toBeInstanceOf(FormatError));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('.bin validation on a real model', () => {
  it('rejects random truncations of ft-lee-sg.bin with FormatError', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('reference', 'ft-lee-sg.bin')));
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), async (length) => {
        const error = await formatError(bytes.subarray(0, length));
        expect(error.message).toMatch(/truncated/);
      }),
      { numRuns: 25 },
    );
  });
});

describeIf(hasFastText, 'fastText is not installed')(
  'supervised and quantized models fastText writes',
  () => {
    it('loads a supervised model with its labels and its quantized .ftz; refuses a pruned one', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ft-sup-'));
      const lines = Array.from({ length: 60 }, (_, i) =>
        i % 2 ? `__label__yes good fine great day ${i}` : `__label__no bad awful poor night ${i}`,
      );
      writeFileSync(join(dir, 'train.txt'), `${lines.join('\n')}\n`);
      const base = join(dir, 'sup');
      runFastText(
        [
          'supervised',
          '-input',
          join(dir, 'train.txt'),
          '-output',
          base,
          '-dim',
          '4',
          '-epoch',
          '1',
          '-thread',
          '1',
          '-verbose',
          '0',
          '-wordNgrams',
          '2',
          '-bucket',
          '300',
        ],
        '',
      );
      const model = await readFastTextBin(`${base}.bin`);
      expect(model.args.model).toBe('supervised');
      expect([...model.labels].sort()).toEqual(['__label__no', '__label__yes']);
      const quantize = (...flags: string[]): void => {
        runFastText(
          [
            'quantize',
            '-input',
            join(dir, 'train.txt'),
            '-output',
            base,
            '-dsub',
            '2',
            '-verbose',
            '0',
            ...flags,
          ],
          '',
        );
      };
      quantize('-qnorm');
      const quantized = await readFastTextBin(`${base}.ftz`);
      expect([quantized.size, quantized.labels]).toEqual([model.size, model.labels]);
      quantize('-cutoff', '256');
      await expect(readFastTextBin(`${base}.ftz`)).rejects.toThrow(/pruned by `fasttext quantize -cutoff`/);
    });
  },
);
