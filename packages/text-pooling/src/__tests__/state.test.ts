import { ConfigError, DimensionMismatchError, FormatError, WordVectors } from '@embedkit/core-math';
import { describe, expect, it } from 'vitest';
import { POOLING_METHODS, TextEmbedder, type TextEmbedderOptions, type TextEmbedderState } from '../index.js';
import { toyVectors } from './toy-embedders.js';

const vectors = toyVectors();
const fitTexts = ['cat dog dog', 'fish neg', 'cat fish __proto__', 'zero cat'];
const probes = ['cat dog fish', 'neg __proto__ unknown', '', 'DOG Fish'];

function roundTrip(embedder: TextEmbedder, restoreWith = vectors, restore = {}): TextEmbedder {
  const state = JSON.parse(JSON.stringify(embedder.toJSON())) as TextEmbedderState;
  return TextEmbedder.fromJSON(state, restoreWith, restore);
}

function expectSameVectors(a: TextEmbedder, b: TextEmbedder): void {
  expect(Array.from(b.embedMany(probes).vectors)).toEqual(Array.from(a.embedMany(probes).vectors));
}

describe('toJSON / fromJSON', () => {
  it('gives identical vectors after a JSON round trip, for every method', () => {
    for (const method of POOLING_METHODS) {
      const options: TextEmbedderOptions =
        method === 'weighted'
          ? { method, weights: new Map([['dog', 2.5]]), defaultWeight: 0.5 }
          : method === 'sif'
            ? { method, a: 0.1 }
            : { method };
      const original = new TextEmbedder(vectors, {
        ...options,
        lowercase: true,
        tokenizer: 'unicode-word',
      }).fit(fitTexts);
      const restored = roundTrip(original);
      expect(restored.method).toBe(method);
      expect(restored.fitted).toBe(true);
      expectSameVectors(original, restored);
    }
  });

  it('keeps SIF’s fitted component bit for bit', () => {
    const original = new TextEmbedder(vectors, { method: 'sif', components: 2 }).fit(fitTexts);
    const restored = roundTrip(original);
    expect(Array.from(restored.principalComponents!)).toEqual(Array.from(original.principalComponents!));
    expectSameVectors(original, restored);
  });

  it('saves an unfitted embedder as unfitted', () => {
    const restored = roundTrip(new TextEmbedder(vectors, { method: 'tfidf' }));
    expect(restored.fitted).toBe(false);
  });

  it('needs a custom tokenizer or weight function to be given again', () => {
    const tokenizer = (text: string) => text.split('+');
    const custom = new TextEmbedder(vectors, { tokenizer });
    expect(custom.toJSON().tokenizer).toBe('custom');
    expect(() => roundTrip(custom)).toThrow(ConfigError);
    expectSameVectors(custom, roundTrip(custom, vectors, { tokenizer }));

    const weights = (token: string) => token.length;
    const weighted = new TextEmbedder(vectors, { method: 'weighted', weights });
    expect(() => roundTrip(weighted)).toThrow(ConfigError);
    expectSameVectors(weighted, roundTrip(weighted, vectors, { weights }));
  });

  it('rejects an embedder of another dimension and malformed states', () => {
    const state = new TextEmbedder(vectors).toJSON();
    const other = new WordVectors(['cat'], new Float32Array(3), 3);
    expect(() => TextEmbedder.fromJSON(state, other)).toThrow(DimensionMismatchError);
    expect(() => TextEmbedder.fromJSON({ ...state, format: 'other' } as never, vectors)).toThrow(FormatError);
    expect(() => TextEmbedder.fromJSON({ ...state, method: 'median' } as never, vectors)).toThrow(
      ConfigError,
    );
    const sif = new TextEmbedder(vectors, { method: 'sif' }).fit(fitTexts).toJSON();
    expect(() => TextEmbedder.fromJSON({ ...sif, principalComponents: [1] }, vectors)).toThrow(FormatError);
  });
});
