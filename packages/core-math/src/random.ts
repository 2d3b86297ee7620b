import { ConfigError } from './errors.js';

/** The four 32-bit words of a {@link Random} generator's state, as unsigned integers. */
export type RandomState = readonly [number, number, number, number];

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;
/** Below this, a 32-bit draw times n is exact in a double (2^32 · 2^21 = 2^53). */
const EXACT_PRODUCT_LIMIT = 2 ** 21;
/** 2^32 / golden ratio: spreads the four lane seeds of {@link seedState} apart. */
const GOLDEN = 0x9e3779b9;
/** Mixed into the words a fork hashes, so a fork never repeats a seeded generator's state. */
const FORK_TAG = 0x666f726b; // "fork"

/**
 * A 32-bit bijective integer hash (Chris Wellons' "lowbias32" constants): every bit of the input
 * affects every bit of the output.
 */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x21f0aaad);
  h ^= h >>> 15;
  h = Math.imul(h, 0x735a2d97);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * Hashes `words` into four state words. Each lane starts from a different value and absorbs the
 * words through the bijection `h = mix32(h ^ word)`, so for given words the four lanes end
 * distinct: the state is never all zero (the one state xoshiro must avoid).
 */
function seedState(words: readonly number[]): [number, number, number, number] {
  const lanes: [number, number, number, number] = [0, 0, 0, 0];
  for (let lane = 0; lane < 4; lane++) {
    let h = mix32(Math.imul(lane + 1, GOLDEN));
    for (const word of words) h = mix32(h ^ word);
    lanes[lane] = h;
  }
  return lanes;
}

/** Splits a safe integer into its low and high 32 bits (two's complement for negative values). */
function splitSafeInteger(value: number): [number, number] {
  return [value >>> 0, Math.floor(value / TWO_POW_32) >>> 0];
}

/**
 * A small, fast, seedable pseudo-random generator that yields the same stream on every platform.
 *
 * The generator is **xoshiro128\*\*** (Blackman and Vigna, 2018: 128-bit state, period 2^128 - 1,
 * passes BigCrush), computed with 32-bit integer operations (`Math.imul`, shifts), so results do not
 * depend on the JavaScript engine or the CPU. A seed is turned into the 128-bit state by hashing
 * its two 32-bit halves (see the package documentation); {@link Random.fork} hashes the current
 * state with a stream number the same way.
 *
 * Not cryptographically secure.
 *
 * @example
 * ```ts
 * const random = new Random(42);
 * const window = 1 + random.nextInt(5); // 1..5
 * const workers = [0, 1, 2, 3].map((thread) => random.fork(thread));
 * ```
 */
export class Random {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  /**
   * @param seed - any safe integer (negative values and values above 2^32 are allowed; all 64 bits
   *   of the two's complement are used). Default 1, gensim's default seed.
   * @throws ConfigError when `seed` is not a safe integer
   */
  constructor(seed = 1) {
    if (!Number.isSafeInteger(seed)) throw new ConfigError('seed', seed, 'a safe integer');
    const [s0, s1, s2, s3] = seedState(splitSafeInteger(seed));
    this.#s0 = s0;
    this.#s1 = s1;
    this.#s2 = s2;
    this.#s3 = s3;
  }

  /** The next 32 random bits, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const s2 = this.#s2 ^ this.#s0;
    const s3 = this.#s3 ^ s1;
    this.#s1 = s1 ^ s2;
    this.#s0 ^= s3;
    this.#s2 = s2 ^ t;
    this.#s3 = rotl(s3, 11);
    return result >>> 0;
  }

  /**
   * A uniform number in [0, 1): one {@link Random.nextUint32} draw divided by 2^32, so a multiple
   * of 2^-32. (Stored into a `Float32Array` a value may round up to 1; compare in double.)
   */
  nextFloat(): number {
    return this.nextUint32() * INV_TWO_POW_32;
  }

  /**
   * A uniform integer in [0, n), without bias.
   *
   * For n up to 2^21 (window sizes, vocabulary indices) this is Lemire's multiply-and-shift method:
   * the result is the high 32 bits of `x · n` for a 32-bit draw `x`, and the few draws whose low
   * 32 bits fall below 2^32 mod n are rejected and drawn again (the product is exact in a double).
   * Larger n use rejection and a remainder: draws below 2^32 mod n are rejected, the result is
   * `x mod n`. Either way at most n / 2^32 of draws are rejected, none when n is a power of two.
   *
   * @param n - an integer from 1 to 2^32
   * @throws ConfigError when `n` is out of range
   */
  nextInt(n: number): number {
    if (!(n >= 1 && n <= TWO_POW_32 && Number.isInteger(n))) {
      throw new ConfigError('n', n, 'an integer from 1 to 2^32');
    }
    if (n <= EXACT_PRODUCT_LIMIT) {
      let product = this.nextUint32() * n;
      let high = Math.floor(product * INV_TWO_POW_32);
      let low = product - high * TWO_POW_32;
      if (low < n) {
        const rejectBelow = TWO_POW_32 % n;
        while (low < rejectBelow) {
          product = this.nextUint32() * n;
          high = Math.floor(product * INV_TWO_POW_32);
          low = product - high * TWO_POW_32;
        }
      }
      return high;
    }
    const rejectBelow = TWO_POW_32 % n;
    let x = this.nextUint32();
    while (x < rejectBelow) x = this.nextUint32();
    return x % n;
  }

  /**
   * An independent generator for `stream` (for example a worker thread's index), derived by hashing
   * this generator's current state with `stream`. It does not advance this generator, so
   * `new Random(seed).fork(k)` is the same generator every time; different streams give unrelated
   * sequences.
   *
   * @param stream - a non-negative safe integer
   * @throws ConfigError when `stream` is not a non-negative safe integer
   */
  fork(stream: number): Random {
    if (!Number.isSafeInteger(stream) || stream < 0) {
      throw new ConfigError('stream', stream, 'a non-negative safe integer');
    }
    const [low, high] = splitSafeInteger(stream);
    return Random.#withState(seedState([this.#s0, this.#s1, this.#s2, this.#s3, low, high, FORK_TAG]));
  }

  /** A copy of the current state (four unsigned 32-bit integers), for saving and {@link Random.fromState}. */
  state(): RandomState {
    return [this.#s0 >>> 0, this.#s1 >>> 0, this.#s2 >>> 0, this.#s3 >>> 0];
  }

  /**
   * A generator that continues from a saved {@link Random.state}.
   *
   * @throws ConfigError unless `state` is four unsigned 32-bit integers, not all zero
   */
  static fromState(state: ArrayLike<number>): Random {
    const words = Array.from(state);
    const valid = words.length === 4 && words.every((w) => Number.isInteger(w) && w >= 0 && w < TWO_POW_32);
    if (!valid || words.every((w) => w === 0)) {
      throw new ConfigError('state', state, 'four unsigned 32-bit integers, not all zero');
    }
    return Random.#withState(words as unknown as RandomState);
  }

  static #withState(state: RandomState): Random {
    const random = new Random();
    random.#s0 = state[0] | 0;
    random.#s1 = state[1] | 0;
    random.#s2 = state[2] | 0;
    random.#s3 = state[3] | 0;
    return random;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
