/**
 * The fuzz suite's shared parts (issue 15): mutations of real files, the bound on what a reader
 * may allocate, and the check every reader must pass on every generated input — it returns, or
 * throws an `EmbeddingError`; it allocates no typed array larger than a bound proportional to
 * the input's size; and it ends (a per-case guard against hangs, far above the milliseconds a
 * case takes; it is not a speed measurement).
 *
 * The number of cases per reader is `FUZZ_RUNS` (default 10,000) and the seed `FUZZ_SEED`
 * (default fixed, so CI runs the same cases every time): `FUZZ_RUNS=200000 FUZZ_SEED=$RANDOM
 * npx vitest run fuzz` for a long local run. A failure prints the seed and the shrunk input.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Generated inputs per reader. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** The seed of the generated inputs (fixed unless `FUZZ_SEED` is set). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

/** A case taking longer than this has hung (cases take milliseconds). */
const HANG_GUARD_MS = 10_000;

/** The largest typed array a reader may allocate for an input of `size` bytes. */
export function allocationBound(size: number): number {
  // 8 bytes of matrix per input byte at most (a float32 per value needs a value and a separator),
  // plus a fixed reading window (fastText's reader keeps 1 MiB of the file).
  return 8 * size + 2 * 1024 * 1024;
}

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

/**
 * Runs `read` with every typed-array constructor replaced by a subclass that records the largest
 * allocation (views of existing buffers are not allocations), and returns that size in bytes.
 */
async function largestAllocation(read: () => unknown): Promise<number> {
  let largest = 0;
  const globals = globalThis as unknown as Record<string, new (...args: unknown[]) => ArrayBufferView>;
  const saved = TYPED_ARRAYS.map((name) => [name, globals[name]!] as const);
  for (const [name, Original] of saved) {
    globals[name] = class extends Original {
      constructor(...args: unknown[]) {
        super(...args);
        const source = args[0];
        if (!(source instanceof ArrayBuffer || source instanceof SharedArrayBuffer)) {
          largest = Math.max(largest, this.byteLength);
        }
      }

      static override [Symbol.hasInstance](value: unknown): boolean {
        return value instanceof Original;
      }
    };
  }
  try {
    await read();
  } finally {
    for (const [name, Original] of saved) globals[name] = Original;
  }
  return largest;
}

/** The outcome of one case, for a failure message. */
function describeOutcome(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error);
}

/** What a fuzzed reader is: a function of the input bytes, and the test of its expected errors. */
export interface FuzzedReader {
  /** Reads the input (sync or async). */
  readonly read: (input: Uint8Array) => unknown;
  /** Whether an error is one the reader may throw: core-math's `isEmbeddingError`. */
  readonly isExpected: (error: unknown) => boolean;
}

/**
 * Runs `reader.read(input)` and checks the reader's promises: only expected errors, allocation
 * within {@link allocationBound}, and an end.
 */
export async function checkReader(input: Uint8Array, { read, isExpected }: FuzzedReader): Promise<void> {
  let thrown: unknown;
  const started = performance.now();
  const largest = await largestAllocation(async () => {
    try {
      await read(input);
    } catch (error) {
      thrown = error;
    }
  });
  const elapsed = performance.now() - started;
  if (thrown !== undefined && !isExpected(thrown)) {
    expect.fail(`threw something other than an EmbeddingError: ${describeOutcome(thrown)}`);
  }
  if (largest > allocationBound(input.length)) {
    expect.fail(`allocated ${largest} bytes for a ${input.length}-byte input`);
  }
  if (elapsed > HANG_GUARD_MS) expect.fail(`took ${Math.round(elapsed)} ms on a ${input.length}-byte input`);
}

/** Runs the property over `runs` inputs (default {@link FUZZ_RUNS}) with the fixed seed. */
export async function fuzz(
  inputs: fc.Arbitrary<Uint8Array>,
  reader: FuzzedReader,
  runs = FUZZ_RUNS,
): Promise<void> {
  // A failing input is reported by its length and first bytes, not as thousands of numbers.
  const described = inputs.map((bytes) => ({
    bytes,
    [fc.toStringMethod]: () =>
      `<${bytes.length} bytes: ${JSON.stringify(Buffer.from(bytes.subarray(0, 120)).toString('latin1'))}…>`,
  }));
  await fc.assert(
    fc.asyncProperty(described, ({ bytes }) => checkReader(bytes, reader)),
    { numRuns: runs, seed: FUZZ_SEED, endOnFailure: true },
  );
}

const encoder = new TextEncoder();

/** One way of damaging a file; positions are fractions of the length, so they fit any input. */
type Mutation = (bytes: Uint8Array) => Uint8Array;

function at(bytes: Uint8Array, fraction: number): number {
  return Math.min(bytes.length, Math.floor(fraction * (bytes.length + 1)));
}

function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(start + insert.length + bytes.length - end);
  out.set(bytes.subarray(0, start));
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}

const position = fc.double({ min: 0, max: 1, noNaN: true });

/** Numbers that break headers and counts: huge, negative, zero, not integers. */
const hostileNumber = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '999999999999999',
    '4294967296',
    '2147483648',
    '1e9',
    '9007199254740993',
    'NaN',
    '1.5',
  ),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
);

/** Line-ending and byte-order-mark mixtures. */
const lineEndings = fc.constantFrom('\r\n', '\r', '\n\n', '\n\r', '\uFEFF', '\t', ' ');

const MUTATIONS: fc.Arbitrary<Mutation> = fc.oneof(
  // Truncation anywhere.
  position.map(
    (p): Mutation =>
      (b) =>
        b.slice(0, at(b, p)),
  ),
  // Bit flips.
  fc.array(fc.tuple(position, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }).map(
    (flips): Mutation =>
      (b) => {
        const out = b.slice();
        for (const [p, bit] of flips) {
          const i = Math.min(out.length - 1, at(out, p));
          if (i >= 0) out[i] = out[i]! ^ (1 << bit);
        }
        return out;
      },
  ),
  // Random bytes written over or inserted.
  fc.tuple(position, fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean()).map(
    ([p, noise, overwrite]): Mutation =>
      (b) => {
        const i = at(b, p);
        return splice(b, i, overwrite ? Math.min(b.length, i + noise.length) : i, noise);
      },
  ),
  // A range deleted or repeated.
  fc.tuple(position, position, fc.integer({ min: 0, max: 3 })).map(
    ([p, q, copies]): Mutation =>
      (b) => {
        const [i, j] = [at(b, Math.min(p, q)), at(b, Math.max(p, q))];
        const piece = b.slice(i, j);
        const repeated = new Uint8Array(piece.length * copies);
        for (let c = 0; c < copies; c++) repeated.set(piece, c * piece.length);
        return splice(b, i, j, repeated);
      },
  ),
  // A hostile number in place of the first run of digits at or after a position (header counts).
  fc.tuple(position, hostileNumber).map(
    ([p, number]): Mutation =>
      (b) => {
        let i = at(b, p);
        while (i < b.length && (b[i]! < 0x30 || b[i]! > 0x39)) i++;
        let j = i;
        while (j < b.length && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
        return splice(b, i, j, encoder.encode(number));
      },
  ),
  // Little-endian integers overwritten with extreme values (binary headers and counts).
  fc.tuple(position, fc.constantFrom(0x7fffffff, 0xffffffff, 0x80000000, 0x2f4f16ba, 0, 1, 12)).map(
    ([p, value]): Mutation =>
      (b) => {
        const out = b.slice();
        const i = Math.min(at(out, p) & ~3, out.length - 4);
        if (i >= 0) new DataView(out.buffer).setUint32(i, value, true);
        return out;
      },
  ),
  // A long line: a run of one byte without line breaks.
  fc
    .tuple(
      position,
      fc.constantFrom(0x61, 0x20, 0x30, 0x0d, 0x00, 0xff),
      fc.integer({ min: 1, max: 200_000 }),
    )
    .map(
      ([p, byte, length]): Mutation =>
        (b) =>
          splice(b, at(b, p), at(b, p), new Uint8Array(length).fill(byte)),
    ),
  // Line endings and byte-order marks: every `\n` from a position turned into another mixture.
  fc.tuple(position, lineEndings, fc.boolean()).map(
    ([p, ending, all]): Mutation =>
      (b) => {
        // latin1 maps bytes to characters one to one; a byte-order mark goes in as its UTF-8 bytes.
        const text = Buffer.from(b).toString('latin1');
        const i = at(b, p);
        const mark = Buffer.from(ending, 'utf8').toString('latin1');
        const rest = all ? text.slice(i).split('\n').join(mark) : text.slice(i).replace('\n', mark);
        return new Uint8Array(Buffer.from(text.slice(0, i) + rest, 'latin1'));
      },
  ),
);

/**
 * Inputs for a reader: the seed files (real files written by the tools), each damaged by one to
 * three mutations, and some wholly random bytes.
 */
export function mutatedInputs(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.constantFrom(...seeds), fc.array(MUTATIONS, { minLength: 1, maxLength: 3 }))
        .map(([seed, mutations]) => mutations.reduce((bytes, mutate) => mutate(bytes), seed)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
  );
}

/** The first `count` lines of a text file, from line `from` (0-based), as bytes. */
export function someLines(bytes: Uint8Array, from: number, count: number): Uint8Array {
  let start = 0;
  for (let line = 0; line < from && start < bytes.length; line++) start = nextLine(bytes, start);
  let end = start;
  for (let line = 0; line < count && end < bytes.length; line++) end = nextLine(bytes, end);
  return bytes.slice(start, end);
}

function nextLine(bytes: Uint8Array, start: number): number {
  const newline = bytes.indexOf(0x0a, start);
  return newline === -1 ? bytes.length : newline + 1;
}
