import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, Random } from '../index.js';

/**
 * An independent reference of xoshiro128** and of the seeding, written with BigInt arithmetic
 * (masks instead of 32-bit integer tricks), following the published C code
 * (https://prng.di.unimi.it/xoshiro128starstar.c) and the seeding rule in docs/core-math.md.
 */
const MASK = 0xffffffffn;
const rotlBig = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & MASK;
const mulBig = (a: bigint, b: bigint) => (a * b) & MASK;

class ReferenceXoshiro {
  s: bigint[];
  constructor(state: readonly number[]) {
    this.s = state.map((w) => BigInt(w));
  }
  next(): number {
    const s = this.s as [bigint, bigint, bigint, bigint];
    const result = mulBig(rotlBig(mulBig(s[1], 5n), 7n), 9n);
    const t = (s[1] << 9n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotlBig(s[3], 11n);
    return Number(result);
  }
  /** Lemire's multiply-and-shift rule up to n = 2^21, OpenBSD's arc4random_uniform rule above. */
  nextInt(n: number): number {
    const bound = BigInt(n);
    const rejectBelow = (1n << 32n) % bound;
    for (;;) {
      const x = BigInt(this.next());
      if (n <= 2 ** 21) {
        const product = x * bound;
        if ((product & MASK) >= rejectBelow) return Number(product >> 32n);
      } else if (x >= rejectBelow) return Number(x % bound);
    }
  }
}

function referenceMix32(h: bigint): bigint {
  h ^= h >> 16n;
  h = mulBig(h, 0x21f0aaadn);
  h ^= h >> 15n;
  h = mulBig(h, 0x735a2d97n);
  h ^= h >> 15n;
  return h;
}

function referenceSeedState(words: readonly bigint[]): number[] {
  return [1n, 2n, 3n, 4n].map((lane) => {
    let h = referenceMix32(mulBig(lane, 0x9e3779b9n));
    for (const word of words) h = referenceMix32(h ^ word);
    return Number(h);
  });
}

function referenceSeed(seed: number): number[] {
  const twos = BigInt.asUintN(64, BigInt(seed));
  return referenceSeedState([twos & MASK, twos >> 32n]);
}

const uint32 = fc.integer({ min: 0, max: 0xffffffff });
const nonZeroState = fc.tuple(uint32, uint32, uint32, uint32).filter((state) => state.some((w) => w !== 0));

function take(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('Random (xoshiro128**)', () => {
  it('reproduces the C reference implementation from a published state', () => {
    // Test vectors of the C reference (edorfaus/xoshiro-6502, test-rom/testdata.asm).
    const random = Random.fromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect(random.nextUint32()).toBe(0xf1391922);
    expect(random.state()).toEqual([0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20]);
    expect(take(random, 3)).toEqual([0x6fe53806, 0xa5be2840, 0xf510ee70]);
    expect(random.state()).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
  });

  it('matches a BigInt reference of xoshiro128** from any state', () => {
    fc.assert(
      fc.property(nonZeroState, (state) => {
        const reference = new ReferenceXoshiro(state);
        const expected = Array.from({ length: 64 }, () => reference.next());
        expect(take(Random.fromState(state), 64)).toEqual(expected);
      }),
    );
  });

  it('seeds as the BigInt reference of the documented seeding does', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        expect(new Random(seed).state()).toEqual(referenceSeed(seed));
      }),
    );
    expect(new Random().state()).toEqual(referenceSeed(1));
  });

  it('pins the first values of seed 42 (checked against the reference above)', () => {
    const golden = [2814559132, 2104354940, 4085194153, 64174618, 3246575391];
    const reference = new ReferenceXoshiro(referenceSeed(42));
    expect(golden).toEqual(golden.map(() => reference.next()));
    expect(take(new Random(42), 5)).toEqual(golden);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        expect(take(new Random(a), 8)).toEqual(take(new Random(a), 8));
        if (a !== b) expect(take(new Random(a), 4)).not.toEqual(take(new Random(b), 4));
      }),
    );
  });

  it('keeps nextFloat in [0, 1) with mean 1/2', () => {
    const random = new Random(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const u = random.nextFloat();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard deviation of the mean: sqrt(1/12 / draws) ≈ 0.0009.
    expect(Math.abs(sum / draws - 0.5)).toBeLessThan(0.005);
    expect(Random.fromState([0, 0xffffffff, 0, 0]).nextFloat()).toBeLessThan(1);
  });

  it('draws nextInt(n) by rejection exactly as the reference does, even where rejection is frequent', () => {
    fc.assert(
      fc.property(
        nonZeroState,
        fc.oneof(
          fc.integer({ min: 1, max: 1000 }),
          // Both sides of the switch between the two methods, at 2^21.
          fc.integer({ min: 2 ** 20, max: 2 ** 21 + 1000 }),
          fc.integer({ min: 2 ** 31, max: 2 ** 32 }),
        ),
        (state, n) => {
          const reference = new ReferenceXoshiro(state);
          const random = Random.fromState(state);
          for (let i = 0; i < 32; i++) {
            const value = random.nextInt(n);
            expect(value).toBe(reference.nextInt(n));
            expect(value >= 0 && value < n).toBe(true);
          }
        },
      ),
    );
  });

  it('rejects a draw whose product falls in the biased range (state with output 0)', () => {
    // s1 = 0 makes the first output 0: for n = 3 and n = 2^21 - 1 the low product bits (0) are below
    // 2^32 mod n (1 and 2048), so that draw must be rejected.
    for (const n of [3, 2 ** 21 - 1, 2 ** 31 + 1]) {
      const state = [0x12345678, 0, 0x9abcdef0, 0x0fedcba9] as const;
      expect(Random.fromState(state).nextUint32()).toBe(0);
      const random = Random.fromState(state);
      expect(random.nextInt(n)).toBe(new ReferenceXoshiro(state).nextInt(n));
      const afterTwoDraws = Random.fromState(state);
      take(afterTwoDraws, 2);
      expect(random.state()).toEqual(afterTwoDraws.state());
    }
  });

  it('draws nextInt uniformly (chi-square over 7 cells)', () => {
    const random = new Random(3);
    const cells = new Float64Array(7);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) cells[random.nextInt(7)]! += 1;
    const expected = draws / 7;
    const chiSquare = cells.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 6 degrees of freedom: P(chi2 > 22.46) = 0.001.
    expect(chiSquare).toBeLessThan(22.46);
  });

  it('rejects bad arguments with ConfigError', () => {
    const random = new Random(1);
    for (const n of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN])
      expect(() => random.nextInt(n)).toThrow(ConfigError);
    for (const seed of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(() => new Random(seed)).toThrow(ConfigError);
    }
    expect(() => random.fork(-1)).toThrow(ConfigError);
    expect(() => Random.fromState([0, 0, 0, 0])).toThrow(ConfigError);
    expect(() => Random.fromState([1, 2, 3])).toThrow(ConfigError);
    expect(() => Random.fromState([1, 2, 3, 2 ** 32])).toThrow(ConfigError);
  });

  it('continues a saved state exactly', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.nat({ max: 100 }), (seed, skip) => {
        const random = new Random(seed);
        take(random, skip);
        const restored = Random.fromState(random.state());
        expect(take(restored, 16)).toEqual(take(random, 16));
      }),
    );
  });

  it('forks deterministic, independent streams without advancing the parent', () => {
    const parent = new Random(11);
    const before = parent.state();
    const forks = [0, 1, 2, 3].map((stream) => take(parent.fork(stream), 8));
    expect(parent.state()).toEqual(before);
    expect(take(new Random(11).fork(2), 8)).toEqual(forks[2]);
    const firsts = new Set(forks.map((stream) => stream.join(',')));
    firsts.add(take(new Random(11), 8).join(','));
    expect(firsts.size).toBe(5);
    // A fork hashes the state with the stream number and a tag, as the reference does.
    const state = before.map(BigInt);
    expect(parent.fork(2 ** 40 + 5).state()).toEqual(referenceSeedState([...state, 5n, 256n, 0x666f726bn]));
  });

  it('gives uncorrelated forks (lag-0 correlation of the floats near 0)', () => {
    const a = new Random(5).fork(0);
    const b = new Random(5).fork(1);
    let sum = 0;
    const draws = 50_000;
    for (let i = 0; i < draws; i++) sum += (a.nextFloat() - 0.5) * (b.nextFloat() - 0.5);
    // Correlation = sum / draws / (1/12); its standard deviation is 1/sqrt(draws) ≈ 0.0045.
    expect(Math.abs((sum / draws) * 12)).toBeLessThan(0.025);
  });
});
