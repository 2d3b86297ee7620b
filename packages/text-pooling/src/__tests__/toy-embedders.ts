import { type Embedder, WordVectors } from '@embedkit/core-math';

/** A tiny hand-made 2-d vocabulary whose pooled vectors are easy to compute by hand. */
export function toyVectors(): WordVectors {
  const words: [string, number, number][] = [
    ['cat', 1, 0],
    ['dog', 0, 2],
    ['fish', 3, 4],
    ['zero', 0, 0],
    ['neg', -1, -2],
    ['__proto__', 2, 2],
  ];
  const matrix = new Float32Array(words.flatMap(([, x, y]) => [x, y]));
  return new WordVectors(
    words.map(([key]) => key),
    matrix,
    2,
  );
}

/**
 * A subword-like embedder: only `cat` is in its vocabulary, but it makes a vector `[length, 1]`
 * for any other token of letters, and none for a token with a digit.
 */
export function toySubwordEmbedder(): Embedder {
  return {
    dim: 2,
    size: 1,
    has: (token) => token === 'cat',
    vector: (token) =>
      token === 'cat'
        ? new Float32Array([1, 0])
        : /\d/u.test(token)
          ? undefined
          : new Float32Array([token.length, 1]),
    keys: () => ['cat'].values(),
  };
}

/** Element-wise closeness check that reports the whole vectors on failure. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-6): void {
  const a = Array.from(actual);
  const e = Array.from(expected);
  const ok = a.length === e.length && a.every((value, i) => Math.abs(value - e[i]!) <= tolerance);
  if (!ok) throw new Error(`expected [${e.join(', ')}], got [${a.join(', ')}] (tolerance ${tolerance})`);
}
