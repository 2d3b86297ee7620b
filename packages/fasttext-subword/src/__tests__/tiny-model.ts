import type { FastTextArgs } from '../fasttext-args.js';
import { FastTextModel } from '../fasttext-model.js';

/** Arguments of a small skip-gram model for tests. */
export const tinyArgs: FastTextArgs = {
  dim: 4,
  ws: 5,
  epoch: 5,
  minCount: 1,
  neg: 5,
  wordNgrams: 1,
  loss: 'ns',
  model: 'skipgram',
  bucket: 97,
  minn: 2,
  maxn: 4,
  lrUpdateRate: 100,
  t: 1e-4,
};

/** Words with multi-byte characters, words that name object properties, and `</s>`. */
export const tinyWords = ['</s>', 'the', 'naïve', '日本語', '__proto__', 'constructor', 'a', 'ü😀x'];

/** A deterministic model of {@link tinyWords} with pseudo-random weights. */
export function tinyModel(args: Partial<FastTextArgs> = {}, words = tinyWords): FastTextModel {
  const full = { ...tinyArgs, ...args };
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const inputMatrix = Float32Array.from({ length: (words.length + full.bucket) * full.dim }, next);
  const outputMatrix = Float32Array.from({ length: words.length * full.dim }, next);
  return new FastTextModel({
    args: full,
    words,
    counts: words.map((_, i) => 100 - i),
    ntokens: 1000,
    inputMatrix,
    outputMatrix,
  });
}
