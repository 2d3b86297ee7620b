// A complete embedkit plug-in: random indexing (Kanerva, Kristofersson & Holst 2000; Sahlgren 2005).
// Every word gets a fixed sparse random "index vector" of +1/-1 entries; a word's embedding is the
// sum of the index vectors of the words around it. Load it with:
//   pnpm bench --plugin apps/bench/examples/random-indexing.mjs --algos random-indexing,word2vec-skipgram
import { Random, WordVectors } from '@embedkit/core-math';
import { Vocabulary, sentencesOf } from '@embedkit/corpus';

/** @type {import('@embedkit/core-math').EmbeddingAlgorithm<{ dim: number; window: number; minCount: number; nonZeros: number }>} */
export const randomIndexing = {
  id: 'random-indexing',
  description: 'Random indexing: sums of sparse random context vectors (Sahlgren 2005)',
  defaults: { dim: 100, window: 5, minCount: 5, nonZeros: 10 },
  async train(corpus, options, context = {}) {
    const { dim, window, minCount, nonZeros } = { ...this.defaults, ...options };
    const vocabulary = await Vocabulary.build(corpus, { minCount, signal: context.signal });
    const random = new Random(context.seed ?? 1);
    // Index vectors: `nonZeros` random positions with random signs per word.
    const positions = new Int32Array(vocabulary.size * nonZeros);
    const signs = new Float32Array(vocabulary.size * nonZeros);
    for (let i = 0; i < positions.length; i++) {
      positions[i] = random.nextInt(dim);
      signs[i] = random.nextFloat() < 0.5 ? -1 : 1;
    }
    const matrix = new Float32Array(vocabulary.size * dim);
    for await (const sentence of sentencesOf(corpus, { signal: context.signal })) {
      const ids = vocabulary.encode(sentence);
      for (let i = 0; i < ids.length; i++) {
        for (let j = Math.max(0, i - window); j <= Math.min(ids.length - 1, i + window); j++) {
          if (j === i) continue;
          for (let n = 0; n < nonZeros; n++) {
            const slot = ids[j] * nonZeros + n;
            matrix[ids[i] * dim + positions[slot]] += signs[slot];
          }
        }
      }
    }
    context.onProgress?.({ phase: 'training', fraction: 1 });
    return new WordVectors(vocabulary.words, matrix, dim, vocabulary.counts);
  },
};
