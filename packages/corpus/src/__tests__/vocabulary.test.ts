import { CancelledError, ConfigError, EmptyVocabularyError, FormatError } from '@embedkit/core-math';
import type { TrainingProgress } from '@embedkit/core-math';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Vocabulary, encodeCorpus } from '../index.js';

const tieCorpus = [
  ['b', 'a', 'c', 'a', 'x'],
  ['c', 'd', 'b', 'e'],
];

describe('Vocabulary.build', () => {
  it('orders words by count descending, ties by first appearance', async () => {
    const vocab = await Vocabulary.build(tieCorpus, { minCount: 1 });
    expect(vocab.words).toEqual(['b', 'a', 'c', 'x', 'd', 'e']);
    expect(Array.from(vocab.counts)).toEqual([2, 2, 2, 1, 1, 1]);
    expect(vocab.size).toBe(6);
    expect(vocab.totalCount).toBe(9);
    expect(vocab.tokensSeen).toBe(9);
    expect(vocab.distinctSeen).toBe(6);
  });

  it('applies minCount, and maxVocab keeping the first-seen words among ties at the cut', async () => {
    const frequent = await Vocabulary.build(tieCorpus, { minCount: 2 });
    expect(frequent.words).toEqual(['b', 'a', 'c']);
    expect(frequent.totalCount).toBe(6);
    expect(frequent.tokensSeen).toBe(9);
    expect(frequent.distinctSeen).toBe(6);
    expect((await Vocabulary.build(tieCorpus, { minCount: 1, maxVocab: 2 })).words).toEqual(['b', 'a']);
    expect((await Vocabulary.build(tieCorpus, { minCount: 1, maxVocab: 4 })).words).toEqual([
      'b',
      'a',
      'c',
      'x',
    ]);
    expect((await Vocabulary.build(tieCorpus, { minCount: 2, maxVocab: 10 })).size).toBe(3);
  });

  it('uses minCount 5 by default', async () => {
    const corpus = [['rare', 'common', 'common', 'common', 'common', 'common']];
    expect((await Vocabulary.build(corpus)).words).toEqual(['common']);
  });

  it('treats __proto__, constructor and other Object.prototype names as ordinary words', async () => {
    const corpus = [
      ['__proto__', 'constructor', 'hasOwnProperty', '__proto__', 'toString', 'constructor', '__proto__'],
    ];
    const vocab = await Vocabulary.build(corpus, { minCount: 1 });
    expect(vocab.words).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(Array.from(vocab.counts)).toEqual([3, 2, 1, 1]);
    expect(vocab.id('__proto__')).toBe(0);
    expect(vocab.id('constructor')).toBe(1);
    expect(vocab.id('valueOf')).toBe(-1);
    expect(vocab.id('prototype')).toBe(-1);
    expect(Array.from(vocab.encode(['toString', 'valueOf', '__proto__']))).toEqual([3, 0]);
    const restored = Vocabulary.fromJSON(JSON.parse(JSON.stringify(vocab)));
    expect(restored.words).toEqual(vocab.words);
    expect(restored.id('hasOwnProperty')).toBe(2);
  });

  it('throws EmptyVocabularyError with the corpus size and minCount when nothing survives', async () => {
    const empty = await Vocabulary.build([[], []]).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(EmptyVocabularyError);
    expect(empty).toMatchObject({ tokensSeen: 0, distinctWords: 0, minCount: 5 });
    const rare = await Vocabulary.build(tieCorpus, { minCount: 3 }).catch((e: unknown) => e);
    expect(rare).toBeInstanceOf(EmptyVocabularyError);
    expect(rare).toMatchObject({ tokensSeen: 9, distinctWords: 6, minCount: 3 });
    expect((rare as Error).message).toMatch(/lower minCount/);
  });

  it.each([
    [{ minCount: -1 }, 'minCount'],
    [{ minCount: 1.5 }, 'minCount'],
    [{ minCount: Number.NaN }, 'minCount'],
    [{ maxVocab: 0 }, 'maxVocab'],
    [{ maxVocab: 2.5 }, 'maxVocab'],
    [{ chunkSize: 0 }, 'chunkSize'],
  ])('rejects %o with ConfigError', async (options, option) => {
    const error = await Vocabulary.build(tieCorpus, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe(option);
  });

  it('stops with CancelledError when the signal aborts', async () => {
    const controller = new AbortController();
    async function* corpus() {
      yield ['a'];
      controller.abort();
      yield ['b'];
    }
    await expect(Vocabulary.build(corpus(), { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });

  describe('progress', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('reports at most every 200 ms, and once at the end with every token', async () => {
      vi.useFakeTimers({ toFake: ['performance'] });
      function* slowCorpus() {
        for (let i = 0; i < 20; i++) {
          vi.advanceTimersByTime(50);
          yield ['a', 'b'];
        }
      }
      const reports: TrainingProgress[] = [];
      await Vocabulary.build(slowCorpus(), { minCount: 1, onProgress: (p) => reports.push(p) });
      expect(reports.map((p) => p.processed)).toEqual([8, 16, 24, 32, 40, 40]);
      expect(reports.every((p) => p.phase === 'vocabulary' && p.unit === 'words')).toBe(true);
      expect(reports[0]?.perSecond).toBeCloseTo(40, 6);
    });
  });
});

describe('Vocabulary.fromCounts', () => {
  it('keeps every word by default, ordered by count with ties in the given order', () => {
    const vocab = Vocabulary.fromCounts(['x', 'y', 'z', 'w'], [1, 3, 1, 3]);
    expect(vocab.words).toEqual(['y', 'w', 'x', 'z']);
    expect(vocab.count(0)).toBe(3);
    expect(vocab.word(3)).toBe('z');
    expect(vocab.tokensSeen).toBe(8);
  });

  it('applies minCount and maxVocab', () => {
    expect(Vocabulary.fromCounts(['x', 'y', 'z'], [1, 3, 2], { minCount: 2 }).words).toEqual(['y', 'z']);
    expect(Vocabulary.fromCounts(['x', 'y', 'z'], [1, 3, 2], { maxVocab: 1 }).words).toEqual(['y']);
  });

  it('rejects mismatched lengths, repeated words and bad counts', () => {
    expect(() => Vocabulary.fromCounts(['x', 'y'], [1])).toThrow(ConfigError);
    expect(() => Vocabulary.fromCounts(['x', 'x'], [1, 2])).toThrow(/repeats/);
    expect(() => Vocabulary.fromCounts(['x'], [-1])).toThrow(ConfigError);
    expect(() => Vocabulary.fromCounts(['x'], [Number.POSITIVE_INFINITY])).toThrow(ConfigError);
    expect(() => Vocabulary.fromCounts([], [])).toThrow(EmptyVocabularyError);
  });
});

describe('Vocabulary lookups', () => {
  const vocab = Vocabulary.fromCounts(['the', 'cat', 'sat'], [5, 2, 1]);

  it('maps words to ids and back, and throws RangeError outside the ids', () => {
    expect(vocab.id('cat')).toBe(1);
    expect(vocab.id('dog')).toBe(-1);
    expect(vocab.word(2)).toBe('sat');
    expect(vocab.count(1)).toBe(2);
    expect(() => vocab.word(3)).toThrow(RangeError);
    expect(() => vocab.count(-1)).toThrow(RangeError);
    expect(() => vocab.count(0.5)).toThrow(RangeError);
  });

  it('encodes tokens to ids, dropping unknown words', () => {
    expect(Array.from(vocab.encode(['the', 'dog', 'sat', 'the']))).toEqual([0, 2, 0]);
    expect(vocab.encode([])).toHaveLength(0);
  });
});

describe('keepProbabilities', () => {
  // total = 1000 and sample = 1e-3 make sample·total = 1, so keep = (sqrt(f) + 1) / f.
  const vocab = Vocabulary.fromCounts(['a', 'b', 'c', 'd', 'e', 'f'], [900, 81, 16, 1, 1, 1]);

  it('follows word2vec: (sqrt(f/(t·total)) + 1)·(t·total)/f, clamped to 1', () => {
    const keep = vocab.keepProbabilities(1e-3);
    expect(keep[0]).toBeCloseTo(31 / 900, 7);
    expect(keep[1]).toBeCloseTo(10 / 81, 7);
    expect(keep[2]).toBeCloseTo(5 / 16, 7);
    expect(Array.from(keep.subarray(3))).toEqual([1, 1, 1]);
  });

  it('keeps everything when sample is 0, and rejects negative or non-finite samples', () => {
    expect(Array.from(vocab.keepProbabilities(0))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(() => vocab.keepProbabilities(-1e-3)).toThrow(ConfigError);
    expect(() => vocab.keepProbabilities(Number.NaN)).toThrow(/option sample/);
  });
});

describe('Vocabulary JSON', () => {
  it('round-trips through JSON.stringify and fromJSON with the same ids, counts and figures', async () => {
    const vocab = await Vocabulary.build(tieCorpus, { minCount: 1 });
    const json = JSON.parse(JSON.stringify(vocab));
    expect(json).toEqual({
      format: 'embedkit-vocabulary',
      version: 1,
      words: ['b', 'a', 'c', 'x', 'd', 'e'],
      counts: [2, 2, 2, 1, 1, 1],
      tokensSeen: 9,
      distinctSeen: 6,
    });
    const restored = Vocabulary.fromJSON(json);
    expect(restored.words).toEqual(vocab.words);
    expect(restored.counts).toEqual(vocab.counts);
    expect(restored.totalCount).toBe(vocab.totalCount);
    expect(restored.tokensSeen).toBe(9);
    expect(restored.distinctSeen).toBe(6);
    expect(restored.id('x')).toBe(3);
  });

  it.each([
    ['not an object', 'vocabulary'],
    ['another format', { format: 'other', version: 1 }],
    ['a newer version', { format: 'embedkit-vocabulary', version: 2 }],
    [
      'no words',
      { format: 'embedkit-vocabulary', version: 1, words: [], counts: [], tokensSeen: 0, distinctSeen: 0 },
    ],
    [
      'a repeated word',
      {
        format: 'embedkit-vocabulary',
        version: 1,
        words: ['a', 'a'],
        counts: [1, 1],
        tokensSeen: 2,
        distinctSeen: 1,
      },
    ],
    [
      'too few counts',
      {
        format: 'embedkit-vocabulary',
        version: 1,
        words: ['a', 'b'],
        counts: [1],
        tokensSeen: 2,
        distinctSeen: 2,
      },
    ],
    [
      'a negative count',
      {
        format: 'embedkit-vocabulary',
        version: 1,
        words: ['a'],
        counts: [-1],
        tokensSeen: 1,
        distinctSeen: 1,
      },
    ],
    [
      'counts out of order',
      {
        format: 'embedkit-vocabulary',
        version: 1,
        words: ['a', 'b'],
        counts: [1, 2],
        tokensSeen: 3,
        distinctSeen: 2,
      },
    ],
    [
      'a missing figure',
      { format: 'embedkit-vocabulary', version: 1, words: ['a'], counts: [1], distinctSeen: 1 },
    ],
  ])('rejects %s with FormatError', (_name, json) => {
    expect(() => Vocabulary.fromJSON(json)).toThrow(FormatError);
  });
});

describe('Vocabulary.buildAndEncode', () => {
  it('gives the vocabulary of build and the corpus of encodeCorpus, in one pass', async () => {
    const sentence = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '__proto__'), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence, { maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.integer({ min: 1, max: 5 }),
        async (corpus, minCount, maxVocab, maxSentenceLength) => {
          const filters = { minCount, ...(maxVocab === undefined ? {} : { maxVocab }) };
          let expected: Vocabulary;
          try {
            expected = await Vocabulary.build(corpus, filters);
          } catch (error) {
            expect(error).toBeInstanceOf(EmptyVocabularyError);
            await expect(Vocabulary.buildAndEncode(corpus, filters)).rejects.toThrow(EmptyVocabularyError);
            return;
          }
          const { vocabulary, encoded } = await Vocabulary.buildAndEncode(corpus, {
            ...filters,
            maxSentenceLength,
          });
          expect(vocabulary.toJSON()).toEqual(expected.toJSON());
          expect(encoded).toEqual(await encodeCorpus(corpus, expected, { maxSentenceLength }));
        },
      ),
    );
  });

  it('does not encode a corpus with more than maxEncodedTokens tokens', async () => {
    const within = await Vocabulary.buildAndEncode(tieCorpus, { minCount: 1, maxEncodedTokens: 9 });
    expect(within.encoded?.tokens).toBe(9);
    const over = await Vocabulary.buildAndEncode(tieCorpus, { minCount: 1, maxEncodedTokens: 8 });
    expect(over.encoded).toBeUndefined();
    expect(over.vocabulary.toJSON()).toEqual(within.vocabulary.toJSON());
    await expect(Vocabulary.buildAndEncode(tieCorpus, { maxEncodedTokens: -1 })).rejects.toThrow(ConfigError);
  });
});
