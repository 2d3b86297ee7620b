import { ConfigError, KeyNotFoundError, NumericError, WordVectors } from '@embedkit/core-math';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POOLING_METHODS, TextEmbedder, type TextEmbedderOptions, WordFrequencies } from '../index.js';
import { expectClose, toySubwordEmbedder, toyVectors } from './toy-embedders.js';

const vectors = toyVectors();

function embed(text: string, options: TextEmbedderOptions = {}): ReturnType<TextEmbedder['embed']> {
  return new TextEmbedder(vectors, options).embed(text);
}

describe('pooling methods on hand-computed vectors', () => {
  it('mean averages every occurrence and skips unknown words', () => {
    const result = embed('cat unknown dog cat');
    expectClose(result.vector, [2 / 3, 2 / 3]);
    expect(result.tokens).toEqual(['cat', 'dog', 'cat']);
    expect(result.skipped).toEqual(['unknown']);
    expect(result.empty).toBe(false);
  });

  it('treats __proto__ as an ordinary word', () => {
    expectClose(embed('__proto__ cat').vector, [1.5, 1]);
  });

  it('unit-mean averages unit vectors and leaves zero vectors out, like fastText', () => {
    // dog/2 = (0, 1), fish/5 = (0.6, 0.8); zero is not counted.
    expectClose(embed('dog fish zero', { method: 'unit-mean' }).vector, [0.3, 0.9]);
    const onlyZero = embed('zero', { method: 'unit-mean' });
    expect(onlyZero.empty).toBe(true);
    expectClose(onlyZero.vector, [0, 0]);
  });

  it('weighted divides by the sum of the weights, with defaultWeight for words a Map lacks', () => {
    const weights = new Map([
      ['cat', 3],
      ['dog', 1],
    ]);
    // (3·(1,0) + 1·(0,2) + 1·(3,4)) / 5
    expectClose(embed('cat dog fish', { method: 'weighted', weights }).vector, [1.2, 1.2]);
    // fish gets weight 0: (3·(1,0) + (0,2)) / 4
    expectClose(embed('cat dog fish', { method: 'weighted', weights, defaultWeight: 0 }).vector, [0.75, 0.5]);
    // weights from a function: (3·(1,0) + 4·(3,4)) / 7
    expectClose(
      embed('cat fish', { method: 'weighted', weights: (t) => t.length }).vector,
      [15 / 7, 16 / 7],
      1e-6,
    );
  });

  it('weighted gives a zero vector, not NaN, when every weight is 0', () => {
    const result = embed('cat dog', { method: 'weighted', weights: () => 0 });
    expectClose(result.vector, [0, 0]);
    expect(result.empty).toBe(false);
  });

  it('weighted rejects a negative or non-finite weight', () => {
    expect(() => embed('cat', { method: 'weighted', weights: () => -1 })).toThrow(ConfigError);
    expect(() => embed('cat', { method: 'weighted', weights: () => Number.NaN })).toThrow(ConfigError);
  });

  it('tfidf weights each occurrence by the smoothed idf fitted on a collection', () => {
    const embedder = new TextEmbedder(vectors, { method: 'tfidf' }).fit(['cat dog', 'cat fish', 'cat']);
    // n = 3; df(cat) = 3 -> idf 1; df(dog) = 1 -> idf 1 + ln 2.
    const idfDog = 1 + Math.log(2);
    expectClose(embedder.embed('cat dog').vector, [1 / (1 + idfDog), (2 * idfDog) / (1 + idfDog)]);
    // neg was never seen: idf = ln(4) + 1.
    expect(embedder.documentFrequencies!.idf('neg')).toBeCloseTo(Math.log(4) + 1, 12);
  });

  it('sif without component removal is (1/n) Σ a/(a + p(w)) v_w', () => {
    const frequencies = new WordFrequencies(
      new Map([
        ['cat', 1],
        ['dog', 3],
      ]),
    );
    // p(cat) = 0.25, p(dog) = 0.75, a = 0.25: weights 0.5, 0.25, and 1 for fish (not in the table).
    const embedder = new TextEmbedder(vectors, { method: 'sif', a: 0.25, components: 0, frequencies });
    expect(embedder.fitted).toBe(true);
    expectClose(embedder.embed('cat dog fish').vector, [3.5 / 3, 4.5 / 3]);
  });

  it('sif removes the projection on the fitted first principal component', () => {
    const frequencies = new WordFrequencies(
      new Map([
        ['cat', 1],
        ['dog', 3],
      ]),
    );
    const embedder = new TextEmbedder(vectors, { method: 'sif', a: 0.25, frequencies });
    expect(embedder.fitted).toBe(false);
    // One reference text whose SIF average is (0.5, 0): the component is ±(1, 0).
    embedder.fit(['cat']);
    expectClose(embedder.principalComponents!.map(Math.abs), [1, 0], 1e-5);
    // SIF average of "cat dog" = (0.5·(1,0) + 0.25·(0,2)) / 2 = (0.25, 0.25); minus its x part.
    expectClose(embedder.embed('cat dog').vector, [0, 0.25], 1e-6);
  });

  it('sif counts word frequencies on the fitted texts when no table is given', () => {
    const embedder = new TextEmbedder(vectors, { method: 'sif', a: 1, components: 0 });
    embedder.fit(['cat cat dog fish']);
    // p(cat) = 1/2, p(dog) = p(fish) = 1/4; weights 2/3, 4/5, 4/5.
    expect(embedder.frequencies!.probability('cat')).toBe(0.5);
    expectClose(embedder.embed('cat fish').vector, [(2 / 3 + 2.4) / 2, 3.2 / 2], 1e-6);
  });

  it('max takes the per-dimension maximum, also of negative values', () => {
    expectClose(embed('cat dog fish', { method: 'max' }).vector, [3, 4]);
    expectClose(embed('neg', { method: 'max' }).vector, [-1, -2]);
  });

  it('mean-max concatenates the mean and the max', () => {
    const embedder = new TextEmbedder(vectors, { method: 'mean-max' });
    expect(embedder.dim).toBe(4);
    expectClose(embedder.embed('cat dog').vector, [0.5, 1, 1, 2]);
  });
});

describe('tokenization and out-of-vocabulary words', () => {
  it('lower-cases before tokenizing when asked', () => {
    expect(embed('CAT Dog').empty).toBe(true);
    expectClose(embed('CAT Dog', { lowercase: true }).vector, [0.5, 1]);
  });

  it('splits on whitespace by default, or on words with unicode-word, or with any function', () => {
    expect(embed('cat, dog!').tokens).toEqual([]);
    expect(embed('cat, dog!', { tokenizer: 'unicode-word' }).tokens).toEqual(['cat', 'dog']);
    expect(embed('cat|dog', { tokenizer: (text) => text.split('|') }).tokens).toEqual(['cat', 'dog']);
  });

  it('oov "error" throws KeyNotFoundError for an unknown word', () => {
    expect(() => embed('cat kitten', { oov: 'error' })).toThrow(KeyNotFoundError);
    expect(() => embed('cat kitten', { oov: 'error' })).toThrow(/kitten/);
  });

  it('oov "subword" uses the vector a subword model makes for a word it does not have', () => {
    const subword = toySubwordEmbedder();
    const skip = new TextEmbedder(subword).embed('cat kitten r2d2');
    expectClose(skip.vector, [1, 0]);
    expect(skip.skipped).toEqual(['kitten', 'r2d2']);
    const used = new TextEmbedder(subword, { oov: 'subword' }).embed('cat kitten r2d2');
    // (1,0) and kitten -> (6,1); r2d2 has no vector at all.
    expectClose(used.vector, [3.5, 0.5]);
    expect(used.tokens).toEqual(['cat', 'kitten']);
    expect(used.skipped).toEqual(['r2d2']);
    expect(() => new TextEmbedder(subword, { oov: 'error' }).embed('kitten')).toThrow(KeyNotFoundError);
  });
});

describe('empty texts and bad input', () => {
  it('gives a zero vector and the empty flag, never NaN, for every method', () => {
    const frequencies = new WordFrequencies(new Map([['cat', 1]]));
    for (const method of POOLING_METHODS) {
      const options: TextEmbedderOptions =
        method === 'weighted'
          ? { method, weights: new Map() }
          : method === 'sif'
            ? { method, frequencies }
            : { method };
      const embedder = new TextEmbedder(vectors, options).fit(['cat dog', 'fish']);
      for (const text of ['', '   ', 'unknown words only']) {
        const result = embedder.embed(text);
        expect(result.empty, `${method} on ${JSON.stringify(text)}`).toBe(true);
        expect(Array.from(result.vector)).toEqual(new Array(embedder.dim).fill(0));
      }
    }
  });

  it('never produces NaN for arbitrary text (property)', () => {
    const embedders = POOLING_METHODS.map((method) =>
      new TextEmbedder(
        vectors,
        method === 'weighted' ? { method, weights: (t) => t.length } : { method, oov: 'skip' },
      ).fit(['cat dog fish', 'neg zero', 'cat']),
    );
    const words = fc.constantFrom('cat', 'dog', 'fish', 'zero', 'neg', '__proto__', 'x', '', ' ', '\n', 'é');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        for (const embedder of embedders) {
          const { vector } = embedder.embed(text);
          if (!vector.every(Number.isFinite)) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('throws NumericError instead of returning NaN when the embedder holds NaN', () => {
    const broken = new WordVectors(['bad'], new Float32Array([Number.NaN, 1]), 2);
    expect(() => new TextEmbedder(broken).embed('bad')).toThrow(NumericError);
    expect(() => new TextEmbedder(broken).embedMany(['bad'])).toThrow(NumericError);
  });

  it('rejects invalid options with ConfigError', () => {
    const bad: TextEmbedderOptions[] = [
      { method: 'median' as never },
      { oov: 'guess' as never },
      { a: 1e-3 },
      { method: 'sif', a: 0 },
      { method: 'sif', components: 3 },
      { method: 'sif', components: 0.5 },
      { method: 'weighted' },
      { method: 'weighted', weights: new Map(), defaultWeight: -1 },
      { tokenizer: 'spacy' as never },
    ];
    for (const options of bad)
      expect(() => new TextEmbedder(vectors, options), JSON.stringify(options)).toThrow(ConfigError);
  });

  it('refuses to embed with tfidf or sif before fit, with a message that says so', () => {
    for (const method of ['tfidf', 'sif'] as const) {
      const embedder = new TextEmbedder(vectors, { method });
      expect(embedder.fitted).toBe(false);
      expect(() => embedder.embed('cat')).toThrow(/fit\(texts\)/);
      expect(() => embedder.embedMany(['cat'])).toThrow(ConfigError);
      expect(() => embedder.fit([])).toThrow(ConfigError);
    }
  });
});

describe('batches and streams', () => {
  const texts = ['cat dog', '', 'fish neg', 'dog', 'unknown', 'cat cat fish'];

  it('embedMany gives the same rows as embed', () => {
    const embedder = new TextEmbedder(vectors, { method: 'mean-max' });
    const batch = embedder.embedMany(texts);
    expect(batch.count).toBe(texts.length);
    expect(batch.dim).toBe(4);
    texts.forEach((text, i) => {
      const single = embedder.embed(text);
      expect(Array.from(batch.vectors.subarray(i * 4, (i + 1) * 4))).toEqual(Array.from(single.vector));
      expect(batch.empty[i]).toBe(single.empty);
    });
  });

  it('embedStream yields batches of an async iterable that add up to embedMany', async () => {
    const embedder = new TextEmbedder(vectors);
    async function* source(): AsyncGenerator<string> {
      yield* texts;
    }
    const batches = [];
    for await (const batch of embedder.embedStream(source(), { batchSize: 4 })) batches.push(batch);
    expect(batches.map((b) => [b.offset, b.count])).toEqual([
      [0, 4],
      [4, 2],
    ]);
    const joined = batches.flatMap((b) => Array.from(b.vectors));
    expect(joined).toEqual(Array.from(embedder.embedMany(texts).vectors));
  });

  it('embedStream stops with CancelledError when its signal is aborted', async () => {
    const controller = new AbortController();
    const stream = new TextEmbedder(vectors).embedStream(texts, { batchSize: 2, signal: controller.signal });
    await stream.next();
    controller.abort();
    await expect(stream.next()).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
