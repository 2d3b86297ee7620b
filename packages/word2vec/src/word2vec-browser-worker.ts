/**
 * The Web Worker of {@link trainWord2VecInBrowser}: trains word2vec on the page's corpus and sends
 * the word vectors back (keys, and a copy of the matrix transferred, not copied again). Built as
 * `dist/word2vec-browser-worker.js`.
 */
import { serveTrainingJob } from './training-job.js';
import type { TransferredVectors } from './train-in-browser.js';
import { trainWord2Vec } from './word2vec-model.js';
import type { Word2VecOptionsInput } from './options.js';

serveTrainingJob<TransferredVectors>(async (corpus, options, context) => {
  const model = await trainWord2Vec(corpus, options as Word2VecOptionsInput, context);
  const vectors = model.wordVectors;
  const matrix = vectors.matrix.slice();
  const counts = vectors.counts?.slice();
  const keys = Array.from({ length: vectors.size }, (_, row) => vectors.keyAt(row));
  const transfer = [
    matrix.buffer as ArrayBuffer,
    ...(counts === undefined ? [] : [counts.buffer as ArrayBuffer]),
  ];
  return { result: { keys, matrix, dim: vectors.dim, counts }, transfer };
});
